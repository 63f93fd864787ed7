import { DateTime } from 'luxon';
import { createdIn, isSolvedAt, periodOf, solveRateOf, type DigestModel, type PeriodRange, type SolveRate } from './digest.js';
import type { Directory, Enterprise, Person } from './directory.js';
import type { Ticket } from './ticket.js';
import { visitCadres, type Visit, type VisitCadre } from './visit.js';

/**
 * 助企走访 numbers (practice.md, "助企走访"): 批次 and 人次, cadres and enterprises served, problems found and solved on
 * visits, and coverage of key enterprises and key projects. Pure: visits, tickets and the directory in, numbers out.
 *
 * Every figure counts only visits that were not deleted (`deletedAt`), by their local `date` (YYYY-MM-DD): a visit is
 * in a period when its date is on or after the period's first day and before the day after its last, and not after
 * the local date of `at` (the report is read while the period runs).
 */

/** The periods a visit report is built for (a year is the report's year to date). */
export type VisitPeriod = 'day' | 'week' | 'month';

/** A window of local dates, [from, to) (YYYY-MM-DD). */
export interface DateWindow {
  from: string;
  to: string;
}

/** A visit counts (in any figure) unless deleted. */
export const countsAsVisit = (v: Pick<Visit, 'deletedAt'>): boolean => !v.deletedAt;

/** Whether a counted visit falls in a window of local dates. */
export const visitIn = (v: Pick<Visit, 'deletedAt' | 'date'>, w: DateWindow): boolean => countsAsVisit(v) && v.date >= w.from && v.date < w.to;

/** One cadre, once: the directory person, or the name as written when unknown (the key `visitCadres` dedupes by). */
const cadreKey = (c: VisitCadre): string => c.personId ?? `name:${c.name}`;

/** One enterprise, once: the directory's id, or the name as written while the visit is not linked to the directory. */
const enterpriseKey = (v: Pick<Visit, 'enterpriseId' | 'enterpriseName'>): string => v.enterpriseId ?? `name:${v.enterpriseName}`;

/** Whether a directory person took part in a visit (as its author or a companion). */
export const tookPart = (v: Pick<Visit, 'by' | 'companions'>, personId: string): boolean => visitCadres(v).some((c) => c.personId === personId);

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((1000 * a) / b) / 10 : null);

/** The flow figures of a window of dates. */
export interface VisitFigures {
  /** 批次: visits, however many cadres went. */
  visits: number;
  /** 人次: person-visits, the cadres of each visit (author and companions, each person once per visit) summed. */
  personVisits: number;
  /** 参与干部: distinct cadres who took part in at least one visit (directory people by id, others by name). */
  cadres: number;
  /** 服务企业: distinct enterprises visited (the directory's, or the name as written while unlinked). */
  enterprises: number;
  /** 发现问题: problems recorded on the visits. */
  problems: number;
  /** 已建单: of those problems, the ones made into tickets. */
  ticketed: number;
  /** 已破解: of those tickets, the ones 已破解 at the report's end by the 破解率 rule (`isSolvedAt`). */
  solved: number;
}

/** The flow figures of the visits in a window; `ticketsByNo` finds a problem's ticket, `end` is when 已破解 is read. */
export function visitFigures(visits: readonly Visit[], w: DateWindow, ticketsByNo: ReadonlyMap<number, Ticket>, end: string): VisitFigures {
  const f: VisitFigures = { visits: 0, personVisits: 0, cadres: 0, enterprises: 0, problems: 0, ticketed: 0, solved: 0 };
  const cadres = new Set<string>();
  const enterprises = new Set<string>();
  for (const v of visits) {
    if (!visitIn(v, w)) continue;
    f.visits++;
    const people = visitCadres(v);
    f.personVisits += people.length;
    for (const c of people) cadres.add(cadreKey(c));
    enterprises.add(enterpriseKey(v));
    for (const p of v.problems) {
      f.problems++;
      if (p.ticketNo === null) continue;
      f.ticketed++;
      const t = ticketsByNo.get(p.ticketNo);
      if (t && isSolvedAt(t, end)) f.solved++;
    }
  }
  f.cadres = cadres.size;
  f.enterprises = enterprises.size;
  return f;
}

/** A key enterprise's coverage in the month. */
export interface EnterpriseCoverage {
  id: string;
  name: string;
  /** 服务专员: person id and name (null when none is assigned). */
  commissionerId: string | null;
  commissionerName: string | null;
  /** 月度目标: visits a month it should have (`visitsPerMonth`). */
  target: number;
  /** Visits to it in the month (visits linked to it in the directory). */
  visits: number;
  /** 已覆盖: visited at least `target` times in the month. */
  covered: boolean;
}

/** A key project's coverage in the month (every directory project is a key project). */
export interface ProjectCoverage {
  id: string;
  name: string;
  enterpriseName: string | null;
  /** Visits naming the project in the month. */
  visits: number;
  /** 已覆盖: at least one visit named it in the month. */
  covered: boolean;
}

/** Coverage of the month: every key enterprise against its monthly target, every key project visited or not. */
export function coverageOf(visits: readonly Visit[], dir: Directory, month: DateWindow): { enterprises: EnterpriseCoverage[]; projects: ProjectCoverage[] } {
  const byEnterprise = new Map<string, number>();
  const byProject = new Map<string, number>();
  for (const v of visits) {
    if (!visitIn(v, month)) continue;
    if (v.enterpriseId) byEnterprise.set(v.enterpriseId, (byEnterprise.get(v.enterpriseId) ?? 0) + 1);
    if (v.projectId) byProject.set(v.projectId, (byProject.get(v.projectId) ?? 0) + 1);
  }
  const enterprises = dir.data.enterprises
    .filter((e) => e.key)
    .map<EnterpriseCoverage>((e) => {
      const n = byEnterprise.get(e.id) ?? 0;
      const commissioner = dir.person(e.commissioner);
      return {
        id: e.id,
        name: e.name,
        commissionerId: e.commissioner ?? null,
        commissionerName: commissioner?.name ?? null,
        target: e.visitsPerMonth,
        visits: n,
        covered: n >= e.visitsPerMonth,
      };
    });
  const projects = dir.data.projects.map<ProjectCoverage>((p) => {
    const n = byProject.get(p.id) ?? 0;
    return { id: p.id, name: p.name, enterpriseName: dir.enterprise(p.enterprise)?.name ?? null, visits: n, covered: n > 0 };
  });
  return { enterprises, projects };
}

/** A department's visits in the month (departments as people's `department` name them). */
export interface DepartmentVisits {
  department: string;
  /** Cadres (role cadre) of the department. */
  cadres: number;
  /** Of them, those who took part in at least one visit in the month. */
  cadresVisited: number;
  /** 批次: visits in the month a cadre of the department took part in (once per visit, however many of them went). */
  visits: number;
  /** Key enterprises whose 服务专员 is in the department, and of them those covered in the month. */
  keyEnterprises: number;
  keyEnterprisesCovered: number;
  /** 覆盖率 of those key enterprises (null when none). */
  coverageRate: number | null;
}

/** A 专班's visits in the month: the project's task force, named by the project. */
export interface TaskforceVisits {
  projectId: string;
  projectName: string;
  /** Members of the task force. */
  members: number;
  /** Of them, those who took part in at least one visit in the month (to any enterprise or project). */
  membersVisited: number;
  /** Visits naming the project in the month. */
  projectVisits: number;
  /** Whether the project was visited in the month. */
  projectVisited: boolean;
}

export interface VisitReport {
  /** The period reported (a month by default). */
  period: PeriodRange;
  /** The month coverage is counted for: the month of the period's last day counted. */
  month: PeriodRange;
  /** Where the flows end: the period's end, or `at` while it runs (an ISO instant; 已破解 and 破解率 are read here). */
  end: string;
  /** Local dates counted: the period's, the month's and the year to date's (each ending at `end`). */
  windows: { period: DateWindow; month: DateWindow; ytd: DateWindow };
  /** The period's flows. */
  figures: VisitFigures;
  /** Year to date: from January 1 of the period's year to `end`. */
  ytd: VisitFigures;
  /**
   * 破解率, year to date, by the one definition (`solveRateOf`): of the tickets found on visits (`visitNo` set, the
   * visit not deleted) and of all tickets, created from January 1 to `end`.
   */
  solveRate: { visits: SolveRate; overall: SolveRate };
  coverage: {
    /** 重点企业覆盖: key enterprises visited at least their monthly target this month. */
    keyEnterprises: { covered: number; total: number; rate: number | null; list: EnterpriseCoverage[] };
    /** 重点项目覆盖: key projects visited at least once this month. */
    projects: { covered: number; total: number; rate: number | null; list: ProjectCoverage[] };
    /** Key enterprises nobody visited this month (with their 服务专员). */
    unvisitedEnterprises: EnterpriseCoverage[];
    /** Key projects nobody visited this month. */
    unvisitedProjects: ProjectCoverage[];
  };
  /** Cadres (role cadre; leaders are listed nowhere) who took part in no visit this month, in directory order. */
  cadresWithoutVisit: { id: string; name: string; department: string | null }[];
  byDepartment: DepartmentVisits[];
  byTaskforce: TaskforceVisits[];
  /** Visits whose enterprise is not in the directory (not deleted, any date given), for an admin to link. */
  unlinked: Visit[];
}

export interface VisitReportInput {
  /** Every visit of the year to date (deleted ones may be included: they are left out). */
  visits: readonly Visit[];
  /**
   * Every ticket created in the year to date (for 破解率 and the problems' 已破解); with `overall`, the tickets found
   * on visits are enough.
   */
  tickets: readonly Ticket[];
  /** 破解率 of all tickets, year to date, when the caller has it (the digest's own): not counted again here. */
  overall?: SolveRate;
  directory: Directory;
  /** Default 'month'. */
  period?: VisitPeriod;
  /** A local date (YYYY-MM-DD) in the period. */
  date: string;
  /** Now (an ISO instant): flows stop here while the period runs. */
  at: string;
  tz: string;
  /** The period itself when it is not a calendar one (the 08:30 digest's, from the last working day to today). */
  range?: PeriodRange;
}

/** The windows a report counts: the period's, its month's and its year to date's, each ending at `end`. */
export function visitWindows(period: VisitPeriod, date: string, at: string, tz: string, given?: PeriodRange) {
  const range = given ?? periodOf(period, date, tz);
  const end = at < range.end ? at : range.end;
  const localDay = (iso: string) => DateTime.fromISO(iso).setZone(tz).toISODate()!;
  // the local day after the last counted day: the period's end, or the day after `at`'s date while it runs
  const to = at < range.end ? DateTime.fromISO(at).setZone(tz).plus({ days: 1 }).toISODate()! : localDay(range.end);
  const capped = (w: DateWindow): DateWindow => ({ from: w.from, to: w.to < to ? w.to : to });
  const lastDay = DateTime.fromISO(to, { zone: tz }).minus({ days: 1 }).toISODate()!;
  const month = periodOf('month', lastDay < range.key ? range.key : lastDay, tz);
  // the year of the last day counted (a week across New Year counts in the new year)
  const yearFrom = `${(lastDay < range.key ? range.key : lastDay).slice(0, 4)}-01-01`;
  return {
    range,
    month,
    end,
    windows: {
      period: capped({ from: range.key, to: localDay(range.end) }),
      month: capped({ from: month.key, to: localDay(month.end) }),
      ytd: capped({ from: yearFrom, to: localDay(range.end) }),
    },
  };
}

/** Whether a person is a cadre the visit report lists (role cadre: leaders, admins and contacts are not counted). */
const isCadre = (p: Person): boolean => p.role === 'cadre';

/** The 助企走访 report of a period (practice.md): flows, year to date, 破解率, coverage, by department and 专班. */
export function buildVisitReport(input: VisitReportInput): VisitReport {
  const { visits, tickets, directory: dir, tz } = input;
  const { range, month, end, windows } = visitWindows(input.period ?? 'month', input.date, input.at, tz, input.range);
  const ticketsByNo = new Map(tickets.map((t) => [t.no, t]));

  // 破解率, year to date, over the tickets created from January 1 (the digest's own base)
  const yearStart = DateTime.fromISO(windows.ytd.from, { zone: tz }).toUTC().toISO()!;
  const ytdTickets = tickets.filter((t) => createdIn(t, yearStart, end));
  const deletedVisits = new Set(visits.filter((v) => !countsAsVisit(v)).map((v) => v.no));
  const visitTickets = ytdTickets.filter((t) => t.visitNo != null && !deletedVisits.has(t.visitNo));

  const cov = coverageOf(visits, dir, windows.month);
  const coveredEnterprises = cov.enterprises.filter((e) => e.covered).length;
  const coveredProjects = cov.projects.filter((p) => p.covered).length;
  const coveredIds = new Set(cov.enterprises.filter((e) => e.covered).map((e) => e.id));

  const monthVisits = visits.filter((v) => visitIn(v, windows.month));
  const visitedThisMonth = new Set(monthVisits.flatMap((v) => visitCadres(v).flatMap((c) => (c.personId ? [c.personId] : []))));
  const cadres = dir.data.people.filter(isCadre);

  const departmentNames = [
    ...dir.data.departments.map((d) => d.name),
    ...cadres.flatMap((p) => (p.department ? [p.department] : [])),
  ].filter((n, i, all) => all.indexOf(n) === i);
  const byDepartment = departmentNames.map<DepartmentVisits>((name) => {
    const members = cadres.filter((p) => p.department === name);
    const ids = new Set(members.map((p) => p.id));
    const keyEnterprises = cov.enterprises.filter((e) => dir.person(e.commissionerId ?? undefined)?.department === name);
    const covered = keyEnterprises.filter((e) => coveredIds.has(e.id)).length;
    return {
      department: name,
      cadres: members.length,
      cadresVisited: members.filter((p) => visitedThisMonth.has(p.id)).length,
      visits: monthVisits.filter((v) => visitCadres(v).some((c) => c.personId !== null && ids.has(c.personId))).length,
      keyEnterprises: keyEnterprises.length,
      keyEnterprisesCovered: covered,
      coverageRate: ratio(covered, keyEnterprises.length),
    };
  });

  const byTaskforce = dir.data.projects.map<TaskforceVisits>((p) => {
    const members = [...new Set(p.taskforce)];
    const pc = cov.projects.find((x) => x.id === p.id)!;
    return {
      projectId: p.id,
      projectName: p.name,
      members: members.length,
      membersVisited: members.filter((m) => visitedThisMonth.has(m)).length,
      projectVisits: pc.visits,
      projectVisited: pc.covered,
    };
  });

  return {
    period: range,
    month,
    end,
    windows,
    figures: visitFigures(visits, windows.period, ticketsByNo, end),
    ytd: visitFigures(visits, windows.ytd, ticketsByNo, end),
    solveRate: { visits: solveRateOf(visitTickets, end), overall: input.overall ?? solveRateOf(ytdTickets, end) },
    coverage: {
      keyEnterprises: { covered: coveredEnterprises, total: cov.enterprises.length, rate: ratio(coveredEnterprises, cov.enterprises.length), list: cov.enterprises },
      projects: { covered: coveredProjects, total: cov.projects.length, rate: ratio(coveredProjects, cov.projects.length), list: cov.projects },
      unvisitedEnterprises: cov.enterprises.filter((e) => e.visits === 0),
      unvisitedProjects: cov.projects.filter((p) => p.visits === 0),
    },
    cadresWithoutVisit: cadres.filter((p) => !visitedThisMonth.has(p.id)).map((p) => ({ id: p.id, name: p.name, department: p.department ?? null })),
    byDepartment,
    byTaskforce,
    unlinked: visits.filter((v) => countsAsVisit(v) && v.enterpriseId === null).sort((a, b) => a.no - b.no),
  };
}

/** A cadre's own month (我的走访). */
export interface MyVisits {
  personId: string;
  name: string | null;
  month: PeriodRange;
  /** The person's visits this month (as author or companion), by date then number. */
  visits: Visit[];
  /** Key enterprises whose 服务专员 is this person. */
  assigned: number;
  /** Of them, those the person has not visited this month (as author or companion), in directory order. */
  notVisited: Pick<Enterprise, 'id' | 'name'>[];
}

/** 我的走访: the person's visits in the month of `date` (up to `at`), and the key enterprises assigned to them not yet visited. */
export function myVisits(personId: string, input: Omit<VisitReportInput, 'tickets' | 'period'>): MyVisits {
  const { month, windows } = visitWindows('month', input.date, input.at, input.tz);
  const mine = input.visits
    .filter((v) => visitIn(v, windows.month) && tookPart(v, personId))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.no - b.no));
  const visited = new Set(mine.flatMap((v) => (v.enterpriseId ? [v.enterpriseId] : [])));
  const assigned = input.directory.data.enterprises.filter((e) => e.key && e.commissioner === personId);
  return {
    personId,
    name: input.directory.person(personId)?.name ?? null,
    month,
    visits: mine,
    assigned: assigned.length,
    notVisited: assigned.filter((e) => !visited.has(e.id)).map((e) => ({ id: e.id, name: e.name })),
  };
}

/** A digest with the 助企走访 figures of the same period (when the deployment keeps visits). */
export type DigestWithVisits = DigestModel & { visits?: VisitReport };
