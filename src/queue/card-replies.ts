import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A hand-over between two processes for one HTTP request: the request of a WeCom card tap (callback mode) waits for
 * the card update the bot produces for it, which is made elsewhere (a worker, maybe another instance). One Redis key
 * per tap, under the deployment's prefix, with a short life:
 *
 *   (none) ──expect──▶ "wait" ──offer(body)──▶ body      the request answers with it
 *                         └────take, too late──▶ "closed"  the request answered without it; offer is refused
 *
 * Both sides change the key only by compare-and-set (a Lua script), so exactly one of them decides: either the
 * request takes the body, or the sender learns the request is gone and sends its answer another way. An offer with
 * no request waiting (none expected it: a redelivery, a sweep long after) is refused too.
 */
const WAIT = 'wait';
const CLOSED = 'closed';
/** Sets the body if the request still waits (or already holds this very body: a retried send). */
const OFFER = `local v = redis.call("get", KEYS[1]) if v == "${WAIT}" or v == ARGV[1] then redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[2]) return 1 end return 0`;
/** The body if one was offered; otherwise closes the hand-over (nothing offered later is taken). */
const CLOSE = `local v = redis.call("get", KEYS[1]) if v == "${WAIT}" or not v then redis.call("set", KEYS[1], "${CLOSED}", "PX", ARGV[1]) return false end return v`;

export interface CardReplies {
  /** The request will wait for this event's update: from now on an offer is taken. False: already expected or decided. */
  expect(eventId: string): Promise<boolean>;
  /** The update for a waiting request; false when no request waits for it any more (answer another way). */
  offer(eventId: string, body: object): Promise<boolean>;
  /**
   * The update, as soon as it is offered, or null after `timeoutMs` (and then no later offer is taken). `timeoutMs`
   * 0: what was offered so far, closing the hand-over.
   */
  take(eventId: string, timeoutMs: number): Promise<object | null>;
  /** The update offered so far, if any, changing nothing (a redelivered callback while the first one still waits). */
  peek(eventId: string): Promise<object | null>;
}

export function createCardReplies(redis: Redis, prefix: string, opts: { ttlMs?: number; pollMs?: number } = {}): CardReplies {
  const ttl = opts.ttlMs ?? 60_000;
  const poll = opts.pollMs ?? 50;
  // a msgid may be up to 256 characters of anything: the key names its hash
  const key = (eventId: string) => `${prefix}:card-reply:wecom-${createHash('sha256').update(eventId).digest('hex').slice(0, 32)}`;
  const body = (v: string | null): object | null => (v && v !== WAIT && v !== CLOSED ? (JSON.parse(v) as object) : null);

  return {
    async expect(eventId) {
      return (await redis.set(key(eventId), WAIT, 'PX', ttl, 'NX')) === 'OK';
    },
    async offer(eventId, update) {
      return Number(await redis.eval(OFFER, 1, key(eventId), JSON.stringify(update), ttl)) === 1;
    },
    async take(eventId, timeoutMs) {
      const k = key(eventId);
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const got = body(await redis.get(k));
        if (got) return got;
        await new Promise((r) => setTimeout(r, Math.min(poll, Math.max(1, deadline - Date.now()))));
      }
      return body((await redis.eval(CLOSE, 1, k, ttl)) as string | null);
    },
    async peek(eventId) {
      return body(await redis.get(key(eventId)));
    },
  };
}
