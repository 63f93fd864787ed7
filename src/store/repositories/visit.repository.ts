import type { Connection, Model } from 'mongoose';
import type { StoredVisit, Visit } from '../../domain/visit.js';
import { isDuplicateKey } from './duplicate-key.js';

type VisitDoc = Visit & { _id: number; version: number };
export type { StoredVisit };

/** 助企走访's visits: numbered V1, V2, … once per logging message, saved over the version read. */
export function createVisitRepository(conn: Connection) {
  const Visits = conn.model('Visit') as Model<VisitDoc>;
  const Counters = conn.model('Counter') as Model<{ _id: string; seq: number }>;
  const toVisit = (d: VisitDoc | null): StoredVisit | null => {
    if (!d) return null;
    const { _id, ...rest } = d;
    void _id;
    return rest;
  };
  const live = { deletedAt: null };

  return {
    /** The next V-number (see the ticket repository's nextNumber: the `_id` stays the arbiter). */
    async nextNumber(): Promise<number> {
      for (let attempt = 0; ; attempt++) {
        try {
          const doc = await Counters.findOneAndUpdate({ _id: 'visit' }, { $inc: { seq: 1 } }, { upsert: true, new: true, lean: true });
          return doc!.seq;
        } catch (err) {
          if (!isDuplicateKey(err) || attempt >= 3) throw err;
        }
      }
    },

    /** Logs the visit of message `source` once: when that message has a visit already, it is returned. */
    async insertNumbered(source: string, build: (no: number) => Visit): Promise<{ visit: StoredVisit; created: boolean }> {
      for (let attempt = 0; attempt < 50; attempt++) {
        const existing = toVisit(await Visits.findOne({ source }).lean());
        if (existing) return { visit: existing, created: false };
        const visit = build(await this.nextNumber());
        try {
          await Visits.create({ ...visit, _id: visit.no, version: 0 });
          return { visit: { ...visit, version: 0 }, created: true };
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      throw new Error(`could not number the visit of ${source}`);
    },

    async get(no: number): Promise<StoredVisit | null> {
      return toVisit(await Visits.findById(no).lean());
    },

    /** Saves a changed visit only over the version read: 'stale' when another change came first. */
    async save(next: StoredVisit): Promise<'saved' | 'stale'> {
      const { version, no, source, ...fields } = next;
      void source;
      const r = await Visits.updateOne({ _id: no, version }, { $set: { ...fields, version: version + 1 } });
      return r.matchedCount === 1 ? 'saved' : 'stale';
    },

    /** The sender's visits logged since `since` (ISO), newest first, deleted ones left out. */
    async recentBy(platformId: string, since: string, limit = 20): Promise<StoredVisit[]> {
      const docs = await Visits.find({ 'by.platformId': platformId, recordedAt: { $gte: since }, ...live }).sort({ recordedAt: -1, _id: -1 }).limit(limit).lean();
      return docs.map((d) => toVisit(d)!);
    },

    /** Visits on local dates [from, to] (YYYY-MM-DD, inclusive), deleted ones left out, by number. */
    async onDates(from: string, to: string): Promise<StoredVisit[]> {
      const docs = await Visits.find({ date: { $gte: from, $lte: to }, ...live }).sort({ _id: 1 }).lean();
      return docs.map((d) => toVisit(d)!);
    },

    /** Visits whose enterprise is not in the directory (kept with the name as written), for an admin to link. */
    async unlinked(limit = 200): Promise<StoredVisit[]> {
      const docs = await Visits.find({ enterpriseId: null, ...live }).sort({ _id: 1 }).limit(limit).lean();
      return docs.map((d) => toVisit(d)!);
    },
  };
}
export type VisitRepository = ReturnType<typeof createVisitRepository>;
