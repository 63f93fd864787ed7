import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { PlatformApiError, PlatformNetworkError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { fullJitterDelay, type Backoff, type ConnectionState } from '../connection.js';

/**
 * WeCom AI bot (智能机器人) in long-connection mode: the bot dials out, so no public address is needed.
 *
 * Protocol (README "WebSocket 命令协议" and `dist/index.esm.js` of `@wecom/aibot-node-sdk@1.0.7`): JSON frames
 * `{cmd, headers: {req_id}, body}`. We send `aibot_subscribe` ({bot_id, secret}), `ping`, `aibot_respond_msg` and
 * `aibot_respond_update_msg` (both echo the req_id of the callback they answer) and `aibot_send_msg` (a fresh req_id,
 * body `{chatid, msgtype, …}`). The server sends `aibot_msg_callback` and `aibot_event_callback`, and answers each of
 * our frames with `{headers: {req_id}, errcode, errmsg}` and no cmd. A newer subscription for the same bot takes the
 * bot over: the older socket gets an `aibot_event_callback` with `event.eventtype = "disconnected_event"` and is closed.
 *
 * Why our own client on `ws` rather than the SDK's WSClient (each point checked against the SDK 1.0.7 source):
 * - Its reconnect delay is `min(base·2^(n−1), 30 s)` with no random part (`WsConnectionManager.scheduleReconnect`):
 *   every instance that lost the server at the same moment retries at the same moments. It also gives up for good
 *   after 10 reconnects (5 refused subscriptions) by default, emitting `WSReconnectExhaustedError`.
 * - On `disconnected_event` it sets `isManualClose = true`, terminates the socket and schedules nothing, and
 *   `WSClient` marks itself not started: unless the application calls `connect()` again itself, that process stays
 *   deaf even after the newer holder dies. We wait `displacedRetryMs` and try once (longer after each displacement).
 * - Callbacks reach the application through `EventEmitter.emit`, which ignores what listeners return: a promise from
 *   an async listener is neither awaited nor caught (a rejection is unhandled), and `disconnect()` cannot wait for
 *   listeners still storing a message. We hand each callback to an awaited `onMessage`/`onEvent`, count the ones
 *   still running and let `stop()` wait for them.
 * Also unlike the SDK: a connection that sends nothing at all for `silentMs` is replaced (the SDK only counts
 * missed pongs), and the `ConnectionState` is reported for health checks.
 *
 * Reliability: message callbacks have no ack in this protocol and WeCom does not deliver one again. `onMessage` must
 * store the message durably before it resolves; anything it throws is logged and the message is lost to us. Dedupe on
 * `body.msgid` is the caller's job (the same callback may arrive twice).
 */

export const WECOM_LONG_CONNECTION_URL = 'wss://openws.work.weixin.qq.com';

export interface WecomCallbackFrame {
  /** `headers.req_id` of the callback: `respond`/`updateCard` echo it. */
  reqId: string;
  /** The same JSON as an HTTP-mode decrypted callback (msgid, chatid, chattype, from.userid, msgtype, …). */
  body: unknown;
}

export type WebSocketConstructor = new (url: string, options?: WebSocket.ClientOptions) => WebSocket;

export interface WecomLongConnectionOptions {
  url: string;
  botId: string;
  secret: string;
  log: Logger;
  /** Ping interval. */
  heartbeatMs?: number;
  /** After this many unanswered pings the connection is dead: terminate and reconnect. */
  missedPongs?: number;
  /** No frame at all for this long → replace the connection (default 3 heartbeats). */
  silentMs?: number;
  /** Exponential, full jitter. */
  backoff?: Backoff;
  /** After `disconnected_event`: wait this long, then try once. Each further displacement doubles it, up to displacedMaxMs. */
  displacedRetryMs?: number;
  displacedMaxMs?: number;
  /** How long to wait for the server's answer to a frame we sent (and to aibot_subscribe, and the handshake). */
  ackTimeoutMs?: number;
  /** A user message (`aibot_msg_callback`). Must store it durably before resolving: there is no redelivery. */
  onMessage(frame: WecomCallbackFrame): Promise<void>;
  /** An event (`aibot_event_callback`) other than disconnected_event, which the connection handles itself. */
  onEvent(frame: WecomCallbackFrame): Promise<void>;
  onState?(state: ConnectionState): void;
  now?: () => number;
  WebSocketImpl?: WebSocketConstructor;
}

export interface WecomLongConnection {
  start(): void;
  /** Closes the socket, rejects frames still waiting for an answer, waits for running onMessage/onEvent calls. */
  stop(): Promise<void>;
  state(): ConnectionState;
  /** Answer a message callback (`aibot_respond_msg`, echoing its req_id). Frames for one req_id go out one at a time. */
  respond(reqId: string, body: object): Promise<void>;
  /** Update a template card after a `template_card_event` (`aibot_respond_update_msg`, within 5 s of the event). */
  updateCard(reqId: string, body: object): Promise<void>;
  /** Proactive push (`aibot_send_msg`): chatid is a userid for a single chat, the group's chatid for a group. */
  send(chatid: string, body: object): Promise<void>;
}

/** errcodes worth another try, judged as in sender.ts: -1 system busy, 45009 over the call limit, 45033 too many concurrent calls. */
const RETRYABLE = new Set([-1, 45009, 45033]);
/** Stripped before a second parse attempt, as the official SDK does before every parse. */
const CONTROL_CHARS = /[\x00-\x08\x0B-\x0D\x0E-\x1F]/g;
const CLOSE_GRACE_MS = 1000;

type Cmd = 'aibot_subscribe' | 'ping' | 'aibot_respond_msg' | 'aibot_respond_update_msg' | 'aibot_send_msg';

interface PendingAck {
  cmd: Cmd;
  resolve(): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export function createWecomLongConnection(opts: WecomLongConnectionOptions): WecomLongConnection {
  const heartbeatMs = opts.heartbeatMs ?? 30_000;
  const missedPongs = opts.missedPongs ?? 2;
  const silentMs = opts.silentMs ?? heartbeatMs * 3;
  const backoff = opts.backoff ?? { baseMs: 1000, maxMs: 60_000 };
  const displacedRetryMs = opts.displacedRetryMs ?? 300_000;
  const displacedMaxMs = opts.displacedMaxMs ?? 3_600_000;
  const ackTimeoutMs = opts.ackTimeoutMs ?? 10_000;
  const now = opts.now ?? Date.now;
  const WS: WebSocketConstructor = opts.WebSocketImpl ?? WebSocket;
  const log = opts.log.child({ platform: 'wecom', component: 'long-connection' });

  /** The one socket. Before another is dialled, this one is terminated and its listeners removed. */
  let current: WebSocket | null = null;
  let running = false;
  let dialled = 0;
  let reconnects = 0;
  /** Consecutive failed attempts: the back-off exponent. Reset once a connection answers a ping. */
  let failures = 0;
  /** Consecutive displacements: the displaced-wait exponent. */
  let displacements = 0;
  let lastDisplacedWait = 0;
  let openedAt = 0;
  let lastFrame = 0;
  let missed = 0;
  let subscribeReqId = '';
  let retryTimer: NodeJS.Timeout | undefined;
  let subscribeTimer: NodeJS.Timeout | undefined;
  let ticker: NodeJS.Timeout | undefined;
  const acks = new Map<string, PendingAck>();
  const chains = new Map<string, Promise<void>>();
  const handlers = new Set<Promise<void>>();
  let status: ConnectionState = { platform: 'wecom', state: 'stopped', since: iso(now()), reason: 'not started', reconnects: 0 };

  function setState(state: ConnectionState['state'], reason: string): void {
    status = { platform: 'wecom', state, since: iso(now()), reason, reconnects, ...(lastFrame ? { lastFrameAt: iso(lastFrame) } : {}) };
    const fields = { state, reason, reconnects };
    if (state === 'backoff' || state === 'displaced') log.warn(fields, `wecom long connection ${state}`);
    else log.info(fields, `wecom long connection ${state}`);
    try {
      opts.onState?.({ ...status });
    } catch (err) {
      log.error({ err }, 'onState threw');
    }
  }

  function newReqId(cmd: Cmd): string {
    return `${cmd}_${now()}_${randomBytes(4).toString('hex')}`;
  }

  function dial(why: string): void {
    if (!running) return;
    clearTimeout(retryTimer);
    discardSocket('replaced by a new connection');
    if (dialled > 0) reconnects++;
    dialled++;
    setState('connecting', why);
    let ws: WebSocket;
    try {
      ws = new WS(opts.url, { handshakeTimeout: ackTimeoutMs });
    } catch (err) {
      fail(`cannot dial: ${errText(err)}`);
      return;
    }
    current = ws;
    ws.on('open', () => {
      if (ws === current) onOpen(ws);
    });
    ws.on('message', (data: WebSocket.RawData) => {
      if (ws === current) onData(data);
    });
    ws.on('close', (code: number, reason: Buffer) => {
      if (ws === current) fail(`socket closed (code ${code}${reason.length ? `, ${reason.toString()}` : ''})`);
    });
    // 'close' always follows 'error'; the reason is logged there
    ws.on('error', (err: Error) => {
      if (ws === current) log.warn({ error: err.message }, 'wecom long connection socket error');
    });
  }

  function onOpen(ws: WebSocket): void {
    lastFrame = now();
    missed = 0;
    setState('subscribing', 'socket open, sending aibot_subscribe');
    subscribeReqId = newReqId('aibot_subscribe');
    // the secret goes on the wire only: never into a log line
    ws.send(JSON.stringify({ cmd: 'aibot_subscribe', headers: { req_id: subscribeReqId }, body: { bot_id: opts.botId, secret: opts.secret } }));
    subscribeTimer = setTimeout(() => fail(`no answer to aibot_subscribe within ${ackTimeoutMs} ms`), ackTimeoutMs);
  }

  function onData(data: WebSocket.RawData): void {
    lastFrame = now();
    status = { ...status, lastFrameAt: iso(lastFrame) };
    const frame = parseFrame(data);
    if (!frame) {
      log.warn('wecom long connection: a frame that is not a JSON object (ignored)');
      return;
    }
    const headers = isRecord(frame.headers) ? frame.headers : {};
    const reqId = typeof headers.req_id === 'string' ? headers.req_id : '';
    const cmd = frame.cmd;
    if (cmd === 'aibot_msg_callback') return hand('message', opts.onMessage, { reqId, body: frame.body });
    if (cmd === 'aibot_event_callback') {
      const event = isRecord(frame.body) && isRecord(frame.body.event) ? frame.body.event : {};
      if (event.eventtype === 'disconnected_event') return displaced();
      return hand('event', opts.onEvent, { reqId, body: frame.body });
    }
    if (cmd !== undefined && cmd !== '') {
      log.warn({ cmd, reqId }, 'wecom long connection: unknown cmd (ignored)');
      return;
    }
    onAnswer(reqId, Number(frame.errcode ?? 0), typeof frame.errmsg === 'string' ? frame.errmsg : '');
  }

  /** The server's answer to one of our frames: `{headers: {req_id}, errcode, errmsg}`. */
  function onAnswer(reqId: string, errcode: number, errmsg: string): void {
    if (reqId !== '' && reqId === subscribeReqId && status.state === 'subscribing') {
      clearTimeout(subscribeTimer);
      if (errcode !== 0) {
        log.error({ errcode, errmsg }, 'wecom aibot_subscribe refused: check the bot id and secret');
        fail(`aibot_subscribe refused: errcode ${errcode} ${errmsg}`.trim());
        return;
      }
      openedAt = now();
      startTicker();
      setState('open', displacements > 0 ? 'subscribed again after a displacement' : 'subscribed');
      return;
    }
    if (reqId.startsWith('ping_')) {
      if (errcode !== 0) {
        log.warn({ errcode, errmsg }, 'wecom long connection: ping answered with an error');
        return;
      }
      missed = 0;
      failures = 0; // this connection has proved it works: the next failure starts the back-off afresh
      return;
    }
    const pending = acks.get(reqId);
    if (!pending) {
      log.debug({ reqId, errcode }, 'wecom long connection: answer to no pending frame (late or unknown)');
      return;
    }
    acks.delete(reqId);
    clearTimeout(pending.timer);
    if (errcode === 0) pending.resolve();
    else pending.reject(new PlatformApiError('wecom', pending.cmd, errcode, 0, `${pending.cmd}: errcode ${errcode} ${errmsg}`.trim(), RETRYABLE.has(errcode)));
  }

  function startTicker(): void {
    clearInterval(ticker);
    ticker = setInterval(() => {
      const ws = current;
      if (!ws) return;
      const quiet = now() - lastFrame;
      if (quiet >= silentMs) return fail(`no frame for ${quiet} ms`);
      if (missed >= missedPongs) return fail(`${missed} pings unanswered`);
      missed++;
      ws.send(JSON.stringify({ cmd: 'ping', headers: { req_id: newReqId('ping') } }), (err) => {
        if (err && ws === current) log.warn({ error: err.message }, 'wecom long connection: ping not written');
      });
    }, heartbeatMs);
  }

  /** Another connection subscribed this bot; the server closes ours. Wait, then try once. */
  function displaced(): void {
    // a connection held for 4× the last wait ends the streak: in a tug of war each side holds for the other's
    // wait, which is at most twice its own, so a hold that long means the other side stopped trying
    if (displacements > 0 && now() - openedAt >= 4 * lastDisplacedWait) displacements = 0;
    displacements++;
    lastDisplacedWait = Math.min(displacedMaxMs, displacedRetryMs * 2 ** (displacements - 1));
    discardSocket('displaced by a newer connection');
    setState('displaced', `disconnected_event: a newer connection took this bot over; one retry in ${lastDisplacedWait} ms`);
    retryTimer = setTimeout(() => dial('retry after displacement'), lastDisplacedWait);
  }

  /** The socket is dead or useless: drop it and schedule the next attempt with full-jitter back-off. */
  function fail(reason: string): void {
    if (!running) return;
    discardSocket(reason);
    failures++;
    const delay = fullJitterDelay(failures, backoff);
    setState('backoff', `${reason}; next attempt in ${delay} ms`);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => dial(`attempt after back-off (${failures} failed in a row)`), delay);
  }

  function discardSocket(reason: string): void {
    clearTimeout(subscribeTimer);
    clearInterval(ticker);
    const ws = current;
    current = null;
    if (ws) {
      ws.removeAllListeners();
      ws.on('error', () => {}); // terminate() on a socket still connecting emits one
      ws.terminate();
    }
    rejectPending(reason);
  }

  function rejectPending(reason: string): void {
    for (const [reqId, pending] of acks) {
      acks.delete(reqId);
      clearTimeout(pending.timer);
      // the frame may or may not have reached WeCom
      pending.reject(new PlatformNetworkError('wecom', pending.cmd, new Error(reason)));
    }
  }

  function hand(kind: 'message' | 'event', handler: (f: WecomCallbackFrame) => Promise<void>, frame: WecomCallbackFrame): void {
    const msgid = isRecord(frame.body) ? frame.body.msgid : undefined;
    const run = (async () => handler(frame))().catch((err: unknown) => {
      // no ack exists in this protocol and WeCom does not deliver a callback again: this one is lost to us
      log.error({ err, kind, reqId: frame.reqId, msgid }, `wecom long connection: on${kind === 'message' ? 'Message' : 'Event'} failed; the callback is lost`);
    });
    handlers.add(run);
    void run.finally(() => handlers.delete(run));
  }

  function call(cmd: Cmd, reqId: string, body: object): Promise<void> {
    const previous = chains.get(reqId) ?? Promise.resolve();
    const next = previous.then(
      () => writeAndWait(cmd, reqId, body),
      () => writeAndWait(cmd, reqId, body),
    );
    chains.set(reqId, next);
    const forget = () => {
      if (chains.get(reqId) === next) chains.delete(reqId);
    };
    next.then(forget, forget);
    return next;
  }

  function writeAndWait(cmd: Cmd, reqId: string, body: object): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const ws = current;
      if (!ws || status.state !== 'open' || ws.readyState !== ws.OPEN) {
        reject(new PlatformNetworkError('wecom', cmd, new Error(`not connected (${status.state})`)));
        return;
      }
      const timer = setTimeout(() => {
        if (acks.get(reqId)?.timer !== timer) return;
        acks.delete(reqId);
        reject(new PlatformNetworkError('wecom', cmd, new Error(`no answer within ${ackTimeoutMs} ms`)));
      }, ackTimeoutMs);
      acks.set(reqId, { cmd, resolve, reject, timer });
      ws.send(JSON.stringify({ cmd, headers: { req_id: reqId }, body }), (err) => {
        if (!err || acks.get(reqId)?.timer !== timer) return;
        acks.delete(reqId);
        clearTimeout(timer);
        reject(new PlatformNetworkError('wecom', cmd, err));
      });
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      dialled = 0;
      reconnects = 0;
      failures = 0;
      displacements = 0;
      dial('start');
    },

    async stop() {
      if (running) {
        running = false;
        clearTimeout(retryTimer);
        clearTimeout(subscribeTimer);
        clearInterval(ticker);
        const ws = current;
        current = null;
        rejectPending('connection stopped');
        if (ws) await closeGracefully(ws);
        setState('stopped', 'stop() called');
      }
      await Promise.allSettled([...handlers]);
    },

    state: () => ({ ...status }),
    respond: (reqId, body) => call('aibot_respond_msg', reqId, body),
    updateCard: (reqId, body) => call('aibot_respond_update_msg', reqId, body),
    send: (chatid, body) => call('aibot_send_msg', newReqId('aibot_send_msg'), { chatid, ...body }),
  };
}

/** A close handshake, cut short after CLOSE_GRACE_MS. */
function closeGracefully(ws: WebSocket): Promise<void> {
  ws.removeAllListeners();
  ws.on('error', () => {});
  if (ws.readyState === ws.CLOSED) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, CLOSE_GRACE_MS);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState === ws.CONNECTING) ws.terminate();
    else ws.close(1000, 'client stopping');
  });
}

function parseFrame(data: WebSocket.RawData): Record<string, unknown> | undefined {
  const text = (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = JSON.parse(text.replace(CONTROL_CHARS, ''));
    } catch {
      return undefined;
    }
  }
  return isRecord(parsed) ? parsed : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
