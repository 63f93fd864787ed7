import mongoose, { type Connection } from 'mongoose';
import { inboundMessageSchema } from './models/inbound-message.model.js';
import { ticketSchema } from './models/ticket.model.js';
import { counterSchema } from './models/counter.model.js';
import { directorySchemaModel } from './models/directory.model.js';
import { noticeSchema } from './models/notice.model.js';
import { digestRunSchema } from './models/digest-run.model.js';
import { deadLetterSchema } from './models/dead-letter.model.js';
import { pendingReminderSchema } from './models/pending-reminder.model.js';
import { outboundMessageSchema } from './models/outbound-message.model.js';

export interface Store {
  conn: Connection;
  close(): Promise<void>;
  ping(): Promise<boolean>;
}

/** Opens a dedicated connection (no global mongoose state) and makes sure every index exists. */
export async function connectStore(uri: string): Promise<Store> {
  const conn = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
    // FerretDB and MongoDB 6+ alike: no transactions, no retryable writes needed for single-document updates
    retryWrites: false,
  });
  await conn.asPromise();
  conn.model('InboundMessage', inboundMessageSchema, 'inbound_messages');
  conn.model('Ticket', ticketSchema, 'tickets');
  conn.model('Counter', counterSchema, 'counters');
  conn.model('Directory', directorySchemaModel, 'directories');
  conn.model('Notice', noticeSchema, 'notices');
  conn.model('DigestRun', digestRunSchema, 'digest_runs');
  conn.model('DeadLetter', deadLetterSchema, 'dead_letters');
  conn.model('PendingReminder', pendingReminderSchema, 'pending_reminders');
  conn.model('OutboundMessage', outboundMessageSchema, 'outbound_messages');
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
  return {
    conn,
    close: () => conn.close(),
    async ping() {
      try {
        await conn.db!.admin().command({ ping: 1 });
        return true;
      } catch {
        return false;
      }
    },
  };
}
