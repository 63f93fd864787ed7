import { neutralizeUserText } from '../../messages/outbound.js';
import { stripBotMention, type InboundMessage, type ReceiveResult } from '../../messages/inbound.js';
import { decodeCardKey, isTaskId } from './card.js';
import { wecomCallbackSchema, type WecomCallback } from './payload.js';

/**
 * Pure mapper: a decrypted AI bot callback → InboundMessage, or ignored (images, files, events other than a tap on
 * one of our cards' buttons …).
 */
export function wecomToInbound(cb: WecomCallback, botName: string, receivedAt: Date): ReceiveResult {
  if (cb.msgtype === 'event') return wecomCardEventToInbound(cb, receivedAt);
  let content: string | null = null;
  if (cb.msgtype === 'text' && cb.text) content = cb.text.content;
  else if (cb.msgtype === 'mixed' && cb.mixed) {
    const parts = cb.mixed.msg_item.filter((i) => i.msgtype === 'text' && i.text).map((i) => i.text!.content);
    content = parts.length ? parts.join('\n') : null;
  }
  if (content === null) return { kind: 'ignored', reason: `msgtype ${cb.msgtype}` };
  const group = cb.chattype === 'group';
  const { text } = stripBotMention(neutralizeUserText(content), botName, group);
  const message: InboundMessage = {
    platform: 'wecom',
    eventId: cb.msgid,
    chatId: group ? (cb.chatid ?? '') : cb.from.userid,
    chatType: group ? 'group' : 'single',
    sender: { platform: 'wecom', id: cb.from.userid },
    text,
    mentions: [],
    sentAt: new Date(cb.create_time ? cb.create_time * 1000 : receivedAt.getTime()).toISOString(),
    // an absent key, not an undefined one: the store would keep an undefined as null
    ...(cb.response_url ? { replyVia: { kind: 'wecom-response-url', url: cb.response_url } } : {}),
  };
  if (group && !message.chatId) return { kind: 'ignored', reason: 'group message without chatid' };
  return { kind: 'message', message, raw: cb };
}

/**
 * A tap on a button of one of the bot's template cards (`template_card_event`) → the message its button stands for:
 * the command its key carries (only the shapes a button may carry: anything else is ignored — a key is written by
 * whoever sends the event), from the tapper, in the conversation of the card, marked as coming from the card. The
 * event's msgid is its id (dedupe). The key and task_id are read where doc 101027 puts them
 * (`event.template_card_event`) or where the SDK's types do (`event`).
 *
 * `reqId` (long connection): the answer updates the card (ReplyVia `wecom-card`). Callback mode: WeCom takes the
 * update only as the passive reply to the event's own callback, so the answer is handed to that waiting request by
 * the event's msgid (ReplyVia `wecom-card-callback`, see src/server/app.ts); once that request has answered without
 * it, the answer goes through the event's response_url (when it has one) as text, and the card stays.
 */
export function wecomCardEventToInbound(cb: WecomCallback, receivedAt: Date, reqId?: string): ReceiveResult {
  const ev = cb.event;
  if (ev?.eventtype !== 'template_card_event') return { kind: 'ignored', reason: `event ${ev?.eventtype ?? '(none)'}` };
  const key = ev.template_card_event?.event_key ?? ev.event_key;
  const taskId = ev.template_card_event?.task_id ?? ev.task_id;
  const command = decodeCardKey(key);
  if (!command) return { kind: 'ignored', reason: 'card event with a key that is not a button command' };
  if (!isTaskId(taskId)) return { kind: 'ignored', reason: 'card event without a valid task_id' };
  const group = cb.chattype === 'group';
  const chatId = group ? (cb.chatid ?? '') : cb.from.userid;
  if (!chatId) return { kind: 'ignored', reason: 'group card event without chatid' };
  const replyVia: InboundMessage['replyVia'] = reqId
    ? { kind: 'wecom-card', reqId, taskId }
    : { kind: 'wecom-card-callback', eventId: cb.msgid, taskId, ...(cb.response_url ? { url: cb.response_url } : {}) };
  const message: InboundMessage = {
    platform: 'wecom',
    eventId: cb.msgid,
    chatId,
    chatType: group ? 'group' : 'single',
    sender: { platform: 'wecom', id: cb.from.userid },
    text: command,
    mentions: [],
    sentAt: new Date(cb.create_time ? cb.create_time * 1000 : receivedAt.getTime()).toISOString(),
    card: reqId ? { taskId, reqId } : { taskId },
    replyVia,
  };
  return { kind: 'message', message, raw: cb };
}

/**
 * A long-connection `aibot_event_callback` frame → InboundMessage when it is a tap on one of our cards (see
 * `wecomCardEventToInbound`); every other event, or a body of the wrong shape, is ignored.
 */
export function wecomEventFrameToInbound(frame: { reqId: string; body: unknown }, receivedAt: Date): ReceiveResult {
  const cb = wecomCallbackSchema.safeParse(frame.body);
  if (!cb.success) return { kind: 'ignored', reason: 'malformed long-connection event' };
  return wecomCardEventToInbound({ ...cb.data, response_url: undefined }, receivedAt, frame.reqId || undefined);
}

/**
 * A long-connection `aibot_msg_callback` frame → InboundMessage: its body is the HTTP mode's decrypted callback, and
 * the answer goes back on the socket with the frame's req_id (there is no response_url). A body of the wrong shape is
 * ignored (the socket has no status code to refuse it with).
 */
export function wecomFrameToInbound(frame: { reqId: string; body: unknown }, botName: string, receivedAt: Date): ReceiveResult {
  const cb = wecomCallbackSchema.safeParse(frame.body);
  if (!cb.success) return { kind: 'ignored', reason: 'malformed long-connection callback' };
  const r = wecomToInbound({ ...cb.data, response_url: undefined }, botName, receivedAt);
  if (r.kind !== 'message' || !frame.reqId) return r;
  return { ...r, message: { ...r.message, replyVia: { kind: 'wecom-ws', reqId: frame.reqId } } };
}
