import type { Connection, Model } from 'mongoose';
import type { OutboundMessageDoc, OutboundStatus } from '../models/outbound-message.model.js';
import { createBatchedInsert } from '../batcher.js';

/** Plain data without undefined fields (the driver would store them as null). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
/** A target as the send job's schema reads it: a field stored as null is absent. */
const withoutNulls = <T extends object>(v: T): T => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)) as T;

/** A queued message the recovery sweep looks at: everything needed to queue it again. */
export type DueOutbound = Pick<OutboundMessageDoc, 'cause' | 'index' | 'target' | 'message' | 'createdAt' | 'due' | 'sweepAt'> & { id: string; sweeps: number };

/**
 * The durable outbox (see outbound-message.model.ts). The hot path is one insert per message (concurrent sends
 * written together) and one update by _id when it is sent; the send job reads its record by _id.
 */
export function createOutboundMessageRepository(conn: Connection) {
  const Out = conn.model('OutboundMessage') as Model<OutboundMessageDoc>;
  // concurrent sends are recorded together (one unordered insertMany); an already recorded message is reported per
  // document (its _id is the job id: the same message recorded twice is one document)
  const recordBatched = createBatchedInsert<OutboundMessageDoc>(Out.collection);

  return {
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
      await Out.updateOne({ _id: id }, { $set: { status: 'queued', sweepAt, sendingPart: null, sendingAt: null } });
    },

    /**
     * Queued messages due for the recovery sweep (`sweepAt` by `dueBy`), the most overdue first, at most `limit`,
     * after the position `after` (paging within one sweep). One bounded query on (status, sweepAt); a message the
     * sweep looked at is pushed back (`deferSweep`), so the next sweep starts with the next due ones.
     */
    async listDue(dueBy: Date, limit = 100, after?: { sweepAt: Date; id: string }): Promise<DueOutbound[]> {
      const filter: Record<string, unknown> = after
        ? { status: 'queued', sweepAt: { $lte: dueBy }, $or: [{ sweepAt: { $gt: after.sweepAt } }, { sweepAt: after.sweepAt, _id: { $gt: after.id } }] }
        : { status: 'queued', sweepAt: { $lte: dueBy } };
      const docs = await Out.find(filter, { cause: 1, index: 1, target: 1, message: 1, createdAt: 1, due: 1, sweepAt: 1, sweeps: 1 })
        .sort({ sweepAt: 1, _id: 1 })
        .limit(limit)
        .lean();
      return docs.map((d) => ({
        id: d._id,
        cause: d.cause,
        index: d.index,
        target: withoutNulls(d.target),
        message: d.message,
        createdAt: d.createdAt,
        due: d.due ?? d.createdAt,
        sweepAt: d.sweepAt,
        sweeps: d.sweeps ?? 0,
      }));
    },

    /** The sweep looked at them: not due again before each one's `until` (one round trip for many). */
    async deferSweep(items: { id: string; until: Date }[]): Promise<void> {
      if (items.length === 0) return;
      await Out.bulkWrite(
        items.map((i) => ({ updateOne: { filter: { _id: i.id }, update: { $set: { sweepAt: i.until }, $inc: { sweeps: 1 } } } })),
        { ordered: false },
      );
    },

    async count(filter: Partial<Pick<OutboundMessageDoc, 'status'>> = {}): Promise<number> {
      return Out.countDocuments(filter);
    },
  };
}

export type OutboundMessageRepository = ReturnType<typeof createOutboundMessageRepository>;
