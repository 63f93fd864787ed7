import { Schema } from 'mongoose';
import type { InboundMessage } from '../../messages/inbound.js';

/** received → processed, or → failed (parked after repeated failures; never re-queued by the sweep). */
export type InboundStatus = 'received' | 'processed' | 'failed';

export interface InboundMessageDoc {
  /** `platform:eventId`: lookups and updates by _id stay cheap on FerretDB too, and _id makes it unique. */
  _id: string;
  platform: string;
  eventId: string;
  chatId: string;
  message: InboundMessage;
  /** The authentic callback as the platform sent it (decrypted for WeCom). */
  raw: unknown;
  status: InboundStatus;
  receivedAt: Date;
  processedAt?: Date;
  outcome?: string;
  /**
   * Processing starts (a crash mid-handling counts too): the poison rule parks a message that started three times as
   * often as it may fail. Read as `starts` (StoredInbound, countStart); the key keeps the name existing databases have.
   */
  attempts: number;
  /** Failed handlings, and the last error (kept when the message is parked). */
  failures?: number;
  lastError?: string;
  /** Parked: when and why. */
  failedAt?: Date;
  failReason?: string;
  /** When the recovery sweep may next re-queue it (pushed back each time it does), and how often it did. */
  sweepAt?: Date;
  sweeps?: number;
}

export const inboundMessageSchema = new Schema<InboundMessageDoc>(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    eventId: { type: String, required: true },
    chatId: { type: String, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    raw: { type: Schema.Types.Mixed },
    status: { type: String, required: true, enum: ['received', 'processed', 'failed'], default: 'received' },
    receivedAt: { type: Date, required: true },
    processedAt: { type: Date },
    outcome: { type: String },
    attempts: { type: Number, required: true, default: 0 },
    failures: { type: Number },
    lastError: { type: String },
    failedAt: { type: Date },
    failReason: { type: String },
    sweepAt: { type: Date },
    sweeps: { type: Number },
  },
  { versionKey: false, minimize: false },
);
// exactly-once intake: one document per (platform, message id) — the _id
// recovery sweep: messages stored but not yet processed, by when they are due for the sweep
inboundMessageSchema.index({ status: 1, receivedAt: 1 });
inboundMessageSchema.index({ status: 1, sweepAt: 1 });
