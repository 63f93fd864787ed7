import { Schema } from 'mongoose';
import type { OutboundTarget } from '../../messages/outbound.js';

/** A reminder waiting to be merged with others due at the same moment for the same person. */
export interface PendingReminderDoc {
  _id: string;
  mergeKey: string;
  target: OutboundTarget;
  text: string;
  at: Date;
  sent: boolean;
}

export const pendingReminderSchema = new Schema<PendingReminderDoc>(
  {
    _id: { type: String, required: true },
    mergeKey: { type: String, required: true },
    target: { type: Schema.Types.Mixed, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
    sent: { type: Boolean, default: false },
  },
  { versionKey: false },
);
pendingReminderSchema.index({ mergeKey: 1, sent: 1 });
pendingReminderSchema.index({ sent: 1, at: 1 });
