import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../src/domain/calendar.js';
import { createSimClock } from '../../../src/simulator/clock.js';

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
