import { neutralizeUserText } from '../../messages/outbound.js';
import { stripBotMention, type InboundMessage, type ReceiveResult } from '../../messages/inbound.js';
import { wecomCallbackSchema, type WecomCallback } from './payload.js';

/** Pure mapper: a decrypted AI bot callback → InboundMessage, or ignored (events, images, files …). */
export function wecomToInbound(cb: WecomCallback, botName: string, receivedAt: Date): ReceiveResult {
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
