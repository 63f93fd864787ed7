import { Schema } from 'mongoose';

/** A send that failed for good: kept with its message until an operator re-queues it (`xiaoer outbound retry ID`). */
export interface DeadLetterDoc {
  _id: string;
  destination: string;
  data: Record<string, unknown>;
  error: { code?: string; errcode?: string | number; message: string };
  at: Date;
  retried: boolean;
}

export const deadLetterSchema = new Schema<DeadLetterDoc>(
  {
    _id: { type: String, required: true },
    destination: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    error: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
    retried: { type: Boolean, default: false },
  },
  { versionKey: false, minimize: false },
);
deadLetterSchema.index({ retried: 1, at: -1 });
