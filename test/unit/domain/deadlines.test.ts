import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, policySchema } from '../../../config/policy.js';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { ratingNote } from '../../../src/domain/parse/commands.js';
import { parseMessage } from '../../../src/domain/parse/parse.js';
import { nextDueAt, pendingSteps, reopenDueAt } from '../../../src/domain/sla.js';
import { buildNewTicket, isOverdue, wasOverdue, type Ticket } from '../../../src/domain/ticket.js';
import { transition, type ActionContext } from '../../../src/domain/ticket-state.js';
import { projectRoot } from '../../helpers/shared.js';

/** One stored deadline; 重办 gives a new answer clock; 超期 is one definition and the record keeps it. */

const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });
const P = DEFAULT_POLICY;
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const by: ActionContext['by'] = { platform: 'wecom', id: 'zhangwei', name: '张伟', personId: 'zhangwei' };
const enterprise: ActionContext['by'] = { platform: 'wecom', id: 'chenjl' };

/** Received Mon 2026-11-23 09:30, due Mon 11-30 09:30, claimed by 张伟. */
function ticket(extra: Partial<Ticket> = {}): Ticket {
  const t = buildNewTicket(7, {
    platform: 'wecom', chatId: 'g', reporter: { id: 'chenjl' }, text: 't', summary: 's', category: 'utilities', categoryConfidence: 1,
    urgency: 'normal', requestedDate: null, resolutionDueAt: at('2026-11-30T09:30:00'),
    enterprise: null, sourceMessageId: 'wecom:x', parsedBy: 'rules', now: at('2026-11-23T09:30:00'),
  });
  return { ...t, status: 'in_progress', assignee: { personId: 'zhangwei', name: '张伟' }, claimedAt: t.createdAt, ...extra };
}

/** Answered late (Thu 12-03, three escalations sent), waiting for the rating. */
function answeredLate(): Ticket {
  const t = ticket({ escalationCount: 3 });
  const r = transition(t, { type: 'resolve', outcome: 'resolved', note: '已送电' }, { by, at: at('2026-12-03T10:00:00') });
  if (!r.ok) throw new Error(r.message);
  return r.ticket;
}

describe('one stored deadline', () => {
  it('a new ticket carries only the instant; its first event names it', () => {
    const t = ticket();
    expect(t).not.toHaveProperty('resolutionDue');
    expect(t.events[0]!.data).toMatchObject({ resolutionDueAt: at('2026-11-30T09:30:00') });
  });
});

describe('重办: a new answer clock', () => {
  const reopenedAt = at('2026-12-08T10:00:00');

  it('policy: reopen defaults to 5 working days (urgent 1); a policy file can change it; the example documents it', () => {
    expect(P.reopen).toEqual({ workingDays: 5, urgentWorkingDays: 1 });
    expect(reopenDueAt(reopenedAt, 'normal', cal, P)).toBe(at('2026-12-15T10:00:00'));
    expect(reopenDueAt(reopenedAt, 'urgent', cal, P)).toBe(at('2026-12-09T10:00:00'));
    const p = policySchema.parse({ reopen: { workingDays: 2 } });
    expect(reopenDueAt(reopenedAt, 'normal', cal, p)).toBe(at('2026-12-10T10:00:00'));
    const example = YAML.parse(readFileSync(`${projectRoot}/config/policy.example.yaml`, 'utf8'));
    expect(policySchema.parse(example).reopen).toEqual(P.reopen);
  });

  it('reopening moves the deadline, keeps the earlier one in the history, and restarts the escalation ladder', () => {
    const t = answeredLate();
    const due = reopenDueAt(reopenedAt, t.urgency, cal, P);
    const r = transition(t, { type: 'reopen', note: '二期还是用不上电', resolutionDueAt: due }, { by: enterprise, at: reopenedAt });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ticket).toMatchObject({ status: 'in_progress', resolutionDueAt: due, reopenCount: 1, escalationCount: 0 });
    expect(r.event).toMatchObject({
      type: 'reopen',
      note: '二期还是用不上电',
      data: { previousDue: at('2026-11-30T09:30:00'), resolutionDueAt: due, previousEscalations: 3, overdue: true },
    });
    // not overdue the moment it is reopened; nothing of the old ladder fires at once
    expect(isOverdue(r.ticket, reopenedAt)).toBe(false);
    expect(pendingSteps(r.ticket, cal, P).filter((s) => s.at <= reopenedAt)).toEqual([]);
    expect(nextDueAt(r.ticket, cal, P)! > reopenedAt).toBe(true);
    // the ladder of the new deadline is all there
    expect(pendingSteps(r.ticket, cal, P).map((s) => s.key)).toContain(`escalate-lead@${due}`);
  });

  it('a bad rating reopens with a new clock and keeps the enterprise\'s reason; a good one keeps its reason too', () => {
    const t = answeredLate();
    const due = reopenDueAt(reopenedAt, t.urgency, cal, P);
    const bad = transition(t, { type: 'rate', level: 'dissatisfied', note: '还是没通电', resolutionDueAt: due }, { by: enterprise, at: reopenedAt });
    expect(bad.ok && bad.ticket).toMatchObject({ status: 'in_progress', resolutionDueAt: due, escalationCount: 0 });
    expect(bad.ok && bad.event).toMatchObject({ type: 'rate', note: '还是没通电', data: { level: 'dissatisfied', reopened: true, previousDue: t.resolutionDueAt } });
    const good = transition(t, { type: 'rate', level: 'satisfied', note: '谢谢', resolutionDueAt: due }, { by: enterprise, at: reopenedAt });
    expect(good.ok && good.ticket).toMatchObject({ status: 'closed', resolutionDueAt: t.resolutionDueAt });
    expect(good.ok && good.event.note).toBe('谢谢');
  });

  it('reads the reason out of a rating message', () => {
    expect(ratingNote('#12 不满意 还是没通电')).toBe('还是没通电');
    expect(ratingNote('#12 非常不满意，理由：材料又被退回')).toBe('材料又被退回');
    expect(ratingNote('#12 满意')).toBe('');
    expect(ratingNote('评价 #12 3星')).toBe('');
  });
});

describe('超期 is kept in the record', () => {
  it('an extension granted after the deadline marks its event overdue; one before does not', () => {
    const t = ticket();
    const late = transition(t, { type: 'extend', resolutionDueAt: at('2026-12-04T18:00:00'), reason: '等待批复', approvedBy: 'lihua' }, { by, at: at('2026-12-01T10:00:00') });
    expect(late.ok && late.event.data).toMatchObject({ overdue: true, previousDue: t.resolutionDueAt });
    expect(late.ok && isOverdue(late.ticket, at('2026-12-01T10:00:00'))).toBe(false);
    expect(late.ok && wasOverdue(late.ticket, at('2026-12-01T10:00:00'))).toBe(true);
    const early = transition(t, { type: 'extend', resolutionDueAt: at('2026-12-04T18:00:00'), reason: '等待批复' }, { by, at: at('2026-11-27T10:00:00') });
    expect(early.ok && early.event.data).not.toHaveProperty('overdue');
    expect(early.ok && wasOverdue(early.ticket, at('2026-12-01T10:00:00'))).toBe(false);
  });

  it('an approval granted after the deadline marks its event overdue', () => {
    const asked = transition(ticket(), { type: 'request_extension', resolutionDueAt: at('2026-12-04T18:00:00'), reason: 'x' }, { by, at: at('2026-11-27T10:00:00') });
    if (!asked.ok) throw new Error(asked.message);
    const leader = { platform: 'wecom' as const, id: 'lihua', personId: 'lihua' };
    const approved = transition(asked.ticket, { type: 'approve_extension' }, { by: leader, at: at('2026-12-01T10:00:00') });
    expect(approved.ok && approved.event.data).toMatchObject({ overdue: true });
    expect(approved.ok && wasOverdue(approved.ticket, at('2026-12-02T10:00:00'))).toBe(true);
  });

  it('wasOverdue: open and past due, or answered late; not while paused, not answered in time', () => {
    expect(wasOverdue(ticket(), at('2026-12-01T10:00:00'))).toBe(true);
    expect(wasOverdue(ticket({ pausedAt: at('2026-11-27T10:00:00') }), at('2026-12-01T10:00:00'))).toBe(false);
    expect(wasOverdue(answeredLate(), at('2026-12-10T10:00:00'))).toBe(true);
    expect(wasOverdue(ticket({ status: 'pending_rating', resolvedAt: at('2026-11-27T10:00:00') }), at('2026-12-10T10:00:00'))).toBe(false);
  });
});

describe('the parser counts working days on the configured calendar', () => {
  const text = '我们的排污许可证续期材料已交，希望3个工作日内办好';

  it('a policy override making a day off moves "3个工作日内"', () => {
    const sentAt = at('2026-11-23T09:30:00');
    expect(parseMessage(text, sentAt).deadline).toBe('2026-11-26');
    const withDayOff = new BusinessCalendar({ timezone: 'Asia/Shanghai', overrides: { '2026-11-24': false } });
    expect(parseMessage(text, sentAt, withDayOff).deadline).toBe('2026-11-27');
    const withWorkingSaturday = new BusinessCalendar({ timezone: 'Asia/Shanghai', overrides: { '2026-11-28': true } });
    expect(parseMessage('希望5个工作日内把用电扩容批下来', sentAt, withWorkingSaturday).deadline).toBe('2026-11-28');
  });

  it('the time zone of the calendar decides what "today" is', () => {
    // Sunday 23:00 in UTC is already Monday 07:00 in Shanghai
    const sentAt = '2026-11-22T23:00:00.000Z';
    expect(parseMessage(text, sentAt, new BusinessCalendar({ timezone: 'Asia/Shanghai' })).deadline).toBe('2026-11-26');
    expect(parseMessage(text, sentAt, new BusinessCalendar({ timezone: 'UTC' })).deadline).toBe('2026-11-25');
  });
});
