import { DateTime } from 'luxon';

/**
 * The demo's clock: real time plus an offset the simulator page can move forward ("jump to the next working day 08:30"), so
 * people can watch reminders, escalations and the morning digest. Only the simulator ever moves it.
 */
export function createSimClock(timezone: string, realNow: () => number = Date.now) {
  let offsetMs = 0;
  const now = () => new Date(realNow() + offsetMs);
  return {
    now,
    offsetMs: () => offsetMs,
    /**
     * Moves forward to the next `HH:MM` local time on a day `dayOk` accepts (by default any day): with the calendar's
     * working-day test this is "the next working morning", when the digest goes out.
     */
    jumpToNext(hhmm: string, dayOk: (isoDate: string) => boolean = () => true): Date {
      const [h, m] = hhmm.split(':').map(Number);
      const local = DateTime.fromJSDate(now()).setZone(timezone);
      let target = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
      if (target <= local) target = target.plus({ days: 1 });
      for (let i = 0; i < 366 && !dayOk(target.toISODate()!); i++) target = target.plus({ days: 1 });
      offsetMs += target.toMillis() - now().getTime();
      return now();
    },
    advance(ms: number): Date {
      offsetMs += Math.max(0, ms);
      return now();
    },
  };
}
export type SimClock = ReturnType<typeof createSimClock>;
