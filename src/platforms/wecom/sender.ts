import type { WecomConfig } from '../../../config/index.js';
import { splitByBytes, toPlainText, type OutboundMessage, type OutboundTarget } from '../../messages/outbound.js';
import { PlatformApiError, PlatformNetworkError } from '../../shared/errors.js';
import { callWithAccessToken, requestJson, sameOrigin } from '../http.js';
import { sendParts, type PartProgress, type Sender, type TokenCache } from '../types.js';
import { newTaskId, toWecomCard, toWecomCardUpdate } from './card.js';
import { createWecomAccessToken } from './jssdk.js';
import { toWecomMarkdown, toWecomMarkdownParts, truncateBytes, wecomMarkdownText } from './render.js';

/** errcodes worth another try: system busy. */
const RETRYABLE = new Set([-1, 45033]);
/** Sending too fast (接口调用超过限制): wait at least a minute. */
const RATE_LIMITED = 45009;
export const WECOM_TEXT_MAX_BYTES = 2048;
/** A stream answer's content on the long connection (doc 101031: at most 20480 bytes). */
export const WECOM_STREAM_MAX_BYTES = 20480;

/** The long connection as the sender uses it (src/platforms/wecom/long-connection.ts), in long-connection mode. */
export interface WecomChannel {
  /** Whether this process holds the bot's subscription and the socket is open. */
  isOpen(): boolean;
  respond(reqId: string, body: object): Promise<void>;
  /** Updates a tapped template card (aibot_respond_update_msg, echoing the event's req_id; within 5 s of it). */
  updateCard(reqId: string, body: object): Promise<void>;
  send(chatid: string, body: object): Promise<void>;
}

/**
 * Callback mode: hands the update of a tapped card to the HTTP request of the tap's event, which answers WeCom with
 * it (src/server/app.ts, src/queue/card-replies.ts). False: that request has answered without it.
 */
export interface WecomCardReplies {
  offer(eventId: string, body: object): Promise<boolean>;
}

export interface WecomSenderDeps {
  webhookKey(chatId: string): Promise<string | undefined>;
  /** Callback mode: where the update of a tapped card goes (none: the answer to a tap goes as text). */
  cardReplies?: WecomCardReplies;
  /** Long-connection mode: answers and group pushes go over the socket (no response_url, no 消息推送 key needed). */
  channel?: WecomChannel;
  tokens: TokenCache;
  rateLimitWaitMs: number;
}

/**
 * WeCom: replies through the AI bot's `response_url` (single use, only on WECOM_API_BASE's origin); group messages
 * through the group's 消息推送 webhook key from the directory, in ordered parts within 4096 bytes; private messages
 * through the application's message/send as plain text in parts within 2048 bytes (markdown does not render for
 * officials reading in the WeChat plug-in). HTTP 200 is not success: errcode decides.
 *
 * Buttons (`message.actions`) become a `button_interaction` template card where the channel takes one:
 * - long connection: an answer is one `stream_with_template_card` (the markdown with its mentions, and the card); a
 *   push is the markdown parts, then the card (`aibot_send_msg`, msgtype template_card); the answer to a tap updates
 *   the tapped card (`aibot_respond_update_msg`, ReplyVia `wecom-card`) — once that fails for good (the event's 5 s
 *   are over, the req_id is unknown to this connection) the answer is pushed to the chat as text instead;
 * - callback mode: an answer with buttons is the card alone, through the response_url (one body: markdown or a card,
 *   doc 101138). A card cannot @-mention, so the mentions become names: the responsible person is also told
 *   privately, and the enterprise reads its own group. The answer to a tap is the card's update, handed to the
 *   HTTP request of the tap's event, which answers WeCom with it (ReplyVia `wecom-card-callback`); once that request
 *   has answered without it (WeCom's 5 s), the answer goes as text (the event's response_url, else the group's
 *   webhook) and the card stays. The 消息推送 webhook takes only text_notice/news_notice cards (platforms.md §2.1),
 *   so group pushes stay text;
 * - application messages (private, message/send): text.
 */
export function createWecomSender(cfg: WecomConfig, deps: WecomSenderDeps): Sender {
  /** A non-zero errcode as an error: 45009 waits `rateLimitWaitMs`, -1 and 45033 are worth another try. */
  function apiError(method: string, errcode: number): PlatformApiError {
    if (errcode === RATE_LIMITED) return new PlatformApiError('wecom', method, errcode, 200, 'rate limited (45009)', true, deps.rateLimitWaitMs);
    return new PlatformApiError('wecom', method, errcode, 200, `errcode ${errcode}`, RETRYABLE.has(errcode));
  }

  function check(method: string, json: Record<string, unknown>): void {
    const errcode = Number(json.errcode ?? 0);
    if (errcode !== 0) throw apiError(method, errcode);
  }

  const app = cfg.app;
  // the one access-token fetcher (jssdk.ts), its errcodes judged as every other call's here (45009 waits, 45033 retries)
  const accessToken =
    app &&
    createWecomAccessToken({
      apiBase: cfg.apiBase,
      corpId: app.corpId,
      agentId: app.agentId,
      agentSecret: app.agentSecret,
      tokens: deps.tokens,
      onError: (errcode) => apiError('gettoken', errcode),
    });

  async function sendApp(userId: string, message: OutboundMessage, progress?: PartProgress): Promise<void> {
    if (!app || !accessToken) throw new PlatformApiError('wecom', 'message/send', 'NO_APP', 0, 'WECOM_CORP_ID / WECOM_AGENT_ID / WECOM_AGENT_SECRET not set', false);
    await sendParts(
      splitByBytes(toPlainText(message), WECOM_TEXT_MAX_BYTES),
      async (content, sending) => {
        await callWithAccessToken('wecom', 'message/send', accessToken, (t) => `${cfg.apiBase}/cgi-bin/message/send?access_token=${encodeURIComponent(t)}`, {
          body: { touser: userId, msgtype: 'text', agentid: app.agentId, text: { content } },
          beforeRequest: sending,
          onError: (errcode) => apiError('message/send', errcode),
        });
      },
      progress,
    );
  }

  /** The socket, or a retryable error: another instance holds the subscription, or it is reconnecting. */
  function channel(): WecomChannel {
    const c = deps.channel!;
    if (!c.isOpen()) throw new PlatformNetworkError('wecom', 'aibot_send_msg', 'the long connection is not open in this process');
    return c;
  }

  /** What a push sends, in order: the markdown parts, then the card of the message's buttons (if any). */
  function pushParts(message: OutboundMessage): object[] {
    const card = toWecomCard(message, newTaskId());
    return [...toWecomMarkdownParts(message), ...(card ? [{ msgtype: 'template_card', template_card: card }] : [])];
  }

  /**
   * aibot_send_msg to a chat (a group's chatid, or a userid for a private chat), in ordered parts; a message with
   * buttons ends with its card (a card cannot @-mention: the text before it does).
   */
  async function push(chatid: string, message: OutboundMessage, progress?: PartProgress): Promise<void> {
    await sendParts(
      pushParts(message),
      async (part, sending) => {
        await sending();
        await channel().send(chatid, part);
      },
      progress,
    );
  }

  return {
    platform: 'wecom',
    async send(target: OutboundTarget, message: OutboundMessage, progress?: PartProgress) {
      if (deps.channel) {
        // long-connection mode: officials' private messages still go through the application when there is one
        // (they read it in WeCom's app list); everything else over the socket
        if (target.kind === 'user') return app ? sendApp(target.userId, message, progress) : push(target.userId, message, progress);
        if (target.kind === 'group') return push(target.chatId, message, progress);
        const via = target.replyVia;
        if (via?.kind === 'wecom-card' && (progress?.done ?? 0) === 0) {
          await progress?.sending?.(0);
          try {
            // the answer to a tap: the tapped card, updated to show who did what
            await channel().updateCard(via.reqId, toWecomCardUpdate(message, via.taskId));
            await progress?.mark(pushParts(message).length);
            return;
          } catch (err) {
            // too late (WeCom's 5 s), or a req_id this connection does not know: the card stays, the answer goes as text
            if (!(err instanceof PlatformApiError) || err.retryable) throw err;
          }
          return push(target.chatId, { ...message, actions: undefined }, progress);
        }
        if (via?.kind === 'wecom-ws' && (progress?.done ?? 0) === 0) {
          await progress?.sending?.(0);
          try {
            // the answer to the callback: one finished stream (markdown), within its limit, with the card of its buttons
            const content = truncateBytes(wecomMarkdownText(message), WECOM_STREAM_MAX_BYTES);
            const stream = { id: `x${via.reqId}`.slice(0, 64), finish: true, content };
            const card = toWecomCard(message, newTaskId());
            await channel().respond(
              via.reqId,
              card ? { msgtype: 'stream_with_template_card', stream, template_card: card } : { msgtype: 'stream', stream },
            );
            // the whole message went as one answer: every part of the push it replaces is done
            await progress?.mark(pushParts(message).length);
            return;
          } catch (err) {
            // a req_id this connection no longer answers (reconnected since, or expired): push to the chat instead
            if (!(err instanceof PlatformApiError) || err.retryable) throw err;
          }
        }
        return push(target.chatId, message, progress);
      }
      if (target.kind === 'user') return sendApp(target.userId, message, progress);
      let via = target.kind === 'reply' ? target.replyVia : undefined;
      if (via?.kind === 'wecom-card-callback') {
        if ((progress?.done ?? 0) === 0 && deps.cardReplies) {
          await progress?.sending?.(0);
          // the answer to a tap: the tapped card, updated, as the passive reply of the tap's own callback
          if (await deps.cardReplies.offer(via.eventId, toWecomCardUpdate(message, via.taskId))) return;
        }
        // that callback was answered without it: the card stays, the answer goes as text
        message = { ...message, actions: undefined };
        via = via.url ? { kind: 'wecom-response-url', url: via.url } : undefined;
      }
      // a group answer without a response_url (a card tap's event may come without one): the group's webhook, if any
      const viaWebhook =
        target.kind === 'group' || (via?.kind !== 'wecom-response-url' && target.chatType === 'group' && Boolean(await deps.webhookKey(target.chatId)));
      if (viaWebhook) {
        // the 消息推送 webhook takes no button_interaction card (only text_notice / news_notice): text, as typed
        const key = await deps.webhookKey(target.chatId);
        if (!key) throw new PlatformApiError('wecom', 'webhook/send', 'NO_KEY', 0, `no 消息推送 key for group ${target.chatId}`, false);
        const url = `${cfg.apiBase}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`;
        return sendParts(
          toWecomMarkdownParts(message),
          async (part, sending) => {
            await sending();
            check('webhook/send', (await requestJson('wecom', 'webhook/send', url, { body: part })).json);
          },
          progress,
        );
      }
      if (via?.kind !== 'wecom-response-url') {
        throw new PlatformApiError('wecom', 'reply', 'NO_ROUTE', 0, 'no response_url for this conversation', false);
      }
      if (!sameOrigin(via.url, cfg.apiBase)) {
        throw new PlatformApiError('wecom', 'reply', 'FOREIGN_HOST', 0, 'response_url is not on WECOM_API_BASE', false);
      }
      // single use: one body. A message with buttons is its card: the one body cannot be both, and the @-mentions are
      // lost (names instead) — accepted, the responsible person is also told privately and the enterprise reads its
      // own group; otherwise markdown cut to the limit, its mentions notifying
      const card = toWecomCard(message, newTaskId());
      await progress?.sending?.(0);
      const body = card ? { msgtype: 'template_card', template_card: card } : toWecomMarkdown(message);
      const { json } = await requestJson('wecom', 'aibot/response', via.url, { body });
      check('aibot/response', json);
    },
  };
}
