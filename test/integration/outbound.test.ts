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
import { flushReminders } from '../../jobs/flush-reminders.job.js';
import { waitForDrain } from '../helpers/queue-drain.js';

const LEADERS_KEY = '00000000-0000-0000-0000-000000000002';
const BAD_KEY = '00000000-0000-0000-0000-00000000dead';
const DEAD_KEY = '00000000-0000-0000-0000-0000000dead1';
const ORPHAN_KEY = '00000000-0000-0000-0000-0000000dead2';
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

function env(opts: Partial<Parameters<typeof startWorkerEnv>[0]> = {}) {
  const e = startWorkerEnv({ store, apiBase: fake.base, prefix: opts.prefix ?? testQueuePrefix(), ...opts });
  envs.push(e);
  return e;
}
const text = (t: string) => ({ format: 'markdown' as const, text: t, mentions: [] });
const toGroup = (key: string) => (r: Recorded) => r.path === '/cgi-bin/webhook/send' && r.query.get('key') === key;
const content = (r: Recorded) => String(r.body?.markdown?.content ?? r.body?.text?.content ?? r.body?.markdown?.text ?? (r.body?.msgParam ? JSON.parse(r.body.msgParam).text : ''));
const drained = async (e: ReturnType<typeof env>) =>
  expect.poll(async () => e.producer.queues.outbound.getJobCounts('waiting', 'active', 'delayed'), { timeout: 20_000 }).toEqual({ waiting: 0, active: 0, delayed: 0 });
const session = (id: string) => ({
  kind: 'reply' as const,
  platform: 'dingtalk' as const,
  chatId: `cid${id}`,
  chatType: 'group' as const,
  replyVia: { kind: 'dingtalk-session' as const, url: `${fake.base}/robot/sendBySession?session=${id}`, expiresAt: Date.now() + 3_600_000 },
});

describe('outbound delivery', () => {
  it('a rate-limited send (45009) is delivered exactly once, after the wait', async () => {
    let refused = 0;
    fake.setResponder((r) => (content(r).includes('rl-1') && refused++ === 0 ? { body: { errcode: 45009, errmsg: 'api freq out of limit' } } : undefined));
    const prefix = testQueuePrefix();
    const e = env({ prefix, rateLimitWaitMs: 800 });
    const started = Date.now();
    await e.outbox.send('rl', 0, { kind: 'group', platform: 'wecom', chatId: 'wrkSFfCgAAleaders1' }, text('rl-1 提醒'));
    await expect.poll(() => fake.requests.filter((r) => content(r).includes('rl-1')).length, { timeout: 10_000 }).toBe(2);
    const tries = fake.requests.filter((r) => content(r).includes('rl-1'));
    expect(tries.every(toGroup(LEADERS_KEY))).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
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
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
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

  // a worker killed mid-send: test/integration/outbound-takeover.test.ts (a real SIGKILL, exactly once)

  it('after a 130101 wait the queued answers resume at the configured pace: never more than the limit in any window', async () => {
    const e = env({ paceLimit: '3/1s', rateLimitWaitMs: 1000 });
    let refused = 0;
    const tries: { text: string; at: number; ok: boolean }[] = [];
    fake.setResponder((r) => {
      if (r.path !== '/robot/sendBySession' || r.query.get('session') !== 'pace') return undefined;
      const ok = !(content(r).includes('answer-0') && refused++ === 0);
      tries.push({ text: content(r), at: Date.now(), ok });
      return ok ? undefined : { body: { errcode: 130101, errmsg: 'send too fast' } };
    });
    for (let i = 0; i < 6; i++) await e.outbox.send('pace', i, session('pace'), text(`answer-${i}`));
    await expect.poll(() => tries.filter((t) => t.ok).length, { timeout: 20_000 }).toBe(6);
    await drained(e);
    const delivered = tries.filter((t) => t.ok).map((t) => /answer-\d/.exec(t.text)![0]);
    expect(delivered).toEqual(['answer-0', 'answer-1', 'answer-2', 'answer-3', 'answer-4', 'answer-5']);
    // every request the platform saw (the refused one too): at most 3 in any second
    for (const t of tries) expect(tries.filter((x) => x.at > t.at - 1000 && x.at <= t.at).length).toBeLessThanOrEqual(3);
  });

  it('a head that failed for good never blocks its destination, even when its dead-letter hook never ran', async () => {
    fake.setResponder((r) => (toGroup(BAD_KEY)(r) && content(r).includes('blk-0') ? { body: { errcode: 93000, errmsg: 'invalid webhook url' } } : undefined));
    const e = env({ deadLetterHook: false });
    await e.outbox.send('blk', 0, { kind: 'group', platform: 'wecom', chatId: 'wrkBroken' }, text('blk-0'));
    await e.outbox.send('blk', 1, { kind: 'group', platform: 'wecom', chatId: 'wrkBroken' }, text('blk-1'));
    await fake.waitFor((r) => toGroup(BAD_KEY)(r) && content(r).includes('blk-1'), 15_000);
    await drained(e);
    expect(fake.requests.filter((r) => content(r).includes('blk-1'))).toHaveLength(1);
  });

  it('DingTalk 300001 mid-message: every remaining part goes through the open API exactly once, across an API retry', async () => {
    const e = env();
    let apiCalls = 0;
    const delivered: string[] = [];
    fake.setResponder((r) => {
      const part = /P[123]/.exec(content(r))?.[0];
      if (!part) return undefined;
      if (r.path === '/robot/sendBySession') {
        if (part !== 'P1') return { body: { errcode: 300001, errmsg: 'session 不存在' } };
        delivered.push(`session ${part}`);
        return undefined;
      }
      if (r.path === '/v1.0/robot/groupMessages/send') {
        if (apiCalls++ === 1) return { status: 500, body: { code: 'ServiceUnavailable', message: 'busy' } };
        delivered.push(`api ${part}`);
      }
      return undefined;
    });
    const long = ['P1', 'P2', 'P3'].map((p) => `${p} ${'问'.repeat(6000)}`).join('\n');
    await e.outbox.send('s300001', 0, session('gone'), text(long));
    await expect.poll(() => delivered.length, { timeout: 20_000 }).toBe(3);
    await drained(e);
    expect(delivered).toEqual(['session P1', 'api P2', 'api P3']);
  });

  it('two flush jobs for one person at the same moment: each merged reminder goes out once', async () => {
    const e = env();
    const repo = e.deps.pendingReminders;
    const target = { kind: 'user' as const, platform: 'wecom' as const, userId: 'flushuser' };
    const mergeKey = 'wecom:flushuser:2026-11-30T08:30';
    const at = new Date();
    await repo.add({ _id: 'rem-1', mergeKey, target, text: '提醒一：#1 即将超期', at });
    await repo.add({ _id: 'rem-2', mergeKey, target, text: '提醒二：#2 即将超期', at });
    // the first flush reads, then a third reminder arrives, then the second flush reads — while the first is still sending
    let calls = 0;
    let added!: () => void;
    const third = new Promise<void>((r) => (added = r));
    const deps = {
      ...e.deps,
      pendingReminders: {
        ...repo,
        async unsent(k: string) {
          const n = calls++;
          if (n === 1) await third;
          const found = await repo.unsent(k);
          if (n === 0) {
            await repo.add({ _id: 'rem-3', mergeKey, target, text: '提醒三：#3 即将超期', at });
            added();
            await new Promise((r) => setTimeout(r, 300));
          }
          return found;
        },
      },
    };
    const meta = (id: string) => ({ jobId: id, attemptsMade: 0, progress: 0, setProgress: async () => {} });
    await Promise.all([
      flushReminders.process({ mergeKey, first: 'rem-1' }, deps, meta('f1')),
      flushReminders.process({ mergeKey, first: 'rem-2' }, deps, meta('f2')),
    ]);
    await expect.poll(() => fake.requests.filter((r) => r.body?.touser === 'flushuser').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await drained(e);
    const texts = fake.requests.filter((r) => r.path === '/cgi-bin/message/send' && r.body?.touser === 'flushuser').map(content).join('\n');
    for (const n of ['一', '二', '三']) expect(texts.split(`提醒${n}：`).length - 1).toBe(1);
  });
});

const cli = (args: string[], env: Record<string, string>) => runCli(args, env);

const toKey = (r: Recorded) => (r.path === '/cgi-bin/webhook/send' ? r.query.get('key') : null);

/**
 * `xiaoer outbound status` counts each send in exactly one column. A send that failed for good stays in BullMQ's
 * `failed` set (removeOnFail keeps it for 30 days) and, once its dead-letter hook has run, also has a dead letter: it
 * counts only as dead-lettered. Only a send failed for good without a dead letter (the hook never ran) counts as
 * failed. A send still to be retried after an error waits in `delayed` (BullMQ's backoff), never in `failed`.
 *
 * How this test was checked to fail: with the CLI counting every `failed` job (the state before the fix), the
 * dead-lettered destination shows `failed: 2` beside `deadLettered: 2` → red.
 */
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
    // the store is shared with this file's other tests (their 失效群's dead letters are counted too): these two groups
    expect(status.destinations.filter((d) => /wrk(Dead|Orphan)$/.test(d.destination))).toEqual([
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
