/**
 * `xiaoer outbound status` counts each send in exactly one column. A send that failed for good stays in BullMQ's
 * `failed` set (removeOnFail keeps it for 30 days) and, once its dead-letter hook has run, also has a dead letter: it
 * counts only as dead-lettered. Only a send failed for good without a dead letter (the hook never ran) counts as
 * failed. A send still to be retried after an error waits in `delayed` (BullMQ's backoff), never in `failed`.
 *
 * How this test was checked to fail: with the CLI counting every `failed` job (the state before the fix), the
 * dead-lettered destination shows `failed: 2` beside `deadLettered: 2` → red.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateDirectory } from '../../src/domain/directory.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms, type Recorded } from '../helpers/fake-platforms.js';
import { waitForDrain } from '../helpers/queue-drain.js';
import { sharedPath } from '../helpers/shared.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

const DEAD_KEY = '00000000-0000-0000-0000-0000000dead1';
const ORPHAN_KEY = '00000000-0000-0000-0000-0000000dead2';
const mongoUri = testMongoUri('outbound-status');
let store: Store;
let fake: FakePlatforms;
const envs: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(mongoUri);
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('bad directory');
  v.data.groups.push({ platform: 'wecom', chatId: 'wrkDead', name: '失效群一', kind: 'taskforce', webhookKey: DEAD_KEY });
  v.data.groups.push({ platform: 'wecom', chatId: 'wrkOrphan', name: '失效群二', kind: 'taskforce', webhookKey: ORPHAN_KEY });
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
});
afterEach(async () => {
  while (envs.length) await envs.pop()!.stop();
  fake.setResponder(() => undefined);
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

function env(opts: Partial<Parameters<typeof startWorkerEnv>[0]> & { prefix: string }) {
  const e = startWorkerEnv({ store, apiBase: fake.base, ...opts });
  envs.push(e);
  return e;
}
const text = (t: string) => ({ format: 'markdown' as const, text: t, mentions: [] });
const toKey = (r: Recorded) => (r.path === '/cgi-bin/webhook/send' ? r.query.get('key') : null);

describe('xiaoer outbound status', () => {
  it('counts a send failed for good once: dead-lettered when its dead letter exists, failed only without one', async () => {
    // both groups refuse for good (93000: no retries)
    fake.setResponder((r) => (toKey(r) === DEAD_KEY || toKey(r) === ORPHAN_KEY ? { body: { errcode: 93000, errmsg: 'invalid webhook url' } } : undefined));
    const prefix = testQueuePrefix();

    // one send whose process died before its dead-letter hook ran: failed, no dead letter
    const orphan = env({ prefix, deadLetterHook: false });
    await orphan.outbox.send('orphan', 0, { kind: 'group', platform: 'wecom', chatId: 'wrkOrphan' }, text('orphan-0'));
    await expect.poll(async () => orphan.producer.queues.outbound.getJobCounts('failed'), { timeout: 15_000 }).toEqual({ failed: 1 });
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
    await orphan.stop();
    envs.splice(envs.indexOf(orphan), 1);

    // two sends dead-lettered by the hook (their jobs stay in BullMQ's failed set)
    const e = env({ prefix });
    for (let i = 0; i < 2; i++) await e.outbox.send('dead', i, { kind: 'group', platform: 'wecom', chatId: 'wrkDead' }, text(`dead-${i}`));
    await expect.poll(async () => (await e.deadLetters.list()).length, { timeout: 15_000 }).toBe(2);
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
    expect(await e.producer.queues.outbound.getJobCounts('failed')).toEqual({ failed: 3 });

    const cliEnv = { MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: prefix };
    const json = await runCli(['outbound', 'status', '--json'], cliEnv);
    expect(json.code, json.err).toBe(0);
    const status = JSON.parse(json.out) as { destinations: { destination: string }[]; deadLetteredTotal: number };
    expect(status.destinations).toEqual([
      { destination: 'wecom:chat:wrkDead', queued: 0, delayed: 0, active: 0, failed: 0, deadLettered: 2 },
      { destination: 'wecom:chat:wrkOrphan', queued: 0, delayed: 0, active: 0, failed: 1, deadLettered: 0 },
    ]);
    expect(status.deadLetteredTotal).toBe(2);

    const table = await runCli(['outbound', 'status'], cliEnv);
    expect(table.code, table.err).toBe(0);
    const lines = table.out.split('\n');
    expect(lines).toContain('wecom:chat:wrkDead  排队 0 · 延时/待重试 0 · 发送中 0 · 失败未入死信 0 · 死信 2');
    expect(lines).toContain('wecom:chat:wrkOrphan  排队 0 · 延时/待重试 0 · 发送中 0 · 失败未入死信 1 · 死信 0');
  }, 60_000);
});
