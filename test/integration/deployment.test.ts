import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { claimPrefix, DeploymentConflictError, deploymentPrefix, ensureDeployment } from '../../src/infra/deployment.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore } from '../../src/store/connect.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';

const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
const base = testQueuePrefix();
const running: Runtime[] = [];
afterAll(async () => {
  for (const r of running) await r.stop();
  redis.disconnect();
});

/** The bot's own composition (workers only) on one database and the shared Redis, with the same XIAOER_QUEUE_PREFIX. */
async function start(mongoUri: string): Promise<Runtime> {
  const config = loadConfig({ MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: base, XIAOER_ROLE: 'worker', XIAOER_SIMULATOR: '0' });
  const r = await startRuntime(config, createLogger('silent'));
  running.push(r);
  return r;
}
async function stop(r: Runtime) {
  await r.stop();
  running.splice(running.indexOf(r), 1);
}
const delayedOutbound = async (prefix: string) => {
  const q = new Queue('outbound', { connection: redis, prefix });
  try {
    return await q.getDelayedCount();
  } finally {
    await q.close();
  }
};

describe('two deployments on one Redis never share queue state', () => {
  it('a new database on a Redis that served another one does not inherit its jobs; a restart keeps its own', async () => {
    const first = testMongoUri('deploy_a');
    const a = await start(first);
    // a job the first deployment left waiting (an answer due later)
    const q = new Queue('outbound', { connection: redis, prefix: a.queuePrefix });
    await q.add('send', { left: 'by a' }, { delay: 3_600_000 });
    await q.close();
    await stop(a);

    const b = await start(testMongoUri('deploy_b'));
    expect(b.queuePrefix).not.toBe(a.queuePrefix);
    expect(b.queuePrefix.startsWith(base)).toBe(true);
    expect(await delayedOutbound(b.queuePrefix)).toBe(0);
    await stop(b);

    const again = await start(first);
    expect(again.queuePrefix).toBe(a.queuePrefix);
    expect(await delayedOutbound(again.queuePrefix)).toBe(1);
  });

  it('databases from before deployment ids keep the plain prefix, and the second of two on one Redis is refused', async () => {
    const prefixes: string[] = [];
    const ids: string[] = [];
    for (const label of ['legacy_a', 'legacy_b']) {
      const store = await connectStore(testMongoUri(label));
      await store.conn.db!.collection('tickets').insertOne({ no: 1 });
      const d = await ensureDeployment(store.conn);
      expect(d.legacy).toBe(true);
      prefixes.push(deploymentPrefix(base, d));
      ids.push(d.id);
      await store.close();
    }
    const legacy = `${base}legacy`;
    expect(prefixes).toEqual([base, base]);
    await claimPrefix(redis, legacy, ids[0]!);
    await claimPrefix(redis, legacy, ids[0]!); // its own restart
    await expect(claimPrefix(redis, legacy, ids[1]!)).rejects.toBeInstanceOf(DeploymentConflictError);
  });
});
