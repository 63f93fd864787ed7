import { Schema } from 'mongoose';

/**
 * `ticket_recent`: the newest ticket numbers of a conversation (`_id` = `chat:<platform>:<chatId>`) and of an
 * enterprise (`ent:<enterpriseId>`), so that 重复 and 回潮 read their candidates by `_id` alone — the one lookup
 * FerretDB v1 answers from an index — instead of querying `tickets` by chat or enterprise on every report (a full
 * scan there). A hint, not a truth: every ticket read through it is checked again against the query; a number missing
 * from it only means a duplicate is not recognised (the report becomes a ticket of its own).
 */
export const ticketRecentSchema = new Schema<{ _id: string; nos: number[] }>(
  {
    _id: { type: String, required: true },
    nos: { type: [Number], default: [] },
  },
  { versionKey: false },
);
