import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFerretdb } from '../../src/infra/ferretdb.js';
import { ensureRedis } from '../../src/infra/redis-server.js';
import { ensureBuild } from '../helpers/build.js';
import type {} from '../helpers/global-setup.js';

/**
 * Redis for the fault suite (REDIS_URL, else 127.0.0.1:6379, else a redis-server of our own), a FerretDB binary and the
 * build of the bot it runs.
 */
export default async function setup(project: TestProject) {
  ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-faults-'));
  await ensureFerretdb(undefined, (m) => console.log(`[faults setup] ${m}`));
  const redis = await ensureRedis({
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    mayStart: !process.env.REDIS_URL,
    dataDir: join(dir, 'redis'),
    log: (m) => console.log(`[faults setup] ${m}`),
  });
  project.provide('redisUrl', redis.uri);
  project.provide('mongoBaseUri', '');
  return async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
