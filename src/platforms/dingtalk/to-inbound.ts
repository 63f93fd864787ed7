import { neutralizeUserText } from '../../messages/outbound.js';
import { stripBotMention, type InboundMessage, type ReceiveResult, type UserRef } from '../../messages/inbound.js';
import { sameOrigin } from '../http.js';
import type { DingtalkCallback } from './payload.js';

export interface DingtalkIntakeOptions {
  /** Only a sessionWebhook on this origin (DINGTALK_OAPI_BASE) is ever kept; default DingTalk's own oapi host. */
  oapiBase?: string;
  /** This app's robot code: replies through the open API use it, never one taken from a payload. */
  robotCode?: string;
}

/** A sessionWebhook the bot may call: DingTalk's `…/robot/sendBySession` on the configured host; anything else is dropped. */
export function trustedSessionWebhook(url: string | undefined, oapiBase: string): string | undefined {
  if (!url || !sameOrigin(url, oapiBase)) return undefined;
  try {
    return new URL(url).pathname.endsWith('/robot/sendBySession') ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Pure mapper: an app robot callback → InboundMessage, or ignored (pictures, audio, files …). */
export function dingtalkToInbound(cb: DingtalkCallback, botName: string, receivedAt: Date, opts: DingtalkIntakeOptions = {}): ReceiveResult {
  let content: string | null = null;
  if (cb.msgtype === 'text' && cb.text) content = cb.text.content;
  else if (cb.msgtype === 'richText' && cb.content?.richText) {
    const parts = cb.content.richText.map((p) => p.text ?? '').filter(Boolean);
    content = parts.length ? parts.join('') : null;
  }
  if (content === null) return { kind: 'ignored', reason: `msgtype ${cb.msgtype}` };
  const senderId = cb.senderStaffId ?? cb.senderId;
  if (!senderId) return { kind: 'ignored', reason: 'no sender' };
  const group = cb.conversationType === '2';
  // DingTalk already removed the @bot; a name typed by hand is removed too
  const { text } = stripBotMention(neutralizeUserText(content), botName, false);
  const mentions: UserRef[] = (cb.atUsers ?? [])
    .filter((u) => u.staffId && u.dingtalkId !== cb.chatbotUserId)
    .map((u) => ({ platform: 'dingtalk', id: u.staffId! }));
  // a foreign host is dropped here, so the answer goes through the open API
  const session = trustedSessionWebhook(cb.sessionWebhook, opts.oapiBase ?? 'https://oapi.dingtalk.com');
  const message: InboundMessage = {
    platform: 'dingtalk',
    eventId: cb.msgId,
    chatId: group ? cb.conversationId : senderId,
    chatType: group ? 'group' : 'single',
    sender: { platform: 'dingtalk', id: senderId, name: cb.senderNick === undefined ? undefined : neutralizeUserText(cb.senderNick) },
    text,
    mentions,
    sentAt: new Date(cb.createAt ?? receivedAt.getTime()).toISOString(),
    // absent keys, not undefined ones: the store would keep an undefined as null
    ...(session && cb.sessionWebhookExpiredTime ? { replyVia: { kind: 'dingtalk-session', url: session, expiresAt: cb.sessionWebhookExpiredTime } } : {}),
    ...((opts.robotCode ?? cb.robotCode) ? { robotCode: opts.robotCode ?? cb.robotCode } : {}),
  };
  return { kind: 'message', message, raw: cb };
}
