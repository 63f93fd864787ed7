import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInbound } from '../../jobs/process-inbound.job.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot } from '../helpers/bot-process.js';
import { wecomCallback, wecomTextPayload, wecomEnv } from '../helpers/callbacks.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { deploymentPrefixes, waitForDrain } from '../helpers/queue-drain.js';

let fake: FakePlatforms;
let store: Store;
const mongoUri = testMongoUri('crash');
const prefix = testQueuePrefix();

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(mongoUri);
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

const env = (role: string) => ({
  MONGODB_URI: mongoUri,
  REDIS_URL: testRedisUrl(),
  XIAOER_QUEUE_PREFIX: prefix,
  XIAOER_ROLE: role,
  ...wecomEnv(fake.base),
});

describe('a crash between storing and processing', () => {
  it('still ends in exactly one ticket and one answer per message, also when Redis lost the job', async () => {
    // 1. A web-only process acknowledges two reports: stored and queued, not processed.
    const web = await startBot(env('web'));
    // two different problems (the same one twice in a group would be one ticket: 重复)
    const problem = { kept: '车间变压器昨晚烧了，全厂停电', lost: '厂区门口的路灯坏了好几天，晚上下班很不安全' };
    const sent = (['kept', 'lost'] as const).map((tag) =>
      wecomCallback(
        wecomTextPayload(problem[tag], {
          msgid: `crash-${tag}`,
          responseUrl: `${fake.base}/cgi-bin/aibot/response?response_code=${tag}`,
        }),
      ),
    );
    for (const cb of sent) {
      const res = await fetch(`${web.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body });
      expect(res.status).toBe(200);
    }
    const inbound = store.conn.collection('inbound_messages');
    expect(await inbound.countDocuments({ status: 'received' })).toBe(2);

    // 2. The process dies hard; Redis loses one of the two jobs.
    await web.kill();
    const connection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    // the deployment's own key prefix (XIAOER_QUEUE_PREFIX, qualified by the deployment when the runtime does so)
    const [deployed, ...others] = await deploymentPrefixes(connection, prefix);
    expect(others).toEqual([]);
    const queue = new Queue('inbound', { connection, prefix: deployed! });
    const lostId = processInbound.jobId({ platform: 'wecom', eventId: 'crash-lost' });
    expect(await queue.getJob(lostId)).toBeTruthy();
    await queue.remove(lostId);
    expect(await queue.getJob(lostId)).toBeUndefined();
    await queue.close();
    connection.disconnect();

    // 3. A full process starts: the waiting job runs, the recovery sweep re-queues the lost one.
    const bot = await startBot(env('all'));
    try {
      for (const tag of ['kept', 'lost']) {
        await fake.waitFor((r) => r.query.get('response_code') === tag, 20_000);
      }
      await expect.poll(() => inbound.countDocuments({ status: 'processed' }), { timeout: 10_000 }).toBe(2);
      // "no more than one" only once every queued job has run and the platform heard nothing new
      await waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length });
      const tickets = store.conn.collection('tickets');
      expect(await tickets.countDocuments({ sourceMessageId: 'wecom:crash-kept' })).toBe(1);
      expect(await tickets.countDocuments({ sourceMessageId: 'wecom:crash-lost' })).toBe(1);
      expect(await tickets.countDocuments()).toBe(2);
      for (const tag of ['kept', 'lost']) {
        expect(fake.requests.filter((r) => r.query.get('response_code') === tag)).toHaveLength(1);
      }
      expect(bot.log()).toContain('recovered an unprocessed message');

      // 4. The same deliveries again, after recovery: still nothing new.
      for (const cb of sent) {
        expect((await fetch(`${bot.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body })).status).toBe(200);
      }
      await waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length });
      expect(await tickets.countDocuments()).toBe(2);
      for (const tag of ['kept', 'lost']) {
        expect(fake.requests.filter((r) => r.query.get('response_code') === tag)).toHaveLength(1);
      }
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  });
});

describe('configuration', () => {
  it('a bad or half-set configuration stops the start with one message naming every bad key, never a value', async () => {
    const bot = await startBot(
      { PORT: '99999', WECOM_BOT_TOKEN: 'secret-token-value', DINGTALK_APP_SECRET: 'another-secret', MONGODB_URI: 'http://x' },
      { waitReady: false },
    );
    expect(await bot.exited).toBe(2);
    const out = bot.log();
    for (const key of ['PORT', 'MONGODB_URI', 'WECOM_BOT_AES_KEY', 'DINGTALK_APP_KEY']) expect(out).toContain(key);
    expect(out.split('\n').filter((l) => l.includes('configuration error'))).toHaveLength(1);
    expect(out).not.toContain('secret-token-value');
    expect(out).not.toContain('another-secret');
  });
});
