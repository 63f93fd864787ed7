import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar.js';
import type { Directory } from './directory.js';
import { RATINGS, type RatingLevel } from './ticket-state.js';
import { CATEGORIES, type Category, type Ticket, type TicketStatus } from './ticket.js';

export type Period = 'day' | 'week' | 'month';

export interface PeriodRange {
  period: Period;
  /** Local date that names the period: the day, the Monday, the first of the month. */
  key: string;
  /** ISO instants, [start, end). */
  start: string;
  end: string;
  label: string;
}

/** The period of `kind` containing local date `date`. */
export function periodOf(kind: Period, date: string, tz: string): PeriodRange {
  const d = DateTime.fromISO(date, { zone: tz }).startOf('day');
  const start = kind === 'day' ? d : kind === 'week' ? d.minus({ days: d.weekday - 1 }) : d.startOf('month');
  const end = kind === 'day' ? start.plus({ days: 1 }) : kind === 'week' ? start.plus({ weeks: 1 }) : start.plus({ months: 1 });
  const label =
    kind === 'day'
      ? start.toFormat('yyyy年M月d日')
      : kind === 'week'
        ? `${start.toFormat('M月d日')}—${end.minus({ days: 1 }).toFormat('M月d日')}`
        : start.toFormat('yyyy年M月');
  return { period: kind, key: start.toISODate()!, start: start.toUTC().toISO()!, end: end.toUTC().toISO()!, label };
}

export function previousPeriod(p: PeriodRange, tz: string): PeriodRange {
  const before = DateTime.fromISO(p.start).setZone(tz).minus({ days: 1 }).toISODate()!;
  return periodOf(p.period, before, tz);
}

const OPEN: TicketStatus[] = ['accepted', 'pending_claim', 'in_progress'];
const GOOD = (l: string) => (RATINGS[l as RatingLevel]?.score ?? 0) >= 3;

/** The status a ticket had at an instant, from its events (each records the status it led to). */
export function statusAt(t: Ticket, at: string): TicketStatus | null {
  if (t.createdAt >= at) return null;
  if (t.updatedAt < at || t.events.length === 0) return t.status;
  let status: TicketStatus = 'accepted';
  for (const e of t.events) {
    if (e.at >= at) break;
    const to = (e.data as { to_status?: TicketStatus } | undefined)?.to_status;
    if (to) status = to;
  }
  return status;
}

export interface OverdueRow {
  no: number;
  enterprise: string | null;
  summary: string;
  assignee: string | null;
  leader: string | null;
  workingDaysOverdue: number;
  escalations: number;
}

export interface RankRow {
  name: string;
  open: number;
  overdue: number;
  answered: number;
  satisfied: number;
  rated: number;
}

export interface PeriodNumbers {
  newTickets: number;
  answered: number;
  open: number;
  openByAge: { upTo5: number; from6To15: number; over15: number };
  overdue: number;
}

export interface DigestModel {
  period: PeriodRange;
  at: string;
  numbers: PeriodNumbers;
  previous: PeriodNumbers;
  ytd: { newTickets: number; answered: number; closed: number };
  /** 响应率: first response by the responsible person before the response deadline, deadlines in the last 30 days. */
  responseRate: { onTime: number; due: number; rate: number | null };
  /** 破解率 (year to date): 已破解 ÷ (valid tickets − open tickets not yet due). */
  solveRate: { solved: number; base: number; rate: number | null };
  /** 满意率 in the period and year to date, with 差评 and 参评率. */
  satisfaction: {
    period: { good: number; rated: number; rate: number | null; participation: number | null };
    ytd: { good: number; rated: number; rate: number | null; participation: number | null };
    bad: { no: number; enterprise: string | null; level: string; assignee: string | null }[];
  };
  overdue: { count: number; rate: number | null; dueSoon: number; top: OverdueRow[] };
  categories: { category: Category; label: string; newTickets: number; open: number }[];
  byDepartment: RankRow[];
  byCadre: RankRow[];
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 10 : null);

/**
 * The leaders' numbers (practice.md, "The numbers leaders are judged by") for a period ending at `at` (the period's
 * end, or now when the period is still running). Pure: tickets in, numbers out. `tickets` must hold every ticket
 * created this year or still open, with events for those changed after the period's start.
 */
export function buildDigest(tickets: Ticket[], range: PeriodRange, at: string, cal: BusinessCalendar, dir: Directory, tz: string): DigestModel {
  const prevRange = previousPeriod(range, tz);
  const yearStart = DateTime.fromISO(range.start).setZone(tz).startOf('year').toUTC().toISO()!;
  const dayMin = cal.minutesPerDay;

  const numbersFor = (start: string, end: string): PeriodNumbers => {
    const n: PeriodNumbers = { newTickets: 0, answered: 0, open: 0, openByAge: { upTo5: 0, from6To15: 0, over15: 0 }, overdue: 0 };
    for (const t of tickets) {
      if (t.createdAt >= start && t.createdAt < end) n.newTickets++;
      if (t.resolvedAt && t.resolvedAt >= start && t.resolvedAt < end) n.answered++;
      const s = statusAt(t, end);
      if (s && OPEN.includes(s)) {
        n.open++;
        const age = cal.workingMinutesBetween(t.createdAt, end) / dayMin;
        if (age <= 5) n.openByAge.upTo5++;
        else if (age <= 15) n.openByAge.from6To15++;
        else n.openByAge.over15++;
        if (t.resolutionDueAt < end) n.overdue++;
      }
    }
    return n;
  };
  const end = at < range.end ? at : range.end;
  const numbers = numbersFor(range.start, end);
  const previous = numbersFor(prevRange.start, prevRange.end);

  const ytdTickets = tickets.filter((t) => t.createdAt >= yearStart && t.createdAt < end);
  const ytd = {
    newTickets: ytdTickets.length,
    answered: tickets.filter((t) => t.resolvedAt && t.resolvedAt >= yearStart && t.resolvedAt < end).length,
    closed: tickets.filter((t) => t.closedAt && t.closedAt >= yearStart && t.closedAt < end).length,
  };

  // 响应率
  const windowStart = DateTime.fromISO(end).minus({ days: 30 }).toUTC().toISO()!;
  let onTime = 0;
  let due = 0;
  for (const t of tickets) {
    if (!t.responseDueAt || t.responseDueAt <= windowStart || t.responseDueAt > end) continue;
    due++;
    const first = t.events.find((e) => ['claim', 'progress', 'resolve'].includes(e.type) && e.by?.personId && e.by.personId !== 'xiaoer');
    const respondedAt = first?.at ?? t.claimedAt ?? null;
    if (respondedAt && respondedAt <= t.responseDueAt) onTime++;
  }

  // 破解率 (year to date)
  const solved = ytdTickets.filter(
    (t) => statusAt(t, end) === 'closed' && (t.outcome === 'resolved' || (t.outcome === 'partial' && t.rating && GOOD(t.rating.level))),
  ).length;
  const openNotDue = ytdTickets.filter((t) => OPEN.includes(statusAt(t, end)!) && t.resolutionDueAt >= end).length;

  // 满意率
  const ratedIn = (from: string) => tickets.filter((t) => t.rating && t.rating.at >= from && t.rating.at < end);
  // 参评率: of the tickets answered in the range, how many the enterprise rated (so nobody picks whom to ask)
  const sat = (from: string) => {
    const rated = ratedIn(from);
    const good = rated.filter((t) => GOOD(t.rating!.level)).length;
    const answered = tickets.filter((t) => t.resolvedAt && t.resolvedAt >= from && t.resolvedAt < end);
    return { good, rated: rated.length, rate: ratio(good, rated.length), participation: ratio(answered.filter((t) => t.rating).length, answered.length) };
  };
  const bad = ratedIn(range.start)
    .filter((t) => !GOOD(t.rating!.level))
    .map((t) => ({
      no: t.no,
      enterprise: t.enterprise,
      level: RATINGS[t.rating!.level as RatingLevel]?.label ?? t.rating!.level,
      assignee: dir.person(t.rating!.assigneePersonId ?? undefined)?.name ?? t.assignee?.name ?? null,
    }));

  // 超期
  const openNow = tickets.filter((t) => OPEN.includes(statusAt(t, end)!));
  const overdueNow = openNow.filter((t) => t.resolutionDueAt < end);
  const dueSoon = openNow.filter((t) => t.resolutionDueAt >= end && cal.workingMinutesBetween(end, t.resolutionDueAt) <= dayMin).length;
  const top = overdueNow
    .map<OverdueRow>((t) => ({
      no: t.no,
      enterprise: t.enterprise,
      summary: t.summary,
      assignee: t.assignee?.name ?? null,
      leader: dir.person(t.leaderId ?? undefined)?.name ?? null,
      workingDaysOverdue: Math.max(1, Math.ceil(cal.workingMinutesBetween(t.resolutionDueAt, end) / dayMin)),
      escalations: t.escalationCount ?? 0,
    }))
    .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.no - b.no)
    .slice(0, 10);

  // categories
  const categories = (Object.keys(CATEGORIES) as Category[])
    .map((c) => ({
      category: c,
      label: CATEGORIES[c],
      newTickets: tickets.filter((t) => t.category === c && t.createdAt >= range.start && t.createdAt < end).length,
      open: openNow.filter((t) => t.category === c).length,
    }))
    .filter((c) => c.newTickets > 0 || c.open > 0);

  // rankings (红黑榜): by the responsible person and their department
  const rank = (keyOf: (t: Ticket) => string | null) => {
    const rows = new Map<string, RankRow>();
    const row = (k: string) => rows.get(k) ?? rows.set(k, { name: k, open: 0, overdue: 0, answered: 0, satisfied: 0, rated: 0 }).get(k)!;
    for (const t of openNow) {
      const k = keyOf(t);
      if (!k) continue;
      row(k).open++;
      if (t.resolutionDueAt < end) row(k).overdue++;
    }
    for (const t of tickets) {
      const k = keyOf(t);
      if (!k) continue;
      if (t.resolvedAt && t.resolvedAt >= range.start && t.resolvedAt < end) row(k).answered++;
      if (t.rating && t.rating.at >= range.start && t.rating.at < end) {
        row(k).rated++;
        if (GOOD(t.rating.level)) row(k).satisfied++;
      }
    }
    return [...rows.values()].sort((a, b) => a.overdue - b.overdue || b.answered - a.answered || a.name.localeCompare(b.name));
  };
  const departmentOf = (t: Ticket) => (t.assignee ? (dir.person(t.assignee.personId)?.department ?? null) : null);

  return {
    period: range,
    at: end,
    numbers,
    previous,
    ytd,
    responseRate: { onTime, due, rate: ratio(onTime, due) },
    solveRate: { solved, base: ytdTickets.length - openNotDue, rate: ratio(solved, ytdTickets.length - openNotDue) },
    satisfaction: { period: sat(range.start), ytd: sat(yearStart), bad },
    overdue: { count: overdueNow.length, rate: ratio(overdueNow.length, openNow.length), dueSoon, top },
    categories,
    byDepartment: rank(departmentOf),
    byCadre: rank((t) => t.assignee?.name ?? null),
  };
}
