import { Schema } from 'mongoose';

/**
 * `sweep_due`: what the recovery sweeps (inbound: src/bot/intake.ts, outbound: src/outbound/recovery.ts) look at, by
 * the minute it becomes due, so that a sweep reads by `_id` alone (FerretDB v1 answers only a single `_id` equality
 * without a scan of the collection). Two kinds of document, per sweep (`in`, `out`):
 *
 *   { _id: 'in 2026-12-01T01:30 0', ids: [...] }   a slot of a minute's bucket: the ids whose sweep time falls in it
 *   { _id: 'in cursor', minute, scannedAt }         the last minute the sweep has fully handled (its buckets deleted)
 *
 * A minute's bucket is split into slots numbered 0, 1, 2… with no gap: each slot has one writer (it claimed it by
 * inserting it, an atomic insert on both stores), which alone appends to it — two concurrent updates of one document
 * can lose one on FerretDB v1 (an update there is a read, then a write). An index, not a truth: an entry whose message
 * moved on (processed, deferred to a later minute) is a no-op for the sweep, which reads the message itself by `_id`.
 */
export interface SweepDueDoc {
  _id: string;
  ids?: string[];
  minute?: string;
  scannedAt?: string;
}

export const sweepDueSchema = new Schema<SweepDueDoc>(
  {
    _id: { type: String, required: true },
    ids: { type: [String], default: undefined },
    minute: String,
    scannedAt: String,
  },
  { versionKey: false },
);
