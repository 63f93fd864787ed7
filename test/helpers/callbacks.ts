import { randomUUID } from 'node:crypto';
import { createWecomCrypto } from '../../src/platforms/wecom/crypto.js';
import { dingtalkSign } from '../../src/platforms/dingtalk/sign.js';

export const WECOM = {
  token: 'xiaoerTestToken',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};
export const DINGTALK = { appKey: 'dingTestAppKey', appSecret: 'dingTestAppSecret-0123456789' };

/** A correctly encrypted and signed WeCom AI-bot callback (receiveId ""), as WeCom would POST it. */
export function wecomCallback(payload: Record<string, unknown>, opts: { timestamp?: number; token?: string } = {}) {
  const crypto = createWecomCrypto({ token: opts.token ?? WECOM.token, encodingAesKey: WECOM.aesKey, receiveId: '' });
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const { encrypt, msgSignature } = crypto.seal(JSON.stringify(payload), timestamp, nonce);
  const query = new URLSearchParams({ msg_signature: msgSignature, timestamp, nonce });
  return { query: query.toString(), body: JSON.stringify({ encrypt }) };
}

export function wecomTextPayload(text: string, opts: { msgid?: string; userid?: string; chatid?: string; responseUrl: string }) {
  return {
    msgid: opts.msgid ?? `CAIQ${randomUUID()}`,
    aibotid: 'AIBOTID',
    chatid: opts.chatid ?? 'wrkSFfCgAAyilong01',
    chattype: 'group',
    from: { userid: opts.userid ?? 'chenjl' },
    response_url: opts.responseUrl,
    msgtype: 'text',
    text: { content: `@店小二 ${text}` },
  };
}

/** A correctly signed DingTalk app-robot callback. */
export function dingtalkCallback(payload: Record<string, unknown>, opts: { timestamp?: number; secret?: string } = {}) {
  const timestamp = String(opts.timestamp ?? Date.now());
  return {
    headers: { timestamp, sign: dingtalkSign(timestamp, opts.secret ?? DINGTALK.appSecret), 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  };
}

export function dingtalkTextPayload(
  text: string,
  opts: { msgId?: string; staffId?: string; sessionWebhook?: string; expiresAt?: number; conversationId?: string },
) {
  return {
    msgtype: 'text',
    text: { content: ` ${text}` },
    msgId: opts.msgId ?? `msg${randomUUID()}`,
    createAt: Date.now(),
    conversationType: '2',
    conversationId: opts.conversationId ?? 'cidTianCiService01==',
    conversationTitle: '天赐生态助企服务群',
    senderId: '$:LWCP_v1:$abc',
    senderNick: '孙总',
    senderStaffId: opts.staffId ?? '0522002',
    chatbotUserId: '$:LWCP_v1:$bot',
    isInAtList: true,
    sessionWebhook: opts.sessionWebhook,
    sessionWebhookExpiredTime: opts.expiresAt ?? Date.now() + 90 * 60_000,
    robotCode: DINGTALK.appKey,
  };
}

/** Bot environment for the WeCom AI bot, its API pointed at a fake server. */
export const wecomEnv = (base: string) => ({ WECOM_BOT_TOKEN: WECOM.token, WECOM_BOT_AES_KEY: WECOM.aesKey, WECOM_API_BASE: base });

/** Bot environment for the DingTalk app robot, both its API hosts pointed at a fake server. */
export const dingtalkEnv = (base: string) => ({
  DINGTALK_APP_KEY: DINGTALK.appKey,
  DINGTALK_APP_SECRET: DINGTALK.appSecret,
  DINGTALK_API_BASE: base,
  DINGTALK_OAPI_BASE: base,
});

/**
 * What a WeCom answer body reads as: markdown's content, or a card's (callback mode: an answer with buttons is a
 * template_card) title, text, `键：值` lines and buttons, one a line.
 */
export function wecomAnswerText(body: any): string {
  if (body?.msgtype !== 'template_card') return String(body?.markdown?.content ?? body?.text?.content ?? body?.markdown_v2?.content);
  const c = body.template_card;
  return [
    [c.main_title?.title, c.main_title?.desc].filter(Boolean).join(' '),
    c.sub_title_text,
    ...(c.horizontal_content_list ?? []).map((h: { keyname: string; value: string }) => `${h.keyname}：${h.value}`),
    ...(c.button_list ?? []).map((b: { text: string }) => `［${b.text}］`),
  ]
    .filter(Boolean)
    .join('\n');
}

/** A tap on a button of one of the bot's template cards (a `button_list` entry of `card`), as WeCom sends it. */
export function wecomCardTapPayload(
  card: { task_id: string; button_list: { text: string; key: string }[] },
  label: string,
  opts: { msgid: string; userid: string; chatid?: string; responseUrl?: string },
) {
  const button = card.button_list.find((b) => b.text === label);
  if (!button) throw new Error(`the card has no button ${label}`);
  return {
    msgid: opts.msgid,
    aibotid: 'AIBOTID',
    chatid: opts.chatid ?? 'wrkSFfCgAAyilong01',
    chattype: 'group',
    from: { userid: opts.userid },
    create_time: Math.floor(Date.now() / 1000),
    ...(opts.responseUrl ? { response_url: opts.responseUrl } : {}),
    msgtype: 'event',
    event: { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: button.key, task_id: card.task_id } },
  };
}

/**
 * A passive reply of the bot (the HTTP answer to a callback), checked and opened as WeCom would: exactly
 * `{encrypt, msgsignature, timestamp, nonce}`, the signature over its own timestamp and nonce, then decrypted.
 */
export function openWecomReply(text: string): any {
  const r = JSON.parse(text) as { encrypt: string; msgsignature: string; timestamp: string; nonce: string };
  if (Object.keys(r).sort().join() !== 'encrypt,msgsignature,nonce,timestamp') throw new Error(`not a passive reply: ${text}`);
  const crypto = createWecomCrypto({ token: WECOM.token, encodingAesKey: WECOM.aesKey, receiveId: '' });
  return JSON.parse(crypto.open({ msgSignature: r.msgsignature, timestamp: r.timestamp, nonce: r.nonce, encrypt: r.encrypt }));
}
