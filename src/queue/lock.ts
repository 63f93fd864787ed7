import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../shared/errors.js';

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * A short Redis lock (SET NX PX, released only by its owner). Ticket changes run under it, because FerretDB v1.24
 * does not make a conditional update atomic; MongoDB would, but one mechanism for both keeps it simple.
 */
export function createLocker(redis: Redis, prefix: string) {
  return async function withLock<T>(key: string, fn: () => Promise<T>, opts: { ttlMs?: number; waitMs?: number } = {}): Promise<T> {
    const name = `${prefix}:lock:${key}`;
    const token = randomUUID();
    const ttl = opts.ttlMs ?? 15_000;
    const deadline = Date.now() + (opts.waitMs ?? 10_000);
    while ((await redis.set(name, token, 'PX', ttl, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new AppError('LOCK_TIMEOUT', `lock ${key} is busy`, { retryable: true });
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
    try {
      return await fn();
    } finally {
      await redis.eval(RELEASE, 1, name, token);
    }
  };
}
export type WithLock = ReturnType<typeof createLocker>;
