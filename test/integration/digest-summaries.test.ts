import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import { buildDigest, periodOf, stockAt, type PeriodRange } from '../../src/domain/digest.js';
import { Directory, validateDirectory } from '../../src/domain/directory.js';
import { buildNewTicket, CATEGORIES, type Category, type Ticket, type TicketEvent, type TicketStatus } from '../../src/domain/ticket.js';
import { createDigestFolder } from '../../src/digest/digest-fold.js';
import { createDigestService } from '../../src/digest/digest-service.js';
import { createLocker } from '../../src/queue/lock.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDigestSummaryRepository } from '../../src/store/repositories/digest-summary.repository.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { callsOn } from '../helpers/db-calls.js';
import { sharedPath } from '../helpers/shared.js';

const TZ = 'Asia/Shanghai';
const L = (local: string) => new Date(`${local}+08:00`).toISOString();
const HOUR = 3_600_000;
const at = (base: string, hours: number) => new Date(Date.parse(base) + hours * HOUR).toISOString();

/** Weekdays on, weekends off, for the whole window: the test does not depend on which years a data package has. */
function fixedCalendar(from: string, to: string): BusinessCalendar {
  const overrides: Record<string, boolean> = {};
  for (let x = new Date(`${from}T00:00:00Z`); x <= new Date(`${to}T00:00:00Z`); x = new Date(x.getTime() + 86_400_000)) {
    overrides[x.toISOString().slice(0, 10)] = x.getUTCDay() !== 0 && x.getUTCDay() !== 6;
  }
  return new BusinessCalendar({ timezone: TZ, overrides });
}
const cal = fixedCalendar('2025-11-01', '2027-01-31');
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('bad directory');
const dir = new Directory(v.data);
const people = [{ personId: 'zhangwei', name: '张伟' }, { personId: 'wangfang', name: '王芳' }];
const NOW = L('2026-12-10T15:20:00');

/** A deterministic stream of numbers in [0, 1). */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/**
 * A ticket that went through its life up to `stage`, with the events and fields the bot writes: dispatched, claimed
 * (in time or late), answered, rated (well or badly), reopened, or closed as not a problem.
 */
function lifeOf(no: number, created: string, stage: number, r: () => number): Ticket {
  const cats = Object.keys(CATEGORIES) as Category[];
  const base = buildNewTicket(no, {
    platform: 'wecom', chatId: `g${no % 7}`, reporter: { id: `r${no}` }, text: `问题${no}`, summary: `问题${no}`, category: cats[no % cats.length]!,
    categoryConfidence: r() < 0.2 ? 0.3 : 1, urgency: 'normal', requestedDate: null, resolutionDueAt: at(created, 24 * (2 + Math.floor(r() * 8))),
    enterprise: `企业${no % 11}`, sourceMessageId: `wecom:s${no}`, parsedBy: 'rules', now: created,
  });
  const who = people[no % 2]!;
  const events: TicketEvent[] = [{ ...base.events[0]!, data: { ...base.events[0]!.data, to_status: 'accepted' } }];
  const ev = (type: string, when: string, to: TicketStatus, by?: string) =>
    events.push({ type, at: when, data: { to_status: to }, ...(by ? { by: { platform: 'wecom' as const, id: by, personId: by } } : {}) });
  let t: Ticket = { ...base };
  if (stage === -1) {
    ev('dismiss', at(created, 1), 'dismissed', 'zhangwei');
    return { ...t, status: 'dismissed', events, updatedAt: events.at(-1)!.at };
  }
  if (stage >= 1) {
    const d = at(created, 1);
    ev('dispatch', d, 'pending_claim');
    t = { ...t, status: 'pending_claim', assignee: who, dispatchedAt: d, responseDueAt: at(d, 20) };
  }
  if (stage >= 2) {
    const c = at(created, r() < 0.7 ? 3 : 30);
    ev('claim', c, 'in_progress', who.personId);
    t = { ...t, status: 'in_progress', claimedAt: c };
  }
  if (stage >= 3) {
    const a = at(created, 24 * (1 + Math.floor(r() * 12)));
    ev('resolve', a, 'pending_rating', who.personId);
    t = { ...t, status: 'pending_rating', resolvedAt: a, outcome: r() < 0.7 ? 'resolved' : r() < 0.5 ? 'partial' : 'explained' };
  }
  if (stage >= 4) {
    const rt = at(t.resolvedAt!, 5);
    const level = r() < 0.75 ? 'satisfied' : 'dissatisfied';
    const bad = level === 'dissatisfied';
    ev('rate', rt, bad ? 'in_progress' : 'closed');
    t = { ...t, status: bad ? 'in_progress' : 'closed', closedAt: bad ? null : rt, reopenCount: bad ? 1 : 0, rating: { level, at: rt, by: { platform: 'wecom', id: `r${no}` }, assigneePersonId: who.personId } };
  }
  return { ...t, events, updatedAt: events.at(-1)!.at };
}

let store: Store;
let redis: Redis;
const prefix = testQueuePrefix();
const log = createLogger('silent');

beforeAll(async () => {
  store = await connectStore(testMongoUri('digest-summaries'));
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  redis.disconnect();
});

function setUp(label: string) {
  const p = `${prefix}:${label}`;
  const withLock = createLocker(redis, p);
  const summaries = createDigestSummaryRepository(store.conn);
  let folder: ReturnType<typeof createDigestFolder> | undefined;
  const tickets = createTicketRepository(store.conn, { onChange: (no) => folder!.mark(no) });
  folder = createDigestFolder({ summaries, tickets, redis, prefix: p, withLock, timezone: TZ, log });
  const directories = createDirectoryRepository(store.conn);
  const digests = createDigestService({ tickets, directories, calendar: cal, timezone: TZ, summaries: { folder, repo: summaries }, now: () => new Date(NOW) });
  return { tickets, folder, summaries, digests };
}

/** Every ticket with its events, straight from the store: what the full recount reads. */
async function allTickets(): Promise<Ticket[]> {
  const docs = await store.conn.collection('tickets').find({}).sort({ _id: 1 }).toArray();
  return docs.map(({ _id, version, ...t }) => (void _id, void version, t as unknown as Ticket));
}

/** The periods asked for: running ones (as of now), past ones (at their end), and the 08:30 digests. */
function cases(): { name: string; range: PeriodRange; at: string; openAt?: string }[] {
  const out: { name: string; range: PeriodRange; at: string; openAt?: string }[] = [];
  for (const kind of ['day', 'week', 'month', 'year'] as const) out.push({ name: `this ${kind}`, range: periodOf(kind, '2026-12-10', TZ), at: NOW });
  for (const [kind, date] of [['day', '2026-12-09'], ['day', '2026-11-25'], ['week', '2026-11-30'], ['week', '2026-11-16'], ['month', '2026-11-15'], ['month', '2026-10-15']] as const) {
    const range = periodOf(kind, date, TZ);
    out.push({ name: `${kind} of ${date}`, range, at: NOW });
  }
  // the 08:30 digest of the day before, its stock read when it is sent
  const d = periodOf('day', '2026-12-09', TZ);
  out.push({ name: '08:30 of 12-10', range: d, at: L('2026-12-10T08:30:00'), openAt: L('2026-12-10T08:30:00') });
  return out;
}

describe('the digest from per-day summaries (issue 18)', () => {
  it('gives the same digest as a full recount, for running and past days, weeks, months and the year, as tickets change', async () => {
    const { tickets, folder, digests } = setUp('same');
    const r = rng(42);
    await folder.rebuild();
    const made: Ticket[] = [];
    // 160 tickets over the ten weeks before now, at every stage of their life
    for (let no = 1; no <= 160; no++) {
      const created = at(L('2026-10-01T09:00:00'), no * 10.3);
      if (created > NOW) break;
      const stage = r() < 0.05 ? -1 : Math.floor(r() * 5);
      const t = lifeOf(no, created, stage, r);
      const later = [t.updatedAt, ...t.events.map((e) => e.at)].sort().at(-1)!;
      if (later > NOW) continue;
      made.push((await tickets.insertNumbered(t.sourceMessageId, (n) => ({ ...t, no: n }))).ticket);
    }
    expect(made.length).toBeGreaterThan(100);
    // folded, then changed again: answered tickets get their rating, one 差评 reopens its ticket
    await folder.catchUp();
    let changed = 0;
    for (const t of made.filter((x) => x.status === 'pending_rating').slice(0, 12)) {
      const cur = (await tickets.getByNo(t.no))!;
      const when = at(cur.resolvedAt!, 2);
      if (when > NOW) continue;
      const bad = changed % 4 === 3;
      const next: Ticket = {
        ...cur,
        status: bad ? 'in_progress' : 'closed',
        closedAt: bad ? null : when,
        reopenCount: bad ? 1 : 0,
        rating: { level: bad ? 'dissatisfied' : 'very_satisfied', at: when, by: { platform: 'wecom', id: 'r' }, assigneePersonId: cur.assignee?.personId ?? null },
        updatedAt: when,
      };
      expect(await tickets.saveTransition(next, { type: 'rate', at: when, data: { to_status: next.status } })).toBe('saved');
      changed++;
    }
    expect(changed).toBeGreaterThan(5);

    const compareAll = async (round: string) => {
      const all = await allTickets();
      for (const c of cases()) {
        const fromSummaries = await digests.build(c.range, new Date(c.at), c.openAt ? { openAt: new Date(c.openAt) } : {});
        const recount = buildDigest(all, c.range, c.at < c.range.end ? c.at : c.range.end, cal, dir, TZ, { openAt: c.openAt });
        expect(fromSummaries, `${round}: ${c.name}`).toEqual(recount);
      }
    };
    // the first time the previous periods' stock is read back and kept; the second time it is read from those snapshots
    await compareAll('first');
    expect(await store.conn.collection('digest_stock').countDocuments()).toBeGreaterThan(3);
    await compareAll('with snapshots');
    // a ticket open back then, closed now as not a problem, leaves every past figure: the snapshots no longer hold
    const open = (await allTickets()).find((t) => t.status === 'in_progress' && t.createdAt < L('2026-11-01T00:00:00'))!;
    expect(open).toBeDefined();
    const cur = (await tickets.getByNo(open.no))!;
    expect(await tickets.saveTransition({ ...cur, status: 'dismissed', updatedAt: NOW }, { type: 'dismiss', at: NOW, data: { to_status: 'dismissed' } })).toBe('saved');
    await compareAll('after a dismissal');
    // and the figures are not all zero: the comparison compares something
    const month = await digests.build(periodOf('month', '2026-11-15', TZ), new Date(NOW));
    expect(month.numbers.newTickets).toBeGreaterThan(30);
    expect(month.numbers.answered).toBeGreaterThan(5);
    expect(month.satisfaction.period.rated).toBeGreaterThan(3);
    expect(month.responseRate.due).toBeGreaterThan(10);
    expect(month.solveRate.solved).toBeGreaterThan(3);
    expect((await folder.check()).differing).toEqual([]);
  }, 120_000);

  it('the nightly job keeps the stock at the start of today, as a recount reads it', async () => {
    const { digests } = setUp('same');
    const midnight = L('2026-12-10T00:00:00');
    await store.conn.collection('digest_stock').deleteOne({ _id: midnight as never });
    expect(await digests.keepTodaysStock()).toBe(true);
    expect(await digests.keepTodaysStock()).toBe(false);
    const kept = await store.conn.collection('digest_stock').findOne({ _id: midnight as never });
    expect(kept?.stock).toEqual(stockAt(await allTickets(), midnight, cal));
    expect(kept?.stock.open).toBeGreaterThan(5);
  });

  it('counts a 签收 missed today once the previous stock is kept, though the ticket was closed since (found trying the product: 响应率 50% then 100% minutes later)', async () => {
    const { tickets, folder, digests } = setUp('same');
    await folder.catchUp();
    const created = L('2026-12-10T09:00:00');
    const base = buildNewTicket(900, {
      platform: 'wecom', chatId: 'g1', reporter: { id: 'r900' }, text: '签收晚了', summary: '签收晚了', category: 'utilities', categoryConfidence: 1,
      urgency: 'normal', requestedDate: null, resolutionDueAt: L('2026-12-15T09:00:00'), enterprise: '企业1', sourceMessageId: 'wecom:late-claim', parsedBy: 'rules', now: created,
    });
    const by = { platform: 'wecom' as const, id: 'zhangwei', personId: 'zhangwei' };
    const events: TicketEvent[] = [
      { ...base.events[0]!, data: { ...base.events[0]!.data, to_status: 'accepted' } },
      { type: 'dispatch', at: created, data: { to_status: 'pending_claim' } },
      { type: 'claim', at: L('2026-12-10T12:30:00'), by, data: { to_status: 'in_progress' } },
      { type: 'resolve', at: L('2026-12-10T13:00:00'), by, data: { to_status: 'pending_rating' } },
      { type: 'rate', at: L('2026-12-10T14:00:00'), data: { to_status: 'closed' } },
    ];
    const late: Ticket = {
      ...base, status: 'closed', assignee: people[0]!, dispatchedAt: created, responseDueAt: L('2026-12-10T10:30:00'), claimedAt: L('2026-12-10T12:30:00'),
      resolvedAt: L('2026-12-10T13:00:00'), outcome: 'resolved', closedAt: L('2026-12-10T14:00:00'),
      rating: { level: 'satisfied', at: L('2026-12-10T14:00:00'), by: { platform: 'wecom', id: 'r900' }, assigneePersonId: 'zhangwei' }, events, updatedAt: L('2026-12-10T14:00:00'),
    };
    await tickets.insertNumbered(late.sourceMessageId, (n) => ({ ...late, no: n }));
    await folder.catchUp();
    const today = periodOf('day', '2026-12-10', TZ);
    await store.conn.collection('digest_stock').deleteMany({});
    const recount = buildDigest(await allTickets(), today, NOW, cal, dir, TZ, {});
    expect(recount.responseRate.due - recount.responseRate.onTime).toBeGreaterThan(0);
    // the first digest reads the previous stock back and keeps it; the second reads the kept one
    expect((await digests.build(today, new Date(NOW))).responseRate).toEqual(recount.responseRate);
    expect(await store.conn.collection('digest_stock').countDocuments()).toBeGreaterThan(0);
    expect((await digests.build(today, new Date(NOW))).responseRate).toEqual(recount.responseRate);
  });

  it('reads the store by _id only while building a digest from the summaries', async () => {
    const { digests } = setUp('same');
    const { calls } = await callsOn(store.conn, async () => {
      for (const c of cases()) await digests.build(c.range, new Date(c.at), c.openAt ? { openAt: new Date(c.openAt) } : {});
    });
    const queries = calls.map((c) => ({ coll: c.coll, method: c.method, filter: c.args[0] }));
    const reads = queries.filter((q) => /^find/.test(q.method) || q.method === 'countDocuments');
    expect(reads.length).toBeGreaterThan(10);
    for (const q of reads) expect(Object.keys((q.filter ?? {}) as object), `${q.coll}.${q.method} ${JSON.stringify(q.filter)}`).toEqual(['_id']);
  });

  it('a change the summaries were not told of is found by the check, and repaired', async () => {
    const { folder, tickets } = setUp('same');
    let t = (await tickets.getByNo(1))!;
    for (let no = 2; t.status === 'dismissed'; no++) t = (await tickets.getByNo(no))!;
    // written straight into the store, without the mark the repository makes
    await store.conn.collection('tickets').updateOne({ _id: t.no as never }, { $set: { status: 'dismissed', updatedAt: NOW } });
    const found = await folder.check();
    expect(found.differing.length).toBeGreaterThan(0);
    const onItsDay = found.differing.find((d) => d.key === 'new')!;
    expect(onItsDay.recounted).toBe(onItsDay.stored - 1);
    const repaired = await folder.check({ repair: true });
    expect(repaired.repaired).toBe(true);
    expect((await folder.check()).differing).toEqual([]);
    await store.conn.collection('tickets').updateOne({ _id: t.no as never }, { $set: { status: t.status, updatedAt: t.updatedAt } });
    await folder.rebuild();
  });

  it('a Redis that lost the change marks makes the summaries unready until they are rebuilt', async () => {
    const { folder, digests } = setUp('same');
    expect(await folder.ready()).toBe(true);
    await redis.del(`${prefix}:same:digest:epoch`);
    expect(await folder.ready()).toBe(false);
    // the digest still answers (a rebuild first), and the same as before
    const before = buildDigest(await allTickets(), periodOf('week', '2026-12-10', TZ), NOW, cal, dir, TZ);
    expect(await digests.build(periodOf('week', '2026-12-10', TZ), new Date(NOW))).toEqual(before);
    expect(await folder.ready()).toBe(true);
  });
});

describe('the stock snapshot of an instant', () => {
  it('is saved by requests racing for the same instant without a duplicate-key error (a dashboard loaded twice at once got 503)', async () => {
    const summaries = createDigestSummaryRepository(store.conn);
    const instant = L('2026-12-10T15:21:00');
    const stock = stockAt([], instant, cal);
    const saves = await Promise.allSettled(Array.from({ length: 12 }, () => summaries.saveStock(instant, 7, stock)));
    expect(saves.filter((s) => s.status === 'rejected')).toEqual([]);
    expect(await summaries.stock(instant, 7)).toEqual(stock);
  });
});
