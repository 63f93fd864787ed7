/**
 * "Every outbound message is sent exactly once, even when Redis loses its keys": each send is recorded in the store
 * (outbound_messages, _id = its job id) before its job is queued; the recovery sweep queues again what Redis lost, in
 * the order it was recorded; a message recorded as sent is never sent again.
 *
 * How this test was checked to fail (issue 12, "tests that can fail"): with the record left out of outbox.send (the
 * state before the durable outbox: nothing in the store remembers a queued send), the wiped messages never arrive →
 * red; with the send job's record check left out, the sent message queued again after the second wipe is delivered
 * twice → red.
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendMessage } from '../../src/outbound/send-message.job.js';
import { validateDirectory } from '../../src/domain/directory.js';
import type { OutboundTarget } from '../../src/messages/outbound.js';
import { OUTBOUND_SWEEP_GRACE_MS } from '../../src/outbound/outbox.js';
import { recoverUnsent } from '../../src/outbound/recovery.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms, type Recorded } from '../helpers/fake-platforms.js';
import { waitForDrain, wipeDeployment } from '../helpers/queue-drain.js';
import { sharedPath } from '../helpers/shared.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

const LEADERS_KEY = '00000000-0000-0000-0000-000000000002';
const BAD_KEY = '00000000-0000-0000-0000-00000000beef';
let store: Store;
let fake: FakePlatforms;
let redis: Redis;
const envs: { stop(): Promise<void> }[] = [];
const log = createLogger('silent');

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(testMongoUri('outbound-durable'));
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('bad directory');
  v.data.groups.push({ platform: 'wecom', chatId: 'wrkFlaky', name: '失效群', kind: 'taskforce', webhookKey: BAD_KEY });
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
});
afterEach(async () => {
  while (envs.length) await envs.pop()!.stop();
  fake.setResponder(() => undefined);
});
afterAll(async () => {
  redis.disconnect();
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

function env(opts: Partial<Parameters<typeof startWorkerEnv>[0]> & { prefix: string }) {
  const e = startWorkerEnv({ store, apiBase: fake.base, ...opts });
  envs.push(e);
  return e;
}
/** The runtime's sweep at start: everything recorded so far. */
const sweep = (e: ReturnType<typeof env>) =>
  recoverUnsent({ messages: e.messages, outbox: e.outbox, producer: e.producer, deadLetters: e.deadLetters, log }, new Date(Date.now() + OUTBOUND_SWEEP_GRACE_MS));
const text = (t: string) => ({ format: 'markdown' as const, text: t, mentions: [] });
const content = (r: Recorded) =>
  String(r.body?.markdown?.content ?? r.body?.text?.content ?? r.body?.markdown?.text ?? (r.body?.msgParam ? JSON.parse(r.body.msgParam).text : ''));
/** Deliveries of a marker (a request the fake platform accepted: every request here is accepted). */
const deliveries = (marker: string) => fake.requests.filter((r) => content(r).includes(`[${marker}]`));
const keysOf = async (prefix: string) => (await redis.keys(`${prefix}:*`)).length;

const LEADERS: OutboundTarget = { kind: 'group', platform: 'wecom', chatId: 'wrkSFfCgAAleaders1' };
const sendList = (): { cause: string; index: number; target: OutboundTarget; marker: string }[] => [
  // one destination, two causes: their order must survive the wipe
  { cause: 'dur-a', index: 0, target: LEADERS, marker: 'a0' },
  { cause: 'dur-a', index: 1, target: LEADERS, marker: 'a1' },
  { cause: 'dur-a', index: 2, target: LEADERS, marker: 'a2' },
  { cause: 'dur-b', index: 0, target: LEADERS, marker: 'b0' },
  { cause: 'dur-b', index: 1, target: LEADERS, marker: 'b1' },
  // a private notice, a DingTalk group, a DingTalk reply in the conversation
  { cause: 'dur-u', index: 0, target: { kind: 'user', platform: 'wecom', userId: 'zhangwei' }, marker: 'u0' },
  { cause: 'dur-d', index: 0, target: { kind: 'group', platform: 'dingtalk', chatId: 'cidLeaders000001==' }, marker: 'd0' },
  // an absent optional field (as the platform adapters build replies) comes back absent, not null
  {
    cause: 'dur-r',
    index: 0,
    target: {
      kind: 'reply',
      platform: 'dingtalk',
      chatId: 'cidDurable',
      chatType: 'group',
      replyVia: { kind: 'dingtalk-session', url: `${fake.base}/robot/sendBySession?session=durable`, expiresAt: Date.now() + 3_600_000 },
      robotCode: undefined,
    },
    marker: 'r0',
  },
];

describe('the durable outbox', () => {
  it('messages queued before every Redis key was deleted arrive exactly once, in order; a sent one is never sent again', async () => {
    const prefix = testQueuePrefix();
    // no workers: the sends are queued and wait
    const producer = env({ prefix, workers: false });
    const sends = sendList();
    const ids: string[] = [];
    for (const s of sends) ids.push(await producer.outbox.send(s.cause, s.index, s.target, text(`[${s.marker}] 通知 ${s.cause}`)));
    for (const id of ids) expect(await producer.producer.queues.outbound.getJob(id)).toBeTruthy();

    // Redis loses everything of the deployment: jobs, the destinations' lines, the pace windows
    expect(await wipeDeployment(redis, prefix)).toBeGreaterThan(0);
    expect(await keysOf(prefix)).toBe(0);
    for (const id of ids) expect(await producer.producer.queues.outbound.getJob(id)).toBeFalsy();
    expect(fake.requests.filter((r) => /\[(a|b|u|d|r)\d\]/.test(content(r)))).toHaveLength(0);

    // workers start, the sweep runs (as at a start of the bot)
    const worker = env({ prefix });
    expect(await sweep(worker)).toBe(sends.length);
    await expect.poll(() => sends.filter((s) => deliveries(s.marker).length > 0).length, { timeout: 20_000 }).toBe(sends.length);
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
    for (const s of sends) expect(deliveries(s.marker), s.marker).toHaveLength(1);
    // the destination's order is the order the messages were recorded in
    const leaders = fake.requests.filter((r) => r.path === '/cgi-bin/webhook/send' && r.query.get('key') === LEADERS_KEY).map((r) => /\[(\w\d)\]/.exec(content(r))?.[1]);
    expect(leaders).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    for (const id of ids) expect(await worker.messages.status(id)).toBe('sent');

    // a second wipe: nothing is queued again by the sweep, by a producer that runs again (a retried handler), nor
    // sent by a job queued again for a sent message (the job checks the record first)
    const seen = fake.requests.length;
    await wipeDeployment(redis, prefix);
    expect(await sweep(worker)).toBe(0);
    for (const s of sends) await worker.outbox.send(s.cause, s.index, s.target, text(`[${s.marker}] 通知 ${s.cause}`));
    for (const id of ids) expect(await worker.producer.queues.outbound.getJob(id)).toBeFalsy();
    const again = sends[0]!;
    await worker.producer.enqueue(sendMessage, { cause: again.cause, index: again.index, target: again.target, message: text(`[${again.marker}] 通知 ${again.cause}`) });
    await expect.poll(async () => (await worker.producer.queues.outbound.getJob(ids[0]!))?.returnvalue, { timeout: 10_000 }).toBe('already sent');
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
    expect(fake.requests.length).toBe(seen);
    for (const s of sends) expect(deliveries(s.marker), s.marker).toHaveLength(1);
  });

  it('a send that failed for good before its dead letter was kept goes again; a dead-lettered one is left to the operator', async () => {
    const prefix = testQueuePrefix();
    let broken = true;
    fake.setResponder((r) => (broken && r.query.get('key') === BAD_KEY ? { body: { errcode: 93000, errmsg: 'invalid webhook url' } } : undefined));
    const flaky: OutboundTarget = { kind: 'group', platform: 'wecom', chatId: 'wrkFlaky' };
    // the process died before the dead-letter hook ran: the job failed for good, no dead letter
    const noHook = env({ prefix, deadLetterHook: false });
    const lostId = await noHook.outbox.send('dur-f', 0, flaky, text('[f0] 失败后重发'));
    await expect.poll(async () => (await noHook.producer.queues.outbound.getJob(lostId))?.isFailed(), { timeout: 15_000 }).toBe(true);
    await noHook.stop();
    envs.splice(envs.indexOf(noHook), 1);
    // with the hook: dead-lettered, recorded as dead
    const withHook = env({ prefix });
    const deadId = await withHook.outbox.send('dur-g', 0, flaky, text('[g0] 死信'));
    await expect.poll(() => withHook.messages.status(deadId), { timeout: 15_000 }).toBe('dead');
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
    expect(await withHook.messages.status(lostId)).toBe('queued');

    broken = false; // the key was fixed
    expect(await sweep(withHook)).toBe(1);
    await expect.poll(() => deliveries('f0').filter((r) => r.query.get('key') === BAD_KEY).length, { timeout: 15_000 }).toBe(2); // refused, then delivered
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
    expect(await withHook.messages.status(lostId)).toBe('sent');
    expect(deliveries('g0')).toHaveLength(1); // the refused attempt only: the operator decides
    expect(await withHook.messages.status(deadId)).toBe('dead');
  });

  it('a sent message whose "sent" write was lost is recorded as sent by the sweep, not sent again', async () => {
    const prefix = testQueuePrefix();
    const e = env({ prefix });
    const id = await e.outbox.send('dur-w', 0, LEADERS, text('[w0] 写丢'));
    await expect.poll(() => e.messages.status(id), { timeout: 15_000 }).toBe('sent');
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
    // as if the update had been lost: the record says queued, the completed job says it went
    await store.conn.db!.collection('outbound_messages').updateOne({ _id: id as never }, { $set: { status: 'queued' } });
    expect(await sweep(e)).toBe(0);
    expect(await e.messages.status(id)).toBe('sent');
    await waitForDrain(testRedisUrl(), prefix, { queues: ['outbound'], extra: () => fake.requests.length });
    expect(deliveries('w0')).toHaveLength(1);
  });
});
