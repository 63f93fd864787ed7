/**
 * "A worker killed mid-send loses nothing and sends nothing twice": the worker runs in its own process and is killed
 * with SIGKILL mid-send; only a second worker, taking the stalled job over once the dead one's lock has lapsed, can
 * finish it.
 *  1. Killed before the message's request left (the platform holds its token request): the takeover delivers the
 *     message exactly once.
 *  2. Killed while the message's request is in flight (the platform holds it, and — as a real platform does with a
 *     request it received — delivers it): whether it arrived is unknown to the bot, so the takeover does not send
 *     it again; it is dead-lettered as interrupted and the admins are told once, to check and retry.
 *
 * How these were checked to fail (issue 12, "tests that can fail"):
 *  - no second worker (TAKEOVER_CHECK=no-second-worker): nothing is delivered (1) / nothing is dead-lettered (2) → red;
 *  - the dead worker's lock far longer than the test (TAKEOVER_CHECK=long-lock, LOCK_MS 10 min): no takeover → red;
 *  - without the in-flight record (the `sending` hook of the send job removed), case 2 delivers twice → red.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDirectory } from '../../src/domain/directory.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms, type Recorded } from '../helpers/fake-platforms.js';
import { waitForDrain } from '../helpers/queue-drain.js';
import { sharedPath } from '../helpers/shared.js';
import { startWorkerEnv } from '../helpers/worker-env.js';
import { startWorkerProcess } from '../helpers/worker-process.js';

const mongoUri = testMongoUri('takeover');
const CHECK = process.env.TAKEOVER_CHECK ?? '';
let store: Store;
let fake: FakePlatforms;

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(mongoUri);
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('bad directory');
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

const content = (r: Recorded) => String(r.body?.markdown?.content ?? r.body?.text?.content ?? '');
const isOurs = (tag: string) => (r: Recorded) => (r.path === '/cgi-bin/message/send' || r.path === '/cgi-bin/webhook/send') && content(r).includes(tag);
const isAdminNotice = (r: Recorded) => r.path === '/cgi-bin/message/send' && r.body?.touser === 'xiaoer-admin' && content(r).includes('【发送中断】');

/** Starts the worker to be killed, queues one message, and returns once `held` has been seen (and is being held). */
async function killMidSend(tag: string, target: Parameters<ReturnType<typeof startWorkerEnv>['outbox']['send']>[2], held: (r: Recorded) => boolean) {
  const prefix = testQueuePrefix();
  let holding = true;
  fake.setResponder((r) => (holding && held(r) ? { body: { errcode: 0, errmsg: 'ok', access_token: 'fake-wecom-token', expires_in: 7200 }, delayMs: 3000 } : undefined));
  const a = await startWorkerProcess({
    MONGODB_URI: mongoUri,
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: prefix,
    API_BASE: fake.base,
    LOCK_MS: CHECK === 'long-lock' ? '600000' : '1500',
  });
  const producer = startWorkerEnv({ store, apiBase: fake.base, prefix, workers: false });
  await producer.outbox.send(`takeover-${tag}`, 0, target, { format: 'markdown', text: `${tag} 重要通知`, mentions: [] });
  await expect.poll(() => fake.requests.filter(held).length, { timeout: 15_000 }).toBe(1);
  await a.kill(); // mid-send
  holding = false;
  const b = CHECK === 'no-second-worker' ? null : startWorkerEnv({ store, apiBase: fake.base, prefix, lockDurationMs: 1500 });
  return { prefix, producer, b, a };
}

describe('a worker killed mid-send', () => {
  it('before its request left: another worker takes the job over and delivers the message exactly once', async () => {
    const tag = 'takeover-before';
    const gettoken = (r: Recorded) => r.path === '/cgi-bin/gettoken';
    const { prefix, producer, b, a } = await killMidSend(tag, { kind: 'user', platform: 'wecom', userId: 'wangfang' }, gettoken);
    try {
      expect(fake.requests.filter(isOurs(tag))).toHaveLength(0);
      await expect.poll(() => fake.requests.filter(isOurs(tag)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      // only when the queue is drained and the platform saw nothing more may "no duplicate" be claimed
      await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length, timeoutMs: 20_000 });
      expect(fake.requests.filter(isOurs(tag))).toHaveLength(1);
      expect(await producer.deadLetters.list()).toEqual([]);
    } finally {
      await a.kill();
      await b?.stop();
      await producer.stop();
      fake.setResponder(() => undefined);
    }
  });

  it('while its request was in flight: the takeover sends nothing twice; the message is dead-lettered as interrupted and the admins are told once', async () => {
    const tag = 'takeover-inflight';
    const before = fake.requests.filter(isAdminNotice).length;
    const { prefix, producer, b, a } = await killMidSend(tag, { kind: 'group', platform: 'wecom', chatId: 'wrkSFfCgAAleaders1' }, isOurs(tag));
    try {
      await expect.poll(async () => (await producer.deadLetters.list()).length, { timeout: 20_000 }).toBe(1);
      await expect.poll(() => fake.requests.filter(isAdminNotice).length - before, { timeout: 10_000 }).toBe(1);
      await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length, timeoutMs: 20_000 });
      expect(fake.requests.filter(isOurs(tag))).toHaveLength(1); // the held request, which the platform delivered
      expect(fake.requests.filter(isAdminNotice).length - before).toBe(1);
      const [dead] = await producer.deadLetters.list();
      expect(dead).toMatchObject({ error: { code: 'OUTBOUND_INTERRUPTED' } });
    } finally {
      await a.kill();
      await b?.stop();
      await producer.stop();
      fake.setResponder(() => undefined);
    }
  });
});
