import type { Connection } from 'mongoose';
import type { TicketEvent } from '../domain/ticket.js';
import type { VisitEvent } from '../domain/visit.js';

/** One change for the audit trail, as stored (the ledger's audit export formats and masks it). */
export interface AuditChange {
  /** What was changed: a ticket, a visit, the directory. */
  record: 'ticket' | 'visit' | 'directory';
  /** Its number (#12, V3) or id. */
  ref: string;
  at: string;
  type: string;
  by: { platform?: string; id?: string; name?: string; personId?: string | null } | null;
  note?: string;
  data?: Record<string, unknown>;
  /** The message that made it (`platform:eventId`), when recorded. */
  source?: string;
}

const inRange = (at: string | Date | undefined, from: number, to: number) => {
  const t = at instanceof Date ? at.getTime() : Date.parse(at ?? '');
  return t >= from && t < to;
};

/**
 * Every recorded change in [from, to) (ISO instants), streamed from store cursors: each ticket's events (tickets by
 * number, events in order), each visit's logging and its history, and the directory's current import (the directory
 * keeps no earlier versions). A record made after `to` is not read.
 */
export async function* eachAuditChange(conn: Connection, range: { from: string; to: string }, batchSize = 200): AsyncGenerator<AuditChange> {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const db = conn.db!;
  const tickets = db
    .collection<{ _id: number; events?: TicketEvent[]; sourceMessageId?: string }>('tickets')
    .find({ createdAt: { $lt: range.to } }, { projection: { _id: 1, events: 1, sourceMessageId: 1 }, batchSize })
    .sort({ _id: 1 });
  for await (const t of tickets) {
    for (const e of t.events ?? []) {
      if (!inRange(e.at, from, to)) continue;
      yield {
        record: 'ticket',
        ref: `#${t._id}`,
        at: e.at,
        type: e.type,
        by: e.by ?? null,
        note: e.note,
        data: e.data,
        // the report that made the ticket is its source message
        source: e.source ?? (e.type === 'accepted' ? t.sourceMessageId : undefined),
      };
    }
  }
  const visits = db
    .collection<{ _id: number; recordedAt: string; source: string; by: { platformId: string; personId: string | null; name: string }; enterpriseName: string; date: string; history?: VisitEvent[] }>('visits')
    .find({ recordedAt: { $lt: range.to } }, { batchSize })
    .sort({ _id: 1 });
  for await (const v of visits) {
    if (inRange(v.recordedAt, from, to)) {
      yield {
        record: 'visit',
        ref: `V${v._id}`,
        at: v.recordedAt,
        type: 'record',
        by: { id: v.by.platformId, name: v.by.name, personId: v.by.personId },
        data: { enterprise: v.enterpriseName, date: v.date },
        source: v.source,
      };
    }
    for (const h of v.history ?? []) {
      if (!inRange(h.at, from, to)) continue;
      yield { record: 'visit', ref: `V${v._id}`, at: h.at, type: h.type, by: { id: h.by.platformId, name: h.by.name, personId: h.by.personId }, data: h.data, source: h.source };
    }
  }
  const dir = await db
    .collection<{ _id: string; version: number; importedAt: Date; data?: Record<string, unknown> }>('directories')
    .findOne({ _id: 'current' });
  if (dir && inRange(dir.importedAt, from, to)) {
    const count = (k: string) => {
      const list = dir.data?.[k];
      return Array.isArray(list) ? list.length : undefined;
    };
    yield {
      record: 'directory',
      ref: `v${dir.version}`,
      at: dir.importedAt.toISOString(),
      type: 'import',
      by: null,
      data: { version: dir.version, people: count('people'), enterprises: count('enterprises'), departments: count('departments'), groups: count('groups'), projects: count('projects') },
    };
  }
}
