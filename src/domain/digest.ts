import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar.js';
import type { Directory } from './directory.js';
import { workingDaysOverdue } from './sla.js';
import { RATINGS, type RatingLevel } from './ticket-state.js';
import { awaitsTriage, CATEGORIES, isOpen, isRecurrence, isOverdue, type Category, type Ticket, type TicketStatus } from './ticket.js';

export type Period = 'day' | 'week' | 'month' | 'year';
/** Every period, in order (for parsing `--period` and `?period=`). */
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'year'];

export interface PeriodRange {
  period: Period;
  /** Local date that names the period: the day, the Monday, the first of the month, the first of January. */
  key: string;
  /** ISO instants, [start, end). */
  start: string;
  end: string;
  label: string;
}

/** The period of `kind` containing local date `date`. */
export function periodOf(kind: Period, date: string, tz: string): PeriodRange {
  const d = DateTime.fromISO(date, { zone: tz }).startOf('day');
  const start = kind === 'day' ? d : kind === 'week' ? d.minus({ days: d.weekday - 1 }) : kind === 'month' ? d.startOf('month') : d.startOf('year');
  const end = start.plus(kind === 'day' ? { days: 1 } : kind === 'week' ? { weeks: 1 } : kind === 'month' ? { months: 1 } : { years: 1 });
  const label =
    kind === 'day'
      ? start.toFormat('yyyy年M月d日')
      : kind === 'week'
        ? `${start.toFormat('M月d日')}—${end.minus({ days: 1 }).toFormat('M月d日')}`
        : kind === 'month'
          ? start.toFormat('yyyy年M月')
          : start.toFormat('yyyy年');
  return { period: kind, key: start.toISODate()!, start: start.toUTC().toISO()!, end: end.toUTC().toISO()!, label };
}

export function previousPeriod(p: PeriodRange, tz: string): PeriodRange {
  const before = DateTime.fromISO(p.start).setZone(tz).minus({ days: 1 }).toISODate()!;
  return periodOf(p.period, before, tz);
}

/** Whether an instant falls in [start, end) (ISO instants, as everywhere in the digest). */
const within = (at: string | null | undefined, start: string, end: string): boolean => !!at && at >= start && at < end;

/**
 * A valid ticket (有效工单): every ticket but one closed as not a problem (不是问题). That one was never a problem: it
 * leaves every figure — 新增, 办结, 在办, 超期, 破解率 and its base, 满意率, rankings — for every period, past ones
 * included. The one definition; the digest, the daily series and 破解率 count only valid tickets.
 */
export const isValidTicket = (t: Pick<Ticket, 'status'>): boolean => t.status !== 'dismissed';

/** 新增: a ticket counts as new when it was created (受理). */
export const newAt = (t: Ticket): string => t.createdAt;
/**
 * 办结 (答复): a ticket counts as answered when the responsible person answered it (`resolvedAt`; a ticket reopened and
 * answered again, at its latest answer), whatever the enterprise did next. Null while never answered. The one
 * definition behind the digest's 办结, its year to date, rankings and 参评率, and `dailySeries`.
 */
export const answeredAt = (t: Ticket): string | null => t.resolvedAt ?? null;
/** Created in [start, end). */
export const createdIn = (t: Ticket, start: string, end: string): boolean => within(newAt(t), start, end);
/** Answered (办结) in [start, end). */
export const answeredIn = (t: Ticket, start: string, end: string): boolean => within(answeredAt(t), start, end);

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

/**
 * The ticket as it stood at an instant (null before it existed): its status from the events (`statusAt`), its answer
 * deadline and pause undone for every later event that moved them (`data.previousDue`, 待补充/恢复办理), so that
 * `isOverdue` — the one definition of 超期 — can be asked about the past too.
 */
export function ticketAt(t: Ticket, at: string): Ticket | null {
  const status = statusAt(t, at);
  if (!status) return null;
  let resolutionDueAt = t.resolutionDueAt;
  let pausedAt = t.pausedAt ?? null;
  if (t.updatedAt >= at) {
    for (const e of [...t.events].reverse()) {
      if (e.at < at) break;
      const data = (e.data ?? {}) as { previousDue?: unknown; pausedAt?: unknown };
      if (typeof data.previousDue === 'string') resolutionDueAt = data.previousDue;
      if (e.type === 'pause') pausedAt = null;
      if (e.type === 'resume' && typeof data.pausedAt === 'string') pausedAt = data.pausedAt;
    }
  }
  return { ...t, status, resolutionDueAt, pausedAt };
}

/** Whether a ticket had been reopened (重办, or 差评 sending it back) before an instant. */
export function reopenedBy(t: Ticket, at: string): boolean {
  if (t.updatedAt < at || t.events.length === 0) return (t.reopenCount ?? 0) > 0;
  return t.events.some((e) => e.at < at && (e.type === 'reopen' || (e.data as { reopened?: unknown } | undefined)?.reopened === true));
}

/** 破解率 as counted: 已破解, the base it is counted over, and the rate (null when the base is zero). */
export interface SolveRate {
  solved: number;
  base: number;
  rate: number | null;
}

/**
 * 已破解 at `end`: closed as 已解决 (or 部分解决 the enterprise rated well), never reopened, and not come back: a
 * ticket a later one reports again (回潮, `recurredAt`) is not solved from the later one's creation on.
 */
export function isSolvedAt(t: Ticket, end: string): boolean {
  return (
    statusAt(t, end) === 'closed' &&
    !reopenedBy(t, end) &&
    !(t.recurredAt && t.recurredAt < end) &&
    (t.outcome === 'resolved' || (t.outcome === 'partial' && !!t.rating && GOOD(t.rating.level)))
  );
}

/**
 * 破解率 (practice.md): 已破解 ÷ (valid tickets − open tickets not yet due), as things stood at `end`. 已破解 = closed as
 * 已解决 (or 部分解决 the enterprise rated well) and never reopened. `tickets` are the valid tickets counted (the digest
 * passes those created from the year's start up to `end`; 助企走访 passes those found on visits). The one definition
 * behind the digest's 破解率 and the visit report's.
 */
export function solveRateOf(all: readonly Ticket[], end: string): SolveRate {
  const tickets = all.filter(isValidTicket);
  const solved = tickets.filter((t) => isSolvedAt(t, end)).length;
  const openNotDue = tickets.filter((t) => {
    const then = ticketAt(t, end);
    return !!then && isOpen(then) && !isOverdue(then, end);
  }).length;
  const base = tickets.length - openNotDue;
  return { solved, base, rate: ratio(solved, base) };
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
  /** Flows (新增, 办结, rates) are counted up to here: the period's end, or now while it runs. */
  at: string;
  /** The stock (在办, 超期, 即将超期, rankings) is read here: `at`, or the moment the digest is sent. */
  openAt: string;
  /** "M月d日 HH:mm" of `openAt` when it is not the period's end, for the reader. */
  openAtLabel: string | null;
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
  /** 待确认分类: open tickets (at the stock's instant) whose category awaits a person's check (`awaitsTriage`). */
  triage: number;
  /** 回潮: tickets created in the period that report again a problem answered before (`isRecurrence`). */
  recurrences: number;
  categories: { category: Category; label: string; newTickets: number; open: number }[];
  byDepartment: RankRow[];
  byCadre: RankRow[];
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 10 : null);

/**
 * The leaders' numbers (practice.md, "The numbers leaders are judged by") for a period ending at `at` (the period's
 * end, or now when the period is still running). The stock — what is open, overdue, due soon — is read at
 * `opts.openAt` when given (the 08:30 digest shows what is open when it is sent), else at the same end; the previous
 * period's stock at the same offset from its end (what the previous digest showed). Open and overdue follow the one
 * definition (`isOpen`, `isOverdue`) on the ticket as it stood then (`ticketAt`). Pure: tickets in, numbers out.
 * `all` must hold every ticket still open and every one created, answered or closed since the earlier of the year's
 * start and the previous period's start (for a year: the previous year's), with events for those changed after the
 * previous period's start; those closed as not a problem are left out here (`isValidTicket`).
 */
export function buildDigest(
  all: Ticket[],
  range: PeriodRange,
  at: string,
  cal: BusinessCalendar,
  dir: Directory,
  tz: string,
  opts: { openAt?: string } = {},
): DigestModel {
  const tickets = all.filter(isValidTicket);
  const prevRange = previousPeriod(range, tz);
  const yearStart = DateTime.fromISO(range.start).setZone(tz).startOf('year').toUTC().toISO()!;
  const dayMin = cal.minutesPerDay;
  const end = at < range.end ? at : range.end;
  const openAt = opts.openAt && opts.openAt > end ? opts.openAt : end;
  const shift = Date.parse(openAt) - Date.parse(end);
  const prevOpenAt = new Date(Date.parse(prevRange.end) + shift).toISOString();

  /** The tickets open at an instant, as they stood then. */
  const openAtInstant = (instant: string): Ticket[] => tickets.flatMap((t) => {
    const then = ticketAt(t, instant);
    return then && isOpen(then) ? [then] : [];
  });
  const numbersFor = (start: string, flowEnd: string, stockAt: string): PeriodNumbers => {
    const n: PeriodNumbers = { newTickets: 0, answered: 0, open: 0, openByAge: { upTo5: 0, from6To15: 0, over15: 0 }, overdue: 0 };
    for (const t of tickets) {
      if (createdIn(t, start, flowEnd)) n.newTickets++;
      if (answeredIn(t, start, flowEnd)) n.answered++;
    }
    for (const t of openAtInstant(stockAt)) {
      n.open++;
      const age = cal.workingMinutesBetween(t.createdAt, stockAt) / dayMin;
      if (age <= 5) n.openByAge.upTo5++;
      else if (age <= 15) n.openByAge.from6To15++;
      else n.openByAge.over15++;
      if (isOverdue(t, stockAt)) n.overdue++;
    }
    return n;
  };
  const numbers = numbersFor(range.start, end, openAt);
  const previous = numbersFor(prevRange.start, prevRange.end, prevOpenAt);

  const ytdTickets = tickets.filter((t) => createdIn(t, yearStart, end));
  const ytd = {
    newTickets: ytdTickets.length,
    answered: tickets.filter((t) => answeredIn(t, yearStart, end)).length,
    closed: tickets.filter((t) => t.closedAt && t.closedAt >= yearStart && t.closedAt < end).length,
  };

  // 响应率: over the tickets whose response deadline fell in the last 30 days, and those answered in time in the last
  // 30 days whose deadline is still to come (a response in time is known at once; a miss only when the deadline passes)
  const windowStart = DateTime.fromISO(end).minus({ days: 30 }).toUTC().toISO()!;
  let onTime = 0;
  let due = 0;
  for (const t of tickets) {
    if (!t.responseDueAt) continue;
    // the first response of the current responsible person (after the latest dispatch), known by the period's end
    const first = t.events.find(
      (e) => ['claim', 'progress', 'resolve'].includes(e.type) && e.by?.personId && e.by.personId !== 'xiaoer' && (!t.dispatchedAt || e.at >= t.dispatchedAt),
    );
    const respondedAt = first?.at ?? t.claimedAt ?? null;
    const inTime = !!respondedAt && respondedAt <= t.responseDueAt && respondedAt < end;
    const decidedAt = inTime && t.responseDueAt > end ? respondedAt! : t.responseDueAt;
    if (decidedAt <= windowStart || decidedAt > end) continue;
    due++;
    if (inTime) onTime++;
  }

  // 满意率
  const ratedIn = (from: string) => tickets.filter((t) => t.rating && t.rating.at >= from && t.rating.at < end);
  // 参评率: of the tickets answered in the range, how many the enterprise rated (so nobody picks whom to ask)
  const sat = (from: string) => {
    const rated = ratedIn(from);
    const good = rated.filter((t) => GOOD(t.rating!.level)).length;
    const answered = tickets.filter((t) => answeredIn(t, from, end));
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

  // 超期, at the moment the stock is read
  const openNow = openAtInstant(openAt);
  const overdueNow = openNow.filter((t) => isOverdue(t, openAt));
  const dueSoon = openNow.filter(
    (t) => !isOverdue(t, openAt) && !t.pausedAt && t.resolutionDueAt >= openAt && cal.workingMinutesBetween(openAt, t.resolutionDueAt) <= dayMin,
  ).length;
  const top = overdueNow
    .map<OverdueRow>((t) => ({
      no: t.no,
      enterprise: t.enterprise,
      summary: t.summary,
      assignee: t.assignee?.name ?? null,
      leader: dir.person(t.leaderId ?? undefined)?.name ?? null,
      workingDaysOverdue: Math.max(1, workingDaysOverdue(t, openAt, cal)),
      escalations: t.escalationCount ?? 0,
    }))
    .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.no - b.no)
    .slice(0, 10);

  // categories
  const categories = (Object.keys(CATEGORIES) as Category[])
    .map((c) => ({
      category: c,
      label: CATEGORIES[c],
      newTickets: tickets.filter((t) => t.category === c && createdIn(t, range.start, end)).length,
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
      if (isOverdue(t, openAt)) row(k).overdue++;
    }
    for (const t of tickets) {
      const k = keyOf(t);
      if (!k) continue;
      if (answeredIn(t, range.start, end)) row(k).answered++;
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
    openAt,
    openAtLabel: openAt === end ? null : DateTime.fromISO(openAt).setZone(tz).toFormat('M月d日 HH:mm'),
    numbers,
    previous,
    ytd,
    responseRate: { onTime, due, rate: ratio(onTime, due) },
    solveRate: solveRateOf(ytdTickets, end),
    satisfaction: { period: sat(range.start), ytd: sat(yearStart), bad },
    overdue: { count: overdueNow.length, rate: ratio(overdueNow.length, openNow.length), dueSoon, top },
    triage: openNow.filter(awaitsTriage).length,
    recurrences: tickets.filter((t) => isRecurrence(t) && createdIn(t, range.start, end)).length,
    categories,
    byDepartment: rank(departmentOf),
    byCadre: rank((t) => t.assignee?.name ?? null),
  };
}

export interface DailySeries {
  /** The local dates, as given. */
  days: string[];
  /** 新增 on each day (`createdIn`). */
  newTickets: number[];
  /** 办结 on each day (`answeredIn`, the digest's own 办结). */
  answered: number[];
}

/**
 * 新增 and 办结 per local day (the dashboard's chart), by the digest's own definitions: for every day, the numbers a
 * day digest of that day (`periodOf('day', …)`) would show, so the days of a month add up to the month's digest.
 * `days` are local dates (YYYY-MM-DD) in `tz`, in any order. Pure: tickets in, numbers out; `tickets` must hold every
 * ticket created or answered on those days (events are not needed).
 */
export function dailySeries(tickets: Ticket[], days: string[], tz: string): DailySeries {
  for (const day of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !DateTime.fromISO(day, { zone: tz }).isValid) throw new RangeError(`not a local date: ${day}`);
  }
  const ranges = days.map((day, i) => ({ i, ...periodOf('day', day, tz) })).sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  const newTickets = days.map(() => 0);
  const answered = days.map(() => 0);
  /** Counts `t` on every day whose range holds `at`, as `inRange` says (the last range starting at or before it). */
  const count = (counts: number[], t: Ticket, at: string | null, inRange: (t: Ticket, start: string, end: string) => boolean) => {
    if (!at) return;
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]!.start <= at) lo = mid + 1;
      else hi = mid;
    }
    // the same day given twice is counted in both places
    for (let k = lo - 1; k >= 0 && ranges[k]!.start === ranges[lo - 1]!.start; k--) {
      if (inRange(t, ranges[k]!.start, ranges[k]!.end)) counts[ranges[k]!.i]!++;
    }
  };
  for (const t of tickets) {
    if (!isValidTicket(t)) continue;
    count(newTickets, t, newAt(t), createdIn);
    count(answered, t, answeredAt(t), answeredIn);
  }
  return { days: [...days], newTickets, answered };
}
