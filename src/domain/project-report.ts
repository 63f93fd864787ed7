import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar.js';
import {
  checkStartPlan,
  isFinished,
  isItemLate,
  itemLateness,
  schedulePath,
  type PathItem,
  type PathSchedule,
  type ProjectPath,
  type StartPlanCheck,
} from './project-path.js';

/**
 * The leaders' numbers on key projects (项目代办): 月调度 (monthly), 季观摩 (quarterly, laggards first) and 年验收
 * (yearly). Pure: the projects, the period, today and the calendar are arguments. Every figure is defined once below
 * (办结, 按期, 用时, 超期, 在办, 落后) and reused by the three reports, the renderers and the 项目台账.
 */

/** A project as the reports need it: its identity from the directory, and its approval path. */
export interface ReportProject {
  project: { id: string; name: string; enterprise?: string | null; leaderId?: string | null };
  path: ProjectPath;
}

/** Local dates, [start, end), with the label the reports print (2026年11月, 2026年第四季度, 2026年). */
export interface DateRange {
  start: string;
  end: string;
  label: string;
}

const QUARTERS = ['一', '二', '三', '四'];

/** The month containing a local date. */
export function monthRange(date: string): DateRange {
  const s = DateTime.fromISO(date).startOf('month');
  return { start: s.toISODate()!, end: s.plus({ months: 1 }).toISODate()!, label: s.toFormat('yyyy年M月') };
}

/** The quarter containing a local date. */
export function quarterRange(date: string): DateRange {
  const s = DateTime.fromISO(date).startOf('quarter');
  return { start: s.toISODate()!, end: s.plus({ months: 3 }).toISODate()!, label: `${s.year}年第${QUARTERS[s.quarter - 1]}季度` };
}

/** The year containing a local date. */
export function yearRange(date: string): DateRange {
  const s = DateTime.fromISO(date).startOf('year');
  return { start: s.toISODate()!, end: s.plus({ years: 1 }).toISODate()!, label: `${s.year}年` };
}

/** Every date: a range for the figures of a project's whole life (the 项目台账). */
export const ALL_TIME: DateRange = { start: '0000-01-01', end: '9999-12-31', label: '全部' };

const inRange = (date: string | null, r: Pick<DateRange, 'start' | 'end'>) => date !== null && date >= r.start && date < r.end;
/** Percent with one decimal, as the digest prints rates; null when there is nothing to count. */
const ratio = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 10 : null);
const mean = (xs: number[]) => (xs.length ? Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10 : null);

// ── the figures, each defined once ───────────────────────────────────────────────────────────────────────────────

/**
 * 办结: the local date an item was 已批复 or 容缺受理 (its `doneAt`), else null. 不适用 is not 办结: nothing was
 * filed and no clock ran, so it counts in no figure of work done (it does count as finished for 在办, see
 * isProjectInProgress).
 */
export function finishedOn(item: PathItem, calendar: BusinessCalendar): string | null {
  return (item.state === 'approved' || item.state === 'accepted_pending') && item.doneAt ? calendar.localDate(item.doneAt) : null;
}

/** 办结 within the range. */
export function finishedIn(item: PathItem, range: Pick<DateRange, 'start' | 'end'>, calendar: BusinessCalendar): boolean {
  return inRange(finishedOn(item, calendar), range);
}

/** 按期: 办结 on or before its promised date (itemLateness 0 at its finish); false while not 办结. */
export function isOnTime(item: PathItem, calendar: BusinessCalendar): boolean {
  const done = finishedOn(item, calendar);
  return done !== null && itemLateness(item, done, calendar) === 0;
}

/** 用时: working days from 申报 to 办结 (calendar.workingDaysBetween of the two local dates); null while not 办结. */
export function workingDaysTaken(item: PathItem, calendar: BusinessCalendar): number | null {
  const done = finishedOn(item, calendar);
  if (done === null || !item.submittedAt) return null;
  return calendar.workingDaysBetween(calendar.localDate(item.submittedAt), done);
}

/** 在办: a project with any item not finished (已批复, 容缺受理 and 不适用 are finished). */
export function isProjectInProgress(path: ProjectPath): boolean {
  return path.items.some((i) => !isFinished(i.state));
}

export interface LateItem {
  itemId: string;
  name: string;
  department: string;
  dueDate: string;
  /** Working days past the promised date: to today while open, to its 办结 when finished (itemLateness). */
  workingDaysLate: number;
  /** True when it was 办结 late within the range; false when it is open and late today. */
  finished: boolean;
}

/**
 * 超期事项 of a range: items open past their promised date today (isItemLate), and items 办结 late within the range
 * (finishedIn and not isOnTime). Most working days late first.
 */
export function lateItemsOf(path: ProjectPath, range: Pick<DateRange, 'start' | 'end'>, today: string, calendar: BusinessCalendar): LateItem[] {
  const out: LateItem[] = [];
  for (const i of path.items) {
    const open = isItemLate(i, today, calendar);
    const finishedLate = finishedIn(i, range, calendar) && !isOnTime(i, calendar);
    if (!open && !finishedLate) continue;
    out.push({ itemId: i.id, name: i.name, department: i.department, dueDate: i.dueDate!, workingDaysLate: itemLateness(i, today, calendar), finished: !open });
  }
  return out.sort((a, b) => b.workingDaysLate - a.workingDaysLate || a.name.localeCompare(b.name, 'zh'));
}

/** What was 办结 among some items, and how fast against the promise. */
export interface FinishedStats {
  /** Items 办结 (finishedOn in the range). */
  finished: number;
  /** Of those, 按期 (isOnTime). */
  onTime: number;
  /** onTime ÷ finished, percent with one decimal; null when nothing was 办结. */
  onTimeRate: number | null;
  /** Mean 用时 (workingDaysTaken) of the items 办结, one decimal; null when none. */
  averageWorkingDays: number | null;
  /** Mean 承诺时限 (promisedWorkingDays) of the same items, one decimal; null when none. */
  averagePromisedWorkingDays: number | null;
}

/** FinishedStats of the items 办结 within the range. */
export function finishedStats(items: readonly PathItem[], range: Pick<DateRange, 'start' | 'end'>, calendar: BusinessCalendar): FinishedStats {
  const done = items.filter((i) => finishedIn(i, range, calendar));
  const onTime = done.filter((i) => isOnTime(i, calendar)).length;
  return {
    finished: done.length,
    onTime,
    onTimeRate: ratio(onTime, done.length),
    averageWorkingDays: mean(done.map((i) => workingDaysTaken(i, calendar)!)),
    averagePromisedWorkingDays: mean(done.map((i) => i.promisedWorkingDays)),
  };
}

/** 开工 against the plan: achieved (the 开工 item 办结) or still forecast; null when the project has no planned 开工. */
export interface StartStatus extends StartPlanCheck {
  /** The day the 开工 item was 办结 (拿地即开工 starts that day), or null while open. */
  achievedDate: string | null;
  /** 开工可按期: the earliest 开工 (or the achieved one) is on or before the planned date. */
  onTrack: boolean;
}

/** StartStatus from the path's schedule (checkStartPlan); null without a planned 开工. */
export function startStatus(path: ProjectPath, schedule: PathSchedule, calendar: BusinessCalendar): StartStatus | null {
  const check = checkStartPlan(path, schedule, calendar);
  if (!check) return null;
  const start = path.items.find((i) => i.id === path.startItem);
  return { ...check, achievedDate: start ? finishedOn(start, calendar) : null, onTrack: !check.impossible };
}

export interface DepartmentStats extends FinishedStats {
  department: string;
  /** Items of the department open and late today (isItemLate). */
  lateOpen: number;
}

function byDepartment(projects: readonly ReportProject[], range: DateRange, today: string, calendar: BusinessCalendar): DepartmentStats[] {
  const groups = new Map<string, PathItem[]>();
  for (const p of projects) for (const i of p.path.items) groups.set(i.department, [...(groups.get(i.department) ?? []), i]);
  return [...groups]
    .map(([department, items]) => ({ department, ...finishedStats(items, range, calendar), lateOpen: items.filter((i) => isItemLate(i, today, calendar)).length }))
    .filter((d) => d.finished > 0 || d.lateOpen > 0)
    .sort((a, b) => b.lateOpen - a.lateOpen || (a.onTimeRate ?? 101) - (b.onTimeRate ?? 101) || a.department.localeCompare(b.department, 'zh'));
}

// ── 月调度 ──────────────────────────────────────────────────────────────────────────────────────────────────────

export interface PlannedItem {
  itemId: string;
  name: string;
  department: string;
  /** The forecast finish (schedulePath). */
  finish: string;
  /** Whether it is the 开工 item. */
  isStart: boolean;
}

export interface MonthlyProjectRow {
  project: ReportProject['project'];
  /** Items 办结 in the month, in the order they were 办结. */
  finished: { itemId: string; name: string; department: string; date: string; onTime: boolean }[];
  late: LateItem[];
  /** Next month's plan: items not yet 办结 whose forecast finish (schedulePath, from today) falls in next month. */
  nextMonth: PlannedItem[];
  start: StartStatus | null;
  inProgress: boolean;
}

export interface MonthlyReport {
  month: DateRange;
  nextMonth: DateRange;
  /** Status figures (超期 now, 开工, next month's plan, 在办) are as of this date. */
  today: string;
  projects: MonthlyProjectRow[];
  totals: FinishedStats & {
    projects: number;
    /** 在办代办项目 (isProjectInProgress). */
    inProgress: number;
    /** Items open and late today. */
    lateOpen: number;
    /** Projects whose planned 开工 can no longer be kept. */
    startAtRisk: number;
  };
  byDepartment: DepartmentStats[];
}

/**
 * 月调度 for the month `month` (local dates [start, end)): per project the items 办结 in the month, the 超期 items
 * (open late today, or 办结 late in the month), next month's plan and whether 开工 is on track; totals and the same by
 * department. Month figures count 办结 within the month; status figures are as of `today`. Projects in the order given.
 */
export function buildMonthlyReport(projects: readonly ReportProject[], month: DateRange, today: string, calendar: BusinessCalendar): MonthlyReport {
  const next = monthRange(month.end);
  const rows = projects.map(({ project, path }): MonthlyProjectRow => {
    const schedule = schedulePath(path, today, calendar);
    const finished = path.items
      .filter((i) => finishedIn(i, month, calendar))
      .map((i) => ({ itemId: i.id, name: i.name, department: i.department, date: finishedOn(i, calendar)!, onTime: isOnTime(i, calendar) }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const nextMonth = path.items
      .filter((i) => !isFinished(i.state))
      .map((i) => ({ i, s: schedule.items[i.id]! }))
      .filter(({ s }) => !s.done && inRange(s.finish, next))
      .map(({ i, s }) => ({ itemId: i.id, name: i.name, department: i.department, finish: s.finish!, isStart: i.id === path.startItem }))
      .sort((a, b) => a.finish.localeCompare(b.finish));
    return { project, finished, late: lateItemsOf(path, month, today, calendar), nextMonth, start: startStatus(path, schedule, calendar), inProgress: isProjectInProgress(path) };
  });
  const allItems = projects.flatMap((p) => p.path.items);
  return {
    month,
    nextMonth: next,
    today,
    projects: rows,
    totals: {
      projects: projects.length,
      inProgress: rows.filter((r) => r.inProgress).length,
      lateOpen: allItems.filter((i) => isItemLate(i, today, calendar)).length,
      startAtRisk: rows.filter((r) => r.start && !r.start.onTrack).length,
      ...finishedStats(allItems, month, calendar),
    },
    byDepartment: byDepartment(projects, month, today, calendar),
  };
}

// ── 季观摩 ──────────────────────────────────────────────────────────────────────────────────────────────────────

export interface VisitRow {
  project: ReportProject['project'];
  /** 落后 (1): the sum of working days late of the items open and late today. */
  workingDaysBehind: number;
  /** Items open and late today, most late first. */
  late: LateItem[];
  start: StartStatus | null;
  /** Items finished (isFinished, 不适用 included) of all. */
  done: number;
  total: number;
  /** Items 办结 in the quarter. */
  finishedThisQuarter: number;
}

export interface QuarterlyVisits {
  quarter: DateRange;
  today: string;
  /** The projects in progress, furthest behind first (see buildQuarterlyVisits). */
  projects: VisitRow[];
}

/**
 * 季观摩: the projects in progress (isProjectInProgress) to visit in the quarter, furthest behind first. "Behind" is
 * ordered by, in turn: (1) the sum of working days late of the items open and late today, most first; (2) the slack
 * to the planned 开工 (StartPlanCheck.slackWorkingDays), least first, so an impossible plan (negative) comes before a
 * tight one, and projects without a planned 开工 after all that have one; (3) the number of items not finished, most
 * first; (4) the project's name. Completed projects are not listed.
 */
export function buildQuarterlyVisits(projects: readonly ReportProject[], quarter: DateRange, today: string, calendar: BusinessCalendar): QuarterlyVisits {
  const rows = projects
    .filter((p) => isProjectInProgress(p.path))
    .map(({ project, path }): VisitRow => {
      const late = lateItemsOf(path, quarter, today, calendar).filter((l) => !l.finished);
      const done = path.items.filter((i) => isFinished(i.state)).length;
      return {
        project,
        workingDaysBehind: late.reduce((s, l) => s + l.workingDaysLate, 0),
        late,
        start: startStatus(path, schedulePath(path, today, calendar), calendar),
        done,
        total: path.items.length,
        finishedThisQuarter: path.items.filter((i) => finishedIn(i, quarter, calendar)).length,
      };
    });
  const slack = (r: VisitRow) => r.start?.slackWorkingDays ?? Number.POSITIVE_INFINITY;
  rows.sort(
    (a, b) =>
      b.workingDaysBehind - a.workingDaysBehind ||
      slack(a) - slack(b) ||
      b.total - b.done - (a.total - a.done) ||
      a.project.name.localeCompare(b.project.name, 'zh'),
  );
  return { quarter, today, projects: rows };
}

// ── 年验收 ──────────────────────────────────────────────────────────────────────────────────────────────────────

export interface YearStart {
  plannedStartDate: string;
  achievedDate: string | null;
  /** 开工 achieved on or before the planned date: true; achieved late, or the planned date passed without it: false; null while still ahead. */
  met: boolean | null;
}

export interface YearlyProjectRow {
  project: ReportProject['project'];
  stats: FinishedStats;
  /** 超期 items of the year (open late today, or 办结 late in the year). */
  late: LateItem[];
  start: YearStart | null;
  inProgress: boolean;
}

export interface YearlyReport {
  year: DateRange;
  today: string;
  projects: YearlyProjectRow[];
  totals: FinishedStats & {
    projects: number;
    inProgress: number;
    /** Projects with a planned 开工 in the year, and those that met it. */
    startPlanned: number;
    startMet: number;
  };
}

/**
 * 年验收: per project the year's result: items 办结 in the year with 按期率 and 用时 (FinishedStats), 开工 achieved vs
 * planned (YearStart), 超期 items. The 开工 result is judged for projects whose planned 开工 lies in the year.
 */
export function buildYearlyReport(projects: readonly ReportProject[], year: DateRange, today: string, calendar: BusinessCalendar): YearlyReport {
  const rows = projects.map(({ project, path }): YearlyProjectRow => {
    const planned = path.plannedStartDate;
    const startItem = path.items.find((i) => i.id === path.startItem);
    const achieved = startItem ? finishedOn(startItem, calendar) : null;
    const start: YearStart | null = planned
      ? { plannedStartDate: planned, achievedDate: achieved, met: achieved ? achieved <= planned : planned < today ? false : null }
      : null;
    return { project, stats: finishedStats(path.items, year, calendar), late: lateItemsOf(path, year, today, calendar), start, inProgress: isProjectInProgress(path) };
  });
  const judged = rows.filter((r) => r.start && inRange(r.start.plannedStartDate, year));
  return {
    year,
    today,
    projects: rows,
    totals: {
      projects: rows.length,
      inProgress: rows.filter((r) => r.inProgress).length,
      startPlanned: judged.length,
      startMet: judged.filter((r) => r.start!.met === true).length,
      ...finishedStats(projects.flatMap((p) => p.path.items), year, calendar),
    },
  };
}
