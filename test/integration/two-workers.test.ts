import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInbound } from '../../jobs/process-inbound.job.js';
import { createIntake } from '../../src/bot/intake.js';
import { claimPrefix, deploymentPrefix, ensureDeployment } from '../../src/infra/deployment.js';
import { waitFor } from '../../src/infra/process.js';
import { wecomCallbackSchema } from '../../src/platforms/wecom/payload.js';
import { wecomToInbound } from '../../src/platforms/wecom/to-inbound.js';
import { createProducer } from '../../src/queue/producer.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createInboundRepository } from '../../src/store/repositories/inbound.repository.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { wecomEnv, wecomTextPayload } from '../helpers/callbacks.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { waitForDrain } from '../helpers/queue-drain.js';

const REPORTS = 100;
const CHATS = 10;

let fake: FakePlatforms;
let store: Store;
const mongoUri = testMongoUri('twoworkers');
const base = testQueuePrefix();
const workers: BotProcess[] = [];

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(mongoUri);
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

describe('two worker processes on one store and one Redis', () => {
  it('work off a backlog together: every report one ticket and one answer, none lost, none doubled', { timeout: 90_000 }, async () => {
    // 1. The backlog, stored and queued as the intake does it, under the deployment's prefix (the one the workers use);
    //    the inbound queue is paused until both workers run, so that both take part
    const deployment = await ensureDeployment(store.conn);
    const prefix = deploymentPrefix(base, deployment);
    const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    await claimPrefix(redis, prefix, deployment.id);
    const producer = createProducer(redis, prefix);
    await producer.queues.inbound.pause();
    const intake = createIntake({ inbound: createInboundRepository(store.conn), producer, log: createLogger('silent'), processing: processInbound });
    const ids = Array.from({ length: REPORTS }, (_, i) => `two-${i}`);
    for (const [i, id] of ids.entries()) {
      const payload = wecomTextPayload(`厂区门口的路灯坏了好几天（第${i}处）`, {
        msgid: id,
        chatid: `twochat${i % CHATS}`,
        userid: `u${i % 7}`,
        responseUrl: `${fake.base}/cgi-bin/aibot/response?response_code=${id}`,
      });
      const result = wecomToInbound(wecomCallbackSchema.parse(payload), '店小二', new Date());
      expect(await intake.accept(result, new Date())).toBe('accepted');
    }

    // 2. Two worker processes: the real entry point, XIAOER_ROLE=worker
    const env = { MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: base, XIAOER_ROLE: 'worker', XIAOER_OUTBOUND_LIMIT: '100000/1s', ...wecomEnv(fake.base) };
    for (let i = 0; i < 2; i++) workers.push(await startBot(env, { waitReady: false }));
    await waitFor(async () => workers.every((w) => w.log().includes('xiaoer workers running')), 60_000, 'two worker processes').catch((err: Error) => {
      throw new Error(`${err.message}:\n${workers.map((w) => w.log().slice(-2000)).join('\n---\n')}`);
    });
    await producer.queues.inbound.resume();

    // 3. Everything answered; then "not twice" only once the queues are drained and the fake heard nothing new
    const answered = () => new Set(fake.requests.filter((r) => r.path === '/cgi-bin/aibot/response').map((r) => r.query.get('response_code'))).size;
    await expect.poll(answered, { timeout: 60_000, interval: 250 }).toBe(REPORTS);
    await waitForDrain(testRedisUrl(), base, { extra: () => fake.requests.length, timeoutMs: 30_000 });
    await producer.close();
    redis.disconnect();

    const tickets = await store.conn.collection('tickets').find({}, { projection: { sourceMessageId: 1 } }).toArray();
    expect(tickets).toHaveLength(REPORTS);
    expect(new Set(tickets.map((t) => t.sourceMessageId))).toEqual(new Set(ids.map((id) => `wecom:${id}`)));
    const perReport = new Map<string, number>();
    for (const r of fake.requests.filter((x) => x.path === '/cgi-bin/aibot/response')) {
      const code = r.query.get('response_code')!;
      perReport.set(code, (perReport.get(code) ?? 0) + 1);
    }
    expect([...perReport.keys()].sort()).toEqual([...ids].sort());
    expect([...perReport.values()].filter((n) => n !== 1)).toEqual([]);
    expect(await store.conn.collection('inbound_messages').countDocuments({ status: 'processed' })).toBe(REPORTS);
    // both processes took part
    const handled = workers.map((w) => w.log().split('"message handled"').length - 1);
    expect(handled.every((n) => n > 0), `messages handled per process: ${handled.join(', ')}`).toBe(true);
    expect(handled[0]! + handled[1]!).toBe(REPORTS);
  });
});
