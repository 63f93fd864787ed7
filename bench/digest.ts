/**
 * Digest and ledger at scale: seeds 10,000 and 100,000 tickets (a realistic mix of states, ratings and ages over a
 * year) into MongoDB-wire storage, then times the daily digest (loading + computing), the monthly digest and the
 * ledger export — streamed into a file as the HTTP route and the CLI do, with the process's resident memory sampled
 * during it (peak RSS). Usage: npm run bench:digest [-- --sizes 10000,100000] [--ledger-only] [--split]
 * (--ledger-only: seed and export, without timing the two digests; --split: also the export's summary digest alone and
 * its rows alone; --detail: also the time of loading the tickets alone, an extra full read).
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
import { benchMongo, machineLine, timed } from './lib.js';

const arg = process.argv.indexOf('--sizes');
const sizes = arg > 0 ? process.argv[arg + 1]!.split(',').map(Number) : [10_000, 100_000];
const ledgerOnly = process.argv.includes('--ledger-only');
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
  const status: Ticket['status'] = daysAgo < 20 ? (roll < 0.3 ? 'pending_claim' : roll < 0.7 ? 'in_progress' : 'pending_rating') : roll < 0.08 ? 'in_progress' : roll < 0.15 ? 'pending_rating' : 'closed';
  const resolvedAt = status === 'pending_rating' || status === 'closed' ? cal.addWorkingMinutes(created, Math.floor(r() * 8 * 480)) : null;
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
    const tickets = createTicketRepository(store.conn);
    const digests = createDigestService({ tickets, directories, calendar: cal, timezone: 'Asia/Shanghai' });
    const ferret = storeServerPid(db.uri);
    let daily: Measured<DigestModel> | null = null;
    let monthly: Measured<unknown> | null = null;
    if (!ledgerOnly) {
      await digests.build(digests.sinceLastWorkingDay('2026-11-25'), NOW); // warm-up
      daily = await measured(ferret, () => digests.build(digests.sinceLastWorkingDay('2026-11-25'), NOW));
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
    const ledger = await measured(ferret, async () => {
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
      `${String(n).padEnd(10)} ${(seed.ms / 1000).toFixed(1).padStart(7)}   ${fmt(daily, 9)}   ${fmt(monthly, 11)}   ${ledger.ms.toFixed(0).padStart(9)} ms (${n} rows, ${mb(ledger.value.bytes)}; first byte ${ledger.value.firstByteMs.toFixed(0)} ms; RSS ${mb(ledger.rssBefore)} → peak ${mb(ledger.rssPeak)}; ${cpuText(ledger)}; load average ${loadavg()[0]!.toFixed(1)})`,
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
      `${n}: ${daily ? `daily ${daily.ms.toFixed(0)} ms, ` : ''}ledger ${ledger.ms.toFixed(0)} ms, peak RSS ${mb(ledger.rssPeak)}${daily ? ` (open ${daily.value.numbers.open}, overdue ${daily.value.overdue.count})` : ''}`,
    );
  } finally {
    await store.conn.dropDatabase().catch(() => {});
    await store.close();
    await db.stop();
  }
}
console.log(`summary: ${summary.join('; ')} — goals: daily digest under 2000 ms at 100000; ledger export streamed, under 60000 ms at 100000`);
