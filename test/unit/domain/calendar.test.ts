import { describe, expect, it } from 'vitest';
import { BusinessCalendar, bundledSchedules, hasOfficialSchedule, parseWorkingHours, schedulesFromData, statutoryHolidays } from '../../../src/domain/calendar.js';
import { OFFICIAL_2025_2026 } from '../../fixtures/official-schedules.js';

/**
 * The calendar under test gets its official schedules injected (2025 and 2026 only): no expectation depends on which
 * years the bundled `chinese-days` has published, and 2027 stays "unpublished" here whatever the library ships.
 */
const official = schedulesFromData(OFFICIAL_2025_2026);
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai', official });
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('working days on the official 2025–2026 schedules', () => {
  it.each([
    // Spring Festival 2025: 1/28–2/4 off, make-up Sunday 1/26 and Saturday 2/8
    ['2025-01-26', true], ['2025-01-28', false], ['2025-02-04', false], ['2025-02-05', true], ['2025-02-08', true],
    // National Day 2025: 10/1–10/8 off, make-up Sunday 9/28 and Saturday 10/11
    ['2025-09-28', true], ['2025-10-01', false], ['2025-10-08', false], ['2025-10-09', true], ['2025-10-11', true],
    // Spring Festival 2026 with make-up Saturday 2/14; National Day 2026 with make-up Sunday 9/20
    ['2026-02-14', true], ['2026-02-17', false], ['2026-09-20', true],
    ['2026-10-01', false], ['2026-10-04', false], ['2026-10-07', false],
    // ordinary days and the year end
    ['2026-11-23', true], ['2026-11-28', false], ['2026-12-31', true], ['2025-12-31', true], ['2026-01-01', false],
  ])('%s is a working day: %s', (date, working) => expect(cal.isWorkingDay(date as string)).toBe(working));

  it('counts working days across holidays and make-up days', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20'); // Friday → the make-up Sunday
    expect(cal.addWorkingDays('2025-01-24', 2)).toBe('2025-01-27'); // Friday → Sunday 1/26 → Monday 1/27
    expect(cal.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04'); // across the year end (2027-01-01 off)
    expect(cal.subtractWorkingDays('2026-10-08', 1)).toBe('2026-09-30');
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-09')).toBe(2);
  });
});

describe('the bundled data', () => {
  it('agrees with the official schedules for every day of 2025 and 2026 (published years stay published)', () => {
    expect(hasOfficialSchedule(2025) && hasOfficialSchedule(2026)).toBe(true);
    const differ: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      if (bundledSchedules.isWorkday(d) !== official.isWorkday(d)) differ.push(d);
    }
    expect(differ).toEqual([]);
  });
});

describe('a year without a published schedule (2027 in the injected data)', () => {
  it('is known to be missing; 2025 and 2026 are not', () => {
    expect(cal.missingSchedules([2025, 2026, 2027, 2027])).toEqual([2027]);
    // and with a schedule for 2027 injected, nothing is missing
    const later = new BusinessCalendar({ timezone: 'Asia/Shanghai', official: schedulesFromData({ ...OFFICIAL_2025_2026, 2027: { off: ['2027-02-08'], work: ['2027-02-13'] } }) });
    expect(later.missingSchedules([2026, 2027])).toEqual([]);
    expect(later.isWorkingDay('2027-02-13')).toBe(true);
  });
  it('still keeps the 13 statutory holidays, lunar ones included', () => {
    const h = statutoryHolidays(2027);
    expect(h.size).toBe(13);
    for (const d of ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-03']) {
      expect(h.has(d), d).toBe(true);
    }
    expect(cal.isWorkingDay('2027-02-08')).toBe(false); // Monday, 春节
    expect(cal.isWorkingDay('2027-02-09')).toBe(true);
    expect(cal.isWorkingDay('2027-02-13')).toBe(false); // Saturday: no 调休 known
  });
  it('operator overrides win', () => {
    const custom = new BusinessCalendar({ timezone: 'Asia/Shanghai', official, overrides: { '2027-02-13': true, '2027-02-09': false } });
    expect(custom.isWorkingDay('2027-02-13')).toBe(true);
    expect(custom.isWorkingDay('2027-02-09')).toBe(false);
    expect(custom.missingSchedules([2027])).toEqual([]);
  });
});

describe('working hours', () => {
  it('parses and validates the hours', () => {
    expect(parseWorkingHours('08:30-12:00,13:30-18:00')).toEqual([{ start: 510, end: 720 }, { start: 810, end: 1080 }]);
    expect(() => parseWorkingHours('18:00-08:00')).toThrow();
    expect(() => parseWorkingHours('9-5')).toThrow();
  });
  it('adds working minutes over lunch, evenings, weekends and holidays', () => {
    expect(cal.addWorkingMinutes(at('2026-11-23T11:30:00'), 60)).toBe(at('2026-11-23T14:00:00'));
    expect(cal.addWorkingMinutes(at('2026-11-23T17:00:00'), 120)).toBe(at('2026-11-24T09:30:00'));
    expect(cal.addWorkingMinutes(at('2026-11-27T17:00:00'), 120)).toBe(at('2026-11-30T09:30:00')); // Friday → Monday
    expect(cal.addWorkingMinutes(at('2026-09-30T17:00:00'), 120)).toBe(at('2026-10-08T09:30:00')); // National Day
    expect(cal.addWorkingMinutes(at('2026-11-22T20:00:00'), 5 * 480)).toBe(at('2026-11-27T18:00:00')); // Sunday night + 5 days
    expect(cal.addWorkingMinutes(at('2026-11-23T09:30:00'), 5 * 480)).toBe(at('2026-11-30T09:30:00'));
  });
  it('measures working minutes and working time', () => {
    expect(cal.workingMinutesBetween(at('2026-11-23T11:30:00'), at('2026-11-23T14:00:00'))).toBe(60);
    expect(cal.workingMinutesBetween(at('2026-11-27T17:00:00'), at('2026-11-30T09:30:00'))).toBe(120);
    expect(cal.workingMinutesBetween(at('2026-11-30T09:30:00'), at('2026-11-27T17:00:00'))).toBe(0);
    expect(cal.isWorkingTime(at('2026-11-23T12:30:00'))).toBe(false);
    expect(cal.isWorkingTime(at('2026-11-23T13:30:00'))).toBe(true);
    expect(cal.isWorkingTime(at('2026-11-28T10:00:00'))).toBe(false);
    expect(cal.nextWorkingTime(at('2026-11-27T19:00:00'))).toBe(at('2026-11-30T08:30:00'));
    expect(cal.endOfWorkingDay('2026-11-30')).toBe(at('2026-11-30T18:00:00'));
  });
});

describe('going back in working time', () => {
  it('subtracts working minutes over lunch, nights and weekends, as the inverse of adding', () => {
    expect(cal.subtractWorkingMinutes(at('2026-11-23T14:00:00'), 60)).toBe(at('2026-11-23T11:30:00'));
    expect(cal.subtractWorkingMinutes(at('2026-11-30T09:30:00'), 120)).toBe(at('2026-11-27T17:00:00'));
    expect(cal.subtractWorkingMinutes(at('2026-11-30T18:00:00'), 480)).toBe(at('2026-11-30T08:30:00'));
    expect(cal.subtractWorkingMinutes(at('2026-11-30T09:30:00'), 480)).toBe(at('2026-11-27T09:30:00'));
    expect(cal.previousWorkingTime(at('2026-11-29T10:00:00'))).toBe(at('2026-11-27T18:00:00'));
    expect(cal.minutesPerDay).toBe(480);
  });
});
