import { describe, expect, it } from 'vitest';
import { calendarFromPolicy } from '../../../src/domain/calendar.js';

describe('calendarFromPolicy', () => {
  it('applies the policy\'s working hours and date overrides in the given time zone', () => {
    const cal = calendarFromPolicy('Asia/Shanghai', {
      workingHours: '09:00-12:00,14:00-17:00',
      calendar: { '2026-11-24': 'off', '2026-11-28': 'work' },
    });
    expect(cal.timezone).toBe('Asia/Shanghai');
    expect(cal.hours).toEqual([
      { start: 9 * 60, end: 12 * 60 },
      { start: 14 * 60, end: 17 * 60 },
    ]);
    expect(cal.isWorkingDay('2026-11-24')).toBe(false); // a Tuesday made a day off
    expect(cal.isWorkingDay('2026-11-28')).toBe(true); // a Saturday made a working day
    expect(cal.isWorkingDay('2026-11-25')).toBe(true);
    expect(cal.addWorkingDays('2026-11-23', 1)).toBe('2026-11-25');
  });

  it('refuses working hours it cannot read', () => {
    expect(() => calendarFromPolicy('UTC', { workingHours: '9-5', calendar: {} })).toThrow(/working hours/);
  });
});
