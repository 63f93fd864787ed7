import type { Connection, Model } from 'mongoose';
import { sweepDueSchema, type SweepDueDoc } from '../models/sweep-due.model.js';
import { isDuplicateKey } from './duplicate-key.js';
import { addMinutes, minuteOf } from './sla-due.repository.js';

export type SweepKind = 'in' | 'out';

/** Ids per slot document: a slot is appended to (`$push`) by one writer, and stays small (a few tens of KB). */
export const SLOT_MAX = 500;
/**
 * The cursor stays this many minutes behind now: writers file at or after their own current minute (usually a minute
 * or more ahead), so a bucket the cursor has passed is never written again, even with some clock skew or a slow write.
 */
export const TRAIL_MINUTES = 3;
/** At most this many minutes of buckets per pass (one `_id` read each at least); the rest is read by the next pass. */
export const MAX_MINUTES_PER_PASS = 24 * 60;

/**
 * Updates per bulkWrite of the sweeps' deferrals: FerretDB v1.24 never answered one of 100 updates by `_id` (the
 * connection timed out; 80 took 0.2 s), so they go in smaller commands.
 */
export const BULK_MAX = 25;

/**
 * What the index lacks at its first pass (after an upgrade from a release without it): every message in `status`
 * with its sweep time. Streamed in batches over the whole collection, the status checked here: a query by status is a
 * scan on FerretDB v1 whose first answer would come only at its end (past the socket timeout on a large store),
 * while each batch here comes back at once. Runs once per database (see `walk`).
 */
export async function firstRunScan(
  col: { find(filter: object, opts: object): AsyncIterable<{ _id: unknown; status?: unknown; sweepAt?: Date | null }> },
  status: string,
): Promise<{ id: string; at: Date | null | undefined }[]> {
  const found: { id: string; at: Date | null | undefined }[] = [];
  for await (const d of col.find({}, { projection: { _id: 1, status: 1, sweepAt: 1 }, batchSize: 2000 })) {
    if (d.status === status) found.push({ id: String(d._id), at: d.sweepAt });
  }
  return found;
}

const key = (kind: SweepKind, minute: string, slot: number) => `${kind} ${minute} ${slot}`;

/** The model, registered on first use (the collection needs no index beyond `_id`). */
export function sweepDueModel(conn: Connection): Model<SweepDueDoc> {
  return (conn.models.SweepDue as Model<SweepDueDoc> | undefined) ?? conn.model<SweepDueDoc>('SweepDue', sweepDueSchema, 'sweep_due');
}

/** How a sweep pass reads (see the repositories' `sweepDue`). */
export interface SweepOptions {
  /** Ids per page, and at most this many ids a pass. */
  page?: number;
  budget?: number;
  /**
   * Looks at a page's ids before their messages are read and returns those whose jobs are waiting or running,
   * which it has filed again itself (`recheckLater`): a backlog costs the sweep a look in Redis, not a store read.
   */
  takeLive?: (ids: string[]) => Promise<Set<string>>;
}

export interface WalkResult {
  /** Minutes whose buckets were read, slot documents read, entries handed to `visit`. */
  minutes: number;
  slots: number;
  entries: number;
  /** The cursor after the pass; `firstRun`: there was none (the ids were found by `firstRun` instead). */
  cursor: string;
  firstRun: boolean;
}

/**
 * The due index of one recovery sweep (`sweep_due`, see the model). Every read and write is by a single string `_id`:
 * the cost of a pass follows what became due since the last one (a few `_id` reads when nothing did), not the size of
 * the messages' collection, on FerretDB v1 as on MongoDB.
 *
 * Writes: `file` appends ids to this process's slot of a minute (one `$push`, or one insert that claims a new slot),
 * one write per minute filed. Reads: `walk` reads each minute from the cursor to the sweep's `dueBy`, slot by slot
 * until the first missing one, and hands the ids to the caller, who reads each message by `_id` and says which are
 * done. Minutes fully done and at least TRAIL_MINUTES old are passed by the cursor and their slots deleted.
 */
export function createSweepIndex(conn: Connection, kind: SweepKind, opts: { now?: () => number } = {}) {
  const Due = sweepDueModel(conn);
  const clock = opts.now ?? Date.now;
  const round = { reads: 0, writes: 0 };
  const cursorId = `${kind} cursor`;
  // the writer: the slot this index owns in each minute it filed into (and how full), the highest slot seen taken
  const owned = new Map<string, { slot: number; n: number }>();
  const seen = new Map<string, number>();
  let writing: Promise<unknown> = Promise.resolve();
  // the reader: per slot document, the entries already done (a prefix, and any done after the first not done), so
  // that a slot read again (it is read until the cursor passes it) costs nothing for them
  const done = new Map<string, { prefix: number; after: Set<number> }>();

  async function append(minute: string, ids: string[]): Promise<void> {
    const mine = owned.get(minute);
    if (mine && mine.n + ids.length <= SLOT_MAX) {
      round.writes++;
      const r = await Due.collection.updateOne({ _id: key(kind, minute, mine.slot) } as never, { $push: { ids: { $each: ids } } } as never);
      if (r.matchedCount === 1) {
        mine.n += ids.length;
        return;
      }
      // deleted under us: the cursor passed this minute (a clock far off, or a write stalled for minutes); claim again
      owned.delete(minute);
      seen.delete(minute);
    }
    let slot = Math.max(mine ? mine.slot + 1 : 0, (seen.get(minute) ?? -1) + 1);
    for (;;) {
      round.writes++;
      try {
        await Due.collection.insertOne({ _id: key(kind, minute, slot), ids } as never);
        owned.set(minute, { slot, n: ids.length });
        seen.set(minute, slot);
        return;
      } catch (err) {
        // taken by another writer (another process, or another index of this kind): the next one
        if (!isDuplicateKey(err)) throw err;
        seen.set(minute, slot);
        slot++;
      }
    }
  }

  const index = {
    /** Store round trips made through this index since it was created (for the bench and the tests). */
    roundTrips: round,

    /**
     * Files ids under the minute each becomes due (`at`); a time already past (or within the current minute) is
     * filed under the current minute, never under one the cursor may have passed. One write per minute filed (per
     * SLOT_MAX ids); writes of this index run one at a time (each slot has one writer).
     */
    async file(entries: { id: string; at: Date | null | undefined }[]): Promise<void> {
      if (!entries.length) return;
      const floor = minuteOf(clock());
      const byMinute = new Map<string, string[]>();
      for (const e of entries) {
        const m = e.at && minuteOf(e.at) > floor ? minuteOf(e.at) : floor;
        const list = byMinute.get(m) ?? [];
        list.push(e.id);
        byMinute.set(m, list);
      }
      const run = writing.then(async () => {
        for (const [m, ids] of byMinute) {
          for (let i = 0; i < ids.length; i += SLOT_MAX) await append(m, ids.slice(i, i + SLOT_MAX));
        }
        // minutes this writer will not file into again
        for (const m of owned.keys()) if (m < floor) owned.delete(m);
        for (const m of seen.keys()) if (m < floor) seen.delete(m);
      });
      writing = run.catch(() => undefined);
      await run;
    },

    /** Files ids together, under the minute of the latest `at` (one write: the acknowledgement path's batches). */
    async fileTogether(ids: string[], at: Date[]): Promise<void> {
      const latest = new Date(Math.max(...at.map((d) => d.getTime())));
      await index.file(ids.map((id) => ({ id, at: latest })));
    },

    async cursor(): Promise<{ minute: string | null; scannedAt: string | null }> {
      round.reads++;
      const d = await Due.findById(cursorId).lean();
      return { minute: d?.minute ?? null, scannedAt: d?.scannedAt ?? null };
    },

    async saveCursor(set: { minute?: string; scannedAt?: string }): Promise<void> {
      round.writes++;
      await Due.updateOne({ _id: cursorId }, { $set: set }, { upsert: true });
    },

    /**
     * One pass: the buckets from the cursor up to the minute of `dueBy`, oldest first, in pages of `page` ids, at
     * most `budget` ids per pass. `visit` gets a page and the minute it was filed under, and returns for each id
     * whether it is done here (handled, or no longer due here) or must be looked at again (not yet due).
     *
     * No cursor yet (the first pass on this database, or after an upgrade from a release without this index):
     * `firstRun` lists what the old query finds (a scan on FerretDB, once), which is filed before the buckets are read.
     */
    async walk(
      dueBy: Date,
      visit: (ids: string[], minute: string) => Promise<boolean[]>,
      o: { page?: number; budget?: number; firstRun?: () => Promise<{ id: string; at: Date | null | undefined }[]> } = {},
    ): Promise<WalkResult> {
      const page = o.page ?? 100;
      const budget = o.budget ?? 2000;
      const nowMs = clock();
      const nowMin = minuteOf(nowMs);
      const endMin = minuteOf(dueBy);
      const stored = (await index.cursor()).minute;
      let cursor = stored;
      if (!cursor) {
        if (o.firstRun) await index.file(await o.firstRun());
        cursor = addMinutes(nowMin, -TRAIL_MINUTES - 1);
        await index.saveCursor({ minute: cursor, scannedAt: new Date(nowMs).toISOString() });
      } else if (cursor > nowMin) {
        // the clock went back: what is filed ahead is read when its minute comes; nothing is filed behind this
        cursor = addMinutes(nowMin, -TRAIL_MINUTES - 1);
        await index.saveCursor({ minute: cursor });
      }
      const safe = addMinutes(nowMin, -TRAIL_MINUTES);
      const last = [endMin, addMinutes(cursor, MAX_MINUTES_PER_PASS)].sort()[0]!;
      let passed = cursor;
      let contiguous = true;
      const drop: string[] = [];
      const r: WalkResult = { minutes: 0, slots: 0, entries: 0, cursor, firstRun: !stored };
      outer: for (let m = addMinutes(cursor, 1); m <= last; m = addMinutes(m, 1)) {
        r.minutes++;
        const slots: string[] = [];
        let minuteDone = true;
        for (let slot = 0; ; slot++) {
          const id = key(kind, m, slot);
          round.reads++;
          const d = await Due.findById(id).lean();
          if (!d) break;
          r.slots++;
          slots.push(id);
          const ids = d.ids ?? [];
          const memo = done.get(id) ?? { prefix: 0, after: new Set<number>() };
          done.set(id, memo);
          const todo: number[] = [];
          for (let i = memo.prefix; i < ids.length; i++) if (!memo.after.has(i)) todo.push(i);
          for (let p = 0; p < todo.length; p += page) {
            if (r.entries >= budget) {
              minuteDone = false;
              contiguous = false;
              break outer;
            }
            const at = todo.slice(p, p + page);
            const flags = await visit(at.map((i) => ids[i]!), m);
            r.entries += at.length;
            at.forEach((i, j) => {
              if (flags[j]) memo.after.add(i);
              else minuteDone = false;
            });
            while (memo.after.delete(memo.prefix)) memo.prefix++;
          }
        }
        if (contiguous && minuteDone && m <= safe) {
          passed = m;
          drop.push(...slots);
        } else {
          contiguous = false;
        }
      }
      // what another sweeper passed (and deleted) is forgotten here too
      for (const id of done.keys()) if (id.split(' ')[1]! <= passed) done.delete(id);
      if (passed > cursor) {
        await index.saveCursor({ minute: passed });
        for (const id of drop) {
          round.writes++;
          await Due.collection.deleteOne({ _id: id } as never);
          done.delete(id);
        }
        r.cursor = passed;
      }
      return r;
    },
  };
  return index;
}

export type SweepIndex = ReturnType<typeof createSweepIndex>;

/**
 * One pass of a recovery sweep over the records its index lists up to `dueBy` (see the repositories' `sweepDue`):
 * each page's ids whose jobs are live are left to `takeLive`; the others are read by `_id`. A record gone, no longer
 * pending, or deferred to a later minute is done here; one due later within this minute is looked at again by the
 * next pass; the rest go to `handle`, the most overdue first, which must move each on (defer it, or record it done).
 */
export async function sweepRecords<D, T extends { id: string; sweepAt: Date }>(
  index: Pick<SweepIndex, 'walk'>,
  dueBy: Date,
  p: {
    read(id: string): Promise<D | null>;
    /** Whether the record still waits for the sweep (received, queued…). */
    pending(d: D): boolean;
    /** Its sweep time as stored (absent on records from before it existed). */
    sweepAt(d: D): Date | null | undefined;
    toDue(d: D): T;
    handle(due: T[]): Promise<void>;
    firstRun(): Promise<{ id: string; at: Date | null | undefined }[]>;
  },
  opts: SweepOptions = {},
): Promise<WalkResult> {
  const { takeLive, ...walk } = opts;
  return index.walk(
    dueBy,
    async (ids, minute) => {
      const all = [...new Set(ids)];
      // whose jobs are waiting or running: filed again by the caller, no record read
      const taken = takeLive ? await takeLive(all) : new Set<string>();
      const unique = all.filter((id) => !taken.has(id));
      const docs = await Promise.all(unique.map((id) => p.read(id)));
      const state = new Map<string, boolean>(all.filter((id) => taken.has(id)).map((id) => [id, true]));
      const ready: T[] = [];
      unique.forEach((id, i) => {
        const d = docs[i];
        const at = d ? p.sweepAt(d) : null;
        // gone (retention), done, or deferred to a later minute (listed there): done here
        if (!d || !p.pending(d) || (at && minuteOf(at) > minute)) return void state.set(id, true);
        // due later within this minute: looked at again by the next pass
        if (at && at.getTime() > dueBy.getTime()) return void state.set(id, false);
        state.set(id, true);
        ready.push(p.toDue(d));
      });
      ready.sort((a, b) => a.sweepAt.getTime() - b.sweepAt.getTime() || (a.id < b.id ? -1 : 1));
      if (ready.length) await p.handle(ready);
      return ids.map((id) => state.get(id)!);
    },
    { ...walk, firstRun: p.firstRun },
  );
}
