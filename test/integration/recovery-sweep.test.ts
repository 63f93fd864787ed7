/**
 * The recovery sweeps (inbound: recoverUnprocessed, outbound: recoverUnsent) read what became due from their due index
 * (`sweep_due`) and each message by `_id` alone — the one lookup FerretDB v1 answers without a scan of the collection
 * — so a pass costs what is due, not the number of messages stored. The acknowledgement path pays one small write
 * per batch for it.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recoverUnprocessed } from '../../src/bot/intake.js';
import type { InboundMessage } from '../../src/messages/inbound.js';
import { OUTBOUND_SWEEP_GRACE_MS } from '../../src/outbound/outbox.js';
import { recoverUnsent } from '../../src/outbound/recovery.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { minuteOf } from '../../src/store/repositories/sla-due.repository.js';
import { processInbound } from '../../jobs/process-inbound.job.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { callsOn } from '../helpers/db-calls.js';
import { wipeDeployment } from '../helpers/queue-drain.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

const log = createLogger('silent');
let store: Store;
let redis: Redis;
const envs: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
});
afterEach(async () => {
  while (envs.length) await envs.pop()!.stop();
  await store.conn.dropDatabase();
  await store.close();
});
afterAll(() => {
  redis.disconnect();
});

function env(prefix: string) {
  // no workers: what is queued waits, what Redis loses stays lost until a sweep finds it
  const e = startWorkerEnv({ store, apiBase: 'http://127.0.0.1:9', prefix, workers: false });
  envs.push(e);
  return e;
}
const msg = (eventId: string): InboundMessage => ({
  platform: 'wecom',
  eventId,
  chatId: `wrkSweep${eventId.length % 3}`,
  chatType: 'group',
  sender: { platform: 'wecom', id: 'chenjl' },
  text: `用电扩容 ${eventId}`,
  mentions: [],
  sentAt: new Date().toISOString(),
});
const text = (t: string) => ({ format: 'markdown' as const, text: t, mentions: [] });
const MESSAGES = ['inbound_messages', 'outbound_messages'];
const SWEPT = [...MESSAGES, 'sweep_due'];

interface Op {
  coll: string;
  method: string;
  args: unknown[];
}
async function capture<T>(fn: () => Promise<T>): Promise<{ value: T; ops: Op[] }> {
  const { value, calls } = await callsOn(store.conn, fn);
  return { value, ops: calls };
}
const READS = /^(find|findOne|countDocuments|count|estimatedDocumentCount|aggregate|distinct)$/;
/** Every filter an operation applies (reads, updates, deletes; each update of a bulkWrite). */
function filtersOf(op: Op): unknown[] {
  if (op.method === 'bulkWrite') {
    return (op.args[0] as Record<string, { filter?: unknown }>[]).map((w) => Object.values(w)[0]?.filter);
  }
  if (/^(insertOne|insertMany)$/.test(op.method)) return [];
  return [op.args[0] ?? {}];
}
/** A single string `_id` equality: what FerretDB v1 answers from its primary key. */
const byIdOnly = (f: unknown) =>
  typeof f === 'object' && f !== null && Object.keys(f).length === 1 && typeof (f as { _id?: unknown })._id === 'string';

describe('the recovery sweeps read by _id only', () => {
  it('a pass re-queues what is due reading the index and the messages by _id alone; a pass with nothing due reads no message', async () => {
    store = await connectStore(testMongoUri('sweep-by-id'));
    const prefix = testQueuePrefix();
    const e = env(prefix);
    const inboundDeps = { inbound: e.deps.inbound, producer: e.producer, log, processing: processInbound };
    const outboundDeps = { messages: e.messages, outbox: e.outbox, producer: e.producer, deadLetters: e.deadLetters, log };
    // the first passes on this database (what the old query finds is filed once)
    expect(await recoverUnsent(outboundDeps, new Date())).toBe(0);
    expect(await recoverUnprocessed(inboundDeps, new Date())).toBe(0);

    // 30 stored messages whose jobs never made it (stored straight, as before a crash), 20 processed ones
    const past = new Date(Date.now() - 10 * 60_000);
    await Promise.all(Array.from({ length: 30 }, (_, i) => e.deps.inbound.store(msg(`lost-${i}`), {}, past)));
    await Promise.all(Array.from({ length: 20 }, (_, i) => e.deps.inbound.store(msg(`done-${i}`), {}, past)));
    for (let i = 0; i < 20; i++) await e.deps.inbound.markProcessed('wecom', `done-${i}`, 'ok', new Date());
    // 10 answers recorded and queued, then Redis loses every key of the deployment
    for (let i = 0; i < 10; i++) await e.outbox.send('sweep-by-id', i, { kind: 'group', platform: 'wecom', chatId: 'wrkSweepOut' }, text(`[s${i}] 通知`));
    expect(await wipeDeployment(redis, prefix)).toBeGreaterThan(0);

    const dueBy = () => new Date(Date.now() + OUTBOUND_SWEEP_GRACE_MS);
    const found = await capture(async () => [await recoverUnsent(outboundDeps, dueBy()), await recoverUnprocessed(inboundDeps, dueBy())]);
    expect(found.value).toEqual([10, 30]);
    const swept = found.ops.filter((o) => SWEPT.includes(o.coll));
    expect(swept.filter((o) => READS.test(o.method) && MESSAGES.includes(o.coll)).length).toBeGreaterThan(0);
    for (const o of swept) for (const f of filtersOf(o)) expect(byIdOnly(f), `${o.coll}.${o.method} ${JSON.stringify(f)}`).toBe(true);
    // every one is queued again
    for (let i = 0; i < 30; i++) expect(await e.producer.queues.inbound.getJob(processInbound.jobId({ platform: 'wecom', eventId: `lost-${i}` }))).toBeTruthy();
    const deferredTo = minuteOf(Date.now() + 60_000);

    // the minute's sweep right after: nothing new is due; the index is read by _id, no message at all
    const idleAt = minuteOf(Date.now());
    const idle = await capture(async () => [await recoverUnsent(outboundDeps, new Date()), await recoverUnprocessed(inboundDeps, new Date())]);
    expect(idle.value).toEqual([0, 0]);
    const idleOps = idle.ops.filter((o) => SWEPT.includes(o.coll));
    for (const o of idleOps) for (const f of filtersOf(o)) expect(byIdOnly(f), `${o.coll}.${o.method} ${JSON.stringify(f)}`).toBe(true);
    // (unless the minute turned right then: what the sweep deferred a minute ahead is in this minute's bucket)
    if (deferredTo > idleAt) expect(idleOps.filter((o) => MESSAGES.includes(o.coll))).toEqual([]);
    expect(idleOps.filter((o) => READS.test(o.method)).length).toBeLessThanOrEqual(16);
  });

  it('messages stored before the index existed are found at the first pass, and once only', async () => {
    store = await connectStore(testMongoUri('sweep-upgrade'));
    const prefix = testQueuePrefix();
    const e = env(prefix);
    const inboundDeps = { inbound: e.deps.inbound, producer: e.producer, log, processing: processInbound };
    // as the previous release left them: stored, never processed, no entry in sweep_due (one without sweepAt at all)
    const old = new Date(Date.now() - 3_600_000);
    await store.conn.db!.collection('inbound_messages').insertMany([
      { _id: 'wecom:old-1' as never, platform: 'wecom', eventId: 'old-1', chatId: 'wrkOld', message: msg('old-1'), raw: {}, status: 'received', receivedAt: old, attempts: 0, sweepAt: new Date(old.getTime() + 60_000) },
      { _id: 'wecom:old-2' as never, platform: 'wecom', eventId: 'old-2', chatId: 'wrkOld', message: msg('old-2'), raw: {}, status: 'received', receivedAt: old, attempts: 0 },
      { _id: 'wecom:old-3' as never, platform: 'wecom', eventId: 'old-3', chatId: 'wrkOld', message: msg('old-3'), raw: {}, status: 'processed', receivedAt: old, attempts: 1 },
    ]);
    expect(await recoverUnprocessed(inboundDeps, new Date())).toBe(2);
    for (const id of ['old-1', 'old-2']) expect(await e.producer.queues.inbound.getJob(processInbound.jobId({ platform: 'wecom', eventId: id }))).toBeTruthy();
    // the next passes read by _id only
    const next = await capture(() => recoverUnprocessed(inboundDeps, new Date(Date.now() + 3_600_000)));
    expect(next.value).toBe(0); // their jobs are waiting
    for (const o of next.ops.filter((x) => SWEPT.includes(x.coll))) for (const f of filtersOf(o)) expect(byIdOnly(f), `${o.coll}.${o.method} ${JSON.stringify(f)}`).toBe(true);
  });

  it('a batch of acknowledgements costs one small write of the index, not one per message', async () => {
    store = await connectStore(testMongoUri('sweep-ack'));
    const e = env(testQueuePrefix());
    const acked = await capture(() => Promise.all(Array.from({ length: 50 }, (_, i) => e.deps.inbound.store(msg(`ack-${i}`), {}, new Date()))));
    expect(acked.value.every((r) => r === 'stored')).toBe(true);
    const inserts = acked.ops.filter((o) => o.coll === 'inbound_messages' && o.method === 'insertMany').length;
    const indexWrites = acked.ops.filter((o) => o.coll === 'sweep_due').length;
    expect(inserts).toBeGreaterThan(0);
    expect(indexWrites).toBeLessThanOrEqual(inserts);
  });
});
