/**
 * Lists page with a cursor, never stopping at 1,000 rows: 2,500 tickets through the admin API and the CLI
 * (`xiaoer tickets list`), and 2,500 dead letters through the CLI (`xiaoer outbound status`), are each reached page
 * by page, every row exactly once, in the list's order — dead letters also where many share the sort value (`at`: the
 * cursor keeps the `_id` too).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import { createHttpApp } from '../../src/server/app.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';

const N = 2500;
const TOKEN = 'list-paging-test-token';
const uri = testMongoUri('listpaging');
let store: Store;
let server: Server;
let base: string;

/** Ticket `no`. */
function ticket(no: number): Ticket & { _id: number } {
  const t = buildNewTicket(no, {
    platform: 'wecom', chatId: 'g1', reporter: { id: 'u1' }, text: '用电扩容', summary: `问题${no}`, category: 'utilities', categoryConfidence: 1,
    urgency: 'normal', requestedDate: null, resolutionDueAt: '2026-12-10T10:00:00.000Z', enterprise: null, sourceMessageId: `wecom:lp${no}`,
    parsedBy: 'rules', now: new Date(Date.UTC(2026, 10, 1 + (no % 10), 2)).toISOString(),
  });
  return { ...t, _id: no };
}

beforeAll(async () => {
  store = await connectStore(uri);
  for (let i = 0; i < N; i += 500) {
    await store.conn.collection('tickets').insertMany(Array.from({ length: 500 }, (_, k) => ticket(i + k + 1)) as never[], { ordered: false });
    // dead letters: 25 share each instant
    await store.conn.collection('dead_letters').insertMany(
      Array.from({ length: 500 }, (_, k) => ({
        _id: `out-wecom-dl-${i + k}-0`, destination: `wecom:chat:g${(i + k) % 7}`, data: {}, error: { message: 'invalid webhook url' },
        at: new Date(Date.UTC(2026, 10, 30, 0, (i + k) % 100)), retried: false,
      })) as never[],
      { ordered: false },
    );
  }
  const app = createHttpApp({
    config: loadConfig({ ADMIN_TOKEN: TOKEN }),
    log: createLogger('silent'),
    intake: { accept: async () => 'accepted' } as never,
    tickets: createTicketRepository(store.conn),
    ready: async () => ({}),
  } as never);
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await store.conn.dropDatabase();
  await store.close();
});

/** Newest first: by number, highest first (the list's order). */
const expectedOrder = () => Array.from({ length: N }, (_, i) => N - i);

describe('2,500 rows, page by page', () => {
  it('the admin API: pages of 1,000 (the most a page holds), then of the default 200, reach every ticket once, in order', { timeout: 90_000 }, async () => {
    for (const [limit, pages] of [[1000, [1000, 1000, 500]], [undefined, [...Array(12).fill(200), 100]]] as const) {
      const seen: number[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const q = new URLSearchParams();
        if (limit) q.set('limit', String(limit));
        if (cursor) q.set('cursor', cursor);
        const res = await fetch(`${base}/api/tickets?${q}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { tickets: Ticket[]; nextCursor: string | null };
        sizes.push(body.tickets.length);
        seen.push(...body.tickets.map((t) => t.no));
        cursor = body.nextCursor;
      } while (cursor && sizes.length < 50);
      expect(sizes).toEqual(pages);
      expect(seen).toEqual(expectedOrder());
    }
  });

  it('the CLI: `tickets list --limit 1000` and the printed next command reach every ticket once, in order', async () => {
    const seen: number[] = [];
    let args = ['tickets', 'list', '--limit', '1000', '--json'];
    for (let page = 0; page < 5; page++) {
      const r = await runCli(args, { MONGODB_URI: uri });
      expect(r.code, r.err).toBe(0);
      seen.push(...(JSON.parse(r.out) as Ticket[]).map((t) => t.no));
      const next = /下一页：xiaoer (.+)$/m.exec(r.err)?.[1];
      if (!next) break;
      args = next.split(' ');
    }
    expect(seen).toEqual(expectedOrder());
  }, 120_000);

  it('the CLI: `outbound status --limit 1000` pages through 2,500 dead letters, each once, newest first', async () => {
    const env = { MONGODB_URI: uri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: testQueuePrefix() };
    const seen: { id: string; at: string }[] = [];
    let args = ['outbound', 'status', '--json', '--limit', '1000'];
    for (let page = 0; page < 5; page++) {
      const r = await runCli(args, env);
      expect(r.code, r.err).toBe(0);
      const body = JSON.parse(r.out) as { deadLetters: { id: string; at: string }[]; nextCursor: string | null; destinations: { deadLettered: number }[] };
      if (page === 0) expect(body.destinations.reduce((n, d) => n + d.deadLettered, 0)).toBe(N);
      seen.push(...body.deadLetters);
      if (!body.nextCursor) break;
      args = ['outbound', 'status', '--json', '--limit', '1000', '--cursor', body.nextCursor];
    }
    expect(seen).toHaveLength(N);
    expect(new Set(seen.map((d) => d.id)).size).toBe(N);
    const keys = seen.map((d) => `${d.at} ${d.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  }, 120_000);
});
