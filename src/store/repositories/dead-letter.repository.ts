import type { Connection, Model } from 'mongoose';
import { decodeCursor, encodeCursor } from '../../shared/page-cursor.js';
import type { DeadLetterDoc } from '../models/dead-letter.model.js';

export function createDeadLetterRepository(conn: Connection) {
  const Dead = conn.model('DeadLetter') as Model<DeadLetterDoc>;
  return {
    async record(d: Omit<DeadLetterDoc, 'retried'>): Promise<void> {
      await Dead.replaceOne({ _id: d._id }, { ...d, retried: false }, { upsert: true });
    },
    async list(includeRetried = false): Promise<DeadLetterDoc[]> {
      return Dead.find(includeRetried ? {} : { retried: false }).sort({ at: -1 }).limit(1000).lean();
    },
    /**
     * Dead letters not yet retried, newest first, a page after an opaque cursor (the last one's time and id), and the
     * next page's cursor (null on the last). PageCursorError for a cursor this list did not give.
     */
    async page(p: { cursor?: string; limit: number }): Promise<{ deadLetters: DeadLetterDoc[]; nextCursor: string | null }> {
      const q: Record<string, unknown> = { retried: false };
      if (p.cursor) {
        const [at, id] = decodeCursor(p.cursor, 'dead-letters', ['string', 'string']) as [string, string];
        const when = new Date(at);
        q.$or = [{ at: { $lt: when } }, { at: when, _id: { $lt: id } }];
      }
      const docs = await Dead.find(q).sort({ at: -1, _id: -1 }).limit(p.limit + 1).lean();
      const page = docs.slice(0, p.limit);
      const last = page.at(-1);
      return { deadLetters: page, nextCursor: docs.length > p.limit && last ? encodeCursor('dead-letters', [new Date(last.at).toISOString(), last._id]) : null };
    },
    /** How many dead letters wait (not retried) per destination: every one counted, whatever the number. */
    async countByDestination(): Promise<Map<string, number>> {
      const rows = await Dead.aggregate<{ _id: string; n: number }>([{ $match: { retried: false } }, { $group: { _id: '$destination', n: { $sum: 1 } } }]);
      return new Map(rows.map((r) => [r._id, r.n]));
    },
    async get(id: string): Promise<DeadLetterDoc | null> {
      return Dead.findById(id).lean();
    },
    async markRetried(id: string): Promise<void> {
      await Dead.updateOne({ _id: id }, { $set: { retried: true } });
    },
  };
}
export type DeadLetterRepository = ReturnType<typeof createDeadLetterRepository>;
