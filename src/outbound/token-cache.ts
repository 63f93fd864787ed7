import type { Redis } from 'ioredis';
import type { FetchedToken, TokenCache } from '../platforms/types.js';
import type { WithLock } from '../queue/lock.js';

/**
 * Access tokens shared by every process through Redis: read the cached one; refresh it ahead of expiry, or when a
 * platform says it is invalid, under a Redis lock so that concurrent senders (in any process) fetch it once.
 */
export function createTokenCache(redis: Redis, prefix: string, withLock: WithLock, opts: { refreshAheadMs?: number } = {}): TokenCache {
  const ahead = opts.refreshAheadMs ?? 5 * 60_000;
  const keyOf = (name: string) => `${prefix}:token:${name}`;
  const read = async (name: string): Promise<{ value: string; expiresAt: number } | null> => {
    const raw = await redis.get(keyOf(name));
    return raw ? (JSON.parse(raw) as { value: string; expiresAt: number }) : null;
  };
  return {
    /**
     * A valid token. `invalid`: the token a platform just refused — replaced unless someone already did.
     */
    async get(name: string, fetch: () => Promise<FetchedToken>, invalid?: string): Promise<string> {
      const fresh = (t: { value: string; expiresAt: number } | null) => t && t.value !== invalid && t.expiresAt - ahead > Date.now();
      const cached = await read(name);
      if (fresh(cached)) return cached!.value;
      return withLock(`token-${name}`, async () => {
        const again = await read(name);
        if (fresh(again)) return again!.value;
        const t = await fetch();
        const expiresAt = Date.now() + t.expiresInSec * 1000;
        await redis.set(keyOf(name), JSON.stringify({ value: t.value, expiresAt }), 'PX', Math.max(1000, t.expiresInSec * 1000));
        return t.value;
      });
    },
  };
}
