import type { Directory, Person } from './directory.js';
import type { Assignee, Category } from './ticket.js';

export interface Route {
  assignee: Assignee;
  via: 'commissioner' | 'taskforce' | 'department' | 'admin';
  /** People who may claim besides the assignee: the project task force and the department. */
  team: string[];
  projectId: string | null;
  leaderId: string | null;
}

export function toAssignee(p: Person): Assignee {
  return { personId: p.id, name: p.name, ...(p.wecom ? { wecom: p.wecom } : {}), ...(p.dingtalk ? { dingtalk: p.dingtalk } : {}) };
}

/**
 * 派单: the enterprise's commissioner first; else the project's task force; else the lead of the department whose
 * categories include the problem; else the admins. `exclude` skips a person (a returned ticket goes to the next).
 * Pure; null when the directory names nobody at all.
 */
export function route(dir: Directory, enterpriseId: string | null, category: Category, exclude?: string): Route | null {
  const enterprise = dir.enterprise(enterpriseId ?? undefined);
  const project = enterprise ? dir.projectsOf(enterprise.id)[0] : undefined;
  const department = dir.departmentFor(category);
  const team = [...new Set([...(project?.taskforce ?? []), ...dir.departmentMembers(department)])];
  const base = { team, projectId: project?.id ?? null, leaderId: project?.leader ?? null };
  const ok = (p: Person | undefined) => p && p.id !== exclude;

  const commissioner = dir.person(enterprise?.commissioner);
  if (ok(commissioner)) return { ...base, assignee: toAssignee(commissioner!), via: 'commissioner' };
  const member = (project?.taskforce ?? []).map((id) => dir.person(id)).find(ok);
  if (member) return { ...base, assignee: toAssignee(member), via: 'taskforce' };
  const lead = dir.person(department?.lead);
  if (ok(lead)) return { ...base, assignee: toAssignee(lead!), via: 'department' };
  const admin = dir.admins().find(ok);
  if (admin) return { ...base, assignee: toAssignee(admin), via: 'admin' };
  return null;
}
