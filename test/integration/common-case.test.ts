import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import { validateDirectory } from '../../src/domain/directory.js';
import { isGroup, isUser, startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { sharedPath } from '../helpers/shared.js';

/**
 * 共性问题 made one case (`共性 #1 #2 #3`) through the real bot, the real ticket service and a real store; only the
 * outbox is captured. Three enterprises report the same power problem: 亿龙 (WeCom group, 陈经理), 天赐 (DingTalk
 * group, 孙总) and 华越, added here (WeCom group, 华经理; no 服务专员: its ticket goes to the power company's 周明).
 */
const raw = YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')) as Record<string, unknown[]>;
raw.enterprises!.push({ id: 'huayue', name: '杭州华越纺织有限公司', aliases: ['华越纺织', '华越'] });
raw.people!.push({ id: 'huajl', name: '华经理', role: 'enterprise', enterprise: 'huayue', wecom: 'huajl' });
raw.groups!.push({ platform: 'wecom', chatId: 'wrkHuaYue0001', name: '华越纺织助企服务群', kind: 'enterprise', enterprise: 'huayue' });
const v = validateDirectory(raw);
if (!v.ok) throw new Error(`directory invalid: ${JSON.stringify(v.problems)}`);

const YILONG = 'wrkSFfCgAAyilong01';
const TIANCI = 'cidTianCiService01==';
const HUAYUE = 'wrkHuaYue0001';
const LEADERS = 'wrkSFfCgAAleaders1';
const day = (d: string, hm = '10:00') => new Date(`${d}T${hm}:00+08:00`).toISOString();
const REPORTS = {
  yilong: '亿龙这边厂房用电负荷不够，申请的变压器增容一直没批下来，影响设备调试',
  tianci: '天赐生态新生产线要上，变压器容量不够需要增容，报上去很久了',
  huayue: '华越纺织车间用电负荷不够，变压器增容申请迟迟批不下来',
};

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ label: 'common-case', directory: v.data, now: day('2026-11-02'), calendar: new BusinessCalendar({ timezone: 'Asia/Shanghai' }) });
  expect((await h.say('chenjl', REPORTS.yilong, { chatId: YILONG, at: day('2026-11-02') })).outcome).toMatch(/^ticket #1 created/);
  expect((await h.say('0522002', REPORTS.tianci, { chatId: TIANCI, platform: 'dingtalk', at: day('2026-11-03') })).outcome).toMatch(/^ticket #2 created/);
  expect((await h.say('huajl', REPORTS.huayue, { chatId: HUAYUE, at: day('2026-11-04') })).outcome).toMatch(/^ticket #3 created/);
});
afterEach(async () => {
  await h.close();
});

const leader = (text: string, at = day('2026-11-05')) => h.say('lihua', text, { chatId: LEADERS, at });

describe('共性 #1 #2 #3', () => {
  it('a leader asking 共性问题有哪些 is shown the groups (with how to make one a case); once made a case, none is left', async () => {
    const asked = await leader('共性问题有哪些');
    expect(asked.outcome).toBe('digest day common sent');
    expect(asked.texts[0]).toContain('**共性问题** 1 组');
    expect(asked.texts[0]).toMatch(/共性问题：3家企业反映 .*（#1 #2 #3）/);
    expect(asked.texts[0]).toContain('如需合并办理，请回复“共性 #牵头工单 #其他工单”');
    // an enterprise's contact asking the same is not shown other enterprises' tickets
    expect((await h.say('chenjl', '共性问题有哪些', { chatId: YILONG, at: day('2026-11-05') })).outcome).toBe('refused');
    expect((await leader('共性 #1 #2 #3', day('2026-11-05', '10:10'))).outcome).toMatch(/^case #1/);
    const after = await leader('有没有共性的问题', day('2026-11-05', '10:20'));
    expect(after.texts[0]).toContain('**共性问题** 0 组');
    expect(after.texts[0]).toContain('> 目前没有共性问题（3家及以上企业近30天反映的同类在办问题）');
  });

  it('only a leader or an admin may make tickets one case; a cadre is refused politely and nothing changes', async () => {
    const before = await Promise.all([1, 2, 3].map((n) => h.ticket(n)));
    const r = await h.say('zhangwei', '共性 #1 #2 #3', { chatId: 'zhangwei', chatType: 'single', at: day('2026-11-05') });
    expect(r.outcome).toBe('refused: not a leader');
    expect(r.texts).toHaveLength(1);
    expect(r.texts[0]).toContain('抱歉，只有领导和管理员才能将工单合并为共性问题办理。');
    const contact = await h.say('chenjl', '共性 #1 #2 #3', { chatId: YILONG, at: day('2026-11-05') });
    expect(contact.outcome).toBe('refused: not a leader');
    expect(await Promise.all([1, 2, 3].map((n) => h.ticket(n)))).toEqual(before);
  });

  it('fewer than two numbers, an unknown number, a ticket no longer open, one in another case: a short answer, nothing changes', async () => {
    const staff = { platform: 'wecom' as const, id: 'zhangwei', name: '张伟', personId: 'zhangwei' };
    expect((await h.say('chenjl', '厂区门口那段路坑坑洼洼，货车进出很困难', { chatId: YILONG, at: day('2026-11-04', '11:00') })).outcome).toMatch(/^ticket #4 created/);
    await h.service.change(4, () => ({ type: 'claim' }), { by: staff, at: day('2026-11-04', '12:00') });
    await h.service.change(4, () => ({ type: 'resolve', outcome: 'resolved' }), { by: staff, at: day('2026-11-04', '13:00') });
    const before = await Promise.all([1, 2, 3, 4].map((n) => h.ticket(n)));

    expect((await leader('共性 #1')).texts[0]).toContain('请至少注明两个工单编号，例如“共性 #12 #15 #19”');
    expect((await leader('共性 #1 #1')).texts[0]).toContain('请至少注明两个工单编号');
    expect((await leader('共性 #1 #2 #99')).texts[0]).toContain('未找到工单 #99，请核对编号。未作合并。');
    expect((await leader('共性 #1 #4')).texts[0]).toContain('#4 待评价，不能合并为共性问题。未作合并。');
    expect(await Promise.all([1, 2, 3, 4].map((n) => h.ticket(n)))).toEqual(before);

    // #2 in #1's case: it cannot join another one
    expect((await leader('共性 #1 #2', day('2026-11-05', '10:10'))).outcome).toMatch(/^case #1: #2 joined/);
    const three = await h.ticket(3);
    const r = await leader('共性 #3 #2', day('2026-11-05', '10:20'));
    expect(r.texts[0]).toContain('#2 已并入 #1 的共性问题，不能再并入其他问题。未作合并。');
    expect(await h.ticket(3)).toEqual(three);
    expect((await leader('共性 #1 #2', day('2026-11-05', '10:30'))).texts[0]).toContain('#1 与 #2 已是同一共性问题。');
    // the numbers may go without #: 共性 1 2 is the same command, not a report
    expect((await leader('共性 1 2', day('2026-11-05', '10:40'))).texts[0]).toContain('#1 与 #2 已是同一共性问题。');
    expect(await h.ticket(5)).toBeNull();
  });

  it('makes one case routed to the lead\'s handler; the answer reaches every enterprise\'s own group; each rates its own ticket', async () => {
    expect(await h.ticket(3)).toMatchObject({ enterpriseId: 'huayue', assignee: { personId: 'zhouming' } });
    const r = await leader('共性 #1 #2 #3');
    expect(r.outcome).toBe('case #1: #2 #3 joined (to zhangwei)');
    // the leaders' group sees the case with each enterprise's problem
    expect(r.texts[0]).toContain('**共性问题已合并**：#1 牵头，#2 #3 并入');
    expect(r.texts[0]).toContain('3家企业');
    const lead = (await h.ticket(1))!;
    expect(lead.caseMembers).toEqual([2, 3]);
    expect(lead.events.at(-1)).toMatchObject({ type: 'lead_case', data: { members: [2, 3] }, by: { id: 'lihua' } });
    for (const no of [2, 3]) {
      const m = (await h.ticket(no))!;
      expect(m).toMatchObject({ caseOf: 1, assignee: { personId: 'zhangwei' }, status: 'pending_claim' });
      expect(m.events.at(-1)).toMatchObject({ type: 'join_case', data: { lead: 1 } });
    }
    // 华越's ticket went from 周明 to 张伟 as by a 转办: the previous handler is on record
    expect((await h.ticket(3))!.events.at(-1)).toMatchObject({ data: { previous: { personId: 'zhouming' }, to: { personId: 'zhangwei' } } });
    // each member's group hears of its own ticket only
    for (const [chat, no, others] of [[TIANCI, 2, ['亿龙', '华越', REPORTS.yilong.slice(2, 12)]], [HUAYUE, 3, ['亿龙', '天赐', REPORTS.tianci.slice(4, 14)]]] as const) {
      const notice = r.sent.filter(isGroup(chat)).map((s) => s.message.text).join('\n');
      expect(notice).toContain(`#${no} 已并入共性问题统一办理`);
      for (const o of others) expect(notice).not.toContain(o);
      expect(notice).not.toContain('#1');
    }
    expect(r.sent.find(isUser('zhangwei'))!.message.text).toContain('【共性问题】#1 牵头，#2 #3 并入');
    // a retried job changes nothing more and answers the same
    const again = await h.again(r.msg);
    expect(again.texts).toEqual(r.texts);
    expect((await h.ticket(1))!.events).toHaveLength(lead.events.length);

    // the lead's handler answers the lead: every member is answered in its own group
    await h.say('zhangwei', '认领 #1', { chatId: YILONG, at: day('2026-11-06', '09:00') });
    const done = await h.say('zhangwei', '办结 #1 已协调供电公司，园区变压器本月底前统一增容', { chatId: YILONG, at: day('2026-11-06', '10:00') });
    expect(done.outcome).toBe('#1 resolved (resolved), case members #2 #3 answered');
    for (const [no, chat, summaryOf, foreign] of [
      [2, TIANCI, 2, [REPORTS.yilong.slice(2, 12), REPORTS.huayue.slice(4, 14), '亿龙', '华越']],
      [3, HUAYUE, 3, [REPORTS.yilong.slice(2, 12), REPORTS.tianci.slice(4, 14), '亿龙', '天赐']],
    ] as const) {
      const t = (await h.ticket(no))!;
      expect(t).toMatchObject({ status: 'pending_rating', outcome: 'resolved' });
      expect(t.events.at(-1)).toMatchObject({ type: 'resolve', note: '已协调供电公司，园区变压器本月底前统一增容', data: { case: 1 } });
      const msgs = done.sent.filter(isGroup(chat));
      expect(msgs).toHaveLength(1);
      const text = msgs[0]!.message.text;
      expect(text).toContain(`#${no} 已答复（已解决）`);
      expect(text).toContain(`> 问题：${(await h.ticket(summaryOf))!.summary}`);
      expect(text).toContain('> 答复：已协调供电公司，园区变压器本月底前统一增容');
      expect(text).toContain(`回复“#${no} 满意”`);
      expect(text).not.toContain('#1');
      for (const f of foreign) expect(text).not.toContain(f);
    }
    expect(done.sent.filter(isGroup(YILONG)).length + done.sent.filter((s) => s.target.kind === 'reply').length).toBeGreaterThan(0);
    expect(done.sent.find(isUser('zhangwei'))!.message.text).toContain('共性问题 #1 的答复已同时答复 #2 #3');

    // each enterprise rates its own ticket: 满意 closes 天赐's, 不满意 reopens only 华越's
    expect((await h.say('0522002', '#2 满意', { chatId: TIANCI, platform: 'dingtalk', at: day('2026-11-06', '11:00') })).outcome).toMatch(/#2/);
    const bad = await h.say('huajl', '#3 不满意 还是没通电', { chatId: HUAYUE, at: day('2026-11-06', '12:00') });
    expect(bad.outcome).toMatch(/#3/);
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_rating' });
    expect(await h.ticket(2)).toMatchObject({ status: 'closed', rating: { level: 'satisfied' } });
    expect(await h.ticket(3)).toMatchObject({ status: 'in_progress', reopenCount: 1, rating: { level: 'dissatisfied' } });
    // another enterprise cannot rate 华越's ticket
    const foreign = await h.say('chenjl', '#3 满意', { chatId: YILONG, at: day('2026-11-06', '12:30') });
    expect(foreign.texts.join('\n')).toContain('只有本企业联系人');
    expect(await h.ticket(3)).toMatchObject({ status: 'in_progress' });
  });
});
