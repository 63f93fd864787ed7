import { Schema } from 'mongoose';

/** One scheduled digest for one group and one period: `claimed` then `sent`; the unique _id makes it once. */
export interface DigestRunDoc {
  _id: string;
  status: 'claimed' | 'sent';
  at: Date;
}

export const digestRunSchema = new Schema<DigestRunDoc>(
  { _id: { type: String, required: true }, status: { type: String, required: true, enum: ['claimed', 'sent'] }, at: { type: Date, required: true } },
  { versionKey: false },
);
