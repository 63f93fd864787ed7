import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { OPEN_STATUSES, type Ticket } from '../../domain/ticket.js';
import type { DayTotals, StockNumbers } from '../../domain/digest.js';
import { isDuplicateKey } from './duplicate-key.js';

/**
 * The digest's summaries, every read and write by `_id` (the one lookup FerretDB v1 answers from an index). Each
 * document's payload is one JSON string (`j`): FerretDB v1 converts every field of a document on each read and write,
 * which for thousands of rows costs seconds; a string costs nothing (and MongoDB is as happy with it).
 *
 *   digest_days     { _id: 'YYYY-MM-DD', j: {key: n} }              the flow figures of a local day (digestContributions)
 *   digest_folds    { _id: no, j: [[day, key, n]], day }          what each ticket adds now, and the day it last changed
 *   digest_open     { _id: 'b:<no / 100>', j: {no: ticket} }       the open tickets, without events or message text
 *   digest_touched  { _id: 'YYYY-MM-DD', j: [[no, updatedAt]] }    the tickets that changed on a local day
 *   digest_meta     { _id: 'state', epoch, builtAt, tickets, gen }  set by a rebuild: the summaries are complete
 *   digest_stock    { _id: ISO instant, gen, stock }                the stock at an instant, as a digest computed it then
 *
 * A stock snapshot holds only while no ticket open then has been closed as not a problem since (that takes it out of
 * every past figure): `gen` counts such closings (`bumpGeneration`), and a snapshot of an older generation is not used.
 *
 * One writer at a time (the digest fold's lock): FerretDB v1 applies an update as a read and a write, so two writers
 * of one document could lose a change.
 */
export interface DigestFold {
  no: number;
  /** [local day, key, n] */
  c: [string, string, number][];
  /** The local day the ticket last changed, and when (updatedAt). */
  day: string;
  updatedAt: string;
  open: Ticket | null;
}

const BUCKET = 100;
const bucketOf = (no: number) => `b:${Math.floor(no / BUCKET)}`;
/** A document whose payload is one JSON string. */
type JsonDoc<Id> = { _id: Id; j: string };
type FoldDoc = JsonDoc<number> & { day: string };
const parse = <T>(d: { j: string } | null | undefined, empty: T): T => (d ? (JSON.parse(d.j) as T) : empty);
type MetaDoc = { _id: string; epoch: string; builtAt: string; tickets: number; gen?: number };
type StockDoc = { _id: string; gen: number; stock: StockNumbers };

/** An open ticket as the summaries keep it: no events, no message text. */
export function openRow(t: Ticket): Ticket {
  const { events, text, ...rest } = t as Ticket & { version?: number; _id?: unknown };
  void events;
  void text;
  delete (rest as { _id?: unknown })._id;
  delete (rest as { version?: unknown }).version;
  return { ...rest, text: '', events: [] };
}

export function createDigestSummaryRepository(conn: Connection) {
  // mongoose's collections (the driver's API, and mongoose's debug log sees every call)
  const coll = <T extends object>(name: string) => conn.collection(name) as unknown as Collection<T>;
  const Days = coll<JsonDoc<string>>('digest_days');
  const Folds = coll<FoldDoc>('digest_folds');
  const Open = coll<JsonDoc<string>>('digest_open');
  const Touched = coll<JsonDoc<string>>('digest_touched');
  const Meta = coll<MetaDoc>('digest_meta');
  const Stock = coll<StockDoc>('digest_stock');
  const rounds = { reads: 0, writes: 0 };
  const byIds = async <T extends { _id: unknown }>(c: Collection<T>, ids: T['_id'][]): Promise<T[]> => {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += 50) {
      const part = await Promise.all(ids.slice(i, i + 50).map((id) => c.findOne({ _id: id } as never) as Promise<T | null>));
      rounds.reads += part.length;
      for (const d of part) if (d) out.push(d);
    }
    return out;
  };

  /**
   * Documents of a collection bounded by days or buckets (a year holds 365 days): one query by `_id` with `$in`, an
   * index lookup on MongoDB, a scan of that small collection on FerretDB v1 — never of the tickets.
   */
  const inIds = async <T extends { _id: unknown }>(c: Collection<T>, ids: T['_id'][]): Promise<T[]> => {
    if (!ids.length) return [];
    rounds.reads++;
    return (await c.find({ _id: { $in: ids } } as never).toArray()) as T[];
  };

  return {
    /** Store round trips made through this repository (for the bench). */
    rounds,

    async meta(): Promise<{ epoch: string; builtAt: string; tickets: number; gen: number } | null> {
      rounds.reads++;
      const m = await Meta.findOne({ _id: 'state' });
      return m ? { epoch: m.epoch, builtAt: m.builtAt, tickets: m.tickets, gen: m.gen ?? 0 } : null;
    },

    /** A ticket that may have been open at a past instant left every figure: the stock snapshots taken so far no longer hold. */
    async bumpGeneration(): Promise<void> {
      rounds.writes++;
      await Meta.updateOne({ _id: 'state' }, { $inc: { gen: 1 } });
    },

    /** The stock snapshot at an instant, when one of this generation was taken. */
    async stock(at: string, gen: number): Promise<StockNumbers | null> {
      rounds.reads++;
      const d = await Stock.findOne({ _id: at });
      return d && d.gen === gen ? d.stock : null;
    },

    async saveStock(at: string, gen: number, stock: StockNumbers): Promise<void> {
      rounds.writes++;
      try {
        await Stock.updateOne({ _id: at }, { $set: { gen, stock } }, { upsert: true });
      } catch (err) {
        // two requests saving the same instant at once (FerretDB's upsert reads, then inserts): the other inserted it
        if (!isDuplicateKey(err)) throw err;
        await Stock.updateOne({ _id: at }, { $set: { gen, stock } });
      }
    },

    /** The day documents of the local days given (absent days are empty). */
    async days(days: string[]): Promise<DayTotals> {
      const docs = await inIds(Days, days);
      return new Map(docs.map((d) => [d._id, new Map(Object.entries(parse<Record<string, number>>(d, {})))]));
    },

    /** Every open ticket (without events or text), as last folded. */
    async openTickets(maxNo: number): Promise<Ticket[]> {
      const ids: string[] = [];
      for (let b = 0; b <= Math.floor(maxNo / BUCKET); b++) ids.push(`b:${b}`);
      const docs = await inIds(Open, ids);
      return docs.flatMap((d) => Object.values(parse<Record<string, Ticket>>(d, {})));
    },

    /** The numbers of the tickets that changed on the local days given, at or after `since` (ISO), as last folded. */
    async touched(days: string[], since = ''): Promise<number[]> {
      const docs = await inIds(Touched, days);
      return [...new Set(docs.flatMap((d) => parse<[number, string][]>(d, []).flatMap(([no, at]) => (at >= since ? [no] : []))))];
    },

    /** What each ticket added when it was last folded: [local day, key, n]. */
    async folds(nos: number[]): Promise<Map<number, [string, string, number][]>> {
      return new Map((await byIds(Folds, nos)).map((d) => [d._id, parse<[string, string, number][]>(d, [])]));
    },

    /**
     * Applies folds: each ticket's new contributions replace its old ones (`previous`, as read by `folds`), the day
     * documents get the difference, the open rows and the touched lists follow. The caller holds the fold's lock.
     */
    async apply(next: DigestFold[], previous: Map<number, [string, string, number][]>): Promise<void> {
      const delta = new Map<string, Map<string, number>>();
      const add = (day: string, key: string, n: number) => {
        const d = delta.get(day) ?? delta.set(day, new Map()).get(day)!;
        d.set(key, (d.get(key) ?? 0) + n);
      };
      const openChanges = new Map<string, Map<number, Ticket | null>>();
      const touched = new Map<string, Map<number, string>>();
      for (const f of next) {
        for (const [day, key, n] of previous.get(f.no) ?? []) add(day, key, -n);
        for (const [day, key, n] of f.c) add(day, key, n);
        const b = bucketOf(f.no);
        (openChanges.get(b) ?? openChanges.set(b, new Map()).get(b)!).set(f.no, f.open && OPEN_STATUSES.includes(f.open.status) ? openRow(f.open) : null);
        (touched.get(f.day) ?? touched.set(f.day, new Map()).get(f.day)!).set(f.no, f.updatedAt);
      }
      const days = [...delta.keys()].filter((d) => [...delta.get(d)!.values()].some((n) => n !== 0));
      const stored = new Map((await inIds(Days, days)).map((d) => [d._id, parse<Record<string, number>>(d, {})]));
      await Promise.all(
        days.map(async (day) => {
          const c = { ...(stored.get(day) ?? {}) };
          for (const [key, n] of delta.get(day)!) {
            if (!n) continue;
            const v = (c[key] ?? 0) + n;
            if (v) c[key] = v;
            else delete c[key];
          }
          rounds.writes++;
          await Days.updateOne({ _id: day }, { $set: { j: JSON.stringify(c) } }, { upsert: true });
        }),
      );
      const buckets = new Map((await inIds(Open, [...openChanges.keys()])).map((d) => [d._id, parse<Record<string, Ticket>>(d, {})]));
      await Promise.all(
        [...openChanges].map(async ([b, changes]) => {
          const rows = buckets.get(b) ?? {};
          for (const [no, row] of changes) {
            if (row) rows[String(no)] = row;
            else delete rows[String(no)];
          }
          rounds.writes++;
          await Open.updateOne({ _id: b }, { $set: { j: JSON.stringify(rows) } }, { upsert: true });
        }),
      );
      const lists = new Map((await inIds(Touched, [...touched.keys()])).map((d) => [d._id, new Map(parse<[number, string][]>(d, []))]));
      await Promise.all(
        [...touched].map(async ([day, changes]) => {
          const entries = lists.get(day) ?? new Map<number, string>();
          for (const [no, at] of changes) if ((entries.get(no) ?? '') < at) entries.set(no, at);
          rounds.writes++;
          await Touched.updateOne({ _id: day }, { $set: { j: JSON.stringify([...entries]) } }, { upsert: true });
        }),
      );
      await Promise.all(
        next.map((f) => {
          rounds.writes++;
          return Folds.updateOne({ _id: f.no }, { $set: { j: JSON.stringify(f.c), day: f.day } }, { upsert: true });
        }),
      );
    },

    /**
     * Replaces every summary with these (a rebuild: the full recount's), and records the epoch they were built at.
     * The meta document goes first (removed) and last (written): a rebuild cut short leaves no summaries in use.
     */
    async replaceAll(all: { days: DayTotals; folds: DigestFold[] }, epoch: string, at: string): Promise<void> {
      await Meta.deleteOne({ _id: 'state' });
      await Promise.all([Days.deleteMany({}), Folds.deleteMany({}), Open.deleteMany({}), Touched.deleteMany({}), Stock.deleteMany({})]);
      const dayDocs = [...all.days].map(([day, c]) => ({ _id: day, j: JSON.stringify(Object.fromEntries([...c].filter(([, n]) => n))) }));
      const open = new Map<string, Record<string, Ticket>>();
      const touched = new Map<string, [number, string][]>();
      for (const f of all.folds) {
        if (f.open && OPEN_STATUSES.includes(f.open.status)) (open.get(bucketOf(f.no)) ?? open.set(bucketOf(f.no), {}).get(bucketOf(f.no))!)[String(f.no)] = openRow(f.open);
        (touched.get(f.day) ?? touched.set(f.day, []).get(f.day)!).push([f.no, f.updatedAt]);
      }
      const chunks = async <T>(c: Collection<T & { _id: unknown }>, docs: (T & { _id: unknown })[], size: number) => {
        for (let i = 0; i < docs.length; i += size) {
          rounds.writes++;
          await c.insertMany(docs.slice(i, i + size) as never, { ordered: false });
        }
      };
      await chunks(Days as never, dayDocs, 200);
      await chunks(Folds as never, all.folds.map((f) => ({ _id: f.no, j: JSON.stringify(f.c), day: f.day })), 500);
      await chunks(Open as never, [...open].map(([_id, rows]) => ({ _id, j: JSON.stringify(rows) })), 20);
      await chunks(Touched as never, [...touched].map(([_id, e]) => ({ _id, j: JSON.stringify(e) })), 50);
      await Meta.insertOne({ _id: 'state', epoch, builtAt: at, tickets: all.folds.length, gen: 0 });
    },

    /** Every stored day document (for the check against a full recount). */
    async allDays(): Promise<DayTotals> {
      const out: DayTotals = new Map();
      for await (const d of Days.find({})) out.set(d._id, new Map(Object.entries(parse<Record<string, number>>(d, {}))));
      return out;
    },
  };
}

export type DigestSummaryRepository = ReturnType<typeof createDigestSummaryRepository>;
