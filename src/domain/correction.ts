import type { BusinessCalendar } from './calendar.js';
import type { Directory } from './directory.js';
import { route } from './routing.js';
import { resolutionDueAt, responseDueAt, type SlaPolicy } from './sla.js';
import type { Reroute, TicketAction } from './ticket-state.js';
import { CATEGORIES, type Category, type Ticket, type Urgency } from './ticket.js';

/**
 * A correction staff make to what the bot read from a report (issue 19, "corrections that teach"): its category, its
 * urgency, its enterprise, or that it is no problem at all (不是问题). `category: null`: a category was named that is
 * none of ours (the handler lists them).
 */
export type Correction =
  | { field: 'category'; to: Category | null; text: string }
  | { field: 'urgency'; to: Urgency }
  | { field: 'enterprise'; name: string }
  | { field: 'dismiss'; note?: string };

export interface CorrectionContext {
  dir: Directory;
  /** ISO instant of the correction. */
  now: string;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
}

/**
 * Where the corrected ticket goes when the routing decides it: only a ticket still with the person the routing gave
 * it (or with nobody yet) follows the routing again — one a person handed on (转办) stays where they put it. Pure.
 */
function rerouteFor(t: Ticket, enterpriseId: string | null, category: Category, c: CorrectionContext): Reroute | undefined {
  const before = route(c.dir, t.enterpriseId, t.category);
  const followsRouting = !t.assignee || before?.assignee.personId === t.assignee.personId;
  const r = followsRouting ? route(c.dir, enterpriseId, category) : null;
  if (!r) return undefined;
  return { to: r.assignee, via: r.via, team: r.team, projectId: r.projectId, leaderId: r.leaderId, responseDueAt: responseDueAt(c.now, t.urgency, c.calendar, c.policy) };
}

/**
 * The deadlines a ticket gets when its urgency is corrected: the answer deadline is the one 受理 would have given with
 * the right urgency (never before now: from now when it would be), unless a person moved it (延期, 重办, 待补充), which
 * stands; the 签收 deadline of a ticket waiting for it likewise from its dispatch. Pure.
 */
function urgencyDeadlines(t: Ticket, to: Urgency, c: CorrectionContext): { resolutionDueAt?: string; responseDueAt?: string } {
  const { calendar: cal, policy, now } = c;
  const out: { resolutionDueAt?: string; responseDueAt?: string } = {};
  const asAccepted = (u: Urgency) => resolutionDueAt(t.createdAt, u, t.requestedDate, cal, policy);
  if (!t.pausedAt && t.resolutionDueAt === asAccepted(t.urgency)) {
    const due = asAccepted(to);
    out.resolutionDueAt = due >= now ? due : resolutionDueAt(now, to, null, cal, policy);
  }
  if (t.status === 'pending_claim' && t.dispatchedAt && t.responseDueAt && t.responseDueAt === responseDueAt(t.dispatchedAt, t.urgency, cal, policy)) {
    const due = responseDueAt(t.dispatchedAt, to, cal, policy);
    out.responseDueAt = due >= now ? due : responseDueAt(now, to, cal, policy);
  }
  return out;
}

/** The action a correction comes to on ticket `t`, or a refusal (a category that is none of ours). Pure. */
export function correctionAction(t: Ticket, k: Correction, c: CorrectionContext): TicketAction | { refuse: string } {
  switch (k.field) {
    case 'dismiss':
      return { type: 'dismiss', ...(k.note ? { note: k.note } : {}) };
    case 'category':
      if (!k.to) return { refuse: UNKNOWN_CATEGORY(t.no) };
      return { type: 'correct', field: 'category', to: k.to, reroute: t.category === k.to ? undefined : rerouteFor(t, t.enterpriseId, k.to, c) };
    case 'urgency':
      return { type: 'correct', field: 'urgency', to: k.to, ...(t.urgency === k.to ? {} : urgencyDeadlines(t, k.to, c)) };
    case 'enterprise': {
      const e = c.dir.enterpriseByName(k.name);
      const to = e ? { name: e.name, id: e.id } : { name: k.name, id: null };
      const same = to.name === t.enterprise && to.id === t.enterpriseId;
      return { type: 'correct', field: 'enterprise', to, reroute: same ? undefined : rerouteFor(t, to.id, t.category, c) };
    }
  }
}

export const UNKNOWN_CATEGORY = (no: number) =>
  `未识别该类别。可选类别：${Object.values(CATEGORIES).join('、')}（例如“#${no} 类别改为 用工人才”）。`;
