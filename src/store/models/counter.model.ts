import { Schema } from 'mongoose';

/** One document per sequence (`_id: 'ticket'`); numbers come from an atomic $inc. */
export const counterSchema = new Schema<{ _id: string; seq: number }>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } },
  { versionKey: false },
);
