import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { OPEN_STATUSES, type Ticket } from '../../domain/ticket.js';
import type { DayTotals, StockNumbers } from '../../domain/digest.js';

/**
 * The digest's summaries, every read and write by `_id` (the one lookup FerretDB v1 answers from an index):
 *
 *   digest_days     { _id: 'YYYY-MM-DD', c: { key: n } }      the flow figures of a local day (digestContributions)
 *   digest_folds    { _id: no, c: [[day, key, n]], day }       what each ticket adds now, and the day it last changed
 *   digest_open     { _id: 'b:<no / 100>', rows: { no: t } }   the open tickets, without events or message text
 *   digest_touched  { _id: 'YYYY-MM-DD', nos: [no] }          the tickets that changed on a local day
 *   digest_meta     { _id: 'state', epoch, builtAt, tickets, gen }  set by a rebuild: the summaries are complete
 *   digest_stock    { _id: ISO instant, gen, stock }          the stock at an instant, as a digest computed it then
 *
 * A stock snapshot holds only while no ticket open then has been closed as not a problem since (that takes it out of
 * every past figure): `gen` counts such closings (`bumpGeneration`), and a snapshot of an older generation is not used.
 *
 * One writer at a time (the digest fold's lock): FerretDB v1 applies an update as a read and a write, so two writers
 * of one document could lose a change. Keys are escaped for field names ('.', '$').
 */
export interface DigestFold {
  no: number;
  /** [local day, key, n] */
  c: [string, string, number][];
  /** The local day the ticket last changed (updatedAt). */
  day: string;
  open: Ticket | null;
}

const BUCKET = 100;
const bucketOf = (no: number) => `b:${Math.floor(no / BUCKET)}`;
const esc = (k: string) => k.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\$/g, '%24');
const unesc = (k: string) => k.replace(/%2E/g, '.').replace(/%24/g, '$').replace(/%25/g, '%');

type DayDoc = { _id: string; c: Record<string, number> };
/** A fold's contributions as documents (FerretDB v1 stores no nested arrays). */
type FoldDoc = { _id: number; c: { d: string; k: string; n: number }[]; day: string };
const toDocs = (c: [string, string, number][]) => c.map(([d, k, n]) => ({ d, k, n }));
type OpenDoc = { _id: string; rows: Record<string, Ticket> };
type TouchedDoc = { _id: string; nos: number[] };
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
  const Days = coll<DayDoc>('digest_days');
  const Folds = coll<FoldDoc>('digest_folds');
  const Open = coll<OpenDoc>('digest_open');
  const Touched = coll<TouchedDoc>('digest_touched');
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
      await Stock.updateOne({ _id: at }, { $set: { gen, stock } }, { upsert: true });
    },

    /** The day documents of the local days given (absent days are empty). */
    async days(days: string[]): Promise<DayTotals> {
      const docs = await inIds(Days, days);
      return new Map(docs.map((d) => [d._id, new Map(Object.entries(d.c).map(([k, n]) => [unesc(k), n]))]));
    },

    /** Every open ticket (without events or text), as last folded. */
    async openTickets(maxNo: number): Promise<Ticket[]> {
      const ids: string[] = [];
      for (let b = 0; b <= Math.floor(maxNo / BUCKET); b++) ids.push(`b:${b}`);
      const docs = await inIds(Open, ids);
      return docs.flatMap((d) => Object.values(d.rows));
    },

    /** The numbers of the tickets that changed on the local days given. */
    async touched(days: string[]): Promise<number[]> {
      const docs = await inIds(Touched, days);
      return [...new Set(docs.flatMap((d) => d.nos))];
    },

    /** What each ticket added when it was last folded: [local day, key, n]. */
    async folds(nos: number[]): Promise<Map<number, [string, string, number][]>> {
      return new Map((await byIds(Folds, nos)).map((d) => [d._id, d.c.map((x) => [x.d, x.k, x.n] as [string, string, number])]));
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
      const touched = new Map<string, Set<number>>();
      for (const f of next) {
        for (const [day, key, n] of previous.get(f.no) ?? []) add(day, key, -n);
        for (const [day, key, n] of f.c) add(day, key, n);
        const b = bucketOf(f.no);
        (openChanges.get(b) ?? openChanges.set(b, new Map()).get(b)!).set(f.no, f.open && OPEN_STATUSES.includes(f.open.status) ? openRow(f.open) : null);
        (touched.get(f.day) ?? touched.set(f.day, new Set()).get(f.day)!).add(f.no);
      }
      const days = [...delta.keys()].filter((d) => [...delta.get(d)!.values()].some((n) => n !== 0));
      const stored = new Map((await byIds(Days, days)).map((d) => [d._id, d.c]));
      await Promise.all(
        days.map(async (day) => {
          const c = { ...(stored.get(day) ?? {}) };
          for (const [key, n] of delta.get(day)!) {
            if (!n) continue;
            const k = esc(key);
            const v = (c[k] ?? 0) + n;
            if (v) c[k] = v;
            else delete c[k];
          }
          rounds.writes++;
          await Days.updateOne({ _id: day }, { $set: { c } }, { upsert: true });
        }),
      );
      const buckets = await byIds(Open, [...openChanges.keys()]);
      const rowsOf = new Map(buckets.map((d) => [d._id, d.rows]));
      await Promise.all(
        [...openChanges].map(async ([b, changes]) => {
          const rows = { ...(rowsOf.get(b) ?? {}) };
          for (const [no, row] of changes) {
            if (row) rows[String(no)] = row;
            else delete rows[String(no)];
          }
          rounds.writes++;
          await Open.updateOne({ _id: b }, { $set: { rows } }, { upsert: true });
        }),
      );
      const lists = new Map((await byIds(Touched, [...touched.keys()])).map((d) => [d._id, d.nos]));
      await Promise.all(
        [...touched].map(async ([day, nos]) => {
          const had = lists.get(day) ?? [];
          const all = [...new Set([...had, ...nos])];
          if (all.length === had.length) return;
          rounds.writes++;
          await Touched.updateOne({ _id: day }, { $set: { nos: all } }, { upsert: true });
        }),
      );
      await Promise.all(
        next.map((f) => {
          rounds.writes++;
          return Folds.updateOne({ _id: f.no }, { $set: { c: toDocs(f.c), day: f.day } }, { upsert: true });
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
      const dayDocs: DayDoc[] = [...all.days].map(([day, c]) => ({ _id: day, c: Object.fromEntries([...c].filter(([, n]) => n).map(([k, n]) => [esc(k), n])) }));
      const open = new Map<string, Record<string, Ticket>>();
      const touched = new Map<string, number[]>();
      for (const f of all.folds) {
        if (f.open && OPEN_STATUSES.includes(f.open.status)) (open.get(bucketOf(f.no)) ?? open.set(bucketOf(f.no), {}).get(bucketOf(f.no))!)[String(f.no)] = openRow(f.open);
        (touched.get(f.day) ?? touched.set(f.day, []).get(f.day)!).push(f.no);
      }
      const chunks = async <T>(c: Collection<T & { _id: unknown }>, docs: (T & { _id: unknown })[], size: number) => {
        for (let i = 0; i < docs.length; i += size) {
          rounds.writes++;
          await c.insertMany(docs.slice(i, i + size) as never, { ordered: false });
        }
      };
      await chunks(Days as never, dayDocs, 200);
      await chunks(Folds as never, all.folds.map((f) => ({ _id: f.no, c: toDocs(f.c), day: f.day })), 500);
      await chunks(Open as never, [...open].map(([_id, rows]) => ({ _id, rows })), 5);
      await chunks(Touched as never, [...touched].map(([_id, nos]) => ({ _id, nos })), 100);
      await Meta.insertOne({ _id: 'state', epoch, builtAt: at, tickets: all.folds.length, gen: 0 });
    },

    /** Every stored day document (for the check against a full recount). */
    async allDays(): Promise<DayTotals> {
      const out: DayTotals = new Map();
      for await (const d of Days.find({})) out.set(d._id, new Map(Object.entries(d.c).map(([k, n]) => [unesc(k), n])));
      return out;
    },
  };
}

export type DigestSummaryRepository = ReturnType<typeof createDigestSummaryRepository>;
