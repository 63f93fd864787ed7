import { readFileSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestTick, type DigestTickDeps } from '../../jobs/index.js';
import { startWorkerEnv } from '../helpers/worker-env.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { waitForDrain } from '../helpers/queue-drain.js';
import { defaultCalendar as cal } from '../../src/domain/calendar.js';
import { validateDirectory } from '../../src/domain/directory.js';
import { buildNewTicket } from '../../src/domain/ticket.js';
import { exportLedger } from '../../src/ledger/export.js';
import { LEDGER_HEADERS } from '../../src/ledger/ledger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { sharedPath } from '../helpers/shared.js';

const L = (local: string) => new Date(`${local}+08:00`);
const prefix = testQueuePrefix();
let store: Store;
let fake: FakePlatforms;
let stop: () => Promise<void>;
let depsAt: (now: Date) => DigestTickDeps;

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(testMongoUri('digest'));
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('bad directory');
  const directories = createDirectoryRepository(store.conn);
  await directories.replace(v.data, new Date());
  for (let no = 1; no <= 3; no++) {
    const t = buildNewTicket(no, {
      platform: 'wecom', chatId: 'wrkSFfCgAAyilong01', reporter: { id: 'chenjl' }, text: 't', summary: `用电问题${no}`, category: 'utilities',
      categoryConfidence: 1, urgency: 'normal', requestedDate: null, resolutionDueAt: L('2026-11-27T10:00:00').toISOString(),
      enterprise: '浙江亿龙置业有限公司', enterpriseId: 'yilong', sourceMessageId: `wecom:dg${no}`, parsedBy: 'rules', now: L(`2026-11-2${no}T10:00:00`).toISOString(),
    });
    await store.conn.collection('tickets').insertOne({ ...t, _id: no, assignee: { personId: 'zhangwei', name: '张伟' }, status: no === 3 ? 'pending_rating' : 'in_progress', resolvedAt: no === 3 ? L('2026-11-26T10:00:00').toISOString() : null, outcome: no === 3 ? 'resolved' : null } as never);
  }
  // reported on the morning of Tuesday 12-01, before the 08:30 digest, and not yet claimed
  const early = buildNewTicket(4, {
    platform: 'wecom', chatId: 'wrkSFfCgAAyilong01', reporter: { id: 'chenjl' }, text: 't', summary: '用电问题4', category: 'utilities',
    categoryConfidence: 1, urgency: 'normal', requestedDate: null, resolutionDueAt: L('2026-12-08T07:40:00').toISOString(),
    enterprise: '浙江亿龙置业有限公司', enterpriseId: 'yilong', sourceMessageId: 'wecom:dg4', parsedBy: 'rules', now: L('2026-12-01T07:40:00').toISOString(),
  });
  await store.conn.collection('tickets').insertOne({ ...early, _id: 4, assignee: { personId: 'zhangwei', name: '张伟' }, status: 'pending_claim', dispatchedAt: early.createdAt } as never);
  const env = startWorkerEnv({ store, apiBase: fake.base, prefix });
  depsAt = (now: Date): DigestTickDeps => ({ ...env.deps, now: () => now });
  stop = env.stop;
});
afterAll(async () => {
  await stop();
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

const meta = { jobId: 't', attemptsMade: 0, progress: 0, setProgress: async () => {} };
const wecomDigests = (label: string) => fake.requests.filter((r) => r.path === '/cgi-bin/webhook/send' && String(r.body?.markdown?.content).includes(label));
const dingDigests = (label: string) => fake.requests.filter((r) => r.path === '/v1.0/robot/groupMessages/send' && String(r.body?.msgParam).includes(label));

describe('scheduled digests', () => {
  it('Monday 08:30: the daily digest (since Friday) and last week\'s, once per leaders group, even when run three times at once', async () => {
    const now = L('2026-11-30T08:30:00');
    const results = await Promise.all([digestTick.process({}, depsAt(now), meta), digestTick.process({}, depsAt(now), meta), digestTick.process({}, depsAt(now), meta)]);
    expect(results.join(' ')).toContain('day:2026-11-27, week:2026-11-23');
    // four sends, each its own job: wait for all of them (the weekly follows the daily in the same group)
    const counts = () => [wecomDigests('助企服务日报'), wecomDigests('助企服务周报'), dingDigests('助企服务日报'), dingDigests('助企服务周报')].map((l) => l.length);
    await expect.poll(counts, { timeout: 15_000 }).toEqual([1, 1, 1, 1]);
    expect(wecomDigests('助企服务日报')[0]!.query.get('key')).toBe('00000000-0000-0000-0000-000000000002');
    expect(wecomDigests('11月27日—11月29日')).toHaveLength(1);
    expect(wecomDigests('助企服务周报')).toHaveLength(1);
    expect(dingDigests('助企服务日报')).toHaveLength(1);
    expect(dingDigests('助企服务周报')[0]!.body.openConversationId).toBe('cidLeaders000001==');
    // a retry the same morning sends nothing more
    await digestTick.process({}, depsAt(L('2026-11-30T08:35:00')), meta);
    await waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length });
    expect(wecomDigests('助企服务').length + dingDigests('助企服务').length).toBe(4);
  });

  it('the first working day of December brings last month\'s; Saturday brings nothing', async () => {
    expect(await digestTick.process({}, depsAt(L('2026-11-28T08:30:00')), meta)).toBe('2026-11-28 is not a working day');
    const r = await digestTick.process({}, depsAt(L('2026-12-01T08:30:00')), meta);
    expect(r).toContain('month:2026-11-01');
    await expect.poll(() => wecomDigests('助企服务月报').length, { timeout: 15_000 }).toBe(1);
    expect(wecomDigests('2026年11月').length).toBeGreaterThanOrEqual(1);
    // what is open when the digest goes out: #4, reported at 07:40 and unclaimed, is 在办 (besides #1 and #2)
    await expect.poll(() => wecomDigests('助企服务日报（2026年11月30日）').length, { timeout: 15_000 }).toBe(1);
    const daily = String(wecomDigests('助企服务日报（2026年11月30日）')[0]!.body.markdown.content);
    expect(daily).toContain('在办 3');
    expect(daily).toContain('在办、超期统计截至 12月1日 08:30');
    expect(String(wecomDigests('助企服务月报')[0]!.body.markdown.content)).toContain('在办 3');
  });
});

describe('the 问题台账 in Excel', () => {
  it('reads back with Chinese headers, a frozen header row, filters, real dates and a summary sheet', async () => {
    // the export is a stream (rows leave as they are read): collected here to read it back
    const buf = await buffer(await exportLedger({ from: '2026-11-01', to: '2026-11-30' }, {
      tickets: createTicketRepository(store.conn), directories: createDirectoryRepository(store.conn), digests: depsAt(new Date()).digests,
      calendar: cal, timezone: 'Asia/Shanghai', now: L('2026-11-30T09:00:00'),
    }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题台账')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...LEDGER_HEADERS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount).toBe(4);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe(1);
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 21)));
    expect(row.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(6).value).toBe('张伟');
    expect(row.getCell(7).value).toBe('区经信局');
    expect(row.getCell(8).value).toEqual(new Date(Date.UTC(2026, 10, 27)));
    expect(row.getCell(14).value).toBe('是'); // open past its deadline on 11-30
    expect(ws.getRow(4).getCell(10).value).toBe('已解决');
    expect(ws.getRow(4).getCell(12).value).toEqual(new Date(Date.UTC(2026, 10, 26)));
    const summary = wb.getWorksheet('汇总')!;
    const pairs = Object.fromEntries(summary.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(pairs).toMatchObject({ 统计范围: '2026-11-01 至 2026-11-30', 工单数: 3, 超期: 2 });
  });
});

describe('the dashboard\'s daily series, read from the store', () => {
  it('counts 新增 and 办结 per local day, adding up to the month digest built from the same store', async () => {
    const digests = depsAt(L('2026-12-01T09:00:00')).digests;
    const s = await digests.series('2026-11-30');
    expect(s.days).toHaveLength(30);
    expect([s.days[0], s.days.at(-1)]).toEqual(['2026-11-01', '2026-11-30']);
    const on = (xs: number[], date: string) => xs[s.days.indexOf(date)];
    expect(['2026-11-21', '2026-11-22', '2026-11-23'].map((date) => on(s.newTickets, date))).toEqual([1, 1, 1]);
    expect(on(s.answered, '2026-11-26')).toBe(1);
    const month = await digests.build(digests.range('month', '2026-11-15'), L('2026-12-01T09:00:00'));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect([sum(s.newTickets), sum(s.answered)]).toEqual([month.numbers.newTickets, month.numbers.answered]);
    expect([month.numbers.newTickets, month.numbers.answered]).toEqual([3, 1]);
    // #4, reported on 12-01 at 07:40, is on its own local day
    expect(await digests.series('2026-12-01', 2)).toEqual({ days: ['2026-11-30', '2026-12-01'], newTickets: [0, 1], answered: [0, 0] });
  });
});
