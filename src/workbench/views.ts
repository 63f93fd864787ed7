import { dueText, timeLeft, type TimeLeftCalendar } from '../domain/ticket-text.js';
import { MIN_ENTERPRISES, WINDOW_DAYS, type CommonIssueGroup } from '../domain/common-issues.js';
import type { DigestModel } from '../domain/digest.js';
import type { Actor, Directory } from '../domain/directory.js';
import { authorize, type Permission } from '../domain/permissions.js';
import { STEP_LABELS, type StepKind } from '../domain/sla.js';
import { ALLOWED_FROM, OUTCOMES, RATINGS, type RatingLevel, type TicketAction } from '../domain/ticket-state.js';
import { CATEGORIES, EVENT_LABELS, isOpen, TICKET_STATUSES, type Ticket } from '../domain/ticket.js';
import type { MyVisits, VisitReport } from '../domain/visit-report.js';
import { VISIT_MODES, visitCadres, type Visit } from '../domain/visit.js';

// (read as the chat's lists read it: domain/ticket-text.ts)
export { timeLeft };

/**
 * What the workbench page shows, made from tickets and the digest: the rows, the detail, the actions a viewer may
 * take and the dashboard's cards. Pure; the JSON shapes are documented in docs/api.md.
 */

export const WORKBENCH_ACTIONS = ['claim', 'progress', 'transfer', 'return', 'extend', 'approve_extension', 'resolve', 'rate', 'reopen', 'correct', 'dismiss'] as const;
export type WorkbenchAction = (typeof WORKBENCH_ACTIONS)[number];

/** Each page action: the chat's permission and the state machine's action it becomes. */
const ACTION_RULES: Record<WorkbenchAction, { permission: Permission; type: TicketAction['type'] }> = {
  claim: { permission: 'claim', type: 'claim' },
  progress: { permission: 'progress', type: 'progress' },
  transfer: { permission: 'transfer', type: 'transfer' },
  return: { permission: 'transfer', type: 'return' },
  extend: { permission: 'extend', type: 'extend' },
  approve_extension: { permission: 'approve_extension', type: 'approve_extension' },
  resolve: { permission: 'resolve', type: 'resolve' },
  rate: { permission: 'rate', type: 'rate' },
  reopen: { permission: 'reopen', type: 'reopen' },
  correct: { permission: 'correct', type: 'correct' },
  dismiss: { permission: 'correct', type: 'dismiss' },
};

export function permissionOf(action: WorkbenchAction): Permission {
  return ACTION_RULES[action].permission;
}

/** The actions this viewer may take on the ticket now: the chat's permission and the ticket's state both allow it. */
export function allowedActions(a: Actor, t: Ticket, now: string): WorkbenchAction[] {
  return WORKBENCH_ACTIONS.filter((name) => {
    const rule = ACTION_RULES[name];
    if (!authorize(rule.permission, a, t, now).ok) return false;
    if (name === 'approve_extension') return !!t.pendingExtension;
    return ALLOWED_FROM[rule.type].includes(t.status);
  });
}

type Cal = TimeLeftCalendar;

export interface TicketRow {
  no: number;
  status: Ticket['status'];
  statusLabel: string;
  summary: string;
  category: Ticket['category'];
  categoryLabel: string;
  urgency: Ticket['urgency'];
  enterprise: string | null;
  assignee: string | null;
  dueAt: string;
  dueText: string;
  timeLeft: { text: string; overdue: boolean; soon: boolean };
  createdAt: string;
}

export function ticketRow(t: Ticket, cal: Cal, now: string): TicketRow {
  return {
    no: t.no,
    status: t.status,
    statusLabel: TICKET_STATUSES[t.status],
    summary: t.summary,
    category: t.category,
    categoryLabel: CATEGORIES[t.category],
    urgency: t.urgency,
    enterprise: t.enterprise,
    assignee: t.assignee?.name ?? null,
    dueAt: t.resolutionDueAt,
    dueText: dueText(t, cal),
    timeLeft: timeLeft(t, cal, now),
    createdAt: t.createdAt,
  };
}

/** What the government side keeps to itself: reminders and escalations, extension requests awaiting a leader. */
const INTERNAL_EVENTS = new Set(['reminder', 'escalation', 'request_extension']);
/** Events the enterprise sees without their note (the reasons are the officials' own, as in chat). */
const NOTE_WITHHELD = new Set(['transfer', 'return', 'approve_extension']);

/**
 * The detail page: the row, the message, the history. An enterprise contact sees what chat tells the enterprise's
 * group: no reminders, escalations or pending extension requests, and no reasons for transfers and returns.
 */
export function ticketDetail(t: Ticket, cal: Cal, now: string, viewer?: Pick<Actor, 'role'>) {
  const rating = t.rating && t.rating.level in RATINGS ? { level: t.rating.level, label: RATINGS[t.rating.level as RatingLevel].label } : null;
  const outsider = !viewer || viewer.role === 'enterprise' || viewer.role === 'none';
  const answered = t.status === 'pending_rating' || !isOpen(t);
  const events = t.events.filter((e) => !(outsider && INTERNAL_EVENTS.has(e.type)));
  return {
    ...ticketRow(t, cal, now),
    text: t.text,
    reporter: t.reporter.name ?? null,
    requestedDate: t.requestedDate,
    // the outcome of the answer the ticket stands on: none once it was reopened (found trying the product: a reopened
    // ticket showed "办理结果 已解决" beside "评价 不满意")
    outcome: answered ? (t.outcome ?? null) : null,
    outcomeLabel: answered && t.outcome ? OUTCOMES[t.outcome] : null,
    rating,
    pendingExtension:
      t.pendingExtension && !outsider ? { to: cal.localDate(t.pendingExtension.to), reason: t.pendingExtension.reason, by: t.pendingExtension.by } : null,
    events: events.map((e) => ({
      at: e.at,
      type: e.type,
      label: EVENT_LABELS[e.type] ?? e.type,
      by: e.by?.name ?? e.by?.id ?? '',
      note: eventNote(e, cal, outsider),
    })),
  };
}

/**
 * What an event says on the page: its note, with what its data holds that the note does not — to whom it was sent
 * or passed, the outcome, the rating, the new deadline, the reminder's step (found trying the product: the history
 * said "转办 张伟" and "评价 孙总" and no more). An outsider is not shown the reasons for 转办 and 退单, as in chat.
 */
function eventNote(e: Ticket['events'][number], cal: Cal, outsider: boolean): string {
  const d = e.data ?? {};
  const note = outsider && NOTE_WITHHELD.has(e.type) ? '' : e.note ?? '';
  const to = (d.to as { name?: string } | undefined)?.name;
  const parts: string[] = [];
  if (e.type === 'dispatch' && to) parts.push(`派给 ${to}`);
  if ((e.type === 'transfer' || e.type === 'return') && to) parts.push(`转由 ${to} 办理`);
  if (e.type === 'resolve' && typeof d.outcome === 'string' && d.outcome in OUTCOMES) parts.push(OUTCOMES[d.outcome as keyof typeof OUTCOMES]);
  if (e.type === 'rate' && typeof d.level === 'string' && d.level in RATINGS) parts.push(RATINGS[d.level as RatingLevel].label + (d.reopened ? '，转入重办' : ''));
  // a step recorded with nobody told: overtaken by a later one, or a level of the ladder with nobody of its own
  if ((e.type === 'reminder' || e.type === 'escalation') && typeof d.step === 'string' && d.step in STEP_LABELS) {
    parts.push(STEP_LABELS[d.step as StepKind] + (Array.isArray(d.recipients) && !d.recipients.length ? '（未发送）' : ''));
  }
  if (note) parts.push(note);
  else if (e.type === 'recurrence') parts.push(linkNote(e));
  if (typeof d.resolutionDueAt === 'string' && d.resolutionDueAt !== d.previousDue) parts.push(`办理时限 ${cal.localDate(d.resolutionDueAt)}`);
  return parts.filter(Boolean).join('；');
}

/** What a 回潮 event says of the other ticket (it carries no note): the earlier one, or the later one that reports it again. */
function linkNote(e: Ticket['events'][number]): string {
  if (e.type !== 'recurrence') return '';
  if (typeof e.data?.of === 'number') return `与 #${e.data.of} 反映的问题相同（该单已答复）`;
  if (typeof e.data?.later === 'number') return `#${e.data.later} 再次反映了此问题`;
  return '';
}

/** The filter choices the list pages offer. */
export function filterChoices(dir: Directory) {
  return {
    statuses: [{ value: 'open', label: '在办' }, ...Object.entries(TICKET_STATUSES).map(([value, label]) => ({ value, label }))],
    categories: Object.entries(CATEGORIES).map(([value, label]) => ({ value, label })),
    departments: dir.data.departments.map((d) => ({ value: d.id, label: d.name })),
    enterprises: dir.data.enterprises.map((e) => ({ value: e.id, label: e.name })),
  };
}

/** The dashboard's cards: the digest's own numbers, each with the previous period's where the digest has it. */
export function dashboardCards(d: DigestModel, prev: DigestModel | null) {
  const card = (key: string, label: string, value: number | null, previous: number | null, unit: string) => ({ key, label, value, previous, unit });
  return [
    card('newTickets', '新增', d.numbers.newTickets, d.previous.newTickets, '件'),
    card('answered', '办结', d.numbers.answered, d.previous.answered, '件'),
    card('open', '在办', d.numbers.open, d.previous.open, '件'),
    card('overdue', '超期', d.overdue.count, d.previous.overdue, '件'),
    card('solveRate', '破解率', d.solveRate.rate, prev?.solveRate.rate ?? null, '%'),
    card('responseRate', '响应率', d.responseRate.rate, prev?.responseRate.rate ?? null, '%'),
    card('satisfaction', '满意率', d.satisfaction.period.rate, prev?.satisfaction.period.rate ?? null, '%'),
    card('participation', '参评率', d.satisfaction.period.participation, prev?.satisfaction.period.participation ?? null, '%'),
  ];
}

/**
 * 助企走访 on the dashboard (GET /h5/api/visits): the month's figures, year to date, 破解率, coverage, who has not
 * visited and by department. What people wrote is not sent: the unlinked visits go as number, date, enterprise and
 * author only (their notes and problems, the chats they came from and the edit history stay on the server), and the
 * coverage lists as the key enterprises and projects not (fully) visited.
 */
export function visitsView(r: VisitReport) {
  const range = (p: VisitReport['period']) => ({ kind: p.period, key: p.key, label: p.label, start: p.start, end: p.end });
  const c = r.coverage;
  const enterprise = (e: VisitReport['coverage']['unvisitedEnterprises'][number]) => ({
    id: e.id,
    name: e.name,
    commissionerId: e.commissionerId,
    commissionerName: e.commissionerName,
    target: e.target,
    visits: e.visits,
  });
  return {
    period: range(r.period),
    month: range(r.month),
    end: r.end,
    /** The last local date counted (YYYY-MM-DD). */
    through: lastDate(r.windows.period.to),
    figures: r.figures,
    ytd: r.ytd,
    solveRate: r.solveRate,
    coverage: {
      // each key enterprise and project with its month's visits (names and counts: nothing of a visit's content)
      keyEnterprises: {
        covered: c.keyEnterprises.covered,
        total: c.keyEnterprises.total,
        rate: c.keyEnterprises.rate,
        list: c.keyEnterprises.list.map((e) => ({ ...enterprise(e), covered: e.covered })),
      },
      projects: {
        covered: c.projects.covered,
        total: c.projects.total,
        rate: c.projects.rate,
        list: c.projects.list.map((p) => ({ id: p.id, name: p.name, enterpriseName: p.enterpriseName, visits: p.visits, covered: p.covered })),
      },
      unvisitedEnterprises: c.unvisitedEnterprises.map(enterprise),
      /** Visited this month, but fewer times than their monthly target. */
      belowTarget: c.keyEnterprises.list.filter((e) => e.visits > 0 && !e.covered).map(enterprise),
      unvisitedProjects: c.unvisitedProjects.map((p) => ({ id: p.id, name: p.name, enterpriseName: p.enterpriseName })),
    },
    cadresWithoutVisit: r.cadresWithoutVisit.map((p) => ({ id: p.id, name: p.name, department: p.department })),
    byDepartment: r.byDepartment,
    byTaskforce: r.byTaskforce,
    unlinked: r.unlinked.map((v) => ({ no: v.no, date: v.date, enterpriseName: v.enterpriseName, by: { name: v.by.name } })),
  };
}
export type VisitsView = ReturnType<typeof visitsView>;

/** The day before a window's exclusive end (YYYY-MM-DD → YYYY-MM-DD), in plain calendar arithmetic. */
function lastDate(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** One visit as its cadre's own card shows it: no chat, message or edit history. */
function visitItem(v: Visit, personId: string) {
  return {
    no: v.no,
    date: v.date,
    mode: v.mode,
    modeLabel: VISIT_MODES[v.mode] ?? v.mode,
    enterpriseName: v.enterpriseName,
    projectId: v.projectId,
    note: v.note,
    problems: v.problems.map((p) => ({ n: p.n, text: p.text, ticketNo: p.ticketNo })),
    by: { personId: v.by.personId, name: v.by.name },
    /** The others on the visit (not the viewer), by name. */
    with: visitCadres(v)
      .filter((c) => c.personId !== personId)
      .map((c) => c.name),
  };
}

/** 我的走访 (GET /h5/api/visits/mine): the viewer's visits this month and the key enterprises of theirs not yet visited. */
export function myVisitsView(m: MyVisits) {
  return {
    personId: m.personId,
    name: m.name,
    month: { key: m.month.key, label: m.month.label },
    visits: m.visits.map((v) => visitItem(v, m.personId)),
    assigned: m.assigned,
    notVisited: m.notVisited.map((e) => ({ id: e.id, name: e.name })),
  };
}
export type MyVisitsView = ReturnType<typeof myVisitsView>;

/**
 * 共性问题 on the leaders' dashboard (GET /h5/api/common-issues): each group with its tickets' number, enterprise,
 * problem and state, from the open tickets the groups were made of (`tickets`). Leaders and admins only: a group
 * names several enterprises' problems.
 */
export function commonIssuesView(groups: readonly CommonIssueGroup[], tickets: readonly Ticket[], at: string) {
  const byNo = new Map(tickets.map((t) => [t.no, t]));
  return {
    at,
    windowDays: WINDOW_DAYS,
    minEnterprises: MIN_ENTERPRISES,
    groups: groups.map((g) => ({
      label: g.label,
      category: g.category,
      categoryLabel: g.categoryLabel,
      area: g.area,
      phrase: g.phrase,
      enterpriseCount: g.enterpriseCount,
      enterprises: g.enterprises,
      tickets: g.tickets.map((no) => {
        const t = byNo.get(no);
        return { no, enterprise: t?.enterprise ?? null, summary: t?.summary ?? '', statusLabel: t ? TICKET_STATUSES[t.status] : '' };
      }),
    })),
  };
}
export type CommonIssuesView = ReturnType<typeof commonIssuesView>;
