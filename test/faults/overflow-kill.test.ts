/**
 * Acknowledged from the overflow file and then killed: reports come in while the store is down (the default
 * `XIAOER_INTAKE_SPILL=auto`: an acknowledgement that waits on the store sends the next ones to the file on local
 * disk), the bot is SIGKILLed before it could move any of them into the store, the store comes back, and a new bot
 * started on the same data folder must answer every acknowledged report, once.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/infra/process.js';
import { connectStore } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { wecomCallback, wecomEnv, wecomTextPayload } from '../helpers/callbacks.js';
import { startControlledFerretdb, type ControlledFerretdb } from '../helpers/controlled-ferretdb.js';
import { testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';

const REPORTS = 20;
let dir: string;
let fake: FakePlatforms;
let fdb: ControlledFerretdb;
let bot: BotProcess | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaoer-overflow-kill-'));
  fake = await startFakePlatforms();
  fdb = await startControlledFerretdb(dir);
  env = {
    PORT: String(await freePort()),
    MONGODB_URI: fdb.uri('overflow'),
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: testQueuePrefix(),
    XIAOER_DATA_DIR: join(dir, 'bot-data'),
    LOG_LEVEL: 'warn',
    ...wecomEnv(fake.base),
  };
});
afterAll(async () => {
  await bot?.stop();
  await fdb?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const code = (i: number) => `ovk${i}`;

/** Delivered until answered 200, as WeCom does: again after a 5xx or after 5 s without an answer. */
async function deliver(b: BotProcess, i: number): Promise<number> {
  const cb = wecomCallback(
    wecomTextPayload(`厂区门口第${i}号路灯坏了好几天，晚上货车进出看不清`, {
      msgid: `overflow-kill-${i}`,
      chatid: `wrkOverflow${i % 4}`,
      responseUrl: `${fake.base}/cgi-bin/aibot/response?response_code=${code(i)}`,
    }),
  );
  for (let attempt = 0; attempt < 10; attempt++) {
    const status = await fetch(`${b.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body, signal: AbortSignal.timeout(5_000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return status;
    await new Promise((r) => setTimeout(r, 300));
  }
  return 0;
}

const journalFiles = () => {
  const root = join(dir, 'bot-data', 'intake');
  return readdirSync(root).flatMap((p) => readdirSync(join(root, p)).filter((n) => n.endsWith('.jnl')));
};

describe('acknowledged from the overflow file, then killed', () => {
  it('every report acknowledged while the store was down is answered once by the next process', async () => {
    bot = await startBot(env);
    await fdb.stop();
    const statuses = await Promise.all(Array.from({ length: REPORTS }, (_, i) => deliver(bot!, i)));
    expect(statuses).toEqual(Array.from({ length: REPORTS }, () => 200));
    // a crash before the store came back: nothing of it was moved
    await bot.kill();
    expect(journalFiles().length).toBeGreaterThan(0);
    await fdb.start();
    bot = await startBot(env);
    const answered = () => Array.from({ length: REPORTS }, (_, i) => i).filter((i) => fake.requests.some((r) => r.query.get('response_code') === code(i)));
    for (const until = Date.now() + 90_000; answered().length < REPORTS && Date.now() < until; ) await new Promise((r) => setTimeout(r, 500));
    expect(answered()).toHaveLength(REPORTS);
    // once each: one ticket per report, one answer per report
    const store = await connectStore(fdb.uri('overflow'));
    try {
      const ids = Array.from({ length: REPORTS }, (_, i) => `wecom:overflow-kill-${i}`);
      expect(await store.conn.collection('tickets').countDocuments({ sourceMessageId: { $in: ids } })).toBe(REPORTS);
      expect(await store.conn.collection('inbound_messages').countDocuments({ _id: { $in: ids } as never, status: 'processed' })).toBe(REPORTS);
    } finally {
      await store.close();
    }
    const perCode = Array.from({ length: REPORTS }, (_, i) => fake.requests.filter((r) => r.query.get('response_code') === code(i)).length);
    expect(perCode.every((n) => n === 1)).toBe(true);
    // moved: the files are gone
    await expect.poll(() => journalFiles().length, { timeout: 10_000 }).toBe(0);
  });
});
