import { Schema } from 'mongoose';
import { VISIT_MODES, type Visit } from '../../domain/visit.js';

const cadreSchema = new Schema({ personId: { type: String, default: null }, name: { type: String, required: true } }, { _id: false });

/**
 * 助企走访: one document per visit, `_id` its V-number (lookups by number are `_id` equality, cheap on FerretDB too).
 * A visit is saved only over the version it read (edits, 建单, deletion, an admin's link run under the visit's lock).
 */
export const visitSchema = new Schema<Visit & { _id: number; version: number }>(
  {
    _id: { type: Number, required: true },
    no: { type: Number, required: true },
    platform: { type: String, required: true },
    chatId: { type: String, required: true },
    chatType: { type: String, required: true, enum: ['group', 'single'] },
    source: { type: String, required: true },
    by: { personId: { type: String, default: null }, name: { type: String, required: true }, platformId: { type: String, required: true } },
    companions: { type: [cadreSchema], default: [] },
    enterpriseId: { type: String, default: null },
    enterpriseName: { type: String, required: true },
    projectId: { type: String, default: null },
    mode: { type: String, required: true, enum: Object.keys(VISIT_MODES) },
    date: { type: String, required: true },
    note: { type: String, default: '' },
    problems: { type: [new Schema({ n: Number, text: String, ticketNo: { type: Number, default: null } }, { _id: false })], default: [] },
    recordedAt: { type: String, required: true },
    editedAt: { type: String, default: null },
    deletedAt: { type: String, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);
// a message logs one visit
visitSchema.index({ source: 1 }, { unique: true });
// the figures of a period, and a cadre's latest visit
visitSchema.index({ date: 1 });
visitSchema.index({ 'by.platformId': 1, recordedAt: -1 });
