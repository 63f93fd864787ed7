import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { validateDirectory } from '../../../src/domain/directory.js';
import { isReply, isUser, startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';
import { sharedPath } from '../../helpers/shared.js';

/**
 * Buttons on the bot's messages, through the real bot and handlers: a tap arrives as the command its button stands
 * for (marked as coming from a card) and goes through the same handler and permission rules as the typed command.
 */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const directory = v.data;
const GROUP = 'wrkSFfCgAAyilong01';
const MONDAY = '2026-11-23T01:30:00.000Z';
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ label: 'card-actions', directory, now: MONDAY, calendar: cal });
});
afterEach(async () => {
  await h.close();
});

const cardUpdate = (reqId: string) => (s: { target: { kind: string; replyVia?: { kind: string; reqId?: string } } }) =>
  s.target.kind === 'reply' && s.target.replyVia?.kind === 'wecom-card' && s.target.replyVia.reqId === reqId;

describe('card buttons through the real bot', () => {
  it('the 受理 answer carries 认领 for the responsible person; the 办结 answer carries the three ratings', async () => {
    const opened = await h.say('chenjl', '我们用电扩容申请一个月了还没批下来', { chatId: GROUP });
    const accepted = opened.sent.find(isReply)!;
    expect(accepted.message.text).toContain('已受理 #1');
    expect(accepted.message.actions).toEqual([{ label: '认领', command: '认领 #1' }]);
    // the typed command stays in the text: channels without buttons show it
    expect(accepted.message.text).toContain('认领 #1');

    await h.say('zhangwei', '认领 #1', { chatId: GROUP });
    const resolved = await h.say('zhangwei', '办结 #1 已协调供电公司完成扩容', { chatId: GROUP });
    expect(resolved.sent.find(isReply)!.message.actions).toEqual([
      { label: '满意', command: '#1 满意' },
      { label: '基本满意', command: '#1 基本满意' },
      { label: '不满意', command: '#1 不满意' },
    ]);
  });

  it('认领 tapped by the assignee claims the ticket, and the answer updates the card naming them', async () => {
    await h.say('chenjl', '我们用电扩容申请一个月了还没批下来', { chatId: GROUP });
    const r = await h.tap('zhangwei', '认领 #1', { chatId: GROUP, taskId: 'xe-task-1', reqId: 'req-ev-1' });
    expect(r.outcome).toBe('#1 claimed');
    expect(await h.ticket(1)).toMatchObject({ status: 'in_progress', assignee: { personId: 'zhangwei' } });
    const update = r.sent.find(cardUpdate('req-ev-1'));
    expect(update).toBeDefined();
    expect(update!.target).toMatchObject({ kind: 'reply', chatId: GROUP, replyVia: { kind: 'wecom-card', reqId: 'req-ev-1', taskId: 'xe-task-1' } });
    expect(update!.message.status).toBe('张伟 已认领');
    expect(update!.message.text).toContain('#1 已签收');
    // nothing private: the tap succeeded
    expect(r.sent.some(isUser('zhangwei'))).toBe(false);
  });

  it('认领 tapped by the enterprise contact changes nothing: a private refusal, no card update', async () => {
    await h.say('chenjl', '我们用电扩容申请一个月了还没批下来', { chatId: GROUP });
    const before = (await h.ticket(1))!;
    const r = await h.tap('chenjl', '认领 #1', { chatId: GROUP, taskId: 'xe-task-2', reqId: 'req-ev-2' });
    expect(r.outcome).toBe('refused');
    const after = (await h.ticket(1))!;
    expect(after.status).toBe(before.status);
    expect(after.events).toHaveLength(before.events.length);
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]!.target).toEqual({ kind: 'user', platform: 'wecom', userId: 'chenjl' });
    expect(r.sent[0]!.message.status).toBeUndefined();
    expect(r.sent.some(isReply)).toBe(false);
  });

  it('满意 tapped by the enterprise rates the ticket; tapped by a cadre, it is refused privately', async () => {
    await h.say('chenjl', '我们用电扩容申请一个月了还没批下来', { chatId: GROUP });
    await h.say('zhangwei', '认领 #1', { chatId: GROUP });
    await h.say('zhangwei', '办结 #1 已协调供电公司完成扩容', { chatId: GROUP });

    const wrong = await h.tap('zhangwei', '#1 满意', { chatId: GROUP, taskId: 'xe-task-3', reqId: 'req-ev-3' });
    expect(wrong.outcome).toBe('refused');
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_rating' });
    expect(wrong.sent.map((s) => s.target)).toEqual([{ kind: 'user', platform: 'wecom', userId: 'zhangwei' }]);

    const right = await h.tap('chenjl', '#1 满意', { chatId: GROUP, taskId: 'xe-task-3', reqId: 'req-ev-4' });
    expect(right.outcome).toBe('#1 rated satisfied, closed');
    const t = (await h.ticket(1))!;
    expect(t.status).toBe('closed');
    expect(t.events.at(-1)).toMatchObject({ type: 'rate' });
    const update = right.sent.find(cardUpdate('req-ev-4'));
    expect(update!.message.status).toBe('陈经理 已评价：满意');
    expect(update!.message.text).toContain('#1 已办结');
  });

  it('in callback mode (no req_id) the answer is the ordinary reply, still marked with who did what', async () => {
    await h.say('chenjl', '我们用电扩容申请一个月了还没批下来', { chatId: GROUP });
    const r = await h.tap('zhangwei', '认领 #1', { chatId: GROUP, taskId: 'xe-task-5' });
    expect(r.outcome).toBe('#1 claimed');
    const reply = r.sent.find(isReply)!;
    expect(reply.target).toMatchObject({ kind: 'reply', chatId: GROUP });
    expect((reply.target as { replyVia?: unknown }).replyVia).toBeUndefined();
    expect(reply.message.status).toBe('张伟 已认领');
  });
});
