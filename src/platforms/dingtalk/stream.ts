import WebSocket from 'ws';
import { PlatformApiError, PlatformNetworkError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { fullJitterDelay, type Backoff, type ConnectionState } from '../connection.js';

/** The robot-message callback topic (the HTTP-mode callback's JSON arrives in `data`). */
export const DINGTALK_ROBOT_TOPIC = '/v1.0/im/bot/messages/get';
const GATEWAY_PATH = '/v1.0/gateway/connections/open';
const SUBSCRIPTIONS = [
  { type: 'EVENT', topic: '*' },
  { type: 'CALLBACK', topic: DINGTALK_ROBOT_TOPIC },
];
const OPEN = 1;

/** A CALLBACK frame: `data` is the parsed JSON (the raw string if it is not JSON; the caller's schema decides). */
export interface DingtalkStreamCallback {
  messageId: string;
  topic: string;
  data: unknown;
}

export interface DingtalkStreamOptions {
  /** Default https://api.dingtalk.com. */
  gatewayBase: string;
  clientId: string;
  clientSecret: string;
  log: Logger;
  fetch?: typeof fetch;
  /** Client-side WebSocket ping every pingMs; no pong within pingMs → the socket is dead. Default 10 000. */
  pingMs?: number;
  /** No frame at all (application or SYSTEM) for idleMs → a zombie: replaced (warm). Default 90 000. */
  idleMs?: number;
  /** Reconnect delays: exponential with full jitter. Default {baseMs: 1000, maxMs: 60 000}. */
  backoff?: Backoff;
  /** onCallback must settle within this, or the frame is left unacked (DingTalk redelivers). Default 20 000. */
  storeTimeoutMs?: number;
  /** Gateway call and WebSocket handshake, each. Default 10 000. */
  connectTimeoutMs?: number;
  /** Stores the message durably; the frame is acked only after it resolved. */
  onCallback(frame: DingtalkStreamCallback): Promise<void>;
  onState?(s: ConnectionState): void;
  WebSocketImpl?: typeof WebSocket;
}

export interface DingtalkStream {
  start(): void;
  /** Stops dialling, lets callbacks in flight finish (and acks them), closes every socket, clears every timer. */
  stop(): Promise<void>;
  state(): ConnectionState;
}

interface Frame {
  type?: unknown;
  headers?: { messageId?: unknown; topic?: unknown; [k: string]: unknown };
  data?: unknown;
}

/** One socket. At most two exist, and two only while a replacement opens and the old one drains. */
interface Conn {
  id: number;
  ws: WebSocket;
  openedAt: number;
  /** The next ping, or, while a pong is awaited, the deadline for it. */
  heartbeat?: NodeJS.Timeout;
  awaitingPong: boolean;
  idle?: NodeJS.Timeout;
  /** close() sent; terminate() when the close handshake takes longer than this. */
  grace?: NodeJS.Timeout;
  /** A replacement is under way (server `disconnect`, or idle): no idle check; frames are still handled. */
  draining: boolean;
  /** Why we ended it (ping deadline, replaced, stopped): the close handler reports this rather than 1006. */
  endReason?: string;
  inFlight: Set<Promise<void>>;
  closed: Promise<void>;
}

/**
 * DingTalk Stream mode, app robot: no public address needed. `POST {gatewayBase}/v1.0/gateway/connections/open`
 * (subscriptions ride on it) → `{endpoint, ticket}` → WebSocket `endpoint?ticket=…`; CALLBACK frames carry the robot
 * message as a JSON string in `data`.
 *
 * Our own client on `ws` rather than npm `dingtalk-stream` 2.1.5, because that client (dist/client.mjs, read):
 * - starts its keep-alive `setInterval` on every socket `open` and clears it only in `disconnect()` — the `close`
 *   handler reconnects without clearing it, so each reconnect adds one more interval pinging the current socket, all
 *   sharing one `isAlive` flag: one firing between another's ping and its pong terminates a healthy socket;
 * - on a SYSTEM `disconnect` frame only sets `connected = registered = false`: it neither reconnects nor closes, so it
 *   sits on a socket that delivers nothing until the server closes it (~10 s) — and then reconnects cold;
 * - reconnects after a fixed `reconnectInterval = 1e3`, with no back-off or jitter, also after a failed
 *   connections/open;
 * - never acks a CALLBACK itself (`onCallback` only emits); the listener must call `socketCallBackResponse`, and it
 *   goes to whichever socket is current, not the one the frame came on;
 * - has no idle check: its ping/pong keeps a zombie (pongs, no frames) alive forever;
 * - `JSON.parse`s every frame without a try, inside the socket's `message` listener.
 *
 * Here: a CALLBACK is acked on its own socket only after `onCallback` (the durable store) resolved within
 * storeTimeoutMs; otherwise it is left for DingTalk's redelivery (~60 s) and the store dedupes. `disconnect` or
 * idleMs without a frame → warm reconnect: a new connection is opened first, the old one keeps handling and acking
 * what it still gets, and is closed once the new one is open and its callbacks in flight have settled. A socket
 * that closes or misses a pong → back-off (full jitter) and a new connection. State `subscribing` is not used:
 * the subscriptions are part of the connections/open call, there is no step after the socket opens.
 * The secret and the ticket are never logged.
 */
export function createDingtalkStream(opts: DingtalkStreamOptions): DingtalkStream {
  const pingMs = opts.pingMs ?? 10_000;
  const idleMs = opts.idleMs ?? 90_000;
  const backoff = opts.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
  const storeTimeoutMs = opts.storeTimeoutMs ?? 20_000;
  const connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
  const closeGraceMs = Math.min(2_000, pingMs);
  const WS = opts.WebSocketImpl ?? WebSocket;
  const doFetch = opts.fetch ?? fetch;
  const log = opts.log.child({ platform: 'dingtalk', component: 'stream' });

  let st: ConnectionState = { platform: 'dingtalk', state: 'stopped', since: new Date().toISOString(), reason: 'not started', reconnects: 0 };
  let running = false;
  let stopping: Promise<void> | undefined;
  let current: Conn | undefined;
  /** A connection being opened (gateway call + handshake); never more than one. */
  let attempt: { abort: AbortController; done: Promise<void> } | undefined;
  const retiring = new Set<Conn>();
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let dials = 0;
  let seq = 0;

  function setState(state: ConnectionState['state'], reason: string): void {
    if (st.state === state && st.reason === reason) return;
    st = { ...st, state, reason, since: new Date().toISOString() };
    const level = state === 'backoff' ? 'warn' : 'info';
    log[level]({ state, reason, reconnects: st.reconnects }, `dingtalk stream: ${state}`);
    try {
      opts.onState?.({ ...st });
    } catch (err) {
      log.warn({ err }, 'dingtalk stream: onState threw');
    }
  }

  function clearTimers(c: Conn): void {
    clearTimeout(c.heartbeat);
    clearTimeout(c.idle);
    c.heartbeat = c.idle = undefined;
  }

  async function openGateway(signal: AbortSignal): Promise<{ endpoint: string; ticket: string }> {
    const method = 'gateway/connections/open';
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${opts.gatewayBase.replace(/\/+$/, '')}${GATEWAY_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ clientId: opts.clientId, clientSecret: opts.clientSecret, ua: 'xiaoer', subscriptions: SUBSCRIPTIONS }),
        signal: AbortSignal.any([signal, AbortSignal.timeout(connectTimeoutMs)]),
      });
      text = await res.text();
    } catch (cause) {
      const e = cause instanceof Error ? cause : new Error(String(cause));
      throw new PlatformNetworkError('dingtalk', method, new Error(e.message));
    }
    let json: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
    } catch {
      /* judged below */
    }
    if (!res.ok) {
      const retryable = res.status >= 500 || res.status === 429;
      throw new PlatformApiError('dingtalk', method, String(json.code ?? res.status), res.status, `HTTP ${res.status}`, retryable);
    }
    const { endpoint, ticket } = json;
    if (typeof endpoint !== 'string' || !/^wss?:\/\//.test(endpoint) || typeof ticket !== 'string' || !ticket) {
      throw new PlatformNetworkError('dingtalk', method, new Error('no endpoint or ticket in the answer'));
    }
    return { endpoint, ticket };
  }

  /** Gateway call, then the socket; resolves once it is open. Frames may arrive on it before it is promoted. */
  async function dial(signal: AbortSignal): Promise<Conn> {
    const { endpoint, ticket } = await openGateway(signal);
    signal.throwIfAborted();
    const url = new URL(endpoint);
    url.searchParams.set('ticket', ticket);
    if (dials++ > 0) st = { ...st, reconnects: st.reconnects + 1 };
    const ws = new WS(url.toString(), { handshakeTimeout: connectTimeoutMs });
    const id = ++seq;
    let settle!: () => void;
    const c: Conn = {
      id,
      ws,
      openedAt: 0,
      awaitingPong: false,
      draining: false,
      inFlight: new Set(),
      closed: new Promise<void>((r) => (settle = r)),
    };
    let lastError: string | undefined;
    return await new Promise<Conn>((resolve, reject) => {
      let opened = false;
      const onAbort = () => ws.terminate();
      signal.addEventListener('abort', onAbort, { once: true });
      ws.on('error', (err) => {
        lastError = err.message;
        log.debug({ connection: id, err: err.message }, 'dingtalk stream: socket error');
      });
      ws.on('open', () => {
        opened = true;
        signal.removeEventListener('abort', onAbort);
        c.openedAt = Date.now();
        resolve(c);
      });
      ws.on('close', (code, reason) => {
        signal.removeEventListener('abort', onAbort);
        clearTimeout(c.grace);
        clearTimers(c);
        settle();
        if (!opened) {
          reject(new Error(lastError ?? `closed before open (${code})`));
          return;
        }
        onClosed(c, c.endReason ?? `closed by the server (${code}${reason.length ? ` ${reason.toString()}` : ''}${lastError ? `, ${lastError}` : ''})`);
      });
      ws.on('pong', () => {
        if (!c.awaitingPong) return;
        c.awaitingPong = false;
        clearTimeout(c.heartbeat);
        armPing(c);
      });
      ws.on('message', (raw: WebSocket.RawData) => onFrame(c, raw));
    });
  }

  function connect(reason: string): void {
    if (!running || attempt || retryTimer) return;
    setState('connecting', reason);
    const abort = new AbortController();
    const a = {
      abort,
      done: dial(abort.signal).then(
        (c) => {
          attempt = undefined;
          promote(c);
        },
        (err: unknown) => {
          attempt = undefined;
          if (!running) return;
          failures++;
          const status = err instanceof PlatformApiError ? err.status : undefined;
          if (status === 401 || status === 403) log.error({ status }, 'dingtalk stream: the gateway refused the client id/secret');
          scheduleRetry(`connect failed: ${describe(err)}`);
        },
      ),
    };
    attempt = a;
  }

  function scheduleRetry(reason: string): void {
    if (!running || attempt || retryTimer) return;
    const delay = fullJitterDelay(Math.max(1, failures), backoff);
    setState('backoff', `${reason}; next attempt in ${delay} ms`);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect(`retry ${failures} after back-off`);
    }, delay);
  }

  function promote(c: Conn): void {
    if (!running) {
      retiring.add(c); // stop() closes it
      return;
    }
    const old = current;
    current = c;
    armPing(c);
    touch(c, false);
    setState('open', old ? `connection #${c.id} open; #${old.id} closes once drained` : `connection #${c.id} open`);
    if (old) retire(old);
  }

  /** The replaced connection: keeps acking what it still has in flight, then closes. Only one drains at a time. */
  function retire(c: Conn): void {
    for (const other of retiring) void closeConn(other, 'replaced twice');
    retiring.add(c);
    c.draining = true;
    clearTimeout(c.idle);
    void Promise.allSettled([...c.inFlight]).then(() => closeConn(c, `replaced by #${current?.id ?? '?'}`));
  }

  function onClosed(c: Conn, reason: string): void {
    retiring.delete(c);
    if (c !== current) {
      log.info({ connection: c.id, reason }, 'dingtalk stream: old connection closed');
      return;
    }
    current = undefined;
    if (!running) return;
    // a connection that survived one heartbeat was healthy: start the back-off over
    if (Date.now() - c.openedAt >= pingMs) failures = 0;
    failures++;
    if (attempt) setState('connecting', `connection #${c.id} ${reason}; replacement under way`);
    else scheduleRetry(`connection #${c.id} ${reason}`);
  }

  function closeConn(c: Conn, why: string): Promise<void> {
    clearTimers(c);
    c.endReason ??= why;
    if (c.ws.readyState === OPEN) {
      c.ws.close(1000);
      clearTimeout(c.grace);
      c.grace = setTimeout(() => c.ws.terminate(), closeGraceMs);
    } else if (c.ws.readyState !== 3) {
      c.ws.terminate();
    }
    return c.closed;
  }

  function armPing(c: Conn): void {
    clearTimeout(c.heartbeat);
    c.heartbeat = setTimeout(() => {
      c.awaitingPong = true;
      c.heartbeat = setTimeout(() => {
        c.endReason = `no pong within ${pingMs} ms`;
        log.warn({ connection: c.id }, `dingtalk stream: no pong within ${pingMs} ms, terminating`);
        c.ws.terminate();
      }, pingMs);
      try {
        c.ws.ping();
      } catch {
        /* not open any more: the close handler takes over */
      }
    }, pingMs);
  }

  /** Any frame proves the server still talks on this socket. */
  function touch(c: Conn, frame = true): void {
    if (frame) st = { ...st, lastFrameAt: new Date().toISOString() };
    clearTimeout(c.idle);
    c.idle = undefined;
    if (!running || c.draining || c !== current) return;
    c.idle = setTimeout(() => replace(c, `no frame for ${idleMs} ms`), idleMs);
  }

  /** Warm reconnect: the new connection opens while `c` still works; promote() then retires `c`. */
  function replace(c: Conn, reason: string): void {
    if (!running || c !== current || c.draining) return;
    c.draining = true;
    clearTimeout(c.idle);
    log.info({ connection: c.id, reason }, 'dingtalk stream: replacing the connection');
    connect(`${reason} on #${c.id}; warm reconnect`);
  }

  function send(c: Conn, frame: unknown, what: string): void {
    if (c.ws.readyState !== OPEN) {
      log.warn({ connection: c.id }, `dingtalk stream: socket gone, ${what} not sent`);
      return;
    }
    c.ws.send(JSON.stringify(frame), (err) => {
      if (err) log.warn({ connection: c.id, err: err.message }, `dingtalk stream: ${what} not sent`);
    });
  }

  function onFrame(c: Conn, raw: WebSocket.RawData): void {
    let frame: Frame;
    try {
      frame = JSON.parse(raw.toString()) as Frame;
    } catch {
      log.warn({ connection: c.id }, 'dingtalk stream: a frame that is not JSON, ignored');
      return;
    }
    touch(c);
    const headers = frame.headers ?? {};
    const topic = typeof headers.topic === 'string' ? headers.topic : '';
    switch (frame.type) {
      case 'SYSTEM':
        if (topic === 'ping') send(c, { code: 200, headers, message: 'OK', data: frame.data }, 'ping echo');
        else if (topic === 'disconnect') replace(c, 'server sent disconnect');
        else log.debug({ connection: c.id, topic }, 'dingtalk stream: system frame');
        return;
      case 'EVENT':
        // subscribed (topic "*") but not used: acked so that it is not pushed again
        log.debug({ connection: c.id, topic }, 'dingtalk stream: event ignored');
        if (typeof headers.messageId === 'string') send(c, ackFrame(headers.messageId, { status: 'SUCCESS' }), 'event ack');
        return;
      case 'CALLBACK':
        onCallbackFrame(c, frame, topic);
        return;
      default:
        log.debug({ connection: c.id, type: String(frame.type) }, 'dingtalk stream: unknown frame type');
    }
  }

  function onCallbackFrame(c: Conn, frame: Frame, topic: string): void {
    const messageId = frame.headers?.messageId;
    if (typeof messageId !== 'string' || !messageId) {
      log.warn({ connection: c.id, topic }, 'dingtalk stream: callback without messageId, ignored');
      return;
    }
    if (!running) return; // stopping: left for redelivery
    let data: unknown = frame.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        /* handed over as the string */
      }
    }
    const p: Promise<void> = store(c, { messageId, topic, data }).then(() => {
      c.inFlight.delete(p);
    });
    c.inFlight.add(p);
  }

  /** onCallback within storeTimeoutMs → ack on the frame's own socket; else no ack (DingTalk redelivers). */
  async function store(c: Conn, cb: DingtalkStreamCallback): Promise<void> {
    const eventId = (cb.data as { msgId?: unknown } | null)?.msgId;
    const fields = { connection: c.id, messageId: cb.messageId, eventId: typeof eventId === 'string' ? eventId : undefined };
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      await Promise.race([
        Promise.resolve().then(() => opts.onCallback(cb)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(new Error(`not stored within ${storeTimeoutMs} ms`));
          }, storeTimeoutMs);
        }),
      ]);
    } catch (err) {
      log.warn(
        { ...fields, err: err instanceof Error ? err.message : String(err) },
        timedOut ? 'dingtalk stream: callback not stored in time, not acked (DingTalk redelivers)' : 'dingtalk stream: callback not stored, not acked (DingTalk redelivers)',
      );
      return;
    } finally {
      clearTimeout(timer);
    }
    if (c.ws.readyState !== OPEN) {
      log.warn(fields, 'dingtalk stream: callback stored but its socket closed before the ack (DingTalk redelivers, the store dedupes)');
      return;
    }
    send(c, ackFrame(cb.messageId, { response: null }), 'ack');
  }

  return {
    start() {
      if (running) return;
      if (stopping) throw new Error('dingtalk stream: start() while stop() is under way');
      running = true;
      failures = 0;
      dials = 0;
      st = { ...st, reconnects: 0 };
      connect('start()');
    },
    stop() {
      if (stopping) return stopping;
      if (!running) return Promise.resolve();
      running = false;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      const pending = attempt;
      pending?.abort.abort();
      stopping = (async () => {
        await pending?.done;
        const conns = [current, ...retiring].filter((c): c is Conn => c !== undefined);
        for (const c of conns) clearTimeout(c.idle);
        // callbacks in flight are bounded by storeTimeoutMs; a stored one is still acked
        await Promise.allSettled(conns.flatMap((c) => [...c.inFlight]));
        await Promise.all(conns.map((c) => closeConn(c, 'stopped')));
        current = undefined;
        retiring.clear();
        setState('stopped', 'stop() called');
      })().finally(() => {
        stopping = undefined;
      });
      return stopping;
    },
    state: () => ({ ...st }),
  };
}

function ackFrame(messageId: string, payload: unknown) {
  return { code: 200, headers: { contentType: 'application/json', messageId }, message: 'OK', data: JSON.stringify(payload) };
}

/** An error for a state reason: message and cause, never a URL's query (the ticket) or the secret. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${err.message}${cause}`.replace(/ticket=[^&\s]*/g, 'ticket=***');
}
