import type { Connection, Model } from 'mongoose';
import type { OutboundMessageDoc, OutboundStatus } from '../models/outbound-message.model.js';
import { createBatchedInsert } from '../batcher.js';
import { BULK_MAX, createSweepIndex, firstRunScan, sweepRecords, type SweepOptions, type WalkResult } from './sweep-due.repository.js';

/** Plain data without undefined fields (the driver would store them as null). */
import { plain } from './plain.js';
/** A target as the send job's schema reads it: a field stored as null is absent. */
const withoutNulls = <T extends object>(v: T): T => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)) as T;

/** A queued message the recovery sweep looks at: everything needed to queue it again. */
export type DueOutbound = Pick<OutboundMessageDoc, 'cause' | 'index' | 'target' | 'message' | 'createdAt' | 'due' | 'sweepAt'> & { id: string; sweeps: number };

const DUE_FIELDS = { cause: 1, index: 1, target: 1, message: 1, createdAt: 1, due: 1, status: 1, sweepAt: 1, sweeps: 1 };
const toDue = (d: Pick<OutboundMessageDoc, '_id' | 'cause' | 'index' | 'target' | 'message' | 'createdAt' | 'due' | 'sweepAt' | 'sweeps'>): DueOutbound => ({
  id: d._id,
  cause: d.cause,
  index: d.index,
  target: withoutNulls(d.target),
  message: d.message,
  createdAt: d.createdAt,
  due: d.due ?? d.createdAt,
  sweepAt: d.sweepAt,
  sweeps: d.sweeps ?? 0,
});

/**
 * The durable outbox (see outbound-message.model.ts). The hot path is one insert per message (concurrent sends
 * written together) and one update by _id when it is sent; the send job reads its record by _id.
 */
export function createOutboundMessageRepository(conn: Connection) {
  const Out = conn.model('OutboundMessage') as Model<OutboundMessageDoc>;
  // concurrent sends are recorded together (one unordered insertMany); an already recorded message is reported per
  // document (its _id is the job id: the same message recorded twice is one document)
  // each batch is filed in the sweep's due index first (one small write: a message recorded is always found by the
  // sweep; an entry whose insert then fails, or a duplicate, is a no-op for it)
  const due = createSweepIndex(conn, 'out');
  const recordBatched = createBatchedInsert<OutboundMessageDoc>({
    async insertMany(docs, o) {
      await due.fileTogether(docs.map((d) => d._id as string), docs.map((d) => d.sweepAt as Date));
      return Out.collection.insertMany(docs, o);
    },
  });

  return {
    /** The recovery sweep's due index (for the bench and the tests: its round trips). */
    sweepIndex: due,

    /** Records a message before its job is queued: 'stored' the first time, 'duplicate' when it is already recorded. */
    async record(doc: Omit<OutboundMessageDoc, 'status' | 'sentAt' | 'sweeps'>): Promise<'stored' | 'duplicate'> {
      // stored as the job has it: an absent optional field (`robotCode: undefined`) must not come back as null
      const r = await recordBatched({ ...doc, target: plain(doc.target), message: plain(doc.message), status: 'queued' });
      if (r instanceof Error) throw r;
      return r;
    },

    /** The message's status, or null when it was never recorded (or has expired). A lookup by _id. */
    async status(id: string): Promise<OutboundStatus | null> {
      return (await this.state(id))?.status ?? null;
    },

    /** The status and the part whose request was leaving when last seen (null: none in flight). A lookup by _id. */
    async state(id: string): Promise<{ status: OutboundStatus; sendingPart: number | null } | null> {
      const d = await Out.findById(id, { status: 1, sendingPart: 1 }).lean();
      return d ? { status: d.status, sendingPart: d.status === 'queued' ? (d.sendingPart ?? null) : null } : null;
    },

    /** The request of part `part` is about to leave (cleared by `markSent` or `markNotSending`). */
    async markSending(id: string, part: number, now: Date): Promise<void> {
      await Out.updateOne({ _id: id }, { $set: { sendingPart: part, sendingAt: now } });
    },

    /** The send ended in an error the platform answered (or before any request left): a later attempt may send it. */
    async markNotSending(id: string): Promise<void> {
      await Out.updateOne({ _id: id }, { $set: { sendingPart: null, sendingAt: null } });
    },

    async get(id: string): Promise<OutboundMessageDoc | null> {
      return Out.findById(id).lean();
    },

    /** Delivered: never sent again (the send job and the sweep check it). */
    async markSent(id: string, now: Date): Promise<void> {
      await Out.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: now, sendingPart: null, sendingAt: null } });
    },

    /** Dead-lettered: the sweep leaves it to the operator. */
    async markDead(id: string): Promise<void> {
      await Out.updateOne({ _id: id }, { $set: { status: 'dead' } });
    },

    /** Queued again by an operator (a dead letter retried): the sweep looks after it again. */
    async markQueued(id: string, sweepAt: Date): Promise<void> {
      await due.file([{ id, at: sweepAt }]);
      await Out.updateOne({ _id: id }, { $set: { status: 'queued', sweepAt, sendingPart: null, sendingAt: null } });
    },

    /**
     * One pass of the recovery sweep over what became due (`sweepAt` by `dueBy`): the due index (`sweep_due`, read by
     * `_id`) lists the ids filed up to `dueBy`'s minute, each record is read by `_id`, and `handle` gets, page by page,
     * the ones still queued and due, the most overdue first. Every record `handle` got must have been moved on by it
     * (deferred with `deferSweep`, or recorded as sent or dead). A sent, dead or deferred record costs one `_id` read;
     * nothing due costs a few `_id` reads of the index, whatever the number of records. Records made before the index
     * existed are filed at the first pass (the one query by status, once).
     */
    async sweepDue(dueBy: Date, handle: (due: DueOutbound[]) => Promise<void>, opts: SweepOptions = {}): Promise<WalkResult> {
      return sweepRecords<OutboundMessageDoc, DueOutbound>(
        due,
        dueBy,
        {
          read: (id) => Out.findById(id, DUE_FIELDS).lean(),
          pending: (d) => d.status === 'queued',
          sweepAt: (d) => d.sweepAt,
          toDue,
          handle,
          firstRun: () => firstRunScan(Out.collection, 'queued'),
        },
        opts,
      );
    },

    /** The sweep looked at them: not due again before each one's `until` (one round trip for many, by `_id`). */
    async deferSweep(items: { id: string; until: Date }[]): Promise<void> {
      if (items.length === 0) return;
      await due.file(items.map((i) => ({ id: i.id, at: i.until })));
      for (let k = 0; k < items.length; k += BULK_MAX) {
        await Out.bulkWrite(
          items.slice(k, k + BULK_MAX).map((i) => ({ updateOne: { filter: { _id: i.id }, update: { $set: { sweepAt: i.until }, $inc: { sweeps: 1 } } } })),
          { ordered: false },
        );
      }
    },

    /** Their jobs are waiting or running: looked at again after `until` (the index only; the records are not written). */
    async recheckLater(ids: string[], until: Date): Promise<void> {
      await due.file(ids.map((id) => ({ id, at: until })));
    },

    async count(filter: Partial<Pick<OutboundMessageDoc, 'status'>> = {}): Promise<number> {
      return Out.countDocuments(filter);
    },
  };
}

export type OutboundMessageRepository = ReturnType<typeof createOutboundMessageRepository>;
