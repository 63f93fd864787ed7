import { randomBytes } from 'node:crypto';
import { OAuthCodeError, PlatformApiError } from '../../shared/errors.js';
import { callWithAccessToken, requestJson, type AccessToken } from '../http.js';
import type { FetchedToken, TokenCache } from '../types.js';
import { jsSdkSignature, signingUrl } from '../wecom/jssdk.js';

/** 不存在的临时授权码: the authCode is unknown, used or expired. */
const BAD_CODE = 40078;

/** What `dd.config` takes (with `jsApiList`). */
export interface DingtalkJsapiSignature {
  agentId: string;
  corpId: string;
  /** Seconds since the epoch. */
  timeStamp: number;
  nonceStr: string;
  signature: string;
}

/**
 * The URL as DingTalk signs it: without the fragment, the query percent-decoded (as DingTalk's server demo does;
 * a malformed escape leaves it as is).
 */
export function dingtalkSigningUrl(url: string): string {
  const u = signingUrl(url);
  const q = u.indexOf('?');
  if (q < 0) return u;
  try {
    return u.slice(0, q + 1) + decodeURIComponent(u.slice(q + 1));
  } catch {
    return u;
  }
}

/**
 * The app's access token (`/v1.0/oauth2/accessToken`, accepted by oapi too) through the shared cache
 * (`dingtalk-<appKey>`): the one place it is fetched, for the sender and the workbench alike.
 */
export function createDingtalkAccessToken(deps: {
  apiBase: string;
  appKey: string;
  appSecret: string;
  tokens: TokenCache;
  fetch?: typeof fetch;
}): AccessToken {
  const name = `dingtalk-${deps.appKey}`;
  async function fetchToken(): Promise<FetchedToken> {
    const { status, json } = await requestJson('dingtalk', 'oauth2/accessToken', `${deps.apiBase}/v1.0/oauth2/accessToken`, {
      fetch: deps.fetch,
      body: { appKey: deps.appKey, appSecret: deps.appSecret },
    });
    if (status !== 200 || typeof json.accessToken !== 'string') {
      throw new PlatformApiError('dingtalk', 'oauth2/accessToken', String(json.code ?? status), status, 'no access token', false);
    }
    return { value: json.accessToken, expiresInSec: Number(json.expireIn ?? 7200) };
  }
  return (invalid) => deps.tokens.get(name, fetchToken, invalid);
}

/**
 * 免登: the member who opened the page, from `dd.runtime.permission.requestAuthCode`'s code
 * (`POST /topapi/v2/user/getuserinfo`). A bad, used or expired code (40078) → OAuthCodeError; other errcodes →
 * PlatformApiError.
 */
export async function dingtalkUserIdFromAuthCode(p: {
  oapiBase: string;
  accessToken: AccessToken;
  authCode: string;
  fetch?: typeof fetch;
}): Promise<{ userId: string }> {
  if (!p.authCode) throw new OAuthCodeError('dingtalk', 'invalid-code');
  const json = await callWithAccessToken(
    'dingtalk',
    'topapi/v2/user/getuserinfo',
    p.accessToken,
    (token) => `${p.oapiBase}/topapi/v2/user/getuserinfo?access_token=${encodeURIComponent(token)}`,
    {
      fetch: p.fetch,
      body: { code: p.authCode },
      onError: (errcode) => (errcode === BAD_CODE ? new OAuthCodeError('dingtalk', 'invalid-code', errcode) : undefined),
    },
  );
  const userId = (json.result as { userid?: unknown } | undefined)?.userid;
  if (typeof userId === 'string' && userId) return { userId };
  throw new PlatformApiError('dingtalk', 'topapi/v2/user/getuserinfo', 'NO_USERID', 200, 'no userid in the answer', false);
}

export interface DingtalkJsapiDeps {
  oapiBase: string;
  corpId: string;
  /** The H5 micro-app's agentId. */
  agentId: number | string;
  accessToken: AccessToken;
  tokens: TokenCache;
  fetch?: typeof fetch;
  now?: () => Date;
  nonce?: () => string;
}

export interface DingtalkJsapi {
  sign(url: string): Promise<DingtalkJsapiSignature>;
}

/** Signatures for `dd.config`; the jsapi ticket (`/get_jsapi_ticket`) is cached through `tokens`, one fetch per expiry. */
export function createDingtalkJsapi(deps: DingtalkJsapiDeps): DingtalkJsapi {
  const now = deps.now ?? (() => new Date());
  const nonce = deps.nonce ?? (() => randomBytes(8).toString('hex'));
  const name = `dingtalk-jsapi:${deps.corpId}:${deps.agentId}`;

  const ticket = () =>
    deps.tokens.get(name, async () => {
      const json = await callWithAccessToken('dingtalk', 'get_jsapi_ticket', deps.accessToken, (token) => `${deps.oapiBase}/get_jsapi_ticket?access_token=${encodeURIComponent(token)}`, {
        fetch: deps.fetch,
      });
      if (typeof json.ticket !== 'string' || !json.ticket) throw new PlatformApiError('dingtalk', 'get_jsapi_ticket', 'NO_TICKET', 200, 'no ticket in the answer', true);
      return { value: json.ticket, expiresInSec: Number(json.expires_in ?? 7200) };
    });

  return {
    async sign(url) {
      const value = await ticket();
      const timeStamp = Math.floor(now().getTime() / 1000);
      const nonceStr = nonce();
      const signature = jsSdkSignature({ ticket: value, nonceStr, timestamp: timeStamp, url: dingtalkSigningUrl(url) });
      return { agentId: String(deps.agentId), corpId: deps.corpId, timeStamp, nonceStr, signature };
    },
  };
}
