import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../src/domain/calendar.js';
import { clockKey, createSimClock, redisClockStore } from '../../../src/simulator/clock.js';

const at = (iso: string) => () => Date.parse(iso);

describe('the simulator clock', () => {
  it('jumps from a Saturday to Monday 08:30 when asked for the next working morning', () => {
    const clock = createSimClock('Asia/Shanghai', at('2026-11-21T10:00:00+08:00'));
    expect(clock.jumpToNext('08:30', isWorkingDay).toISOString()).toBe('2026-11-23T00:30:00.000Z');
  });

  it('skips the National Day holidays', () => {
    const clock = createSimClock('Asia/Shanghai', at('2026-09-30T09:00:00+08:00'));
    // 2026-10-01…07 are holidays; 2026-10-08 is the next working day
    expect(clock.jumpToNext('08:30', isWorkingDay).toISOString()).toBe('2026-10-08T00:30:00.000Z');
  });

  it('takes today’s time when it is still ahead, and any day without a calendar', () => {
    const clock = createSimClock('Asia/Shanghai', at('2026-11-21T07:00:00+08:00'));
    expect(clock.jumpToNext('08:30').toISOString()).toBe('2026-11-21T00:30:00.000Z');
    expect(clock.advance(4 * 3_600_000).toISOString()).toBe('2026-11-21T04:30:00.000Z');
    expect(clock.advance(-5)).toEqual(clock.now()); // never backwards
  });
});

describe('the simulator clock across a restart', () => {
  const memory = () => {
    const kv = new Map<string, string>();
    return { kv, get: async (k: string) => kv.get(k) ?? null, set: async (k: string, v: string) => void kv.set(k, v) };
  };

  it('keeps its offset in Redis under the deployment prefix, and a new process takes it back', async () => {
    const redis = memory();
    const first = createSimClock('Asia/Shanghai', at('2026-11-21T10:00:00+08:00'));
    expect(await first.persistIn(redisClockStore(redis, 'xiaoer-abc'))).toBe(0);
    first.jumpToNext('08:30', isWorkingDay); // Monday 08:30
    await first.saved();
    expect([...redis.kv.keys()]).toEqual([clockKey('xiaoer-abc')]);
    expect(clockKey('xiaoer-abc')).toBe('xiaoer-abc:simulator:clock-offset');

    // the restarted bot, ten real minutes later: the simulated time goes on from where it was
    const second = createSimClock('Asia/Shanghai', at('2026-11-21T10:10:00+08:00'));
    expect(second.now().toISOString()).toBe('2026-11-21T02:10:00.000Z'); // before restoring: real time
    await second.persistIn(redisClockStore(redis, 'xiaoer-abc'));
    expect(second.now().toISOString()).toBe('2026-11-23T00:40:00.000Z');
    second.advance(3_600_000);
    await second.saved();
    expect(Number(redis.kv.get(clockKey('xiaoer-abc')))).toBe(second.offsetMs());
  });

  it('another deployment prefix starts from real time; a stored offset never moves the clock back', async () => {
    const redis = memory();
    redis.kv.set(clockKey('other'), String(3_600_000));
    const clock = createSimClock('Asia/Shanghai', at('2026-11-21T10:00:00+08:00'));
    await clock.persistIn(redisClockStore(redis, 'mine'));
    expect(clock.offsetMs()).toBe(0);
    const ahead = createSimClock('Asia/Shanghai', at('2026-11-21T10:00:00+08:00'));
    ahead.advance(7_200_000);
    await ahead.persistIn(redisClockStore(redis, 'other'));
    expect(ahead.offsetMs()).toBe(7_200_000);
  });

  it('a failed save is reported to the mover and does not stop later saves', async () => {
    let fail = true;
    const saved: number[] = [];
    const clock = createSimClock('Asia/Shanghai', at('2026-11-21T10:00:00+08:00'));
    await clock.persistIn({ load: async () => null, save: async (ms) => (fail ? Promise.reject(new Error('redis down')) : void saved.push(ms)) });
    clock.advance(1000);
    await expect(clock.saved()).rejects.toThrow('redis down');
    fail = false;
    clock.advance(1000);
    await clock.saved();
    expect(saved).toEqual([2000]);
  });
});
