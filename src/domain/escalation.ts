import type { Directory, Person } from './directory.js';
import { toAssignee } from './routing.js';
import type { StepTarget } from './sla.js';
import type { Assignee, Ticket } from './ticket.js';

/** The overdue ladder, in order: the task-force or department lead, the 包联区领导, the admins. */
const LADDER = ['lead', 'leader', 'admins'] as const;
type LadderLevel = (typeof LADDER)[number];
const isLadder = (t: StepTarget): t is LadderLevel => (LADDER as readonly string[]).includes(t);

/**
 * Who must act at a step. Pure.
 * - `assignee`: the assignee (the admins while nobody is assigned).
 * - `department` (a missed 签收): the assignee's superior — the lead of his own department (of the category's
 *   department while he has none); where he leads it himself, the project's 包联区领导; without one, the admins. Never
 *   the lead of another department, who has no say over him (found trying the product: the power company's lead was
 *   asked to 督促 the head of 区经信局).
 * - the ladder of an overdue answer (`lead` → `leader` → `admins`): each level only its own people — the task-force
 *   lead (first of the project's 专班), else the assignee's superior as above; the project's 包联区领导; the admins. A level with
 *   nobody to tell gets nobody (it is skipped, not filled from another level), and nobody is told of the same
 *   deadline twice: a person of an earlier level, or recorded on the ticket as told at another level of the same
 *   deadline, is left out.
 * Nobody is escalated to about their own ticket: the assignee is never a recipient of a `department` or ladder step.
 */
export function recipientsFor(target: StepTarget, t: Ticket, dir: Directory): Assignee[] {
  const notAssignee = (p: Person | undefined): p is Person => !!p && p.id !== t.assignee?.personId;
  const admins = () => dir.admins().filter(notAssignee);
  const leader = () => [dir.person(t.leaderId ?? undefined)].filter(notAssignee);
  const departmentLead = () => {
    const own = dir.departmentByName(dir.person(t.assignee?.personId)?.department) ?? dir.departmentFor(t.category);
    return [dir.person(own?.lead)].find(notAssignee);
  };
  const level = (l: LadderLevel): Person[] => {
    if (l === 'leader') return leader();
    if (l === 'admins') return admins();
    const project = dir.data.projects.find((p) => p.id === t.projectId);
    const lead = [dir.person(project?.taskforce[0])].find(notAssignee) ?? departmentLead();
    return lead ? [lead] : [];
  };

  switch (target) {
    case 'assignee':
      return t.assignee ? [t.assignee] : dir.admins().map(toAssignee);
    case 'department': {
      const lead = departmentLead();
      const people = lead ? [lead] : leader().length ? leader() : admins();
      return unique(people).map(toAssignee);
    }
    default: {
      if (!isLadder(target)) return [];
      const earlier = LADDER.slice(0, LADDER.indexOf(target)).flatMap(level).map((p) => p.id);
      const told = new Set([...earlier, ...toldOfDeadline(t, target)]);
      return unique(level(target))
        .filter((p) => !told.has(p.id))
        .map(toAssignee);
    }
  }
}

/** The people recorded on the ticket as told at the other ladder levels of its current answer deadline. */
function toldOfDeadline(t: Ticket, except: LadderLevel): string[] {
  const keys = new Set(LADDER.filter((l) => l !== except).map((l) => `escalate-${l}@${t.resolutionDueAt}`));
  return t.events.flatMap((e) => {
    const data = e.data as { key?: unknown; recipients?: unknown } | undefined;
    return typeof data?.key === 'string' && keys.has(data.key) && Array.isArray(data.recipients) ? data.recipients.filter((r): r is string => typeof r === 'string') : [];
  });
}

function unique(people: Person[]): Person[] {
  return people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
}
