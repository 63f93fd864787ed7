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

describe('the zone the calendar computes in', () => {
  it('is a fixed +08:00 for Asia/Shanghai (no Intl lookup per conversion), and keeps the IANA rules where the offset changes', async () => {
    const { workingZone, BusinessCalendar } = await import('../../../src/domain/calendar.js');
    const sh = workingZone('Asia/Shanghai');
    expect(sh.type).toBe('fixed');
    expect(sh.offset(Date.UTC(2026, 6, 1))).toBe(480);
    const ny = workingZone('America/New_York');
    expect(ny.type).toBe('iana');
    // the same instants give the same local dates either way, and New York's calendar follows daylight saving
    const cal = new BusinessCalendar({ timezone: 'America/New_York' });
    expect(cal.localDate('2026-07-01T03:30:00.000Z')).toBe('2026-06-30'); // EDT, UTC-4
    expect(cal.localDate('2026-01-01T04:30:00.000Z')).toBe('2025-12-31'); // EST, UTC-5
    expect(cal.localDate('2026-01-01T05:30:00.000Z')).toBe('2026-01-01');
    const shanghai = new BusinessCalendar({ timezone: 'Asia/Shanghai' });
    expect(shanghai.endOfWorkingDay('2026-12-01')).toBe(new BusinessCalendar({ timezone: 'Etc/GMT-8' }).endOfWorkingDay('2026-12-01'));
  });
});
