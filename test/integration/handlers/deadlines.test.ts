import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../config/policy.js';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { validateDirectory } from '../../../src/domain/directory.js';
import { reopenDueAt } from '../../../src/domain/sla.js';
import { isOverdue, wasOverdue } from '../../../src/domain/ticket.js';
import { isReply, isUser, startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';
import { sharedPath } from '../../helpers/shared.js';

/**
 * Deadlines through the real bot and ticket service: every surface shows the current deadline (one stored instant),
 * 重办 starts a new answer clock, 超期 is one definition and the record keeps it.
 */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const directory = v.data;
const GROUP = 'wrkSFfCgAAyilong01';
const L = (local: string) => new Date(`${local}+08:00`).toISOString();
/** Monday 2026-11-23 09:30 in Shanghai: a report then is due Monday 11-30 09:30. */
const MONDAY = L('2026-11-23T09:30:00');
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ label: 'deadlines', directory, now: MONDAY, calendar: cal });
});
afterEach(async () => {
  await h.close();
});

const group = (at?: string) => ({ chatId: GROUP, ...(at ? { at } : {}) });
const privately = (id: string, at?: string) => ({ chatId: id, chatType: 'single' as const, ...(at ? { at } : {}) });

async function claimed(text = '我们用电扩容申请一个月了还没批下来') {
  const opened = await h.say('chenjl', text, group(MONDAY));
  const no = Number(/#(\d+)/.exec(opened.outcome)![1]);
  await h.say('zhangwei', `认领 #${no}`, group(MONDAY));
  expect(await h.ticket(no)).toMatchObject({ status: 'in_progress', resolutionDueAt: L('2026-11-30T09:30:00') });
  return no;
}

describe('every surface shows the current deadline', () => {
  it('after 延期: the reply, the card, 我的待办, the urge message and the transfer notice show the new date', async () => {
    await claimed();
    const ext = await h.say('zhangwei', '延期 #1 到12月2日 理由：等待供电公司现场勘察', group(L('2026-11-24T10:00:00')));
    expect(ext.texts[0]).toContain('办理时限调整为 2026-12-02（周三）');
    const t = (await h.ticket(1))!;
    expect(t.resolutionDueAt).toBe(L('2026-12-02T18:00:00'));
    expect(t).not.toHaveProperty('resolutionDue');

    expect((await h.say('chenjl', '#1 什么进度了', group())).texts[0]).toContain('办理时限：2026-12-02（周三）');
    const todo = (await h.say('zhangwei', '我的待办', privately('zhangwei'))).texts[0]!;
    expect(todo).toContain('时限 2026-12-02');
    // his own list names the enterprise, not himself on every row
    expect(todo).toContain(t.enterprise!);
    expect(todo).not.toContain(t.assignee!.name);
    const urged = await h.say('chenjl', '#1 催一下', group());
    expect(urged.texts[0]).toContain('办理时限：2026-12-02（周三）');
    expect(urged.sent.find(isUser('zhangwei'))?.message.text).toContain('办理时限：2026-12-02（周三）');
    const moved = await h.say('zhangwei', '转办 #1 @周明', group());
    expect(moved.sent.find(isUser('zhouming'))?.message.text).toContain('办理时限：2026-12-02（周三）');
  });

  it('同意延期 answers with the approved date, to the group and to the assignee', async () => {
    await claimed();
    await h.say('zhangwei', '延期 #1 到12月2日 理由：等待供电公司现场勘察', group(L('2026-11-24T10:00:00')));
    await h.say('zhangwei', '#1 延期3个工作日 原因：需省电力公司审批', group(L('2026-11-24T10:05:00')));
    const approved = await h.say('lihua', '同意延期 #1', privately('lihua', L('2026-11-24T11:00:00')));
    expect(approved.texts[0]).toContain('办理时限调整为 2026-12-07（周一）');
    expect(approved.sent.find(isUser('zhangwei'))?.message.text).toContain('新办理时限：2026-12-07（周一）');
  });

  it('恢复办理 answers with the deadline moved by the working time paused', async () => {
    await claimed();
    await h.say('zhangwei', '#1 待补充：请提供二期用电负荷表', group(L('2026-11-24T09:30:00')));
    // two working days paused: due Mon 11-30 09:30 becomes Wed 12-02 09:30
    const resumed = await h.say('chenjl', '#1 已补充', group(L('2026-11-26T09:30:00')));
    expect((await h.ticket(1))!.resolutionDueAt).toBe(L('2026-12-02T09:30:00'));
    expect(resumed.texts[0]).toContain('办理时限顺延至 2026-12-02（周三）');
  });
});

describe('超期问题: open, past the current deadline, not paused', () => {
  it('lists what is overdue now: not a ticket extended in time, not one waiting for the enterprise', async () => {
    const extended = await claimed('我们用电扩容申请一个月了还没批下来');
    const late = await claimed('我们厂区门口的道路坑洼一直没修，货车进出困难');
    const paused = await claimed('我们的排污许可证续期材料已交，两周没有回音');
    await h.say('zhangwei', `延期 #${extended} 到12月2日 理由：等待供电公司现场勘察`, group(L('2026-11-27T10:00:00')));
    await h.say('zhangwei', `#${paused} 待补充：请补充排污口监测报告`, group(L('2026-11-27T10:00:00')));
    const now = L('2026-12-01T10:00:00');
    const r = await h.say('lihua', '超期问题', privately('lihua', now));
    expect(r.texts[0]).toContain('超期问题（1件）');
    expect(r.texts[0]).toContain(`#${late} `);
    expect(r.texts[0]).not.toContain(`#${extended} `);
    expect(r.texts[0]).not.toContain(`#${paused} `);
    expect(isOverdue((await h.ticket(late))!, now)).toBe(true);
    // each line says whose problem it is and by how much it is late, in place of its deadline (found trying the product)
    const line = r.texts[0]!.split('\n').find((l) => l.includes(`#${late} `))!;
    expect((await h.ticket(late))!.enterprise).toBeTruthy();
    expect(line).toContain((await h.ticket(late))!.enterprise!);
    expect(line).toMatch(/已超期 \d+ 个工作(日|小时)/);
    expect(line).not.toContain('时限');
    // after its new deadline the extended one is overdue too
    const later = await h.say('lihua', '超期问题', privately('lihua', L('2026-12-03T10:00:00')));
    expect(later.texts[0]).toContain('超期问题（2件）');
    expect(later.texts[0]).toContain(`#${extended} `);
  });
});

describe('重办 starts a new answer clock', () => {
  it('reopened by the enterprise: new deadline from the reopen, shown in the reply and the notice; nothing fires at once', async () => {
    await claimed();
    await h.say('zhangwei', '办结 #1 部分解决，剩余容量明年一季度落实', group(L('2026-12-03T10:00:00')));
    const reopenedAt = L('2026-12-08T10:00:00');
    const r = await h.say('chenjl', '#1 还没解决，二期还是用不上电', group(reopenedAt));
    const due = reopenDueAt(reopenedAt, 'normal', cal, DEFAULT_POLICY);
    expect(due).toBe(L('2026-12-15T10:00:00'));
    const t = (await h.ticket(1))!;
    expect(t).toMatchObject({ status: 'in_progress', resolutionDueAt: due, escalationCount: 0 });
    expect(isOverdue(t, reopenedAt)).toBe(false);
    // the next reminder is about the new deadline, not the old ladder all at once
    expect(t.nextDueAt! > reopenedAt).toBe(true);
    expect(t.events.at(-1)).toMatchObject({ type: 'reopen', note: '二期还是用不上电', data: { previousDue: L('2026-11-30T09:30:00'), resolutionDueAt: due } });
    // the new deadline, with its time (not the close of the day) and the one it replaced
    expect(r.texts[0]).toContain('办理时限：2026-12-15（周二）10:00（原时限 2026-11-30（周一）09:30）');
    const notice = r.sent.find(isUser('zhangwei'))!.message.text;
    expect(notice).toContain('（原时限 2026-11-30（周一）09:30）');
    expect(notice).toContain('【重办】#1');
    expect(notice).toContain('企业说明：二期还是用不上电');
    expect(notice).toContain('办理时限：2026-12-15（周二）');
    // answered late the first time: the record keeps it
    expect(wasOverdue(t, reopenedAt)).toBe(true);
  });

  it('a bad rating with a reason: the rate event keeps level and reason; the 【重办】 notice has the reason and the new date', async () => {
    await claimed();
    await h.say('zhangwei', '办结 #1 已协调供电公司', group(L('2026-11-27T10:00:00')));
    const ratedAt = L('2026-11-30T15:00:00');
    const r = await h.say('chenjl', '#1 不满意 还是没通电', group(ratedAt));
    expect(r.outcome).toBe('#1 rated dissatisfied, reopened');
    const t = (await h.ticket(1))!;
    expect(t.resolutionDueAt).toBe(reopenDueAt(ratedAt, 'normal', cal, DEFAULT_POLICY));
    expect(t.events.at(-1)).toMatchObject({ type: 'rate', note: '还是没通电', data: { level: 'dissatisfied', reopened: true, previousDue: L('2026-11-30T09:30:00') } });
    // answered in time: no overdue record
    expect(wasOverdue(t, ratedAt)).toBe(false);
    const notice = r.sent.find(isUser('zhangwei'))!.message.text;
    expect(notice).toContain('【重办】#1 企业评价：不满意');
    expect(notice).toContain('企业说明：还是没通电');
    expect(notice).toContain('办理时限：2026-12-07（周一）');
  });
});

describe('an extension after the deadline', () => {
  it('a self-extension once overdue needs a leader; the approval keeps that the ticket was overdue', async () => {
    await claimed();
    const asked = await h.say('zhangwei', '延期 #1 3个工作日 理由：等待省里批复', group(L('2026-12-01T10:00:00')));
    // (the leader's private request goes first, then the group is told)
    const told = asked.texts.find((x) => x.includes('已提交领导审批'))!;
    expect(told).toContain('已超过办理时限');
    expect(told).toContain('已提交领导审批（已通知李华）');
    // the leader is asked privately, not called on in the group
    expect(told).not.toContain('同意延期');
    expect(asked.sent.some(isUser('lihua'))).toBe(true);
    expect(await h.ticket(1)).toMatchObject({ extensionCount: 0, resolutionDueAt: L('2026-11-30T09:30:00'), pendingExtension: { to: L('2026-12-03T09:30:00') } });
    const approvedAt = L('2026-12-01T11:00:00');
    const ok = await h.say('lihua', '同意延期 #1', privately('lihua', approvedAt));
    expect(ok.texts[0]).toContain('办理时限调整为 2026-12-03（周四）');
    const t = (await h.ticket(1))!;
    expect(t.events.at(-1)).toMatchObject({ type: 'approve_extension', data: { overdue: true } });
    expect(isOverdue(t, approvedAt)).toBe(false);
    expect(wasOverdue(t, approvedAt)).toBe(true);
  });

  it('a leader no private message can reach is asked in the group instead, and nothing says 已通知', async () => {
    await h.close();
    const unreachable = { ...directory, people: directory.people.map((p) => (p.role === 'leader' ? { ...p, wecom: undefined, dingtalk: undefined } : p)) };
    h = await startBotHarness({ label: 'deadlines-unreachable', directory: unreachable, now: MONDAY, calendar: cal });
    await claimed();
    const asked = await h.say('zhangwei', '延期 #1 3个工作日 理由：等待省里批复', group(L('2026-12-01T10:00:00')));
    const told = asked.texts.find((x) => x.includes('已提交领导审批'))!;
    expect(told).toContain('请领导回复“同意延期 #1”');
    expect(told).not.toContain('已通知');
    expect(asked.sent.some(isUser('lihua'))).toBe(false);
    expect(await h.ticket(1)).toMatchObject({ pendingExtension: { to: L('2026-12-03T09:30:00') } });
  });

  it('a new deadline that has already passed is refused', async () => {
    await claimed();
    const r = await h.say('lihua', '延期 #1 1个工作日 理由：x', privately('lihua', L('2026-12-10T10:00:00')));
    expect(r.texts[0]).toContain('新的办理时限已经过去');
    expect(r.sent.filter((s) => !isReply(s))).toEqual([]);
    expect((await h.ticket(1))!.resolutionDueAt).toBe(L('2026-11-30T09:30:00'));
  });
});
