import type { BusinessCalendar } from './calendar.js';
import { isOpen, isOverdue, type Ticket, type Urgency } from './ticket.js';

/**
 * The part of the operator's policy the SLA clocks read. The domain owns this shape: config/policy.ts parses the
 * policy file with zod and checks that its result satisfies it, so the two cannot drift apart.
 */
export interface SlaPolicy {
  /** 签收 clock from dispatch: working days, or working hours when urgent. */
  response: { workingDays: number; urgentWorkingHours: number };
  /** 答复 clock from 受理. */
  resolution: { workingDays: number; urgentWorkingDays: number };
  /** The new 答复 clock of a reopened ticket (重办), from the reopen. */
  reopen: { workingDays: number; urgentWorkingDays: number };
  /** How far and how often an assignee may extend alone. */
  extension: { selfMaxWorkingDays: number; selfMaxCount: number };
  reminders: {
    /** Working days before a deadline for the "due soon" reminder (0: none). */
    beforeWorkingDays: number;
    /** Working minutes after a missed response deadline before the department lead is told. */
    responseOverdueAfterMinutes: number;
  };
  /** Working days after the resolution deadline before each level is told. */
  escalation: { leadAfterWorkingDays: number; leaderAfterWorkingDays: number; adminsAfterWorkingDays: number };
  /** Reminders wait for working hours unless the ticket is urgent (true: urgent ones too). */
  quietHoursForUrgent: boolean;
}

/**
 * SLA clocks and the reminder/escalation steps they imply. Pure: every due time is derived from the ticket, the
 * calendar and the policy; what was already sent is recorded on the ticket (`slaSent`), so a step is sent once.
 */

export type StepKind =
  | 'response-pre'
  | 'response-due'
  | 'response-overdue'
  | 'resolution-pre'
  | 'resolution-due'
  | 'escalate-lead'
  | 'escalate-leader'
  | 'escalate-admins';

/** Who must act: the assignee, the department lead, the task-force or department lead, the 包联区领导, the admins. */
export type StepTarget = 'assignee' | 'department' | 'lead' | 'leader' | 'admins';

export interface SlaStep {
  /** Unique per step and deadline: a moved deadline gives new steps. */
  key: string;
  kind: StepKind;
  /** ISO instant when it fires. */
  at: string;
  target: StepTarget;
  /** The deadline it is about. */
  dueAt: string;
}

export const STEP_LABELS: Record<StepKind, string> = {
  'response-pre': '签收提醒',
  'response-due': '签收到期提醒',
  'response-overdue': '签收超时',
  'resolution-pre': '办理到期前提醒',
  'resolution-due': '办理到期提醒',
  'escalate-lead': '超期督办（专班/部门负责人）',
  'escalate-leader': '超期督办（包联区领导）',
  'escalate-admins': '超期督办（管理员）',
};

/** 答复 due: from 受理; a requested date can shorten it, never lengthen it, and never into the past. */
export function resolutionDueAt(
  createdAt: string,
  urgency: Urgency,
  requestedDate: string | null,
  cal: BusinessCalendar,
  policy: SlaPolicy,
): string {
  const days = urgency === 'urgent' ? policy.resolution.urgentWorkingDays : policy.resolution.workingDays;
  const byPolicy = cal.addWorkingMinutes(createdAt, days * cal.minutesPerDay);
  if (!requestedDate) return byPolicy;
  const requested = cal.endOfWorkingDay(requestedDate);
  if (requested >= byPolicy) return byPolicy;
  return requested < createdAt ? createdAt : requested;
}

/** 答复 due of a reopened ticket (重办): a new clock from the reopen instant, `reopen` working days (urgent: fewer). */
export function reopenDueAt(at: string, urgency: Urgency, cal: BusinessCalendar, policy: SlaPolicy): string {
  const days = urgency === 'urgent' ? policy.reopen.urgentWorkingDays : policy.reopen.workingDays;
  return cal.addWorkingMinutes(at, days * cal.minutesPerDay);
}

/** 签收 due: from dispatch; working days, or working hours when urgent. */
export function responseDueAt(dispatchedAt: string, urgency: Urgency, cal: BusinessCalendar, policy: SlaPolicy): string {
  const minutes = urgency === 'urgent' ? policy.response.urgentWorkingHours * 60 : policy.response.workingDays * cal.minutesPerDay;
  return cal.addWorkingMinutes(dispatchedAt, minutes);
}

/** The latest resolution due an assignee may set alone (the rest needs a leader's 同意延期). */
export function selfExtensionLimit(t: Ticket, cal: BusinessCalendar, policy: SlaPolicy): string | null {
  if ((t.extensionCount ?? 0) >= policy.extension.selfMaxCount) return null;
  return cal.addWorkingMinutes(t.resolutionDueAt, policy.extension.selfMaxWorkingDays * cal.minutesPerDay);
}

/** The shortest clock that is reminded halfway rather than not at all: half an hour of working time each side. */
const MIN_HALFWAY_MINUTES = 30;

/**
 * When the running answer clock started: the last event that set a new deadline (重办, 差评, 延期, 恢复办理, a change of
 * urgency — each records the deadline it replaced), or 受理. No reminder is due before it.
 */
export function resolutionClockStart(t: Pick<Ticket, 'createdAt' | 'events'>): string {
  for (let i = t.events.length - 1; i >= 0; i--) {
    const e = t.events[i]!;
    if (typeof (e.data as { previousDue?: unknown } | undefined)?.previousDue === 'string') return e.at;
  }
  return t.createdAt;
}

/** Every step of the ticket's running clocks (sent ones included). */
export function slaSteps(t: Ticket, cal: BusinessCalendar, policy: SlaPolicy): SlaStep[] {
  const steps: SlaStep[] = [];
  const day = cal.minutesPerDay;
  const urgentAnytime = t.urgency === 'urgent' && !policy.quietHoursForUrgent;
  // nobody is pinged at night or on days off, except for urgent tickets
  // an instant inside working hours, or exactly at the end of a period, stays; others wait for the next working time
  const notifyAt = (iso: string) => (urgentAnytime || cal.previousWorkingTime(iso) === iso ? iso : cal.nextWorkingTime(iso));
  const add = (kind: StepKind, at: string, target: StepTarget, dueAt: string, notBefore?: string | null) => {
    if (notBefore && at <= notBefore) return;
    steps.push({ key: `${kind}@${dueAt}`, kind, at: notifyAt(at), target, dueAt });
  };
  // "n working days before": the same clock time n working days earlier. A deadline at the close of a day would land
  // on the opening of its own day (Mon 08:30 ≡ Fri 18:00 in working time), so it is announced on the earlier day
  // instead, at the start of that day's last working period (due Mon 18:00 → Fri 13:30)
  const lastPeriod = cal.hours[cal.hours.length - 1]!;
  const ahead = (due: string) => {
    const at = cal.subtractWorkingMinutes(due, policy.reminders.beforeWorkingDays * day);
    const close = cal.previousWorkingTime(at);
    if (close === at || cal.localDate(close) === cal.localDate(at)) return at;
    return cal.subtractWorkingMinutes(close, lastPeriod.end - lastPeriod.start);
  };
  // a clock no longer than the lead (签收 in one working day, an urgent answer in one, a one-day extension) would have its
  // reminder at or before its own start, and the first word would come at the deadline: it is reminded halfway instead,
  // when half the clock is at least half an hour of working time
  const before = (due: string, start: string | null | undefined): string | null => {
    const at = ahead(due);
    if (!start || at > start) return at;
    const half = Math.floor(cal.workingMinutesBetween(start, due) / 2);
    return half >= MIN_HALFWAY_MINUTES ? cal.addWorkingMinutes(start, half) : null;
  };
  const pre = (kind: StepKind, due: string, start: string | null | undefined) => {
    if (policy.reminders.beforeWorkingDays <= 0) return;
    const at = before(due, start);
    if (at) add(kind, at, 'assignee', due, start);
  };

  if (t.status === 'pending_claim' && t.responseDueAt && !t.claimedAt) {
    const due = t.responseDueAt;
    pre('response-pre', due, t.dispatchedAt);
    add('response-due', due, 'assignee', due);
    add('response-overdue', cal.addWorkingMinutes(due, policy.reminders.responseOverdueAfterMinutes), 'department', due);
  }
  if (isOpen(t) && t.resolutionDueAt && !t.pausedAt) {
    const due = t.resolutionDueAt;
    pre('resolution-pre', due, resolutionClockStart(t));
    add('resolution-due', due, 'assignee', due);
    const e = policy.escalation;
    add('escalate-lead', cal.addWorkingMinutes(due, e.leadAfterWorkingDays * day), 'lead', due);
    add('escalate-leader', cal.addWorkingMinutes(due, e.leaderAfterWorkingDays * day), 'leader', due);
    add('escalate-admins', cal.addWorkingMinutes(due, e.adminsAfterWorkingDays * day), 'admins', due);
  }
  return steps;
}

export function pendingSteps(t: Ticket, cal: BusinessCalendar, policy: SlaPolicy): SlaStep[] {
  const sent = new Set(t.slaSent ?? []);
  return slaSteps(t, cal, policy).filter((s) => !sent.has(s.key));
}

/** The steps a step gives way to: a reminder before or at a deadline is pointless once a later one of the same clock is due. */
const GIVES_WAY_TO: Partial<Record<StepKind, StepKind[]>> = {
  'response-pre': ['response-due', 'response-overdue'],
  'response-due': ['response-overdue'],
  'resolution-pre': ['resolution-due'],
};

/**
 * Whether a step is overtaken by a later step of the same clock that is due too at `now` (the bot was down, or a
 * clock jumped): "签收提醒 — 时限 12月2日 12:00" after that time has passed, next to the 签收超时 notice, says nothing
 * true. Such a step is recorded as done without a message; the later one tells what stands. Escalations never give
 * way: each level tells other people.
 */
export function isOvertaken(step: SlaStep, pending: readonly SlaStep[], now: string): boolean {
  const later = GIVES_WAY_TO[step.kind];
  return !!later && pending.some((s) => later.includes(s.kind) && s.dueAt === step.dueAt && s.at > step.at && s.at <= now);
}

/** The earliest pending step (indexed on the ticket, so the reconciler reads only what is due). */
export function nextDueAt(t: Ticket, cal: BusinessCalendar, policy: SlaPolicy): string | null {
  const times = pendingSteps(t, cal, policy).map((s) => s.at);
  return times.length ? times.sort()[0]! : null;
}

/**
 * The steps to file in the due index when the ticket is saved: the pending ones in the minute of the earliest
 * (nextDueAt). Once they are sent the ticket is saved again and the next minute's steps are filed.
 */
export function stepsToFile(t: Ticket, cal: BusinessCalendar, policy: SlaPolicy): SlaStep[] {
  const steps = pendingSteps(t, cal, policy);
  if (!steps.length) return [];
  const minute = (at: string) => Math.floor(Date.parse(at) / 60_000);
  const first = Math.min(...steps.map((s) => minute(s.at)));
  return steps.filter((s) => minute(s.at) === first);
}

/** Working days a ticket is overdue at `now` (0 when not overdue or not open). */
export function workingDaysOverdue(t: Ticket, now: string, cal: BusinessCalendar): number {
  if (!isOverdue(t, now)) return 0;
  return Math.ceil(cal.workingMinutesBetween(t.resolutionDueAt, now) / cal.minutesPerDay);
}
