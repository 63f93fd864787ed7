import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, policySchema } from '../../../config/policy.js';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { Directory, validateDirectory, type DirectoryData } from '../../../src/domain/directory.js';
import { recipientsFor } from '../../../src/domain/escalation.js';
import { stepMessage } from '../../../src/platforms/sla-messages.js';
import { nextDueAt, pendingSteps, resolutionDueAt, responseDueAt, selfExtensionLimit, slaSteps, workingDaysOverdue } from '../../../src/domain/sla.js';
import { buildNewTicket, type Ticket } from '../../../src/domain/ticket.js';
import { transition } from '../../../src/domain/ticket-state.js';
import { sharedPath } from '../../helpers/shared.js';

const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });
const P = DEFAULT_POLICY;
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('clocks (table)', () => {
  const cases: [string, string, 'urgent' | 'normal', string | null, string][] = [
    ['normal, Monday morning: 5 working days', '2026-11-23T09:30:00', 'normal', null, '2026-11-30T09:30:00'],
    ['normal, Sunday night: counted from Monday', '2026-11-22T20:00:00', 'normal', null, '2026-11-27T18:00:00'],
    ['urgent: 1 working day', '2026-11-23T09:30:00', 'urgent', null, '2026-11-24T09:30:00'],
    ['requested date shortens', '2026-11-23T09:30:00', 'normal', '2026-11-25', '2026-11-25T18:00:00'],
    ['requested date never lengthens', '2026-11-23T09:30:00', 'normal', '2026-12-15', '2026-11-30T09:30:00'],
    ['requested date in the past: now', '2026-11-23T09:30:00', 'normal', '2026-11-20', '2026-11-23T09:30:00'],
    ['across National Day and its make-up Saturday 10/10', '2026-09-30T10:00:00', 'normal', null, '2026-10-13T10:00:00'],
    ['across the 2026 Spring Festival make-up Saturday', '2026-02-13T10:00:00', 'urgent', null, '2026-02-14T10:00:00'],
  ];
  for (const [name, created, urgency, requested, want] of cases) {
    it(`resolution: ${name}`, () => expect(resolutionDueAt(at(created), urgency, requested, cal, P)).toBe(at(want)));
  }
  it('response: 1 working day, urgent 2 working hours (over lunch)', () => {
    expect(responseDueAt(at('2026-11-23T09:30:00'), 'normal', cal, P)).toBe(at('2026-11-24T09:30:00'));
    expect(responseDueAt(at('2026-11-23T11:00:00'), 'urgent', cal, P)).toBe(at('2026-11-23T14:30:00'));
    expect(responseDueAt(at('2026-11-27T17:30:00'), 'urgent', cal, P)).toBe(at('2026-11-30T10:00:00'));
  });
  it('policy from a file changes the clocks', () => {
    const p = policySchema.parse({ resolution: { workingDays: 10 } });
    expect(resolutionDueAt(at('2026-11-23T09:30:00'), 'normal', null, cal, p)).toBe(at('2026-12-07T09:30:00'));
  });
});

function ticket(extra: Partial<Ticket> = {}): Ticket {
  const created = at('2026-11-23T09:30:00');
  const t = buildNewTicket(7, {
    platform: 'wecom', chatId: 'g', reporter: { id: 'r' }, text: 't', summary: 's', category: 'utilities', categoryConfidence: 1,
    urgency: 'normal', requestedDate: null, resolutionDueAt: at('2026-11-30T09:30:00'),
    enterprise: null, sourceMessageId: 'wecom:x', parsedBy: 'rules', now: created,
  });
  return {
    ...t,
    status: 'pending_claim',
    assignee: { personId: 'zhangwei', name: '张伟' },
    dispatchedAt: created,
    responseDueAt: at('2026-11-24T09:30:00'),
    ...extra,
  };
}
const by = { platform: 'wecom' as const, id: 'zhangwei', personId: 'zhangwei' };

describe('reminder and escalation steps', () => {
  it('a dispatched, unclaimed ticket: response reminders, then the resolution reminders and the ladder', () => {
    const steps = slaSteps(ticket(), cal, P).map((s) => [s.kind, s.at, s.target]);
    expect(steps).toEqual([
      // one working day to 签收: a day ahead would be the dispatch itself, so the reminder comes halfway
      ['response-pre', at('2026-11-23T15:00:00'), 'assignee'],
      ['response-due', at('2026-11-24T09:30:00'), 'assignee'],
      ['response-overdue', at('2026-11-24T10:30:00'), 'department'],
      ['resolution-pre', at('2026-11-27T09:30:00'), 'assignee'],
      ['resolution-due', at('2026-11-30T09:30:00'), 'assignee'],
      ['escalate-lead', at('2026-12-01T09:30:00'), 'lead'],
      ['escalate-leader', at('2026-12-03T09:30:00'), 'leader'],
      ['escalate-admins', at('2026-12-07T09:30:00'), 'admins'],
    ]);
    expect(nextDueAt(ticket(), cal, P)).toBe(at('2026-11-23T15:00:00'));
  });

  it('claiming stops the response clock; sent steps are not pending any more', () => {
    const claimed = transition(ticket(), { type: 'claim' }, { by, at: at('2026-11-23T10:00:00') });
    const t = claimed.ok ? claimed.ticket : ticket();
    expect(pendingSteps(t, cal, P).map((s) => s.kind)).toEqual(['resolution-pre', 'resolution-due', 'escalate-lead', 'escalate-leader', 'escalate-admins']);
    const sent = transition(t, { type: 'sla', key: `resolution-pre@${t.resolutionDueAt}`, kind: 'resolution-pre', escalation: false, recipients: ['zhangwei'] }, { by, at: at('2026-11-27T09:30:00') });
    expect(sent.ok && nextDueAt(sent.ticket, cal, P)).toBe(at('2026-11-30T09:30:00'));
    expect(sent.ok && sent.event.type).toBe('reminder');
    // recording the same step twice is refused
    expect(sent.ok && transition(sent.ticket, { type: 'sla', key: `resolution-pre@${t.resolutionDueAt}`, kind: 'resolution-pre', escalation: false, recipients: [] }, { by, at: at('2026-11-27T09:31:00') }).ok).toBe(false);
  });

  it('a pause stops the resolution clock; resuming moves the deadline by the working time paused', () => {
    const paused = ticket({ status: 'in_progress', claimedAt: at('2026-11-23T10:00:00'), pausedAt: at('2026-11-24T09:30:00') });
    expect(pendingSteps(paused, cal, P)).toEqual([]);
    expect(nextDueAt(paused, cal, P)).toBeNull();
    const resumedAt = at('2026-11-25T09:30:00'); // one working day later
    const shift = cal.workingMinutesBetween(paused.pausedAt!, resumedAt);
    const newDue = cal.addWorkingMinutes(paused.resolutionDueAt, shift);
    expect(newDue).toBe(at('2026-12-01T09:30:00'));
    const r = transition(paused, { type: 'resume', resolutionDueAt: newDue }, { by, at: resumedAt });
    expect(r.ok && r.ticket).toMatchObject({ pausedAt: null, resolutionDueAt: newDue });
    expect(r.ok && nextDueAt(r.ticket, cal, P)).toBe(at('2026-11-30T09:30:00')); // the pre-reminder of the new deadline
  });

  it('an extension moves the deadline and gives new steps; the self-allowance is once, up to 5 working days', () => {
    const t = ticket({ status: 'in_progress', claimedAt: at('2026-11-23T10:00:00') });
    expect(selfExtensionLimit(t, cal, P)).toBe(at('2026-12-07T09:30:00'));
    const ext = transition(t, { type: 'extend', resolutionDueAt: at('2026-12-04T18:00:00'), reason: '等待省里批复' }, { by, at: at('2026-11-25T10:00:00') });
    expect(ext.ok && ext.ticket.extensionCount).toBe(1);
    expect(ext.ok && selfExtensionLimit(ext.ticket, cal, P)).toBeNull();
    expect(ext.ok && pendingSteps(ext.ticket, cal, P).find((s) => s.kind === 'resolution-due')?.key).toBe(`resolution-due@${at('2026-12-04T18:00:00')}`);
  });

  it('a leader approves a pending extension', () => {
    const t = ticket({ status: 'in_progress', pendingExtension: { to: at('2026-12-20T18:00:00'), reason: '需省级审批', by: 'zhangwei' } });
    const r = transition(t, { type: 'approve_extension' }, { by: { platform: 'wecom', id: 'lihua', personId: 'lihua' }, at: at('2026-11-25T10:00:00') });
    expect(r.ok && r.ticket).toMatchObject({ resolutionDueAt: at('2026-12-20T18:00:00'), pendingExtension: null, extensionCount: 1 });
    expect(r.ok && r.event.data).toMatchObject({ requestedBy: 'zhangwei' });
  });

  it('reminders wait for working hours, except for urgent tickets', () => {
    const friday = ticket({ status: 'in_progress', resolutionDueAt: at('2026-11-27T18:00:00') });
    const due = slaSteps(friday, cal, P).find((s) => s.kind === 'escalate-lead')!;
    expect(due.at).toBe(at('2026-11-30T18:00:00'));
    const urgent = ticket({ urgency: 'urgent', status: 'in_progress', resolutionDueAt: at('2026-11-23T14:30:00') });
    expect(slaSteps(urgent, cal, P).find((s) => s.kind === 'resolution-due')!.at).toBe(at('2026-11-23T14:30:00'));
  });

  it('closed or answered tickets have no steps; overdue working days are counted', () => {
    expect(slaSteps(ticket({ status: 'pending_rating' }), cal, P)).toEqual([]);
    const t = ticket({ status: 'in_progress' });
    expect(workingDaysOverdue(t, at('2026-11-30T09:00:00'), cal)).toBe(0);
    expect(workingDaysOverdue(t, at('2026-12-02T09:30:00'), cal)).toBe(2);
  });
});

/**
 * A calendar fixed by overrides for every day of a window (weekdays on, weekends off, plus `extra`): it does not
 * depend on which years `chinese-days` has published.
 */
function fixedCalendar(from: string, to: string, extra: Record<string, boolean> = {}): BusinessCalendar {
  const overrides: Record<string, boolean> = {};
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    overrides[d.toISOString().slice(0, 10)] = d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
  }
  return new BusinessCalendar({ timezone: 'Asia/Shanghai', overrides: { ...overrides, ...extra } });
}

describe('the reminder one working day before comes on the previous working day', () => {
  const fixed = fixedCalendar('2026-11-16', '2026-12-31');
  const step = (t: Ticket, kind: string, c = fixed, p = P) => slaSteps(t, c, p).find((s) => s.kind === kind)?.at;

  it('resolution due Monday 18:00: announced on Friday, inside working hours', () => {
    const t = ticket({ status: 'in_progress', claimedAt: at('2026-11-23T10:00:00'), resolutionDueAt: at('2026-11-30T18:00:00') });
    const pre = step(t, 'resolution-pre')!;
    expect(pre).toBe(at('2026-11-27T13:30:00'));
    expect(fixed.isWorkingTime(pre)).toBe(true);
    expect(fixed.workingMinutesBetween(pre, t.resolutionDueAt)).toBeGreaterThanOrEqual(fixed.minutesPerDay);
  });

  it('response due Monday 18:00 (2 working days to 签收): announced on Friday', () => {
    const p = policySchema.parse({ response: { workingDays: 2 } });
    const dispatched = at('2026-11-26T18:00:00');
    const due = responseDueAt(dispatched, 'normal', fixed, p);
    expect(due).toBe(at('2026-11-30T18:00:00'));
    const t = ticket({ dispatchedAt: dispatched, responseDueAt: due });
    expect(step(t, 'response-pre', fixed, p)).toBe(at('2026-11-27T13:30:00'));
  });

  it('a day off before the deadline is skipped: due Monday 18:00 after a Friday holiday → Thursday', () => {
    const holiday = fixedCalendar('2026-11-16', '2026-12-31', { '2026-11-27': false });
    const t = ticket({ status: 'in_progress', claimedAt: at('2026-11-23T10:00:00'), resolutionDueAt: at('2026-11-30T18:00:00') });
    expect(step(t, 'resolution-pre', holiday)).toBe(at('2026-11-26T13:30:00'));
  });

  it('a deadline inside the day keeps its clock time on the previous working day', () => {
    const t = ticket({ status: 'in_progress', claimedAt: at('2026-11-23T10:00:00'), resolutionDueAt: at('2026-11-30T10:00:00') });
    expect(step(t, 'resolution-pre')).toBe(at('2026-11-27T10:00:00'));
    const noon = ticket({ status: 'in_progress', claimedAt: at('2026-11-23T10:00:00'), resolutionDueAt: at('2026-12-01T12:00:00') });
    expect(step(noon, 'resolution-pre')).toBe(at('2026-11-30T13:30:00'));
  });

  it('a clock no longer than the lead is reminded halfway, from when its deadline was set, never at its start', () => {
    // an urgent ticket, one working day to answer from 受理 at 09:30: halfway is 15:00 (lunch is no working time)
    const urgent = ticket({ status: 'in_progress', urgency: 'urgent', claimedAt: at('2026-11-23T10:00:00'), resolutionDueAt: at('2026-11-24T09:30:00') });
    expect(step(urgent, 'resolution-pre')).toBe(at('2026-11-23T15:00:00'));
    // reopened (重办) on Wednesday at 10:00 with a new one-day clock: not at once beside the 【重办】 notice, but halfway
    const reopenedAt = at('2026-11-25T10:00:00');
    const reopened = ticket({
      status: 'in_progress', urgency: 'urgent', claimedAt: at('2026-11-23T10:00:00'), resolutionDueAt: at('2026-11-26T10:00:00'),
      events: [{ type: 'reopen', at: reopenedAt, by, data: { previousDue: at('2026-11-24T09:30:00'), resolutionDueAt: at('2026-11-26T10:00:00') } }],
    });
    expect(step(reopened, 'resolution-pre')).toBe(at('2026-11-25T15:30:00'));
    // an urgent 签收 clock of two working hours: reminded after one
    const fast = ticket({ urgency: 'urgent', responseDueAt: at('2026-11-23T11:30:00') });
    expect(step(fast, 'response-pre')).toBe(at('2026-11-23T10:30:00'));
    // under an hour left in all: no reminder before the deadline, only at it
    const brief = ticket({ responseDueAt: at('2026-11-23T09:50:00') });
    expect(step(brief, 'response-pre')).toBeUndefined();
    expect(step(brief, 'response-due')).toBe(at('2026-11-23T09:50:00'));
  });
});

describe('who is told at each step', () => {
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('example directory invalid');
  const example: DirectoryData = v.data;
  const dirOf = (change: (d: DirectoryData) => void = () => {}) => {
    const d = structuredClone(example);
    change(d);
    return new Directory(d);
  };
  const ids = (r: { personId: string }[]) => r.map((p) => p.personId);
  /** 区经信局 with a head above 张伟. */
  const withSuperior = () =>
    dirOf((d) => {
      d.people.push({ id: 'qianjz', name: '钱局长', role: 'cadre', department: '区经信局', wecom: 'qianjz' } as never);
      d.departments.find((x) => x.id === 'jingxin')!.lead = 'qianjz';
    });
  const overdue = (extra: Partial<Ticket> = {}) =>
    ticket({ status: 'in_progress', claimedAt: at('2026-11-23T10:00:00'), projectId: 'yilong-phase2', leaderId: 'lihua', ...extra });
  const opts = { timezone: 'Asia/Shanghai', overdueDays: 0 };

  it('签收超时: the assignee\'s superior is asked to 督促; the assignee gets a plain reminder of his own', () => {
    const t = ticket();
    // 张伟 leads 区经信局 himself: not the power company's lead (the category's department), who has no say over him,
    // but the 包联区领导, else the admins
    expect(ids(recipientsFor('department', t, dirOf()))).toEqual(['admin']);
    expect(ids(recipientsFor('department', ticket({ leaderId: 'lihua' }), dirOf()))).toEqual(['lihua']);
    expect(ids(recipientsFor('department', t, withSuperior()))).toEqual(['qianjz']);
    // nobody in a department: the category's department lead
    expect(ids(recipientsFor('department', t, dirOf((d) => { d.people.find((p) => p.id === 'zhangwei')!.department = undefined; })))).toEqual(['zhouming']);
    const step = slaSteps(t, fixedCalendar('2026-11-16', '2026-12-31'), P).find((s) => s.kind === 'response-overdue')!;
    expect(stepMessage(step, t, opts).text).toContain('请督促签收办理');
    const own = stepMessage(step, t, { ...opts, toAssignee: true }).text;
    expect(own).toContain('【签收超时】#7');
    expect(own).toContain('请尽快回复“认领 #7”');
    expect(own).not.toContain('督促');
    expect(own).not.toContain('派给 张伟');
  });

  it('【今日到期】 only on the deadline\'s own day: delivered later (the process was down), it says the deadline has passed', () => {
    const t = ticket();
    const step = slaSteps(t, fixedCalendar('2026-11-16', '2026-12-31'), P).find((s) => s.kind === 'resolution-due')!;
    const onTheDay = stepMessage(step, t, { ...opts, now: step.at }).text;
    expect(onTheDay).toContain(`【今日到期】#7 已到办理时限`);
    const later = new Date(Date.parse(step.dueAt) + 2 * 86_400_000).toISOString();
    const late = stepMessage(step, t, { ...opts, now: later }).text;
    expect(late).toContain('【已到期】#7 已过办理时限');
    expect(late).not.toContain('今日');
  });

  it('the ladder: the task-force or department lead, the 包联区领导, the admins, each once', () => {
    const t = overdue();
    const dir = dirOf();
    // the task-force lead is the assignee, and he leads his own department: nobody at the first level (the category's
    // department lead has no say over him)
    expect(['lead', 'leader', 'admins'].map((l) => ids(recipientsFor(l as 'lead', t, dir)))).toEqual([[], ['lihua'], ['admin']]);
    // with a head of his department above him: that head
    expect(['lead', 'leader', 'admins'].map((l) => ids(recipientsFor(l as 'lead', t, withSuperior())))).toEqual([['qianjz'], ['lihua'], ['admin']]);
  });

  it('no 包联区领导: that level is skipped (nobody), the admins are told once, at their own level', () => {
    const t = overdue({ projectId: null, leaderId: null });
    const dir = dirOf();
    expect(recipientsFor('leader', t, dir)).toEqual([]);
    expect(ids(recipientsFor('admins', t, dir))).toEqual(['admin']);
  });

  it('a person of an earlier level is not told again at a later one', () => {
    // the admin is also the lead of the assignee's department
    const dir = dirOf((d) => {
      d.departments.find((x) => x.id === 'jingxin')!.lead = 'admin';
    });
    const t = overdue({ leaderId: null, projectId: null });
    expect(ids(recipientsFor('lead', t, dir))).toEqual(['admin']);
    expect(recipientsFor('admins', t, dir)).toEqual([]);
  });

  it('the ticket\'s record counts too: someone told at another level of the same deadline is left out, a new deadline starts afresh', () => {
    const t = overdue();
    const told = (due: string) => ({
      type: 'escalation', at: at('2026-12-01T09:30:00'), data: { step: 'escalate-lead', key: `escalate-lead@${due}`, recipients: ['lihua'] },
    });
    expect(recipientsFor('leader', { ...t, events: [...t.events, told(t.resolutionDueAt)] }, dirOf())).toEqual([]);
    expect(ids(recipientsFor('leader', { ...t, events: [...t.events, told(at('2026-11-20T18:00:00'))] }, dirOf()))).toEqual(['lihua']);
  });

  it('nobody is escalated to about his own ticket', () => {
    const t = overdue({ assignee: { personId: 'lihua', name: '李华' } });
    expect(recipientsFor('leader', t, dirOf())).toEqual([]);
  });
});

describe('a reminder overtaken by a later step of its clock', () => {
  it('gives way to the later step due too, never to an escalation, never to one not due yet', async () => {
    const { isOvertaken } = await import('../../../src/domain/sla.js');
    const due = '2026-12-02T04:00:00.000Z';
    const step = (kind: string, at: string) => ({ key: `${kind}@${due}`, kind, at, target: 'assignee', dueAt: due }) as never;
    const pre = step('response-pre', '2026-12-01T04:00:00.000Z');
    const atDue = step('response-due', due);
    const overdue = step('response-overdue', '2026-12-02T06:00:00.000Z');
    expect(isOvertaken(pre, [pre, atDue, overdue], '2026-12-01T05:00:00.000Z')).toBe(false);
    expect(isOvertaken(pre, [pre, atDue, overdue], '2026-12-02T04:30:00.000Z')).toBe(true);
    expect(isOvertaken(atDue, [pre, atDue, overdue], '2026-12-02T04:30:00.000Z')).toBe(false);
    expect(isOvertaken(atDue, [atDue, overdue], '2026-12-03T01:00:00.000Z')).toBe(true);
    const lead = step('escalate-lead', '2026-12-03T04:00:00.000Z');
    const leader = step('escalate-leader', '2026-12-04T04:00:00.000Z');
    expect(isOvertaken(lead, [lead, leader], '2026-12-05T01:00:00.000Z')).toBe(false);
  });
});
