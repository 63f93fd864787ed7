import type { BusinessCalendar } from '../domain/calendar.js';
import type { Directory, Project } from '../domain/directory.js';
import { createPath, transitionItem, type ItemAction, type ItemEvent, type PathActor, type PathItem, type ProjectPath } from '../domain/project-path.js';
import {
  buildMonthlyReport,
  buildQuarterlyVisits,
  buildYearlyReport,
  monthRange,
  quarterRange,
  yearRange,
  type MonthlyReport,
  type QuarterlyVisits,
  type ReportProject,
  type YearlyReport,
} from '../domain/project-report.js';
import type { WithLock } from '../queue/lock.js';
import type { ProjectPathRepository, ProjectTemplateRepository } from '../store/repositories/project.repository.js';
import { AppError } from '../shared/errors.js';

/** Why a project has no path: no template named in the directory, or one that is not stored. */
export type PathLookup =
  | { ok: true; path: ProjectPath; version: number }
  | { ok: false; reason: 'no_template' | 'unknown_template'; message: string };

/** The leaders' project reports: 月调度 (month), 季观摩 (quarter), 年验收 (year). */
export const PROJECT_REPORT_KINDS = ['month', 'quarter', 'year'] as const;
export type ProjectReportKind = (typeof PROJECT_REPORT_KINDS)[number];
export type ProjectReport =
  | { kind: 'month'; report: MonthlyReport }
  | { kind: 'quarter'; report: QuarterlyVisits }
  | { kind: 'year'; report: YearlyReport };

/** Given the current path: the item and the action to apply, or a refusal to answer with. */
export type DecideItem = (path: ProjectPath) => { itemId: string; action: ItemAction } | { refuse: string };

export type ItemChangeResult =
  | { ok: true; path: ProjectPath; item: PathItem; event: ItemEvent; repeated: boolean }
  | { ok: false; message: string };

/** The directory's target dates win over the stored ones (the directory is edited and re-imported). */
function withTargets(path: ProjectPath, p: Project): ProjectPath {
  return { ...path, landDate: p.landDate ?? path.landDate, plannedStartDate: p.plannedStartDate ?? path.plannedStartDate };
}

/**
 * Every directory project with a path, as the reports (月调度, 季观摩, 年验收, 项目台账) take them, in the directory's
 * order: its stored path, or, for a project not touched yet, the path its template gives (built here, not saved:
 * a report writes nothing). A project without a template, or whose template is not imported, is left out.
 * `templateNames`: template id → name, for the 项目台账.
 */
export async function loadReportProjects(
  deps: { paths: ProjectPathRepository; templates: ProjectTemplateRepository },
  directory: Directory,
): Promise<{ projects: ReportProject[]; templateNames: Record<string, string> }> {
  const [stored, templates] = await Promise.all([deps.paths.list(), deps.templates.current()]);
  const byId = new Map(stored.map((s) => [s.projectId, s.path]));
  const templateNames = Object.fromEntries((templates?.data.templates ?? []).map((t) => [t.id, t.name]));
  const projects: ReportProject[] = [];
  for (const p of directory.data.projects) {
    let path = byId.get(p.id);
    if (!path) {
      const t = p.template ? templates?.data.templates.find((x) => x.id === p.template) : undefined;
      if (!t) continue;
      path = createPath(t, { landDate: p.landDate ?? null, plannedStartDate: p.plannedStartDate ?? null });
    }
    projects.push({
      project: { id: p.id, name: p.name, enterprise: directory.enterprise(p.enterprise)?.name ?? null, leaderId: p.leader ?? null },
      path: withTargets(path, p),
    });
  }
  return { projects, templateNames };
}

/**
 * A report over the projects: for the month, quarter or year containing `date` (default: today), with status figures
 * (超期 now, 开工, next month's plan) as of `today`.
 */
export function buildProjectReport(
  kind: ProjectReportKind,
  projects: readonly ReportProject[],
  today: string,
  calendar: BusinessCalendar,
  date = today,
): ProjectReport {
  if (kind === 'month') return { kind, report: buildMonthlyReport(projects, monthRange(date), today, calendar) };
  if (kind === 'quarter') return { kind, report: buildQuarterlyVisits(projects, quarterRange(date), today, calendar) };
  return { kind, report: buildYearlyReport(projects, yearRange(date), today, calendar) };
}

/**
 * 项目代办: each project's approval path, created from its template the first time it is needed, and changed one item
 * at a time under the project's lock, saved over the version read (as ticket changes are).
 */
export function createProjectService(deps: { paths: ProjectPathRepository; templates: ProjectTemplateRepository; withLock: WithLock; calendar: BusinessCalendar }) {
  async function load(p: Project, now: Date): Promise<PathLookup> {
    const stored = await deps.paths.get(p.id);
    if (stored) return { ok: true, path: withTargets(stored.path, p), version: stored.version };
    if (!p.template) return { ok: false, reason: 'no_template', message: `项目「${p.name}」尚未指定审批路径模板，请管理员在名录中为其填写模板。` };
    const t = await deps.templates.get(p.template);
    if (!t) return { ok: false, reason: 'unknown_template', message: `项目「${p.name}」的审批路径模板「${p.template}」尚未导入，请管理员导入项目模板。` };
    const created = await deps.paths.create(p.id, createPath(t, { landDate: p.landDate ?? null, plannedStartDate: p.plannedStartDate ?? null }), now);
    return { ok: true, path: withTargets(created.path, p), version: created.version };
  }

  return {
    /** The project's path, created from its template when it has none yet. */
    pathOf: (p: Project, now = new Date()) => load(p, now),

    /** Every directory project with a path, for the reports (loadReportProjects). */
    reportProjects: (directory: Directory) => loadReportProjects(deps, directory),

    /** A report over every project (buildProjectReport), today being `now`'s local date. */
    async report(kind: ProjectReportKind, directory: Directory, now: Date, date?: string): Promise<ProjectReport> {
      const today = deps.calendar.localDate(now);
      return buildProjectReport(kind, (await loadReportProjects(deps, directory)).projects, today, deps.calendar, date ?? today);
    },

    /**
     * One item change: load, decide, transition, save over the version read, under the project's lock. A message
     * applied before (its source on an item's event) is not applied again; a save that finds a newer version reads
     * and decides again.
     */
    async change(p: Project, decide: DecideItem, ctx: { by: PathActor; at: string; source?: string }): Promise<ItemChangeResult> {
      return deps.withLock(`project-${p.id}`, async (lease) => {
        for (let attempt = 0; ; attempt++) {
          const current = await load(p, new Date(ctx.at));
          if (!current.ok) return { ok: false, message: current.message };
          if (ctx.source) {
            for (const item of current.path.items) {
              const event = item.history.find((e) => e.source === ctx.source);
              if (event) return { ok: true, path: current.path, item, event, repeated: true };
            }
          }
          const d = decide(current.path);
          if ('refuse' in d) return { ok: false, message: d.refuse };
          const r = transitionItem(current.path, d.itemId, d.action, ctx, deps.calendar);
          if (!r.ok) return { ok: false, message: r.message };
          await lease?.assertHeld();
          if ((await deps.paths.save(p.id, r.path, current.version, new Date(ctx.at))) === 'saved') {
            return { ok: true, path: r.path, item: r.item, event: r.event, repeated: false };
          }
          if (attempt >= 20) throw new AppError('PROJECT_CONFLICT', `project ${p.id} keeps changing`, { retryable: true });
        }
      });
    },
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;
