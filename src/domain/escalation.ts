import type { Directory, Person } from './directory.js';
import { toAssignee } from './routing.js';
import type { StepTarget } from './sla.js';
import type { Assignee, Ticket } from './ticket.js';

/**
 * Who must act at a step: the assignee; for a missed 签收, the department lead; the task-force lead (first of the project's 专班), else the department lead
 * for the category or the assignee's department; the project's 包联区领导; the admins. A level with nobody (or only
 * the assignee) climbs to the next. Pure.
 */
export function recipientsFor(target: StepTarget, t: Ticket, dir: Directory): Assignee[] {
  const not = (p: Person | undefined) => (p && p.id !== t.assignee?.personId ? p : undefined);
  const admins = () => dir.admins().map(toAssignee);
  const leader = () => {
    const l = dir.person(t.leaderId ?? undefined);
    return l ? [toAssignee(l)] : admins();
  };
  switch (target) {
    case 'assignee':
      return t.assignee ? [t.assignee] : admins();
    case 'department': {
      const lead =
        not(dir.person(dir.departmentFor(t.category)?.lead)) ??
        not(dir.person(dir.departmentByName(dir.person(t.assignee?.personId)?.department)?.lead));
      return lead ? [toAssignee(lead)] : leader();
    }
    case 'lead': {
      const project = dir.data.projects.find((p) => p.id === t.projectId);
      const lead =
        not(dir.person(project?.taskforce[0])) ??
        not(dir.person(dir.departmentFor(t.category)?.lead)) ??
        not(dir.person(dir.departmentByName(dir.person(t.assignee?.personId)?.department)?.lead));
      return lead ? [toAssignee(lead)] : leader();
    }
    case 'leader':
      return leader();
    case 'admins':
      return admins();
  }
}
