import type { Assignee, Category, Ticket, TicketEvent, TicketStatus, Urgency } from './ticket.js';
import { CATEGORIES, isOverdue, TICKET_STATUSES } from './ticket.js';

/** 答复 outcomes. */
export const OUTCOMES = {
  resolved: '已解决',
  partial: '部分解决',
  explained: '解释说明',
  unresolvable: '暂无法解决',
} as const;
export type Outcome = keyof typeof OUTCOMES;

/** The five 好差评 levels; the two lowest are 差评 and send the ticket back (重办). */
export const RATINGS = {
  very_satisfied: { label: '非常满意', score: 5 },
  satisfied: { label: '满意', score: 4 },
  basically_satisfied: { label: '基本满意', score: 3 },
  dissatisfied: { label: '不满意', score: 2 },
  very_dissatisfied: { label: '非常不满意', score: 1 },
} as const;
export type RatingLevel = keyof typeof RATINGS;
export const isBadRating = (l: RatingLevel) => RATINGS[l].score <= 2;

export type TicketAction =
  | { type: 'dispatch'; to: Assignee; via: string; responseDueAt: string; team?: string[]; projectId?: string | null; leaderId?: string | null }
  | { type: 'claim' }
  | { type: 'progress'; note: string }
  | { type: 'transfer'; to: Assignee; note?: string; responseDueAt: string }
  | { type: 'return'; to: Assignee; reason: string; responseDueAt: string }
  | { type: 'resolve'; outcome: Outcome; note?: string }
  /** `resolutionDueAt`: the new answer deadline should the rating be 差评 and reopen the ticket (see `reopenDueAt`). */
  | { type: 'rate'; level: RatingLevel; note?: string; resolutionDueAt: string }
  /** `resolutionDueAt`: the new answer deadline of the reopened ticket (see `reopenDueAt`). */
  | { type: 'reopen'; note?: string; resolutionDueAt: string }
  | { type: 'urge'; note?: string }
  | { type: 'pause'; note: string }
  | { type: 'resume'; resolutionDueAt: string; note?: string }
  | { type: 'extend'; resolutionDueAt: string; reason: string; approvedBy?: string }
  | { type: 'request_extension'; resolutionDueAt: string; reason: string }
  | { type: 'approve_extension' }
  | { type: 'sla'; key: string; kind: string; escalation: boolean; recipients: string[] }
  /**
   * 更正: a person corrects what the bot read (category, urgency, enterprise). `reroute`: the routing's answer for the
   * corrected ticket (a new assignee is dispatched as by a 转办: 待签收, a new 签收 clock); `resolutionDueAt` and
   * `responseDueAt`: the deadlines the corrected urgency gives (unchanged ones may be left out).
   */
  | { type: 'correct'; field: 'category'; to: Category; reroute?: Reroute }
  | { type: 'correct'; field: 'enterprise'; to: { name: string; id: string | null }; reroute?: Reroute }
  | { type: 'correct'; field: 'urgency'; to: Urgency; resolutionDueAt?: string; responseDueAt?: string }
  /** 不是问题: closed as not a problem (no answer, no rating): the ticket leaves the digest's figures. */
  | { type: 'dismiss'; note?: string }
  /**
   * 重复: a later report of the same problem (`message`) merged into this ticket; its sender (`ctx.by`) joins the
   * reporters once. `answered`: merged on the sender's 是 to the question asked about `message`.
   */
  | { type: 'merge'; message: string; text: string; answered?: boolean }
  /** 重复 the bot was not sure of: the question asked about a later report (`message`) by its sender (`ctx.by`). */
  | { type: 'duplicate_ask'; message: string; text: string }
  /** The sender's 不是 to the question about `message`: a ticket of its own is opened for it. */
  | { type: 'not_duplicate'; message: string }
  /** 回潮: a later ticket (`later`, opened at `openedAt`) reports this answered problem again. */
  | { type: 'recurrence'; later: number; openedAt: string }
  /** 共性问题: this ticket leads a case (`共性 #12 #15 #19`); `members` join it (each listed once). */
  | { type: 'lead_case'; members: number[] }
  /**
   * 共性问题: this ticket is made part of the case led by `lead`: it goes to the lead's handler and team, dispatched
   * anew as by a 转办 (待签收, a new 签收 clock) when that is someone else.
   */
  | { type: 'join_case'; lead: number; to: Assignee; team: string[]; responseDueAt: string }
  /** 共性问题: the case's lead was answered (`lead`): the same answer answers this member, from any open state. */
  | { type: 'case_resolve'; lead: number; outcome: Outcome; note?: string };

/** Where a corrected ticket goes: the routing's assignee, team, project and leader, and a new 签收 deadline. */
export interface Reroute {
  to: Assignee;
  via: string;
  team: string[];
  projectId: string | null;
  leaderId: string | null;
  responseDueAt: string;
}

export interface ActionContext {
  by: NonNullable<TicketEvent['by']>;
  at: string;
  /** The message that caused the change (`platform:eventId`). */
  source?: string;
}

export type TransitionResult =
  | { ok: true; ticket: Ticket; event: TicketEvent }
  | { ok: false; code: 'TICKET_INVALID_TRANSITION' | 'TICKET_NO_CHANGE'; message: string };

/** Which states each action may start from. */
export const ALLOWED_FROM: Record<TicketAction['type'], TicketStatus[]> = {
  dispatch: ['accepted'],
  claim: ['accepted', 'pending_claim'],
  progress: ['in_progress'],
  transfer: ['accepted', 'pending_claim', 'in_progress'],
  return: ['pending_claim', 'in_progress'],
  resolve: ['in_progress'],
  rate: ['pending_rating', 'closed'],
  reopen: ['pending_rating', 'closed'],
  urge: ['accepted', 'pending_claim', 'in_progress'],
  pause: ['pending_claim', 'in_progress'],
  resume: ['pending_claim', 'in_progress'],
  extend: ['accepted', 'pending_claim', 'in_progress'],
  request_extension: ['accepted', 'pending_claim', 'in_progress'],
  approve_extension: ['accepted', 'pending_claim', 'in_progress'],
  sla: ['accepted', 'pending_claim', 'in_progress'],
  correct: ['accepted', 'pending_claim', 'in_progress'],
  dismiss: ['accepted', 'pending_claim', 'in_progress'],
  merge: ['accepted', 'pending_claim', 'in_progress'],
  duplicate_ask: ['accepted', 'pending_claim', 'in_progress'],
  not_duplicate: ['accepted', 'pending_claim', 'in_progress', 'pending_rating', 'closed', 'dismissed'],
  recurrence: ['pending_rating', 'closed'],
  lead_case: ['accepted', 'pending_claim', 'in_progress'],
  join_case: ['accepted', 'pending_claim', 'in_progress'],
  case_resolve: ['accepted', 'pending_claim', 'in_progress'],
};

const WHY_NOT: Partial<Record<TicketStatus, string>> = {
  accepted: '尚未派单',
  pending_claim: '尚未签收',
  in_progress: '正在办理中',
  pending_rating: '已答复，等待企业评价',
  closed: '已办结',
  dismissed: '已确认不是问题并关闭',
};

/**
 * The ticket's state machine (12345 practice): 已受理 → 待签收 → 办理中 → 待评价 → 已办结, with 转办/退单 back to
 * 待签收 for the new handler and 重办 after 差评 or reopen. Pure: returns the new ticket and the event, or why not.
 */
export function transition(t: Ticket, action: TicketAction, ctx: ActionContext): TransitionResult {
  if (!ALLOWED_FROM[action.type].includes(t.status)) {
    // not signed for yet: say how to sign, since that is what the cadre meant to do first
    const hint = t.status === 'pending_claim' && ['progress', 'resolve', 'pause', 'request_extension'].includes(action.type) ? `请先回复“认领 #${t.no}”签收。` : '';
    return { ok: false, code: 'TICKET_INVALID_TRANSITION', message: `#${t.no} ${WHY_NOT[t.status] ?? TICKET_STATUSES[t.status]}，不能${ACTION_LABELS[action.type]}。${hint}` };
  }
  const next: Ticket = { ...t, updatedAt: ctx.at };
  const data: Record<string, unknown> = { from: t.status };
  let note: string | undefined;
  switch (action.type) {
    case 'dispatch':
      next.status = 'pending_claim';
      next.assignee = action.to;
      next.dispatchedAt = ctx.at;
      next.responseDueAt = action.responseDueAt;
      if (action.team) next.team = action.team;
      if (action.projectId !== undefined) next.projectId = action.projectId;
      if (action.leaderId !== undefined) next.leaderId = action.leaderId;
      data.to = action.to;
      data.via = action.via;
      // the first 签收 clock, kept for 响应率 once the ticket is passed on (digest.ts responseClock)
      data.responseDueAt = action.responseDueAt;
      break;
    case 'claim':
      next.status = 'in_progress';
      if (t.assignee?.personId !== ctx.by.personId && ctx.by.personId) {
        next.assignee = { personId: ctx.by.personId, name: ctx.by.name ?? ctx.by.id, ...platformIds(ctx.by) };
        data.to = next.assignee;
      }
      next.claimedAt ??= ctx.at;
      break;
    case 'progress':
      note = action.note;
      break;
    case 'transfer':
    case 'return':
      if (action.to.personId === t.assignee?.personId) {
        return { ok: false, code: 'TICKET_NO_CHANGE', message: `#${t.no} 已由 ${action.to.name} 负责，无需${ACTION_LABELS[action.type]}。` };
      }
      dispatchAnew(t, next, data, action.to, action.responseDueAt, ctx.at);
      note = action.type === 'return' ? action.reason : action.note;
      if (action.type === 'return') next.returnCount = (t.returnCount ?? 0) + 1;
      break;
    case 'resolve':
      next.status = 'pending_rating';
      next.outcome = action.outcome;
      next.resolvedAt = ctx.at;
      data.outcome = action.outcome;
      note = action.note;
      break;
    case 'rate': {
      const bad = isBadRating(action.level);
      next.rating = { level: action.level, at: ctx.at, by: ctx.by, assigneePersonId: t.assignee?.personId ?? null };
      data.level = action.level;
      data.assignee = t.assignee?.personId ?? null;
      note = action.note;
      if (bad) {
        reopen(t, next, data, action.resolutionDueAt);
        data.reopened = true;
      } else {
        next.status = 'closed';
        next.closedAt = t.closedAt ?? ctx.at;
      }
      break;
    }
    case 'reopen':
      reopen(t, next, data, action.resolutionDueAt);
      note = action.note;
      break;
    case 'urge':
      next.urgeCount = (t.urgeCount ?? 0) + 1;
      note = action.note;
      break;
    case 'pause':
      if (t.pausedAt) return { ok: false, code: 'TICKET_NO_CHANGE', message: `#${t.no} 已在等待企业补充材料。` };
      next.pausedAt = ctx.at;
      note = action.note;
      break;
    case 'resume':
      if (!t.pausedAt) return { ok: false, code: 'TICKET_NO_CHANGE', message: `#${t.no} 未在等待补充，无需恢复。` };
      next.pausedAt = null;
      data.pausedAt = t.pausedAt;
      data.previousDue = t.resolutionDueAt;
      next.resolutionDueAt = action.resolutionDueAt;
      data.resolutionDueAt = action.resolutionDueAt;
      note = action.note;
      break;
    case 'extend':
      next.extensionCount = (t.extensionCount ?? 0) + 1;
      next.pendingExtension = null;
      // granted after the deadline had passed: the record keeps that the ticket was overdue
      if (isOverdue(t, ctx.at)) data.overdue = true;
      data.previousDue = t.resolutionDueAt;
      next.resolutionDueAt = action.resolutionDueAt;
      data.resolutionDueAt = action.resolutionDueAt;
      if (action.approvedBy) data.approvedBy = action.approvedBy;
      note = action.reason;
      break;
    case 'request_extension':
      next.pendingExtension = { to: action.resolutionDueAt, reason: action.reason, by: ctx.by.personId ?? ctx.by.id };
      data.resolutionDueAt = action.resolutionDueAt;
      note = action.reason;
      break;
    case 'approve_extension':
      if (!t.pendingExtension) return { ok: false, code: 'TICKET_NO_CHANGE', message: `#${t.no} 没有待审批的延期申请。` };
      next.extensionCount = (t.extensionCount ?? 0) + 1;
      if (isOverdue(t, ctx.at)) data.overdue = true;
      data.previousDue = t.resolutionDueAt;
      next.resolutionDueAt = t.pendingExtension.to;
      data.resolutionDueAt = t.pendingExtension.to;
      data.requestedBy = t.pendingExtension.by;
      note = t.pendingExtension.reason;
      next.pendingExtension = null;
      break;
    case 'correct': {
      const from = action.field === 'category' ? t.category : action.field === 'urgency' ? t.urgency : { name: t.enterprise, id: t.enterpriseId };
      const same =
        action.field === 'enterprise' ? action.to.name === t.enterprise && action.to.id === t.enterpriseId : action.to === from;
      // naming what the ticket already says confirms the bot's reading when it awaits a check (待确认): the mark goes
      // and the check is on record; otherwise there is nothing to change
      if (same && !t.needsTriage) return { ok: false, code: 'TICKET_NO_CHANGE', message: `#${t.no} ${FIELD_LABELS[action.field]}已是“${valueLabel(action.field, action.to)}”，无需更改。` };
      if (same) {
        data.change = { field: action.field, from, to: action.to, confirmed: true };
        note = `${FIELD_LABELS[action.field]}：${valueLabel(action.field, from)}（经核对无误）`;
        next.needsTriage = false;
        break;
      }
      if (action.field === 'category') next.category = action.to;
      if (action.field === 'urgency') {
        next.urgency = action.to;
        if (action.resolutionDueAt && action.resolutionDueAt !== t.resolutionDueAt) {
          data.previousDue = t.resolutionDueAt;
          data.resolutionDueAt = action.resolutionDueAt;
          next.resolutionDueAt = action.resolutionDueAt;
        }
        if (action.responseDueAt) next.responseDueAt = action.responseDueAt;
      }
      if (action.field === 'enterprise') {
        next.enterprise = action.to.name;
        next.enterpriseId = action.to.id;
      }
      data.change = { field: action.field, from, to: action.to };
      note = `${FIELD_LABELS[action.field]}：${valueLabel(action.field, from)} → ${valueLabel(action.field, action.to)}`;
      if (action.field !== 'urgency' && action.reroute) {
        const r = action.reroute;
        next.team = r.team;
        next.projectId = r.projectId;
        next.leaderId = r.leaderId;
        if (r.to.personId !== t.assignee?.personId) {
          // dispatched anew, as by a 转办
          dispatchAnew(t, next, data, r.to, r.responseDueAt, ctx.at);
          data.via = r.via;
        }
      }
      next.needsTriage = false;
      break;
    }
    case 'dismiss':
      next.status = 'dismissed';
      next.needsTriage = false;
      next.pausedAt = null;
      next.pendingExtension = null;
      note = action.note;
      break;
    case 'merge': {
      const reporter = { id: ctx.by.id, ...(ctx.by.name ? { name: ctx.by.name } : {}) };
      const known = t.reporter.id === reporter.id || (t.reporters ?? []).some((r) => r.id === reporter.id);
      if (!known) next.reporters = [...(t.reporters ?? []), { ...reporter, at: ctx.at, source: action.message }];
      if (action.answered) next.duplicateAsks = answerAsk(t, action.message, 'yes', ctx.source);
      // merged without asking: kept as an answered question, so that the sender's 不是 can still undo it
      else if (!(t.duplicateAsks ?? []).some((a) => a.source === action.message)) {
        next.duplicateAsks = [...(t.duplicateAsks ?? []), { reporter, source: action.message, text: action.text, at: ctx.at, answer: 'yes', auto: true }];
      }
      data.reporter = reporter;
      data.message = action.message;
      note = action.text;
      break;
    }
    case 'duplicate_ask':
      if ((t.duplicateAsks ?? []).some((a) => a.source === action.message)) return { ok: false, code: 'TICKET_NO_CHANGE', message: 'already asked' };
      next.duplicateAsks = [...(t.duplicateAsks ?? []), { reporter: { id: ctx.by.id, ...(ctx.by.name ? { name: ctx.by.name } : {}) }, source: action.message, text: action.text, at: ctx.at }];
      data.message = action.message;
      note = action.text;
      break;
    case 'not_duplicate':
      next.duplicateAsks = answerAsk(t, action.message, 'no', ctx.source);
      // an undone merge: its sender is no longer one of this ticket's reporters
      if ((t.reporters ?? []).some((r) => r.source === action.message)) next.reporters = (t.reporters ?? []).filter((r) => r.source !== action.message);
      data.message = action.message;
      break;
    case 'recurrence':
      next.recurredAt = t.recurredAt && t.recurredAt < action.openedAt ? t.recurredAt : action.openedAt;
      data.later = action.later;
      break;
    case 'lead_case': {
      if (t.caseOf) return { ok: false, code: 'TICKET_INVALID_TRANSITION', message: `#${t.no} 已并入 #${t.caseOf} 的共性问题，不能牵头。` };
      const added = action.members.filter((m) => m !== t.no && !(t.caseMembers ?? []).includes(m));
      if (!added.length) return { ok: false, code: 'TICKET_NO_CHANGE', message: `#${t.no} 与 ${action.members.map((m) => `#${m}`).join(' ')} 已是同一共性问题。` };
      next.caseMembers = [...(t.caseMembers ?? []), ...added];
      data.members = added;
      break;
    }
    case 'join_case':
      if (t.caseOf === action.lead) return { ok: false, code: 'TICKET_NO_CHANGE', message: `#${t.no} 已并入 #${action.lead} 的共性问题。` };
      if (t.caseOf) return { ok: false, code: 'TICKET_INVALID_TRANSITION', message: `#${t.no} 已并入 #${t.caseOf} 的共性问题，不能再并入其他问题。` };
      if (t.caseMembers?.length) return { ok: false, code: 'TICKET_INVALID_TRANSITION', message: `#${t.no} 已牵头另一共性问题，不能并入其他问题。` };
      next.caseOf = action.lead;
      next.team = action.team;
      data.lead = action.lead;
      // handled by the lead's handler: dispatched anew, as by a 转办, when that is someone else
      if (action.to.personId !== t.assignee?.personId) dispatchAnew(t, next, data, action.to, action.responseDueAt, ctx.at);
      break;
    case 'case_resolve':
      if (t.caseOf !== action.lead) return { ok: false, code: 'TICKET_INVALID_TRANSITION', message: `#${t.no} 不属于 #${action.lead} 的共性问题。` };
      next.status = 'pending_rating';
      next.outcome = action.outcome;
      next.resolvedAt = ctx.at;
      next.pausedAt = null;
      next.pendingExtension = null;
      data.outcome = action.outcome;
      data.case = action.lead;
      note = action.note;
      break;
    case 'sla':
      if ((t.slaSent ?? []).includes(action.key)) return { ok: false, code: 'TICKET_NO_CHANGE', message: 'already sent' };
      next.slaSent = [...(t.slaSent ?? []), action.key];
      if (action.escalation) next.escalationCount = (t.escalationCount ?? 0) + 1;
      data.step = action.kind;
      data.key = action.key;
      data.recipients = action.recipients;
      break;
  }
  data.to_status = next.status;
  // a member answered with its case's lead is answered (答复) like any other ticket: one event type for every surface
  const type = action.type === 'sla' ? (action.escalation ? 'escalation' : 'reminder') : action.type === 'case_resolve' ? 'resolve' : action.type;
  const event: TicketEvent = { type, at: ctx.at, by: ctx.by, ...(note ? { note } : {}), data, ...(ctx.source ? { source: ctx.source } : {}) };
  next.events = [...t.events, event];
  return { ok: true, ticket: next, event };
}

/**
 * 重办: back to 办理中 with a new answer clock, so the reminder and escalation ladder starts again (SLA step keys
 * carry the deadline). The event keeps the earlier deadline, and that the first answer came late.
 */
function reopen(t: Ticket, next: Ticket, data: Record<string, unknown>, resolutionDueAt: string): void {
  next.status = 'in_progress';
  next.reopenCount = (t.reopenCount ?? 0) + 1;
  next.closedAt = null;
  next.pausedAt = null;
  next.pendingExtension = null;
  next.escalationCount = 0;
  next.resolutionDueAt = resolutionDueAt;
  data.previousDue = t.resolutionDueAt;
  data.resolutionDueAt = resolutionDueAt;
  if (t.escalationCount) data.previousEscalations = t.escalationCount;
  if (t.resolvedAt && t.resolvedAt > t.resolutionDueAt) data.overdue = true;
}

/** The ticket's questions with the one about `message` answered (by the message `by`). */
/** 转办, 退单 or a re-routing correction: the new handler signs for the ticket, their 签收 clock starts now. */
function dispatchAnew(t: Ticket, next: Ticket, data: Record<string, unknown>, to: Assignee, responseDueAt: string, at: string): void {
  next.status = 'pending_claim';
  next.assignee = to;
  next.dispatchedAt = at;
  next.claimedAt = null;
  next.responseDueAt = responseDueAt;
  data.to = to;
  data.previous = t.assignee;
}

function answerAsk(t: Ticket, message: string, answer: 'yes' | 'no', by: string | undefined): Ticket['duplicateAsks'] {
  return (t.duplicateAsks ?? []).map((a) => (a.source === message ? { ...a, answer, ...(by ? { answeredBy: by } : {}) } : a));
}

function platformIds(by: ActionContext['by']): Pick<Assignee, 'wecom' | 'dingtalk'> {
  return by.platform === 'wecom' ? { wecom: by.id } : { dingtalk: by.id };
}

export const ACTION_LABELS: Record<TicketAction['type'], string> = {
  dispatch: '派单',
  claim: '签收',
  progress: '更新进展',
  transfer: '转办',
  return: '退单',
  resolve: '办结',
  rate: '评价',
  reopen: '重办',
  urge: '催办',
  pause: '标记待补充',
  resume: '恢复办理',
  extend: '延期',
  request_extension: '申请延期',
  approve_extension: '审批延期',
  sla: '提醒',
  correct: '更正',
  dismiss: '标记为不是问题',
  merge: '并入',
  duplicate_ask: '询问',
  not_duplicate: '确认非重复',
  recurrence: '标记回潮',
  lead_case: '牵头共性问题',
  join_case: '并入共性问题',
  case_resolve: '办结',
};

/** What a 更正 changes, as people name it. */
export const FIELD_LABELS = { category: '类别', urgency: '紧急程度', enterprise: '企业' } as const;

/** A corrected field's value as people read it. */
function valueLabel(field: keyof typeof FIELD_LABELS, v: unknown): string {
  if (field === 'category') return CATEGORIES[v as Category] ?? String(v);
  if (field === 'urgency') return v === 'urgent' ? '紧急' : '一般';
  return (v as { name: string | null }).name ?? '未填写';
}
