import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFerretdb, startEmbeddedFerretdb, type EmbeddedServer } from '../../src/infra/ferretdb.js';
import { ensureRedis } from '../../src/infra/redis-server.js';
import { ensureChromium } from './chromium.js';
import { ensureBuild } from './build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
    redisUrl: string;
  }
}

/**
 * Real servers for the whole run: MONGODB_URI when set, else a FerretDB (built by the project's own setup when
 * missing); REDIS_URL when set, else 127.0.0.1:6379, else a redis-server of our own. Each test file then uses its
 * own database and queue prefix. The build first, when the sources changed since the last one (a no-op after `npm ci`,
 * which builds): the CLI and the bot the tests run are the compiled ones (helpers/build.ts).
 */
export default async function setup(project: TestProject) {
  ensureBuild();
  ensureChromium((m) => console.log(`[setup] ${m}`));
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-test-'));
  const stops: EmbeddedServer[] = [];
  let mongoBaseUri = process.env.MONGODB_URI;
  if (!mongoBaseUri) {
    await ensureFerretdb(undefined, (m) => console.log(`[setup] ${m}`));
    const fdb = await startEmbeddedFerretdb({ dataDir: join(dir, 'mongo') });
    stops.push(fdb);
    mongoBaseUri = fdb.uri.replace(/\/[^/]*$/, '');
  }
  const redis = await ensureRedis({
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    mayStart: !process.env.REDIS_URL,
    dataDir: join(dir, 'redis'),
    log: (m) => console.log(`[setup] ${m}`),
  });
  stops.push(redis);
  project.provide('mongoBaseUri', mongoBaseUri.replace(/\/$/, ''));
  project.provide('redisUrl', redis.uri);
  return async () => {
    for (const s of stops.reverse()) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
