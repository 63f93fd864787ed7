/**
 * Reminders at scale: 100,000 open tickets whose next SLA step is spread over 30 days, a share of them due now.
 * One reconcile pass (the real job) is timed; Redis memory before and after; the pass must touch only what is due.
 * Usage: npm run bench:reminders [-- --tickets 100000 --due 1000]
 */
import { Redis } from 'ioredis';
import { DEFAULT_POLICY } from '../config/policy.js';
import { slaReconcile, type SlaReconcileDeps } from '../jobs/index.js';
import { defaultCalendar as cal } from '../src/domain/calendar.js';
import { nextDueAt } from '../src/domain/sla.js';
import { buildNewTicket, type Ticket } from '../src/domain/ticket.js';
import { createProducer } from '../src/queue/producer.js';
import { createLogger } from '../src/shared/logger.js';
import { connectStore } from '../src/store/connect.js';
import { createDigestService } from '../src/digest/digest-service.js';
import { createDigestRunRepository } from '../src/store/repositories/digest-run.repository.js';
import { createDirectoryRepository } from '../src/store/repositories/directory.repository.js';
import { createNoticeRepository } from '../src/store/repositories/notice.repository.js';
import { createPendingReminderRepository } from '../src/store/repositories/pending-reminder.repository.js';
import { createTicketRepository } from '../src/store/repositories/ticket.repository.js';
import { benchMongo, machineLine, timed } from './lib.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('--tickets', 100_000);
const DUE = arg('--due', 1000);
const now = new Date();

function ticket(no: number): Ticket {
  const due = no <= DUE;
  // due ones: deadline passed a little while ago; the rest: deadlines 1–30 days ahead
  const dueAt = due ? new Date(now.getTime() - 60_000).toISOString() : new Date(now.getTime() + (1 + (no % 30)) * 86_400_000).toISOString();
  const t = buildNewTicket(no, {
    platform: 'wecom', chatId: `g${no % 200}`, reporter: { id: `u${no}` }, text: '用电扩容', summary: `问题${no}`, category: 'utilities', categoryConfidence: 1,
    urgency: 'urgent', requestedDate: null, resolutionDueAt: dueAt, enterprise: null, sourceMessageId: `wecom:r${no}`,
    parsedBy: 'rules', now: new Date(now.getTime() - 86_400_000).toISOString(),
  });
  const open: Ticket = { ...t, status: 'in_progress', assignee: { personId: 'zhangwei', name: '张伟', wecom: 'zhangwei' }, claimedAt: t.createdAt };
  return { ...open, _id: no, nextDueAt: nextDueAt(open, cal, DEFAULT_POLICY) } as Ticket;
}

console.log(machineLine());
const db = await benchMongo('reminders');
const store = await connectStore(db.uri);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const prefix = `benchrem${Date.now()}`;
try {
  const seed = await timed(async () => {
    for (let i = 1; i <= N; i += 2000) {
      await store.conn.collection('tickets').insertMany(Array.from({ length: Math.min(2000, N - i + 1) }, (_, k) => ticket(i + k)) as never[], { ordered: false });
    }
  });
  const producer = createProducer(redis, prefix);
  const tickets = createTicketRepository(store.conn);
  const directories = createDirectoryRepository(store.conn);
  const deps = {
    // the digest catch-up looks at today's runs (no leaders group here: nothing is sent)
    digests: createDigestService({ tickets, directories, calendar: cal, timezone: 'Asia/Shanghai' }), digestRuns: createDigestRunRepository(store.conn),
    log: createLogger('silent'), tickets, producer, calendar: cal, policy: DEFAULT_POLICY, timezone: 'Asia/Shanghai',
    notices: createNoticeRepository(store.conn), pendingReminders: createPendingReminderRepository(store.conn),
    directory: () => directories.current(), senders: {}, now: () => now,
  } as unknown as SlaReconcileDeps;
  const memory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
  const before = await memory();
  const pass = await timed(() => slaReconcile.process({}, deps, { jobId: 'bench', attemptsMade: 0, progress: 0, setProgress: async () => {} }));
  const after = await memory();
  const due = await timed(() => tickets.listDue(new Date(now.getTime() + 120_000).toISOString()));
  const jobs = await producer.queues.sla.getJobCounts('delayed', 'waiting');
  console.log(`tickets ${N} (seeded in ${(seed.ms / 1000).toFixed(1)} s), due now ${DUE}`);
  console.log(`reconcile pass: ${pass.ms.toFixed(0)} ms → ${pass.value}`);
  console.log(`  of which reading the due tickets on the nextDueAt index: ${due.ms.toFixed(0)} ms (${due.value.length} tickets)`);
  console.log(`queued SLA jobs: ${(jobs.delayed ?? 0) + (jobs.waiting ?? 0)}; Redis memory +${((after - before) / 1024).toFixed(0)} KiB`);
  console.log(`summary: ${N} open tickets, ${due.value.length} due → pass ${pass.ms.toFixed(0)} ms, ${(jobs.delayed ?? 0) + (jobs.waiting ?? 0)} jobs, +${((after - before) / 1024).toFixed(0)} KiB Redis`);
  await producer.queues.sla.obliterate({ force: true });
  await producer.close();
} finally {
  redis.disconnect();
  await store.conn.dropDatabase().catch(() => {});
  await store.close();
  await db.stop();
}
