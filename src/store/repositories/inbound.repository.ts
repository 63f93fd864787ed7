import type { Connection, Model } from 'mongoose';
import type { InboundMessage } from '../../messages/inbound.js';
import type { InboundMessageDoc } from '../models/inbound-message.model.js';
import { createBatchedInsert } from '../batcher.js';

export interface StoredInbound {
  message: InboundMessage;
  status: InboundMessageDoc['status'];
  outcome?: string;
  receivedAt: Date;
  /** Processing starts, a crash mid-handling included (stored as `attempts`). */
  starts: number;
  failures: number;
  lastError?: string;
}

/** How long after storing a message the recovery sweep first looks at it (its job normally ran long before). */
export const SWEEP_GRACE_MS = 60_000;

/** The intake ledger: one document per platform message, the basis of exactly-once processing. */
export function createInboundRepository(conn: Connection) {
  const Inbound = conn.model('InboundMessage') as Model<InboundMessageDoc>;
  const key = (platform: string, eventId: string) => ({ _id: `${platform}:${eventId}` });
  // the acknowledgement path: concurrent deliveries are written together (one unordered insertMany), each caller
  // answered only once its own document is stored; a duplicate is reported per document
  const storeBatched = createBatchedInsert<Omit<InboundMessageDoc, 'processedAt' | 'outcome'>>(Inbound.collection);

  return {
    /** 'stored' the first time, 'duplicate' for a repeated delivery (unique index, nothing changes). */
    async store(message: InboundMessage, raw: unknown, now: Date): Promise<'stored' | 'duplicate'> {
      const r = await storeBatched({ _id: `${message.platform}:${message.eventId}`, platform: message.platform, eventId: message.eventId, chatId: message.chatId, message, raw, status: 'received', receivedAt: now, attempts: 0, sweepAt: new Date(now.getTime() + SWEEP_GRACE_MS) });
      if (r instanceof Error) throw r;
      return r;
    },

    async get(platform: string, eventId: string): Promise<StoredInbound | null> {
      const d = await Inbound.findOne(key(platform, eventId), { raw: 0 }).lean();
      return d
        ? { message: d.message, status: d.status, outcome: d.outcome, receivedAt: d.receivedAt, starts: d.attempts ?? 0, failures: d.failures ?? 0, lastError: d.lastError }
        : null;
    },

    /** Counts a processing start (a crash mid-handling counts too); the number of starts after it. */
    async countStart(platform: string, eventId: string): Promise<number> {
      const d = await Inbound.findOneAndUpdate(key(platform, eventId), { $inc: { attempts: 1 } }, { new: true }).lean();
      return d?.attempts ?? 0;
    },

    /** Counts a failed handling and keeps its error; the number of failures after it. */
    async recordFailure(platform: string, eventId: string, error: string): Promise<number> {
      const d = await Inbound.findOneAndUpdate(
        key(platform, eventId),
        { $inc: { failures: 1 }, $set: { lastError: error.slice(0, 2000) } },
        { new: true },
      ).lean();
      return d?.failures ?? 0;
    },

    async markProcessed(platform: string, eventId: string, outcome: string, now: Date): Promise<void> {
      await Inbound.updateOne(key(platform, eventId), { $set: { status: 'processed', outcome, processedAt: now } });
    },

    /** Parks a message that keeps failing: status `failed`, the reason kept; no sweep re-queues it. */
    async markFailed(platform: string, eventId: string, reason: string, now: Date): Promise<void> {
      await Inbound.updateOne(key(platform, eventId), { $set: { status: 'failed', failReason: reason.slice(0, 2000), failedAt: now } });
    },

    /**
     * Unprocessed messages due for the recovery sweep (`sweepAt` by `dueBy`), the most overdue first, at most
     * `limit`, after the position `after` (paging within one sweep). One bounded query on (status, sweepAt); a
     * message the sweep re-queues is pushed back (`deferSweep`), so the next sweep starts with the next due ones.
     * Messages stored before `sweepAt` existed are listed too (the first page).
     */
    async listDue(dueBy: Date, limit = 100, after?: { sweepAt: Date; id: string }): Promise<{ id: string; platform: string; eventId: string; chatId: string; receivedAt: Date; sweepAt: Date; sweeps: number }[]> {
      const filter: Record<string, unknown> = after
        ? { status: 'received', sweepAt: { $lte: dueBy }, $or: [{ sweepAt: { $gt: after.sweepAt } }, { sweepAt: after.sweepAt, _id: { $gt: after.id } }] }
        : { status: 'received', $or: [{ sweepAt: { $lte: dueBy } }, { sweepAt: null }] };
      const docs = await Inbound.find(filter, { platform: 1, eventId: 1, chatId: 1, receivedAt: 1, sweepAt: 1, sweeps: 1 })
        .sort({ sweepAt: 1, _id: 1 })
        .limit(limit)
        .lean();
      return docs.map((d) => ({
        id: d._id,
        platform: d.platform,
        eventId: d.eventId,
        chatId: d.chatId,
        receivedAt: d.receivedAt,
        sweepAt: d.sweepAt ?? new Date(0),
        sweeps: d.sweeps ?? 0,
      }));
    },

    /** The sweep re-queued them: not due again before `until` (one update for many). */
    async deferSweep(keys: { platform: string; eventId: string }[], until: Date): Promise<void> {
      if (keys.length === 0) return;
      await Inbound.updateMany({ _id: { $in: keys.map((k) => `${k.platform}:${k.eventId}`) } }, { $set: { sweepAt: until }, $inc: { sweeps: 1 } });
    },

    /** Stored but unprocessed messages received before `before` (for operators). */
    async listUnprocessed(before: Date, limit = 500): Promise<{ platform: string; eventId: string }[]> {
      const docs = await Inbound.find({ status: 'received', receivedAt: { $lt: before } }, { platform: 1, eventId: 1 })
        .sort({ receivedAt: 1 })
        .limit(limit)
        .lean();
      return docs.map((d) => ({ platform: d.platform, eventId: d.eventId }));
    },

    async count(filter: Partial<Pick<InboundMessageDoc, 'platform' | 'status'>> = {}): Promise<number> {
      return Inbound.countDocuments(filter);
    },
  };
}

export type InboundRepository = ReturnType<typeof createInboundRepository>;
