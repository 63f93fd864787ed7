/**
 * One bot instance's queue workers in a child process, so that a test can kill it for real (SIGKILL: no clean-up,
 * its job locks simply stop being renewed). Configured by the environment:
 *   MONGODB_URI, REDIS_URL, XIAOER_QUEUE_PREFIX, API_BASE, LOCK_MS (the lock duration of active jobs).
 * Prints "worker ready" once its workers run.
 */
import { connectStore } from '../../src/store/connect.js';
import { startWorkerEnv } from './worker-env.js';

const need = (k: string) => {
  const v = process.env[k];
  if (!v) throw new Error(`worker-child: ${k} is required`);
  return v;
};

const store = await connectStore(need('MONGODB_URI'));
const env = startWorkerEnv({
  store,
  apiBase: need('API_BASE'),
  prefix: need('XIAOER_QUEUE_PREFIX'),
  redisUrl: need('REDIS_URL'),
  lockDurationMs: Number(process.env.LOCK_MS ?? 1500),
});
await Promise.all(env.host!.workers.map((w) => w.waitUntilReady()));
process.stdout.write('worker ready\n');
process.on('SIGTERM', () => void env.stop().then(() => store.close()).then(() => process.exit(0)));
