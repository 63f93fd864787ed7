import { createHash, randomBytes } from 'node:crypto';
import { PlatformApiError } from '../../shared/errors.js';
import { callWithAccessToken, requestJson, type AccessToken } from '../http.js';
import type { FetchedToken, TokenCache } from '../types.js';

/** gettoken errcodes worth another try: system busy. */
const RETRYABLE = new Set([-1]);

/** What `@wecom/jssdk` `getConfigSignature` / `getAgentConfigSignature` return. */
export interface JsSdkSignature {
  /** Seconds since the epoch. */
  timestamp: number;
  nonceStr: string;
  signature: string;
}

export type WecomTicketKind = 'corp' | 'agent';

/** The page URL as signed: everything before `#`. */
export function signingUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * JS-SDK signature (WeCom doc 96909, same as WeChat's; DingTalk's dd.config uses it too): hex sha1 of
 * `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`, in that order, nothing URL-encoded, the URL without its fragment.
 */
export function jsSdkSignature(p: { ticket: string; nonceStr: string; timestamp: number | string; url: string }): string {
  const plain = `jsapi_ticket=${p.ticket}&noncestr=${p.nonceStr}&timestamp=${p.timestamp}&url=${signingUrl(p.url)}`;
  return createHash('sha1').update(plain, 'utf8').digest('hex');
}

/**
 * The application's access token through the shared cache (`wecom-<corpId>-<agentId>`): the one place it is fetched,
 * for the sender and the workbench alike. A gettoken errcode becomes `onError`'s error when it gives one, else
 * PlatformApiError.
 */
export function createWecomAccessToken(deps: {
  apiBase: string;
  corpId: string;
  agentId: number | string;
  agentSecret: string;
  tokens: TokenCache;
  fetch?: typeof fetch;
  onError?: (errcode: number, json: Record<string, unknown>) => Error | undefined;
}): AccessToken {
  const name = `wecom-${deps.corpId}-${deps.agentId}`;
  async function fetchToken(): Promise<FetchedToken> {
    const url = `${deps.apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(deps.corpId)}&corpsecret=${encodeURIComponent(deps.agentSecret)}`;
    const { json } = await requestJson('wecom', 'gettoken', url, { fetch: deps.fetch });
    const errcode = Number(json.errcode ?? 0);
    if (errcode === 0 && typeof json.access_token === 'string') {
      return { value: json.access_token, expiresInSec: Number(json.expires_in ?? 7200) };
    }
    throw (
      (errcode !== 0 ? deps.onError?.(errcode, json) : undefined) ??
      new PlatformApiError('wecom', 'gettoken', errcode, 200, `errcode ${errcode}`, RETRYABLE.has(errcode))
    );
  }
  return (invalid) => deps.tokens.get(name, fetchToken, invalid);
}

export interface WecomJsSdkDeps {
  apiBase: string;
  corpId: string;
  agentId: number | string;
  /** The application's access token (both tickets are fetched with it). */
  accessToken: AccessToken;
  tokens: TokenCache;
  fetch?: typeof fetch;
  now?: () => Date;
  nonce?: () => string;
}

export interface WecomJsSdk {
  /** `corp` signs with the corp jsapi_ticket (wx.config), `agent` with the app's agent_config ticket (wx.agentConfig). */
  sign(kind: WecomTicketKind, url: string): Promise<JsSdkSignature>;
}

/**
 * Signatures for `@wecom/jssdk` `register()`. Both tickets are cached through `tokens` (one fetch per expiry across
 * processes: WeCom allows 400 ticket fetches an hour per corp and 100 per app).
 */
export function createWecomJsSdk(deps: WecomJsSdkDeps): WecomJsSdk {
  const now = deps.now ?? (() => new Date());
  const nonce = deps.nonce ?? (() => randomBytes(8).toString('hex'));
  const at = (token: string) => `access_token=${encodeURIComponent(token)}`;
  const tickets: Record<WecomTicketKind, { name: string; method: string; url: (token: string) => string }> = {
    corp: {
      name: `wecom-jsapi-corp:${deps.corpId}`,
      method: 'get_jsapi_ticket',
      url: (token) => `${deps.apiBase}/cgi-bin/get_jsapi_ticket?${at(token)}`,
    },
    agent: {
      name: `wecom-jsapi-agent:${deps.corpId}:${deps.agentId}`,
      method: 'ticket/get',
      url: (token) => `${deps.apiBase}/cgi-bin/ticket/get?${at(token)}&type=agent_config`,
    },
  };

  function ticket(kind: WecomTicketKind): Promise<string> {
    const t = tickets[kind];
    return deps.tokens.get(t.name, async () => {
      const json = await callWithAccessToken('wecom', t.method, deps.accessToken, t.url, { fetch: deps.fetch });
      if (typeof json.ticket !== 'string' || !json.ticket) throw new PlatformApiError('wecom', t.method, 'NO_TICKET', 200, 'no ticket in the answer', true);
      return { value: json.ticket, expiresInSec: Number(json.expires_in ?? 7200) };
    });
  }

  return {
    async sign(kind, url) {
      if (kind !== 'corp' && kind !== 'agent') throw new TypeError(`unknown ticket kind: ${String(kind)}`);
      const value = await ticket(kind);
      const timestamp = Math.floor(now().getTime() / 1000);
      const nonceStr = nonce();
      return { timestamp, nonceStr, signature: jsSdkSignature({ ticket: value, nonceStr, timestamp, url }) };
    },
  };
}
