import type { Connection, Model } from 'mongoose';
import type { InboundMessage } from '../../messages/inbound.js';
import type { InboundMessageDoc } from '../models/inbound-message.model.js';
import { createBatcher } from '../batcher.js';

export interface StoredInbound {
  message: InboundMessage;
  status: InboundMessageDoc['status'];
  outcome?: string;
}

/** The intake ledger: one document per platform message, the basis of exactly-once processing. */
export function createInboundRepository(conn: Connection) {
  const Inbound = conn.model('InboundMessage') as Model<InboundMessageDoc>;
  const key = (platform: string, eventId: string) => ({ _id: `${platform}:${eventId}` });
  // the acknowledgement path: concurrent deliveries are written together (one unordered insertMany), each caller
  // answered only once its own document is stored; a duplicate is reported per document
  const storeBatched = createBatcher<Omit<InboundMessageDoc, 'processedAt' | 'outcome'>, 'stored' | 'duplicate' | Error>(async (docs) => {
    const results: ('stored' | 'duplicate' | Error)[] = docs.map(() => 'stored');
    try {
      await Inbound.collection.insertMany(docs as unknown as Record<string, unknown>[], { ordered: false });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code?: number; err?: { code?: number; index?: number } }[] }).writeErrors;
      if (!writeErrors) throw err;
      for (const w of writeErrors) {
        const index = w.index ?? w.err?.index ?? -1;
        const code = w.code ?? w.err?.code;
        if (index >= 0) results[index] = code === 11000 ? 'duplicate' : new Error(`insert failed (${String(code)})`);
      }
    }
    return results;
  });

  return {
    /** 'stored' the first time, 'duplicate' for a repeated delivery (unique index, nothing changes). */
    async store(message: InboundMessage, raw: unknown, now: Date): Promise<'stored' | 'duplicate'> {
      const r = await storeBatched({ _id: `${message.platform}:${message.eventId}`, platform: message.platform, eventId: message.eventId, chatId: message.chatId, message, raw, status: 'received', receivedAt: now, attempts: 0 });
      if (r instanceof Error) throw r;
      return r;
    },

    async get(platform: string, eventId: string): Promise<StoredInbound | null> {
      const d = await Inbound.findOne(key(platform, eventId), { raw: 0 }).lean();
      return d ? { message: d.message, status: d.status, outcome: d.outcome } : null;
    },

    /** Counts a processing attempt (for logs and operators). */
    async touch(platform: string, eventId: string): Promise<void> {
      await Inbound.updateOne(key(platform, eventId), { $inc: { attempts: 1 } });
    },

    async markProcessed(platform: string, eventId: string, outcome: string, now: Date): Promise<void> {
      await Inbound.updateOne(key(platform, eventId), { $set: { status: 'processed', outcome, processedAt: now } });
    },

    /** Stored but unprocessed messages received before `before` (for the recovery sweep). */
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
