import type { PlatformId } from './platform.js';
import type { Actor, Directory } from './directory.js';
import type { Ticket } from './ticket.js';

export type Permission =
  | 'claim' | 'progress' | 'resolve' | 'transfer' | 'rate' | 'reopen' | 'urge' | 'view' | 'digest' | 'overdue' | 'visit_overview'
  | 'extend' | 'approve_extension' | 'resume' | 'project_update' | 'correct' | 'triage' | 'case';

/** Days after closing during which the enterprise may still rate or reopen. */
export const RATE_WINDOW_DAYS = 15;

export type Authorization = { ok: true } | { ok: false; message: string };

const isManager = (a: Actor) => a.role === 'leader' || a.role === 'admin';
const isAssignee = (a: Actor, t: Ticket) => !!a.personId && t.assignee?.personId === a.personId;
/**
 * Contacts of the ticket's enterprise; the reporter counts too — except the cadre who logged a problem found on a
 * visit (助企走访) on the enterprise's behalf: the enterprise rates that one.
 */
const isOwnEnterprise = (a: Actor, t: Ticket) =>
  (!t.visitNo && a.platform === t.platform && a.platformId === t.reporter.id) ||
  (a.role === 'enterprise' && !!a.enterpriseId && a.enterpriseId === t.enterpriseId);

/**
 * Who may do what (issue: "Who may do what"). Pure; `now` is ISO-8601. The refusal text is what the bot answers.
 */
export function authorize(p: Permission, a: Actor, t: Ticket | null, now: string): Authorization {
  const no = t ? `#${t.no}` : '';
  const what = p === 'view' ? `查看 ${no}` : `${LABEL[p]}${no ? ` ${no}` : ''}`;
  const refuse = (who: string) => ({ ok: false as const, message: `抱歉，${who}才能${what}。` });
  switch (p) {
    case 'triage':
      // 待确认: staff (a cadre is shown their team's tickets: handlers/triage.handler.ts); never an enterprise
      return a.role === 'cadre' || isManager(a) ? { ok: true } : refuse('只有工作人员');
    case 'digest':
    case 'overdue':
    // 共性问题: making several enterprises' tickets one case is a leader's decision (`共性 #12 #15 #19`)
    case 'case':
    case 'visit_overview':
    case 'approve_extension':
      return isManager(a) ? { ok: true } : refuse('只有领导和管理员');
    case 'project_update':
      // 项目代办: the 代办员 / 项目专员 (cadres), 专班 and leaders; never the enterprise's own contacts
      return a.role === 'cadre' || isManager(a) ? { ok: true } : refuse('只有代办员、项目专员、领导和管理员');
    case 'view':
      return !t || a.role === 'cadre' || isManager(a) || isOwnEnterprise(a, t) ? { ok: true } : refuse('只有本企业联系人和工作人员');
    case 'claim':
      return t && (isAssignee(a, t) || (!!a.personId && t.team.includes(a.personId)) || isManager(a))
        ? { ok: true }
        : refuse('只有责任人、专班或责任部门成员、领导和管理员');
    case 'progress':
    case 'resolve':
    case 'transfer':
    case 'correct':
    case 'extend':
      if (t && (isAssignee(a, t) || isManager(a))) return { ok: true };
      // (a cadre refused is told who handles it now — found trying the product: a service commissioner whose ticket had
      // been re-routed was refused without learning to whom it had gone)
      return a.role === 'cadre' && t?.assignee ? { ok: false, message: `${refuse('只有当前责任人、领导和管理员').message}当前责任人：${t.assignee.name}。` } : refuse('只有当前责任人、领导和管理员');
    case 'urge':
      return t && (isOwnEnterprise(a, t) || isManager(a)) ? { ok: true } : refuse('只有本企业联系人和领导');
    case 'resume':
      return t && (isOwnEnterprise(a, t) || isAssignee(a, t) || isManager(a)) ? { ok: true } : refuse('只有本企业联系人、当前责任人、领导和管理员');
    case 'rate':
    case 'reopen': {
      if (!t || !isOwnEnterprise(a, t)) return refuse('只有本企业联系人');
      if (t.status === 'pending_rating') return { ok: true };
      if (t.status === 'dismissed') return { ok: false, message: `#${t.no} 已确认不是问题并关闭，不能${LABEL[p]}；如有问题请重新反映。` };
      if (t.status === 'closed' && t.closedAt && Date.parse(now) - Date.parse(t.closedAt) <= RATE_WINDOW_DAYS * 86_400_000) return { ok: true };
      return {
        ok: false,
        message: t.status === 'closed' ? `#${t.no} 已办结超过${RATE_WINDOW_DAYS}天，不能再${LABEL[p]}。` : `#${t.no} 尚未答复，暂不能${LABEL[p]}。`,
      };
    }
  }
}

const LABEL: Record<Permission, string> = {
  claim: '签收',
  progress: '更新进展',
  resolve: '办结',
  transfer: '转办或退单',
  rate: '评价',
  reopen: '申请重办',
  urge: '催办',
  view: '查看',
  extend: '延期',
  approve_extension: '审批延期',
  resume: '恢复办理',
  digest: '查看简报',
  project_update: '登记项目审批事项进度',
  overdue: '查看超期清单',
  correct: '更正',
  triage: '查看待确认工单',
  visit_overview: '查看走访情况',
  case: '将工单合并为共性问题办理',
};

/** A conversation a message came from or goes to. */
export interface Conversation {
  platform: PlatformId;
  chatId: string;
  chatType: 'group' | 'single';
}

/**
 * Where a ticket's content (its problem, notes, card) may be posted. A private chat: yes (whether the person may see
 * the ticket at all is `authorize('view')`). A group: only the ticket's own group (where it was reported), a group
 * the directory binds to the ticket's enterprise, or a leaders' group; any other group — another enterprise's, an
 * unknown one — never sees it.
 */
export function mayShowTicketIn(t: Pick<Ticket, 'platform' | 'chatId' | 'enterpriseId'>, c: Conversation, dir: Pick<Directory, 'group'>): boolean {
  if (c.chatType === 'single') return true;
  if (c.platform === t.platform && c.chatId === t.chatId) return true;
  const g = dir.group(c.platform, c.chatId);
  if (!g) return false;
  if (g.kind === 'leaders') return true;
  return !!t.enterpriseId && g.enterprise === t.enterpriseId;
}

/**
 * Where a key project's card and progress may be posted: a private chat, a leaders' group, or a group of the
 * project's own enterprise — never another enterprise's group.
 */
export function mayShowProjectIn(p: { enterprise?: string | null }, c: Conversation, dir: Pick<Directory, 'group'>): boolean {
  if (c.chatType === 'single') return true;
  const g = dir.group(c.platform, c.chatId);
  if (!g) return false;
  return g.kind === 'leaders' || (!!p.enterprise && g.kind === 'enterprise' && g.enterprise === p.enterprise);
}

/**
 * Who may register a key project's approval progress: leaders and admins, and of the cadres the project's 专班
 * (taskforce) and its enterprise's 服务专员 (commissioner, the 代办员) — not every cadre of every department.
 */
export function mayUpdateProject(a: Actor, p: { taskforce?: string[]; enterprise?: string | null }, dir: Pick<Directory, 'enterprise'>): Authorization {
  if (isManager(a)) return { ok: true };
  const mine = !!a.personId && a.role === 'cadre' && ((p.taskforce ?? []).includes(a.personId) || dir.enterprise(p.enterprise ?? undefined)?.commissioner === a.personId);
  return mine ? { ok: true } : { ok: false, message: '抱歉，只有本项目的代办员、专班成员、领导和管理员才能登记审批进度。' };
}

/**
 * Where a visit's record (its notes, the problems found) may be posted: a private chat, a leaders' group, a 专班 group
 * bound to no enterprise (staff only), or a group of the visited enterprise — never another enterprise's group, nor a
 * group the directory does not know.
 */
export function mayShowVisitIn(v: { enterpriseId: string | null }, c: Conversation, dir: Pick<Directory, 'group'>): boolean {
  if (c.chatType === 'single') return true;
  const g = dir.group(c.platform, c.chatId);
  if (!g) return false;
  if (g.kind === 'leaders') return true;
  // a 专班 group bound to an enterprise has that enterprise's people in it: it is that enterprise's group here
  if (g.kind === 'taskforce' && !g.enterprise) return true;
  return !!v.enterpriseId && g.enterprise === v.enterpriseId;
}

/** Whether the sender is one of the government's people (a cadre, leader or admin): they log visits (助企走访). */
export const isStaff = (a: Pick<Actor, 'role'>): boolean => a.role === 'cadre' || a.role === 'leader' || a.role === 'admin';
