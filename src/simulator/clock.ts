import { DateTime } from 'luxon';

/**
 * Where the simulated clock's offset is kept between runs (Redis, under the deployment's key prefix): a restarted
 * bot keeps the simulated time instead of falling back to the real one.
 */
export interface ClockStore {
  load(): Promise<number | null>;
  save(offsetMs: number): Promise<void>;
}

/** The few Redis commands the clock store uses (an ioredis client fits). */
export interface KeyValue {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
}

/** The Redis key of the simulated clock's offset, under the deployment's prefix. */
export const clockKey = (prefix: string) => `${prefix}:simulator:clock-offset`;

/** The clock's offset in Redis under `prefix` (the deployment's key prefix). */
export function redisClockStore(redis: KeyValue, prefix: string): ClockStore {
  const key = clockKey(prefix);
  return {
    async load() {
      const v = Number(await redis.get(key));
      return Number.isFinite(v) && v > 0 ? v : null;
    },
    async save(offsetMs) {
      await redis.set(key, String(offsetMs));
    },
  };
}

/**
 * The demo's clock: real time plus an offset the simulator page can move forward ("jump to the next working day 08:30"), so
 * people can watch reminders, escalations and the morning digest. Only the simulator ever moves it; with a store
 * (`persistIn`) the offset survives a restart.
 */
export function createSimClock(timezone: string, realNow: () => number = Date.now) {
  let offsetMs = 0;
  let store: ClockStore | null = null;
  let saving: Promise<void> = Promise.resolve();
  const now = () => new Date(realNow() + offsetMs);
  const moved = () => {
    if (!store) return;
    const s = store;
    const value = offsetMs;
    // in order, and a failed save does not block the next one
    saving = saving.catch(() => {}).then(() => s.save(value));
  };
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
      moved();
      return now();
    },
    advance(ms: number): Date {
      offsetMs += Math.max(0, ms);
      moved();
      return now();
    },
    /**
     * Restores the offset kept in `store` (never moving backwards) and saves every later move there. Returns the
     * offset in force afterwards.
     */
    async persistIn(s: ClockStore): Promise<number> {
      const kept = await s.load();
      if (kept !== null && kept > offsetMs) offsetMs = kept;
      store = s;
      return offsetMs;
    },
    /** Resolves once the last move is saved (rejects when saving it failed). */
    saved(): Promise<void> {
      return saving;
    },
  };
}
export type SimClock = ReturnType<typeof createSimClock>;
