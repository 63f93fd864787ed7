import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { commandExists, onFreePort, startSupervised } from './process.js';
import type { EmbeddedServer } from './ferretdb.js';

/** The Redis a running bot started for this data folder, if it answers. */
export async function runningEmbeddedRedis(dataDir: string): Promise<string | null> {
  const runFile = join(dataDir, 'run', 'redis.json');
  if (!existsSync(runFile)) return null;
  const { uri } = JSON.parse(readFileSync(runFile, 'utf8')) as { uri: string };
  return (await redisAnswers(uri)) ? uri : null;
}

/** A short-lived client to ask a Redis one thing; null when none answers (or it does not answer in a second). */
async function askRedis<T>(url: string, ask: (client: Redis) => Promise<T>): Promise<T | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    // (a process that accepts the connection and never replies is no Redis: give up after a second)
    commandTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return await ask(client);
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

export async function redisAnswers(url: string): Promise<boolean> {
  return (await askRedis(url, (c) => c.ping())) === 'PONG';
}

/** The pid of the Redis answering at `url` (INFO server), null when none answers. */
async function redisPid(url: string): Promise<number | null> {
  const pid = await askRedis(url, async (c) => /^process_id:(\d+)/m.exec(await c.info('server'))?.[1]);
  return pid ? Number(pid) : null;
}

/**
 * Uses `url` when a Redis answers there. Otherwise, when `mayStart`, starts `redis-server` on a free loopback
 * port with its data (append-only file on) under `dataDir/redis`.
 */
export async function ensureRedis(opts: {
  url: string;
  mayStart: boolean;
  dataDir: string;
  log?: (m: string) => void;
  /** Told when redis-server exited while the bot ran and is being started again (default: `log`). */
  warn?: (m: string) => void;
  /** The port to try first (default: a free one); when another process holds it, a free one is taken. */
  port?: number;
}): Promise<EmbeddedServer> {
  if (await redisAnswers(opts.url)) return { uri: opts.url, owned: false, stop: async () => {} };
  if (!opts.mayStart) throw new Error('REDIS_URL does not answer');
  if (!(await commandExists('redis-server'))) {
    throw new Error('no Redis answers at redis://127.0.0.1:6379 and redis-server is not on PATH: set REDIS_URL or install Redis');
  }
  const dir = join(opts.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const logFd = openSync(join(opts.dataDir, 'redis.log'), 'a');
  const { port, server } = await onFreePort(opts.port, opts.warn ?? opts.log, (port) => {
    opts.log?.(`no Redis at ${opts.url}; starting redis-server on 127.0.0.1:${port}`);
    // tied to this process: it stops when the bot stops, and also when the bot dies without stopping it; started again
    // on the same port (its append-only file keeps the queues) should it exit while the bot runs
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no'];
    return startSupervised('redis-server', args, logFd, { name: 'redis-server', port, ready: () => redisPid(`redis://127.0.0.1:${port}`), timeoutMs: 15_000, warn: opts.warn ?? opts.log });
  });
  const uri = `redis://127.0.0.1:${port}`;
  // the command line finds the bot's own Redis here
  const runFile = join(opts.dataDir, 'run', 'redis.json');
  mkdirSync(join(opts.dataDir, 'run'), { recursive: true });
  writeFileSync(runFile, JSON.stringify({ uri, ownerPid: process.pid }));
  return {
    uri,
    owned: true,
    async stop() {
      await server.stop();
      rmSync(runFile, { force: true });
    },
  };
}
