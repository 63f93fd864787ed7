import type { Connection, Model } from 'mongoose';
import { OPEN_STATUSES, type Ticket, type TicketEvent, type TicketStatus } from '../../domain/ticket.js';

export interface TicketFilter {
  status?: TicketStatus;
  enterprise?: string;
  assignee?: string;
  /** ISO-8601: created at or after. */
  since?: string;
  limit?: number;
}

/** The workbench's lists and the ledger: every condition given must hold. */
export interface TicketQuery {
  statuses?: TicketStatus[];
  category?: string;
  enterpriseId?: string;
  /** The assignee is one of these people (a department's members). */
  assignees?: string[];
  /** ISO instants: created in [from, to). */
  from?: string;
  to?: string;
  /** Literal text in the summary or the message. */
  text?: string;
  no?: number;
  /** 我的待办: assigned to this person, or open and claimable by their task force or department (`team`). */
  mineOf?: string;
  /** 我们的问题: of this enterprise, or reported by this account. */
  oursOf?: { enterpriseId?: string; reporter: { platform: string; id: string } };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The filter document of a query (operators both MongoDB 6 and FerretDB v1 answer). */
function queryFilter(q: TicketQuery): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  if (q.statuses?.length) and.push({ status: { $in: q.statuses } });
  if (q.category) and.push({ category: q.category });
  if (q.enterpriseId) and.push({ enterpriseId: q.enterpriseId });
  if (q.assignees) and.push({ 'assignee.personId': { $in: q.assignees } });
  if (q.from || q.to) and.push({ createdAt: { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lt: q.to } : {}) } });
  if (q.no !== undefined) and.push({ _id: q.no });
  if (q.text) {
    const re = { $regex: escapeRegex(q.text) };
    and.push({ $or: [{ summary: re }, { text: re }, { enterprise: re }] });
  }
  if (q.mineOf) and.push({ $or: [{ 'assignee.personId': q.mineOf }, { team: q.mineOf, status: { $in: [...OPEN_STATUSES] } }] });
  if (q.oursOf) and.push({ $or: [{ platform: q.oursOf.reporter.platform, 'reporter.id': q.oursOf.reporter.id }, ...(q.oursOf.enterpriseId ? [{ enterpriseId: q.oursOf.enterpriseId }] : [])] });
  return and.length ? { $and: and } : {};
}

const DUPLICATE_KEY = 11000;

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === DUPLICATE_KEY;
}

/** Tickets as domain objects; only this layer sees mongoose. */
export function createTicketRepository(conn: Connection) {
  const Tickets = conn.model('Ticket') as Model<Ticket & { _id: number }>;
  const Counters = conn.model('Counter') as Model<{ _id: string; seq: number }>;
  const toTicket = (d: Record<string, unknown> | null): Ticket | null => {
    if (!d) return null;
    // `resolutionDue` (a stored date beside the instant) is gone; old documents may still carry it: ignored
    const { _id, resolutionDue, ...rest } = d;
    void _id;
    void resolutionDue;
    return rest as unknown as Ticket;
  };

  return {
    /**
     * Next ticket number from the counter document ($inc). On MongoDB the $inc is atomic; FerretDB v1.24 (SQLite)
     * can lose concurrent increments, so the ticket's `_id` (its number, unique) stays the arbiter (see insertNumbered).
     */
    async nextNumber(): Promise<number> {
      for (let attempt = 0; ; attempt++) {
        try {
          const doc = await Counters.findOneAndUpdate({ _id: 'ticket' }, { $inc: { seq: 1 } }, { upsert: true, new: true, lean: true });
          return doc!.seq;
        } catch (err) {
          // two first-ever upserts raced: the document exists now
          if (!isDuplicateKey(err) || attempt >= 3) throw err;
        }
      }
    },

    async findBySource(sourceMessageId: string): Promise<Ticket | null> {
      return toTicket(await Tickets.findOne({ sourceMessageId }).lean());
    },

    async getByNo(no: number): Promise<Ticket | null> {
      return toTicket((await Tickets.findById(no).lean()) as Record<string, unknown> | null);
    },

    /**
     * Gives `build(no)` the next free number and inserts it. A report has one ticket: when its source message
     * already has one, that ticket is returned. A number taken by a concurrent insert is skipped (retry).
     */
    async insertNumbered(sourceMessageId: string, build: (no: number) => Ticket): Promise<{ ticket: Ticket; created: boolean }> {
      for (let attempt = 0; attempt < 50; attempt++) {
        const existing = await this.findBySource(sourceMessageId);
        if (existing) return { ticket: existing, created: false };
        const ticket = build(await this.nextNumber());
        try {
          await Tickets.create({ ...ticket, _id: ticket.no, version: 0 });
          return { ticket: { ...ticket, version: 0 } as Ticket, created: true };
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          // either this source already has its ticket (returned above on the next turn) or the number was taken
        }
      }
      throw new Error(`could not number the ticket of ${sourceMessageId}`);
    },

    /**
     * Saves a transition of the ticket as it was read: the changed fields are set, the event appended (the trail is
     * never rewritten) and the version counted up — only if the stored version is still the one read (`next.version`,
     * carried over from the read; none on tickets from before versions). 'stale' when another change came first:
     * read again and decide again. Atomic on MongoDB; on FerretDB v1.24 the caller's ticket lock is what serializes.
     */
    async saveTransition(next: Ticket, event: TicketEvent): Promise<'saved' | 'stale'> {
      const { events, no, sourceMessageId, version, ...fields } = next as Ticket & { version?: number };
      void events;
      void sourceMessageId;
      const r = await Tickets.updateOne(
        { _id: no, version: version ?? null },
        { $set: { ...fields, version: (version ?? 0) + 1 }, $push: { events: event } },
      );
      return r.matchedCount === 1 ? 'saved' : 'stale';
    },

    /**
     * Open tickets (not closed), optionally for one assignee or one enterprise, oldest first. With `overdueAt` (ISO
     * instant): only the 超期 ones then — in an open state, past the current answer deadline, not paused (isOverdue).
     */
    async listOpen(f: { assignee?: string; enterpriseId?: string; reporter?: string; overdueAt?: string; limit?: number } = {}): Promise<Ticket[]> {
      const q: Record<string, unknown> = { status: { $ne: 'closed' } };
      if (f.assignee) q['assignee.personId'] = f.assignee;
      if (f.enterpriseId) q.enterpriseId = f.enterpriseId;
      if (f.reporter) q['reporter.id'] = f.reporter;
      if (f.overdueAt) {
        q.status = { $in: [...OPEN_STATUSES] };
        q.resolutionDueAt = { $lt: f.overdueAt };
        q.pausedAt = null;
      }
      const docs = await Tickets.find(q, { events: 0 }).sort({ _id: 1 }).limit(f.limit ?? 20).lean();
      return docs.map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] }));
    },

    /** Tickets with an SLA step due by `before` (ISO), on the nextDueAt index: the cost follows what is due. */
    async listDue(before: string, limit = 500): Promise<Ticket[]> {
      const docs = await Tickets.find({ nextDueAt: { $ne: null, $lte: before } }, { events: 0 }).sort({ nextDueAt: 1 }).limit(limit).lean();
      return docs.map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] }));
    },

    /**
     * What the digest needs: tickets created, answered or closed since `since`, and every open ticket, without
     * events; then the events of those changed since `eventsSince` (for past statuses and first responses).
     */
    async forDigest(since: string, eventsSince: string): Promise<Ticket[]> {
      const docs = await Tickets.find(
        { $or: [{ createdAt: { $gte: since } }, { status: { $ne: 'closed' } }, { closedAt: { $gte: since } }, { resolvedAt: { $gte: since } }] },
        { events: 0, text: 0 },
      ).lean();
      const tickets = docs.map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] as Ticket['events'] }));
      const changed = tickets.filter((t) => t.updatedAt >= eventsSince).map((t) => t.no);
      for (let i = 0; i < changed.length; i += 1000) {
        const batch = await Tickets.find({ _id: { $in: changed.slice(i, i + 1000) } }, { events: 1 }).lean();
        const byNo = new Map(batch.map((b) => [b._id, b.events]));
        for (const t of tickets) if (byNo.has(t.no)) t.events = byNo.get(t.no)!;
      }
      return tickets;
    },

    /**
     * Tickets for the ledger: created in [from, to), optionally in one status, by number. With their events: whether a
     * ticket was ever overdue is read from its history (wasOverdue).
     */
    async forLedger(f: TicketQuery): Promise<Ticket[]> {
      const docs = await Tickets.find(queryFilter(f), { text: 0 }).sort({ _id: 1 }).lean();
      return docs.map((d) => toTicket(d as Record<string, unknown>)!);
    },

    /**
     * A page of tickets (without their events) and how many match: `todo` sorts urgent first, then by deadline;
     * `newest` by number, newest first.
     */
    async search(q: TicketQuery, page: { sort: 'todo' | 'newest'; skip: number; limit: number }): Promise<{ total: number; tickets: Ticket[] }> {
      const filter = queryFilter(q);
      const sort: Record<string, 1 | -1> = page.sort === 'todo' ? { urgency: -1, resolutionDueAt: 1, _id: 1 } : { _id: -1 };
      const [total, docs] = await Promise.all([
        Tickets.countDocuments(filter),
        Tickets.find(filter, { events: 0 }).sort(sort).skip(page.skip).limit(Math.min(page.limit, 200)).lean(),
      ]);
      return { total, tickets: docs.map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] })) };
    },

    async list(f: TicketFilter = {}): Promise<Ticket[]> {
      const q: Record<string, unknown> = {};
      if (f.status) q.status = f.status;
      if (f.enterprise) q.enterprise = f.enterprise;
      if (f.assignee) q['assignee.personId'] = f.assignee;
      if (f.since) q.createdAt = { $gte: f.since };
      const docs = await Tickets.find(q, { events: 0 })
        .sort({ _id: -1 })
        .limit(Math.min(f.limit ?? 200, 1000))
        .lean();
      return docs.map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] }));
    },

    async count(): Promise<number> {
      return Tickets.countDocuments();
    },
  };
}

export type TicketRepository = ReturnType<typeof createTicketRepository>;
