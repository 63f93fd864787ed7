import { createHash, randomBytes } from 'node:crypto';
import { PlatformApiError, PlatformNetworkError } from '../../shared/errors.js';
import type { FetchedToken, TokenCache } from '../types.js';

/** errcodes worth another try: system busy. */
const RETRYABLE = new Set([-1]);
/** The access token is invalid or expired (WeCom and DingTalk oapi alike): fetch a new one and try once more. */
const TOKEN_EXPIRED = new Set([40014, 42001]);

/** An app access token. `invalid`: the token a platform just refused, to be replaced (TokenCache.get's `invalid`). */
export type AccessToken = (invalid?: string) => Promise<string>;

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

/** Hides access tokens and secrets that an error message might quote (a URL, say). */
function redacted(cause: unknown): Error {
  const e = cause instanceof Error ? cause : new Error(String(cause));
  const clean = new Error(e.message.replace(/(access_token|corpsecret|appsecret)=[^&\s]*/gi, '$1=***'));
  clean.name = e.name;
  const code = (e.cause as { code?: unknown } | undefined)?.code;
  if (code !== undefined) clean.cause = { code };
  return clean;
}

/**
 * GETs (or POSTs `body` as JSON) and returns the parsed JSON answer. Network failures, timeouts and non-JSON become
 * PlatformNetworkError; HTTP 5xx/429 a retryable PlatformApiError. The errcode is the caller's to judge.
 */
export async function requestJson(
  platform: string,
  method: string,
  url: string,
  opts: { fetch?: typeof fetch; body?: unknown; timeoutMs?: number } = {},
): Promise<Record<string, unknown>> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  let text: string;
  try {
    res = await doFetch(url, {
      method: opts.body === undefined ? 'GET' : 'POST',
      ...(opts.body === undefined ? {} : { headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(opts.body) }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    text = await res.text();
  } catch (cause) {
    throw new PlatformNetworkError(platform, method, redacted(cause));
  }
  if (res.status >= 500 || res.status === 429) {
    throw new PlatformApiError(platform, method, res.status, res.status, `HTTP ${res.status}`, true);
  }
  try {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    /* below */
  }
  throw new PlatformNetworkError(platform, method, new Error(`HTTP ${res.status}, not a JSON object`));
}

/**
 * Calls an API that takes `access_token` in the query (WeCom, DingTalk oapi): on 40014/42001 replaces the token once
 * and tries again. Returns the answer when errcode is 0, else throws `onError`'s error when it gives one, else
 * PlatformApiError.
 */
export async function callWithAccessToken(
  platform: 'wecom' | 'dingtalk',
  method: string,
  accessToken: AccessToken,
  urlFor: (token: string) => string,
  opts: { fetch?: typeof fetch; body?: unknown; onError?: (errcode: number, json: Record<string, unknown>) => Error | undefined } = {},
): Promise<Record<string, unknown>> {
  let refused: string | undefined;
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken(refused);
    const json = await requestJson(platform, method, urlFor(token), { fetch: opts.fetch, body: opts.body });
    const errcode = Number(json.errcode ?? 0);
    if (errcode === 0) return json;
    if (attempt === 0 && TOKEN_EXPIRED.has(errcode)) {
      refused = token;
      continue;
    }
    throw opts.onError?.(errcode, json) ?? new PlatformApiError(platform, method, errcode, 200, `errcode ${errcode}`, RETRYABLE.has(errcode));
  }
}

/**
 * The application's access token through the shared cache, under the same name as the WeCom sender's
 * (`wecom-<corpId>-<agentId>`), so both use one token.
 */
export function createWecomAccessToken(deps: {
  apiBase: string;
  corpId: string;
  agentId: number | string;
  agentSecret: string;
  tokens: TokenCache;
  fetch?: typeof fetch;
}): AccessToken {
  const name = `wecom-${deps.corpId}-${deps.agentId}`;
  async function fetchToken(): Promise<FetchedToken> {
    const url = `${deps.apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(deps.corpId)}&corpsecret=${encodeURIComponent(deps.agentSecret)}`;
    const json = await requestJson('wecom', 'gettoken', url, { fetch: deps.fetch });
    const errcode = Number(json.errcode ?? 0);
    if (errcode !== 0 || typeof json.access_token !== 'string') {
      throw new PlatformApiError('wecom', 'gettoken', errcode, 200, `errcode ${errcode}`, RETRYABLE.has(errcode));
    }
    return { value: json.access_token, expiresInSec: Number(json.expires_in ?? 7200) };
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
