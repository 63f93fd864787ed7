import type { Connection, Model } from 'mongoose';
import type { InboundMessage } from '../../messages/inbound.js';
import type { InboundMessageDoc } from '../models/inbound-message.model.js';
import { plain } from './plain.js';
import { createBatchedInsert } from '../batcher.js';
import { BULK_MAX, createSweepIndex, firstRunScan, sweepRecords, type SweepOptions, type WalkResult } from './sweep-due.repository.js';

/** An unprocessed message the recovery sweep looks at. */
export interface DueInbound {
  id: string;
  platform: string;
  eventId: string;
  chatId: string;
  receivedAt: Date;
  sweepAt: Date;
  sweeps: number;
}

const DUE_FIELDS = { platform: 1, eventId: 1, chatId: 1, receivedAt: 1, status: 1, sweepAt: 1, sweeps: 1 };
const toDue = (d: Pick<InboundMessageDoc, '_id' | 'platform' | 'eventId' | 'chatId' | 'receivedAt' | 'sweepAt' | 'sweeps'>): DueInbound => ({
  id: d._id,
  platform: d.platform,
  eventId: d.eventId,
  chatId: d.chatId,
  receivedAt: d.receivedAt,
  sweepAt: d.sweepAt ?? new Date(0),
  sweeps: d.sweeps ?? 0,
});

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
  // each batch is filed in the sweep's due index first (one small write: a message stored is always found by the
  // sweep; an entry whose insert then fails is a no-op for it)
  const due = createSweepIndex(conn, 'in');
  const storeBatched = createBatchedInsert<Omit<InboundMessageDoc, 'processedAt' | 'outcome'>>({
    async insertMany(docs, o) {
      await due.fileTogether(docs.map((d) => d._id as string), docs.map((d) => d.sweepAt as Date));
      return Inbound.collection.insertMany(docs, o);
    },
  });

  return {
    /** The recovery sweep's due index (for the bench and the tests: its round trips). */
    sweepIndex: due,

    /** 'stored' the first time, 'duplicate' for a repeated delivery (unique index, nothing changes). */
    async store(message: InboundMessage, raw: unknown, now: Date): Promise<'stored' | 'duplicate'> {
      // stored as it came: a sender without a name must not come back with name null
      const r = await storeBatched({ _id: `${message.platform}:${message.eventId}`, platform: message.platform, eventId: message.eventId, chatId: message.chatId, message: plain(message), raw, status: 'received', receivedAt: now, attempts: 0, sweepAt: new Date(now.getTime() + SWEEP_GRACE_MS) });
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
     * One pass of the recovery sweep over what became due (`sweepAt` by `dueBy`): the due index (`sweep_due`, read by
     * `_id`) lists the ids filed up to `dueBy`'s minute, each message is read by `_id`, and `handle` gets, page by
     * page, the ones still unprocessed and due, the most overdue first. Every message `handle` got must have been
     * moved on by it (deferred with `deferSweep`, or filed again with `recheckLater`): it is not listed again from
     * the bucket it came from. A processed, parked or deferred message costs one `_id` read; nothing due costs a few
     * `_id` reads of the index, whatever the number of messages stored. Messages stored before the index existed are
     * filed at the first pass (the one query by status, once).
     */
    async sweepDue(dueBy: Date, handle: (due: DueInbound[]) => Promise<void>, opts: SweepOptions = {}): Promise<WalkResult> {
      return sweepRecords<InboundMessageDoc, DueInbound>(
        due,
        dueBy,
        {
          read: (id) => Inbound.findById(id, DUE_FIELDS).lean(),
          pending: (d) => d.status === 'received',
          sweepAt: (d) => d.sweepAt,
          toDue,
          handle,
          firstRun: () => firstRunScan(Inbound.collection, 'received'),
        },
        opts,
      );
    },

    /** The sweep re-queued them: not due again before `until` (one update per message, by `_id`; one index write). */
    async deferSweep(keys: { platform: string; eventId: string }[], until: Date): Promise<void> {
      if (keys.length === 0) return;
      const ids = keys.map((k) => `${k.platform}:${k.eventId}`);
      await due.file(ids.map((id) => ({ id, at: until })));
      for (let i = 0; i < ids.length; i += BULK_MAX) {
        await Inbound.bulkWrite(
          ids.slice(i, i + BULK_MAX).map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { sweepAt: until }, $inc: { sweeps: 1 } } } })),
          { ordered: false },
        );
      }
    },

    /** Their jobs are waiting or running: looked at again after `until` (the index only; the messages are not written). */
    async recheckLater(ids: string[], until: Date): Promise<void> {
      await due.file(ids.map((id) => ({ id, at: until })));
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
