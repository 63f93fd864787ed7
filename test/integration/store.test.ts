import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../config/policy.js';
import { createTicketService } from '../../src/bot/ticket-service.js';
import { defaultCalendar } from '../../src/domain/calendar.js';
import type { InboundMessage } from '../../src/messages/inbound.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createInboundRepository } from '../../src/store/repositories/inbound.repository.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { testMongoUri } from '../helpers/env.js';
import { callsOn } from '../helpers/db-calls.js';

let store: Store;
beforeAll(async () => {
  store = await connectStore(testMongoUri('store'));
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
});

const msg = (eventId: string): InboundMessage => ({
  platform: 'wecom',
  eventId,
  chatId: 'wrkGroup1',
  chatType: 'group',
  sender: { platform: 'wecom', id: 'chenjl' },
  text: '我们用电扩容申请一个月了还没批下来',
  mentions: [],
  sentAt: '2026-11-23T01:30:00.000Z',
});

const fields = {
  summary: '用电扩容申请未批',
  category: 'utilities' as const,
  categoryConfidence: 0.9,
  urgency: 'normal' as const,
  requestedDate: null,
  resolutionDueAt: '2026-11-30T01:30:00.000Z',
  enterprise: null,
  parsedBy: 'rules' as const,
};

describe('intake ledger and tickets on a real MongoDB-wire server', () => {
  it('stores a message once; a repeated delivery is a duplicate and changes nothing', async () => {
    const inbound = createInboundRepository(store.conn);
    expect(await inbound.store(msg('m-dup'), { raw: 1 }, new Date())).toBe('stored');
    expect(await inbound.store(msg('m-dup'), { raw: 2 }, new Date())).toBe('duplicate');
    expect(await inbound.count({ platform: 'wecom' })).toBe(1);
  });

  it('a message read back is the message stored: a field left out (a sender without a name) does not come back as null', async () => {
    const inbound = createInboundRepository(store.conn);
    const m: InboundMessage = { ...msg('m-unnamed'), sender: { platform: 'dingtalk', id: '0522002', name: undefined } };
    await inbound.store(m, {}, new Date());
    const back = (await inbound.get('wecom', 'm-unnamed'))!.message;
    expect(back.sender).toEqual({ platform: 'dingtalk', id: '0522002' });
    expect(back.sender.name).toBeUndefined();
  });

  it('numbers concurrent reports from different messages with distinct, consecutive numbers', async () => {
    const tickets = createTicketRepository(store.conn);
    const service = createTicketService({ tickets, withLock: (_k, fn) => fn(), calendar: defaultCalendar, policy: DEFAULT_POLICY });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => service.openFromMessage(msg(`m-par-${i}`), fields, '2026-11-23T01:30:00.000Z')),
    );
    const nums = results.map((r) => r.ticket.no);
    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(nums).size).toBe(20);
    expect(Math.max(...nums) - Math.min(...nums)).toBe(19);
    expect(await tickets.count()).toBe(20);
  });

  it('a report opened twice, even concurrently (a retried job), is one ticket', async () => {
    const tickets = createTicketRepository(store.conn);
    const service = createTicketService({ tickets, withLock: (_k, fn) => fn(), calendar: defaultCalendar, policy: DEFAULT_POLICY });
    const m = msg('m-twice');
    const [a, b] = await Promise.all([service.openFromMessage(m, fields, m.sentAt), service.openFromMessage(m, fields, m.sentAt)]);
    expect(a.ticket.no).toBe(b.ticket.no);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    const again = await service.openFromMessage(m, fields, m.sentAt);
    expect(again).toMatchObject({ created: false, ticket: { no: a.ticket.no } });
    expect(await tickets.findBySource('wecom:m-twice')).toMatchObject({ no: a.ticket.no, status: 'accepted' });
    expect(await tickets.count()).toBe(21);
  });

  it('makes a report\'s ticket reading the store by _id only (no query of tickets by source: a full scan on FerretDB)', async () => {
    const tickets = createTicketRepository(store.conn);
    const service = createTicketService({ tickets, withLock: (_k, fn) => fn(), calendar: defaultCalendar, policy: DEFAULT_POLICY });
    const { calls } = await callsOn(store.conn, async () => {
      const m = msg('m-by-id');
      const first = await service.openFromMessage(m, fields, m.sentAt);
      const again = await service.openFromMessage(m, fields, m.sentAt);
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, ticket: { no: first.ticket.no } });
    });
    const queries = calls.map((c) => ({ coll: c.coll, method: c.method, filter: c.args[0] }));
    const reads = queries.filter((q) => /^find/.test(q.method) || q.method === 'countDocuments');
    expect(reads.length).toBeGreaterThan(0);
    for (const q of reads) expect(Object.keys((q.filter ?? {}) as object), `${q.coll}.${q.method} ${JSON.stringify(q.filter)}`).toEqual(['_id']);
  });

  it('reads a report\'s source once: the reservation read for "did this message make a ticket?" is handed to the opening', async () => {
    const tickets = createTicketRepository(store.conn);
    const service = createTicketService({ tickets, withLock: (_k, fn) => fn(), calendar: defaultCalendar, policy: DEFAULT_POLICY });
    const { value: opened, calls: queries } = await callsOn(store.conn, async () => {
      const m = msg('m-source-once');
      expect(await service.ofMessage(m)).toBeNull();
      return service.openFromMessage(m, fields, m.sentAt);
    });
    expect(opened.created).toBe(true);
    expect(queries.filter((q) => q.coll === 'ticket_sources' && /^find/.test(q.method))).toHaveLength(1);
    // and a retry that finds the ticket made goes on with it
    const again = msg('m-source-once');
    expect((await service.ofMessage(again))?.no).toBe(opened.ticket.no);
    expect(await service.openFromMessage(again, fields, again.sentAt)).toMatchObject({ created: false, ticket: { no: opened.ticket.no } });
  });

  it('reads the candidates of 重复 and 回潮 by _id only (ticket_recent, then each ticket), and checks each against the query', async () => {
    const tickets = createTicketRepository(store.conn);
    const service = createTicketService({ tickets, withLock: (_k, fn) => fn(), calendar: defaultCalendar, policy: DEFAULT_POLICY });
    const inChat = (id: string, chatId: string) => ({ ...msg(id), chatId });
    const a = await service.openFromMessage(inChat('m-rec-1', 'wrkRecent'), fields, '2026-11-20T01:30:00.000Z');
    const b = await service.openFromMessage(inChat('m-rec-2', 'wrkRecent'), fields, '2026-11-23T01:30:00.000Z');
    await service.openFromMessage(inChat('m-rec-3', 'wrkElsewhere'), fields, '2026-11-23T01:30:00.000Z');
    const { value: found, calls } = await callsOn(store.conn, () =>
      tickets.listSimilarCandidates({ platform: 'wecom', chatId: 'wrkRecent', enterpriseId: null, openSince: '2026-11-21T00:00:00.000Z', answeredSince: '2026-09-01T00:00:00.000Z' }),
    );
    const queries = calls.map((c) => ({ coll: c.coll, method: c.method, filter: c.args[0] }));
    // the newest first; #a is older than the window for open tickets; the other conversation's is not here
    expect(found.map((t) => t.no)).toEqual([b.ticket.no]);
    expect(a.ticket.no).toBeLessThan(b.ticket.no);
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) expect(Object.keys((q.filter ?? {}) as object), `${q.coll}.${q.method} ${JSON.stringify(q.filter)}`).toEqual(['_id']);
  });

  it('a retry after a crash between reserving a number and inserting the ticket takes the same number', async () => {
    const tickets = createTicketRepository(store.conn);
    const service = createTicketService({ tickets, withLock: (_k, fn) => fn(), calendar: defaultCalendar, policy: DEFAULT_POLICY });
    const m = msg('m-reserved');
    const no = await tickets.nextNumber();
    await store.conn.collection('ticket_sources').insertOne({ _id: 'wecom:m-reserved' as never, no });
    const r = await service.openFromMessage(m, fields, m.sentAt);
    expect(r).toMatchObject({ created: true, ticket: { no } });
    expect(await tickets.nextNumber()).toBe(no + 1);
  });

  it('a ticket made before ticket_sources existed is found again, not made twice', async () => {
    const tickets = createTicketRepository(store.conn);
    const service = createTicketService({ tickets, withLock: (_k, fn) => fn(), calendar: defaultCalendar, policy: DEFAULT_POLICY });
    const m = msg('m-legacy');
    const made = await service.openFromMessage(m, fields, m.sentAt);
    await store.conn.collection('ticket_sources').deleteOne({ _id: 'wecom:m-legacy' as never });
    const again = await service.openFromMessage(m, fields, m.sentAt);
    expect(again).toMatchObject({ created: false, ticket: { no: made.ticket.no } });
    expect(await store.conn.collection('tickets').countDocuments({ sourceMessageId: 'wecom:m-legacy' })).toBe(1);
    expect((await store.conn.collection('ticket_sources').findOne({ _id: 'wecom:m-legacy' as never }))?.no).toBe(made.ticket.no);
  });

  it('stores concurrent deliveries together and reports each duplicate on its own (group commit)', async () => {
    const inbound = createInboundRepository(store.conn);
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => inbound.store(msg(`m-batch-${i}`), {}, new Date())),
      inbound.store(msg('m-batch-3'), {}, new Date()),
      inbound.store(msg('m-batch-7'), {}, new Date()),
    ]);
    expect(results.filter((r) => r === 'stored')).toHaveLength(30);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(2);
    expect(await store.conn.collection('inbound_messages').countDocuments({ eventId: /^m-batch-/ })).toBe(30);
  });

  it('lists unprocessed messages for the recovery sweep, and not processed ones', async () => {
    const inbound = createInboundRepository(store.conn);
    await inbound.store(msg('m-pending'), {}, new Date(Date.now() - 120_000));
    await inbound.store(msg('m-done'), {}, new Date(Date.now() - 120_000));
    await inbound.markProcessed('wecom', 'm-done', 'ok', new Date());
    const keys = (await inbound.listUnprocessed(new Date())).map((k) => k.eventId);
    expect(keys).toContain('m-pending');
    expect(keys).not.toContain('m-done');
  });

  it('filters tickets by status, enterprise and creation time', async () => {
    const tickets = createTicketRepository(store.conn);
    const all = await tickets.list();
    expect(all.length).toBeGreaterThan(0);
    expect(await tickets.list({ status: 'closed' })).toEqual([]);
    expect(await tickets.list({ enterprise: 'nobody' })).toEqual([]);
    expect((await tickets.list({ since: '2000-01-01T00:00:00Z' })).length).toBe(all.length);
    expect(await tickets.list({ since: '2999-01-01T00:00:00Z' })).toEqual([]);
    expect(await tickets.getByNo(999_999)).toBeNull();
  });
});
