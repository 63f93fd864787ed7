import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, policySchema } from '../../../config/policy.js';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { nextDueAt, pendingSteps, resolutionDueAt, responseDueAt, selfExtensionLimit, slaSteps, workingDaysOverdue } from '../../../src/domain/sla.js';
import { buildNewTicket, type Ticket } from '../../../src/domain/ticket.js';
import { transition } from '../../../src/domain/ticket-state.js';

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
    urgency: 'normal', requestedDate: null, resolutionDue: '2026-11-30', resolutionDueAt: at('2026-11-30T09:30:00'),
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
      ['response-due', at('2026-11-24T09:30:00'), 'assignee'],
      ['response-overdue', at('2026-11-24T10:30:00'), 'department'],
      ['resolution-pre', at('2026-11-27T09:30:00'), 'assignee'],
      ['resolution-due', at('2026-11-30T09:30:00'), 'assignee'],
      ['escalate-lead', at('2026-12-01T09:30:00'), 'lead'],
      ['escalate-leader', at('2026-12-03T09:30:00'), 'leader'],
      ['escalate-admins', at('2026-12-07T09:30:00'), 'admins'],
    ]);
    // the response pre-reminder would fall at dispatch time: dropped
    expect(nextDueAt(ticket(), cal, P)).toBe(at('2026-11-24T09:30:00'));
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
