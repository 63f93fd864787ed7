import { Schema } from 'mongoose';
import type { InboundMessage } from '../../messages/inbound.js';

export type InboundStatus = 'received' | 'processed';

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
  attempts: number;
}

export const inboundMessageSchema = new Schema<InboundMessageDoc>(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    eventId: { type: String, required: true },
    chatId: { type: String, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    raw: { type: Schema.Types.Mixed },
    status: { type: String, required: true, enum: ['received', 'processed'], default: 'received' },
    receivedAt: { type: Date, required: true },
    processedAt: { type: Date },
    outcome: { type: String },
    attempts: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);
// exactly-once intake: one document per (platform, message id) — the _id
// recovery sweep: messages stored but not yet processed
inboundMessageSchema.index({ status: 1, receivedAt: 1 });
