import { Schema } from 'mongoose';

/**
 * `ticket_sources`: which ticket number a source (a platform message, or a problem found on a visit) was given,
 * keyed by the source (`_id`), so that making a report's ticket looks its source up by `_id` alone — the one lookup
 * FerretDB v1 answers from an index — instead of querying `tickets` by `sourceMessageId` (a full scan there). Written
 * before the ticket, so a number is reserved once: a retry after a crash takes the same number. The ticket's unique
 * `sourceMessageId` stays the arbiter (tickets from before this collection have no entry).
 */
export const ticketSourceSchema = new Schema<{ _id: string; no: number }>(
  {
    _id: { type: String, required: true },
    no: { type: Number, required: true },
  },
  { versionKey: false },
);
