import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createPacer, parsePaceLimit } from '../../src/queue/pacer.js';
import { testQueuePrefix, testRedisUrl } from '../helpers/env.js';

const redis = new Redis(testRedisUrl());
afterAll(() => redis.disconnect());

describe('the per-destination pacer on real Redis', () => {
  it('parses limits', () => {
    expect(parsePaceLimit('20/60s')).toEqual({ limit: 20, windowMs: 60_000 });
    expect(parsePaceLimit('5/2s')).toEqual({ limit: 5, windowMs: 2000 });
    expect(() => parsePaceLimit('lots')).toThrow();
  });

  it('lets a burst of `limit` through at once, then spaces the rest so no window holds more than `limit`', async () => {
    // (and keeps a per-destination order: the pending list's head is the earliest reservation)
    const pacer = createPacer(redis, testQueuePrefix(), { limit: 3, windowMs: 1000 });
    const now = 1_000_000;
    const slots = [];
    for (let i = 0; i < 8; i++) slots.push(await pacer.reserve('wecom:chat:g1', `m${i}`, now));
    // the window plus a safety margin of max(250 ms, 5 %)
    expect(slots).toEqual([now, now, now, now + 1250, now + 1250, now + 1250, now + 2500, now + 2500]);
    for (const s of slots) expect(slots.filter((x) => x > s - 1000 && x <= s).length).toBeLessThanOrEqual(3);
    // the same message keeps its slot; another destination is not affected
    expect(await pacer.reserve('wecom:chat:g1', 'm4', now)).toBe(now + 1250);
    expect(await pacer.reserve('wecom:chat:g2', 'x', now)).toBe(now);
    expect(await pacer.head('wecom:chat:g1')).toBe('m0');
    await pacer.done('wecom:chat:g1', 'm0');
    expect(await pacer.head('wecom:chat:g1')).toBe('m1');
  });

  it('holds across processes: 50 concurrent reservations from two clients keep order and pace', async () => {
    const prefix = testQueuePrefix();
    const other = new Redis(testRedisUrl());
    const [a, b] = [createPacer(redis, prefix, { limit: 20, windowMs: 60_000 }), createPacer(other, prefix, { limit: 20, windowMs: 60_000 })];
    const now = 5_000_000;
    const slots = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).reserve('dingtalk:chat:c', `n${i}`, now)));
    other.disconnect();
    const sorted = [...slots].sort((x, y) => x - y);
    for (const s of sorted) expect(sorted.filter((x) => x > s - 60_000 && x <= s).length).toBeLessThanOrEqual(20);
    expect(sorted.filter((x) => x === now)).toHaveLength(20);
    expect(sorted.at(-1)).toBe(now + 126_000);
  });
});
