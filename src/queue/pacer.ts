import type { Redis } from 'ioredis';
import { rateLimitWaits, rateLimitWaitSeconds } from '../shared/metrics.js';

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

/**
 * The send-time check: a sliding window of the destination's actual sends (`sent:` sorted set). Records this send
 * and answers 0 when the window has room; otherwise the milliseconds until it has. Reservations (above) set when a
 * message is due; this keeps the limit even when sends were held back and bunch up (after a platform's rate-limit
 * wait, a failed head, a restart).
 */
const ACQUIRE = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local member = ARGV[4]
local margin = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window - margin)
local inWindow = redis.call('ZRANGEBYSCORE', key, '(' .. (now - window - margin), '+inf', 'WITHSCORES')
local n = #inWindow / 2
if n >= limit then
  return tostring(tonumber(inWindow[(n - limit) * 2 + 2]) + window + margin - now)
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window * 2 + margin)
return '0'
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
    /**
     * Right before a send: 0 when the destination's last window of actual sends has room (this send is counted),
     * else how long to wait. Only a destination's head sends, so its sends are serial.
     */
    async acquire(destination: string, member: string, now = Date.now()): Promise<number> {
      const margin = Math.max(250, Math.round(pace.windowMs * 0.05));
      const wait = (await redis.eval(ACQUIRE, 1, `${prefix}:sent:${destination}`, now, pace.windowMs, pace.limit, `${member}:${now}`, margin)) as string;
      const ms = Math.max(0, Number(wait));
      if (ms > 0) {
        rateLimitWaits.inc({ source: 'pacer' });
        rateLimitWaitSeconds.inc({ source: 'pacer' }, ms / 1000);
      }
      return ms;
    },
    /** The head with its reserved slot (ms), or null. */
    async headSlot(destination: string): Promise<{ member: string; slot: number } | null> {
      const [member, slot] = await redis.zrange(`${prefix}:pending:${destination}`, 0, 0, 'WITHSCORES');
      return member ? { member, slot: Number(slot) } : null;
    },
    /** Where a message stands among its destination's unsent ones (0: the head), or null. */
    async rank(destination: string, member: string): Promise<number | null> {
      return redis.zrank(`${prefix}:pending:${destination}`, member);
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
