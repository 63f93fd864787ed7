import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import { validateDirectory } from '../../src/domain/directory.js';
import { isGroup, isReply, isUser, startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { sharedPath } from '../helpers/shared.js';

/**
 * 更正 and 待确认 through the real bot (the registered handler chain), the real ticket service and a real store; only
 * the outbox is captured. The reports come from a group the directory does not know, so the category decides the
 * department (区经信局 → 张伟 for 其他, 区住建局 → 王芳 for 审批手续, 区人社局 → 刘强 for 用工人才).
 */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const GROUP = 'g-unknown-works';
const YILONG = 'wrkSFfCgAAyilong01';
const MONDAY = '2026-11-23T01:30:00.000Z';
const dm = (id: string) => ({ chatId: id, chatType: 'single' as const });

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ label: 'corrections', directory: v.data, now: MONDAY, calendar: new BusinessCalendar({ timezone: 'Asia/Shanghai' }) });
  // #1 其他 (unsure) → 张伟; #2 审批手续 (unsure) → 王芳; #3 用工人才 (sure) → 刘强
  await h.say('boss', '最近生意不太好想请领导帮帮忙', { chatId: GROUP });
  await h.say('boss', '我们递上去的东西一直没回音，麻烦帮看看', { chatId: GROUP });
  await h.say('boss', '我们厂最近招不到电焊工，能不能帮忙对接一下', { chatId: GROUP });
  expect(await h.ticket(1)).toMatchObject({ category: 'other', needsTriage: true, assignee: { personId: 'zhangwei' } });
  expect(await h.ticket(2)).toMatchObject({ category: 'approval', needsTriage: true, assignee: { personId: 'wangfang' } });
  expect(await h.ticket(3)).toMatchObject({ category: 'talent', needsTriage: false, assignee: { personId: 'liuqiang' } });
});
afterEach(async () => {
  await h.close();
});

describe('更正 in chat', () => {
  it('the assignee corrects the category: recorded, re-routed to the right department, needsTriage cleared; a retry applies once', async () => {
    const r = await h.say('zhangwei', '#1 类别改为 用工人才', dm('zhangwei'));
    expect(r.outcome).toBe('#1 category corrected, rerouted to liuqiang');
    expect(r.texts[0]).toContain('**#1 类别已更正**：其他 → 用工人才');
    expect(r.texts[0]).toContain('已改派给 {{mention:0}}（责任部门），待签收');
    expect(r.sent.find(isUser('liuqiang'))?.message.text).toContain('【改派】#1');
    expect(r.sent.find(isGroup(GROUP))?.message.text).toContain('#1 已转由 刘强 办理');
    // the assignee corrected it himself: nobody is told he lost it
    expect(r.sent.filter(isUser('zhangwei'))).toEqual([]);
    const t = (await h.ticket(1))!;
    expect(t).toMatchObject({ category: 'talent', needsTriage: false, status: 'pending_claim', assignee: { personId: 'liuqiang' }, dispatchedAt: MONDAY });
    expect(t.team).toContain('liuqiang');
    expect(t.events.at(-1)).toMatchObject({
      type: 'correct',
      at: MONDAY,
      by: { personId: 'zhangwei' },
      note: '类别：其他 → 用工人才',
      data: { change: { field: 'category', from: 'other', to: 'talent' } },
    });
    const again = await h.again(r.msg);
    expect((await h.ticket(1))!.events).toHaveLength(t.events.length);
    expect(again.texts).toEqual(r.texts);

    // the same category again: a short answer, no event
    const same = await h.say('liuqiang', '#1 改为用工人才类', dm('liuqiang'));
    expect(same.texts[0]).toContain('#1 类别已是“用工人才”，无需更改。');
    expect((await h.ticket(1))!.events).toHaveLength(t.events.length);
  });

  it('the category it is, said beside the one it is not, is the one made (found trying the product: the other was)', async () => {
    const r = await h.say('wangfang', '#2 分类错了 应该是用地问题 不是审批', dm('wangfang'));
    expect(r.texts[0]).toContain('**#2 类别已更正**：审批手续 → 用地拆迁');
    expect(await h.ticket(2)).toMatchObject({ category: 'land' });
    const before = (await h.ticket(3))!.events.length;
    const same = await h.say('liuqiang', '把 #3 的分类改成用工人才，不是审批手续', dm('liuqiang'));
    expect(same.texts[0]).toContain('#3 类别已是“用工人才”，无需更改。');
    expect((await h.ticket(3))!.events).toHaveLength(before);
  });

  it('a change begun but not read is asked again in its form and changes nothing (found trying the product: it closed the ticket)', async () => {
    const before = (await h.ticket(1))!;
    const r = await h.say('zhangwei', '#1 企业名改成宏达 不是很确定', dm('zhangwei'));
    expect(r.outcome).toBe('no correction: the form asked for');
    expect(r.texts[0]).toContain('未能确认 #1 要更正的内容（可更正企业名称、类别、紧急程度），请按格式重发');
    const after = (await h.ticket(1))!;
    expect(after.status).toBe(before.status);
    expect(after.events).toHaveLength(before.events.length);
    // a detail the ticket does not keep, said wrong (round 280): what can be corrected is answered, nothing recorded as
    // progress or handed on
    const address = await h.say('zhangwei', '#1 企业地址填错了，应该是延川县，不是延长县，改一下', dm('zhangwei'));
    expect(address.outcome).toBe('no correction: the form asked for');
    expect((await h.ticket(1))!.events).toHaveLength(before.events.length);
  });

  it('urgency and enterprise: the enterprise from the directory re-routes to its 服务专员', async () => {
    const u = await h.say('liuqiang', '#3 改为紧急', dm('liuqiang'));
    expect(u.texts[0]).toContain('**#3 紧急程度已更正**：一般 → 紧急');
    expect(await h.ticket(3)).toMatchObject({ urgency: 'urgent' });
    const e = await h.say('liuqiang', '#3 企业是 亿龙', dm('liuqiang'));
    expect(e.texts[0]).toContain('**#3 企业已更正**：未填写 → 浙江亿龙置业有限公司');
    expect(await h.ticket(3)).toMatchObject({ enterprise: '浙江亿龙置业有限公司', enterpriseId: 'yilong', assignee: { personId: 'zhangwei' }, projectId: 'yilong-phase2' });
  });

  it('two fields in one message: both corrected, each its own event and answer; a retry applies neither again', async () => {
    const r = await h.say('liuqiang', '#3 企业写错了，应该是亿龙，紧急程度也改成紧急', dm('liuqiang'));
    expect(r.outcome).toBe('#3 enterprise corrected, rerouted to zhangwei; #3 urgency corrected');
    const answers = r.sent.filter(isReply).map((s) => s.message.text);
    expect(answers[0]).toContain('**#3 企业已更正**：未填写 → 浙江亿龙置业有限公司');
    expect(answers[1]).toContain('**#3 紧急程度已更正**：一般 → 紧急');
    const t = (await h.ticket(3))!;
    expect(t).toMatchObject({ enterprise: '浙江亿龙置业有限公司', urgency: 'urgent', assignee: { personId: 'zhangwei' } });
    expect(t.events.filter((e) => e.type === 'correct').map((e) => e.note)).toEqual(['企业：未填写 → 浙江亿龙置业有限公司', '紧急程度：一般 → 紧急']);
    await h.again(r.msg);
    expect((await h.ticket(3))!.events).toHaveLength(t.events.length);

    // the second field already so: that one answered as such, the first still made
    const half = await h.say('zhangwei', '#3 分类改成其他，紧急程度也改成紧急', dm('zhangwei'));
    const halfAnswers = half.sent.filter(isReply).map((s) => s.message.text);
    expect(halfAnswers[0]).toContain('**#3 类别已更正**：用工人才 → 其他');
    expect(halfAnswers[1]).toContain('#3 紧急程度已是“紧急”，无需更改。');
    expect(await h.ticket(3)).toMatchObject({ category: 'other', urgency: 'urgent' });
  });

  it('two fields: a refusal of who may correct it or of the number is answered once; a retry answers as the first run did', async () => {
    const refused = await h.say('wangfang', '#3 紧急程度改成紧急，分类也改成审批', dm('wangfang'));
    expect(refused.texts.filter((x) => x.includes('才能更正 #3'))).toHaveLength(1);
    const unknown = await h.say('liuqiang', '#99 紧急程度改成紧急，分类也改成审批', dm('liuqiang'));
    expect(unknown.texts.filter((x) => x.includes('#99'))).toHaveLength(1);

    // the first part already so, the second hands the ticket to another: a retry gives the same answers
    const r = await h.say('liuqiang', '#3 紧急程度改成一般，企业名称也改成亿龙', dm('liuqiang'));
    const answers = r.sent.filter(isReply).map((s) => s.message.text);
    expect(answers[0]).toContain('#3 紧急程度已是“一般”，无需更改。');
    expect(answers[1]).toContain('**#3 企业已更正**');
    expect(await h.ticket(3)).toMatchObject({ assignee: { personId: 'zhangwei' } });
    const events = (await h.ticket(3))!.events.length;
    const again = await h.again(r.msg);
    expect(again.sent.filter(isReply).map((s) => s.message.text)).toEqual(answers);
    expect((await h.ticket(3))!.events).toHaveLength(events);
  });

  it('anyone else is refused and nothing changes; an unknown number gets the usual answer', async () => {
    const before = (await h.ticket(3))!;
    const refused = await h.say('wangfang', '#3 类别改为 审批手续', dm('wangfang'));
    expect(refused.texts[0]).toContain('抱歉，只有当前责任人、领导和管理员才能更正 #3。');
    // the reporter's own word is passed on to the one handling it (below); another contact is refused
    const other = await h.say('chenjl', '#3 不是问题', { chatId: YILONG });
    expect(other.texts[0]).toContain('才能更正 #3');
    expect(other.sent.filter(isUser('liuqiang'))).toEqual([]);
    expect(await h.ticket(3)).toEqual(before);
    const unknown = await h.say('zhangwei', '#99 改为紧急', dm('zhangwei'));
    expect(unknown.texts[0]).toContain('未找到工单 #99，请核对编号。');
  });

  it('a withdrawal without its number asks for it and changes nothing', async () => {
    const before = (await h.ticket(3))!;
    const asked = await h.say('liuqiang', '刚刚那条不是问题 是我发错群了 撤一下', dm('liuqiang'));
    expect(asked.texts).toEqual(['请注明工单编号，例如“#12 不是问题”。']);
    // said as the enterprise says it: asked the same, and no ticket of its own opened
    const own = await h.say('liuqiang', '这个不是我们企业的问题，撤销', dm('liuqiang'));
    expect(own.texts).toEqual(['请注明工单编号，例如“#12 不是问题”。']);
    // a name said wrong without the number: the example is the name's correction
    const named = await h.say('liuqiang', '刚才那单企业名写错了，不是丰源食品，是丰源肉食品有限公司', dm('liuqiang'));
    expect(named.texts).toEqual(['请注明工单编号，例如“#12 企业是 宏远物流”。']);
    expect(await h.ticket(3)).toEqual(before);
  });

  it("the enterprise's own word is passed on to the one handling the ticket, privately, and changes nothing", async () => {
    const before = (await h.ticket(3))!;
    // said with the number, by the contact who reported it: not refused, passed on
    const r = await h.say('boss', '#3 不是问题', { chatId: GROUP });
    expect(r.outcome).toBe('#3 correction passed on to liuqiang');
    expect(r.sent.filter(isReply).map((s) => s.message.text)).toEqual(['{{mention:0}} 已将您的意见转告 #3 的责任人刘强，核实后将更正或关闭该工单。']);
    const told = r.sent.find(isUser('liuqiang'))!.message.text;
    expect(told).toContain('【企业反馈】#3');
    expect(told).toContain('企业反映：“#3 不是问题”');
    expect(told).toContain('请回复“#3 不是问题”');
    expect(await h.ticket(3)).toEqual(before);
    // said without it, in the group where three are in hand: asked which, with an example the contact may give
    const asked = await h.say('boss', '这个不是我们企业的问题，撤销', { chatId: GROUP });
    expect(asked.texts[0]).toContain('本群有 3 件在办工单，请注明编号，例如“#3 不是我们企业的问题，撤销”');
    expect(asked.sent.filter((s) => s.target.kind === 'user')).toEqual([]);
    // the example given, sent as it is: passed on, not refused nor read as a transfer
    const example = await h.say('boss', '#2 不是我们企业的问题，撤销', { chatId: GROUP });
    expect(example.outcome).toBe('#2 correction passed on to wangfang');
    // the one in hand: passed on without its number
    await h.say('chenjl', '我们厂的围墙被邻居施工挖塌了一段，请帮忙协调', { chatId: YILONG });
    const t4 = (await h.ticket(4))!;
    const own = await h.say('chenjl', '这个不是我们企业的问题，撤销', { chatId: YILONG });
    expect(own.sent.filter(isReply).map((s) => s.message.text)).toEqual([`{{mention:0}} 已将您的意见转告 #4 的责任人${t4.assignee!.name}，核实后将更正或关闭该工单。`]);
    expect(own.sent.find(isUser(t4.assignee!.personId))?.message.text).toContain('【企业反馈】#4');
    expect(await h.ticket(4)).toEqual(t4);
  });

  it('不是问题 closes the ticket, tells its group politely and drops it out of the digest', async () => {
    const r = await h.say('lihua', '#2 不是问题，属于政策咨询', dm('lihua'));
    expect(r.outcome).toBe('#2 dismissed');
    expect(r.texts[0]).toContain('#2 已关闭');
    const group = r.sent.find(isGroup(GROUP))!.message.text;
    expect(group).toContain('经核实，该事项不属于需要办理的问题');
    expect(group).toContain('欢迎随时重新反映');
    expect(await h.ticket(2)).toMatchObject({ status: 'dismissed', needsTriage: false, resolvedAt: null });
    expect((await h.ticket(2))!.events.at(-1)).toMatchObject({ type: 'dismiss', note: '属于政策咨询', data: { from: 'pending_claim', to_status: 'dismissed' } });
    // neither 办结 nor 在办 nor 新增: three reports, one of them no problem
    const digest = (await h.say('lihua', '今日简报', { ...dm('lihua'), at: '2026-11-23T02:30:00.000Z' })).texts.join('\n');
    expect(digest).toContain('新增 2（+2） · 办结 0（持平） · 在办 2（+2）');
    expect(digest).toContain('**待确认分类** 1 件');
    // nothing more to do on it
    const late = await h.say('wangfang', '#2 进展：已联系', dm('wangfang'));
    expect(late.texts[0]).toContain('#2 已确认不是问题并关闭');
  });
});

describe('待确认', () => {
  it('a cadre gets their team\'s unsure tickets, an admin all, oldest first, privately when asked in a group', async () => {
    const mine = await h.say('zhangwei', '待确认', dm('zhangwei'));
    expect(mine.texts[0]).toContain('待确认分类工单（共 1 件）');
    expect(mine.texts[0]).toContain('#1 其他？');
    expect(mine.texts[0]).not.toContain('#2');
    const all = await h.say('xiaoer-admin', '待确认工单', { chatId: YILONG });
    const list = all.sent.find(isUser('xiaoer-admin'))!.message.text;
    expect(list).toContain('共 2 件');
    expect(list.indexOf('#1 ')).toBeLessThan(list.indexOf('#2 '));
    expect(list).not.toContain('#3');
    expect(all.sent.find(isReply)!.message.text).toContain('已私信发送给您');
    // a correction takes it off the list
    await h.say('zhangwei', '#1 类别改为 其它类别', dm('zhangwei'));
    await h.say('zhangwei', '#1 类别改为 政策兑现', dm('zhangwei'));
    expect((await h.say('xiaoer-admin', '待确认', dm('xiaoer-admin'))).texts[0]).toContain('共 1 件');
  });

  it('enterprises and unknown senders are refused', async () => {
    expect((await h.say('chenjl', '待确认', { chatId: YILONG })).texts[0]).toContain('抱歉，只有工作人员才能查看待确认工单。');
    expect((await h.say('boss', '待确认', { chatId: GROUP })).texts[0]).toContain('抱歉，只有工作人员才能查看待确认工单。');
  });
});

describe('更正 that re-routes another\'s ticket', () => {
  it('tells the cadre it was taken from privately (found trying the product: a service commissioner lost a claimed ticket without a word)', async () => {
    const r = await h.say('lihua', '#1 类别改为 用工人才', dm('lihua'));
    expect(r.outcome).toBe('#1 category corrected, rerouted to liuqiang');
    const told = r.sent.filter(isUser('zhangwei')).map((s) => s.message.text);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('【改派】#1');
    expect(told[0]).toContain('已转由 刘强 办理，您无需再跟进。');
  });
});
