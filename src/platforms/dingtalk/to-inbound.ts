import { stripBotMention, type InboundMessage, type ReceiveResult, type UserRef } from '../../messages/inbound.js';
import type { DingtalkCallback } from './payload.js';

/** Pure mapper: an app robot callback → InboundMessage, or ignored (pictures, audio, files …). */
export function dingtalkToInbound(cb: DingtalkCallback, botName: string, receivedAt: Date): ReceiveResult {
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
  const { text } = stripBotMention(content, botName, false);
  const mentions: UserRef[] = (cb.atUsers ?? [])
    .filter((u) => u.staffId && u.dingtalkId !== cb.chatbotUserId)
    .map((u) => ({ platform: 'dingtalk', id: u.staffId! }));
  const message: InboundMessage = {
    platform: 'dingtalk',
    eventId: cb.msgId,
    chatId: group ? cb.conversationId : senderId,
    chatType: group ? 'group' : 'single',
    sender: { platform: 'dingtalk', id: senderId, name: cb.senderNick },
    text,
    mentions,
    mentionsBot: group ? (cb.isInAtList ?? true) : true,
    sentAt: new Date(cb.createAt ?? receivedAt.getTime()).toISOString(),
    replyVia:
      cb.sessionWebhook && cb.sessionWebhookExpiredTime
        ? { kind: 'dingtalk-session', url: cb.sessionWebhook, expiresAt: cb.sessionWebhookExpiredTime }
        : undefined,
    robotCode: cb.robotCode,
  };
  return { kind: 'message', message, raw: cb };
}
