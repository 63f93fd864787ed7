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
  /** The merged message it was put in (set before that message is queued, so a retry re-sends the same one). */
  batch?: string;
}

export const pendingReminderSchema = new Schema<PendingReminderDoc>(
  {
    _id: { type: String, required: true },
    mergeKey: { type: String, required: true },
    target: { type: Schema.Types.Mixed, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
    sent: { type: Boolean, default: false },
    batch: { type: String },
  },
  { versionKey: false },
);
pendingReminderSchema.index({ mergeKey: 1, sent: 1 });
pendingReminderSchema.index({ sent: 1, at: 1 });
