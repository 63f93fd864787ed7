import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { validateDirectory } from '../../../src/domain/directory.js';
import { isReply, isUser, startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';
import { sharedPath } from '../../helpers/shared.js';

/** The create-ticket handler through the real bot and ticket service on a real database (only the outbox is captured). */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
/** Monday 2026-11-23 09:30 in Shanghai, the time of every message here. */
const MONDAY = '2026-11-23T01:30:00.000Z';
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('create-ticket handler', () => {
  it('without a directory: opens a ticket and answers with number, mention, summary, category and deadline', async () => {
    h = await startBotHarness({ label: 'create', now: MONDAY, calendar: cal });
    const r = await h.say('chenjl', '新项目的用地指标还差20亩，12月15日前要报省里');
    expect(r.outcome).toBe('ticket #1 created');
    const t = await h.ticket(1);
    expect(t).toMatchObject({ category: 'land', urgency: 'normal', requestedDate: '2026-12-15', status: 'accepted', sourceMessageId: `wecom:${r.msg.eventId}` });
    expect(cal.localDate(t!.resolutionDueAt)).toBe('2026-11-30');
    expect(t).not.toHaveProperty('resolutionDue');
    expect(r.sent).toHaveLength(1);
    expect(isReply(r.sent[0]!)).toBe(true);
    const m = r.sent[0]!.message;
    expect(m.mentions).toEqual([{ platform: 'wecom', id: 'chenjl', name: undefined }]);
    expect(m.text).toContain('已受理 #1');
    expect(m.text).toContain('{{mention:0}}');
    expect(m.text).toContain('用地拆迁');
    expect(m.text).toContain('办理时限：2026-11-30（周一）');
    // the date asked for is later than the policy's limit: the card says so, and that the limit comes first
    expect(m.text).toContain('办理时限：2026-11-30（周一）09:30，早于您要求的12月15日');
  });

  it('a date asked for within the limit is the deadline, and the card says it is the one asked for', async () => {
    h = await startBotHarness({ label: 'create-asked', now: MONDAY, calendar: cal });
    const r = await h.say('chenjl', '厂区门口的路灯坏了一排，晚上工人下班看不见路，希望本周四前修好');
    expect(r.outcome).toBe('ticket #1 created');
    expect(r.sent[0]!.message.text).toContain('办理时限：2026-11-26（周四），按您要求的日期');
  });

  it('the same report handled twice (a retried job) is one ticket and the same answer', async () => {
    h = await startBotHarness({ label: 'create-twice', now: MONDAY, calendar: cal });
    const first = await h.say('chenjl', '新项目的用地指标还差20亩，12月15日前要报省里');
    const again = await h.again(first.msg);
    expect(await h.tickets.count()).toBe(1);
    expect(again.texts).toEqual(first.texts);
    // the same cause and index: the outbox's deterministic job id makes the second send a no-op
    expect(again.sent.map((s) => [s.cause, s.index])).toEqual(first.sent.map((s) => [s.cause, s.index]));
  });

  it("with the directory: the group's enterprise, routed to its commissioner, mentioned and messaged privately", async () => {
    h = await startBotHarness({ label: 'create-dir', directory: v.data, now: MONDAY, calendar: cal });
    const r = await h.say('chenjl', '我们用电扩容申请一个月了还没批下来', { chatId: 'wrkSFfCgAAyilong01' });
    expect(r.outcome).toBe('ticket #1 created, dispatched to zhangwei');
    expect(await h.ticket(1)).toMatchObject({
      enterpriseId: 'yilong',
      enterprise: '浙江亿龙置业有限公司',
      status: 'pending_claim',
      assignee: { personId: 'zhangwei', name: '张伟', wecom: 'zhangwei' },
      projectId: 'yilong-phase2',
      leaderId: 'lihua',
    });
    const [reply, dm] = r.sent;
    expect(isReply(reply!)).toBe(true);
    expect(reply!.message.mentions.map((m) => m.id)).toEqual(['chenjl', 'zhangwei']);
    // the mention shows the name: it is not written out again
    expect(reply!.message.text).toContain('责任人：{{mention:1}}（服务专员）');
    // the reporter as the directory names them, in the ticket and its first event
    const t = await h.ticket(1);
    expect(t!.reporter).toEqual({ id: 'chenjl', name: '陈经理' });
    expect(t!.events[0]!.by).toMatchObject({ id: 'chenjl', name: '陈经理' });
    expect(dm!.target).toEqual({ kind: 'user', platform: 'wecom', userId: 'zhangwei' });
    expect(dm!.message.text).toContain('【新工单】#1');
    expect(r.sent.filter(isUser('zhangwei'))).toHaveLength(1);
  });

  it('signed by a business the directory does not know, in an enterprise\'s group: filed under the group\'s, and the answer says so', async () => {
    h = await startBotHarness({ label: 'create-signer', directory: v.data, now: MONDAY, calendar: cal });
    const r = await h.say('chenjl', '园区天然气压力老不稳，锅炉点不着，影响生产 —— 宏达化工 孙总', { chatId: 'wrkSFfCgAAyilong01' });
    expect(r.outcome).toBe('ticket #1 created, dispatched to zhangwei');
    expect(await h.ticket(1)).toMatchObject({ enterpriseId: 'yilong', enterprise: '浙江亿龙置业有限公司' });
    expect(r.sent[0]!.message.text).toContain('> 注：消息署名“宏达化工”，名录中无此企业，已按浙江亿龙置业有限公司登记；如有误，请责任人回复“#1 企业是 企业名称”更正。');
    // its own name, an alias, or no business named: nothing to say
    for (const [text, no] of [['厂区门口的路灯坏了一排，晚上工人下班看不见路 —— 亿龙置业 陈经理', 2], ['新招的三十个工人社保开户一直办不下来', 3]] as const) {
      const own = await h.say('chenjl', text, { chatId: 'wrkSFfCgAAyilong01' });
      expect(own.sent[0]!.message.text, text).toContain(`已受理 #${no}`);
      expect(own.sent[0]!.message.text, text).not.toContain('名录中无此企业');
    }
  });

  it('chat makes no ticket and no answer', async () => {
    h = await startBotHarness({ label: 'create-chat', now: MONDAY, calendar: cal });
    const r = await h.say('chenjl', '好的收到');
    expect(r.outcome).not.toMatch(/created/);
    expect(r.sent).toEqual([]);
    expect(await h.tickets.count()).toBe(0);
  });
});
