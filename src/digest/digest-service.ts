import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../domain/calendar.js';
import { buildDigest, periodOf, previousPeriod, type DigestModel, type Period, type PeriodRange } from '../domain/digest.js';
import type { DirectoryRepository } from '../store/repositories/directory.repository.js';
import type { TicketRepository } from '../store/repositories/ticket.repository.js';

export interface DigestService {
  /**
   * The digest of a period range, as of `at` (the range's end when it is over). `openAt`: read what is open and
   * overdue at this moment instead (the scheduled digest: at the moment it is sent).
   */
  build(range: PeriodRange, at: Date, opts?: { openAt?: Date }): Promise<DigestModel>;
  /** The period of `kind` containing a local date (today when absent). */
  range(kind: Period, date?: string, now?: Date): PeriodRange;
  /** For the 08:30 digest: from the start of the previous working day to the start of `today`. */
  sinceLastWorkingDay(today: string): PeriodRange;
}

export function createDigestService(deps: { tickets: TicketRepository; directories: DirectoryRepository; calendar: BusinessCalendar; timezone: string }): DigestService {
  const tz = deps.timezone;
  return {
    async build(range, at, opts = {}) {
      const asOf = at.toISOString() < range.end ? at.toISOString() : range.end;
      const yearStart = DateTime.fromISO(range.start).setZone(tz).startOf('year').toUTC().toISO()!;
      const prev = previousPeriod(range, tz);
      const thirtyDays = DateTime.fromISO(asOf).minus({ days: 31 }).toUTC().toISO()!;
      const since = [yearStart, prev.start].sort()[0]!;
      const eventsSince = [prev.start, thirtyDays].sort()[0]!;
      const tickets = await deps.tickets.forDigest(since, eventsSince);
      return buildDigest(tickets, range, asOf, deps.calendar, await deps.directories.current(), tz, { openAt: opts.openAt?.toISOString() });
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
  };
}
