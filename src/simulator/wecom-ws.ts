import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';

/** Where the simulator serves WeCom's long connection on its own port. */
export const SIM_WECOM_WS_PATH = '/sim/wecom/ws';

interface Frame {
  cmd?: string;
  headers?: { req_id?: string };
  body?: Record<string, any>;
}

/**
 * The simulator's WeCom AI bot in long-connection mode: the server side of the protocol the bot's client speaks
 * (src/platforms/wecom/long-connection.ts) — `aibot_subscribe` checked against the made-up bot id and secret, `ping`
 * answered, a newer subscription displacing the older one with `disconnected_event` as WeCom does; what people type
 * goes to the bot as `aibot_msg_callback`, and the bot's `aibot_respond_msg` (to the conversation of the callback it
 * echoes), `aibot_send_msg` (to a group's chatid or a userid) and `aibot_respond_update_msg` reach the page's feed.
 */
export function createSimWecomSocket(deps: {
  botId: string;
  secret: string;
  /** The conversation a chatid names: a WeCom group of the directory, else a person's private chat. */
  conversationOf(chatid: string): Promise<string>;
  /** Shows what the bot sent in a conversation. */
  show(conversation: string, text: string): void;
}) {
  const wss = new WebSocketServer({ noServer: true });
  const answerTo = new Map<string, string>();
  let live: WebSocket | null = null;

  const reply = (ws: WebSocket, reqId: string, errcode = 0, errmsg = 'ok') => ws.send(JSON.stringify({ headers: { req_id: reqId }, errcode, errmsg }));
  /** The text of a body the bot sends: a finished stream, markdown, or a card's titles. */
  const textOf = (b: Record<string, any>): string => {
    if (b.stream) return String(b.stream.content ?? '');
    if (b.markdown) return String(b.markdown.content ?? '');
    const card = b.template_card ?? b;
    const parts = [card.main_title?.title, card.main_title?.desc, card.sub_title_text, ...(card.button_list ?? []).map((x: { text?: string }) => `［${x.text ?? ''}］`)];
    return parts.filter(Boolean).join('\n');
  };

  wss.on('connection', (ws) => {
    let subscribed = false;
    ws.on('message', (data) => {
      let f: Frame;
      try {
        f = JSON.parse(String(data)) as Frame;
      } catch {
        return;
      }
      const reqId = f.headers?.req_id ?? '';
      if (f.cmd === 'aibot_subscribe') {
        if (f.body?.bot_id !== deps.botId || f.body?.secret !== deps.secret) {
          reply(ws, reqId, 40001, 'invalid secret');
          return void ws.close();
        }
        // one subscription per bot: the older one is told and closed, as WeCom does
        if (live && live !== ws) {
          const old = live;
          old.send(JSON.stringify({ cmd: 'aibot_event_callback', headers: { req_id: randomUUID() }, body: { msgtype: 'event', event: { eventtype: 'disconnected_event' } } }));
          setTimeout(() => old.close(), 50).unref();
        }
        live = ws;
        subscribed = true;
        return reply(ws, reqId);
      }
      if (!subscribed) return reply(ws, reqId, 40001, 'not subscribed');
      if (f.cmd === 'ping') return reply(ws, reqId);
      const body = f.body ?? {};
      if (f.cmd === 'aibot_respond_msg' || f.cmd === 'aibot_respond_update_msg') {
        const conversation = answerTo.get(reqId);
        if (!conversation) return reply(ws, reqId, 40001, 'invalid req_id');
        deps.show(conversation, f.cmd === 'aibot_respond_update_msg' ? `（卡片已更新）${textOf(body)}` : textOf(body));
        return reply(ws, reqId);
      }
      if (f.cmd === 'aibot_send_msg') {
        void deps.conversationOf(String(body.chatid ?? '')).then((conversation) => {
          deps.show(conversation, textOf(body));
          reply(ws, reqId);
        });
        return;
      }
      reply(ws, reqId, 40001, `unknown cmd ${f.cmd ?? ''}`);
    });
    ws.on('close', () => {
      if (live === ws) live = null;
    });
  });

  return {
    /** Serves the WebSocket on the bot's own HTTP server. */
    attach(server: Server) {
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (new URL(req.url ?? '/', 'http://sim').pathname !== SIM_WECOM_WS_PATH) return;
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      });
    },
    /** Hands a callback to the subscribed bot; false when the bot is not connected. The answer goes to `conversation`. */
    deliver(body: Record<string, unknown>, conversation: string): boolean {
      if (!live || live.readyState !== WebSocket.OPEN) return false;
      const reqId = `sim_${randomUUID().replace(/-/g, '')}`;
      answerTo.set(reqId, conversation);
      if (answerTo.size > 2000) answerTo.delete(answerTo.keys().next().value!);
      live.send(JSON.stringify({ cmd: 'aibot_msg_callback', headers: { req_id: reqId }, body }));
      return true;
    },
    close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
