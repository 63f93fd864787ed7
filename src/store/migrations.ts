import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { RECENT_MAX, recentKeys } from './repositories/ticket.repository.js';

/**
 * Schema upgrades: the database records its schema version, and each start runs the migrations above it, in order,
 * once. All of it lives in the `migrations` collection, `_id`-keyed (the one lookup FerretDB v1 answers from an index):
 *
 *   { _id: 'schema', version, applied: [{ version, name, at, ms, result }] }   what has run
 *   { _id: 'lock', owner, expiresAt }                                          who is running them now
 *
 * Two processes never run migrations at once: the lock is taken by inserting its document, which fails on the
 * duplicate `_id` while another holds it (an insert is atomic on FerretDB v1 too, where an update is a read, then a
 * write). The holder extends `expiresAt` while it works; a lock past its expiry (its holder died) is removed — only
 * that very lock, by owner and expiry — and taken again. Every migration is idempotent, so one cut short by a crash
 * simply runs again at the next start.
 */

export interface MigrationContext {
  db: Db;
  log: (fields: Record<string, unknown>, message: string) => void;
}

export interface Migration {
  /** 1, 2, 3…: the schema version once it has run. */
  version: number;
  name: string;
  /** Idempotent: running it again changes nothing. Returns a summary for the record (counts). */
  up(ctx: MigrationContext): Promise<Record<string, unknown>>;
}

const BATCH = 500;

/** The migrations of this release, in order. Append; never renumber or edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'backfill ticket_sources',
    /** Tickets from before `ticket_sources` get their entry (`_id` = sourceMessageId, `no`); entries already there stay. */
    async up({ db, log }) {
      const sources = db.collection<{ _id: string; no: number }>('ticket_sources');
      const cursor = db
        .collection<{ _id: number; sourceMessageId?: string }>('tickets')
        .find({}, { projection: { _id: 1, sourceMessageId: 1 }, batchSize: BATCH })
        .sort({ _id: 1 });
      let seen = 0;
      let inserted = 0;
      let batch: { _id: string; no: number }[] = [];
      const flush = async () => {
        if (!batch.length) return;
        try {
          inserted += (await sources.insertMany(batch, { ordered: false })).insertedCount;
        } catch (err) {
          // duplicates are entries already there (made by the bot, or by an earlier run): anything else is an error
          const e = err as { writeErrors?: { code?: number }[] | { code?: number }; result?: { insertedCount?: number } };
          const writeErrors = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : [];
          if (!writeErrors.length || writeErrors.some((w) => w.code !== 11000)) throw err;
          inserted += e.result?.insertedCount ?? 0;
        }
        batch = [];
        log({ seen, inserted }, 'migration: ticket_sources backfill progress');
      };
      for await (const t of cursor) {
        seen++;
        if (typeof t.sourceMessageId !== 'string') continue;
        batch.push({ _id: t.sourceMessageId, no: t._id });
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      return { tickets: seen, inserted };
    },
  },
  {
    version: 2,
    name: 'backfill ticket_recent',
    /**
     * Each conversation's and enterprise's newest tickets (ticket_recent: what 重复 and 回潮 read by `_id`), from the
     * tickets made before it existed; numbers already listed stay.
     */
    async up({ db, log }) {
      const recent = db.collection<{ _id: string; nos: number[] }>('ticket_recent');
      const lists = new Map<string, number[]>();
      let seen = 0;
      const cursor = db
        .collection<{ _id: number; platform?: string; chatId?: string; enterpriseId?: string | null }>('tickets')
        .find({}, { projection: { _id: 1, platform: 1, chatId: 1, enterpriseId: 1 }, batchSize: BATCH })
        .sort({ _id: 1 });
      for await (const t of cursor) {
        seen++;
        if (!t.platform || !t.chatId) continue;
        for (const key of recentKeys(t.platform, t.chatId, t.enterpriseId)) {
          const nos = lists.get(key) ?? [];
          nos.push(t._id);
          if (nos.length > RECENT_MAX) nos.shift();
          lists.set(key, nos);
        }
      }
      for (const [key, nos] of lists) {
        const had = (await recent.findOne({ _id: key }))?.nos ?? [];
        const next = [...new Set([...had, ...nos])].sort((a, b) => a - b).slice(-RECENT_MAX);
        await recent.updateOne({ _id: key }, { $set: { nos: next } }, { upsert: true });
      }
      log({ tickets: seen, lists: lists.size }, 'migration: ticket_recent backfilled');
      return { tickets: seen, lists: lists.size };
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

interface AppliedRecord {
  version: number;
  name: string;
  at: Date;
  ms: number;
  result: Record<string, unknown>;
}
interface SchemaDoc {
  _id: 'schema';
  version: number;
  applied: AppliedRecord[];
}
interface LockDoc {
  _id: 'lock';
  owner: string;
  expiresAt: Date;
  since: Date;
}
type MigrationDoc = SchemaDoc | LockDoc;

export class MigrationLockedError extends Error {
  constructor(readonly holder: { owner: string; expiresAt: Date }) {
    super(`another process is running migrations (${holder.owner}, its lock expires at ${holder.expiresAt.toISOString()})`);
  }
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly version: number,
    readonly known: number,
  ) {
    super(`the database's schema version ${version} is newer than this release knows (${known}): run the newer release, or restore a backup made by this one`);
  }
}

export interface MigrationStatus {
  version: number;
  latest: number;
  pending: { version: number; name: string }[];
  applied: AppliedRecord[];
  lock: { owner: string; expiresAt: Date; expired: boolean } | null;
}

const dbOf = (c: Connection | Db): Db => ('getClient' in c ? c.db! : c);
const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

export async function migrationStatus(conn: Connection | Db, migrations: readonly Migration[] = MIGRATIONS, now = new Date()): Promise<MigrationStatus> {
  const col = dbOf(conn).collection<MigrationDoc>('migrations');
  const schema = (await col.findOne({ _id: 'schema' })) as SchemaDoc | null;
  const lock = (await col.findOne({ _id: 'lock' })) as LockDoc | null;
  const version = schema?.version ?? 0;
  return {
    version,
    latest: migrations.reduce((v, m) => Math.max(v, m.version), 0),
    pending: migrations.filter((m) => m.version > version).map((m) => ({ version: m.version, name: m.name })),
    applied: schema?.applied ?? [],
    lock: lock ? { owner: lock.owner, expiresAt: lock.expiresAt, expired: lock.expiresAt.getTime() <= now.getTime() } : null,
  };
}

export interface RunMigrationsOptions {
  log?: (fields: Record<string, unknown>, message: string) => void;
  /** How long to wait for another process's lock (default 0: refuse at once with MigrationLockedError). */
  waitMs?: number;
  /** How long a lock lasts without being extended (default 2 min; extended every third of it while running). */
  lockMs?: number;
  migrations?: readonly Migration[];
  owner?: string;
}

export interface RunMigrationsResult {
  from: number;
  to: number;
  ran: { version: number; name: string; ms: number; result: Record<string, unknown> }[];
}

/** Runs the migrations above the database's version, under the lock; nothing to run: returns without locking. */
export async function runMigrations(conn: Connection | Db, opts: RunMigrationsOptions = {}): Promise<RunMigrationsResult> {
  const db = dbOf(conn);
  const migrations = [...(opts.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const log = opts.log ?? (() => undefined);
  const col = db.collection<MigrationDoc>('migrations');
  const readVersion = async () => ((await col.findOne({ _id: 'schema' })) as SchemaDoc | null)?.version ?? 0;

  const before = await readVersion();
  if (before > latest) throw new SchemaTooNewError(before, latest);
  if (before === latest) return { from: before, to: before, ran: [] };

  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const lockMs = opts.lockMs ?? 120_000;
  await takeLock(col, owner, lockMs, opts.waitMs ?? 0, log);
  const heartbeat = setInterval(() => {
    col.updateOne({ _id: 'lock', owner } as never, { $set: { expiresAt: new Date(Date.now() + lockMs) } }).catch(() => undefined);
  }, Math.max(1_000, Math.floor(lockMs / 3)));
  heartbeat.unref();
  try {
    // read again under the lock: the process that held it may have run them all
    const from = await readVersion();
    if (from > latest) throw new SchemaTooNewError(from, latest);
    const ran: RunMigrationsResult['ran'] = [];
    for (const m of migrations.filter((x) => x.version > from)) {
      log({ version: m.version, migration: m.name }, 'migration: start');
      const started = Date.now();
      const result = await m.up({ db, log });
      const ms = Date.now() - started;
      const record: AppliedRecord = { version: m.version, name: m.name, at: new Date(), ms, result };
      // under the lock, so a read-modify-write (FerretDB v1) is safe here
      await col.updateOne({ _id: 'schema' } as never, { $set: { version: m.version }, $push: { applied: record } } as never, { upsert: true });
      log({ version: m.version, migration: m.name, ms, ...result }, 'migration: done');
      ran.push({ version: m.version, name: m.name, ms, result });
    }
    return { from, to: latest, ran };
  } finally {
    clearInterval(heartbeat);
    await col.deleteOne({ _id: 'lock', owner } as never);
  }
}

async function takeLock(
  col: import('mongodb').Collection<MigrationDoc>,
  owner: string,
  lockMs: number,
  waitMs: number,
  log: (fields: Record<string, unknown>, message: string) => void,
): Promise<void> {
  const giveUpAt = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const now = new Date();
    try {
      await col.insertOne({ _id: 'lock', owner, since: now, expiresAt: new Date(now.getTime() + lockMs) });
      return;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
    const held = (await col.findOne({ _id: 'lock' })) as LockDoc | null;
    if (!held) continue; // released in between: try again
    if (held.expiresAt.getTime() <= Date.now()) {
      // its holder died: remove that lock (by owner and expiry, so a lock taken meanwhile by another stays) and retry
      log({ holder: held.owner, expiredAt: held.expiresAt.toISOString() }, 'migration: removing an expired lock');
      await col.deleteOne({ _id: 'lock', owner: held.owner, expiresAt: held.expiresAt } as never);
      continue;
    }
    if (Date.now() >= giveUpAt) throw new MigrationLockedError(held);
    if (!told) {
      log({ holder: held.owner }, 'migration: waiting for another process running migrations');
      told = true;
    }
    await new Promise((r) => setTimeout(r, Math.min(1_000, Math.max(50, giveUpAt - Date.now()))));
  }
}
