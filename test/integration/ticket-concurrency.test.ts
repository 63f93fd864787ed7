import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../config/policy.js';
import { createTicketService } from '../../src/bot/ticket-service.js';
import { defaultCalendar } from '../../src/domain/calendar.js';
import type { InboundMessage } from '../../src/messages/inbound.js';
import { createLocker, type WithLock } from '../../src/queue/lock.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createTicketRepository, type TicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';

let store: Store;
const redis = new Redis(testRedisUrl());
beforeAll(async () => {
  store = await connectStore(testMongoUri('ticketcc'));
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  redis.disconnect();
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
  resolutionDue: '2026-11-30',
  resolutionDueAt: '2026-11-30T01:30:00.000Z',
  enterprise: null,
  parsedBy: 'rules' as const,
};
const by = (id: string) => ({ platform: 'wecom' as const, id, name: id, personId: id });
const ctx = (id: string, source: string) => ({ by: by(id), at: '2026-11-23T02:00:00.000Z', source });

function service(tickets: TicketRepository, withLock: WithLock) {
  return createTicketService({ tickets, withLock, calendar: defaultCalendar, policy: DEFAULT_POLICY });
}

describe('concurrent changes to one ticket', () => {
  it('keeps both changes when the first one outlasts the lock ttl (the lock is renewed; the version guards the write)', async () => {
    const base = createTicketRepository(store.conn);
    const { ticket } = await service(base, createLocker(redis, testQueuePrefix())).openFromMessage(msg('cc-slow'), fields, '2026-11-23T01:30:00.000Z');
    // the first read is slow (a slow store): the first change holds the ticket three times as long as the lock's ttl
    let reads = 0;
    const slow: TicketRepository = {
      ...base,
      getByNo: async (no) => {
        const t = await base.getByNo(no);
        if (reads++ === 0) await new Promise((r) => setTimeout(r, 1000));
        return t;
      },
    };
    const locker = createLocker(redis, testQueuePrefix());
    const shortLock: WithLock = (key, fn, opts) => locker(key, fn, { ...opts, ttlMs: 300 });
    const svc = service(slow, shortLock);
    const first = svc.change(ticket.no, () => ({ type: 'urge', note: '请尽快' }), ctx('leader1', 'wecom:cc-urge'));
    await new Promise((r) => setTimeout(r, 100));
    const second = svc.change(ticket.no, () => ({ type: 'claim' }), ctx('cadre1', 'wecom:cc-claim'));
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok && b.ok).toBe(true);
    const t = (await base.getByNo(ticket.no))!;
    expect(t.events.map((e) => e.type).filter((x) => x !== 'accepted').sort()).toEqual(['claim', 'urge']);
    expect(t.urgeCount).toBe(1); // the urge's field
    expect(t.status).toBe('in_progress'); // the claim's fields
    expect(t.claimedAt).toBe('2026-11-23T02:00:00.000Z');
    expect(t.assignee?.personId).toBe('cadre1');
  });

  it('30 concurrent changes to one ticket on this store: every event and every count kept', async () => {
    const tickets = createTicketRepository(store.conn);
    const svc = service(tickets, createLocker(redis, testQueuePrefix()));
    const { ticket } = await svc.openFromMessage(msg('cc-many'), fields, '2026-11-23T01:30:00.000Z');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => svc.change(ticket.no, () => ({ type: 'urge', note: `第${i}次` }), ctx(`p${i}`, `wecom:cc-many-${i}`))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const t = (await tickets.getByNo(ticket.no))!;
    expect(t.urgeCount).toBe(30);
    expect(t.events.filter((e) => e.type === 'urge')).toHaveLength(30);
    expect((t as typeof t & { version: number }).version).toBe(30);
  });
});
