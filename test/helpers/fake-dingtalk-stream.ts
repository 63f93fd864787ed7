import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

export interface FakeStreamOptions {
  clientId?: string;
  clientSecret?: string;
  /** An unacked CALLBACK is pushed again after this long (DingTalk: ~60 s). */
  redeliverMs?: number;
  /** After a SYSTEM `disconnect` the server stops delivering on that socket and closes it this much later (DingTalk: ~10 s). */
  disconnectCloseMs?: number;
  /** SYSTEM ping to every delivering connection this often (0: never); the client must echo it. */
  systemPingMs?: number;
}

export interface FakeStreamConnection {
  id: number;
  ticket: string;
  ws: WebSocket;
  openedAt: number;
  closedAt?: number;
  /** Order of opens and closes on this server (ms timestamps can tie). */
  openedSeq: number;
  closedSeq?: number;
  /** Who ended it: the client's close frame, the server (after `disconnect`), or an abrupt drop by the test. */
  closedBy?: 'client' | 'server' | 'drop';
  /** WebSocket close code as the server saw it (1006: no close frame). */
  closeCode?: number;
  /** False after `disconnect` or `silence`: nothing is pushed on it any more. */
  delivering: boolean;
  /** False after `silence(c, {pongs: false})`: WebSocket pings go unanswered. */
  pongs: boolean;
  /** Every frame the client sent on it. */
  received: any[];
}

export interface FakeDelivery {
  messageId: string;
  connection: number;
  at: number;
  /** 1 for the first push, 2 for the first redelivery, … */
  attempt: number;
}

export interface FakeAck {
  messageId: string;
  connection: number;
  at: number;
  frame: any;
}

interface Pending {
  data: unknown;
  topic: string;
  attempts: number;
  acked: boolean;
  timer?: NodeJS.Timeout;
}

/**
 * A local DingTalk Stream gateway: `POST /v1.0/gateway/connections/open` (checks clientId/clientSecret, 401
 * otherwise; answers `ws://127.0.0.1:port/connect` and a fresh single-use ticket) and the WebSocket it names, speaking
 * the frames of dingtalk-stream 2.1.5. It pushes CALLBACKs, records acks, redelivers what is not acked within
 * redeliverMs, and can misbehave the ways the real one does: `disconnect` then close later, drop a socket, go silent.
 */
export async function startFakeDingtalkStream(options: FakeStreamOptions = {}) {
  const clientId = options.clientId ?? 'ding-client';
  const clientSecret = options.clientSecret ?? 'ding-secret';
  const redeliverMs = options.redeliverMs ?? 60_000;
  const disconnectCloseMs = options.disconnectCloseMs ?? 10_000;
  const systemPingMs = options.systemPingMs ?? 0;

  const connections: FakeStreamConnection[] = [];
  const deliveries: FakeDelivery[] = [];
  const acks: FakeAck[] = [];
  const gatewayCalls: { body: any; status: number; at: number }[] = [];
  const issuedTickets: string[] = [];
  const unusedTickets = new Set<string>();
  const rejectedSockets: string[] = [];
  const pending = new Map<string, Pending>();
  const pingWaiters = new Map<string, () => void>();
  const timers = new Set<NodeJS.Timeout>();
  let gatewayFailures: { count: number; status: number } = { count: 0, status: 503 };
  let seq = 0;
  let events = 0;
  let rr = 0;
  let closing = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };
  const cancel = (t: NodeJS.Timeout | undefined) => {
    if (!t) return;
    clearTimeout(t);
    timers.delete(t);
  };

  const http: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        gatewayCalls.push({ body: safeJson(raw), status, at: Date.now() });
        res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v1.0/gateway/connections/open') return answer(404, { code: 'NotFound' });
      if (gatewayFailures.count > 0) {
        gatewayFailures.count--;
        return answer(gatewayFailures.status, { code: 'ServiceUnavailable', message: 'try later' });
      }
      const body = safeJson(raw);
      if (body?.clientId !== clientId || body?.clientSecret !== clientSecret) {
        return answer(401, { code: 'InvalidAuthentication', message: 'clientId or clientSecret is wrong' });
      }
      const ticket = randomUUID();
      issuedTickets.push(ticket);
      unusedTickets.add(ticket);
      answer(200, { endpoint: `ws://127.0.0.1:${port}/connect`, ticket });
    });
  });

  const wss = new WebSocketServer({ noServer: true, autoPong: false });
  http.on('upgrade', (req, socket: Duplex, head) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/connect' || !unusedTickets.delete(ticket)) {
      rejectedSockets.push(ticket);
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, ticket));
  });

  function accept(ws: WebSocket, ticket: string) {
    const c: FakeStreamConnection = { id: ++seq, ticket, ws, openedAt: Date.now(), openedSeq: ++events, delivering: !closing, pongs: true, received: [] };
    connections.push(c);
    let pinger: NodeJS.Timeout | undefined;
    if (systemPingMs > 0) {
      const tick = () => {
        pinger = later(systemPingMs, () => {
          if (c.delivering && ws.readyState === WebSocket.OPEN) void systemPing(c).catch(() => undefined);
          if (ws.readyState === WebSocket.OPEN) tick();
        });
      };
      tick();
    }
    ws.on('ping', (data) => {
      if (c.pongs && ws.readyState === WebSocket.OPEN) ws.pong(data);
    });
    ws.on('message', (raw) => {
      const frame = safeJson(raw.toString());
      c.received.push(frame);
      const id = frame?.headers?.messageId;
      if (frame?.code !== 200 || typeof id !== 'string') return;
      const waiter = pingWaiters.get(id);
      if (waiter) {
        pingWaiters.delete(id);
        waiter();
        return;
      }
      acks.push({ messageId: id, connection: c.id, at: Date.now(), frame });
      const p = pending.get(id);
      if (p && !p.acked) {
        p.acked = true;
        cancel(p.timer);
      }
    });
    ws.on('close', (code) => {
      cancel(pinger);
      c.closedAt = Date.now();
      c.closedSeq = ++events;
      c.closeCode = code;
      // the server ends a socket only through disconnect() or drop(), which say so first
      c.closedBy ??= 'client';
    });
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const addr = http.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;

  const isOpen = (c: FakeStreamConnection) => c.ws.readyState === WebSocket.OPEN;
  const live = () => connections.filter((c) => isOpen(c) && c.delivering);

  function frame(type: 'SYSTEM' | 'CALLBACK' | 'EVENT', topic: string, messageId: string, c: FakeStreamConnection, data: unknown) {
    return {
      specVersion: '1.0',
      type,
      headers: { appId: 'app-1', connectionId: `conn-${c.id}`, contentType: 'application/json', messageId, time: String(Date.now()), topic },
      data: typeof data === 'string' ? data : JSON.stringify(data),
    };
  }

  function sendFrame(c: FakeStreamConnection, f: unknown) {
    if (isOpen(c)) c.ws.send(JSON.stringify(f));
  }

  function push(messageId: string, p: Pending, to?: FakeStreamConnection) {
    const c = to ?? live().at(-1);
    if (!c) {
      p.timer = later(redeliverMs, () => push(messageId, p));
      return;
    }
    p.attempts++;
    deliveries.push({ messageId, connection: c.id, at: Date.now(), attempt: p.attempts });
    sendFrame(c, frame('CALLBACK', p.topic, messageId, c, p.data));
    cancel(p.timer);
    p.timer = later(redeliverMs, () => {
      if (!p.acked && !closing) push(messageId, p);
    });
  }

  function systemPing(c: FakeStreamConnection, timeoutMs = 2_000): Promise<void> {
    const id = `ping-${randomUUID()}`;
    return new Promise<void>((resolve, reject) => {
      const t = later(timeoutMs, () => {
        pingWaiters.delete(id);
        reject(new Error(`no echo to SYSTEM ping on #${c.id}`));
      });
      pingWaiters.set(id, () => {
        cancel(t);
        resolve();
      });
      sendFrame(c, frame('SYSTEM', 'ping', id, c, { opaque: id }));
    });
  }

  return {
    base: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    connections,
    deliveries,
    acks,
    gatewayCalls,
    issuedTickets,
    rejectedSockets,

    /** Open sockets (client side not yet closed), whether delivering or not. */
    openSockets: () => connections.filter(isOpen),
    /** The newest open connection that still gets pushes. */
    latest: () => live().at(-1),

    /**
     * Pushes a CALLBACK (robot topic by default); `to`: a connection, 'latest' (default) or 'spread' (round robin
     * over the delivering connections). An existing messageId pushes the same message again (a duplicate).
     */
    sendCallback(data: unknown, o: { messageId?: string; topic?: string; to?: FakeStreamConnection | 'latest' | 'spread' } = {}): string {
      const messageId = o.messageId ?? `msg-${randomUUID()}`;
      let p = pending.get(messageId);
      if (!p) {
        p = { data, topic: o.topic ?? '/v1.0/im/bot/messages/get', attempts: 0, acked: false };
        pending.set(messageId, p);
      }
      let to: FakeStreamConnection | undefined;
      if (o.to === 'spread') {
        const all = live();
        to = all[rr++ % Math.max(1, all.length)];
      } else if (o.to && o.to !== 'latest') to = o.to;
      push(messageId, p, to);
      return messageId;
    },
    /** Any frame, as is, on one connection (even one that no longer delivers). */
    sendFrame,
    frame,
    /** SYSTEM ping; resolves when the client echoed it. */
    systemPing,
    /** SYSTEM disconnect: nothing more is pushed on `c`; it is closed disconnectCloseMs later if still open. */
    disconnect(c: FakeStreamConnection) {
      sendFrame(c, frame('SYSTEM', 'disconnect', `sys-${randomUUID()}`, c, { reason: 'server is restarting' }));
      c.delivering = false;
      later(disconnectCloseMs, () => {
        if (!isOpen(c)) return;
        c.closedBy = 'server';
        c.ws.close(1000, 'disconnect');
      });
    },
    /** Abrupt: the TCP connection is destroyed, no close frame. */
    drop(c: FakeStreamConnection) {
      c.closedBy = 'drop';
      c.ws.terminate();
    },
    /** A zombie: TCP stays up, nothing is pushed; with `pongs: false` WebSocket pings go unanswered too. */
    silence(c: FakeStreamConnection, o: { pongs?: boolean } = {}) {
      c.delivering = false;
      c.pongs = o.pongs ?? true;
    },
    /** The next `count` gateway calls answer `status`. */
    failGateway(count: number, status = 503) {
      gatewayFailures = { count, status };
    },
    isAcked: (messageId: string) => pending.get(messageId)?.acked ?? false,
    deliveriesOf: (messageId: string) => deliveries.filter((d) => d.messageId === messageId),
    acksOf: (messageId: string) => acks.filter((a) => a.messageId === messageId),

    async close() {
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const c of connections) if (c.ws.readyState !== WebSocket.CLOSED) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
export type FakeDingtalkStream = Awaited<ReturnType<typeof startFakeDingtalkStream>>;

function safeJson(s: string): any {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Waits until `pred()` is true, polling; fails with `what` after `timeoutMs`. */
export async function waitUntil(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
