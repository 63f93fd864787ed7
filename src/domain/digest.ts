import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar.js';
import { groupCommonIssues, type CommonIssueGroup } from './common-issues.js';
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
  /** 共性问题: similar open problems of several enterprises (at the stock's instant), the largest group first. */
  common: CommonIssueGroup[];
  categories: { category: Category; label: string; newTickets: number; open: number }[];
  byDepartment: RankRow[];
  byCadre: RankRow[];
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 10 : null);

/** One contribution of a ticket to the digest's flow figures: at an instant, under a key, a count. */
export type Contribution = readonly [at: string, key: string, n: number];

/** An instant no ticket reaches: the ticket as it stands now. */
const NOW_AND_EVER = '9999-12-31T23:59:59.999Z';

/**
 * A ticket's 签收 clock as 响应率 counts it — whether its first response came before its response deadline: once it
 * has been dispatched again (转办, 退单, re-routed), the first dispatch's deadline as recorded on it, and the first
 * response after it, passing the ticket on included (found trying the product: a transfer wiped out the first
 * handler's missed 签收, and 响应率 rose from 80 % to 100 %); else the current deadline (which a correction of urgency
 * may have moved) and the first response after the latest dispatch, the claim time when the history does not say.
 * Null when never dispatched.
 */
export function responseClock(t: Ticket): { due: string; respondedAt: string | null } | null {
  const byPerson = (e: Ticket['events'][number]) => !!e.by?.personId && e.by.personId !== 'xiaoer';
  const first = t.events.find((e) => e.type === 'dispatch');
  const recorded = first?.data?.responseDueAt;
  if (first && typeof recorded === 'string' && t.dispatchedAt && t.dispatchedAt > first.at) {
    const response = t.events.find((e) => FIRST_RESPONSES.has(e.type) && byPerson(e) && e.at >= first.at);
    return { due: recorded, respondedAt: response?.at ?? null };
  }
  if (!t.responseDueAt) return null;
  const response = t.events.find((e) => RESPONSES.has(e.type) && byPerson(e) && (!t.dispatchedAt || e.at >= t.dispatchedAt));
  return { due: t.responseDueAt, respondedAt: response?.at ?? t.claimedAt ?? null };
}
const RESPONSES = new Set(['claim', 'progress', 'resolve']);
const FIRST_RESPONSES = new Set([...RESPONSES, 'transfer', 'return']);

/**
 * What a ticket, as it stands now, adds to the digest's flow figures, each at the instant it happened (every figure
 * that is counted by a date of the ticket: 新增, 办结, closed, ratings, 回潮, 响应率, and 已破解 at its creation). The
 * one definition the per-day summaries fold and the full recount sums, so that both give the same digest. Keys:
 * `new`, `new:c:<category>`, `rec`, `solved` (at creation: solved as it stands now); `ans`, `ans:p:<personId>`,
 * `ans:n:<name>`, `ansRated` (answered and rated); `closed`; `rated`, `good`, `bad:<no>`, `rated|good:p|n:…` (by the
 * responsible person now); `rOn` (responded in time, at the response), `rMiss` (not in time, at the deadline). A ticket
 * closed as not a problem adds nothing.
 */
export function digestContributions(t: Ticket): Contribution[] {
  if (!isValidTicket(t)) return [];
  const out: Contribution[] = [];
  const c = newAt(t);
  out.push([c, 'new', 1], [c, `new:c:${t.category}`, 1]);
  if (isRecurrence(t)) out.push([c, 'rec', 1]);
  if (isSolvedAt(t, NOW_AND_EVER)) out.push([c, 'solved', 1]);
  const pid = t.assignee?.personId;
  const name = t.assignee?.name;
  const a = answeredAt(t);
  if (a) {
    out.push([a, 'ans', 1]);
    if (pid) out.push([a, `ans:p:${pid}`, 1]);
    if (name) out.push([a, `ans:n:${name}`, 1]);
    if (t.rating) out.push([a, 'ansRated', 1]);
  }
  if (t.closedAt) out.push([t.closedAt, 'closed', 1]);
  if (t.rating) {
    const r = t.rating.at;
    const good = GOOD(t.rating.level);
    out.push([r, 'rated', 1], good ? [r, 'good', 1] : [r, `bad:${t.no}`, 1]);
    if (pid) out.push([r, `rated:p:${pid}`, 1], ...(good ? [[r, `good:p:${pid}`, 1] as const] : []));
    if (name) out.push([r, `rated:n:${name}`, 1], ...(good ? [[r, `good:n:${name}`, 1] as const] : []));
  }
  const clock = responseClock(t);
  if (clock) {
    const at = clock.respondedAt;
    if (at && at <= clock.due) out.push([at, 'rOn', 1]);
    else out.push([clock.due, 'rMiss', 1]);
  }
  return out;
}

/** The digest's flow figures: sums of contributions (`digestContributions`) over instants [from, to). */
export interface FlowSource {
  sum(key: string, from: string, to: string): number;
  /** The sums of every key starting with `prefix`, by the rest of the key. */
  byPrefix(prefix: string, from: string, to: string): Map<string, number>;
}

/** A FlowSource over contributions held in memory (the full recount). */
export function flowsOf(contributions: Iterable<Contribution>): FlowSource {
  const byKey = new Map<string, { at: string; n: number }[]>();
  for (const [at, key, n] of contributions) {
    const l = byKey.get(key) ?? byKey.set(key, []).get(key)!;
    l.push({ at, n });
  }
  for (const l of byKey.values()) l.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  const sumOf = (l: { at: string; n: number }[] | undefined, from: string, to: string) => {
    if (!l) return 0;
    let total = 0;
    for (const e of l) if (e.at >= from && e.at < to) total += e.n;
    return total;
  };
  return {
    sum: (key, from, to) => sumOf(byKey.get(key), from, to),
    byPrefix(prefix, from, to) {
      const out = new Map<string, number>();
      for (const [key, l] of byKey) {
        if (!key.startsWith(prefix)) continue;
        const n = sumOf(l, from, to);
        if (n) out.set(key.slice(prefix.length), n);
      }
      return out;
    },
  };
}

/** What a digest is built from (`buildDigestFrom`). */
export interface DigestInput {
  /** The flow figures of every ticket (`digestContributions`). */
  flows: FlowSource;
  /**
   * Every valid or dismissed ticket that may have been open at the instants the stock is read (the end, the moment it
   * is sent, the previous period's), and every ticket changed since the earliest of them, with their events where
   * changed since then (for past statuses): the stock is read from these, and 已破解 at the end corrected by them.
   */
  tickets: Ticket[];
  /** Tickets by number, for the 差评 list (those rated badly in the period must be among them). */
  known: ReadonlyMap<number, Ticket>;
  /** The previous period's stock when it is known (a snapshot taken then): `tickets` need not reach back to it. */
  previousStock?: StockNumbers;
}

/** The stock at an instant: what is open, by age, and overdue (the stock part of PeriodNumbers). */
export type StockNumbers = Pick<PeriodNumbers, 'open' | 'openByAge' | 'overdue'>;

/**
 * The stock at an instant, from tickets that hold every ticket open then (as they stood then: `ticketAt`), by the one
 * definition of open and 超期; the age in working days. Those closed as not a problem are left out.
 */
export function stockAt(all: readonly Ticket[], instant: string, cal: BusinessCalendar): StockNumbers {
  return stockOf(openAtInstant(all, instant), instant, cal);
}

/** The valid tickets open at an instant, as they stood then. */
function openAtInstant(all: readonly Ticket[], instant: string): Ticket[] {
  return all.flatMap((x) => {
    const t = isValidTicket(x) ? ticketAt(x, instant) : null;
    return t && isOpen(t) ? [t] : [];
  });
}

/** The stock of the tickets open at `instant` (as they stood then). */
function stockOf(open: readonly Ticket[], instant: string, cal: BusinessCalendar): StockNumbers {
  const n: StockNumbers = { open: 0, openByAge: { upTo5: 0, from6To15: 0, over15: 0 }, overdue: 0 };
  for (const t of open) {
    n.open++;
    const age = cal.workingMinutesBetween(t.createdAt, instant) / cal.minutesPerDay;
    if (age <= 5) n.openByAge.upTo5++;
    else if (age <= 15) n.openByAge.from6To15++;
    else n.openByAge.over15++;
    if (isOverdue(t, instant)) n.overdue++;
  }
  return n;
}

/** The local midnight starting the day of an instant. */
/** The start of an instant's local day, as an ISO instant. */
export const dayStart = (at: string, tz: string): string => DateTime.fromISO(at).setZone(tz).startOf('day').toUTC().toISO()!;

/**
 * The leaders' numbers (practice.md, "The numbers leaders are judged by") for a period ending at `at` (the period's
 * end, or now when the period is still running), from all tickets: the full recount (`buildDigestFrom` over every
 * ticket's contributions). The stock — what is open, overdue, due soon — is read at `opts.openAt` when given (the 08:30
 * digest shows what is open when it is sent), else at the same end; the previous period's stock at the same offset
 * from its end (what the previous digest showed). Pure: tickets in, numbers out. `all` must hold every ticket still
 * open and every one created, answered, closed or rated since the earlier of the year's start and the previous
 * period's start (for a year: the previous year's), with events for those changed after the earlier of the previous
 * period's start and 31 days before the day of `at`; those closed as not a problem are left out (`isValidTicket`).
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
  return buildDigestFrom(
    { flows: flowsOf(all.flatMap(digestContributions)), tickets: all, known: new Map(all.map((t) => [t.no, t])) },
    range,
    at,
    cal,
    dir,
    tz,
    opts,
  );
}

/**
 * The digest from its flow figures and the tickets the stock needs (`DigestInput`): the full recount passes every
 * ticket; the digest service the per-day summaries, the open tickets and those changed since the previous stock was
 * read. Open and overdue follow the one definition (`isOpen`, `isOverdue`) on the ticket as it stood then
 * (`ticketAt`). Pure.
 */
export function buildDigestFrom(
  input: DigestInput,
  range: PeriodRange,
  at: string,
  cal: BusinessCalendar,
  dir: Directory,
  tz: string,
  opts: { openAt?: string } = {},
): DigestModel {
  const { flows } = input;
  const tickets = input.tickets.filter(isValidTicket);
  const prevRange = previousPeriod(range, tz);
  const { end, openAt, prevOpenAt, yearStart, windowStart } = digestInstants(range, at, tz, opts.openAt);
  const dayMin = cal.minutesPerDay;

  // 在办 and 超期 at the moment the stock is read: one pass, for the numbers and every list below
  const openNow = openAtInstant(tickets, openAt);
  const numbersFor = (start: string, flowEnd: string, stock: StockNumbers): PeriodNumbers => ({ newTickets: flows.sum('new', start, flowEnd), answered: flows.sum('ans', start, flowEnd), ...stock });
  const numbers = numbersFor(range.start, end, stockOf(openNow, openAt, cal));
  const previous = numbersFor(prevRange.start, prevRange.end, input.previousStock ?? stockAt(tickets, prevOpenAt, cal));

  const ytd = { newTickets: flows.sum('new', yearStart, end), answered: flows.sum('ans', yearStart, end), closed: flows.sum('closed', yearStart, end) };

  // 响应率: the 30 days before the day of the end, and that day up to the end. A response in time counts when it is
  // given; a miss when the deadline passes. Misses on the end's own day are read from the tickets (open, or changed
  // that day), since the summaries keep days whole and a deadline later that day has not passed yet.
  const today = dayStart(end, tz);
  const onTime = flows.sum('rOn', windowStart, end);
  let missed = flows.sum('rMiss', windowStart, today);
  for (const t of tickets) {
    const clock = responseClock(t);
    if (!clock || clock.due < today || clock.due >= end) continue;
    if (!(clock.respondedAt && clock.respondedAt <= clock.due)) missed++;
  }
  const due = onTime + missed;

  // 满意率; 参评率: of the tickets answered in the range, how many the enterprise rated (so nobody picks whom to ask)
  const sat = (from: string) => {
    const rated = flows.sum('rated', from, end);
    const good = flows.sum('good', from, end);
    return { good, rated, rate: ratio(good, rated), participation: ratio(flows.sum('ansRated', from, end), flows.sum('ans', from, end)) };
  };
  const bad = [...flows.byPrefix('bad:', range.start, end).keys()]
    .map(Number)
    .sort((a, b) => a - b)
    .flatMap((no) => {
      const t = input.known.get(no);
      if (!t?.rating) return [];
      return [{
        no: t.no,
        enterprise: t.enterprise,
        level: RATINGS[t.rating.level as RatingLevel]?.label ?? t.rating.level,
        assignee: dir.person(t.rating.assigneePersonId ?? undefined)?.name ?? t.assignee?.name ?? null,
      }];
    });

  // 超期, at the moment the stock is read
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
  const newByCategory = flows.byPrefix('new:c:', range.start, end);
  const categories = (Object.keys(CATEGORIES) as Category[])
    .map((c) => ({ category: c, label: CATEGORIES[c], newTickets: newByCategory.get(c) ?? 0, open: openNow.filter((t) => t.category === c).length }))
    .filter((c) => c.newTickets > 0 || c.open > 0);

  // rankings (红黑榜): by the responsible person and their department
  const rank = (keyOf: (t: Ticket) => string | null, flowKey: 'p' | 'n', rowOf: (k: string) => string | null) => {
    const rows = new Map<string, RankRow>();
    const row = (k: string) => rows.get(k) ?? rows.set(k, { name: k, open: 0, overdue: 0, answered: 0, satisfied: 0, rated: 0 }).get(k)!;
    for (const t of openNow) {
      const k = keyOf(t);
      if (!k) continue;
      row(k).open++;
      if (isOverdue(t, openAt)) row(k).overdue++;
    }
    for (const [field, key] of [['answered', 'ans'], ['rated', 'rated'], ['satisfied', 'good']] as const) {
      for (const [k, n] of flows.byPrefix(`${key}:${flowKey}:`, range.start, end)) {
        const name = rowOf(k);
        if (name) row(name)[field] += n;
      }
    }
    // fewest overdue first, then most answered, then the best rated (满意 of the rated; the unrated after the rated), then
    // by name in pinyin order (found trying the product: 0/1 满意 ranked above 1/1 by the characters' code points)
    const satisfaction = (r: RankRow) => (r.rated ? r.satisfied / r.rated : -1);
    return [...rows.values()].sort((a, b) => a.overdue - b.overdue || b.answered - a.answered || satisfaction(b) - satisfaction(a) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  };
  const departmentOfPerson = (personId: string) => dir.person(personId)?.department ?? null;
  const departmentOf = (t: Ticket) => (t.assignee ? departmentOfPerson(t.assignee.personId) : null);

  // 破解率 (year to date): the summaries count each ticket as it stands now; a ticket changed since the end is
  // counted as it stood then
  let solved = flows.sum('solved', yearStart, end);
  let openNotDue = 0;
  for (const t of tickets) {
    if (!createdIn(t, yearStart, end)) continue;
    if (t.updatedAt >= end) solved += Number(isSolvedAt(t, end)) - Number(isSolvedAt(t, NOW_AND_EVER));
    const then = ticketAt(t, end);
    if (then && isOpen(then) && !isOverdue(then, end)) openNotDue++;
  }
  const base = ytd.newTickets - openNotDue;

  return {
    period: range,
    at: end,
    openAt,
    openAtLabel: openAt === end ? null : DateTime.fromISO(openAt).setZone(tz).toFormat('M月d日 HH:mm'),
    numbers,
    previous,
    ytd,
    responseRate: { onTime, due, rate: ratio(onTime, due) },
    solveRate: { solved, base, rate: ratio(solved, base) },
    satisfaction: { period: sat(range.start), ytd: sat(yearStart), bad },
    overdue: { count: overdueNow.length, rate: ratio(overdueNow.length, openNow.length), dueSoon, top },
    triage: openNow.filter(awaitsTriage).length,
    recurrences: flows.sum('rec', range.start, end),
    common: groupCommonIssues(openNow, { now: openAt, directory: dir }),
    categories,
    byDepartment: rank(departmentOf, 'p', departmentOfPerson),
    byCadre: rank((t) => t.assignee?.name ?? null, 'n', (name) => name),
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

/** The flow figures of local days: day (YYYY-MM-DD) → key → n (the per-day summaries). */
export type DayTotals = Map<string, Map<string, number>>;

/** The local day (YYYY-MM-DD) of an instant, in `tz`; `cache` keeps the answers by minute (a fold asks often). */
export function localDayOf(at: string, tz: string, cache?: Map<string, string>): string {
  const minute = at.slice(0, 16);
  const hit = cache?.get(minute);
  if (hit) return hit;
  const day = DateTime.fromISO(at).setZone(tz).toISODate()!;
  cache?.set(minute, day);
  return day;
}

/** A ticket's contributions (`digestContributions`) summed by local day: [day, key, n], sorted. */
export function contributionsByDay(t: Ticket, tz: string, cache?: Map<string, string>): [string, string, number][] {
  const m = new Map<string, number>();
  for (const [at, key, n] of digestContributions(t)) {
    const k = `${localDayOf(at, tz, cache)}\u0000${key}`;
    m.set(k, (m.get(k) ?? 0) + n);
  }
  return [...m]
    .filter(([, n]) => n !== 0)
    .map(([k, n]) => {
      const [day, key] = k.split('\u0000') as [string, string];
      return [day, key, n] as [string, string, number];
    })
    .sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
}

/** Adds each ticket's contributions by day into `into` (a full recount of the summaries). */
export function addToDayTotals(into: DayTotals, c: readonly (readonly [string, string, number])[]): void {
  for (const [day, key, n] of c) {
    const d = into.get(day) ?? into.set(day, new Map()).get(day)!;
    const v = (d.get(key) ?? 0) + n;
    if (v) d.set(key, v);
    else d.delete(key);
  }
}

/**
 * A FlowSource over per-day summaries: the sum over the local days whose start is in [from, to). Exact when `from`
 * and `to` are local midnights, or `to` is now (a day's summary holds nothing later than now, except a response
 * deadline still to come, which `buildDigestFrom` reads only over whole days).
 */
export function flowsOfDays(days: DayTotals, tz: string): FlowSource {
  const starts = new Map<string, string>();
  const startOf = (day: string) => starts.get(day) ?? starts.set(day, DateTime.fromISO(day, { zone: tz }).toUTC().toISO()!).get(day)!;
  const inRange = (day: string, from: string, to: string) => {
    const s = startOf(day);
    return s >= from && s < to;
  };
  return {
    sum(key, from, to) {
      let total = 0;
      for (const [day, c] of days) if (inRange(day, from, to)) total += c.get(key) ?? 0;
      return total;
    },
    byPrefix(prefix, from, to) {
      const out = new Map<string, number>();
      for (const [day, c] of days) {
        if (!inRange(day, from, to)) continue;
        for (const [key, n] of c) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), (out.get(key.slice(prefix.length)) ?? 0) + n);
      }
      for (const [k, n] of out) if (!n) out.delete(k);
      return out;
    },
  };
}

/**
 * The instants a digest reads: the end of its flows, the moment its stock is read, and the previous period's stock
 * (`buildDigestFrom`'s own). The earliest of them is where the history the digest needs begins.
 */
export function digestInstants(range: PeriodRange, at: string, tz: string, openAtGiven?: string): { end: string; openAt: string; prevOpenAt: string; yearStart: string; windowStart: string } {
  const prevRange = previousPeriod(range, tz);
  const end = at < range.end ? at : range.end;
  const openAt = openAtGiven && openAtGiven > end ? openAtGiven : end;
  const prevOpenAt = new Date(Date.parse(prevRange.end) + Date.parse(openAt) - Date.parse(end)).toISOString();
  const yearStart = DateTime.fromISO(range.start).setZone(tz).startOf('year').toUTC().toISO()!;
  const windowStart = DateTime.fromISO(dayStart(end, tz)).setZone(tz).minus({ days: 30 }).toUTC().toISO()!;
  return { end, openAt, prevOpenAt, yearStart, windowStart };
}
