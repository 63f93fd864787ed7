import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot/bot.js';
import { processInbound } from '../../jobs/process-inbound.job.js';
import { createIntake, recoverUnprocessed } from '../../src/bot/intake.js';
import { validateDirectory } from '../../src/domain/directory.js';
import type { InboundMessage } from '../../src/messages/inbound.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { Redis } from 'ioredis';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { sharedPath } from '../helpers/shared.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

let store: Store;
let fake: FakePlatforms;
const envs: { stop(): Promise<void> }[] = [];
const log = createLogger('silent');

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(testMongoUri('inorder'));
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('bad directory');
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
});
afterEach(async () => {
  while (envs.length) await envs.pop()!.stop();
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const msg = (eventId: string, chatId: string, text: string): InboundMessage => ({
  platform: 'wecom',
  eventId,
  chatId,
  chatType: 'group',
  sender: { platform: 'wecom', id: 'cadre1' },
  text,
  mentions: [],
  sentAt: new Date().toISOString(),
});
const inbound = () => store.conn.collection('inbound_messages');

/** A bot that records when each message's handling starts and ends; `slow` texts take a while. */
function recordingBot(opts: { slowMs?: Record<string, number>; fail?: (text: string) => boolean } = {}) {
  const log: string[] = [];
  const calls = new Map<string, number>();
  const bot = {
    async handle(m: InboundMessage) {
      calls.set(m.text, (calls.get(m.text) ?? 0) + 1);
      log.push(`start ${m.text}`);
      await sleep(opts.slowMs?.[m.text] ?? 0);
      if (opts.fail?.(m.text)) {
        log.push(`fail ${m.text}`);
        throw new Error(`cannot handle ${m.text}`);
      }
      log.push(`end ${m.text}`);
      return 'ok';
    },
  } as unknown as Bot;
  return { bot, log, calls };
}

function env(prefix: string, bot: Bot, extra: Partial<Parameters<typeof startWorkerEnv>[0]> = {}) {
  const e = startWorkerEnv({ store, apiBase: fake.base, prefix, bot, ...extra });
  envs.push(e);
  return e;
}

describe('one conversation, one order', () => {
  it('two messages 10 ms apart in one chat are handled in arrival order, by two workers; other chats run alongside', async () => {
    const prefix = testQueuePrefix();
    const { bot, log: seen } = recordingBot({ slowMs: { '认领 #5': 600 } });
    const a = env(prefix, bot);
    env(prefix, bot); // a second worker process on the same queues
    const intake = createIntake({ inbound: a.deps.inbound, producer: a.producer, log, processing: processInbound });
    const accept = (m: InboundMessage) => intake.accept({ kind: 'message', message: m, raw: {} }, new Date());
    expect(await accept(msg('ord-1', 'wrkChatA', '认领 #5'))).toBe('accepted');
    await sleep(10);
    expect(await accept(msg('ord-2', 'wrkChatA', '#5 进展：已联系供电所'))).toBe('accepted');
    expect(await accept(msg('ord-3', 'wrkChatB', '#7 进展：另一个群'))).toBe('accepted');
    await expect.poll(() => inbound().countDocuments({ eventId: /^ord-/, status: 'processed' }), { timeout: 15_000 }).toBe(3);
    const chatA = seen.filter((l) => !l.includes('另一个群'));
    expect(chatA).toEqual(['start 认领 #5', 'end 认领 #5', 'start #5 进展：已联系供电所', 'end #5 进展：已联系供电所']);
    // the other conversation did not wait for the slow one
    expect(seen.indexOf('end #7 进展：另一个群')).toBeLessThan(seen.indexOf('end 认领 #5'));
  });

  it('holds across a restart that lost every Redis key: the order is rebuilt from the stored arrival times', async () => {
    const prefix = testQueuePrefix();
    const { bot, log: seen } = recordingBot({ slowMs: { '认领 #6': 600 } });
    // a web-only process accepts both, then stops
    const web = startWorkerEnv({ store, apiBase: fake.base, prefix, workers: false });
    const intake = createIntake({ inbound: web.deps.inbound, producer: web.producer, log, processing: processInbound });
    const accept = (m: InboundMessage) => intake.accept({ kind: 'message', message: m, raw: {} }, new Date());
    await accept(msg('rst-1', 'wrkChatR', '认领 #6'));
    await sleep(10);
    await accept(msg('rst-2', 'wrkChatR', '#6 进展：已现场查看'));
    // Redis loses every key of the deployment (jobs and lines)
    const redis = new Redis(testRedisUrl());
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await web.stop();
    // two workers start; the start-up sweep re-queues what the store holds
    const a = env(prefix, bot);
    env(prefix, bot);
    expect(await recoverUnprocessed({ inbound: a.deps.inbound, producer: a.producer, log, processing: processInbound }, new Date(Date.now() + 60_000))).toBe(2);
    await expect.poll(() => inbound().countDocuments({ eventId: /^rst-/, status: 'processed' }), { timeout: 15_000 }).toBe(2);
    expect(seen).toEqual(['start 认领 #6', 'end 认领 #6', 'start #6 进展：已现场查看', 'end #6 进展：已现场查看']);
  });

  it('a message that keeps failing is parked after the bounded attempts, the admins are told once, and its chat moves on', async () => {
    const prefix = testQueuePrefix();
    const { bot, calls } = recordingBot({ fail: (t) => t.startsWith('poison') });
    const e = env(prefix, bot, { inboundMaxAttempts: 2 });
    const intake = createIntake({ inbound: e.deps.inbound, producer: e.producer, log, processing: processInbound });
    const accept = (m: InboundMessage) => intake.accept({ kind: 'message', message: m, raw: {} }, new Date());
    await accept(msg('park-1', 'wrkChatP', 'poison 1'));
    await sleep(10);
    await accept(msg('park-2', 'wrkChatP', 'poison 2'));
    await sleep(10);
    await accept(msg('park-3', 'wrkChatP', '#5 进展：正常消息'));
    await expect.poll(() => inbound().countDocuments({ eventId: 'park-3', status: 'processed' }), { timeout: 20_000 }).toBe(1);
    for (const id of ['park-1', 'park-2']) {
      expect(await inbound().findOne({ _id: `wecom:${id}` as never })).toMatchObject({ status: 'failed', failReason: expect.stringContaining('cannot handle poison') });
    }
    // the inbound queue has drained: each poison message was tried exactly the bounded number of times
    await expect.poll(async () => (await e.producer.queues.inbound.getJobCounts('waiting', 'active', 'delayed')), { timeout: 10_000 }).toEqual({ waiting: 0, active: 0, delayed: 0 });
    expect(calls.get('poison 1')).toBe(2);
    expect(calls.get('poison 2')).toBe(2);
    // the sweep never re-queues a parked message
    expect(await recoverUnprocessed({ inbound: e.deps.inbound, producer: e.producer, log, processing: processInbound }, new Date(Date.now() + 3_600_000))).toBe(0);
    // one notice to the admins for this conversation today, however many messages were parked
    const notices = () => fake.requests.filter((r) => r.body?.touser === 'xiaoer-admin' && String(r.body?.text?.content ?? '').includes('wrkChatP'));
    await expect.poll(() => notices().length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await e.producer.queues.outbound.getJobCounts('waiting', 'active', 'delayed')), { timeout: 10_000 }).toEqual({ waiting: 0, active: 0, delayed: 0 });
    expect(notices()).toHaveLength(1);
  });

  it('the recovery sweep is not blocked by 500 poison messages: a later lost message is still processed', async () => {
    const prefix = testQueuePrefix();
    const { bot } = recordingBot({ fail: (t) => t.startsWith('poison') });
    const e = env(prefix, bot, { inboundMaxAttempts: 2, concurrency: { inbound: 8 } });
    const old = new Date(Date.now() - 3_600_000);
    // 500 stored messages that failed before (their jobs lost, as after a Redis loss), in 20 chats
    await Promise.all(Array.from({ length: 500 }, (_, i) => e.deps.inbound.store(msg(`poison-${i}`, `wrkPoison${i % 20}`, `poison ${i}`), {}, new Date(old.getTime() + i))));
    await inbound().updateMany({ eventId: /^poison-/ }, { $set: { failures: 2, lastError: 'Error: boom' } });
    // then one good message, stored later, whose job was lost too
    await e.deps.inbound.store(msg('good-1', 'wrkGood', '#9 进展：好消息'), {}, new Date(old.getTime() + 60_000));
    await recoverUnprocessed({ inbound: e.deps.inbound, producer: e.producer, log, processing: processInbound }, new Date());
    await expect.poll(() => inbound().countDocuments({ eventId: 'good-1', status: 'processed' }), { timeout: 60_000, interval: 250 }).toBe(1);
    await expect.poll(() => inbound().countDocuments({ eventId: /^poison-/, status: 'failed' }), { timeout: 60_000, interval: 250 }).toBe(500);
    // nothing is left for the sweep, and it queues nothing again
    expect(await recoverUnprocessed({ inbound: e.deps.inbound, producer: e.producer, log, processing: processInbound }, new Date(Date.now() + 3_600_000))).toBe(0);
  }, 120_000);
});
