import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateDirectory } from '../../src/domain/directory.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms, type Recorded } from '../helpers/fake-platforms.js';
import { sharedPath } from '../helpers/shared.js';
import { runCli } from '../helpers/cli.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

const LEADERS_KEY = '00000000-0000-0000-0000-000000000002';
const BAD_KEY = '00000000-0000-0000-0000-00000000dead';
const mongoUri = testMongoUri('outbound');
let store: Store;
let fake: FakePlatforms;
const envs: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(mongoUri);
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('bad directory');
  v.data.groups.push({ platform: 'wecom', chatId: 'wrkBroken', name: '失效群', kind: 'taskforce', webhookKey: BAD_KEY });
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

function env(opts: Partial<Parameters<typeof startWorkerEnv>[0]> = {}) {
  const e = startWorkerEnv({ store, apiBase: fake.base, prefix: opts.prefix ?? testQueuePrefix(), ...opts });
  envs.push(e);
  return e;
}
const text = (t: string) => ({ format: 'markdown' as const, text: t, mentions: [] });
const toGroup = (key: string) => (r: Recorded) => r.path === '/cgi-bin/webhook/send' && r.query.get('key') === key;
const content = (r: Recorded) => String(r.body?.markdown?.content ?? r.body?.text?.content ?? '');

describe('outbound delivery', () => {
  it('a rate-limited send (45009) is delivered exactly once, after the wait', async () => {
    let refused = 0;
    fake.setResponder((r) => (content(r).includes('rl-1') && refused++ === 0 ? { body: { errcode: 45009, errmsg: 'api freq out of limit' } } : undefined));
    const e = env({ rateLimitWaitMs: 800 });
    const started = Date.now();
    await e.outbox.send('rl', 0, { kind: 'group', platform: 'wecom', chatId: 'wrkSFfCgAAleaders1' }, text('rl-1 提醒'));
    await expect.poll(() => fake.requests.filter((r) => content(r).includes('rl-1')).length, { timeout: 10_000 }).toBe(2);
    const tries = fake.requests.filter((r) => content(r).includes('rl-1'));
    expect(tries.every(toGroup(LEADERS_KEY))).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.requests.filter((r) => content(r).includes('rl-1'))).toHaveLength(2); // one refused, one delivered: no more
  });

  it('an expired token is refreshed once for many concurrent senders', async () => {
    const e = env();
    await e.tokens.get('wecom-wwcorp-1000002', async () => ({ value: 'stale-token', expiresInSec: 7200 }));
    const before = fake.requests.filter((r) => r.path === '/cgi-bin/gettoken').length;
    fake.setResponder((r) => (r.path === '/cgi-bin/message/send' && r.query.get('access_token') === 'stale-token' ? { body: { errcode: 42001, errmsg: 'access_token expired' } } : undefined));
    await Promise.all(Array.from({ length: 10 }, (_, i) => e.outbox.send('tok', i, { kind: 'user', platform: 'wecom', userId: `user${i}` }, text(`tok-${i}`))));
    await expect.poll(() => fake.requests.filter((r) => r.path === '/cgi-bin/message/send' && r.query.get('access_token') === 'fake-wecom-token').length, { timeout: 15_000 }).toBe(10);
    expect(fake.requests.filter((r) => r.path === '/cgi-bin/gettoken').length - before).toBe(1);
  });

  it('a burst of 50 to one group keeps the pace and the order', async () => {
    const e = env({ paceLimit: '10/1s' });
    const at: number[] = [];
    fake.setResponder((r) => {
      if (toGroup(LEADERS_KEY)(r) && content(r).startsWith('burst-')) at.push(Date.now());
      return undefined;
    });
    for (let i = 0; i < 50; i++) await e.outbox.send('burst', i, { kind: 'group', platform: 'wecom', chatId: 'wrkSFfCgAAleaders1' }, text(`burst-${String(i).padStart(2, '0')}`));
    await expect.poll(() => at.length, { timeout: 20_000 }).toBe(50);
    for (const t of at) expect(at.filter((x) => x > t - 1000 && x <= t).length).toBeLessThanOrEqual(10);
    const order = fake.requests.filter((r) => toGroup(LEADERS_KEY)(r) && content(r).startsWith('burst-')).map(content);
    expect(order).toEqual([...order].sort());
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(4000);
  });

  it('a permanent error (93000) goes to the dead-letter list, with one notice to the admins; retry re-queues it', async () => {
    fake.setResponder((r) => (toGroup(BAD_KEY)(r) ? { body: { errcode: 93000, errmsg: 'invalid webhook url' } } : undefined));
    const prefix = testQueuePrefix();
    const e = env({ prefix });
    for (let i = 0; i < 3; i++) await e.outbox.send('perm', i, { kind: 'group', platform: 'wecom', chatId: 'wrkBroken' }, text(`perm-${i}`));
    await expect.poll(async () => (await e.deadLetters.list()).length, { timeout: 15_000 }).toBe(3);
    await expect.poll(() => fake.requests.filter((r) => r.body?.touser === 'xiaoer-admin' && content(r).includes('【发送失败】')).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fake.requests.filter((r) => r.body?.touser === 'xiaoer-admin' && content(r).includes('【发送失败】'))).toHaveLength(1);
    expect(fake.requests.filter(toGroup(BAD_KEY))).toHaveLength(3); // no retries of a permanent error

    const cliEnv = { MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: prefix };
    const status = JSON.parse((await cli(['outbound', 'status', '--json'], cliEnv)).out);
    expect(status.destinations).toEqual([expect.objectContaining({ destination: 'wecom:chat:wrkBroken', deadLettered: 3 })]);
    expect(status.deadLetteredTotal).toBe(3);
    fake.setResponder(() => undefined); // the key was fixed
    const id = status.deadLetters[0].id as string;
    expect((await cli(['outbound', 'retry', id], cliEnv)).code).toBe(0);
    await expect.poll(() => fake.requests.filter(toGroup(BAD_KEY)).length, { timeout: 10_000 }).toBe(4);
    expect((await cli(['outbound', 'retry', id], cliEnv)).code).toBe(1);
  });

  it('a worker killed mid-send loses nothing: another takes the job over', async () => {
    const prefix = testQueuePrefix();
    let hung = 0;
    fake.setResponder((r) => (content(r).includes('crash-send') && hung++ === 0 ? { status: 200, body: { errcode: -1, errmsg: 'system busy' }, delayMs: 4000 } : undefined));
    const a = startWorkerEnv({ store, apiBase: fake.base, prefix, lockDurationMs: 1500 });
    await a.outbox.send('crash', 0, { kind: 'group', platform: 'wecom', chatId: 'wrkSFfCgAAleaders1' }, text('crash-send 重要通知'));
    await expect.poll(() => hung, { timeout: 5000 }).toBe(1);
    await a.host!.close(true); // killed: no clean hand-over of the active job
    const b = env({ prefix, lockDurationMs: 1500 });
    void b;
    await expect.poll(() => fake.requests.filter((r) => content(r).includes('crash-send')).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await a.stop();
  });
});

const cli = (args: string[], env: Record<string, string>) => runCli(args, env);
