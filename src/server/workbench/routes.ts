import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import Router from '@koa/router';
import type { Context, Middleware, Next } from 'koa';
import compress from 'koa-compress';
import koaStatic from 'koa-static';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Config } from '../../../config/index.js';
import { workbenchEventId, type WorkbenchRequest } from '../../bot/bot.js';
import { sourceId } from '../../bot/ticket-service.js';
import type { ProjectReport, ProjectReportKind } from '../../bot/project-service.js';
import type { TicketCommand, WorkbenchIdentity } from '../../bot/context.js';
import type { DigestService } from '../../digest/digest-service.js';
import type { BusinessCalendar } from '../../domain/calendar.js';
import { previousPeriod } from '../../domain/digest.js';
import { groupCommonIssues, WINDOW_DAYS } from '../../domain/common-issues.js';
import type { Actor, Directory } from '../../domain/directory.js';
import { authorize } from '../../domain/permissions.js';
import { toAssignee } from '../../domain/routing.js';
import { OUTCOMES, RATINGS, type Outcome, type RatingLevel } from '../../domain/ticket-state.js';
import { UNKNOWN_CATEGORY } from '../../domain/correction.js';
import { categoryFrom } from '../../domain/parse/commands.js';
import { CATEGORIES, OPEN_STATUSES, TICKET_STATUSES, type Ticket, type TicketStatus } from '../../domain/ticket.js';
import type { LedgerFilter } from '../../ledger/export.js';
import type { Logger } from '../../shared/logger.js';
import { PageCursorError } from '../../shared/page-cursor.js';
import { searchCursor, type TicketQuery, type TicketRepository } from '../../store/repositories/ticket.repository.js';
import {
  allowedActions,
  commonIssuesView,
  dashboardCards,
  filterChoices,
  myVisitsView,
  permissionOf,
  ticketDetail,
  ticketRow,
  visitsView,
  type WorkbenchAction,
} from '../../workbench/views.js';
import { readRawBody } from '../raw-body.js';
import { SESSION_TTL_SEC, type Session, type SessionStore } from './sessions.js';

/** The clients' identity services (platform adapters), present when that platform is configured for the workbench. */
export interface WorkbenchIdentityServices {
  wecom?: {
    corpId: string;
    agentId: number;
    authorizeUrl(redirectUri: string, state: string): string;
    userIdFromCode(code: string): Promise<string>;
    sign(kind: 'corp' | 'agent', url: string): Promise<{ timestamp: number; nonceStr: string; signature: string }>;
  };
  dingtalk?: {
    corpId: string;
    clientId: string;
    userIdFromAuthCode(code: string): Promise<string>;
    sign(url: string): Promise<Record<string, unknown>>;
  };
  /** An invalid, used or expired sign-in code (WeCom 40029 and the like): the person gets a clear page, not a 5xx. */
  isCodeError(err: unknown): boolean;
}

export interface WorkbenchDeps {
  config: Readonly<Config>;
  log: Logger;
  now: () => Date;
  sessions: SessionStore;
  directory(): Promise<Directory>;
  tickets: Pick<TicketRepository, 'getByNo' | 'search' | 'searchPage'>;
  calendar: BusinessCalendar;
  digests: DigestService;
  /** The 问题台账 workbook, streamed as it is written (exportLedger). */
  ledger(f: LedgerFilter): Promise<Readable>;
  /** 月调度 / 季观摩 / 年验收 over the directory's projects, for the period containing `date` (default today): the chat's report. */
  projectReport(kind: ProjectReportKind, date?: string): Promise<ProjectReport>;
  perform(req: WorkbenchRequest): Promise<{ done: boolean; message: string }>;
  identity: WorkbenchIdentityServices;
  /** The built pages (dist/web). */
  webRoot: string;
}

const COOKIE = 'xiaoer_sid';
/** 共性问题: the most open tickets read for the groups (GET /h5/api/common-issues). */
const COMMON_ISSUES_MAX = 5000;
const ROLE_LABELS: Record<Actor['role'], string> = { enterprise: '企业联系人', cadre: '工作人员', leader: '领导', admin: '管理员', none: '访客' };

const first = (v: unknown): string | undefined => (Array.isArray(v) ? first(v[0]) : typeof v === 'string' && v !== '' ? v : undefined);
const isStaff = (a: Actor) => a.role === 'cadre' || a.role === 'leader' || a.role === 'admin';

function fail(ctx: Context, status: number, error: string): void {
  ctx.status = status;
  ctx.body = { error };
}

/** A short Chinese page for the sign-in routes (they are opened by people, not by the page's code). */
function messagePage(ctx: Context, status: number, title: string, text: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  ctx.body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>body{font-family:system-ui,sans-serif;margin:0;padding:48px 24px;color:#323233;background:#f7f8fa;text-align:center}h1{font-size:20px}p{color:#646566;line-height:1.6}</style></head><body><h1>${esc(title)}</h1><p>${esc(text)}</p></body></html>`;
}

/** Only a path inside the workbench may be a place to return to after signing in. */
function safeNext(next: string | undefined): string {
  return next && /^[A-Za-z0-9/_-]{0,100}$/.test(next) && !next.startsWith('/') ? next : '';
}

const actionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('claim') }),
  z.object({ action: z.literal('progress'), note: z.string().trim().min(1, '请填写进展内容').max(500) }),
  z.object({
    action: z.literal('transfer'),
    to: z.union([z.object({ personId: z.string().min(1).max(64) }), z.object({ platform: z.enum(['wecom', 'dingtalk']), userId: z.string().min(1).max(128) })]),
    note: z.string().trim().max(500).optional(),
  }),
  z.object({ action: z.literal('return'), reason: z.string().trim().min(1, '请填写退单理由').max(500) }),
  z.object({ action: z.literal('extend'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择延期到的日期'), reason: z.string().trim().min(1, '请填写延期理由').max(500) }),
  z.object({ action: z.literal('approve_extension') }),
  z.object({ action: z.literal('resolve'), outcome: z.enum(Object.keys(OUTCOMES) as [Outcome, ...Outcome[]]), note: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('rate'), level: z.enum(Object.keys(RATINGS) as [RatingLevel, ...RatingLevel[]]), note: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal('reopen'), note: z.string().trim().max(500).optional() }),
  // 更正: the category (a key of CATEGORIES or its label), the urgency (urgent | normal) or the enterprise's name
  z.object({ action: z.literal('correct'), field: z.enum(['category', 'urgency', 'enterprise']), value: z.string().trim().min(1, '请填写更正后的内容').max(60) }),
  z.object({ action: z.literal('dismiss'), note: z.string().trim().max(500).optional() }),
]);
const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * The H5 workbench: the built pages under /h5/, sign-in (one-time links, WeCom OAuth2, DingTalk 免登), sessions in
 * Redis behind a signed HttpOnly cookie, CSRF on every change, and the JSON API of docs/api.md. Every read checks
 * the chat's permission matrix; every change is performed by the chat handlers' own code (`perform`).
 */
export function createWorkbench(deps: WorkbenchDeps): { router: Router; assets: Middleware } {
  const router = new Router();
  const cal = deps.calendar;
  const nowIso = () => deps.now().toISOString();
  const indexFile = join(deps.webRoot, 'index.html');
  /** The built page, read once (the build does not change under a running bot). */
  let indexHtml: Buffer | null = null;
  const serveAssets = koaStatic(deps.webRoot, { index: false, maxage: 365 * 86_400_000, immutable: true, gzip: false, brotli: false });

  /** /h5/assets/* from the build (hashed names: cached for good). */
  const serveBuilt: Middleware = async (ctx, next) => {
    if (!ctx.path.startsWith('/h5/assets/') || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const original = ctx.path;
    ctx.path = original.slice('/h5'.length);
    try {
      await serveAssets(ctx, async () => undefined);
    } finally {
      ctx.path = original;
    }
    if (ctx.status === 404 && !ctx.body) fail(ctx, 404, '未找到');
  };
  // the pages, their scripts and the API answers are compressed for phones (gzip or brotli, as the browser asks)
  const gzip = compress({ threshold: 1024 });
  const assets: Middleware = (ctx, next) => (ctx.path === '/h5' || ctx.path.startsWith('/h5/') || ctx.path === '/simulator' ? gzip(ctx, () => serveBuilt(ctx, next)) : next());

  const publicUrl = deps.config.publicUrl;
  // behind https (the public address says so) the cookie is Secure even when a proxy does not say X-Forwarded-Proto
  const httpsOnly = !!publicUrl?.startsWith('https://');
  const cookieOpts = (ctx: Context) => {
    if (httpsOnly) ctx.cookies.secure = true;
    return { signed: true, httpOnly: true, sameSite: 'lax' as const, path: '/h5', secure: httpsOnly || ctx.secure, overwrite: true };
  };

  async function signIn(ctx: Context, who: WorkbenchIdentity): Promise<void> {
    const { sid } = await deps.sessions.createSession(who);
    ctx.cookies.set(COOKIE, sid, { ...cookieOpts(ctx), maxAge: SESSION_TTL_SEC * 1000 });
  }

  async function sessionOf(ctx: Context): Promise<Session | null> {
    return deps.sessions.getSession(ctx.cookies.get(COOKIE, { signed: true }));
  }

  // —— the page ——
  const page = async (ctx: Context) => {
    // inside WeCom, a person without a session is signed in silently (OAuth2 snsapi_base) first
    const wecom = deps.identity.wecom;
    if (wecom && publicUrl && /wxwork/i.test(ctx.get('user-agent')) && !(await sessionOf(ctx))) {
      const state = await deps.sessions.saveState(safeNext(ctx.path.replace(/^\/h5\/?/, '')));
      ctx.redirect(wecom.authorizeUrl(`${publicUrl}/h5/auth/wecom`, state));
      return;
    }
    if (!indexHtml && existsSync(indexFile)) indexHtml = readFileSync(indexFile);
    if (!indexHtml) return messagePage(ctx, 503, '页面尚未构建', '请先运行 npm run build。');
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = indexHtml;
  };

  router.get('/h5/login', async (ctx) => {
    const who = await deps.sessions.consumeLink(first(ctx.query.t) ?? '');
    if (!who) return messagePage(ctx, 401, '登录链接已失效', `该链接已使用或已超过10分钟有效期。请向${deps.config.botName}发送“工作台”获取新的链接。`);
    await signIn(ctx, who);
    ctx.redirect(`/h5/${safeNext(first(ctx.query.next))}`);
  });

  router.get('/h5/auth/wecom', async (ctx) => {
    const wecom = deps.identity.wecom;
    if (!wecom) return messagePage(ctx, 404, '未开通', '本系统未配置企业微信应用。');
    const code = first(ctx.query.code);
    const next = await deps.sessions.takeState(first(ctx.query.state) ?? '');
    if (!code || next === null) return messagePage(ctx, 401, '登录未完成', '登录已过期，请从企业微信工作台重新打开。');
    let userId: string;
    try {
      userId = await wecom.userIdFromCode(code);
    } catch (err) {
      if (!deps.identity.isCodeError(err)) throw err;
      return messagePage(ctx, 401, '登录凭证无效', '登录凭证无效或已过期，请从企业微信工作台重新打开。');
    }
    await signIn(ctx, { platform: 'wecom', userId });
    ctx.redirect(`/h5/${next}`);
  });

  router.post('/h5/auth/dingtalk', async (ctx) => {
    const dingtalk = deps.identity.dingtalk;
    if (!dingtalk) return fail(ctx, 404, '本系统未配置钉钉应用。');
    // JSON only: a form posted from another site cannot sign anyone in
    if (!ctx.is('application/json')) return fail(ctx, 415, '请求格式有误。');
    const body = await jsonBody(ctx);
    const code = typeof body?.authCode === 'string' && body.authCode.length <= 256 ? body.authCode : '';
    if (!code) return fail(ctx, 400, '缺少免登授权码。');
    let userId: string;
    try {
      userId = await dingtalk.userIdFromAuthCode(code);
    } catch (err) {
      if (!deps.identity.isCodeError(err)) throw err;
      return fail(ctx, 401, '免登授权码无效或已过期，请重新打开工作台。');
    }
    await signIn(ctx, { platform: 'dingtalk', userId });
    ctx.body = { ok: true };
  });

  router.get('/h5/api/config', (ctx) => {
    const { wecom, dingtalk } = deps.identity;
    ctx.body = {
      wecom: wecom ? { corpId: wecom.corpId, agentId: wecom.agentId } : null,
      dingtalk: dingtalk ? { corpId: dingtalk.corpId, clientId: dingtalk.clientId } : null,
      botName: deps.config.botName,
    };
  });

  // —— the API: a session for everything below; the CSRF token for every change ——
  const api = new Router({ prefix: '/h5/api' });
  api.use(async (ctx: Context, next: Next) => {
    ctx.set('Cache-Control', 'no-store');
    const session = await sessionOf(ctx);
    if (!session) return fail(ctx, 401, '未登录或登录已过期，请重新进入工作台。');
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD' && ctx.get('x-csrf-token') !== session.csrf) return fail(ctx, 403, '页面已过期，请刷新后重试。');
    const directory = await deps.directory();
    ctx.state.session = session;
    ctx.state.directory = directory;
    ctx.state.actor = directory.actor(session.who.platform, session.who.userId, session.who.chatId ?? '');
    await next();
  });
  const who = (ctx: Context) => (ctx.state.session as Session).who;
  const actorOf = (ctx: Context) => ctx.state.actor as Actor;
  const dirOf = (ctx: Context) => ctx.state.directory as Directory;
  const canDigest = (a: Actor) => authorize('digest', a, null, nowIso()).ok;

  api.post('/logout', async (ctx) => {
    const sid = ctx.cookies.get(COOKIE, { signed: true });
    if (sid) await deps.sessions.endSession(sid);
    ctx.cookies.set(COOKIE, '', { ...cookieOpts(ctx), maxAge: 0 });
    ctx.body = { ok: true };
  });

  api.get('/me', (ctx) => {
    const a = actorOf(ctx);
    const session = ctx.state.session as Session;
    const enterprise = dirOf(ctx).enterprise(a.enterpriseId);
    ctx.body = {
      name: a.name ?? session.who.name ?? '访客',
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      personId: a.personId ?? null,
      enterprise: enterprise?.name ?? null,
      platform: session.who.platform,
      csrf: session.csrf,
      can: { todo: isStaff(a), dashboard: canDigest(a), ledger: canDigest(a), ours: a.role === 'enterprise' || a.role === 'none' },
    };
  });

  /** The page's filters as a query; a message for a bad one. */
  function filters(ctx: Context, dir: Directory): TicketQuery | string {
    const q: TicketQuery = {};
    const status = first(ctx.query.status);
    if (status === 'open') q.statuses = [...OPEN_STATUSES];
    else if (status) {
      if (!(status in TICKET_STATUSES)) return '未知的状态。';
      q.statuses = [status as TicketStatus];
    }
    const category = first(ctx.query.category);
    if (category) {
      if (!(category in CATEGORIES)) return '未知的类别。';
      q.category = category;
    }
    const enterprise = first(ctx.query.enterprise);
    if (enterprise) q.enterpriseId = dir.enterprise(enterprise)?.id ?? dir.data.enterprises.find((e) => e.name === enterprise)?.id ?? `unknown:${enterprise}`;
    const department = first(ctx.query.department);
    if (department) {
      const d = dir.data.departments.find((x) => x.id === department);
      if (!d) return '未知的部门。';
      q.assignees = dir.data.people.filter((p) => p.department === d.id || p.department === d.name).map((p) => p.id);
    }
    for (const k of ['from', 'to'] as const) {
      const v = first(ctx.query[k]);
      if (!v) continue;
      const d = DateTime.fromISO(v, { zone: cal.timezone });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !d.isValid) return '日期格式应为 YYYY-MM-DD。';
      q[k] = (k === 'from' ? d : d.plus({ days: 1 })).toUTC().toISO()!;
    }
    const text = first(ctx.query.q)?.trim().slice(0, 50);
    if (text) {
      const no = /^#?\s*(\d{1,7})$/.exec(text)?.[1];
      if (no) q.no = Number(no);
      else q.text = text;
    }
    return q;
  }

  api.get('/tickets', async (ctx) => {
    const a = actorOf(ctx);
    const dir = dirOf(ctx);
    const scope = first(ctx.query.scope) ?? 'mine';
    const q = filters(ctx, dir);
    if (typeof q === 'string') return fail(ctx, 400, q);
    let sort: 'todo' | 'newest' = 'newest';
    if (scope === 'mine') {
      if (!isStaff(a) || !a.personId) return fail(ctx, 403, '抱歉，只有工作人员才能查看待办。');
      q.mineOf = a.personId;
      q.statuses ??= [...OPEN_STATUSES];
      sort = 'todo';
    } else if (scope === 'ours') {
      if (a.role !== 'enterprise' && a.role !== 'none') return fail(ctx, 403, '“我们的问题”供企业联系人使用。');
      q.oursOf = { enterpriseId: a.enterpriseId, reporter: { platform: who(ctx).platform, id: who(ctx).userId } };
    } else if (scope === 'all') {
      if (!canDigest(a)) return fail(ctx, 403, '抱歉，只有领导和管理员才能查看问题台账。');
    } else return fail(ctx, 400, 'scope 只能是 mine、ours 或 all。');
    const page = Math.max(1, Number(first(ctx.query.page)) || 1);
    const pageSize = Math.min(100, Math.max(1, Number(first(ctx.query.pageSize)) || 20));
    // `cursor` (a nextCursor given before) continues after that row, in the same order; else `page` is an offset.
    // Either way the answer carries the cursor of the next page (null on the last).
    const cursor = first(ctx.query.cursor);
    let found: { total: number; tickets: Awaited<ReturnType<TicketRepository['search']>>['tickets']; nextCursor: string | null };
    if (cursor) {
      try {
        found = await deps.tickets.searchPage(q, { sort, cursor, limit: pageSize });
      } catch (err) {
        if (err instanceof PageCursorError) return fail(ctx, 400, '分页游标无效，请从第一页重新查看。');
        throw err;
      }
    } else {
      const skip = (page - 1) * pageSize;
      const r = await deps.tickets.search(q, { sort, skip, limit: pageSize });
      const last = r.tickets.at(-1);
      found = { ...r, nextCursor: last && skip + r.tickets.length < r.total ? searchCursor(sort, last) : null };
    }
    const now = nowIso();
    // each row says what this viewer may do with it (评价 on 我们的问题 without asking for every ticket)
    const tickets = found.tickets.map((t) => ({ ...ticketRow(t, cal, now), actions: allowedActions(a, t, now) }));
    ctx.body = { total: found.total, page: cursor ? null : page, pageSize, nextCursor: found.nextCursor, tickets, filters: filterChoices(dir) };
  });

  /** The ticket, when this viewer may see it (else the answer is given: 404 or 403 with the chat's sentence). */
  async function visibleTicket(ctx: Context) {
    const no = Number(ctx.params.no);
    const t = Number.isInteger(no) && no > 0 && no < 1e9 ? await deps.tickets.getByNo(no) : null;
    if (!t) {
      fail(ctx, 404, `未找到工单 #${ctx.params.no}，请核对编号。`);
      return null;
    }
    const auth = authorize('view', actorOf(ctx), t, nowIso());
    if (!auth.ok) {
      fail(ctx, 403, auth.message);
      return null;
    }
    return t;
  }

  api.get('/tickets/:no', async (ctx) => {
    const t = await visibleTicket(ctx);
    if (!t) return;
    const now = nowIso();
    ctx.body = { ticket: ticketDetail(t, cal, now, actorOf(ctx)), actions: allowedActions(actorOf(ctx), t, now) };
  });

  api.post('/tickets/:no/actions', async (ctx) => {
    const body = await jsonBody(ctx);
    const parsed = actionSchema.safeParse(body);
    const requestId = requestIdSchema.safeParse(body?.requestId);
    if (!parsed.success) return fail(ctx, 400, parsed.error.issues[0]?.message.match(/[\u4e00-\u9fff]/) ? parsed.error.issues[0].message : '请求内容有误。');
    if (!requestId.success) return fail(ctx, 400, '缺少请求编号（requestId）。');
    const t = await visibleTicket(ctx);
    if (!t) return;
    const a = actorOf(ctx);
    const action = parsed.data.action as WorkbenchAction;
    const command = toCommand(parsed.data, t.no, dirOf(ctx));
    if (typeof command === 'string') return fail(ctx, 400, command);
    const req = { who: who(ctx), requestId: requestId.data, command };
    // a repeated submission (a retry after a lost answer) is answered as done, even when the ticket has moved on
    const source = sourceId({ platform: req.who.platform, eventId: workbenchEventId(req) });
    if (!t.events.some((e) => e.source === source)) {
      const auth = authorize(permissionOf(action), a, t, nowIso());
      if (!auth.ok) return fail(ctx, 403, auth.message);
    }
    const result = await deps.perform(req);
    const after = (await deps.tickets.getByNo(t.no))!;
    const now = nowIso();
    if (!result.done) return fail(ctx, 409, result.message || '当前状态下不能进行该操作。');
    ctx.body = { ok: true, message: result.message, ticket: ticketDetail(after, cal, now, a), actions: allowedActions(a, after, now) };
  });

  function toCommand(b: z.infer<typeof actionSchema>, no: number, dir: Directory): TicketCommand | string {
    switch (b.action) {
      case 'claim':
      case 'approve_extension':
        return { kind: b.action, no };
      case 'progress':
        return { kind: 'progress', no, note: b.note };
      case 'transfer': {
        const p = 'personId' in b.to ? dir.person(b.to.personId) : dir.personByPlatformId(b.to.platform, b.to.userId);
        if (!p || p.role === 'enterprise') return '未在名录中找到该工作人员，请重新选择。';
        return { kind: 'transfer', no, to: toAssignee(p), note: b.note || undefined };
      }
      case 'return':
        return { kind: 'return', no, reason: b.reason };
      case 'extend': {
        if (!DateTime.fromISO(b.date).isValid) return '请选择延期到的日期。';
        const due = cal.endOfWorkingDay(b.date);
        return { kind: 'extend', no, reason: b.reason, due: () => due };
      }
      case 'resolve':
        return { kind: 'resolve', no, outcome: b.outcome, note: b.note || undefined };
      case 'rate':
        return { kind: 'rate', no, level: b.level, note: b.note || undefined };
      case 'reopen':
        return { kind: 'reopen', no, note: b.note || undefined };
      case 'correct': {
        if (b.field === 'urgency') {
          if (b.value !== 'urgent' && b.value !== 'normal') return '紧急程度只能是 urgent（紧急）或 normal（一般）。';
          return { kind: 'correct', no, correction: { field: 'urgency', to: b.value } };
        }
        if (b.field === 'enterprise') return { kind: 'correct', no, correction: { field: 'enterprise', name: b.value } };
        const to = categoryFrom(b.value);
        return to ? { kind: 'correct', no, correction: { field: 'category', to, text: b.value } } : UNKNOWN_CATEGORY(no);
      }
      case 'dismiss':
        return { kind: 'correct', no, correction: { field: 'dismiss', ...(b.note ? { note: b.note } : {}) } };
    }
  }

  api.get('/people', (ctx) => {
    if (!isStaff(actorOf(ctx))) return fail(ctx, 403, '抱歉，只有工作人员才能选择转办对象。');
    const q = (first(ctx.query.q) ?? '').trim();
    const people = dirOf(ctx)
      .data.people.filter((p) => p.role !== 'enterprise' && (!q || p.name.includes(q) || (p.department ?? '').includes(q) || (p.title ?? '').includes(q)))
      .slice(0, 50)
      .map((p) => ({ id: p.id, name: p.name, title: p.title ?? null, department: p.department ?? null, role: p.role }));
    ctx.body = { people };
  });

  api.get('/dashboard', async (ctx) => {
    if (!canDigest(actorOf(ctx))) return fail(ctx, 403, '抱歉，只有领导和管理员才能查看看板。');
    const kind = first(ctx.query.period) ?? 'day';
    if (!['day', 'week', 'month', 'year'].includes(kind)) return fail(ctx, 400, 'period 只能是 day、week、month 或 year。');
    const date = first(ctx.query.date);
    if (date && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid)) return fail(ctx, 400, '日期格式应为 YYYY-MM-DD。');
    const now = deps.now();
    const range = deps.digests.range(kind as 'day', date, now);
    const [model, prev] = await Promise.all([deps.digests.build(range, now), deps.digests.build(previousPeriod(range, cal.timezone), now)]);
    // the 30 days of the chart end with the period's last day, or today while it runs
    const lastDay = DateTime.fromISO(range.end).setZone(cal.timezone).minus({ days: 1 }).toISODate()!;
    const today = cal.localDate(now);
    const series = await deps.digests.series(lastDay < today ? lastDay : today, 30);
    ctx.body = {
      period: { kind, label: range.label, start: range.start, end: range.end },
      at: model.at,
      cards: dashboardCards(model, prev),
      series,
      categories: model.categories.map((c) => ({ label: c.label, newTickets: c.newTickets, open: c.open })),
      departments: model.byDepartment,
      overdueTop: model.overdue.top.slice(0, 10).map((r) => ({ no: r.no, enterprise: r.enterprise, summary: r.summary, assignee: r.assignee, workingDaysOverdue: r.workingDaysOverdue })),
    };
  });

  // 共性问题: the open tickets of the window grouped (domain/common-issues.ts), read as the ledger's list reads them
  api.get('/common-issues', async (ctx) => {
    if (!canDigest(actorOf(ctx))) return fail(ctx, 403, '抱歉，只有领导和管理员才能查看共性问题。');
    const now = deps.now();
    const from = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
    const open: Ticket[] = [];
    // pages of 200 (the list's largest) after a cursor (none read twice while tickets arrive), at most
    // COMMON_ISSUES_MAX tickets: the open tickets of 30 days are far fewer
    let cursor: string | undefined;
    do {
      const r = await deps.tickets.searchPage({ statuses: [...OPEN_STATUSES], from }, { sort: 'newest', cursor, limit: 200 });
      open.push(...r.tickets);
      cursor = r.nextCursor ?? undefined;
    } while (cursor && open.length < COMMON_ISSUES_MAX);
    const groups = groupCommonIssues(open, { now: now.toISOString(), directory: dirOf(ctx) });
    ctx.body = commonIssuesView(groups, open, now.toISOString());
  });

  api.get('/projects', async (ctx) => {
    if (!canDigest(actorOf(ctx))) return fail(ctx, 403, '抱歉，只有领导和管理员才能查看重点项目。');
    const kind = first(ctx.query.period) ?? 'month';
    if (!['month', 'quarter', 'year'].includes(kind)) return fail(ctx, 400, 'period 只能是 month、quarter 或 year。');
    const date = first(ctx.query.date);
    if (date && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid)) return fail(ctx, 400, '日期格式应为 YYYY-MM-DD。');
    ctx.body = (await deps.projectReport(kind as ProjectReportKind, date)).report;
  });

  // 助企走访: the month's numbers for leaders and admins, as the chat's 走访情况 (the dashboard's permission)
  api.get('/visits', async (ctx) => {
    if (!canDigest(actorOf(ctx))) return fail(ctx, 403, '抱歉，只有领导和管理员才能查看助企走访情况。');
    const date = first(ctx.query.date);
    if (date && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid)) return fail(ctx, 400, '日期格式应为 YYYY-MM-DD。');
    const report = await deps.digests.visits(deps.now(), { period: 'month', date });
    if (!report) return fail(ctx, 404, '本系统未启用助企走访。');
    ctx.body = visitsView(report);
  });

  // 我的走访: a cadre's own month (leaders and admins in the directory too), as in chat
  api.get('/visits/mine', async (ctx) => {
    const a = actorOf(ctx);
    if (!isStaff(a) || !a.personId) return fail(ctx, 403, '抱歉，只有工作人员才能查看我的走访。');
    const mine = await deps.digests.myVisits(a.personId, deps.now());
    if (!mine) return fail(ctx, 404, '本系统未启用助企走访。');
    ctx.body = myVisitsView(mine);
  });

  api.get('/ledger.xlsx', async (ctx) => {
    if (!canDigest(actorOf(ctx))) return fail(ctx, 403, '抱歉，只有领导和管理员才能导出问题台账。');
    const q = filters(ctx, dirOf(ctx));
    if (typeof q === 'string') return fail(ctx, 400, q);
    const { from, to, ...rest } = q;
    const local = (iso: string | undefined, back: number) => (iso ? DateTime.fromISO(iso).setZone(cal.timezone).minus({ days: back }).toISODate()! : undefined);
    // streamed: chunked, no Content-Length; rows leave as they are read from the store
    ctx.body = await deps.ledger({ from: local(from, 0), to: local(to, 1), query: rest });
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('问题台账.xlsx')}`);
  });

  /** The page URL to sign must be one of the workbench's own pages. */
  const ownPage = (url: string | undefined) => !!url && url.length <= 1024 && !!publicUrl && url.startsWith(`${publicUrl}/h5`);

  api.get('/jssdk/wecom', async (ctx) => {
    const wecom = deps.identity.wecom;
    if (!wecom) return fail(ctx, 404, '本系统未配置企业微信应用。');
    const url = first(ctx.query.url);
    const kind = first(ctx.query.kind) ?? 'corp';
    if (!ownPage(url) || (kind !== 'corp' && kind !== 'agent')) return fail(ctx, 400, '签名地址须为本系统的页面。');
    ctx.body = await wecom.sign(kind, url!);
  });

  api.get('/jssdk/dingtalk', async (ctx) => {
    const dingtalk = deps.identity.dingtalk;
    if (!dingtalk) return fail(ctx, 404, '本系统未配置钉钉应用。');
    const url = first(ctx.query.url);
    if (!ownPage(url)) return fail(ctx, 400, '签名地址须为本系统的页面。');
    ctx.body = await dingtalk.sign(url!);
  });

  api.all('/{*rest}', (ctx) => fail(ctx, 404, '未找到'));

  router.use(api.routes(), api.allowedMethods());
  router.get('/h5', page);
  router.get('/h5/{*rest}', page);
  return { router, assets };
}

async function jsonBody(ctx: Context): Promise<Record<string, unknown> | null> {
  const raw = await readRawBody(ctx, 64 * 1024);
  try {
    const v = JSON.parse(raw.toString('utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

