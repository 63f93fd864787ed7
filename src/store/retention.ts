import type { Connection } from 'mongoose';
import type { Logger } from '../shared/logger.js';

/**
 * What expires, and from which date field. Raw inbound payloads hold response_url / sessionWebhook (reply
 * credentials) and personal text; reminders once sent, one-time notices and outbound messages once sent are done
 * with. A reminder or an outbound message not yet sent never expires here.
 */
export const RETENTION_RULES = [
  { collection: 'inbound_messages', field: 'receivedAt', filter: {} },
  { collection: 'pending_reminders', field: 'at', filter: { sent: true } },
  { collection: 'notices', field: 'at', filter: {} },
  // the durable outbox: a message once sent (queued and dead-lettered ones stay)
  { collection: 'outbound_messages', field: 'sentAt', filter: { status: 'sent' } },
] as const;

const indexName = (field: string) => `retention_${field}`;

/**
 * TTL indexes (`expireAfterSeconds` = days) where the server has them (MongoDB). FerretDB 1.24 answers "Index option
 * expireAfterSeconds is not implemented yet": there a plain index on the date field serves the periodic delete.
 * Returns how expiry is done: 'ttl' (the server deletes; the periodic delete is a backstop) or 'purge'.
 */
export async function ensureRetentionIndexes(conn: Connection, days: number): Promise<'ttl' | 'purge'> {
  const seconds = Math.round(days * 86_400);
  let ttl = true;
  for (const r of RETENTION_RULES) {
    const col = conn.db!.collection(r.collection);
    const name = indexName(r.field);
    const options = Object.keys(r.filter).length ? { partialFilterExpression: r.filter } : {};
    const existing = (await col.indexes().catch(() => [])).find((i) => i.name === name);
    if (existing && ttl && existing.expireAfterSeconds !== undefined && existing.expireAfterSeconds !== seconds) {
      // the retention was changed: MongoDB changes a TTL in place
      await conn.db!.command({ collMod: r.collection, index: { name, expireAfterSeconds: seconds } });
      continue;
    }
    if (existing) {
      // a plain index in place: this server took the fallback before
      if (existing.expireAfterSeconds === undefined) ttl = false;
      continue;
    }
    try {
      await col.createIndex({ [r.field]: 1 }, { name, expireAfterSeconds: seconds, ...options });
    } catch (err) {
      if (!/expireAfterSeconds|not implemented|partialFilterExpression/i.test((err as Error).message)) throw err;
      ttl = false;
      await col.createIndex({ [r.field]: 1 }, { name });
    }
  }
  return ttl ? 'ttl' : 'purge';
}

/** Deletes what is older than `days` at `now`; returns the count per collection. Cheap: one indexed delete each. */
export async function purgeExpired(conn: Connection, days: number, now: Date): Promise<Record<string, number>> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const counts: Record<string, number> = {};
  for (const r of RETENTION_RULES) {
    const res = await conn.db!.collection(r.collection).deleteMany({ ...r.filter, [r.field]: { $lt: before } });
    counts[r.collection] = res.deletedCount;
  }
  return counts;
}

/** Purges once now and then every `everyMs` (hourly), whatever the indexes: on FerretDB this is what expires data. */
export async function startRetention(
  conn: Connection,
  opts: { days: number; log: Logger; everyMs?: number; now?: () => Date },
): Promise<{ mode: 'ttl' | 'purge'; stop(): void }> {
  const mode = await ensureRetentionIndexes(conn, opts.days);
  const run = () =>
    purgeExpired(conn, opts.days, opts.now?.() ?? new Date())
      .then((counts) => {
        if (Object.values(counts).some((n) => n > 0)) opts.log.info({ counts, days: opts.days }, 'expired data deleted');
      })
      .catch((err) => opts.log.warn({ err: { message: (err as Error).message } }, 'retention delete failed'));
  await run();
  const timer = setInterval(() => void run(), opts.everyMs ?? 3_600_000);
  timer.unref();
  opts.log.info({ days: opts.days, mode }, mode === 'ttl' ? 'retention: TTL indexes' : 'retention: periodic delete (no TTL indexes on this server)');
  return { mode, stop: () => clearInterval(timer) };
}
