/**
 * Digest and ledger at scale: seeds 10,000 and 100,000 tickets (a realistic mix of states, ratings and ages over a
 * year) into MongoDB-wire storage, then times the daily digest (loading + computing), the monthly digest and the
 * ledger export. Usage: npm run bench:digest [-- --sizes 10000,100000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { defaultCalendar as cal } from '../src/domain/calendar.js';
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
const NOW = new Date('2026-11-25T08:30:00+08:00');
const CATS = ['approval', 'land', 'utilities', 'talent', 'finance', 'policy', 'infrastructure', 'construction', 'dispute', 'market', 'other'] as const;
const PEOPLE = ['zhangwei', 'wangfang', 'liuqiang', 'zhouming'];

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
      for (let i = 0; i < n; i += 2000) {
        await coll.insertMany(Array.from({ length: Math.min(2000, n - i) }, (_, k) => seedTicket(i + k + 1, r)) as never[], { ordered: false });
      }
    });
    const tickets = createTicketRepository(store.conn);
    const digests = createDigestService({ tickets, directories, calendar: cal, timezone: 'Asia/Shanghai' });
    await digests.build(digests.sinceLastWorkingDay('2026-11-25'), NOW); // warm-up
    const daily = await timed(() => digests.build(digests.sinceLastWorkingDay('2026-11-25'), NOW));
    const load = await timed(() => tickets.forDigest('2026-01-01T00:00:00.000Z', '2026-10-20T00:00:00.000Z'));
    if (process.argv.includes('--detail')) console.log(`  (of which loading ${load.value.length} tickets from the store: ${load.ms.toFixed(0)} ms)`);
    const monthly = await timed(() => digests.build(digests.range('month', '2026-11-01'), NOW));
    const ledger = await timed(() => exportLedger({}, { tickets, directories, digests, calendar: cal, timezone: 'Asia/Shanghai', now: NOW }));
    console.log(
      `${String(n).padEnd(10)} ${(seed.ms / 1000).toFixed(1).padStart(7)}   ${daily.ms.toFixed(0).padStart(9)} ms   ${monthly.ms.toFixed(0).padStart(11)} ms   ${ledger.ms.toFixed(0).padStart(9)} ms (${n})`,
    );
    summary.push(`${n}: daily ${daily.ms.toFixed(0)} ms, ledger ${ledger.ms.toFixed(0)} ms (open ${daily.value.numbers.open}, overdue ${daily.value.overdue.count})`);
  } finally {
    await store.conn.dropDatabase().catch(() => {});
    await store.close();
    await db.stop();
  }
}
console.log(`summary: ${summary.join('; ')} — goal: daily digest under 2000 ms at 100000`);
