import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startSingleFlight } from '../../../src/queue/lease.js';

// A ttl that is no number (a hand-built Config without the lease setting) must fail at start, not as a lease never taken.
describe('startSingleFlight refuses a ttl that cannot be a lease', () => {
  const calls: string[] = [];
  const redis = new Proxy({}, { get: (_t, name) => () => { calls.push(String(name)); return Promise.resolve(null); } }) as unknown as Redis;
  const hooks = { onAcquire() {}, onLose() {} };

  for (const ttlMs of [Number.NaN, 0, -5, 1500.5, Number.POSITIVE_INFINITY]) {
    it(`ttlMs ${ttlMs}`, () => {
      expect(() => startSingleFlight(redis, 'k', hooks, { ttlMs })).toThrow(/ttlMs must be a positive whole number/);
      expect(calls).toEqual([]);
    });
  }
});
