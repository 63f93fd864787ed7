import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { createDigestService } from '../../src/digest/digest-service.js';
import { defaultCalendar as cal } from '../../src/domain/calendar.js';
import { buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import { exportLedger } from '../../src/ledger/export.js';
import { LEDGER_HEADERS } from '../../src/ledger/ledger.js';
import { createHttpApp } from '../../src/server/app.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { createTicketRepository, type TicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { testMongoUri } from '../helpers/env.js';

const L = (local: string) => new Date(`${local}+08:00`);
const NOW = L('2026-11-30T09:00:00');
const TOKEN = 'ledger-stream-test-token';
const N = 2500;

/** Ticket `no`: created on a day of November, due in December; every 7th was overdue once (an event says so). */
function seed(no: number): Ticket & { _id: number } {
  const created = L(`2026-11-${String(1 + (no % 28)).padStart(2, '0')}T10:00:00`).toISOString();
  const t = buildNewTicket(no, {
    platform: 'wecom', chatId: 'g1', reporter: { id: 'u1' }, text: '用电扩容申请一个月了还没批下来', summary: `问题${no}`, category: 'utilities',
    categoryConfidence: 1, urgency: no % 5 === 0 ? 'urgent' : 'normal', requestedDate: null,
    resolutionDueAt: L(`2026-12-${String(1 + (no % 20)).padStart(2, '0')}T18:00:00`).toISOString(),
    enterprise: `企业${no % 30}`, sourceMessageId: `wecom:ls${no}`, parsedBy: 'rules', now: created,
  });
  const events = no % 7 === 0 ? [...t.events, { type: 'extend', at: created, data: { overdue: true } }] : t.events;
  return { ...t, _id: no, status: 'in_progress', assignee: { personId: 'zhangwei', name: '张伟' }, events };
}

let store: Store;
let tickets: TicketRepository;
let server: Server;
let base: string;

beforeAll(async () => {
  store = await connectStore(testMongoUri('ledgerstream'));
  for (let i = 0; i < N; i += 500) {
    await store.conn.collection('tickets').insertMany(Array.from({ length: Math.min(500, N - i) }, (_, k) => seed(i + k + 1)) as never[], { ordered: false });
  }
  tickets = createTicketRepository(store.conn);
  const directories = createDirectoryRepository(store.conn);
  const digests = createDigestService({ tickets, directories, calendar: cal, timezone: 'Asia/Shanghai' });
  const app = createHttpApp({
    config: loadConfig({ ADMIN_TOKEN: TOKEN }),
    log: createLogger('silent'),
    intake: { accept: async () => 'accepted' } as never,
    tickets,
    ready: async () => ({}),
    // a small batch, so that the rows of this test come from many round trips of the cursor
    ledger: (f) => exportLedger(f, { tickets, directories, digests, calendar: cal, timezone: 'Asia/Shanghai', now: NOW, batchSize: 200 }),
  });
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await store.conn.dropDatabase();
  await store.close();
});

const auth = { authorization: `Bearer ${TOKEN}` };

describe('the 问题台账 over HTTP, streamed', () => {
  it('arrives in chunks (no Content-Length) and reads back with every ticket once, in order', async () => {
    const res = await fetch(`${base}/api/ledger.xlsx?from=2026-11-01&to=2026-11-30`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    // streamed: the length is not known when the answer starts
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    const chunks: Uint8Array[] = [];
    for await (const c of res.body!) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题台账')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...LEDGER_HEADERS]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount).toBe(N + 1);
    const numbers = Array.from({ length: N }, (_, i) => ws.getRow(i + 2).getCell(1).value);
    expect(numbers).toEqual(Array.from({ length: N }, (_, i) => i + 1));

    const col = (h: (typeof LEDGER_HEADERS)[number]) => LEDGER_HEADERS.indexOf(h) + 1;
    const row = ws.getRow(1401 + 1); // ticket #1401: created 2026-11-02, due 2026-12-02, of 企业21
    expect(row.getCell(col('受理日期')).value).toEqual(new Date(Date.UTC(2026, 10, 2)));
    expect(row.getCell(col('受理日期')).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(col('办理时限')).value).toEqual(new Date(Date.UTC(2026, 11, 2)));
    expect(row.getCell(col('问题摘要')).value).toBe('问题1401');
    expect(row.getCell(col('企业')).value).toBe('企业21');
    expect(row.getCell(col('状态')).value).toBe('办理中');
    expect(row.getCell(col('来源')).value).toBe('企业反映');
    // 是否超期 is read from each ticket's events, which come with it from the cursor
    const overdue = numbers.filter((_, i) => ws.getRow(i + 2).getCell(col('是否超期')).value === '是');
    expect(overdue).toEqual(numbers.filter((no) => (no as number) % 7 === 0));

    const summary = wb.getWorksheet('汇总')!;
    const pairs = Object.fromEntries(summary.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(pairs).toMatchObject({ 统计范围: '2026-11-01 至 2026-11-30', 工单数: N });
  });

  it('a download cut short stops the export, and the server goes on answering', async () => {
    const ac = new AbortController();
    const res = await fetch(`${base}/api/ledger.xlsx`, { headers: auth, signal: ac.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await expect(reader.read()).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 500));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('filters before streaming: a bad date is a 400 with a JSON reason', async () => {
    const res = await fetch(`${base}/api/ledger.xlsx?from=2026-02-30`, { headers: auth });
    expect(res.status).toBe(400);
    expect(await res.json()).toHaveProperty('error');
  });
});

describe('the admin API\'s ticket list, paged with a cursor', () => {
  it('three pages of a small size cover every ticket of the filter exactly once, newest first', async () => {
    // 企业3: tickets 3, 33, 63, … — 84 of them; pages of 30 → 30, 30, 24
    const want = Array.from({ length: N }, (_, i) => i + 1).filter((no) => no % 30 === 3).reverse();
    const seen: number[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    for (let page = 0; page < 3; page++) {
      const res = await fetch(`${base}/api/tickets?enterprise=${encodeURIComponent('企业3')}&limit=30${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { tickets: Ticket[]; nextCursor: string | null };
      sizes.push(body.tickets.length);
      seen.push(...body.tickets.map((t) => t.no));
      cursor = body.nextCursor;
    }
    expect(sizes).toEqual([30, 30, 24]);
    expect(cursor).toBeNull();
    expect(seen).toEqual(want);
  });

  it('pages past 1,000 rows: the default page is 200, a page is at most 1,000, and the next page goes on', async () => {
    const first = (await (await fetch(`${base}/api/tickets`, { headers: auth })).json()) as { tickets: Ticket[]; nextCursor: string };
    expect(first.tickets).toHaveLength(200);
    const big = (await (await fetch(`${base}/api/tickets?limit=5000`, { headers: auth })).json()) as { tickets: Ticket[]; nextCursor: string };
    expect(big.tickets).toHaveLength(1000);
    expect(big.tickets[0]!.no).toBe(N);
    const next = (await (await fetch(`${base}/api/tickets?limit=5000&cursor=${big.nextCursor}`, { headers: auth })).json()) as { tickets: Ticket[] };
    expect(next.tickets[0]!.no).toBe(N - 1000);
  });

  it('a cursor it did not give is a 400', async () => {
    for (const bad of ['garbage!', Buffer.from('{"l":"tickets","k":["x"]}').toString('base64url'), Buffer.from('{"l":"dead-letters","k":[5]}').toString('base64url')]) {
      const res = await fetch(`${base}/api/tickets?cursor=${encodeURIComponent(bad)}`, { headers: auth });
      expect(res.status).toBe(400);
      expect(await res.json()).toHaveProperty('error');
    }
  });
});

describe('the workbench\'s search, paged with a cursor', () => {
  it('walks 我的待办\'s order (urgent first, then by deadline, then number) page by page as search does in one', async () => {
    const q = { text: '问题12' }; // 问题12, 问题120–129, 问题1200–1299: 111 tickets
    const all = await tickets.search(q, { sort: 'todo', skip: 0, limit: 200 });
    expect(all.total).toBe(111);
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 3; page++) {
      const r = await tickets.searchPage(q, { sort: 'todo', cursor, limit: 40 });
      seen.push(...r.tickets.map((t) => t.no));
      cursor = r.nextCursor ?? undefined;
    }
    expect(cursor).toBeUndefined();
    expect(seen).toEqual(all.tickets.map((t) => t.no));
    await expect(tickets.searchPage(q, { sort: 'newest', cursor: Buffer.from('{"l":"search:todo","k":["normal",null,3]}').toString('base64url'), limit: 40 })).rejects.toThrow(
      /cursor/,
    );
  });
});
