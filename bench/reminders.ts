/**
 * Reminders at scale: 100,000 open tickets whose next SLA step is spread over 30 days, a share of them due at one
 * minute. Three reconcile passes (the real job) are timed, each with the store's round trips counted: the first after
 * an upgrade (no cursor yet: it scans the tickets, as at every start and hourly), one with nothing due, one when the
 * share falls due. The due index (`sla_due`) is seeded as the ticket service would have filed it.
 * Usage: npm run bench:reminders [-- --tickets 100000 --due 1000]
 */
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { DEFAULT_POLICY } from '../config/policy.js';
import { slaReconcile, type SlaReconcileDeps } from '../jobs/index.js';
import { defaultCalendar as cal } from '../src/domain/calendar.js';
import { nextDueAt, pendingSteps, stepsToFile } from '../src/domain/sla.js';
import { buildNewTicket, type Ticket } from '../src/domain/ticket.js';
import { createProducer } from '../src/queue/producer.js';
import { createLogger } from '../src/shared/logger.js';
import { connectStore } from '../src/store/connect.js';
import { createDigestService } from '../src/digest/digest-service.js';
import { createDigestRunRepository } from '../src/store/repositories/digest-run.repository.js';
import { createDirectoryRepository } from '../src/store/repositories/directory.repository.js';
import { createNoticeRepository } from '../src/store/repositories/notice.repository.js';
import { createPendingReminderRepository } from '../src/store/repositories/pending-reminder.repository.js';
import { minuteOf } from '../src/store/repositories/sla-due.repository.js';
import { createTicketRepository } from '../src/store/repositories/ticket.repository.js';
import { benchMongo, machineLine, timed } from './lib.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('--tickets', 100_000);
const DUE = arg('--due', 1000);
// a Monday 10:00 in Shanghai, so every step below is inside working hours whatever day the bench runs
const start = new Date('2026-11-30T02:00:00.000Z');
const dueAt = new Date(start.getTime() + 10 * 60_000);

/** The calendar work per distinct deadline is done once (it is the seeding's cost, not the pass's). */
const byDeadline = new Map<string, { slaSent: string[]; nextDueAt: string | null; steps: { key: string; at: string }[] }>();

function ticket(no: number): Ticket {
  const due = no <= DUE;
  // the due share: answer deadline at dueAt (its first step then); the rest: deadlines 2–31 days ahead (nothing else due within the day)
  const deadline = due ? dueAt.toISOString() : new Date(start.getTime() + (2 + (no % 30)) * 86_400_000 + (no % 48) * 600_000).toISOString();
  const t = buildNewTicket(no, {
    platform: 'wecom', chatId: `g${no % 200}`, reporter: { id: `u${no}` }, text: '用电扩容', summary: `问题${no}`, category: 'utilities', categoryConfidence: 1,
    urgency: 'urgent', requestedDate: null, resolutionDueAt: deadline, enterprise: null, sourceMessageId: `wecom:r${no}`,
    parsedBy: 'rules', now: new Date(start.getTime() - 86_400_000).toISOString(),
  });
  const open: Ticket = { ...t, status: 'in_progress', assignee: { personId: 'zhangwei', name: '张伟', wecom: 'zhangwei' }, claimedAt: t.createdAt };
  let clock = byDeadline.get(deadline);
  if (!clock) {
    // the due ones have had their earlier steps (the day-before reminder) sent
    const slaSent = due ? pendingSteps(open, cal, DEFAULT_POLICY).filter((s) => Date.parse(s.at) < dueAt.getTime()).map((s) => s.key) : [];
    const withSent = { ...open, slaSent };
    clock = { slaSent, nextDueAt: nextDueAt(withSent, cal, DEFAULT_POLICY), steps: stepsToFile(withSent, cal, DEFAULT_POLICY) };
    byDeadline.set(deadline, clock);
  }
  return { ...open, _id: no, slaSent: clock.slaSent, nextDueAt: clock.nextDueAt } as unknown as Ticket;
}

console.log(machineLine());
const db = await benchMongo('reminders');
const store = await connectStore(db.uri);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const prefix = `benchrem${Date.now()}`;
try {
  const buckets = new Map<string, { no: number; key: string; at: string }[]>();
  const seed = await timed(async () => {
    for (let i = 1; i <= N; i += 2000) {
      const batch = Array.from({ length: Math.min(2000, N - i + 1) }, (_, k) => ticket(i + k));
      await store.conn.collection('tickets').insertMany(batch as never[], { ordered: false });
      // what the ticket service files with each save
      for (const t of batch) {
        for (const s of byDeadline.get(t.resolutionDueAt)!.steps) {
          const m = minuteOf(s.at);
          if (!buckets.has(m)) buckets.set(m, []);
          buckets.get(m)!.push({ no: t.no, key: s.key, at: s.at });
        }
      }
    }
    const docs = [...buckets].map(([m, steps]) => ({ _id: m, steps }));
    for (let i = 0; i < docs.length; i += 2000) await store.conn.collection('sla_due').insertMany(docs.slice(i, i + 2000) as never[], { ordered: false });
  });
  const dueNow = buckets.get(minuteOf(dueAt))?.length ?? 0;
  const producer = createProducer(redis, prefix);
  const tickets = createTicketRepository(store.conn);
  const directories = createDirectoryRepository(store.conn);
  let now = start;
  const deps = {
    // the digest catch-up looks at today's runs (no leaders group here: nothing is sent)
    digests: createDigestService({ tickets, directories, calendar: cal, timezone: 'Asia/Shanghai' }), digestRuns: createDigestRunRepository(store.conn),
    log: createLogger('silent'), tickets, producer, calendar: cal, policy: DEFAULT_POLICY, timezone: 'Asia/Shanghai',
    notices: createNoticeRepository(store.conn), pendingReminders: createPendingReminderRepository(store.conn),
    directory: () => directories.current(), senders: {}, now: () => now,
  } as unknown as SlaReconcileDeps;
  // every store operation of the pass, by collection (mongoose's debug hook: one call per round trip)
  let calls: Record<string, number> = {};
  mongoose.set('debug', (coll: string, method: string) => {
    calls[`${coll}.${method}`] = (calls[`${coll}.${method}`] ?? 0) + 1;
  });
  const memory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
  const meta = { jobId: 'bench', attemptsMade: 0, progress: 0, setProgress: async () => {} };
  const pass = async (label: string, at: Date) => {
    now = at;
    calls = {};
    const before = await memory();
    const r = await timed(() => slaReconcile.process({}, deps, meta));
    const jobs = await producer.queues.sla.getJobCounts('delayed', 'waiting');
    const tripsTickets = Object.entries(calls).filter(([k]) => k.startsWith('tickets.')).reduce((n, [, v]) => n + v, 0);
    const tripsIndex = Object.entries(calls).filter(([k]) => k.startsWith('sla_due.')).reduce((n, [, v]) => n + v, 0);
    const tripsAll = Object.values(calls).reduce((n, v) => n + v, 0);
    console.log(`${label}: ${r.ms.toFixed(0)} ms → ${r.value}`);
    console.log(`  store round trips: ${tripsAll} (tickets ${tripsTickets}, sla_due ${tripsIndex}, other ${tripsAll - tripsTickets - tripsIndex}) ${JSON.stringify(calls)}`);
    console.log(`  SLA jobs in Redis after it: ${(jobs.delayed ?? 0) + (jobs.waiting ?? 0)}; Redis memory ${(((await memory()) - before) / 1024).toFixed(0)} KiB more`);
    return r.ms;
  };
  console.log(`tickets ${N} (seeded with their index in ${(seed.ms / 1000).toFixed(1)} s), ${dueNow} steps due at ${dueAt.toISOString()}`);
  const first = await pass('pass 1, first after the upgrade (no cursor: scans the tickets, as at each start and hourly)', start);
  const idle = await pass('pass 2, a minute later, nothing due (bucket path)', new Date(start.getTime() + 60_000));
  const busy = await pass(`pass 3, at the due minute (bucket path)`, dueAt);
  const scanOnly = await timed(() => tickets.listDue(new Date(start.getTime() + 70 * 60_000).toISOString(), 100_000));
  console.log(`the scan alone (listDue, what passes used to read every minute): ${scanOnly.ms.toFixed(0)} ms (${scanOnly.value.length} tickets)`);
  console.log(`summary: ${N} open tickets → scan pass ${first.toFixed(0)} ms, idle pass ${idle.toFixed(0)} ms, pass with ${dueNow} due ${busy.toFixed(0)} ms`);
  mongoose.set('debug', false);
  await producer.queues.sla.obliterate({ force: true });
  await producer.close();
} finally {
  redis.disconnect();
  await store.conn.dropDatabase().catch(() => {});
  await store.close();
  await db.stop();
}
