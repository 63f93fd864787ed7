import { PlatformApiError, PlatformNetworkError } from '../shared/errors.js';

/** POSTs JSON and returns the parsed JSON answer; network failures, timeouts and non-JSON become PlatformNetworkError. */
export async function postJson(
  platform: string,
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<{ status: number; json: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new PlatformNetworkError(platform, method, cause);
  }
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch (cause) {
    if (res.status >= 500) throw new PlatformApiError(platform, method, res.status, res.status, `HTTP ${res.status}`, true);
    throw new PlatformNetworkError(platform, method, cause);
  }
  if (res.status >= 500 || res.status === 429) {
    throw new PlatformApiError(platform, method, String(json.code ?? res.status), res.status, `HTTP ${res.status}`, true);
  }
  return { status: res.status, json };
}

/** True when `url` is on the same origin as `base` (never send to a host taken from a payload). */
export function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
