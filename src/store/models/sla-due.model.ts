import { Schema } from 'mongoose';

/** One SLA step of a ticket filed under the minute it falls due (an index entry: the ticket stays the truth). */
export interface SlaDueEntry {
  no: number;
  key: string;
  /** ISO instant of the step. */
  at: string;
}

/**
 * `sla_due`: the tickets' SLA steps by due minute, so the reconcile reads what is due by `_id` alone (FerretDB v1
 * answers only a single string or ObjectId `_id` equality without a scan). Two kinds of document share it:
 * buckets (`_id` = the UTC minute, `2026-12-01T01:30`, `steps` = the entries due in it) and the reconcile's cursor
 * (`_id` = `sla-cursor`: the last minute fully handled, and when the store was last scanned for what the buckets
 * may lack). Everything here can be rebuilt from the tickets (see jobs/sla-reconcile.job.ts).
 */
export const slaDueSchema = new Schema<{ _id: string; steps?: SlaDueEntry[]; minute?: string; scannedAt?: string }>(
  {
    _id: { type: String, required: true },
    steps: { type: [new Schema({ no: Number, key: String, at: String }, { _id: false })], default: undefined },
    minute: String,
    scannedAt: String,
  },
  { versionKey: false },
);
