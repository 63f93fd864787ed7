import type { PlatformId } from './platform.js';

/** Codes are part of the product's interface (CLI, API, ledger); labels are what people see. */
export const TICKET_STATUSES = {
  accepted: '已受理',
  pending_claim: '待签收',
  in_progress: '办理中',
  pending_rating: '待评价',
  closed: '已办结',
  /** Closed as not a problem (不是问题): terminal, never answered (不计办结、破解), and no valid ticket of the digest. */
  dismissed: '已关闭（非问题）',
} as const;
export type TicketStatus = keyof typeof TICKET_STATUSES;

/** The states in which a ticket is being handled (a ticket waiting for its rating or closed is not open). */
export const OPEN_STATUSES: readonly TicketStatus[] = ['accepted', 'pending_claim', 'in_progress'];
export const isOpen = (t: Pick<Ticket, 'status'>): boolean => OPEN_STATUSES.includes(t.status);
/** The states in which a ticket is done with: nothing changes it any more except a rating or a reopen of a closed one. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['closed', 'dismissed'];

/**
 * 待确认分类: an open ticket whose reading (category) the bot was not sure of, until a person corrects or confirms it.
 * The one definition behind 待确认 and the digest's count.
 */
/** 回潮: the ticket reports again a problem answered earlier (`recurrenceOf`). The one definition behind the digest's count. */
export const isRecurrence = (t: Pick<Ticket, 'recurrenceOf'>): boolean => !!t.recurrenceOf;

export const awaitsTriage = (t: Pick<Ticket, 'status' | 'needsTriage'>): boolean => isOpen(t) && t.needsTriage;

/**
 * The one definition of 超期 used by every surface (digest, 超期问题, ledger, SLA steps, CLI): an open ticket past its
 * current answer deadline, not paused while waiting for the enterprise (待补充).
 */
export function isOverdue(t: Pick<Ticket, 'status' | 'resolutionDueAt' | 'pausedAt'>, now: string): boolean {
  return isOpen(t) && !t.pausedAt && !!t.resolutionDueAt && now > t.resolutionDueAt;
}

/**
 * Whether the ticket has been 超期 at all, for the record (ledger 是否超期): overdue now, answered after its deadline,
 * or given a later deadline (延期, 同意延期, 重办) after the one it had passed — those events say so in
 * `data.overdue`. Derived from the ticket and its history; nothing else is stored.
 */
export function wasOverdue(t: Pick<Ticket, 'status' | 'resolutionDueAt' | 'pausedAt' | 'resolvedAt' | 'events'>, now: string): boolean {
  if (isOverdue(t, now)) return true;
  if (!isOpen(t) && t.resolvedAt && t.resolutionDueAt && t.resolvedAt > t.resolutionDueAt) return true;
  return t.events.some((e) => e.data?.overdue === true);
}

export const CATEGORIES = {
  approval: '审批手续',
  land: '用地拆迁',
  utilities: '水电气网',
  talent: '用工人才',
  finance: '融资资金',
  policy: '政策兑现',
  infrastructure: '基础设施配套',
  construction: '施工建设与安全',
  dispute: '矛盾纠纷',
  market: '市场招商',
  other: '其他',
} as const;
export type Category = keyof typeof CATEGORIES;

export type Urgency = 'urgent' | 'normal';

/** Labels of ticket event types, for people. */
export const EVENT_LABELS: Record<string, string> = {
  accepted: '受理',
  dispatch: '派单',
  claim: '签收',
  progress: '进展',
  transfer: '转办',
  return: '退单',
  resolve: '答复',
  rate: '评价',
  reopen: '重办',
  urge: '催办',
  pause: '待补充',
  resume: '恢复办理',
  extend: '延期',
  request_extension: '申请延期',
  approve_extension: '同意延期',
  reminder: '提醒',
  escalation: '督办',
  correct: '更正',
  dismiss: '不是问题',
  merge: '重复并入',
  duplicate_ask: '询问是否重复',
  not_duplicate: '确认非重复',
  recurrence: '回潮',
  lead_case: '共性问题牵头',
  join_case: '并入共性问题',
};

export interface TicketEvent {
  type: string;
  at: string;
  /** Who: platform id, and the directory person when known. */
  by?: { platform: PlatformId; id: string; name?: string; personId?: string };
  note?: string;
  data?: Record<string, unknown>;
  /** The message that caused it (`platform:eventId`). */
  source?: string;
}

/** The responsible person, with the platform ids needed to @-mention and message them. */
export interface Assignee {
  personId: string;
  name: string;
  wecom?: string;
  dingtalk?: string;
}

export interface Ticket {
  no: number;
  platform: PlatformId;
  chatId: string;
  reporter: { id: string; name?: string };
  text: string;
  summary: string;
  category: Category;
  categoryConfidence: number;
  needsTriage: boolean;
  urgency: Urgency;
  /** YYYY-MM-DD asked for in the message, or null. */
  requestedDate: string | null;
  /**
   * ISO instant of the 答复 deadline (from 受理; shortened by a requested date; moved by 延期, pauses and 重办): the one
   * stored deadline. The date people see is derived from it (`calendar.localDate(resolutionDueAt)`); an old document's
   * `resolutionDue` date is ignored.
   */
  resolutionDueAt: string;
  /** ISO instant of the 签收 deadline (from dispatch), while not yet claimed. */
  responseDueAt?: string | null;
  /** Set while waiting for the enterprise (待补充): the resolution clock stands still. */
  pausedAt?: string | null;
  extensionCount?: number;
  /** An extension beyond the assignee's allowance, awaiting a leader's 同意延期. */
  pendingExtension?: { to: string; reason: string; by: string } | null;
  /** Keys of the SLA steps already sent (reminders, escalations). */
  slaSent?: string[];
  /** The earliest pending SLA step (indexed): the reconciler reads only tickets due by now. */
  nextDueAt?: string | null;
  /** How many escalation steps fired. */
  escalationCount?: number;
  /** The enterprise's name as read from the message or the directory. */
  enterprise: string | null;
  /** Directory ids, when known. */
  enterpriseId: string | null;
  projectId: string | null;
  /** Task force or department members who may claim the ticket. */
  team: string[];
  /** 包联区领导 of the project or enterprise, for escalation. */
  leaderId: string | null;
  /** The responsible person; null until the ticket is dispatched. */
  assignee: Assignee | null;
  status: TicketStatus;
  dispatchedAt?: string | null;
  claimedAt?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
  outcome?: 'resolved' | 'partial' | 'explained' | 'unresolvable' | null;
  /** The latest rating; keeps the assignee at rating time so scores survive later transfers. */
  rating?: { level: string; at: string; by: NonNullable<TicketEvent['by']>; assigneePersonId: string | null } | null;
  reopenCount?: number;
  urgeCount?: number;
  returnCount?: number;
  sourceMessageId: string;
  parsedBy: 'rules' | 'llm';
  /**
   * 助企走访: the visit (V-number) this problem was found on, logged by a cadre on the enterprise's behalf; null for a
   * problem the enterprise reported itself. The cadre who logged it is the reporter of record, not a contact of the
   * enterprise: the enterprise rates it.
   */
  visitNo?: number | null;
  /** 重复: others who reported the same problem later (merged into this ticket), each once, with their message. */
  reporters?: { id: string; name?: string; at: string; source: string }[];
  /** 重复 the bot was not sure of: the question asked (是 / 不是) and, once answered, the answer and its message. */
  duplicateAsks?: DuplicateAsk[];
  /** 回潮: the earlier ticket (answered, 办结) this one reports again. */
  recurrenceOf?: number | null;
  /** 回潮: when the first later ticket reporting this problem again was opened (from then on it is not 破解). */
  recurredAt?: string | null;
  /** 共性问题: the lead ticket of the case this ticket was made part of (`共性 #12 #15 #19`); its answer answers this one. */
  caseOf?: number | null;
  /** 共性问题: on a case's lead ticket, the tickets made part of it (each with `caseOf` = this ticket's number). */
  caseMembers?: number[];
  events: TicketEvent[];
  createdAt: string;
  updatedAt: string;
}

/** A question asked in the group: is this later report (`source`, `text`) the same problem as the ticket? */
export interface DuplicateAsk {
  reporter: { id: string; name?: string };
  source: string;
  text: string;
  at: string;
  answer?: 'yes' | 'no';
  /** The answering message (a retried answer finds its own). */
  answeredBy?: string;
  /** Merged by the bot without asking (a sure 重复): the sender's 不是 within the window undoes it. */
  auto?: boolean;
}

/** What a new ticket is built from: its own fields as read from the message, and the time. */
export type NewTicketInput = Pick<
  Ticket,
  | 'platform' | 'chatId' | 'reporter' | 'text' | 'summary' | 'category' | 'categoryConfidence' | 'urgency' | 'requestedDate'
  | 'resolutionDueAt' | 'enterprise' | 'sourceMessageId' | 'parsedBy'
> & { enterpriseId?: string | null; visitNo?: number | null; recurrenceOf?: number | null; now: string };

/** Builds a new ticket in 已受理 with its first event. Pure. */
export function buildNewTicket(no: number, i: NewTicketInput): Ticket {
  return {
    no,
    platform: i.platform,
    chatId: i.chatId,
    reporter: i.reporter,
    text: i.text,
    summary: i.summary,
    category: i.category,
    categoryConfidence: i.categoryConfidence,
    needsTriage: i.categoryConfidence < 0.5,
    urgency: i.urgency,
    requestedDate: i.requestedDate,
    resolutionDueAt: i.resolutionDueAt,
    responseDueAt: null,
    pausedAt: null,
    extensionCount: 0,
    pendingExtension: null,
    slaSent: [],
    nextDueAt: null,
    escalationCount: 0,
    enterprise: i.enterprise,
    enterpriseId: i.enterpriseId ?? null,
    projectId: null,
    team: [],
    leaderId: null,
    assignee: null,
    reopenCount: 0,
    urgeCount: 0,
    returnCount: 0,
    status: 'accepted',
    sourceMessageId: i.sourceMessageId,
    parsedBy: i.parsedBy,
    visitNo: i.visitNo ?? null,
    ...(i.recurrenceOf ? { recurrenceOf: i.recurrenceOf } : {}),
    events: [
      {
        type: 'accepted',
        at: i.now,
        by: { platform: i.platform, id: i.reporter.id, name: i.reporter.name },
        data: { category: i.category, urgency: i.urgency, resolutionDueAt: i.resolutionDueAt, ...(i.visitNo ? { visitNo: i.visitNo } : {}) },
      },
      // 回潮: the link to the earlier ticket, in the history too
      ...(i.recurrenceOf ? [{ type: 'recurrence', at: i.now, data: { of: i.recurrenceOf, to_status: 'accepted' } }] : []),
    ],
    createdAt: i.now,
    updatedAt: i.now,
  };
}
