import mongoose, { type Connection, type ConnectOptions } from 'mongoose';
import { inboundMessageSchema } from './models/inbound-message.model.js';
import { ticketSchema } from './models/ticket.model.js';
import { counterSchema } from './models/counter.model.js';
import { directorySchemaModel, directoryStampSchema } from './models/directory.model.js';
import { noticeSchema } from './models/notice.model.js';
import { digestRunSchema } from './models/digest-run.model.js';
import { deadLetterSchema } from './models/dead-letter.model.js';
import { pendingReminderSchema } from './models/pending-reminder.model.js';
import { outboundMessageSchema } from './models/outbound-message.model.js';
import { projectPathSchema, projectTemplateSetSchema } from './models/project.model.js';
import { visitSchema } from './models/visit.model.js';
import { slaDueSchema } from './models/sla-due.model.js';
import { ticketSourceSchema } from './models/ticket-source.model.js';
import { ticketRecentSchema } from './models/ticket-recent.model.js';

export interface Store {
  conn: Connection;
  close(): Promise<void>;
  /** true when the store answers a ping within `timeoutMs` (default 1.5 s); never hangs, never throws. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** How many times a stuck monitor of the driver was restarted (see watchMonitors). */
  monitorRestarts(): number;
}

export interface StoreOptions {
  /** Told each time a stuck monitor is restarted (for a log line). */
  onMonitorRestart?: (reason: string) => void;
}

/** Bounds for every wait on the store, so an outage is an error after a while and never a hang. */
const CONNECT_TIMEOUT_MS = 10_000;
const HEARTBEAT_FREQUENCY_MS = 10_000;
export const STORE_OPTIONS: ConnectOptions = {
  // an operation waits this long for a usable server (the store down or restarting), then fails
  serverSelectionTimeoutMS: 10_000,
  // a new connection (TCP and handshake) and each monitoring check give up after this
  connectTimeoutMS: CONNECT_TIMEOUT_MS,
  heartbeatFrequencyMS: HEARTBEAT_FREQUENCY_MS,
  // a server that stops answering on an open socket (host gone, network cut): the operation fails instead of waiting
  // for ever. Far longer than any single operation should take (index builds and retention deletes included).
  socketTimeoutMS: 60_000,
  // waiting for a pooled connection is bounded too (the driver's default is unbounded)
  waitQueueTimeoutMS: 10_000,
  autoIndex: false,
  // FerretDB and MongoDB 6+ alike: no transactions, no retryable writes needed for single-document updates
  retryWrites: false,
};

/** The driver's internals the monitor watchdog touches (mongodb 6.x/7.x; checked at run time, see below). */
interface DriverMonitor {
  s?: { state?: string };
  connection?: { closed?: boolean } | null;
  close(): void;
  connect(): void;
}

/**
 * Restarts a server monitor of the driver that is stuck, so the store is found again after an outage.
 *
 * Why: the driver (mongodb 6.20; the same code on the driver's main branch as of 2026-08) tells whether the store is up only from its monitor: after a
 * network error the server is marked Unknown and every operation waits (serverSelectionTimeoutMS, then fails with the
 * error that marked it, e.g. `connection 4 to … closed`) until a monitor check succeeds again. When the store closes
 * all its connections at once (a restart), an operation's connection is seen closed first; the server selection it
 * triggers wakes the monitor in the same turn of the event loop, while the monitor's own socket has already been
 * destroyed by Node (the peer's FIN read) but its 'close' event has not been emitted yet. The monitor sees a
 * connection not yet closed and writes its `hello` to it: the write fails silently (no 'error' event on a destroyed
 * socket), returns false, and the driver awaits a 'drain' that never comes; no socket timeout fires on a destroyed
 * socket. The check never ends, the monitor stays in its 'monitoring' state and skips every later check: the server
 * stays Unknown for ever although the store is back. Against MongoDB with the streaming protocol, any operation's
 * network error resets the monitor (`Monitor.reset`, only when the server reports a topologyVersion); FerretDB
 * reports none, so the driver polls and nothing resets it. `serverMonitoringMode: 'poll'` would therefore not help
 * (it is what already happens on FerretDB, and on MongoDB it would remove the reset that heals it there), and no
 * connection option bounds that wait (socketTimeoutMS, connectTimeoutMS and heartbeatFrequencyMS all leave it hung).
 *
 * So every second: a monitor still 'monitoring' on a connection that is closed (a check on a closed connection fails
 * at once, so seen twice a second apart it is stuck), or a check outstanding far longer than the driver's own bounds
 * (public heartbeat events), is closed and started again, which checks at once on a new connection.
 */
function watchMonitors(conn: Connection, onRestart: (reason: string) => void): () => void {
  const client = conn.getClient();
  // a check in progress: since when (public heartbeat events; a new 'started' follows each success in streaming mode)
  let checkSince: number | null = null;
  client.on('serverHeartbeatStarted', () => (checkSince = Date.now()));
  client.on('serverHeartbeatSucceeded', () => (checkSince = null));
  client.on('serverHeartbeatFailed', () => (checkSince = null));
  // a check may take a connect and a handshake (each up to connectTimeoutMS) or an awaited hello (heartbeatFrequencyMS)
  const overdueMs = 2 * CONNECT_TIMEOUT_MS + HEARTBEAT_FREQUENCY_MS + 5_000;
  const suspects = new Map<DriverMonitor, unknown>();
  const tick = () => {
    const topology = (client as unknown as { topology?: { s?: { state?: string; servers?: unknown } } }).topology;
    const servers = topology?.s?.servers;
    if (topology?.s?.state !== 'connected' || !(servers instanceof Map)) return;
    const overdue = checkSince !== null && Date.now() - checkSince > overdueMs;
    for (const server of servers.values() as Iterable<{ monitor?: DriverMonitor | null }>) {
      const m = server.monitor;
      if (!m || typeof m.close !== 'function' || typeof m.connect !== 'function') continue;
      const stuckOn = m.s?.state === 'monitoring' && m.connection?.closed === true ? m.connection : undefined;
      const wasStuckOn = suspects.get(m);
      suspects.delete(m);
      if ((stuckOn && stuckOn === wasStuckOn) || (overdue && m.s?.state === 'monitoring')) {
        checkSince = null;
        m.close();
        m.connect();
        onRestart(stuckOn ? 'check stuck on a closed connection' : `check outstanding over ${overdueMs} ms`);
      } else if (stuckOn) {
        suspects.set(m, stuckOn);
      }
    }
  };
  const timer = setInterval(tick, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Opens a dedicated connection (no global mongoose state) and makes sure every index exists. */
export async function connectStore(uri: string, opts: StoreOptions = {}): Promise<Store> {
  const conn = mongoose.createConnection(uri, STORE_OPTIONS);
  await conn.asPromise();
  let restarts = 0;
  const stopWatching = watchMonitors(conn, (reason) => {
    restarts++;
    opts.onMonitorRestart?.(reason);
  });
  conn.model('InboundMessage', inboundMessageSchema, 'inbound_messages');
  conn.model('Ticket', ticketSchema, 'tickets');
  conn.model('Counter', counterSchema, 'counters');
  conn.model('Directory', directorySchemaModel, 'directories');
  conn.model('DirectoryStamp', directoryStampSchema, 'directory_stamp');
  conn.model('Notice', noticeSchema, 'notices');
  conn.model('DigestRun', digestRunSchema, 'digest_runs');
  conn.model('DeadLetter', deadLetterSchema, 'dead_letters');
  conn.model('PendingReminder', pendingReminderSchema, 'pending_reminders');
  conn.model('OutboundMessage', outboundMessageSchema, 'outbound_messages');
  conn.model('ProjectTemplateSet', projectTemplateSetSchema, 'project_templates');
  conn.model('ProjectPath', projectPathSchema, 'project_paths');
  conn.model('Visit', visitSchema, 'visits');
  conn.model('SlaDue', slaDueSchema, 'sla_due');
  conn.model('TicketSource', ticketSourceSchema, 'ticket_sources');
  conn.model('TicketRecent', ticketRecentSchema, 'ticket_recent');
  try {
    await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
  } catch (err) {
    stopWatching();
    await conn.close().catch(() => undefined);
    throw err;
  }
  return {
    conn,
    monitorRestarts: () => restarts,
    async close() {
      stopWatching();
      await conn.close();
    },
    async ping(timeoutMs = 1_500) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
      });
      const answered = conn
        .db!.admin()
        .command({ ping: 1 })
        .then(() => true as const)
        .catch(() => false as const);
      try {
        return await Promise.race([answered, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
