import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { startRuntime } from '../../src/runtime.js';
import { createLogger } from '../../src/shared/logger.js';
import { buildNewTicket } from '../../src/domain/ticket.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { LATEST_VERSION, MIGRATIONS, MigrationLockedError, migrationStatus, runMigrations, type Migration } from '../../src/store/migrations.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';

/** A database as the previous release left it: tickets written straight to `tickets`, no ticket_sources, no schema version. */
async function previousRelease(label: string, n: number): Promise<{ store: Store; uri: string }> {
  const uri = testMongoUri(label);
  const store = await connectStore(uri);
  const docs = Array.from({ length: n }, (_, i) => {
    const t = buildNewTicket(i + 1, {
      platform: i % 2 ? 'wecom' : 'dingtalk',
      chatId: 'cid1',
      reporter: { id: `u${i}`, name: '孙总' },
      text: `问题 ${i + 1}`,
      summary: `问题 ${i + 1}`,
      category: 'finance',
      categoryConfidence: 0.9,
      urgency: 'normal',
      requestedDate: null,
      resolutionDueAt: '2026-11-30T10:00:00.000Z',
      enterprise: null,
      sourceMessageId: `dingtalk:old-${i + 1}`,
      parsedBy: 'rules',
      now: '2026-11-23T01:30:00.000Z',
    });
    return { ...t, _id: t.no };
  });
  await store.conn.db!.collection('tickets').insertMany(docs as never[]);
  await store.conn.db!.collection('counters').insertOne({ _id: 'ticket' as never, seq: n });
  return { store, uri };
}

const sources = (s: Store) => s.conn.db!.collection<{ _id: string; no: number }>('ticket_sources').find({}).sort({ no: 1 }).toArray();

describe('schema migrations', () => {
  const opened: Store[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) {
      await s.conn.db!.dropDatabase();
      await s.close();
    }
  });

  it('upgrades a database of the previous release once: version recorded, ticket_sources backfilled in batches; again changes nothing', async () => {
    const { store } = await previousRelease('mig_up', 1203);
    opened.push(store);
    // one entry already there (the bot reserved it): kept as it is
    await store.conn.db!.collection('ticket_sources').insertOne({ _id: 'dingtalk:old-7' as never, no: 7 });
    expect(await migrationStatus(store.conn)).toMatchObject({ version: 0, latest: LATEST_VERSION, pending: [{ version: 1, name: 'backfill ticket_sources' }, { version: 2, name: 'backfill ticket_recent' }], lock: null });

    const lines: string[] = [];
    const first = await runMigrations(store.conn, { log: (f, m) => lines.push(`${m} ${JSON.stringify(f)}`) });
    expect(first).toMatchObject({ from: 0, to: 2, ran: [{ version: 1, result: { tickets: 1203, inserted: 1202 } }, { version: 2, result: { tickets: 1203 } }] });
    expect(lines.filter((l) => l.startsWith('migration: ticket_sources backfill progress'))).toHaveLength(3); // 500 + 500 + 203
    const all = await sources(store);
    expect(all).toHaveLength(1203);
    expect(all.every((s) => s._id === `dingtalk:old-${s.no}`)).toBe(true);
    const status = await migrationStatus(store.conn);
    expect(status).toMatchObject({ version: 2, pending: [], lock: null, applied: [{ version: 1, name: 'backfill ticket_sources' }, { version: 2, name: 'backfill ticket_recent' }] });

    // again: nothing to run, nothing changed
    expect(await runMigrations(store.conn)).toEqual({ from: 2, to: 2, ran: [] });
    expect(await sources(store)).toEqual(all);
    // the migration itself is idempotent too (a run cut short by a crash runs again)
    expect(await MIGRATIONS[0]!.up({ db: store.conn.db!, log: () => undefined })).toEqual({ tickets: 1203, inserted: 0 });
    expect(await migrationStatus(store.conn)).toMatchObject({ version: 2, applied: [{ version: 1 }, { version: 2 }] });

    // what the entries are for: a redelivered old report gives back its ticket by `_id` lookup, no new number
    const repo = createTicketRepository(store.conn);
    expect(await repo.insertNumbered('dingtalk:old-42', () => { throw new Error('must not build a ticket'); })).toMatchObject({ created: false, ticket: { no: 42 } });
    // and ticket_recent: the newest 100 of each conversation, what 重复 and 回潮 read by `_id`
    const recent = await store.conn.db!.collection<{ _id: string; nos: number[] }>('ticket_recent').find({}).toArray();
    expect(recent.length).toBeGreaterThan(0);
    for (const r of recent) {
      expect(r.nos.length).toBeLessThanOrEqual(100);
      expect(r.nos).toEqual([...r.nos].sort((a, b) => a - b));
    }
    expect(Math.max(...recent.flatMap((r) => r.nos))).toBe(1203);
  });

  it('two concurrent runs: one runs the migrations, the other waits and finds them done', async () => {
    const { store, uri } = await previousRelease('mig_two', 20);
    opened.push(store);
    // a second process on the same database (its own connection)
    const second = await connectStore(uri);
    let runs = 0;
    const slow: Migration[] = [
      {
        ...MIGRATIONS[0]!,
        async up(ctx) {
          runs++;
          await new Promise((r) => setTimeout(r, 600));
          return MIGRATIONS[0]!.up(ctx);
        },
      },
    ];
    try {
      const [r1, r2] = await Promise.all([
        runMigrations(store.conn, { migrations: slow, waitMs: 10_000, owner: 'one' }),
        runMigrations(second.conn, { migrations: slow, waitMs: 10_000, owner: 'two' }),
      ]);
      expect(runs).toBe(1);
      expect([r1.ran.length, r2.ran.length].sort()).toEqual([0, 1]);
      expect(await migrationStatus(store.conn)).toMatchObject({ version: 1, lock: null, applied: [{ version: 1 }] });
      expect(await sources(store)).toHaveLength(20);
    } finally {
      await second.close();
    }
  });

  it('refuses while another holds the lock; takes over a lock whose holder died (expired)', async () => {
    const { store } = await previousRelease('mig_lock', 3);
    opened.push(store);
    const locks = store.conn.db!.collection('migrations');
    await locks.insertOne({ _id: 'lock' as never, owner: 'other-host:123', since: new Date(), expiresAt: new Date(Date.now() + 60_000) });
    const refused = await runMigrations(store.conn).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MigrationLockedError);
    expect((refused as MigrationLockedError).holder.owner).toBe('other-host:123');
    expect(await migrationStatus(store.conn)).toMatchObject({ version: 0 });
    expect(await sources(store)).toHaveLength(0);

    await locks.updateOne({ _id: 'lock' as never }, { $set: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await runMigrations(store.conn)).toMatchObject({ from: 0, to: 2 });
    expect(await migrationStatus(store.conn)).toMatchObject({ version: 2, lock: null });
  });

  it('xiaoer migrate --status, then xiaoer migrate', async () => {
    const { store, uri } = await previousRelease('mig_cli', 5);
    opened.push(store);
    const status = await runCli(['migrate', '--status'], { MONGODB_URI: uri });
    expect(status.code).toBe(0);
    expect(status.out).toContain('数据库结构版本：0');
    expect(status.out).toContain('待执行 1 backfill ticket_sources');
    const run = await runCli(['migrate'], { MONGODB_URI: uri });
    expect(run.code).toBe(0);
    expect(run.out).toContain('数据库结构版本 0 → 2');
    expect(await sources(store)).toHaveLength(5);
    const again = await runCli(['migrate'], { MONGODB_URI: uri });
    expect(again.out).toContain('无需升级');
  });

  it('the bot runs them at start', async () => {
    const { store, uri } = await previousRelease('mig_start', 4);
    opened.push(store);
    const config = loadConfig({ MONGODB_URI: uri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: testQueuePrefix(), XIAOER_ROLE: 'worker', XIAOER_SIMULATOR: '0' });
    const runtime = await startRuntime(config, createLogger('silent'));
    try {
      expect(await migrationStatus(store.conn)).toMatchObject({ version: LATEST_VERSION, pending: [], lock: null });
      expect(await sources(store)).toHaveLength(4);
    } finally {
      await runtime.stop();
    }
  });
});
