import type { DingtalkConfig } from '../../../config/index.js';
import type { OutboundMessage, OutboundTarget } from '../../messages/outbound.js';
import { PlatformApiError } from '../../shared/errors.js';
import { requestJson, sameOrigin } from '../http.js';
import { sendParts, type PartProgress, type Sender, type TokenCache } from '../types.js';
import { createDingtalkAccessToken } from './jsapi.js';
import { toDingtalkActionCard, toDingtalkApiMarkdownParts, toDingtalkMarkdownParts, type DingtalkTemplate } from './render.js';

const SESSION_EXPIRED = 300001;
/** -1: busy. */
const RETRYABLE = new Set([-1]);
/** 130101: sent too fast; the robot is blocked for 10 minutes. */
const RATE_LIMITED = 130101;

/**
 * Replies through the message's sessionWebhook while it is valid and on DINGTALK_OAPI_BASE's origin; otherwise
 * (or when it answers 300001) through the open API: groupMessages/send or oToMessages/batchSend.
 *
 * A message with buttons goes as an ActionCard (render.ts `toDingtalkActionCard`: buttons open the workbench's page
 * of the ticket) when the bot has a public address (`publicUrl`), always through the open API; without one it is
 * the plain markdown, which says what to type.
 */
export function createDingtalkSender(
  cfg: DingtalkConfig,
  deps: { tokens: TokenCache; rateLimitWaitMs: number; publicUrl?: string },
  now: () => number = Date.now,
): Sender {
  const token = createDingtalkAccessToken({ apiBase: cfg.apiBase, appKey: cfg.appKey, appSecret: cfg.appSecret, tokens: deps.tokens });
  let refused: string | undefined;
  const accessToken = () => token(refused);

  /** Open API: a group by openConversationId, or one person by staffId. */
  async function viaApi(to: { group: string } | { user: string }, message: OutboundMessage, robotCode = cfg.robotCode, progress?: PartProgress): Promise<void> {
    const card = toDingtalkActionCard(message, deps.publicUrl);
    const templates: DingtalkTemplate[] = card
      ? [card]
      : toDingtalkApiMarkdownParts(message).map((md) => ({ msgKey: 'sampleMarkdown', msgParam: { title: md.markdown.title, text: md.markdown.text } }));
    await sendParts(templates, (t, sending) => postApi(to, t, robotCode, sending), progress);
  }

  async function postApi(to: { group: string } | { user: string }, template: DingtalkTemplate, robotCode: string, sending: () => Promise<void>): Promise<void> {
    const msgParam = JSON.stringify(template.msgParam);
    const { msgKey } = template;
    const [method, body] =
      'group' in to
        ? ['robot/groupMessages/send', { robotCode, openConversationId: to.group, msgKey, msgParam }]
        : ['robot/oToMessages/batchSend', { robotCode, userIds: [to.user], msgKey, msgParam }];
    const t = await accessToken();
    await sending();
    const { status, json } = await requestJson('dingtalk', method, `${cfg.apiBase}/v1.0/${method}`, {
      body,
      headers: { 'x-acs-dingtalk-access-token': t },
    });
    if (status === 401) refused = t;
    if (status !== 200) {
      throw new PlatformApiError('dingtalk', method, String(json.code ?? status), status, String(json.message ?? `HTTP ${status}`), status === 401);
    }
  }

  return {
    platform: 'dingtalk',
    async send(target: OutboundTarget, message, progress) {
      if (target.kind === 'group') return viaApi({ group: target.chatId }, message, cfg.robotCode, progress);
      if (target.kind === 'user') return viaApi({ user: target.userId }, message, cfg.robotCode, progress);
      const via = target.replyVia;
      const api = target.chatType === 'group' ? { group: target.chatId } : { user: target.chatId };
      // an ActionCard goes through the open API (the robot's templates), never the sessionWebhook
      const card = toDingtalkActionCard(message, deps.publicUrl) !== null;
      if (!card && via?.kind === 'dingtalk-session' && via.expiresAt > now() + 5000 && sameOrigin(via.url, cfg.oapiBase)) {
        // in order through the session; when it answers 300001 (gone), the parts not yet sent go through the open
        // API, resuming at the first unsent one. Every part is marked once sent, so a retry (after an API error)
        // finds the session gone again and resumes at the same place: each part goes out exactly once.
        const parts = toDingtalkMarkdownParts(message);
        let i = progress?.done ?? 0;
        for (; i < parts.length; i++) {
          await progress?.sending?.(i);
          const { json } = await requestJson('dingtalk', 'sessionWebhook', via.url, { body: parts[i] });
          const errcode = Number(json.errcode ?? 0);
          if (errcode === SESSION_EXPIRED) break;
          if (errcode === RATE_LIMITED) {
            throw new PlatformApiError('dingtalk', 'sessionWebhook', errcode, 200, 'rate limited (130101)', true, deps.rateLimitWaitMs);
          }
          if (errcode !== 0) {
            throw new PlatformApiError('dingtalk', 'sessionWebhook', errcode, 200, String(json.errmsg ?? errcode), RETRYABLE.has(errcode));
          }
          await progress?.mark(i + 1);
        }
        if (i >= parts.length) return;
        return viaApi(api, message, target.robotCode ?? cfg.robotCode, progress ? { ...progress, done: i } : { done: i, mark: async () => {} });
      }
      await viaApi(api, message, target.robotCode ?? cfg.robotCode, progress);
    },
  };
}
