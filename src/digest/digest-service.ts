import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../domain/calendar.js';
import {
  buildDigest,
  buildDigestFrom,
  dailySeries,
  dayStart,
  digestInstants,
  flowsOfDays,
  localDayOf,
  periodOf,
  previousPeriod,
  stockAt,
  type DailySeries,
  type DigestModel,
  type Period,
  type PeriodRange,
  type SolveRate,
} from '../domain/digest.js';
import type { Ticket } from '../domain/ticket.js';
import type { DigestSummaryRepository } from '../store/repositories/digest-summary.repository.js';
import type { DigestFolder } from './digest-fold.js';
import { buildVisitReport, myVisits, type DigestWithVisits, type MyVisits, type VisitReport } from '../domain/visit-report.js';
import type { DirectoryRepository } from '../store/repositories/directory.repository.js';
import type { VisitRepository } from '../store/repositories/visit.repository.js';
import type { TicketRepository } from '../store/repositories/ticket.repository.js';

export interface DigestService {
  /**
   * The digest of a period range, as of `at` (the range's end when it is over). `openAt`: read what is open and
   * overdue at this moment instead (the scheduled digest: at the moment it is sent). `oneRead`: read the tickets and
   * the events it needs in one cursor pass (forDigestOneRead) — for wide ranges (the ledger's summary of a year), where
   * fetching events by number costs one collection scan per thousand tickets on FerretDB v1.
   */
  build(range: PeriodRange, at: Date, opts?: { openAt?: Date; oneRead?: boolean }): Promise<DigestWithVisits>;
  /**
   * Keeps the stock at the start of today from the summaries, unless kept already (the nightly check does it): true when
   * it was taken now.
   */
  keepTodaysStock(): Promise<boolean>;
  /** The period of `kind` containing a local date (today when absent). */
  range(kind: Period, date?: string, now?: Date): PeriodRange;
  /** For the 08:30 digest: from the start of the previous working day to the start of `today`. */
  sinceLastWorkingDay(today: string): PeriodRange;
  /**
   * 新增 and 办结 on each of the `days` local dates ending at `endDate` (YYYY-MM-DD, inclusive), oldest first: the
   * dashboard's chart, by the digest's own definitions (`dailySeries`), so a month of days adds up to the month's
   * digest. A day not over yet counts up to now. RangeError for a bad date or a `days` that is not a positive integer.
   */
  series(endDate: string, days?: number): Promise<DailySeries>;
  /**
   * 助企走访: the report of the month (or week, day) holding local `date` (today when absent), as of `at`; null without
   * a visit store.
   */
  visits(at: Date, opts?: { period?: 'day' | 'week' | 'month'; date?: string }): Promise<VisitReport | null>;
  /** 我的走访: a person's visits this month and the key enterprises assigned to them not yet visited. */
  myVisits(personId: string, at: Date): Promise<MyVisits | null>;
}

/** An `eventsSince` no ticket reaches: `forDigest` then loads no events. */
const NO_EVENTS = '9999-12-31T23:59:59.999Z';

export function createDigestService(deps: {
  tickets: TicketRepository;
  directories: DirectoryRepository;
  calendar: BusinessCalendar;
  timezone: string;
  /** 助企走访's visits: with them, every digest carries the visit figures (`visits`). */
  visits?: Pick<VisitRepository, 'onDates'>;
  /**
   * The per-day summaries (issue 18): with them, a digest reads the summaries of the days it counts, the open tickets
   * and the tickets changed since the earliest instant it reads the stock at, instead of the year's tickets. Without
   * them, or while they are not ready, every digest is a full recount.
   */
  summaries?: { folder: DigestFolder; repo: DigestSummaryRepository };
  now?: () => Date;
}): DigestService {
  const now = deps.now ?? (() => new Date());
  const tz = deps.timezone;
  /** The visits of the year to date up to local `lastDay`, the tickets given, and the directory: the visit report. */
  async function visitReport(
    period: 'day' | 'week' | 'month',
    date: string,
    asOf: string,
    opts: { tickets?: Ticket[]; range?: PeriodRange; overall?: SolveRate } = {},
  ): Promise<VisitReport | null> {
    if (!deps.visits) return null;
    const yearStart = DateTime.fromISO(date, { zone: tz }).startOf('year');
    const since = yearStart.toUTC().toISO()!;
    const [visits, directory] = await Promise.all([deps.visits.onDates(yearStart.toISODate()!, deps.calendar.localDate(asOf)), deps.directories.current()]);
    // with the overall 破解率 given (the digest's own), only the tickets found on visits are read, by number
    const nos = [...new Set(visits.flatMap((v) => v.problems.flatMap((p) => (p.ticketNo === null ? [] : [p.ticketNo]))))];
    // with the events of the year: 破解率 as of a past month's end reads each ticket as it stood then
    const all = opts.tickets ?? (opts.overall ? await deps.tickets.getManyByNo(nos) : await deps.tickets.forDigest(since, since));
    return buildVisitReport({ visits, tickets: all, directory, period, date, at: asOf, tz, range: opts.range, overall: opts.overall });
  }

  /**
   * The digest from the summaries, or null when they cannot answer: not ready, or the end an instant in the past
   * that is not a local midnight (the summaries keep whole days).
   */
  async function fromSummaries(range: PeriodRange, asOf: string, openAt: string | undefined): Promise<DigestModel | null> {
    const s = deps.summaries;
    if (!s) return null;
    const { end, prevOpenAt, yearStart, windowStart } = digestInstants(range, asOf, tz, openAt);
    const wholeDays = dayStart(end, tz) === end;
    if (!wholeDays && Date.parse(end) < now().getTime() - 60_000) return null;
    // folded up to now, or not usable now (another process holds the fold past the wait, the store is away): a recount
    if ((await s.folder.catchUp().then(() => true, () => false)) === false || !(await s.folder.ready())) return null;
    const prev = previousPeriod(range, tz);
    const gen = (await s.repo.meta())?.gen ?? 0;
    // the previous period's stock: a snapshot taken then (a scheduled digest's, or a day's start), else read back
    const snapshot = await s.repo.stock(prevOpenAt, gen);
    const first = [yearStart, prev.start, windowStart].sort()[0]!;
    const dayList: string[] = [];
    for (let d = DateTime.fromISO(first).setZone(tz).startOf('day'), last = localDayOf(end, tz); d.toISODate()! <= last; d = d.plus({ days: 1 })) dayList.push(d.toISODate()!);
    // the tickets changed since the earliest stock instant (with their events), and every open one; and those changed
    // since the start of the end's day, whose 签收 deadlines that day the summaries do not count yet (a ticket claimed
    // late today and closed since is neither open nor changed after a kept stock's instant)
    const [days, byNo] = await Promise.all([s.repo.days(dayList), openAndChangedSince(s.repo, [snapshot ? end : prevOpenAt, end, dayStart(end, tz)].sort()[0]!)]);
    const flows = flowsOfDays(days, tz);
    const bad = [...flows.byPrefix('bad:', range.start, end).keys()].map(Number).filter((no) => !byNo.has(no));
    const known = new Map(byNo);
    for (const t of await deps.tickets.getManyByNo(bad)) known.set(t.no, t);
    const all = [...byNo.values()];
    let previousStock = snapshot;
    if (!previousStock) {
      previousStock = stockAt(all, prevOpenAt, deps.calendar);
      // kept for the next digest that reads it (a day's start, or when a scheduled digest was sent)
      if (isSnapshotInstant(prevOpenAt)) await s.repo.saveStock(prevOpenAt, gen, previousStock);
    }
    const model = buildDigestFrom({ flows, tickets: all, known, previousStock }, range, asOf, deps.calendar, await deps.directories.current(), tz, { openAt });
    // a scheduled digest's stock (read when it is sent, `openAt`) is the next one's previous stock
    if (openAt && openAt <= now().toISOString()) {
      const { open, openByAge, overdue } = model.numbers;
      await s.repo.saveStock(model.openAt, gen, { open, openByAge, overdue });
    }
    return model;
  }

  /**
   * The stock at the start of today, kept (when the summaries are ready and it is not kept yet): what a running week's
   * or month's digest compares with on a period's first day, read once from the tickets changed since midnight.
   */
  async function keepTodaysStock(): Promise<boolean> {
    const s = deps.summaries;
    if (!s || !(await s.folder.ready())) return false;
    const midnight = DateTime.fromJSDate(now()).setZone(tz).startOf('day').toUTC().toISO()!;
    const gen = (await s.repo.meta())?.gen ?? 0;
    if (await s.repo.stock(midnight, gen)) return false;
    await s.folder.catchUp();
    await s.repo.saveStock(midnight, gen, stockAt([...(await openAndChangedSince(s.repo, midnight)).values()], midnight, deps.calendar));
    return true;
  }

  /**
   * Every open ticket (as last folded, without events) and every ticket changed since `since` (read by number, with
   * its events): every ticket whose state at an instant from `since` on may differ from how it stands now, or may be
   * open then. By number.
   */
  async function openAndChangedSince(repo: DigestSummaryRepository, since: string): Promise<Map<number, Ticket>> {
    const touchedDays: string[] = [];
    // up to a week past now: a process whose clock runs ahead (a message's own time) may have dated a change later
    const last = localDayOf(new Date(now().getTime() + 7 * 86_400_000).toISOString(), tz);
    for (let d = DateTime.fromISO(since).setZone(tz).startOf('day'); d.toISODate()! <= last; d = d.plus({ days: 1 })) touchedDays.push(d.toISODate()!);
    const [touched, lastNo] = await Promise.all([repo.touched(touchedDays, since), deps.tickets.lastNumber()]);
    const [changed, open] = await Promise.all([deps.tickets.getManyByNo(touched), repo.openTickets(lastNo)]);
    const byNo = new Map<number, Ticket>(open.map((t) => [t.no, t]));
    for (const t of changed) if (t.updatedAt >= since) byNo.set(t.no, t);
    return byNo;
  }

  /** A stock worth keeping: at a local midnight (every period starts at one), in the past. */
  function isSnapshotInstant(at: string): boolean {
    return at <= now().toISOString() && DateTime.fromISO(at).setZone(tz).startOf('day').toUTC().toISO() === at;
  }
  return {
    keepTodaysStock,
    async build(range, at, opts = {}) {
      const asOf = at.toISOString() < range.end ? at.toISOString() : range.end;
      const summarised = opts.oneRead && !deps.summaries ? null : await fromSummaries(range, asOf, opts.openAt?.toISOString());
      if (summarised) {
        const lastDay = deps.calendar.localDate(new Date(Date.parse(asOf) - 1));
        const visits = await visitReport(range.period === 'year' ? 'month' : range.period, range.period === 'year' ? lastDay : range.key, asOf, {
          overall: summarised.solveRate,
          ...(range.period === 'year' ? {} : { range }),
        });
        return visits ? { ...summarised, visits } : summarised;
      }
      const yearStart = DateTime.fromISO(range.start).setZone(tz).startOf('year').toUTC().toISO()!;
      const prev = previousPeriod(range, tz);
      const thirtyDays = DateTime.fromISO(asOf).minus({ days: 31 }).toUTC().toISO()!;
      const since = [yearStart, prev.start].sort()[0]!;
      const eventsSince = [prev.start, thirtyDays].sort()[0]!;
      const tickets = await (opts.oneRead ? deps.tickets.forDigestOneRead(since, eventsSince) : deps.tickets.forDigest(since, eventsSince));
      const model = buildDigest(tickets, range, asOf, deps.calendar, await deps.directories.current(), tz, { openAt: opts.openAt?.toISOString() });
      // 助企走访 of the same period (a year's digest: the year to date, read from its last month)
      const lastDay = deps.calendar.localDate(new Date(Date.parse(asOf) - 1));
      // the period's own range (the 08:30 digest's runs from the last working day: a weekend's visits are in it)
      const visits = await visitReport(range.period === 'year' ? 'month' : range.period, range.period === 'year' ? lastDay : range.key, asOf, {
        tickets,
        ...(range.period === 'year' ? {} : { range }),
      });
      return visits ? { ...model, visits } : model;
    },
    visits(at, opts = {}) {
      return visitReport(opts.period ?? 'month', opts.date ?? deps.calendar.localDate(at), at.toISOString());
    },
    async myVisits(personId, at) {
      if (!deps.visits) return null;
      const asOf = at.toISOString();
      const date = deps.calendar.localDate(at);
      const monthStart = DateTime.fromISO(date, { zone: tz }).startOf('month').toISODate()!;
      const [visits, directory] = await Promise.all([deps.visits.onDates(monthStart, date), deps.directories.current()]);
      return myVisits(personId, { visits, directory, date, at: asOf, tz });
    },
    range(kind, date, now = new Date()) {
      return periodOf(kind, date ?? deps.calendar.localDate(now), tz);
    },
    sinceLastWorkingDay(today) {
      const prev = deps.calendar.subtractWorkingDays(today, 1);
      const start = DateTime.fromISO(prev, { zone: tz });
      const end = DateTime.fromISO(today, { zone: tz });
      const label = end.diff(start, 'days').days > 1 ? `${start.toFormat('M月d日')}—${end.minus({ days: 1 }).toFormat('M月d日')}` : start.toFormat('yyyy年M月d日');
      return { period: 'day', key: prev, start: start.toUTC().toISO()!, end: end.toUTC().toISO()!, label };
    },
    async series(endDate, days = 30) {
      const last = DateTime.fromISO(endDate, { zone: tz });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || !last.isValid) throw new RangeError(`not a local date: ${endDate}`);
      if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer: ${days}`);
      const dates = Array.from({ length: days }, (_, i) => last.minus({ days: days - 1 - i }).toISODate()!);
      // from the summaries: each day's 新增 and 办结 as its day document holds them (the same contributions)
      if (deps.summaries && (await deps.summaries.folder.catchUp().then(() => deps.summaries!.folder.ready(), () => false))) {
        const totals = await deps.summaries.repo.days(dates);
        return { days: dates, newTickets: dates.map((d) => totals.get(d)?.get('new') ?? 0), answered: dates.map((d) => totals.get(d)?.get('ans') ?? 0) };
      }
      const since = periodOf('day', dates[0]!, tz).start;
      // created or answered since the first day (and the open ones); no events: the series needs none
      const tickets = await deps.tickets.forDigest(since, NO_EVENTS);
      return dailySeries(tickets, dates, tz);
    },
  };
}
