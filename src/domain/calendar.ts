import chineseDays from 'chinese-days';
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/** A working period within a day, in minutes from midnight. */
export interface Period {
  start: number;
  end: number;
}

export interface CalendarOptions {
  timezone: string;
  /** Default 08:30–12:00 and 13:30–18:00. */
  workingHours?: Period[];
  /** Operator overrides: date → working day (true) or day off (false). */
  overrides?: Record<string, boolean>;
  /** The official schedules (holidays and 调休); default the bundled `chinese-days` data. Tests inject their own. */
  official?: OfficialSchedules;
}

/** Where the official schedules (public holidays and 调休 make-up days) of the years come from. */
export interface OfficialSchedules {
  /** Whether the year's official schedule is known. */
  has(year: number): boolean;
  /** Whether a date of a known year is a working day. */
  isWorkday(date: string): boolean;
}

export const DEFAULT_WORKING_HOURS: Period[] = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 18 * 60 },
];

/** "08:30-12:00,13:30-18:00" → periods. */
export function parseWorkingHours(spec: string): Period[] {
  const periods = spec.split(',').map((part) => {
    const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(part);
    if (!m) throw new Error(`invalid working hours "${part}" (expected HH:MM-HH:MM)`);
    return { start: +m[1]! * 60 + +m[2]!, end: +m[3]! * 60 + +m[4]! };
  });
  periods.sort((a, b) => a.start - b.start);
  periods.forEach((p, i) => {
    if (p.end <= p.start || p.end > 24 * 60 || (i > 0 && p.start < periods[i - 1]!.end)) throw new Error(`invalid working hours "${spec}"`);
  });
  return periods;
}

const coverage = new Map<number, boolean>();
/** Whether the official schedule (holidays and 调休) of a year is in the data set. */
export function hasOfficialSchedule(year: number): boolean {
  if (!coverage.has(year)) coverage.set(year, chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0);
  return coverage.get(year)!;
}

/** The schedules bundled with `chinese-days` (the years it has published). */
export const bundledSchedules: OfficialSchedules = { has: hasOfficialSchedule, isWorkday: (date) => chineseDays.isWorkday(date) };

/**
 * Official schedules given as data, per year: the weekdays off (holidays) and the weekend days worked (调休); every
 * other weekday works. Years not listed are unknown (then weekends and the statutory holidays apply).
 */
export function schedulesFromData(years: Record<number, { off: string[]; work: string[] }>): OfficialSchedules {
  const sets = new Map(Object.entries(years).map(([y, d]) => [Number(y), { off: new Set(d.off), work: new Set(d.work) }]));
  return {
    has: (year) => sets.has(year),
    isWorkday(date) {
      const d = DateTime.fromISO(date);
      const y = sets.get(d.year);
      if (y?.work.has(date)) return true;
      if (y?.off.has(date)) return false;
      return d.weekday <= 5;
    },
  };
}

const fixedCache = new Map<number, Set<string>>();
/**
 * The statutory holidays of a year whose official schedule is not published: 元旦, 春节 (除夕 and the first three
 * days), 清明, 劳动节 (5/1–5/2), 端午, 中秋, 国庆 (10/1–10/3) — the 13 days of the State Council's rules since
 * 2025. Without the year's 调休, which only the published schedule can give.
 */
export function statutoryHolidays(year: number): Set<string> {
  if (fixedCache.has(year)) return fixedCache.get(year)!;
  const days = new Set<string>([`${year}-01-01`, `${year}-05-01`, `${year}-05-02`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
  const lunar = (md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;
  const newYear = DateTime.fromISO(lunar('01-01'));
  for (let i = -1; i <= 2; i++) days.add(newYear.plus({ days: i }).toISODate()!);
  days.add(lunar('05-05'));
  days.add(lunar('08-15'));
  const qingming = chineseDays.getSolarTermsInRange(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === '清明' && t.index === 1);
  if (qingming) days.add(qingming.date);
  fixedCache.set(year, days);
  return days;
}

const zones = new Map<string, Zone>();
/**
 * The zone luxon computes local times in. An IANA zone's offset is looked up through Intl on every conversion, which
 * was the largest cost of filing a ticket's SLA steps; a zone whose offset has not changed from 1992 to 2100
 * (Asia/Shanghai: +08:00 since 1991) is the same as a fixed offset there, and that is what is used. A zone with
 * daylight saving or a change in that span keeps the IANA rules. Decided once per zone, from its offset on the 1st and
 * 15th of every month of the span.
 */
export function workingZone(timezone: string): Zone {
  const known = zones.get(timezone);
  if (known) return known;
  const iana = IANAZone.create(timezone);
  let zone: Zone = iana;
  if (iana.isValid) {
    const first = iana.offset(Date.UTC(1992, 0, 1));
    let constant = true;
    for (let y = 1992; y <= 2100 && constant; y++) {
      for (let m = 0; m < 12 && constant; m++) constant = iana.offset(Date.UTC(y, m, 1)) === first && iana.offset(Date.UTC(y, m, 15)) === first;
    }
    if (constant) zone = FixedOffsetZone.instance(first);
  }
  zones.set(timezone, zone);
  return zone;
}

/**
 * Working days (weekends off, public holidays off, 调休 make-up days on) and working hours in one time zone.
 * Published years come from `chinese-days`; other years use weekends and the statutory holidays; operator overrides
 * win over both. Pure apart from the bundled data.
 */
export class BusinessCalendar {
  readonly timezone: string;
  readonly hours: Period[];
  private readonly overrides: Record<string, boolean>;
  private readonly official: OfficialSchedules;
  private readonly dayCache = new Map<string, boolean>();
  /** The time zone as luxon uses it: a fixed offset where the zone has kept one (see `workingZone`). */
  private readonly zone: Zone;
  /** Working days before each day of a window of years (by day number since 1970-01-01), for O(1) spans. */
  private cumulative: { firstDay: number; counts: Int32Array } | null = null;

  constructor(opts: CalendarOptions) {
    this.timezone = opts.timezone;
    this.zone = workingZone(opts.timezone);
    this.hours = opts.workingHours ?? DEFAULT_WORKING_HOURS;
    this.overrides = opts.overrides ?? {};
    this.official = opts.official ?? bundledSchedules;
  }

  isWorkingDay(date: string): boolean {
    const cached = this.dayCache.get(date);
    if (cached !== undefined) return cached;
    let working: boolean;
    if (date in this.overrides) working = this.overrides[date]!;
    else {
      const d = DateTime.fromISO(date);
      working = this.official.has(d.year) ? this.official.isWorkday(date) : d.weekday <= 5 && !statutoryHolidays(d.year).has(date);
    }
    this.dayCache.set(date, working);
    return working;
  }

  /** Working days strictly before day number `day` (days since 1970-01-01), counted from the window's start. */
  private workingDaysBefore(day: number): number {
    const c = this.cumulative;
    if (!c || day < c.firstDay || day >= c.firstDay + c.counts.length - 1) {
      const year = DateTime.fromMillis(day * 86_400_000, { zone: 'UTC' }).year;
      const from = Math.min(year - 2, c ? DateTime.fromMillis(c.firstDay * 86_400_000, { zone: 'UTC' }).year : year - 2);
      const to = Math.max(year + 2, c ? DateTime.fromMillis((c.firstDay + c.counts.length) * 86_400_000, { zone: 'UTC' }).year : year + 2);
      const firstDay = Math.round(Date.UTC(from, 0, 1) / 86_400_000);
      const lastDay = Math.round(Date.UTC(to + 1, 0, 1) / 86_400_000);
      const counts = new Int32Array(lastDay - firstDay + 1);
      for (let i = 0; i < lastDay - firstDay; i++) {
        const iso = new Date((firstDay + i) * 86_400_000).toISOString().slice(0, 10);
        counts[i + 1] = counts[i]! + (this.isWorkingDay(iso) ? 1 : 0);
      }
      this.cumulative = { firstDay, counts };
    }
    return this.cumulative!.counts[day - this.cumulative!.firstDay]!;
  }

  /** Working minutes of one day from minute `from` to minute `to` of that day. */
  private minutesWithin(from: number, to: number): number {
    let sum = 0;
    for (const p of this.hours) sum += Math.max(0, Math.min(to, p.end) - Math.max(from, p.start));
    return sum;
  }

  /** Years whose official schedule is missing (and not replaced by overrides), among the given dates' years. */
  missingSchedules(years: number[]): number[] {
    return [...new Set(years)].filter((y) => !this.official.has(y) && !Object.keys(this.overrides).some((d) => d.startsWith(`${y}-`)));
  }

  /** The date `days` working days after `from` (from itself does not count). */
  addWorkingDays(from: string, days: number): string {
    let d = DateTime.fromISO(from);
    let left = days;
    while (left > 0) {
      d = d.plus({ days: 1 });
      if (this.isWorkingDay(d.toISODate()!)) left--;
    }
    return d.toISODate()!;
  }

  /** The date `days` working days before `from`. */
  subtractWorkingDays(from: string, days: number): string {
    let d = DateTime.fromISO(from);
    let left = days;
    while (left > 0) {
      d = d.minus({ days: 1 });
      if (this.isWorkingDay(d.toISODate()!)) left--;
    }
    return d.toISODate()!;
  }

  private local(instant: string | Date): DateTime {
    return (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(this.zone);
  }

  localDate(instant: string | Date): string {
    return this.local(instant).toISODate()!;
  }

  /** The end of the working day of a date, as an ISO instant (e.g. 18:00 +08:00). */
  endOfWorkingDay(date: string): string {
    const end = this.hours[this.hours.length - 1]!.end;
    return DateTime.fromISO(date, { zone: this.zone }).plus({ minutes: end }).toUTC().toISO()!;
  }

  /** Whether an instant falls inside working hours of a working day. */
  isWorkingTime(instant: string | Date): boolean {
    const t = this.local(instant);
    if (!this.isWorkingDay(t.toISODate()!)) return false;
    const m = t.hour * 60 + t.minute;
    return this.hours.some((p) => m >= p.start && m < p.end);
  }

  /** The first working moment at or after an instant. */
  nextWorkingTime(instant: string | Date): string {
    let t = this.local(instant);
    for (let i = 0; i < 400; i++) {
      const date = t.toISODate()!;
      if (this.isWorkingDay(date)) {
        const m = t.hour * 60 + t.minute + t.second / 60;
        for (const p of this.hours) {
          if (m < p.end) {
            const start = Math.max(m, p.start);
            return t.startOf('day').plus({ minutes: start }).toUTC().toISO()!;
          }
        }
      }
      t = t.plus({ days: 1 }).startOf('day');
    }
    throw new Error('no working time within 400 days');
  }

  /** Adds working minutes (only time inside working hours on working days counts). */
  addWorkingMinutes(instant: string | Date, minutes: number): string {
    let t = this.local(this.nextWorkingTime(instant));
    let left = minutes;
    for (let guard = 0; guard < 100_000; guard++) {
      const m = t.hour * 60 + t.minute + t.second / 60;
      const period = this.hours.find((p) => m >= p.start && m < p.end)!;
      const room = period.end - m;
      if (left <= room) return t.plus({ minutes: left }).toUTC().toISO()!;
      left -= room;
      t = this.local(this.nextWorkingTime(t.startOf('day').plus({ minutes: period.end }).toISO()!));
    }
    throw new Error('addWorkingMinutes did not converge');
  }

  /** Working minutes in one working day (480 with the default hours). */
  get minutesPerDay(): number {
    return this.hours.reduce((sum, p) => sum + p.end - p.start, 0);
  }

  /** The last working moment at or before an instant. */
  previousWorkingTime(instant: string | Date): string {
    let t = this.local(instant);
    for (let i = 0; i < 400; i++) {
      if (this.isWorkingDay(t.toISODate()!)) {
        const m = t.hour * 60 + t.minute + t.second / 60;
        for (const p of [...this.hours].reverse()) {
          if (m > p.start) return t.startOf('day').plus({ minutes: Math.min(m, p.end) }).toUTC().toISO()!;
        }
      }
      t = t.minus({ days: 1 }).endOf('day');
    }
    throw new Error('no working time within 400 days');
  }

  /** Goes back working minutes (only time inside working hours on working days counts). */
  subtractWorkingMinutes(instant: string | Date, minutes: number): string {
    let t = this.local(this.previousWorkingTime(instant));
    let left = minutes;
    for (let guard = 0; guard < 100_000; guard++) {
      const m = t.hour * 60 + t.minute + t.second / 60;
      const period = this.hours.find((p) => m > p.start && m <= p.end)!;
      const room = m - period.start;
      if (left <= room) return t.minus({ minutes: left }).toUTC().toISO()!;
      left -= room;
      t = this.local(this.previousWorkingTime(t.startOf('day').plus({ minutes: period.start }).toISO()!));
    }
    throw new Error('subtractWorkingMinutes did not converge');
  }

  /** Working minutes between two instants (0 when `to` is not after `from`): two conversions and a lookup. */
  workingMinutesBetween(from: string | Date, to: string | Date): number {
    const a = this.local(from);
    const b = this.local(to);
    if (b <= a) return 0;
    const dayOf = (t: DateTime) => Math.round(Date.UTC(t.year, t.month - 1, t.day) / 86_400_000);
    const minuteOf = (t: DateTime) => t.hour * 60 + t.minute + t.second / 60 + t.millisecond / 60_000;
    const da = dayOf(a);
    const db = dayOf(b);
    const ma = minuteOf(a);
    const mb = minuteOf(b);
    const working = (t: DateTime) => this.isWorkingDay(t.toISODate()!);
    if (da === db) return Math.round(working(a) ? this.minutesWithin(ma, mb) : 0);
    const first = working(a) ? this.minutesWithin(ma, 24 * 60) : 0;
    const last = working(b) ? this.minutesWithin(0, mb) : 0;
    const middle = (this.workingDaysBefore(db) - this.workingDaysBefore(da + 1)) * this.minutesPerDay;
    return Math.round(first + middle + last);
  }

  /** Working days between two dates (how many working days after `from`, up to and including `to`). */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    let d = DateTime.fromISO(from);
    const end = DateTime.fromISO(to);
    while (d < end) {
      d = d.plus({ days: 1 });
      if (this.isWorkingDay(d.toISODate()!)) n++;
    }
    return n;
  }
}

/** The calendar part of an operator's policy: working hours ("08:30-12:00,13:30-18:00") and date overrides. */
export interface CalendarPolicy {
  workingHours: string;
  /** Date (YYYY-MM-DD) → a working day (work) or a day off (off), over the official schedule. */
  calendar: Readonly<Record<string, 'work' | 'off'>>;
}

/** The working-day calendar of a time zone and a policy's working hours and overrides. */
export function calendarFromPolicy(timezone: string, policy: CalendarPolicy): BusinessCalendar {
  return new BusinessCalendar({
    timezone,
    workingHours: parseWorkingHours(policy.workingHours),
    overrides: Object.fromEntries(Object.entries(policy.calendar).map(([d, v]) => [d, v === 'work'])),
  });
}

/** The default calendar (Asia/Shanghai, default hours, no overrides) for code paths without configuration. */
export const defaultCalendar = new BusinessCalendar({ timezone: 'Asia/Shanghai' });

/** The date `days` working days after `from` on the default calendar. */
export function addWorkingDays(from: string, days: number): string {
  return defaultCalendar.addWorkingDays(from, days);
}

export function isWorkingDay(date: string): boolean {
  return defaultCalendar.isWorkingDay(date);
}
