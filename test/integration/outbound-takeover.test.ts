/**
 * "A worker killed mid-send loses nothing": the worker runs in its own process and is killed with SIGKILL while the
 * platform holds its request open. Only a second worker, taking the stalled job over once the dead one's lock has
 * lapsed, can deliver the message; it must be delivered exactly once.
 *
 * How this test was checked to fail (issue 12, "tests that can fail"):
 *  - no second worker (TAKEOVER_CHECK=no-second-worker): nothing is delivered, the poll times out → red;
 *  - the dead worker's lock far longer than the test (TAKEOVER_CHECK=long-lock, LOCK_MS 10 min): no takeover → red;
 *  - the held request answered as delivered (TAKEOVER_CHECK=duplicate): the takeover sends it again, two
 *    deliveries → red on "exactly once".
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

const LEADERS_KEY = '00000000-0000-0000-0000-000000000002';
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
const isOurs = (r: Recorded) => r.path === '/cgi-bin/webhook/send' && r.query.get('key') === LEADERS_KEY && content(r).includes('takeover-send');

describe('a worker killed mid-send', () => {
  it('another worker takes the job over and the message is delivered exactly once', async () => {
    const prefix = testQueuePrefix();
    let tries = 0;
    let delivered = 0;
    // the first attempt is held open (the killed worker never sees an answer) and then refused, so it is not a
    // delivery; every later attempt is delivered
    fake.setResponder((r) => {
      if (!isOurs(r)) return undefined;
      if (tries++ === 0) {
        if (CHECK === 'duplicate') {
          delivered++;
          return { body: { errcode: 0, errmsg: 'ok' }, delayMs: 3000 };
        }
        return { body: { errcode: -1, errmsg: 'system busy' }, delayMs: 3000 };
      }
      delivered++;
      return undefined;
    });
    const a = await startWorkerProcess({
      MONGODB_URI: mongoUri,
      REDIS_URL: testRedisUrl(),
      XIAOER_QUEUE_PREFIX: prefix,
      API_BASE: fake.base,
      LOCK_MS: CHECK === 'long-lock' ? '600000' : '1500',
    });
    const producer = startWorkerEnv({ store, apiBase: fake.base, prefix, workers: false });
    let b: ReturnType<typeof startWorkerEnv> | null = null;
    try {
      await producer.outbox.send('takeover', 0, { kind: 'group', platform: 'wecom', chatId: 'wrkSFfCgAAleaders1' }, { format: 'markdown', text: 'takeover-send 重要通知', mentions: [] });
      await expect.poll(() => tries, { timeout: 15_000 }).toBe(1);
      await a.kill(); // mid-send: its request is still open
      expect(delivered).toBe(CHECK === 'duplicate' ? 1 : 0);
      if (CHECK !== 'no-second-worker') b = startWorkerEnv({ store, apiBase: fake.base, prefix, lockDurationMs: 1500 });

      await expect.poll(() => delivered, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      // only when the queue is drained and the platform saw nothing more may "no duplicate" be claimed
      await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length, timeoutMs: 20_000 });
      expect(delivered).toBe(1);
      expect(fake.requests.filter(isOurs)).toHaveLength(2); // the held attempt and the takeover's delivery
      expect(await producer.deadLetters.list()).toEqual([]);
    } finally {
      await a.kill();
      await b?.stop();
      await producer.stop();
      fake.setResponder(() => undefined);
    }
  });
});
