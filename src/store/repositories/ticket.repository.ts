import type { Connection, Model } from 'mongoose';
import { FINISHED_STATUSES, OPEN_STATUSES, type Ticket, type TicketEvent, type TicketStatus } from '../../domain/ticket.js';
import { createSlaDueIndex } from './sla-due.repository.js';
import { isDuplicateKey } from './duplicate-key.js';
import { decodeCursor, encodeCursor } from '../../shared/page-cursor.js';

/** How many of the newest tickets ticket_recent keeps per conversation and per enterprise. */
export const RECENT_MAX = 100;

/** The ticket_recent documents of a conversation and an enterprise. */
export const recentKeys = (platform: string, chatId: string, enterpriseId: string | null | undefined): string[] => [
  `chat:${platform}:${chatId}`,
  ...(enterpriseId ? [`ent:${enterpriseId}`] : []),
];

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
  /**
   * 我的待办: assigned to this person, or waiting for 签收 by anyone of their task force or department (`team`) — not
   * one moved away from them (转办, 退单, re-routed: found trying the product, a ticket 张伟 had transferred stayed in his
   * list) nor one a colleague has signed for.
   */
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
  if (q.mineOf) {
    // moved away from them (转办, 退单, a correction that re-routed it): an event names them as the previous assignee
    // ($ne on an array's path: no element has it — MongoDB and FerretDB alike; $not with $elemMatch FerretDB ignores)
    const notMovedAway = { 'events.data.previous.personId': { $ne: q.mineOf } };
    and.push({ $or: [{ 'assignee.personId': q.mineOf }, { team: q.mineOf, status: 'pending_claim', ...notMovedAway }] });
  }
  if (q.oursOf) and.push({ $or: [{ platform: q.oursOf.reporter.platform, 'reporter.id': q.oursOf.reporter.id }, ...(q.oursOf.enterpriseId ? [{ enterpriseId: q.oursOf.enterpriseId }] : [])] });
  return and.length ? { $and: and } : {};
}

/** The filter document of `list` (and `listPage`). */
function listFilter(f: Omit<TicketFilter, 'limit'>): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (f.status) q.status = f.status;
  if (f.enterprise) q.enterprise = f.enterprise;
  if (f.assignee) q['assignee.personId'] = f.assignee;
  if (f.since) q.createdAt = { $gte: f.since };
  return q;
}

/** The cursor after `t` in `search`'s order (`sort`): for `searchPage`, also after a page read by offset. */
export function searchCursor(sort: 'todo' | 'newest', t: Pick<Ticket, 'no' | 'urgency' | 'resolutionDueAt'>): string {
  return sort === 'todo' ? encodeCursor('search:todo', [t.urgency, t.resolutionDueAt ?? null, t.no]) : encodeCursor('search:newest', [t.no]);
}



/** Tickets as domain objects; only this layer sees mongoose. */
export function createTicketRepository(
  conn: Connection,
  opts: {
    /**
     * Told the number of every ticket inserted or changed, after the write (the digest's summaries fold it). Its
     * failure is logged by it, never thrown: the ticket is saved.
     */
    onChange?: (no: number) => Promise<void>;
  } = {},
) {
  const changed = async (no: number) => {
    if (opts.onChange) await opts.onChange(no).catch(() => undefined);
  };
  const Tickets = conn.model('Ticket') as Model<Ticket & { _id: number }>;
  const Counters = conn.model('Counter') as Model<{ _id: string; seq: number }>;
  const Sources = conn.model('TicketSource') as Model<{ _id: string; no: number }>;
  const Recent = conn.model('TicketRecent') as Model<{ _id: string; nos: number[] }>;
  const toTicket = (d: Record<string, unknown> | null): Ticket | null => {
    if (!d) return null;
    // `resolutionDue` (a stored date beside the instant) is gone; old documents may still carry it: ignored
    const { _id, resolutionDue, ...rest } = d;
    void _id;
    void resolutionDue;
    return rest as unknown as Ticket;
  };

  /**
   * The tickets of ticket_recent lists (`keys`) that `accept` takes, newest first, at most `limit`, without events. Read
   * by `_id` only: the numbers from the lists, then each ticket, twenty at a time.
   */
  const recentTickets = async (keys: string[], limit: number, accept: (t: Ticket) => boolean): Promise<Ticket[]> => {
    const lists = await Promise.all(keys.map((k) => Recent.findById(k).lean()));
    const nos = [...new Set(lists.flatMap((l) => l?.nos ?? []))].sort((a, b) => b - a);
    const found: Ticket[] = [];
    for (let i = 0; i < nos.length && found.length < limit; i += 20) {
      const batch = await Promise.all(nos.slice(i, i + 20).map((no) => Tickets.findById(no, { events: 0 }).lean()));
      for (const d of batch) {
        const t = d ? ({ ...toTicket(d as Record<string, unknown>)!, events: [] } as Ticket) : null;
        if (t && accept(t) && found.length < limit) found.push(t);
      }
    }
    return found;
  };

  /**
   * Notes a ticket among its conversation's and its enterprise's newest (ticket_recent, by `_id`; at most
   * RECENT_MAX each). A conversation's messages are handled one at a time, so its list has one writer; an
   * enterprise's may lose a number to two conversations writing at once (FerretDB v1 updates are read-then-write),
   * which only means a duplicate goes unrecognised.
   */
  const noteRecent = async (t: Pick<Ticket, 'no' | 'platform' | 'chatId' | 'enterpriseId'>) => {
    for (const key of recentKeys(t.platform, t.chatId, t.enterpriseId)) {
      const nos = (await Recent.findById(key).lean())?.nos ?? [];
      if (nos.includes(t.no)) continue;
      const next = [...nos, t.no].sort((a, b) => a - b).slice(-RECENT_MAX);
      try {
        await Recent.updateOne({ _id: key }, { $set: { nos: next } }, { upsert: true });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        await Recent.updateOne({ _id: key }, { $set: { nos: next } });
      }
    }
  };

  /** Notes the number a source is given (two first upserts of one source can race: the loser updates). */
  const reserve = async (source: string, no: number) => {
    try {
      await Sources.updateOne({ _id: source }, { $set: { no } }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      await Sources.updateOne({ _id: source }, { $set: { no } });
    }
  };

  return {
    /** The SLA steps by due minute (`sla_due`): what the reconcile reads instead of querying nextDueAt. */
    due: createSlaDueIndex(conn),

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

    /** The ticket a source was given, read by `_id` only (ticket_sources, then the ticket); null when it has none yet. */
    async getBySource(sourceMessageId: string): Promise<Ticket | null> {
      return (await this.lookUpSource(sourceMessageId)).ticket;
    },

    /**
     * The number reserved for a source (null when none) and its ticket when made: what `insertNumbered` reads first,
     * so that a caller who looked may hand it over (`opts.reserved`) and save the read.
     */
    async lookUpSource(sourceMessageId: string): Promise<{ reserved: number | null; ticket: Ticket | null }> {
      const no = (await Sources.findById(sourceMessageId).lean())?.no ?? null;
      if (no === null) return { reserved: null, ticket: null };
      const t = await this.getByNo(no);
      return { reserved: no, ticket: t?.sourceMessageId === sourceMessageId ? t : null };
    },

    /** The highest number handed out so far (0 before the first ticket). */
    async lastNumber(): Promise<number> {
      return (await Counters.findById('ticket').lean())?.seq ?? 0;
    },

    /** Tickets by number, with their events, each read by `_id` (those that do not exist are left out). */
    async getManyByNo(nos: number[]): Promise<Ticket[]> {
      const out: Ticket[] = [];
      for (let i = 0; i < nos.length; i += 50) {
        const part = await Promise.all(nos.slice(i, i + 50).map((no) => Tickets.findById(no, { text: 0 }).lean()));
        for (const d of part) if (d) out.push(toTicket(d as Record<string, unknown>)!);
      }
      return out;
    },

    async getByNo(no: number): Promise<Ticket | null> {
      return toTicket((await Tickets.findById(no).lean()) as Record<string, unknown> | null);
    },

    /**
     * Gives `build(no)` the next free number and inserts it. A report has one ticket: when its source message
     * already has one, that ticket is returned. The number is reserved for the source first (`ticket_sources`, by
     * `_id`), so a retry after a crash takes the same one; a number taken by a concurrent insert (FerretDB can hand
     * one out twice, see nextNumber) is replaced by a fresh one. No query but by `_id` on the way, except after a
     * failed insert, to find a ticket older than `ticket_sources`.
     */
    async insertNumbered(
      sourceMessageId: string,
      build: (no: number) => Ticket,
      /** Runs before the insert (the due index is written first: a crash in between leaves a stale entry, not a gap). */
      beforeInsert?: (t: Ticket) => Promise<void>,
      /** The source's reservation as the caller just read it (`lookUpSource`): not read again. */
      opts: { reserved?: number | null } = {},
    ): Promise<{ ticket: Ticket; created: boolean }> {
      let reserved = opts.reserved !== undefined ? opts.reserved : ((await Sources.findById(sourceMessageId).lean())?.no ?? null);
      if (reserved !== null) {
        const existing = await this.getByNo(reserved);
        if (existing?.sourceMessageId === sourceMessageId) {
          // (a crash after the insert may have left it out of the recent lists)
          await noteRecent(existing);
          return { ticket: existing, created: false };
        }
        if (existing) reserved = null; // its number went to another source: a fresh one below
      }
      for (let attempt = 0; attempt < 50; attempt++) {
        let no = reserved;
        if (no === null) {
          no = await this.nextNumber();
          await reserve(sourceMessageId, no);
        }
        const ticket = build(no);
        await beforeInsert?.(ticket);
        try {
          await Tickets.create({ ...ticket, _id: ticket.no, version: 0 });
          await noteRecent(ticket);
          await changed(ticket.no);
          return { ticket: { ...ticket, version: 0 } as Ticket, created: true };
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          // this source already has its ticket (made before ticket_sources existed), or the number was taken
          const existing = await this.findBySource(sourceMessageId);
          if (existing) {
            await reserve(sourceMessageId, existing.no);
            return { ticket: existing, created: false };
          }
          reserved = null;
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
      if (r.matchedCount !== 1) return 'stale';
      await changed(no);
      return 'saved';
    },

    /**
     * Open tickets (not closed), optionally for one assignee or one enterprise, oldest first. With `overdueAt` (ISO
     * instant): only the 超期 ones then — in an open state, past the current answer deadline, not paused (isOverdue).
     */
    async listOpen(f: { assignee?: string; enterpriseId?: string; reporter?: string; overdueAt?: string; limit?: number } = {}): Promise<Ticket[]> {
      const q: Record<string, unknown> = { status: { $nin: [...FINISHED_STATUSES] } };
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

    /**
     * 待确认: open tickets whose category awaits a person's check (`awaitsTriage`), oldest first, and how many there
     * are; `memberOf`: only those assigned to the person or claimable by their task force or department (`team`).
     */
    async listTriage(f: { memberOf?: string; limit?: number } = {}): Promise<{ total: number; tickets: Ticket[] }> {
      const q: Record<string, unknown> = { needsTriage: true, status: { $in: [...OPEN_STATUSES] } };
      if (f.memberOf) q.$or = [{ 'assignee.personId': f.memberOf }, { team: f.memberOf }];
      const [total, docs] = await Promise.all([
        Tickets.countDocuments(q),
        Tickets.find(q, { events: 0 }).sort({ _id: 1 }).limit(f.limit ?? 20).lean(),
      ]);
      return { total, tickets: docs.map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] })) };
    },

    /**
     * 重复 and 回潮: this conversation's or this enterprise's tickets open and created since `openSince`, or answered
     * (待评价, 已办结) since `answeredSince`, newest first, at most `limit`, without events. Read by `_id` only: the
     * numbers from ticket_recent, then each ticket, checked against the query.
     */
    async listSimilarCandidates(f: { platform: string; chatId: string; enterpriseId: string | null; openSince: string; answeredSince: string; limit?: number }): Promise<Ticket[]> {
      const open = new Set<string>(OPEN_STATUSES);
      return recentTickets(recentKeys(f.platform, f.chatId, f.enterpriseId), f.limit ?? 50, (t) => {
        const whose = (t.platform === f.platform && t.chatId === f.chatId) || (!!f.enterpriseId && t.enterpriseId === f.enterpriseId);
        const when = (open.has(t.status) && t.createdAt >= f.openSince) || ((t.status === 'pending_rating' || t.status === 'closed') && !!t.resolvedAt && t.resolvedAt >= f.answeredSince);
        return whose && when;
      });
    },

    /**
     * A conversation's newest tickets (ticket_recent) in one of `statuses` (在办, 待评价 …), newest first, without
     * events: what a command said without its number may mean.
     */
    async listIn(f: { platform: string; chatId: string; statuses: readonly TicketStatus[]; limit?: number }): Promise<Ticket[]> {
      return recentTickets(recentKeys(f.platform, f.chatId, null), f.limit ?? 20, (t) => f.statuses.includes(t.status) && t.platform === f.platform && t.chatId === f.chatId);
    },

    /**
     * Tickets with an SLA step due by `before` (ISO), on the nextDueAt index. On MongoDB the cost follows what is due;
     * on FerretDB v1 it is a scan of every ticket, so the reconcile asks only at start and hourly (the due index
     * answers every minute) and uses it to fill that index.
     */
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
        { $or: [{ createdAt: { $gte: since } }, { status: { $nin: [...FINISHED_STATUSES] } }, { closedAt: { $gte: since } }, { resolvedAt: { $gte: since } }] },
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
      const docs = await Tickets.find(listFilter(f), { events: 0 })
        .sort({ _id: -1 })
        .limit(Math.min(f.limit ?? 200, 1000))
        .lean();
      return docs.map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] }));
    },

    async count(): Promise<number> {
      return Tickets.countDocuments();
    },

    /**
     * The same tickets as forDigest, with events only for those changed since `eventsSince`, read in one cursor pass
     * with the events and dropping the ones not needed as batches arrive: one collection scan on FerretDB v1 (where
     * forDigest's events by number cost a scan per thousand tickets), more bytes over the wire on MongoDB.
     */
    async forDigestOneRead(since: string, eventsSince: string, batchSize = 1000): Promise<Ticket[]> {
      const cursor = Tickets.find(
        { $or: [{ createdAt: { $gte: since } }, { status: { $nin: [...FINISHED_STATUSES] } }, { closedAt: { $gte: since } }, { resolvedAt: { $gte: since } }] },
        { text: 0 },
      )
        .lean()
        .cursor({ batchSize });
      const tickets: Ticket[] = [];
      for await (const d of cursor) {
        const t = toTicket(d as Record<string, unknown>)!;
        tickets.push(t.updatedAt >= eventsSince ? t : { ...t, events: [] });
      }
      return tickets;
    },

    /**
     * The ledger's tickets (with their events, without the message text) one at a time, by number, never the whole set
     * in memory: first the numbers that match (a cursor of numbers only, unsorted), then each ticket by `_id`, up to
     * `batchSize` (at most 50) at a time in number order. Not one sorted cursor: FerretDB v1 sorts the whole collection before it sends the first
     * batch (at 100,000 tickets longer than the driver's socket timeout). Breaking out of the loop stops the reads.
     */
    async *eachForLedger(q: TicketQuery, batchSize = 50): AsyncGenerator<Ticket> {
      const nos: number[] = [];
      const ids = Tickets.find(queryFilter(q), { _id: 1 }).lean().cursor({ batchSize: 5000 });
      try {
        for await (const d of ids) nos.push(d._id as number);
      } finally {
        await ids.close();
      }
      nos.sort((a, b) => a - b);
      // at most 50 reads at once: the connection pool is shared with everything else
      const step = Math.max(1, Math.min(batchSize, 50));
      for (let i = 0; i < nos.length; i += step) {
        const part = await Promise.all(nos.slice(i, i + step).map((no) => Tickets.findById(no, { text: 0 }).lean()));
        for (const d of part) if (d) yield toTicket(d as Record<string, unknown>)!;
      }
    },

    /**
     * Every ticket (with its events, without the message text), one at a time from a store cursor in the store's own
     * order: no sort, so that FerretDB v1 streams the first batch instead of sorting the whole collection first.
     */
    async *eachTicket(batchSize = 500): AsyncGenerator<Ticket> {
      const cursor = Tickets.find({}, { text: 0 }).lean().cursor({ batchSize });
      try {
        for await (const d of cursor) yield toTicket(d as Record<string, unknown>)!;
      } finally {
        await cursor.close();
      }
    },

    /**
     * A page of `list` (newest first) after an opaque cursor, and the cursor of the next page (null on the last).
     * The cursor is the last number handed out: the next page is `_id < it`, on the `_id` index on MongoDB (FerretDB v1
     * scans the collection for every page, as for any filter). PageCursorError for a cursor this list did not give.
     */
    async listPage(f: Omit<TicketFilter, 'limit'>, page: { cursor?: string; limit: number }): Promise<{ tickets: Ticket[]; nextCursor: string | null }> {
      const q = listFilter(f);
      if (page.cursor) q._id = { $lt: decodeCursor(page.cursor, 'tickets', ['number'])[0] };
      const docs = await Tickets.find(q, { events: 0 }).sort({ _id: -1 }).limit(page.limit + 1).lean();
      const tickets = docs.slice(0, page.limit).map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] }));
      return { tickets, nextCursor: docs.length > page.limit ? encodeCursor('tickets', [tickets.at(-1)!.no]) : null };
    },

    /**
     * `search` after an opaque cursor instead of an offset: the page after the row the cursor was made from (see
     * searchCursor), in the same order, and the cursor of the next page (null on the last). A row changed between
     * pages (its urgency or deadline) may move across the cursor; no row is handed out twice on one walk in a
     * fixed order. PageCursorError for a cursor of another sort or list.
     */
    async searchPage(q: TicketQuery, page: { sort: 'todo' | 'newest'; cursor?: string; limit: number }): Promise<{ total: number; tickets: Ticket[]; nextCursor: string | null }> {
      const filter = queryFilter(q);
      let after: Record<string, unknown> | null = null;
      if (page.cursor && page.sort === 'newest') after = { _id: { $lt: decodeCursor(page.cursor, 'search:newest', ['number'])[0] } };
      if (page.cursor && page.sort === 'todo') {
        const [urgency, due, no] = decodeCursor(page.cursor, 'search:todo', ['string', 'string|null', 'number']);
        // (urgency desc, resolutionDueAt asc — null first, as the store sorts it —, _id asc) after the cursor's row
        const laterDue = due === null ? { resolutionDueAt: { $ne: null } } : { resolutionDueAt: { $gt: due } };
        after = { $or: [{ urgency: { $lt: urgency } }, { urgency, ...laterDue }, { urgency, resolutionDueAt: due, _id: { $gt: no } }] };
      }
      const sort: Record<string, 1 | -1> = page.sort === 'todo' ? { urgency: -1, resolutionDueAt: 1, _id: 1 } : { _id: -1 };
      const limit = Math.min(page.limit, 200);
      const [total, docs] = await Promise.all([
        Tickets.countDocuments(filter),
        Tickets.find(after ? { $and: [filter, after] } : filter, { events: 0 }).sort(sort).limit(limit + 1).lean(),
      ]);
      const tickets = docs.slice(0, limit).map((d) => ({ ...toTicket(d as Record<string, unknown>)!, events: [] }));
      return { total, tickets, nextCursor: docs.length > limit ? searchCursor(page.sort, tickets.at(-1)!) : null };
    },
  };
}

export type TicketRepository = ReturnType<typeof createTicketRepository>;
