import { PlatformApiError, PlatformNetworkError } from '../shared/errors.js';

/** errcodes worth another try: system busy (WeCom and DingTalk oapi alike; a sender may know more of its own). */
const RETRYABLE = new Set([-1]);
/** The access token is invalid or expired (WeCom and DingTalk oapi alike): fetch a new one and try once more. */
const TOKEN_EXPIRED = new Set([40014, 42001]);

/** An app access token. `invalid`: the token a platform just refused, to be replaced (TokenCache.get's `invalid`). */
export type AccessToken = (invalid?: string) => Promise<string>;

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
 * GETs, or POSTs `body` as JSON, and returns the HTTP status and the parsed JSON object (an empty body is `{}`).
 * Network failures, timeouts and answers that are not a JSON object become PlatformNetworkError (with access tokens
 * and secrets hidden); HTTP 5xx and 429 a retryable PlatformApiError. The status (4xx) and errcode are the caller's
 * to judge.
 */
export async function requestJson(
  platform: string,
  method: string,
  url: string,
  opts: { body?: unknown; headers?: Record<string, string>; fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const post = opts.body !== undefined;
  let res: Response;
  let text: string;
  try {
    res = await (opts.fetch ?? fetch)(url, {
      method: post ? 'POST' : 'GET',
      headers: { ...(post ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...opts.headers },
      ...(post ? { body: JSON.stringify(opts.body) } : {}),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    text = await res.text();
  } catch (cause) {
    throw new PlatformNetworkError(platform, method, redacted(cause));
  }
  let json: Record<string, unknown> | undefined;
  let unusable: unknown;
  try {
    const parsed = text ? (JSON.parse(text) as unknown) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
    else unusable = new Error(`HTTP ${res.status}, not a JSON object`);
  } catch (cause) {
    unusable = cause;
  }
  if (res.status >= 500 || res.status === 429) {
    throw new PlatformApiError(platform, method, json ? String(json.code ?? res.status) : res.status, res.status, `HTTP ${res.status}`, true);
  }
  if (!json) throw new PlatformNetworkError(platform, method, unusable);
  return { status: res.status, json };
}

/**
 * Calls an API that takes `access_token` in the query (WeCom, DingTalk oapi): on 40014/42001 replaces the token once
 * and tries again. Returns the answer when errcode is 0, else throws `onError`'s error when it gives one, else
 * PlatformApiError. `beforeRequest` runs right before each request leaves (after the token is in hand).
 */
export async function callWithAccessToken(
  platform: 'wecom' | 'dingtalk',
  method: string,
  accessToken: AccessToken,
  urlFor: (token: string) => string,
  opts: {
    fetch?: typeof fetch;
    body?: unknown;
    beforeRequest?: () => Promise<void>;
    onError?: (errcode: number, json: Record<string, unknown>) => Error | undefined;
  } = {},
): Promise<Record<string, unknown>> {
  let refused: string | undefined;
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken(refused);
    await opts.beforeRequest?.();
    const { json } = await requestJson(platform, method, urlFor(token), { fetch: opts.fetch, body: opts.body });
    const errcode = Number(json.errcode ?? 0);
    if (errcode === 0) return json;
    if (attempt === 0 && TOKEN_EXPIRED.has(errcode)) {
      refused = token;
      continue;
    }
    throw opts.onError?.(errcode, json) ?? new PlatformApiError(platform, method, errcode, 200, `errcode ${errcode}`, RETRYABLE.has(errcode));
  }
}

/** True when `url` is on the same origin as `base` (never send to a host taken from a payload). */
export function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
