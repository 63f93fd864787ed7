/**
 * Digest and ledger at scale: seeds 10,000 and 100,000 tickets (a realistic mix of states, ratings and ages over a
 * year) into MongoDB-wire storage, then times the daily digest (loading + computing), the monthly digest and the
 * ledger export — streamed into a file as the HTTP route and the CLI do, with the process's resident memory sampled
 * during it (peak RSS). Usage: npm run bench:digest [-- --sizes 10000,100000] [--ledger-only] [--split] [--recount]
 * (--ledger-only: seed and export, without timing the digests; --split: also the export's summary digest alone and
 * its rows alone; --detail: also the time of loading the tickets alone, an extra full read; --recount: the digests by
 * a full recount, as before the per-day summaries, instead of from them).
 *
 * With the summaries (the default, as the bot runs): after seeding, the summaries are built once (timed: what a first
 * start or `xiaoer digest-summaries rebuild` costs), then the 08:30 daily digest, this week's and this month's (running)
 * and last month's are timed; at 20,000 tickets or fewer each is also compared with a full recount.
 */
import { createWriteStream, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import YAML from 'yaml';
import { defaultCalendar as cal } from '../src/domain/calendar.js';
import type { DigestModel } from '../src/domain/digest.js';
import { validateDirectory } from '../src/domain/directory.js';
import { buildNewTicket, type Ticket } from '../src/domain/ticket.js';
import { createDigestService } from '../src/digest/digest-service.js';
import { projectRoot } from '../src/infra/paths.js';
import { exportLedger } from '../src/ledger/export.js';
import { connectStore } from '../src/store/connect.js';
import { createDirectoryRepository } from '../src/store/repositories/directory.repository.js';
import { createTicketRepository } from '../src/store/repositories/ticket.repository.js';
import { Redis } from 'ioredis';
import { buildDigest, periodOf } from '../src/domain/digest.js';
import { Directory } from '../src/domain/directory.js';
import { createDigestFolder } from '../src/digest/digest-fold.js';
import { createLocker } from '../src/queue/lock.js';
import { createLogger } from '../src/shared/logger.js';
import { createDigestSummaryRepository } from '../src/store/repositories/digest-summary.repository.js';
import { benchMongo, machineLine, timed } from './lib.js';

const arg = process.argv.indexOf('--sizes');
const sizes = arg > 0 ? process.argv[arg + 1]!.split(',').map(Number) : [10_000, 100_000];
const ledgerOnly = process.argv.includes('--ledger-only');
const recountOnly = process.argv.includes('--recount');
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const NOW = new Date('2026-11-25T08:30:00+08:00');
const CATS = ['approval', 'land', 'utilities', 'talent', 'finance', 'policy', 'infrastructure', 'construction', 'dispute', 'market', 'other'] as const;
const PEOPLE = ['zhangwei', 'wangfang', 'liuqiang', 'zhouming'];

/** The process listening on the URI's port, when it is a local one we can read (the embedded FerretDB). */
function storeServerPid(uri: string): number | null {
  const port = /127\.0\.0\.1:(\d+)/.exec(uri)?.[1];
  if (!port) return null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(`--listen-addr=127.0.0.1:${port}`) && cmd.includes('ferretdb') && !cmd.startsWith('sh')) return Number(pid);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** User + system CPU seconds of a process (Linux /proc). */
function procCpuSeconds(pid: number): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (100 a second)
  } catch {
    return null;
  }
}

interface Measured<T> {
  ms: number;
  value: T;
  rssBefore: number;
  rssPeak: number;
  /** CPU seconds of this process and of the store's server: on a busy machine the wall time is inflated by others. */
  nodeCpu: number;
  ferretCpu: number | null;
}

/** Time, resident memory (sampled every 20 ms: before → peak) and CPU seconds of `fn`. */
async function measured<T>(ferret: number | null, fn: () => Promise<T>): Promise<Measured<T>> {
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 20);
  const cpu0 = process.cpuUsage();
  const ferret0 = ferret ? procCpuSeconds(ferret) : null;
  try {
    const { ms, value } = await timed(fn);
    const cpu = process.cpuUsage(cpu0);
    const ferret1 = ferret ? procCpuSeconds(ferret) : null;
    return { ms, value, rssBefore, rssPeak, nodeCpu: (cpu.user + cpu.system) / 1e6, ferretCpu: ferret0 !== null && ferret1 !== null ? ferret1 - ferret0 : null };
  } finally {
    clearInterval(sampler);
  }
}

/** Deterministic pseudo-random numbers, so runs compare. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function seedTicket(no: number, r: () => number): Ticket & { _id: number } {
  const daysAgo = Math.floor(r() * 330);
  const created = new Date(NOW.getTime() - daysAgo * 86_400_000 - Math.floor(r() * 8) * 3_600_000).toISOString();
  const due = cal.addWorkingMinutes(created, 5 * 480);
  const t = buildNewTicket(no, {
    platform: 'wecom', chatId: `g${no % 50}`, reporter: { id: `u${no % 500}` }, text: '用电扩容申请一个月了还没批下来', summary: `问题${no}`,
    category: CATS[no % CATS.length]!, categoryConfidence: 1, urgency: r() < 0.1 ? 'urgent' : 'normal', requestedDate: null,
    resolutionDueAt: due, enterprise: `企业${no % 300}`, sourceMessageId: `wecom:b${no}`, parsedBy: 'rules', now: created,
  });
  const who = PEOPLE[no % PEOPLE.length]!;
  const roll = r();
  let status: Ticket['status'] = daysAgo < 20 ? (roll < 0.3 ? 'pending_claim' : roll < 0.7 ? 'in_progress' : 'pending_rating') : roll < 0.08 ? 'in_progress' : roll < 0.15 ? 'pending_rating' : 'closed';
  const answerAt = status === 'pending_rating' || status === 'closed' ? cal.addWorkingMinutes(created, Math.floor(r() * 8 * 480)) : null;
  // nothing is dated after now: a ticket whose answer would come later is still being handled
  if (answerAt && answerAt > NOW.toISOString()) status = 'in_progress';
  const resolvedAt = status === 'in_progress' ? null : answerAt;
  const rated = status === 'closed' && r() < 0.85;
  const level = rated ? (['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const)[Math.floor(r() ** 2 * 5)]! : null;
  return {
    ...t,
    _id: no,
    status,
    assignee: { personId: who, name: who },
    resolvedAt,
    closedAt: status === 'closed' ? resolvedAt : null,
    outcome: resolvedAt ? (r() < 0.85 ? 'resolved' : 'partial') : null,
    rating: level ? { level, at: resolvedAt!, by: { platform: 'wecom', id: 'r' }, assigneePersonId: who } : null,
    claimedAt: status === 'pending_claim' ? null : created,
    responseDueAt: cal.addWorkingMinutes(created, 480),
    updatedAt: resolvedAt ?? created,
  };
}

console.log(machineLine());
console.log(`digests ${recountOnly ? 'by a full recount' : 'from the per-day summaries'}`);
console.log('tickets    seed(s)   daily digest   monthly digest   ledger export (rows)');
const summary: string[] = [];
for (const n of sizes) {
  const db = await benchMongo(`digest${n}`);
  const store = await connectStore(db.uri);
  try {
    const v = validateDirectory(YAML.parse(readFileSync(join(projectRoot(), 'test', 'fixtures', 'bench-directory.yaml'), 'utf8')));
    if (!v.ok) throw new Error('bench directory invalid');
    const directories = createDirectoryRepository(store.conn);
    await directories.replace(v.data, NOW);
    const r = rng(42);
    const seed = await timed(async () => {
      const coll = store.conn.collection('tickets');
      // batches of 500: on a busy machine FerretDB can take longer than the socket timeout (60 s) over 2,000
      for (let i = 0; i < n; i += 500) {
        await coll.insertMany(Array.from({ length: Math.min(500, n - i) }, (_, k) => seedTicket(i + k + 1, r)) as never[], { ordered: false });
      }
    });
    console.log(`  seeded ${n} tickets in ${(seed.ms / 1000).toFixed(1)} s`);
    const prefix = `benchdigest${process.pid}x${n}`;
    const summaries = createDigestSummaryRepository(store.conn);
    let folder: ReturnType<typeof createDigestFolder> | undefined;
    const tickets = createTicketRepository(store.conn, { onChange: (no) => folder!.mark(no) });
    folder = createDigestFolder({ summaries, tickets, redis, prefix, withLock: createLocker(redis, prefix), timezone: 'Asia/Shanghai', log: createLogger('silent') });
    await store.conn.collection('counters').updateOne({ _id: 'ticket' as never }, { $set: { seq: n } }, { upsert: true });
    const digests = createDigestService({ tickets, directories, calendar: cal, timezone: 'Asia/Shanghai', ...(recountOnly ? {} : { summaries: { folder, repo: summaries }, now: () => NOW }) });
    const ferret = storeServerPid(db.uri);
    if (!recountOnly) {
      const built = await measured(ferret, () => folder.rebuild());
      console.log(`  summaries built from ${built.value.tickets} tickets over ${built.value.days} days: ${built.ms.toFixed(0)} ms; RSS peak ${(built.rssPeak / 2 ** 20).toFixed(0)} MiB; CPU: this process ${built.nodeCpu.toFixed(1)} s, store server ${built.ferretCpu?.toFixed(1) ?? '?'} s`);
      // the other periods, each from the summaries (and, at a size a recount can read in reasonable time, compared)
      const periods = [
        { name: 'this week (running)', range: periodOf('week', '2026-11-25', 'Asia/Shanghai') },
        { name: 'this month (running)', range: periodOf('month', '2026-11-25', 'Asia/Shanghai') },
        { name: 'last month', range: periodOf('month', '2026-10-15', 'Asia/Shanghai') },
      ];
      const all = n <= 20_000 ? (await store.conn.collection('tickets').find({}).toArray()).map(({ _id, ...t }) => (void _id, t as unknown as Ticket)) : null;
      for (const p of periods) {
        const m = await measured(ferret, () => digests.build(p.range, NOW));
        const recount = all ? buildDigest(all, p.range, NOW.toISOString() < p.range.end ? NOW.toISOString() : p.range.end, cal, new Directory(v.data), 'Asia/Shanghai') : null;
        const same = recount ? JSON.stringify(recount) === JSON.stringify(m.value) : null;
        if (recount && !same) {
          for (const k of Object.keys(recount) as (keyof typeof recount)[]) {
            if (JSON.stringify(recount[k]) !== JSON.stringify(m.value[k])) console.log(`    differs in ${k}: recount ${JSON.stringify(recount[k]).slice(0, 300)} · summaries ${JSON.stringify(m.value[k]).slice(0, 300)}`);
          }
        }
        console.log(`  ${p.name}: ${m.ms.toFixed(0)} ms (new ${m.value.numbers.newTickets}, open ${m.value.numbers.open}); CPU: this process ${m.nodeCpu.toFixed(1)} s, store server ${m.ferretCpu?.toFixed(1) ?? '?'} s${same === null ? '' : `; the same as a full recount: ${same ? 'yes' : 'NO'}`}`);
      }
    }
    let daily: Measured<DigestModel> | null = null;
    let monthly: Measured<unknown> | null = null;
    if (!ledgerOnly) {
      await digests.build(digests.sinceLastWorkingDay('2026-11-25'), NOW, { openAt: NOW }); // warm-up
      daily = await measured(ferret, () => digests.build(digests.sinceLastWorkingDay('2026-11-25'), NOW, { openAt: NOW }));
      if (process.argv.includes('--detail')) {
        // a full read of its own (a scan on FerretDB): only when asked for
        const load = await timed(() => tickets.forDigest('2026-01-01T00:00:00.000Z', '2026-10-20T00:00:00.000Z'));
        console.log(`  (of which loading ${load.value.length} tickets from the store: ${load.ms.toFixed(0)} ms)`);
      }
      monthly = await measured(ferret, () => digests.build(digests.range('month', '2026-11-01'), NOW));
    }
    // the ledger, streamed to a file (the CLI's path; the HTTP routes pipe the same stream to the response)
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    const fmt = (x: { ms: number } | null, w: number) => (x ? `${x.ms.toFixed(0).padStart(w)} ms` : '—'.padStart(w + 3));
    const ledger = process.argv.includes('--no-ledger') ? null : await measured(ferret, async () => {
      const file = join(tmpdir(), `xiaoer-bench-ledger-${process.pid}.xlsx`);
      let firstByteMs = 0;
      const t0 = performance.now();
      const stream = await exportLedger({}, { tickets, directories, digests, calendar: cal, timezone: 'Asia/Shanghai', now: NOW });
      stream.once('data', () => (firstByteMs = performance.now() - t0));
      await pipeline(stream, createWriteStream(file));
      const bytes = statSync(file).size;
      unlinkSync(file);
      return { bytes, firstByteMs };
    });
    const cpuText = (m: Measured<unknown>) => `CPU: this process ${m.nodeCpu.toFixed(1)} s, store server ${m.ferretCpu === null ? '?' : `${m.ferretCpu.toFixed(1)} s`}`;
    console.log(
      `${String(n).padEnd(10)} ${(seed.ms / 1000).toFixed(1).padStart(7)}   ${fmt(daily, 9)}   ${fmt(monthly, 11)}   ${ledger ? `${ledger.ms.toFixed(0).padStart(9)} ms (${n} rows, ${mb(ledger.value.bytes)}; first byte ${ledger.value.firstByteMs.toFixed(0)} ms; RSS ${mb(ledger.rssBefore)} → peak ${mb(ledger.rssPeak)}; ${cpuText(ledger)}` : '(not run)'}; load average ${loadavg()[0]!.toFixed(1)})`,
    );
    // on a busy machine the wall times are inflated by others: the CPU seconds are the fairer figure
    if (daily && monthly) console.log(`  daily digest ${cpuText(daily)}; monthly digest ${cpuText(monthly)}`);
    if (process.argv.includes('--split')) {
      // its two parts alone: the summary's digest of the year (held in memory), then the rows with that digest given
      const range = { ...digests.range('month', undefined, NOW), start: '2025-12-31T16:00:00.000Z', end: NOW.toISOString(), label: '年初 至 今日' };
      const digest = await measured(ferret, () => digests.build(range, NOW, { oneRead: true }));
      console.log(`  summary digest alone: ${digest.ms.toFixed(0)} ms; RSS ${mb(digest.rssBefore)} → peak ${mb(digest.rssPeak)}; ${cpuText(digest)}`);
      const given = { ...digests, build: async () => digest.value };
      const rows = await measured(ferret, async () => {
        const stream = await exportLedger({}, { tickets, directories, digests: given, calendar: cal, timezone: 'Asia/Shanghai', now: NOW });
        await pipeline(stream, createWriteStream('/dev/null'));
      });
      console.log(`  rows alone (cursor → workbook → /dev/null): ${rows.ms.toFixed(0)} ms; RSS ${mb(rows.rssBefore)} → peak ${mb(rows.rssPeak)}; ${cpuText(rows)}`);
    }
    summary.push(
      `${n}: ${daily ? `daily ${daily.ms.toFixed(0)} ms, monthly ${monthly!.ms.toFixed(0)} ms, ` : ''}${ledger ? `ledger ${ledger.ms.toFixed(0)} ms, peak RSS ${mb(ledger.rssPeak)}` : 'ledger not run'}${daily ? ` (open ${daily.value.numbers.open}, overdue ${daily.value.overdue.count})` : ''}`,
    );
  } finally {
    await store.conn.dropDatabase().catch(() => {});
    await store.close();
    await db.stop();
  }
}
redis.disconnect();
console.log(`summary: ${summary.join('; ')} — goals: digests under 2000 ms at 100000 (5000 ms at 1000000); ledger export streamed, under 60000 ms at 100000`);
