import type { Connection, Model, UpdateQuery } from 'mongoose';
import type { SlaDueEntry } from '../models/sla-due.model.js';
import { isDuplicateKey } from './duplicate-key.js';

export type { SlaDueEntry };

type SlaDueDoc = { _id: string; steps?: SlaDueEntry[]; minute?: string; scannedAt?: string };

const CURSOR_ID = 'sla-cursor';

/** The UTC minute of an instant, as a bucket's `_id`: `2026-12-01T01:30`. */
export function minuteOf(at: string | number | Date): string {
  return new Date(at).toISOString().slice(0, 16);
}

/** The minute `n` minutes after `minute` (n may be negative). */
export function addMinutes(minute: string, n: number): string {
  return minuteOf(Date.parse(`${minute}:00.000Z`) + n * 60_000);
}

/** Minutes from `a` to `b` (negative when b is earlier). */
export function minutesBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}:00.000Z`) - Date.parse(`${a}:00.000Z`)) / 60_000);
}

/**
 * The SLA due index (`sla_due`, see the model): every read and write is by a single string `_id`, which FerretDB v1
 * answers from its primary key, so its cost does not grow with the number of tickets. Buckets only gain entries
 * (`$addToSet`); an entry whose ticket moved on is stale and costs the reader nothing but a no-op (the step job
 * re-reads the ticket). A bucket is deleted once the reconcile's cursor has passed it.
 */
export function createSlaDueIndex(conn: Connection) {
  const Due = conn.model('SlaDue') as Model<SlaDueDoc>;
  const round = { reads: 0, writes: 0 };
  /**
   * An update of one `_id`, made if missing. Two first upserts of one `_id` at once (two first entries of a minute, the
   * web and the worker saving the first cursor): one inserts, the other answers E11000 (FerretDB always; MongoDB
   * retries some such upserts itself, not all): the document exists now, so the same update applies to it.
   */
  async function upsert(id: string, update: UpdateQuery<SlaDueDoc>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      round.writes++;
      try {
        await Due.updateOne({ _id: id }, update, { upsert: true });
        return;
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 3) throw err;
      }
    }
  }
  return {
    /** Store round trips made through this index since it was created (for the bench and the tests). */
    roundTrips: round,

    /** The reconcile's cursor: the last minute fully handled, and when the tickets were last scanned (ISO). */
    async cursor(): Promise<{ minute: string | null; scannedAt: string | null }> {
      round.reads++;
      const d = await Due.findById(CURSOR_ID).lean();
      return { minute: d?.minute ?? null, scannedAt: d?.scannedAt ?? null };
    },

    async saveCursor(set: { minute?: string; scannedAt?: string }): Promise<void> {
      await upsert(CURSOR_ID, { $set: set });
    },

    /**
     * Files steps under their due minute, never under a minute the cursor has passed or one before `notBefore`
     * (ISO; the time of the change): a step already due when it is filed goes into the next minute the reconcile
     * reads, so it runs at once rather than at the next scan.
     */
    async file(entries: SlaDueEntry[], notBefore?: string): Promise<void> {
      if (!entries.length) return;
      const { minute: cursor } = await this.cursor();
      const floor = [cursor ? addMinutes(cursor, 1) : '', notBefore ? minuteOf(notBefore) : ''].sort().at(-1)!;
      const byMinute = new Map<string, SlaDueEntry[]>();
      for (const e of entries) {
        const m = [minuteOf(e.at), floor].sort().at(-1)!;
        byMinute.set(m, [...(byMinute.get(m) ?? []), { no: e.no, key: e.key, at: e.at }]);
      }
      for (const [m, steps] of byMinute) await upsert(m, { $addToSet: { steps: { $each: steps } } });
    },

    /** The entries filed under one minute (one `_id` read). */
    async bucket(minute: string): Promise<SlaDueEntry[]> {
      round.reads++;
      const d = await Due.findById(minute).lean();
      return (d?.steps ?? []).map((s) => ({ no: s.no, key: s.key, at: s.at }));
    },

    /**
     * Deletes every bucket before `minute` (a range on `_id`: a scan of this collection on FerretDB, so only after a
     * stretch the reconcile skipped, never on a normal pass).
     */
    async dropBefore(minute: string): Promise<void> {
      round.writes++;
      await Due.deleteMany({ _id: { $lt: minute } });
    },

    /** Deletes the buckets of minutes the cursor has passed (one `_id` delete each). */
    async drop(minutes: string[]): Promise<void> {
      for (const m of minutes) {
        round.writes++;
        await Due.deleteOne({ _id: m });
      }
    },
  };
}

export type SlaDueIndex = ReturnType<typeof createSlaDueIndex>;
