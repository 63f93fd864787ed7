import type { WecomConfig } from '../../../config/index.js';
import { splitByBytes, toPlainText, type OutboundMessage, type OutboundTarget } from '../../messages/outbound.js';
import { PlatformApiError } from '../../shared/errors.js';
import { callWithAccessToken, requestJson, sameOrigin } from '../http.js';
import { sendParts, type PartProgress, type Sender, type TokenCache } from '../types.js';
import { createWecomAccessToken } from './jssdk.js';
import { toWecomMarkdown, toWecomMarkdownParts } from './render.js';

/** errcodes worth another try: system busy. */
const RETRYABLE = new Set([-1, 45033]);
/** Sending too fast (接口调用超过限制): wait at least a minute. */
const RATE_LIMITED = 45009;
export const WECOM_TEXT_MAX_BYTES = 2048;

export interface WecomSenderDeps {
  webhookKey(chatId: string): Promise<string | undefined>;
  tokens: TokenCache;
  rateLimitWaitMs: number;
}

/**
 * WeCom: replies through the AI bot's `response_url` (single use, only on WECOM_API_BASE's origin); group messages
 * through the group's 消息推送 webhook key from the directory, in ordered parts within 4096 bytes; private messages
 * through the application's message/send as plain text in parts within 2048 bytes (markdown does not render for
 * officials reading in the WeChat plug-in). HTTP 200 is not success: errcode decides.
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

  return {
    platform: 'wecom',
    async send(target: OutboundTarget, message: OutboundMessage, progress?: PartProgress) {
      if (target.kind === 'user') return sendApp(target.userId, message, progress);
      if (target.kind === 'group') {
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
      const via = target.replyVia;
      if (via?.kind !== 'wecom-response-url') {
        throw new PlatformApiError('wecom', 'reply', 'NO_ROUTE', 0, 'no response_url for this conversation', false);
      }
      if (!sameOrigin(via.url, cfg.apiBase)) {
        throw new PlatformApiError('wecom', 'reply', 'FOREIGN_HOST', 0, 'response_url is not on WECOM_API_BASE', false);
      }
      // single use: one body, cut to the limit
      await progress?.sending?.(0);
      const { json } = await requestJson('wecom', 'aibot/response', via.url, { body: toWecomMarkdown(message) });
      check('aibot/response', json);
    },
  };
}
