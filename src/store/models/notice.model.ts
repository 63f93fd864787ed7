import { Schema } from 'mongoose';

/** One-time notices (e.g. "the 2027 calendar is missing"): the unique _id makes "once" hold across instances. */
export const noticeSchema = new Schema<{ _id: string; at: Date }>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
