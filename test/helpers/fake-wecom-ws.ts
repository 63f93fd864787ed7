import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake WeCom AI bot long-connection server (wss://openws.work.weixin.qq.com) on 127.0.0.1 and a random port,
 * speaking the frames of `@wecom/aibot-node-sdk@1.0.7`: `{cmd, headers: {req_id}, body}` from the client, answers
 * `{headers: {req_id}, errcode, errmsg}` without cmd, callbacks `aibot_msg_callback` / `aibot_event_callback`.
 *
 * Like the real server, a second subscription for a bot displaces the first: the older socket gets an
 * `aibot_event_callback` with `event.eventtype = "disconnected_event"` and is then closed. The errcodes the fake
 * uses for refusals are its own choice (40001, "invalid secret", as WeCom's gettoken uses it).
 */

export interface ClientFrame {
  /** Which socket sent it (1, 2, … in order of connection). */
  conn: number;
  cmd: string;
  reqId: string;
  body: unknown;
  at: number;
}

export interface FakeWecomWs {
  url: string;
  /** Every frame any client sent, in order. */
  frames: ClientFrame[];
  framesOf(cmd: string): ClientFrame[];
  /** Sockets connected now (subscribed or not). */
  connections(): number;
  /** Close codes the server saw, in order (1000: a clean close; 1006: none). */
  closeCodes: number[];
  liveSubscriptions(botId?: string): number;
  /** An `aibot_msg_callback` to the bot's live subscription; returns its req_id. */
  push(body: object, botId?: string): string;
  /** An `aibot_event_callback` to the bot's live subscription; returns its req_id. */
  pushEvent(body: object, botId?: string): string;
  /** The same `aibot_msg_callback` frame (same req_id) sent twice; returns the req_id. */
  pushTwice(body: object, botId?: string): string;
  /** Answer later frames of `cmd` with this errcode (0 restores success). */
  answerWith(cmd: string, errcode: number, errmsg?: string): void;
  /** Never answer frames of `cmd` (the client's ack timeout fires). */
  mute(cmd: string): void;
  /** Terminate every socket abruptly: no close frame. */
  drop(): void;
  /** The sockets open now stop answering and sending (TCP stays up); later connections behave normally. */
  goSilent(): void;
  close(): Promise<void>;
}

interface Conn {
  id: number;
  ws: WebSocket;
  botId?: string;
  live: boolean;
  silent: boolean;
}

export const FAKE_BAD_SECRET = 40001;

export async function startFakeWecomWs(opts: { bots: Record<string, string> }): Promise<FakeWecomWs> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const port = (wss.address() as AddressInfo).port;
  const conns = new Set<Conn>();
  const frames: ClientFrame[] = [];
  const closeCodes: number[] = [];
  const answers = new Map<string, { errcode: number; errmsg: string }>();
  const muted = new Set<string>();
  const defaultBot = Object.keys(opts.bots)[0];
  let nextId = 1;

  function sendTo(conn: Conn, frame: object): void {
    if (!conn.silent && conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(frame));
  }

  function answer(conn: Conn, reqId: string, errcode: number, errmsg: string): void {
    sendTo(conn, { headers: { req_id: reqId }, errcode, errmsg });
  }

  function liveFor(botId: string): Conn[] {
    return [...conns].filter((c) => c.live && c.botId === botId);
  }

  function onFrame(conn: Conn, raw: string): void {
    let frame: { cmd?: unknown; headers?: { req_id?: unknown }; body?: unknown };
    try {
      frame = JSON.parse(raw) as typeof frame;
    } catch {
      conn.ws.close(1003, 'not json');
      return;
    }
    const cmd = typeof frame.cmd === 'string' ? frame.cmd : '';
    const reqId = typeof frame.headers?.req_id === 'string' ? frame.headers.req_id : '';
    frames.push({ conn: conn.id, cmd, reqId, body: frame.body, at: Date.now() });
    if (conn.silent) return;

    if (cmd === 'aibot_subscribe') {
      const body = (frame.body ?? {}) as { bot_id?: unknown; secret?: unknown };
      const botId = typeof body.bot_id === 'string' ? body.bot_id : '';
      if (!(botId in opts.bots) || opts.bots[botId] !== body.secret) {
        answer(conn, reqId, FAKE_BAD_SECRET, 'invalid secret');
        conn.ws.close(1000, 'subscribe refused');
        return;
      }
      // the newer subscription wins: tell the older socket, then close it (the real server's behaviour)
      for (const older of liveFor(botId)) {
        older.live = false;
        sendTo(older, {
          cmd: 'aibot_event_callback',
          headers: { req_id: newReqId() },
          body: { msgid: newReqId(), aibotid: botId, create_time: Math.floor(Date.now() / 1000), msgtype: 'event', event: { eventtype: 'disconnected_event' } },
        });
        older.ws.close(1000, 'displaced');
      }
      conn.botId = botId;
      conn.live = true;
      answer(conn, reqId, 0, 'ok');
      return;
    }
    if (!conn.live) {
      answer(conn, reqId, FAKE_BAD_SECRET, 'not subscribed');
      return;
    }
    if (cmd === 'ping') {
      answer(conn, reqId, 0, 'ok');
      return;
    }
    if (muted.has(cmd)) return;
    const set = answers.get(cmd) ?? { errcode: 0, errmsg: 'ok' };
    answer(conn, reqId, set.errcode, set.errmsg);
  }

  wss.on('connection', (ws) => {
    const conn: Conn = { id: nextId++, ws, live: false, silent: false };
    conns.add(conn);
    ws.on('message', (data) => onFrame(conn, data.toString()));
    ws.on('close', (code) => {
      closeCodes.push(code);
      conn.live = false;
      conns.delete(conn);
    });
    ws.on('error', () => {});
  });

  function target(botId: string | undefined): Conn {
    const id = botId ?? defaultBot;
    const live = id === undefined ? [] : liveFor(id);
    if (live.length !== 1) throw new Error(`fake WeCom: ${live.length} live subscriptions for bot ${id}`);
    return live[0]!;
  }

  function pushFrame(cmd: string, body: object, botId: string | undefined, times: number): string {
    const conn = target(botId);
    const reqId = newReqId();
    for (let i = 0; i < times; i++) sendTo(conn, { cmd, headers: { req_id: reqId }, body });
    return reqId;
  }

  return {
    url: `ws://127.0.0.1:${port}`,
    frames,
    framesOf: (cmd) => frames.filter((f) => f.cmd === cmd),
    connections: () => conns.size,
    closeCodes,
    liveSubscriptions: (botId = defaultBot) => (botId === undefined ? 0 : liveFor(botId).length),
    push: (body, botId) => pushFrame('aibot_msg_callback', body, botId, 1),
    pushEvent: (body, botId) => pushFrame('aibot_event_callback', body, botId, 1),
    pushTwice: (body, botId) => pushFrame('aibot_msg_callback', body, botId, 2),
    answerWith(cmd, errcode, errmsg = errcode === 0 ? 'ok' : `error ${errcode}`) {
      answers.set(cmd, { errcode, errmsg });
    },
    mute: (cmd) => void muted.add(cmd),
    drop() {
      for (const c of conns) {
        c.live = false;
        c.ws.terminate();
      }
    },
    goSilent() {
      for (const c of conns) c.silent = true;
    },
    async close() {
      for (const c of conns) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A group text callback as WeCom sends it (doc 100719): the content still starts with the @mention. */
export function textCallback(o: { msgid?: string; chatid?: string; userid?: string; content?: string; botId?: string } = {}): Record<string, unknown> {
  return {
    msgid: o.msgid ?? `msg-${randomBytes(6).toString('hex')}`,
    aibotid: o.botId ?? 'bot-1',
    chatid: o.chatid ?? 'wrkSFfCgAAgroup1',
    chattype: 'group',
    from: { userid: o.userid ?? 'zhangsan' },
    create_time: Math.floor(Date.now() / 1000),
    msgtype: 'text',
    text: { content: o.content ?? '@店小二 路灯坏了' },
  };
}

/** Poll `cond` until it holds; throws with `what` after `timeoutMs`. */
export async function waitUntil(cond: () => boolean, what: string, timeoutMs = 5000, intervalMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function newReqId(): string {
  return randomBytes(8).toString('hex');
}
