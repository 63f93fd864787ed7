import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { ensureRetentionIndexes, purgeExpired, startRetention } from '../../src/store/retention.js';
import { testMongoUri } from '../helpers/env.js';

// a fixed clock: nothing here depends on today's date
const NOW = new Date('2026-11-23T01:30:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
let store: Store;

beforeAll(async () => {
  store = await connectStore(testMongoUri('retention'));
});
afterAll(() => store?.close());

const ids = async (name: string) => (await store.conn.db!.collection(name).find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)).sort();

describe('retention: raw payloads, done reminders and notices expire', () => {
  it('deletes what is older than the retention; keeps the recent and reminders not yet sent', async () => {
    const db = store.conn.db!;
    await db.collection('inbound_messages').insertMany([
      { _id: 'wecom:old' as never, receivedAt: daysAgo(31), raw: { response_url: 'https://x' }, status: 'processed' },
      { _id: 'wecom:new' as never, receivedAt: daysAgo(29), raw: { response_url: 'https://y' }, status: 'processed' },
    ]);
    await db.collection('pending_reminders').insertMany([
      { _id: 'sent-old' as never, at: daysAgo(40), sent: true },
      { _id: 'unsent-old' as never, at: daysAgo(40), sent: false },
      { _id: 'sent-new' as never, at: daysAgo(2), sent: true },
    ]);
    await db.collection('notices').insertMany([
      { _id: 'notice-old' as never, at: daysAgo(31) },
      { _id: 'notice-new' as never, at: daysAgo(1) },
    ]);
    // the durable outbox: a message sent long ago goes; one not sent (queued, dead-lettered) stays whatever its age
    await db.collection('outbound_messages').insertMany([
      { _id: 'out-sent-old' as never, status: 'sent', createdAt: daysAgo(41), sentAt: daysAgo(40) },
      { _id: 'out-sent-new' as never, status: 'sent', createdAt: daysAgo(41), sentAt: daysAgo(2) },
      { _id: 'out-queued-old' as never, status: 'queued', createdAt: daysAgo(40) },
      { _id: 'out-dead-old' as never, status: 'dead', createdAt: daysAgo(40) },
    ]);
    const retention = await startRetention(store.conn, { days: 30, log: createLogger('silent'), now: () => NOW });
    retention.stop();
    expect(await ids('inbound_messages')).toEqual(['wecom:new']);
    expect(await ids('pending_reminders')).toEqual(['sent-new', 'unsent-old']);
    expect(await ids('notices')).toEqual(['notice-new']);
    expect(await ids('outbound_messages')).toEqual(['out-dead-old', 'out-queued-old', 'out-sent-new']);
    expect(await purgeExpired(store.conn, 30, NOW)).toEqual({ inbound_messages: 0, pending_reminders: 0, notices: 0, outbound_messages: 0 });
  });

  it('every collection has an index on its date field: a TTL where the server has TTL indexes, else a plain one for the delete', async () => {
    const mode = await ensureRetentionIndexes(store.conn, 30);
    for (const [name, field] of [['inbound_messages', 'receivedAt'], ['pending_reminders', 'at'], ['notices', 'at'], ['outbound_messages', 'sentAt']] as const) {
      const idx = (await store.conn.db!.collection(name).indexes()).find((i) => i.name === `retention_${field}`);
      expect(idx?.key, name).toEqual({ [field]: 1 });
      if (mode === 'ttl') expect(idx?.expireAfterSeconds).toBe(30 * 86_400);
    }
    // idempotent
    expect(await ensureRetentionIndexes(store.conn, 30)).toBe(mode);
  });
});
