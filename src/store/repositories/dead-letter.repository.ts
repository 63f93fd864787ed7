import type { Connection, Model } from 'mongoose';
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
    async get(id: string): Promise<DeadLetterDoc | null> {
      return Dead.findById(id).lean();
    },
    async markRetried(id: string): Promise<void> {
      await Dead.updateOne({ _id: id }, { $set: { retried: true } });
    },
  };
}
export type DeadLetterRepository = ReturnType<typeof createDeadLetterRepository>;
