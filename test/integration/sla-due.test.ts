import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../config/policy.js';
import { slaReconcile } from '../../jobs/index.js';
import { MAX_MINUTES_PER_PASS, TRAIL_MINUTES } from '../../jobs/sla-reconcile.job.js';
import { defaultCalendar as cal } from '../../src/domain/calendar.js';
import { validateDirectory } from '../../src/domain/directory.js';
import { nextDueAt, pendingSteps } from '../../src/domain/sla.js';
import { buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import type { InboundMessage } from '../../src/messages/inbound.js';
import { idKey } from '../../src/queue/define-job.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { addMinutes, createSlaDueIndex, minuteOf } from '../../src/store/repositories/sla-due.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { callsOn } from '../helpers/db-calls.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { waitForDrain, wipeDeployment } from '../helpers/queue-drain.js';
import { sharedPath } from '../helpers/shared.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

/**
 * Monday 07:00 in Shanghai (before the digest time, so a pass's digest catch-up reads nothing); urgent tickets, so
 * every step time is kept as computed (no quiet hours).
 */
const T0 = new Date('2026-11-30T07:00:00+08:00');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const meta = { jobId: 't', attemptsMade: 0, progress: 0, setProgress: async () => {} };

let fake: FakePlatforms;
let store: Store;
let clock = T0;
const envs: { stop(): Promise<void> }[] = [];

/**
 * The index is followed here by the deadlines' own steps: no reminder before them (an urgent clock of a few hours is
 * reminded halfway; when is the unit tests' matter, test/unit/domain/sla.test.ts).
 */
const policy = { ...DEFAULT_POLICY, reminders: { ...DEFAULT_POLICY.reminders, beforeWorkingDays: 0 } };
function env(prefix: string, workers = true) {
  const e = startWorkerEnv({ store, apiBase: fake.base, prefix, now: () => clock, workers, policy });
  envs.push(e);
  return e;
}
/** One reconcile pass as the scheduler runs it (no `at`), or as a start asks for it (`at`). */
const pass = (e: ReturnType<typeof env>, start?: number) => slaReconcile.process(start === undefined ? {} : { at: start }, e.deps, meta);

let seq = 0;
/** A report opened through the ticket service (which files its steps), urgent, answer due at `due`. */
async function open(e: ReturnType<typeof env>, due: Date): Promise<Ticket> {
  const id = `m${++seq}`;
  const msg = { platform: 'wecom', eventId: id, chatId: 'wrkSFfCgAAyilong01', chatType: 'group', sender: { platform: 'wecom', id: 'chenjl', name: '陈经理' }, text: '用电扩容', mentions: [], sentAt: clock.toISOString() } as InboundMessage;
  const r = await e.deps.ticketService.openFromMessage(
    msg,
    { summary: `用电扩容 ${id}`, category: 'utilities', categoryConfidence: 1, urgency: 'urgent', requestedDate: null, resolutionDueAt: due.toISOString(), enterprise: null, parsedBy: 'rules' },
    clock.toISOString(),
  );
  return r.ticket;
}
const sentKeys = async (no: number) => ((await store.conn.collection('tickets').findOne({ _id: no as never }))?.slaSent ?? []) as string[];
const stepJob = (e: ReturnType<typeof env>, no: number, key: string) => e.producer.queues.sla.getJob(`sla-${no}-${idKey(key)}`);

beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterEach(async () => {
  while (envs.length) await envs.pop()!.stop();
  await store.conn.dropDatabase();
  await store.close();
});
afterAll(async () => {
  await fake.close();
});

describe('the SLA due index (sla_due): the reconcile reads buckets by _id, the tickets only when due', () => {
  async function freshStore(label: string) {
    store = await connectStore(testMongoUri(label));
    const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
    if (!v.ok) throw new Error('example directory invalid');
    await createDirectoryRepository(store.conn).replace(v.data, new Date());
    clock = T0;
  }

  it('two processes saving the first cursor at once both succeed (one of two first upserts of an _id can answer E11000)', async () => {
    await freshStore('due-cursor-race');
    const a = createSlaDueIndex(store.conn);
    const b = createSlaDueIndex(store.conn);
    for (let i = 0; i < 30; i++) {
      await store.conn.collection('sla_due').deleteMany({});
      const minute = minuteOf(at(i));
      await Promise.all([a.saveCursor({ minute }), b.saveCursor({ minute, scannedAt: at(i).toISOString() })]);
      expect(await a.cursor()).toEqual({ minute, scannedAt: at(i).toISOString() });
    }
  });

  it('a deadline moved (延期) is found at its new minute and not fired at the old one', async () => {
    await freshStore('due-extend');
    const prefix = testQueuePrefix();
    const e = env(prefix);
    const drained = () => waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length });
    await pass(e, 1); // a start: cursor set, tickets scanned (none yet)
    const t = await open(e, at(180));
    expect(t.nextDueAt).toBe(at(180).toISOString());
    const oldKey = `resolution-due@${at(180).toISOString()}`;
    const newKey = `resolution-due@${at(300).toISOString()}`;
    clock = at(10);
    const ext = await e.deps.ticketService.change(t.no, () => ({ type: 'extend', resolutionDueAt: at(300).toISOString(), reason: '企业补材料' }), {
      by: { platform: 'wecom', id: 'zhangwei', name: '张伟' }, at: clock.toISOString(), source: 'wecom:ext-1',
    });
    expect(ext.ok).toBe(true);
    // both minutes hold an entry now: the old one is stale (the index only gains entries)
    const bucketAt = async (d: Date) => (await store.conn.collection('sla_due').findOne({ _id: minuteOf(d) as never }))?.steps ?? [];
    expect((await bucketAt(at(180))).map((s: { key: string }) => s.key)).toEqual([oldKey]);
    expect((await bucketAt(at(300))).map((s: { key: string }) => s.key)).toEqual([newKey]);

    clock = at(180);
    expect(await pass(e)).toMatch(/1 steps found, 1 queued/);
    await drained();
    expect(await sentKeys(t.no)).toEqual([]);
    expect((await stepJob(e, t.no, oldKey))?.returnvalue).toBe('stale');

    clock = at(300);
    await pass(e);
    await expect.poll(() => sentKeys(t.no), { timeout: 20_000 }).toEqual([newKey]);
    await drained();
    expect(await sentKeys(t.no)).toEqual([newKey]);
  });

  it('a pass with nothing due reads no ticket: a few _id reads of the index, whatever the number of tickets', async () => {
    await freshStore('due-idle');
    const e = env(testQueuePrefix(), false);
    for (let i = 0; i < 5; i++) await open(e, at(600 + i * 30));
    await pass(e, 1);
    clock = at(1);
    const called: string[] = [];
    const tickets = new Proxy(e.deps.tickets, {
      get(target, p, r) {
        const v = Reflect.get(target, p, r);
        return typeof v === 'function' ? (...args: unknown[]) => (called.push(String(p)), v.apply(target, args)) : v;
      },
    });
    const { value: r, calls: made } = await callsOn(store.conn, () => slaReconcile.process({}, { ...e.deps, tickets }, meta));
    expect(r).toMatch(/^8 minutes read, 0 steps found, 0 queued/);
    const calls = made.map((c) => `${c.coll}.${c.method}`);
    expect(called).toEqual([]);
    expect(calls.filter((c) => c.startsWith('tickets.'))).toEqual([]);
    // the cursor, one bucket per minute from TRAIL_MINUTES back to the horizon, the cursor saved
    expect(calls.filter((c) => c.startsWith('sla_due.'))).toEqual([...Array(9).fill('sla_due.findOne'), 'sla_due.updateOne']);
    expect((await store.conn.collection('sla_due').findOne({ _id: 'sla-cursor' as never }))?.minute).toBe(addMinutes(minuteOf(clock), -TRAIL_MINUTES));
  });

  it('a cursor far behind is capped at a day of minutes; the scan it triggers catches what the index lacks', async () => {
    await freshStore('due-behind');
    const e = env(testQueuePrefix(), false);
    clock = at(0);
    await pass(e, 1);
    // tickets written around the service (an older version, by hand): overdue, nothing in the index
    const raw = (no: number, due: Date): Ticket => {
      const b = buildNewTicket(no, {
        platform: 'wecom', chatId: 'wrkSFfCgAAyilong01', reporter: { id: 'chenjl' }, text: '用电扩容', summary: `旧工单 ${no}`, category: 'utilities',
        categoryConfidence: 1, urgency: 'urgent', requestedDate: null, resolutionDueAt: due.toISOString(), enterprise: null,
        sourceMessageId: `wecom:old-${no}`, parsedBy: 'rules', now: new Date(due.getTime() - 7 * 86_400_000).toISOString(),
      });
      return { ...b, _id: no, nextDueAt: nextDueAt(b, cal, policy) } as Ticket;
    };
    await store.conn.collection('tickets').insertMany([raw(901, at(-2 * 1440)), raw(902, at(-1440 - 30))] as never[]);
    const fresh = await open(e, at(1));
    // the process was down for three days: the cursor is that far behind; the last scan was just now
    await store.conn.collection('sla_due').updateOne({ _id: 'sla-cursor' as never }, { $set: { minute: minuteOf(at(-3 * 1440)), scannedAt: at(0).toISOString() } });
    const r = await pass(e);
    expect(r).toMatch(new RegExp(`^${MAX_MINUTES_PER_PASS} minutes read`));
    // the scan finds the two old tickets (and the fresh one, already in the index)
    expect(r).toMatch(/scanned \(cursor 4320 minutes behind\): 3 tickets/);
    for (const no of [901, 902]) {
      const t = (await e.deps.tickets.getByNo(no))!;
      const due = pendingSteps(t, cal, policy).filter((s) => Date.parse(s.at) <= clock.getTime());
      expect(due.length).toBeGreaterThan(0);
      for (const s of due) expect(await stepJob(e, no, s.key), `${no} ${s.key}`).toBeTruthy();
    }
    expect(await stepJob(e, fresh.no, `resolution-due@${at(1).toISOString()}`)).toBeTruthy();
    // the skipped stretch's buckets are gone; the cursor is back near now
    expect(await store.conn.collection('sla_due').countDocuments({ _id: { $lt: minuteOf(at(-1440)) } as never })).toBe(0);
    expect((await store.conn.collection('sla_due').findOne({ _id: 'sla-cursor' as never }))?.minute).toBe(addMinutes(minuteOf(clock), -TRAIL_MINUTES));
  });

  it('Redis losing every key loses no step: the cursor is in the store, the next scheduled pass queues the step again', async () => {
    await freshStore('due-wipe');
    const prefix = testQueuePrefix();
    const a = env(prefix, false);
    await pass(a, 1);
    const t = await open(a, at(1.5));
    const key = `resolution-due@${at(1.5).toISOString()}`;
    expect(await pass(a)).toMatch(/1 queued$/);
    expect(await (await stepJob(a, t.no, key))?.isDelayed()).toBe(true);
    await a.stop();
    envs.pop();
    const r = new Redis(testRedisUrl());
    await wipeDeployment(r, prefix);
    r.disconnect();
    // a process on the wiped Redis (no start, no scan: the cursor and the last scan are in the store)
    clock = at(1.5);
    const b = env(prefix);
    expect(await pass(b)).toMatch(/^\d+ minutes read, 1 steps found, 1 queued$/);
    await expect.poll(() => sentKeys(t.no), { timeout: 20_000 }).toEqual([key]);
    await waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length });
    expect(await sentKeys(t.no)).toEqual([key]);
  });
});
