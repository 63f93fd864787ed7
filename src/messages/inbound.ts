import type { PlatformId } from '../domain/platform.js';

export type { PlatformId };

export interface UserRef {
  platform: PlatformId;
  /** WeCom userid or DingTalk staffId. */
  id: string;
  name?: string;
}

/** How to answer in the same conversation; opaque to handlers. */
export type ReplyVia =
  | { kind: 'wecom-response-url'; url: string }
  /** WeCom long connection: answer with aibot_respond_msg echoing the callback's req_id. */
  | { kind: 'wecom-ws'; reqId: string }
  /**
   * WeCom long connection, a tap on a template card's button (template_card_event): the answer updates that card
   * (aibot_respond_update_msg echoing the event's req_id, the card's task_id kept) within WeCom's 5 s; once that is
   * no longer possible, it is posted to the chat as text.
   */
  | { kind: 'wecom-card'; reqId: string; taskId: string }
  /**
   * WeCom callback mode, a tap on a template card's button: WeCom takes the card's update only as the passive reply to
   * the event's own HTTP callback (within its 5 s). The answer is handed to that waiting request, keyed by the
   * event's msgid (`eventId`); once that request has answered without it, the answer goes as text through the
   * event's response_url (`url`, when it has one) or the group's 消息推送 webhook.
   */
  | { kind: 'wecom-card-callback'; eventId: string; taskId: string; url?: string }
  | { kind: 'dingtalk-session'; url: string; expiresAt: number };

/** One normalised group or private message, the only inbound shape handlers see. */
export interface InboundMessage {
  platform: PlatformId;
  /** The platform's unique message id (WeCom msgid, DingTalk msgId). */
  eventId: string;
  chatId: string;
  chatType: 'group' | 'single';
  sender: UserRef;
  /** Message text with the leading @-mention of the bot removed. */
  text: string;
  /** Users @-mentioned in the message, other than the bot. */
  mentions: UserRef[];
  /** ISO-8601. */
  sentAt: string;
  replyVia?: ReplyVia;
  /** DingTalk robotCode, for replies through the open API. */
  robotCode?: string;
  /**
   * The message is a tap on a button of one of the bot's cards (WeCom template_card_event): `text` is the button's
   * command, checked against the shapes a button may carry. An answer to the tapper alone goes privately, and the
   * handler's announcement updates the card where the platform allows (see ReplyVia `wecom-card`).
   */
  card?: { taskId: string; reqId?: string };
}

/** What a receiver returns for an authentic callback. */
export type ReceiveResult =
  | { kind: 'message'; message: InboundMessage; raw: unknown }
  | { kind: 'ignored'; reason: string };

/** Removes the @-mention of the bot: its configured name wherever it stands, else (in groups) a leading "@name ". */
export function stripBotMention(content: string, botName: string, group: boolean): { text: string; mentioned: boolean } {
  const named = new RegExp(`[@＠]${escapeRegExp(botName)}(?=\\s|$)\\s*`, 'g');
  if (named.test(content)) return { text: content.replace(named, '').trim(), mentioned: true };
  const t = content.trim();
  if (group && /^[@＠]\S+\s/.test(t)) return { text: t.replace(/^[@＠]\S+\s+/, '').trim(), mentioned: true };
  return { text: t, mentioned: false };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
