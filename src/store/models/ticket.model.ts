import { Schema } from 'mongoose';
import { CATEGORIES, TICKET_STATUSES, type Ticket } from '../../domain/ticket.js';

const eventSchema = new Schema(
  {
    type: { type: String, required: true },
    at: { type: String, required: true },
    by: { platform: String, id: String, name: String, personId: String },
    note: String,
    data: Schema.Types.Mixed,
    source: String,
  },
  { _id: false },
);

export const ticketSchema = new Schema<Ticket & { _id: number; version?: number }>(
  {
    /** The ticket number: lookups and updates by number stay cheap on FerretDB too; _id makes it unique. */
    _id: { type: Number, required: true },
    no: { type: Number, required: true },
    platform: { type: String, required: true },
    chatId: { type: String, required: true },
    reporter: { id: { type: String, required: true }, name: String },
    text: { type: String, required: true },
    summary: { type: String, required: true },
    category: { type: String, required: true, enum: Object.keys(CATEGORIES) },
    categoryConfidence: { type: Number, required: true },
    needsTriage: { type: Boolean, required: true },
    urgency: { type: String, required: true, enum: ['urgent', 'normal'] },
    requestedDate: { type: String, default: null },
    resolutionDueAt: { type: String, required: true },
    responseDueAt: { type: String, default: null },
    pausedAt: { type: String, default: null },
    extensionCount: { type: Number, default: 0 },
    pendingExtension: { type: Schema.Types.Mixed, default: null },
    slaSent: { type: [String], default: [] },
    nextDueAt: { type: String, default: null },
    escalationCount: { type: Number, default: 0 },
    enterprise: { type: String, default: null },
    enterpriseId: { type: String, default: null },
    projectId: { type: String, default: null },
    team: { type: [String], default: [] },
    leaderId: { type: String, default: null },
    assignee: { type: new Schema({ personId: String, name: String, wecom: String, dingtalk: String }, { _id: false }), default: null },
    dispatchedAt: { type: String, default: null },
    claimedAt: { type: String, default: null },
    resolvedAt: { type: String, default: null },
    closedAt: { type: String, default: null },
    outcome: { type: String, default: null },
    rating: { type: Schema.Types.Mixed, default: null },
    reopenCount: { type: Number, default: 0 },
    urgeCount: { type: Number, default: 0 },
    returnCount: { type: Number, default: 0 },
    status: { type: String, required: true, enum: Object.keys(TICKET_STATUSES) },
    sourceMessageId: { type: String, required: true },
    parsedBy: { type: String, required: true, enum: ['rules', 'llm'] },
    visitNo: { type: Number, default: null },
    // 重复 and 回潮 (see domain/similarity.ts)
    reporters: { type: [Schema.Types.Mixed], default: undefined },
    duplicateAsks: { type: [Schema.Types.Mixed], default: undefined },
    recurrenceOf: { type: Number, default: undefined },
    recurredAt: { type: String, default: undefined },
    // 共性问题: a case's member points to its lead; the lead lists its members (see domain/common-issues.ts)
    caseOf: { type: Number, default: undefined },
    caseMembers: { type: [Number], default: undefined },
    events: { type: [eventSchema], default: [] },
    /** Counted up by every saved change; a change saves only over the version it read (see saveTransition). */
    version: { type: Number, default: 0 },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { versionKey: false },
);
// a report becomes exactly one ticket
ticketSchema.index({ sourceMessageId: 1 }, { unique: true });
ticketSchema.index({ status: 1, createdAt: -1 });
ticketSchema.index({ enterprise: 1, createdAt: -1 });
ticketSchema.index({ createdAt: -1 });
ticketSchema.index({ 'assignee.personId': 1, status: 1 });
ticketSchema.index({ enterpriseId: 1, status: 1 });
// the SLA reconciler reads only tickets with a step due
ticketSchema.index({ nextDueAt: 1 });
// the digest: answered and closed in a period, changed since
ticketSchema.index({ resolvedAt: 1 });
ticketSchema.index({ closedAt: 1 });
ticketSchema.index({ updatedAt: 1 });
// 助企走访: the problems found on visits
ticketSchema.index({ visitNo: 1 });
// 重复 and 回潮: the tickets of one conversation (an enterprise the directory does not know)
ticketSchema.index({ chatId: 1, status: 1 });
