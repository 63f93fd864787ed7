import type { Connection, Model } from 'mongoose';
import type { DigestRunDoc } from '../models/digest-run.model.js';
import { isDuplicateKey } from './duplicate-key.js';

export function createDigestRunRepository(conn: Connection) {
  const Runs = conn.model('DigestRun') as Model<DigestRunDoc>;
  return {
    /** 'go' for the first claim or a claim never finished (a crash: send again, ids dedupe); 'done' once sent. */
    async claim(key: string, now: Date): Promise<'go' | 'done'> {
      try {
        await Runs.create({ _id: key, status: 'claimed', at: now });
        return 'go';
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const run = await Runs.findById(key).lean();
        return run?.status === 'sent' ? 'done' : 'go';
      }
    },
    /** The run's status, or null when it never started (a lookup by _id). */
    async status(key: string): Promise<DigestRunDoc['status'] | null> {
      return (await Runs.findById(key, { status: 1 }).lean())?.status ?? null;
    },
    async markSent(key: string, now: Date): Promise<void> {
      await Runs.updateOne({ _id: key }, { $set: { status: 'sent', at: now } });
    },
  };
}
export type DigestRunRepository = ReturnType<typeof createDigestRunRepository>;
