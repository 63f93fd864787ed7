import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../shared/errors.js';

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** What the holder of a lock may ask while it works. */
export interface Lease {
  /** Throws (retryable) unless this lease still holds the lock — checked in Redis, call it right before writing. */
  assertHeld(): Promise<void>;
}

/**
 * A Redis lock (SET NX PX, released only by its owner), renewed while its holder works: every ttl/3 the holder
 * extends it, so a slow holder (a slow store, a long handler) keeps it; only a dead holder loses it, after the ttl
 * (and a hung one, after `maxHoldMs`, default 2 minutes).
 * A holder whose lock was lost (a renewal found another owner, or Redis lost the key) learns it from
 * `lease.assertHeld()` before it writes. Ticket changes run under it: FerretDB v1.24 does not make a conditional
 * update atomic (measured: 40 concurrent `updateOne({_id, version})` all "matched", 11 versions written), so the
 * version check in the update filter alone is not enough there; on MongoDB it is atomic and a second guard.
 */
export function createLocker(redis: Redis, prefix: string, defaults: { ttlMs?: number; maxHoldMs?: number } = {}) {
  return async function withLock<T>(key: string, fn: (lease?: Lease) => Promise<T>, opts: { ttlMs?: number; waitMs?: number; maxHoldMs?: number } = {}): Promise<T> {
    const name = `${prefix}:lock:${key}`;
    const token = randomUUID();
    const ttl = opts.ttlMs ?? defaults.ttlMs ?? 15_000;
    const deadline = Date.now() + (opts.waitMs ?? 10_000);
    while ((await redis.set(name, token, 'PX', ttl, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new AppError('LOCK_TIMEOUT', `lock ${key} is busy`, { retryable: true });
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
    let lost = false;
    // a holder that hangs (a store call that never answers) does not keep the lock for ever
    const holdUntil = Date.now() + (opts.maxHoldMs ?? defaults.maxHoldMs ?? 120_000);
    const renew = setInterval(() => {
      if (Date.now() > holdUntil) return clearInterval(renew);
      redis
        .eval(EXTEND, 1, name, token, ttl)
        .then((r) => {
          if (Number(r) !== 1) lost = true;
        })
        .catch(() => {
          /* Redis unreachable: the next renewal or assertHeld decides */
        });
    }, Math.max(10, Math.floor(ttl / 3)));
    renew.unref();
    const lease: Lease = {
      async assertHeld() {
        if (lost || (await redis.get(name)) !== token) {
          lost = true;
          throw new AppError('LOCK_LOST', `lock ${key} was lost`, { retryable: true });
        }
      },
    };
    try {
      return await fn(lease);
    } finally {
      clearInterval(renew);
      await redis.eval(RELEASE, 1, name, token).catch(() => undefined);
    }
  };
}
export type WithLock = ReturnType<typeof createLocker>;
