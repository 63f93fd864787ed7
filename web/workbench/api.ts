/**
 * The workbench's client for /h5/api (docs/api.md): JSON in and out, the CSRF header on every POST, errors as
 * ApiError with the server's own Chinese sentence. A 401 anywhere tells the shell to show the sign-in state.
 */
import { reactive } from 'vue';

export const API = '/h5/api';

export type Role = 'enterprise' | 'cadre' | 'leader' | 'admin';
export interface Me {
  name: string;
  role: Role;
  roleLabel: string;
  personId: string | null;
  enterprise: string | null;
  platform: string;
  csrf: string;
  can: { todo: boolean; dashboard: boolean; ledger: boolean; ours: boolean };
}
export interface Config {
  wecom: { corpId: string; agentId: string | number } | null;
  dingtalk: { corpId: string; clientId: string } | null;
  botName: string;
}
export interface TimeLeft {
  text: string;
  overdue: boolean;
  soon: boolean;
}
export interface TicketRow {
  no: number;
  status: string;
  statusLabel: string;
  summary: string;
  category: string;
  categoryLabel: string;
  urgency: 'urgent' | 'normal';
  enterprise: string | null;
  assignee: string | null;
  dueAt: string | null;
  dueText: string | null;
  timeLeft: TimeLeft | null;
  createdAt: string;
  /** In lists: what this viewer may do with the ticket now. */
  actions?: Action[];
}
export interface TicketEvent {
  at: string;
  type: string;
  label: string;
  by: string | null;
  note: string | null;
}
export interface TicketDetail extends TicketRow {
  text: string | null;
  reporter: string | null;
  requestedDate: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  rating: { level: string; label: string } | null;
  pendingExtension: { to: string; reason: string; by: string } | null;
  events: TicketEvent[];
}
export type Action = 'claim' | 'progress' | 'transfer' | 'return' | 'extend' | 'approve_extension' | 'resolve' | 'rate' | 'reopen' | 'correct' | 'dismiss';
export interface Option {
  value: string;
  label: string;
}
export interface TicketList {
  total: number;
  page: number;
  pageSize: number;
  tickets: TicketRow[];
  filters: { statuses: Option[]; categories: Option[]; departments: Option[]; enterprises: Option[] };
}
export interface TicketView {
  ticket: TicketDetail;
  actions: Action[];
}
export interface ActionResult extends TicketView {
  ok: true;
  message: string;
}
export interface Person {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  role: string;
}
export interface Card {
  key: string;
  label: string;
  value: number | null;
  previous: number | null;
  unit: string;
}
export interface Dashboard {
  period: { kind: string; label: string; start: string; end: string };
  at: string;
  cards: Card[];
  series: { days: string[]; newTickets: number[]; answered: number[] };
  categories: { label: string; newTickets: number; open: number }[];
  departments: { name: string; open: number; overdue: number; answered: number; satisfied: number; rated: number }[];
  overdueTop: { no: number; enterprise: string | null; summary: string; assignee: string | null; workingDaysOverdue: number }[];
}

/** GET /h5/api/projects: 月调度 (month) or 年验收 (year), the fields the dashboard shows (docs/api.md). */
export interface ProjectTotals {
  projects: number;
  inProgress: number;
  finished: number;
  onTimeRate: number | null;
  averageWorkingDays: number | null;
  averagePromisedWorkingDays: number | null;
}
export interface ProjectRow {
  project: { id: string; name: string; enterprise: string | null };
  late: { itemId: string; finished: boolean }[];
  inProgress: boolean;
  /** 月调度: StartStatus (onTrack); 年验收: YearStart (met). */
  start: { onTrack?: boolean; met?: boolean | null; plannedStartDate?: string; achievedDate: string | null } | null;
}
export interface ProjectReport {
  month?: { label: string };
  year?: { label: string };
  today: string;
  projects: ProjectRow[];
  totals: ProjectTotals;
}

/** GET /h5/api/visits: 助企走访 of the month (docs/api.md). */
export interface VisitFigures {
  visits: number;
  personVisits: number;
  cadres: number;
  enterprises: number;
  problems: number;
  ticketed: number;
  solved: number;
}
export interface Rate {
  solved: number;
  base: number;
  rate: number | null;
}
export interface Coverage {
  covered: number;
  total: number;
  rate: number | null;
}
export interface KeyEnterprise {
  id: string;
  name: string;
  commissionerId: string | null;
  commissionerName: string | null;
  target: number;
  visits: number;
}
export interface VisitReport {
  period: { kind: string; key: string; label: string; start: string; end: string };
  month: { kind: string; key: string; label: string; start: string; end: string };
  end: string;
  through: string;
  figures: VisitFigures;
  ytd: VisitFigures;
  solveRate: { visits: Rate; overall: Rate };
  coverage: {
    keyEnterprises: Coverage;
    projects: Coverage;
    unvisitedEnterprises: KeyEnterprise[];
    belowTarget: KeyEnterprise[];
    unvisitedProjects: { id: string; name: string; enterpriseName: string | null }[];
  };
  cadresWithoutVisit: { id: string; name: string; department: string | null }[];
  byDepartment: {
    department: string;
    cadres: number;
    cadresVisited: number;
    visits: number;
    keyEnterprises: number;
    keyEnterprisesCovered: number;
    coverageRate: number | null;
  }[];
  byTaskforce: { projectId: string; projectName: string; members: number; membersVisited: number; projectVisits: number; projectVisited: boolean }[];
  unlinked: { no: number; date: string; enterpriseName: string; by: { name: string } }[];
}
/** GET /h5/api/visits/mine: 我的走访 (this month). */
export interface MyVisit {
  no: number;
  date: string;
  mode: string;
  modeLabel: string;
  enterpriseName: string;
  projectId: string | null;
  note: string;
  problems: { n: number; text: string; ticketNo: number | null }[];
  by: { personId: string | null; name: string };
  with: string[];
}
export interface MyVisits {
  personId: string;
  name: string | null;
  month: { key: string; label: string };
  visits: MyVisit[];
  assigned: number;
  notVisited: { id: string; name: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Shared state: the signed-in person (null before /me answers or when signed out) and the session's end. */
export const session = reactive({ me: null as Me | null, signedOut: false });

const FALLBACK: Record<number, string> = {
  401: '登录已失效，请重新进入工作台。',
  403: '您没有权限进行此操作。',
  404: '未找到。',
  409: '工单当前状态不允许此操作。',
  429: '操作过于频繁，请稍后再试。',
};

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: { auth?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    if (session.me?.csrf) headers['x-csrf-token'] = session.me.csrf;
  }
  let res: Response;
  try {
    res = await fetch(path.startsWith('/') ? path : `${API}/${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, '网络连接失败，请检查网络后重试。');
  }
  let data: unknown = null;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) data = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as { error?: unknown } | null)?.error;
    const message = typeof error === 'string' && error ? error : (FALLBACK[res.status] ?? `服务暂时不可用（${res.status}），请稍后再试。`);
    if (res.status === 401 && opts.auth !== false) session.signedOut = true;
    throw new ApiError(res.status, message);
  }
  return data as T;
}

export type Query = Record<string, string | number | null | undefined>;

export function qs(params: Query): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** GET /h5/api/common-issues: 共性问题, similar open problems of several enterprises (docs/api.md). */
export interface CommonIssues {
  at: string;
  windowDays: number;
  minEnterprises: number;
  groups: {
    label: string;
    category: string;
    categoryLabel: string;
    area: string | null;
    phrase: string;
    enterpriseCount: number;
    enterprises: string[];
    tickets: { no: number; enterprise: string | null; summary: string; statusLabel: string }[];
  }[];
}

export const api = {
  get: <T>(path: string, params: Query = {}, opts?: { auth?: boolean }) => request<T>('GET', `${path}${qs(params)}`, undefined, opts),
  post: <T>(path: string, body: unknown, opts?: { auth?: boolean }) => request<T>('POST', path, body, opts),
  me: () => request<Me>('GET', 'me', undefined, { auth: false }),
  config: () => request<Config>('GET', 'config'),
  tickets: (params: Query) => api.get<TicketList>('tickets', params),
  ticket: (no: number | string) => api.get<TicketView>(`tickets/${no}`),
  /** One action on a ticket; `requestId` is per submission (a retry after a lost answer reuses it). */
  act: (no: number, body: Record<string, unknown>, requestId: string = newRequestId()) =>
    api.post<ActionResult>(`tickets/${no}/actions`, { ...body, requestId }),
  people: (q: string) => api.get<{ people: Person[] }>('people', { q }),
  dashboard: (period: string, date?: string) => api.get<Dashboard>('dashboard', { period, date }),
  projects: (period: 'month' | 'year', date?: string) => api.get<ProjectReport>('projects', { period, date }),
  visits: (date?: string) => api.get<VisitReport>('visits', { date }),
  commonIssues: () => api.get<CommonIssues>('common-issues'),
  myVisits: () => api.get<MyVisits>('visits/mine'),
};

/** A fresh id per submission: the server applies a repeated submission (double tap, retry) once. */
export function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-http intranet deployments fall back to getRandomValues
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
