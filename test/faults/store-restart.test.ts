/**
 * The store restarted while the bot is busy, a few times over: each time the bot must report ready again (an overall
 * deadline, polled) and answer every report accepted around the outage. The main fault suite restarts the store once;
 * a connection that never recovers showed there only now and then (each time a few seconds after the bot had
 * started), so this repeats it: the bot is killed and started again, and the store restarted under its first load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
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

const ROUNDS = Number(process.env.FAULTS_STORE_ROUNDS ?? 4);
const READY_WITHIN_MS = 30_000;
let dir: string;
let fake: FakePlatforms;
let fdb: ControlledFerretdb;
let bot: BotProcess;

let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaoer-store-restart-'));
  fake = await startFakePlatforms();
  fdb = await startControlledFerretdb(dir);
  env = {
    PORT: String(await freePort()),
    MONGODB_URI: fdb.uri('restarts'),
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: testQueuePrefix(),
    XIAOER_DATA_DIR: join(dir, 'bot-data'),
    LOG_LEVEL: 'warn',
    ...wecomEnv(fake.base),
  };
  bot = await startBot(env);
});
afterAll(async () => {
  await bot?.stop();
  await fdb?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function post(round: number, i: number): Promise<number> {
  const cb = wecomCallback(
    wecomTextPayload(`我们用电扩容申请一个月了还没批下来（第${round}轮${i}号）`, {
      msgid: `restart-${round}-${i}`,
      chatid: `wrkRestart${i % 10}`,
      responseUrl: `${fake.base}/cgi-bin/aibot/response?response_code=r${round}n${i}`,
    }),
  );
  // delivered again on a 5xx or no answer, as WeCom does
  for (let attempt = 0; attempt < 20; attempt++) {
    const status = await fetch(`${bot.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body, signal: AbortSignal.timeout(15_000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status > 0 && status < 500) return status;
    await new Promise((r) => setTimeout(r, 500));
  }
  return 0;
}

describe('the store restarted while the bot is busy', () => {
  it(`recovers every time (${ROUNDS} restarts): ready again, every report accepted and answered`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // a bot just (re)started, as after a crash: the outage falls into its first seconds of work
      if (round > 0) {
        await bot.kill();
        bot = await startBot(env);
      }
      const sends = Array.from({ length: 30 }, (_, i) => post(round, i));
      await new Promise((r) => setTimeout(r, 300)); // some requests in flight when the store goes (not an assertion)
      await fdb.stop();
      await new Promise((r) => setTimeout(r, 3000)); // the outage lasts a while (not an assertion)
      await fdb.start();
      const since = Date.now();
      let ready = false;
      while (!ready && Date.now() - since < READY_WITHIN_MS && bot.child.exitCode === null) {
        ready = await fetch(`${bot.base}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200).catch(() => false);
        if (!ready) await new Promise((r) => setTimeout(r, 250));
      }
      const statuses = await Promise.all(sends);
      outcomes.push(`round ${round}: ready ${ready}, alive ${bot.child.exitCode === null}, statuses ${JSON.stringify(statuses.filter((s) => s !== 200))}`);
      if (!ready || bot.child.exitCode !== null) {
        console.log(`store restart ${round}: the bot did not recover; its last output:\n${bot.log().slice(-3000)}`);
        break;
      }
      // eventually every report answered (polled, with a deadline)
      const unanswered = () => Array.from({ length: 30 }, (_, i) => i).filter((i) => !fake.requests.some((r) => r.query.get('response_code') === `r${round}n${i}`));
      for (const until = Date.now() + 60_000; unanswered().length > 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 500));
      const missing = unanswered();
      if (missing.length > 0) {
        const store = await connectStore(fdb.uri('restarts'));
        const docs = await store.conn
          .collection('inbound_messages')
          .find({ _id: { $in: missing.map((i) => `wecom:restart-${round}-${i}`) } as never }, { projection: { raw: 0, message: 0 } })
          .toArray();
        const tickets = await store.conn.collection('tickets').countDocuments({ sourceMessageId: { $in: missing.map((i) => `wecom:restart-${round}-${i}`) } });
        await store.close();
        outcomes.push(`round ${round}: ${missing.length} of 30 not answered within 60 s (${tickets} of them have a ticket); inbound: ${JSON.stringify(docs)}`);
        console.log(`store restart ${round}: unanswered; the bot's last output:\n${bot.log().slice(-3000)}`);
        break;
      }
    }
    console.log(`store restarts: ${outcomes.join('; ')}`);
    expect(outcomes.every((o) => o.includes('ready true, alive true, statuses []'))).toBe(true);
    expect(outcomes).toHaveLength(ROUNDS);
  });
});
