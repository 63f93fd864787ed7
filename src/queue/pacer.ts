import type { Redis } from 'ioredis';

/**
 * Reserves the next send slot for a destination in a sliding window kept in Redis (a sorted set of reserved send
 * times), so that no window of `windowMs` holds more than `limit` sends, across processes. A slot is never before
 * the destination's last reserved slot, so reservation order is delivery order. Bursts wait; nothing is dropped.
 */
const RESERVE = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local member = ARGV[4]
local margin = tonumber(ARGV[5])
local pending = KEYS[2]
local existing = redis.call('ZSCORE', key, member)
if existing then return existing end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local slot = now
local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
if last[2] and tonumber(last[2]) > slot then slot = tonumber(last[2]) end
local inWindow = redis.call('ZRANGEBYSCORE', key, '(' .. (slot - window), '+inf', 'WITHSCORES')
local n = #inWindow / 2
if n >= limit then
  slot = tonumber(inWindow[(n - limit) * 2 + 2]) + window + margin
end
redis.call('ZADD', key, slot, member)
redis.call('ZADD', pending, slot, member)
redis.call('PEXPIRE', pending, 7 * 86400000)
redis.call('PEXPIRE', key, math.max(window * 2, slot - now + window))
return tostring(slot)
`;

export interface PaceLimit {
  limit: number;
  windowMs: number;
}

/** "20/60s" → { limit: 20, windowMs: 60000 }. */
export function parsePaceLimit(spec: string): PaceLimit {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*(ms|s|m)\s*$/.exec(spec);
  if (!m || Number(m[1]) < 1) throw new Error(`invalid limit "${spec}" (expected e.g. 20/60s)`);
  const unit = m[3] === 'ms' ? 1 : m[3] === 's' ? 1000 : 60_000;
  return { limit: Number(m[1]), windowMs: Number(m[2]) * unit };
}

export function createPacer(redis: Redis, prefix: string, pace: PaceLimit) {
  return {
    /** The instant (ms) at which `member` may be sent to `destination`; the same member gets the same slot. */
    async reserve(destination: string, member: string, now = Date.now()): Promise<number> {
      // a small margin keeps scheduling jitter from squeezing two windows' sends into one
      const margin = Math.max(250, Math.round(pace.windowMs * 0.05));
      const slot = (await redis.eval(RESERVE, 2, `${prefix}:pace:${destination}`, `${prefix}:pending:${destination}`, now, pace.windowMs, pace.limit, member, margin)) as string;
      return Number(slot);
    },
    /** The earliest reserved, unsent message of a destination (null when none): only it may be sent now. */
    async head(destination: string): Promise<string | null> {
      const [first] = await redis.zrange(`${prefix}:pending:${destination}`, 0, 0);
      return first ?? null;
    },
    /** A message left the queue (sent, or dead-lettered): the next one may go. */
    async done(destination: string, member: string): Promise<void> {
      await redis.zrem(`${prefix}:pending:${destination}`, member);
    },
  };
}
export type Pacer = ReturnType<typeof createPacer>;
