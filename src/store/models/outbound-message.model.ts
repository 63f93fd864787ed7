import { Schema } from 'mongoose';
import type { OutboundMessage, OutboundTarget } from '../../messages/outbound.js';

/** queued → sent, or → dead (dead-lettered; an operator may re-queue it). */
export type OutboundStatus = 'queued' | 'sent' | 'dead';

/**
 * The durable outbox: one document per outbound message, written before its send job is queued, so that a Redis
 * that loses its keys loses no message (the recovery sweep queues it again). A `sent` message is never sent again.
 */
export interface OutboundMessageDoc {
  /** The send job's deterministic id (`out-<platform>-<cause>-<index>`): recording twice is a no-op. */
  _id: string;
  cause: string;
  index: number;
  target: OutboundTarget;
  message: OutboundMessage;
  status: OutboundStatus;
  createdAt: Date;
  /** When it was due to go (a scheduled send, or one moved off a :00/:30 mark): kept by a re-queue. */
  due: Date;
  sentAt?: Date;
  /**
   * The part whose request is leaving, set right before it leaves (and when), cleared when the send ends in an error
   * or is recorded sent. A `queued` record whose part here is not yet marked done (the job's progress) was in flight
   * when its process died: whether the platform has it is unknown.
   */
  sendingPart?: number | null;
  sendingAt?: Date | null;
  /** When the recovery sweep next looks at it (pushed back each time it does), and how often it re-queued it. */
  sweepAt: Date;
  sweeps?: number;
}

export const outboundMessageSchema = new Schema<OutboundMessageDoc>(
  {
    _id: { type: String, required: true },
    cause: { type: String, required: true },
    index: { type: Number, required: true },
    target: { type: Schema.Types.Mixed, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true, enum: ['queued', 'sent', 'dead'], default: 'queued' },
    createdAt: { type: Date, required: true },
    due: { type: Date, required: true },
    sentAt: { type: Date },
    sendingPart: { type: Number, default: null },
    sendingAt: { type: Date, default: null },
    sweepAt: { type: Date, required: true },
    sweeps: { type: Number },
  },
  { versionKey: false, minimize: false },
);
// the recovery sweep: queued messages by when they are due for it
outboundMessageSchema.index({ status: 1, sweepAt: 1 });
