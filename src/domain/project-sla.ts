import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar.js';
import type { Directory, Group, Person, Project } from './directory.js';
import type { PathItem, ProjectPath } from './project-path.js';
import type { SlaPolicy } from './sla.js';

/**
 * 项目代办 reminders and escalation: the steps a project's approval path implies, on the working-day calendar (调休
 * included). Pure, like the tickets' SLA (src/domain/sla.ts): every step's time comes from the path, the calendar and
 * the policy; what was sent is recorded on the stored path (`slaSent`), so each step is sent once.
 *
 * - `item-pre`: an open (已申报) item, at the start of the last working period of the working day
 *   `reminders.beforeWorkingDays` before its promised date (as the tickets' pre-reminder; 0: none) → the 代办员 and
 *   the department's contact.
 * - `item-late-taskforce`: still open on the first working day after the promised date (1 working day late), at the
 *   opening of that day → the project's 专班.
 * - `item-late-leader`: still open `escalation.leaderAfterWorkingDays` working days late (at least 1), at the opening
 *   of that day → the 包联区领导.
 * - `document-overdue`: a 容缺 document not supplied by its date, at the opening of the next working day → the
 *   enterprise's group.
 * Item keys carry the item id and its 申报 instant: a re-filing (退回补正, then 申报 again) gets a new clock.
 */

/** The policy values the project clocks read (the tickets' ones: the same operators, the same meaning). */
export type ProjectSlaPolicy = { reminders: Pick<SlaPolicy['reminders'], 'beforeWorkingDays'>; escalation: Pick<SlaPolicy['escalation'], 'leaderAfterWorkingDays'> };

export type ProjectStepKind = 'item-pre' | 'item-late-taskforce' | 'item-late-leader' | 'document-overdue';

export interface ProjectSlaStep {
  /** Stable per step and clock: `kind:itemId@submittedAt`, or `document-overdue:itemId:document@dueDate`. */
  key: string;
  kind: ProjectStepKind;
  /** ISO instant when it fires (always inside working hours). */
  at: string;
  itemId: string;
  /** The promised date (items) or the document's date (YYYY-MM-DD). */
  dueDate: string;
  /** The 容缺 document's name (document-overdue). */
  document?: string;
}

export const PROJECT_STEP_LABELS: Record<ProjectStepKind, string> = {
  'item-pre': '到期提醒',
  'item-late-taskforce': '超期督办（专班）',
  'item-late-leader': '超期督办（包联区领导）',
  'document-overdue': '容缺材料补齐提醒',
};

/** The opening of a working day (08:30 with the default hours), ISO. */
function openingOf(date: string, cal: BusinessCalendar): string {
  return DateTime.fromISO(date, { zone: cal.timezone }).plus({ minutes: cal.hours[0]!.start }).toUTC().toISO()!;
}

/** The start of a day's last working period (13:30 with the default hours), ISO. */
function lastPeriodOf(date: string, cal: BusinessCalendar): string {
  return DateTime.fromISO(date, { zone: cal.timezone }).plus({ minutes: cal.hours[cal.hours.length - 1]!.start }).toUTC().toISO()!;
}

/** Working days after the promised date at which the 包联区领导 is told. */
export function leaderAfterDays(policy: ProjectSlaPolicy): number {
  return Math.max(1, Math.ceil(policy.escalation.leaderAfterWorkingDays));
}

/** Every step of the path's running clocks (sent ones included). */
export function projectSlaSteps(path: ProjectPath, cal: BusinessCalendar, policy: ProjectSlaPolicy): ProjectSlaStep[] {
  const steps: ProjectSlaStep[] = [];
  for (const item of path.items) {
    if (item.state === 'submitted' && item.dueDate && item.submittedAt) {
      const due = item.dueDate;
      const clock = `${item.id}@${item.submittedAt}`;
      const before = policy.reminders.beforeWorkingDays;
      if (before > 0) {
        const at = lastPeriodOf(cal.subtractWorkingDays(due, Math.ceil(before)), cal);
        // a clock shorter than the reminder's lead has no reminder
        if (at > item.submittedAt) steps.push({ key: `item-pre:${clock}`, kind: 'item-pre', at, itemId: item.id, dueDate: due });
      }
      steps.push({ key: `item-late-taskforce:${clock}`, kind: 'item-late-taskforce', at: openingOf(cal.addWorkingDays(due, 1), cal), itemId: item.id, dueDate: due });
      steps.push({ key: `item-late-leader:${clock}`, kind: 'item-late-leader', at: openingOf(cal.addWorkingDays(due, leaderAfterDays(policy)), cal), itemId: item.id, dueDate: due });
    }
    for (const d of item.missingDocuments) {
      if (d.suppliedAt) continue;
      steps.push({
        key: `document-overdue:${item.id}:${d.name}@${d.dueDate}`,
        kind: 'document-overdue',
        at: openingOf(cal.addWorkingDays(d.dueDate, 1), cal),
        itemId: item.id,
        dueDate: d.dueDate,
        document: d.name,
      });
    }
  }
  return steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The steps not yet sent. */
export function pendingProjectSteps(path: ProjectPath, sent: readonly string[], cal: BusinessCalendar, policy: ProjectSlaPolicy): ProjectSlaStep[] {
  const done = new Set(sent);
  return projectSlaSteps(path, cal, policy).filter((s) => !done.has(s.key));
}

/** The steps due at `now` (ISO), not yet sent, in time order. */
export function dueProjectSteps(path: ProjectPath, sent: readonly string[], now: string, cal: BusinessCalendar, policy: ProjectSlaPolicy): ProjectSlaStep[] {
  return pendingProjectSteps(path, sent, cal, policy).filter((s) => s.at <= now);
}

/** The earliest pending step's instant (indexed on the stored path, so the job reads only what is due), or null. */
export function projectNextDueAt(path: ProjectPath, sent: readonly string[], cal: BusinessCalendar, policy: ProjectSlaPolicy): string | null {
  return pendingProjectSteps(path, sent, cal, policy)[0]?.at ?? null;
}

/**
 * A pre-reminder that fires only after its promised date has passed (the bot was down) says nothing new: the late
 * steps speak instead. It is recorded as done without a message.
 */
export function isSuperseded(step: ProjectSlaStep, now: string, cal: BusinessCalendar): boolean {
  return step.kind === 'item-pre' && now > cal.endOfWorkingDay(step.dueDate);
}

export interface ProjectRecipients {
  people: Person[];
  groups: Group[];
}

/**
 * Who is told at a step, from the directory. Pure.
 * - the 代办员 (项目专员): the project's enterprise's `commissioner`, else the first of the project's `taskforce`;
 * - the department's contact: the `lead` of the directory department named by the item's `department`;
 * - the 专班: every person of the project's `taskforce`;
 * - the 包联区领导: the project's `leader`;
 * - the enterprise's group: the groups of kind `enterprise` of the project's `enterprise` (none: the 代办员 instead).
 * A level with nobody to tell is skipped (not filled from another level); a person appears once per step.
 */
export function projectRecipients(step: ProjectSlaStep, project: Project, item: Pick<PathItem, 'department'> | undefined, dir: Directory): ProjectRecipients {
  const people = (ids: (string | undefined)[]) => unique(ids.map((id) => dir.person(id)).filter((p): p is Person => !!p));
  const agent = () => people([dir.enterprise(project.enterprise)?.commissioner ?? project.taskforce[0]]);
  switch (step.kind) {
    case 'item-pre':
      return { people: unique([...agent(), ...people([dir.departmentByName(item?.department)?.lead])]), groups: [] };
    case 'item-late-taskforce':
      return { people: people(project.taskforce), groups: [] };
    case 'item-late-leader':
      return { people: people([project.leader]), groups: [] };
    case 'document-overdue': {
      const groups = dir.data.groups.filter((g) => g.kind === 'enterprise' && g.enterprise === project.enterprise);
      return groups.length ? { people: [], groups } : { people: agent(), groups: [] };
    }
  }
}

function unique(people: Person[]): Person[] {
  return people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
}
