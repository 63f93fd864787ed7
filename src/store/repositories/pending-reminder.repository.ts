import type { Connection, Model } from 'mongoose';
import type { PendingReminderDoc } from '../models/pending-reminder.model.js';
import { isDuplicateKey } from './duplicate-key.js';

export function createPendingReminderRepository(conn: Connection) {
  const Pending = conn.model('PendingReminder') as Model<PendingReminderDoc>;
  return {
    /** Adds a reminder once (its id is the step and the recipient). */
    async add(doc: Omit<PendingReminderDoc, 'sent'>): Promise<void> {
      try {
        await Pending.create({ ...doc, sent: false });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    },
    async unsent(mergeKey: string): Promise<PendingReminderDoc[]> {
      return Pending.find({ mergeKey, sent: false }).sort({ _id: 1 }).lean();
    },
    /** Puts reminders in a merged message (under the person's flush lock). */
    async assignBatch(ids: string[], batch: string): Promise<void> {
      await Pending.updateMany({ _id: { $in: ids } }, { $set: { batch } });
    },
    async markSent(ids: string[]): Promise<void> {
      await Pending.updateMany({ _id: { $in: ids } }, { $set: { sent: true } });
    },
    /** Reminders left unsent (their flush job lost): for the reconcile. */
    async orphans(before: Date, limit = 500): Promise<PendingReminderDoc[]> {
      return Pending.find({ sent: false, at: { $lt: before } }).limit(limit).lean();
    },
  };
}
export type PendingReminderRepository = ReturnType<typeof createPendingReminderRepository>;
