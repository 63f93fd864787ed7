import { timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import Router from '@koa/router';
import Koa, { type Context } from 'koa';
import type { Config } from '../../config/index.js';
import type { Intake } from '../bot/intake.js';
import { TICKET_STATUSES, type TicketStatus } from '../domain/ticket.js';
import type { ConnectionState } from '../platforms/connection.js';
import type { DingtalkReceiver } from '../platforms/dingtalk/receiver.js';
import type { WecomReceiver } from '../platforms/wecom/receiver.js';
import type { CardReplies } from '../queue/card-replies.js';
import { AppError, PayloadError, VerificationError } from '../shared/errors.js';
import { ackSeconds, callbacksAcknowledged, callbacksReceived, callbacksRefused } from '../shared/metrics.js';
import { PageCursorError, pageSize } from '../shared/page-cursor.js';
import type { Logger } from '../shared/logger.js';
import type { TicketRepository } from '../store/repositories/ticket.repository.js';
import { readRawBody } from './raw-body.js';

export interface HttpDeps {
  config: Readonly<Config>;
  log: Logger;
  intake: Pick<Intake, 'accept'>;
  tickets: TicketRepository;
  wecom?: WecomReceiver;
  /**
   * WeCom callback mode: the hand-over of a tapped card's update from the bot to the tap's callback request (absent:
   * a tap's callback is answered empty at once, like any other).
   */
  cardReplies?: CardReplies;
  /** How long a tap's callback waits for its card's update (default 3.5 s: WeCom takes it within 5 s). */
  cardReplyWaitMs?: number;
  dingtalk?: DingtalkReceiver;
  ready(): Promise<Record<string, boolean>>;
  /** The connections the deployment dials (WeCom long connection, DingTalk Stream), reported by /readyz. */
  connections?(): Promise<ConnectionState[]>;
  /** The 问题台账 workbook for a filter (dates YYYY-MM-DD, inclusive), streamed as it is written (exportLedger). */
  ledger?(f: { from?: string; to?: string; status?: TicketStatus }): Promise<Readable>;
  /** The 项目台账 workbook: every key project and its approval items. */
  projectLedger?(): Promise<Buffer>;
  /** The 走访台账 workbook: visits on local dates [from, to] (default: this year to today), coverage of `month`'s month. */
  visitLedger?(f: { from?: string; to?: string; month?: string }): Promise<Buffer>;
  now?: () => Date;
  /** More routes (the simulator, the workbench). */
  routers?: Router[];
  /** Middleware before the routes (the workbench's static assets). */
  middleware?: Koa.Middleware[];
  /** Keys that sign cookies (the workbench's session). */
  cookieKeys?: string[];
  /** GET /metrics (Prometheus text), bearer ADMIN_TOKEN; absent when the metrics have a port of their own. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** The queue console (bull-board), mounted under /admin/queues behind the admin token (HTTP Basic or bearer). */
  queueConsole?: Koa.Middleware;
}

function firstString(v: unknown): string | undefined {
  return Array.isArray(v) ? (typeof v[0] === 'string' ? v[0] : undefined) : typeof v === 'string' ? v : undefined;
}

export function createHttpApp(deps: HttpDeps): Koa {
  const now = deps.now ?? (() => new Date());
  const app = new Koa({ proxy: true });
  if (deps.cookieKeys) app.keys = deps.cookieKeys;
  const router = new Router();

  // One error boundary: clients see a status and a short reason, never internals.
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const e = err as AppError & { status?: number; type?: string };
      if (e instanceof VerificationError) {
        ctx.status = 401;
        ctx.body = '';
        deps.log.warn({ code: e.code, path: ctx.path }, 'callback rejected');
      } else if (e instanceof PayloadError) {
        ctx.status = 400;
        ctx.body = { error: 'invalid payload' };
        deps.log.warn({ code: e.code, path: ctx.path, reason: e.message }, 'callback rejected');
      } else if (e.type === 'entity.too.large' || e.status === 413) {
        ctx.status = 413;
        ctx.body = { error: 'body too large' };
      } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
        ctx.status = e.status;
        ctx.body = { error: 'bad request' };
      } else {
        ctx.status = 503;
        ctx.body = { error: 'temporarily unavailable' };
        deps.log.error({ err: { message: e.message, code: e.code }, path: ctx.path }, 'request failed');
      }
    }
  });

  // a streamed body (the ledger) fails after its answer started, past the boundary above: Koa reports it here. A client
  // that went away mid-download is routine; anything else is a failed export (the client got a cut-off body)
  app.on('error', (err: Error & { code?: string }, ctx?: Context) => {
    const gone = err.code === 'EPIPE' || err.code === 'ECONNRESET' || err.code === 'ERR_STREAM_PREMATURE_CLOSE';
    const fields = { err: { message: err.message, code: err.code }, path: ctx?.path };
    if (gone) deps.log.info(fields, 'client went away during a streamed answer');
    else deps.log.error(fields, 'streamed answer failed');
  });

  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/readyz', async (ctx) => {
    const checks = await deps.ready();
    const ok = Object.values(checks).every(Boolean);
    ctx.status = ok ? 200 : 503;
    // each connection's state is reported, not judged: a reconnecting socket is no reason to take this instance out
    // of rotation (alert on it instead: docs/reliability.md)
    const connections = await deps.connections?.();
    ctx.body = { ok, ...checks, ...(connections?.length ? { connections } : {}) };
  });

  const wecomQuery = (ctx: Context) => ({
    msg_signature: firstString(ctx.query.msg_signature),
    timestamp: firstString(ctx.query.timestamp),
    nonce: firstString(ctx.query.nonce),
    echostr: firstString(ctx.query.echostr),
  });

  router.get('/webhooks/wecom', (ctx) => {
    if (!deps.wecom) return; // 404: platform not configured
    ctx.type = 'text/plain';
    ctx.body = deps.wecom.verifyUrl(wecomQuery(ctx), now());
  });
  router.post('/webhooks/wecom', countCallback('wecom', () => !!deps.wecom), async (ctx) => {
    if (!deps.wecom) return;
    const body = await readRawBody(ctx);
    const t = now();
    const result = pure(() => deps.wecom!.receive(wecomQuery(ctx), body, t));
    const tap = result.kind === 'message' && result.message.replyVia?.kind === 'wecom-card-callback' ? result.message.eventId : null;
    // a tap on a card's button: expected before it is queued, so that the update cannot come before the wait
    const expected = tap && deps.cardReplies ? await cardReply(() => deps.cardReplies!.expect(tap), false) : false;
    const outcome = await deps.intake.accept(result, t);
    ctx.state.intakeOutcome = outcome;
    ctx.status = 200;
    ctx.body = ''; // empty answer: the reply goes through response_url
    if (!tap || !deps.cardReplies) return;
    // the card's update is the passive reply to this very callback (WeCom takes it within 5 s): wait for what the bot
    // answers, and if nothing comes in time answer empty — the card stays, the answer goes as text. A redelivery gets
    // what was handed over so far, at once (and closes the hand-over if it was the one to open it)
    const replies = deps.cardReplies;
    const update = await cardReply(() => {
      if (outcome === 'accepted') return replies.take(tap, deps.cardReplyWaitMs ?? 3_500);
      return expected ? replies.take(tap, 0) : replies.peek(tap);
    }, null);
    if (!update) return;
    ctx.type = 'application/json';
    ctx.body = deps.wecom.seal(update, now());
  });

  /** The hand-over of a card's update is a nicety: Redis failing it never fails the callback (it is stored). */
  async function cardReply<T>(fn: () => Promise<T>, otherwise: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      deps.log.warn({ err: { message: (err as Error).message } }, 'card update hand-over failed; answering without it');
      return otherwise;
    }
  }

  router.post('/webhooks/dingtalk', countCallback('dingtalk', () => !!deps.dingtalk), async (ctx) => {
    if (!deps.dingtalk) return;
    const body = await readRawBody(ctx);
    const t = now();
    const result = pure(() => deps.dingtalk!.receive({ timestamp: ctx.get('timestamp') || undefined, sign: ctx.get('sign') || undefined }, body, t));
    ctx.state.intakeOutcome = await deps.intake.accept(result, t);
    ctx.status = 200;
    ctx.body = '';
  });

  // Operators' API, bearer ADMIN_TOKEN.
  const api = new Router({ prefix: '/api' });
  api.use(adminOnly(deps.config.adminToken));

  // Prometheus metrics, bearer ADMIN_TOKEN (or on METRICS_PORT, where this route is absent)
  if (deps.metrics) {
    const metrics = deps.metrics;
    router.get('/metrics', adminOnly(deps.config.adminToken), async (ctx) => {
      const m = await metrics();
      ctx.type = m.contentType;
      ctx.body = m.body;
    });
  }
  api.get('/tickets', async (ctx) => {
    const status = firstString(ctx.query.status);
    if (status && !(status in TICKET_STATUSES)) {
      ctx.status = 400;
      ctx.body = { error: `unknown status; one of ${Object.keys(TICKET_STATUSES).join(', ')}` };
      return;
    }
    const since = firstString(ctx.query.since);
    if (since && Number.isNaN(Date.parse(since))) {
      ctx.status = 400;
      ctx.body = { error: 'since must be an ISO-8601 date or time' };
      return;
    }
    // pages of `limit` (default 200, at most 1,000), newest first; `nextCursor` (null on the last page) fetches the next
    const limit = pageSize(Number(firstString(ctx.query.limit) ?? NaN), 200, 1000);
    try {
      const page = await deps.tickets.listPage(
        {
          status: status as TicketStatus | undefined,
          enterprise: firstString(ctx.query.enterprise),
          assignee: firstString(ctx.query.assignee),
          since: since ? new Date(since).toISOString() : undefined,
        },
        { cursor: firstString(ctx.query.cursor) || undefined, limit },
      );
      ctx.body = page;
    } catch (err) {
      if (!(err instanceof PageCursorError)) throw err;
      ctx.status = 400;
      ctx.body = { error: 'cursor must be a nextCursor this list gave out (with the same filters)' };
    }
  });
  api.get('/tickets/:no', async (ctx) => {
    const no = Number(ctx.params.no);
    const ticket = Number.isInteger(no) && no > 0 ? await deps.tickets.getByNo(no) : null;
    if (!ticket) {
      ctx.status = 404;
      ctx.body = { error: `ticket #${ctx.params.no} not found` };
      return;
    }
    ctx.body = { ticket };
  });

  // a real calendar date: 2026-02-30 is no date (Date.parse would roll it over to March)
  const isDate = (v?: string) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v));
  api.get('/ledger.xlsx', async (ctx) => {
    if (!deps.ledger) return;
    const from = firstString(ctx.query.from);
    const to = firstString(ctx.query.to);
    const status = firstString(ctx.query.status);
    if (!isDate(from) || !isDate(to) || (status && !(status in TICKET_STATUSES))) {
      ctx.status = 400;
      ctx.body = { error: 'from and to must be YYYY-MM-DD; status one of ' + Object.keys(TICKET_STATUSES).join(', ') };
      return;
    }
    // streamed: chunked, no Content-Length; rows leave as they are read from the store
    ctx.body = await deps.ledger({ from, to, status: status as TicketStatus | undefined });
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('问题台账.xlsx')}`);
  });

  api.get('/projects.xlsx', async (ctx) => {
    if (!deps.projectLedger) return;
    ctx.body = await deps.projectLedger();
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename="projects.xlsx"; filename*=UTF-8''${encodeURIComponent('项目台账.xlsx')}`);
  });

  api.get('/visits.xlsx', async (ctx) => {
    if (!deps.visitLedger) return;
    const [from, to, month] = [firstString(ctx.query.from), firstString(ctx.query.to), firstString(ctx.query.month)];
    if (!isDate(from) || !isDate(to) || !isDate(month)) {
      ctx.status = 400;
      ctx.body = { error: 'from, to and month must be YYYY-MM-DD' };
      return;
    }
    ctx.body = await deps.visitLedger({ from, to, month });
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename="visits.xlsx"; filename*=UTF-8''${encodeURIComponent('走访台账.xlsx')}`);
  });

  // the queue console: a browser sends HTTP Basic (any user name, the admin token as password); scripts may send a bearer
  if (deps.queueConsole) {
    const queueConsole = deps.queueConsole;
    const guard = adminOnly(deps.config.adminToken, 'basic');
    app.use(async (ctx, next) => {
      if (ctx.path !== '/admin/queues' && !ctx.path.startsWith('/admin/queues/')) return next();
      await guard(ctx, () => queueConsole(ctx, next));
    });
  }
  for (const m of deps.middleware ?? []) app.use(m);
  for (const r of deps.routers ?? []) app.use(r.routes()).use(r.allowedMethods());
  app.use(router.routes()).use(router.allowedMethods());
  app.use(api.routes()).use(api.allowedMethods());
  return app;
}

/**
 * Runs a receiver, which does no I/O: whatever it throws besides a verification or payload error is still about the
 * request (a value out of range, a shape nobody foresaw), so it answers 400 — a 5xx would make the platform deliver
 * the same bad callback again and again.
 */
function pure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof VerificationError || err instanceof PayloadError) throw err;
    throw new PayloadError(`callback could not be read: ${(err as Error)?.name ?? 'error'}`, err);
  }
}

/**
 * Lets through a request that carries the admin token — `Authorization: Bearer TOKEN`, or (`basic`) HTTP Basic with the
 * token as password and any user name; 401 otherwise, and always when no ADMIN_TOKEN is set.
 */
export function adminOnly(token: string | undefined, scheme: 'bearer' | 'basic' = 'bearer'): Koa.Middleware {
  return async (ctx, next) => {
    const auth = ctx.get('authorization');
    let given = /^Bearer (.+)$/.exec(auth)?.[1] ?? '';
    if (!given && scheme === 'basic') {
      const decoded = Buffer.from(/^Basic ([A-Za-z0-9+/=]+)$/.exec(auth)?.[1] ?? '', 'base64').toString();
      given = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : '';
    }
    if (!token || !safeEqual(given, token)) {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', scheme === 'basic' ? 'Basic realm="xiaoer queues", charset="UTF-8"' : 'Bearer');
      ctx.body = { error: 'unauthorized' };
      return;
    }
    await next();
  };
}

/** Why a callback was refused, for xiaoer_callbacks_refused_total (the error boundary answers it). */
function refusal(err: unknown): string {
  const e = err as AppError & { status?: number; type?: string };
  if (e instanceof VerificationError) {
    const reasons: Record<string, string> = {
      VERIFY_BAD_SIGNATURE: 'signature',
      VERIFY_STALE_TIMESTAMP: 'replay',
      VERIFY_BAD_CIPHERTEXT: 'decrypt',
      VERIFY_BAD_RECEIVER: 'receiver',
    };
    return reasons[e.code] ?? 'signature';
  }
  if (e instanceof PayloadError) return 'malformed';
  if (e?.type === 'entity.too.large' || e?.status === 413) return 'oversized';
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return 'malformed';
  return 'error';
}

/** Counts a platform's callbacks: received, then acknowledged (with the intake's outcome) or refused (with why). */
function countCallback(platform: 'wecom' | 'dingtalk', configured: () => boolean): Koa.Middleware {
  return async (ctx, next) => {
    if (!configured()) return next();
    callbacksReceived.inc({ platform });
    const timer = ackSeconds.startTimer({ platform });
    try {
      await next();
    } catch (err) {
      callbacksRefused.inc({ platform, reason: refusal(err) });
      timer();
      throw err;
    }
    timer();
    callbacksAcknowledged.inc({ platform, outcome: String(ctx.state.intakeOutcome ?? 'ignored') });
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
