/**
 * The default set-up (role all, XIAOER_WORKERS=process) stops as one: a worker process stopped by a signal of its own
 * (an operator's `kill <pid>`, or a group-wide SIGTERM that reaches it first) is not started again; the bot stops too,
 * with a failure code, so that a supervisor that restarts on failure only (systemd's Restart=on-failure) starts it again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../src/infra/process.js';
import { connectStore } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { wecomEnv } from '../helpers/callbacks.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';

/** The bot's worker process: its child marked XIAOER_WORKER_CHILD=1 (Linux /proc). */
function workerChildOf(pid: number): number | undefined {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && readFileSync(`/proc/${d}/environ`, 'utf8').split('\0').includes('XIAOER_WORKER_CHILD=1')) return Number(d);
    } catch {
      /* gone */
    }
  }
  return undefined;
}

const mongoUri = testMongoUri('worker-stop');
let bot: BotProcess | undefined;
let fake: FakePlatforms | undefined;

afterAll(async () => {
  await bot?.kill();
  await fake?.close();
  const store = await connectStore(mongoUri);
  await store.conn.dropDatabase();
  await store.close();
});

describe.runIf(process.platform === 'linux')('the worker process stopped on a signal of its own', () => {
  it('is not started again, and the bot stops with a failure code', async () => {
    // a platform configured (without one the simulator runs, and its workers always run in the bot's own process)
    fake = await startFakePlatforms();
    bot = await startBot({ MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: testQueuePrefix(), XIAOER_WORKERS: 'process', ...wecomEnv(fake.base) });
    let worker: number | undefined;
    await waitFor(async () => (worker = workerChildOf(bot!.child.pid!)) !== undefined, 30_000, 'the worker process').catch((e: Error) => {
      throw new Error(`${e.message}; the bot's output:
${bot!.log().slice(-3000)}`);
    });
    // once it runs its workers (a process killed before it listens for signals dies of the signal: a failure, restarted)
    await waitFor(async () => bot!.log().includes('xiaoer workers running'), 30_000, 'the worker process\'s workers');
    process.kill(worker!, 'SIGTERM');
    const code = await Promise.race([bot.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 25_000))]);
    expect(code, bot.log().slice(-2500)).toBe(1);
    expect(bot.log()).toContain('worker process stopped');
    expect(bot.log()).not.toContain('starting it again');
  }, 90_000);
});
