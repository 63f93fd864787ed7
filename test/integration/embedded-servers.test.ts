import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { mongo } from 'mongoose';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedFerretdb, type EmbeddedServer } from '../../src/infra/ferretdb.js';
import { ensureRedis } from '../../src/infra/redis-server.js';

/**
 * The embedded servers of `npm start` (no MONGODB_URI, no Redis answering): a server that dies while the bot runs —
 * killed by hand, crashed, out of memory — is started again on its port, and the bot's drivers reconnect to it. Before,
 * the bot kept running on a dead store and answered every request 503 until someone restarted it.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

/** The server process under the `sh` that ties it to this process (process.ts spawnTied). */
function serverPid(wrapperPid: number, name: string): number {
  return Number(execFileSync('pgrep', ['-P', String(wrapperPid), '-x', name]).toString().trim().split('\n')[0]);
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-embedded-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('embedded servers kept running', () => {
  it('FerretDB killed under the bot is started again on its port; the data and the same client work again', async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const server: EmbeddedServer = await startEmbeddedFerretdb({ dataDir: dir, warn: (m) => warnings.push(m) });
    cleanups.push(() => server.stop());
    const client = new mongo.MongoClient(server.uri, { serverSelectionTimeoutMS: 20_000 });
    cleanups.push(() => client.close());
    const col = client.db().collection<{ _id: string; n: number }>('probe');
    await col.insertOne({ _id: 'before', n: 1 });
    const runFile = join(dir, 'run', 'ferretdb.json');
    const wrapper = (JSON.parse(readFileSync(runFile, 'utf8')) as { pid: number }).pid;

    process.kill(serverPid(wrapper, 'ferretdb'), 'SIGKILL');
    // the same client, after the restart: what was written before is there, and writing works
    await expect.poll(async () => (await col.findOne({ _id: 'before' }).catch(() => null))?.n, { timeout: 30_000, interval: 200 }).toBe(1);
    await col.insertOne({ _id: 'after', n: 2 });
    expect(await col.countDocuments()).toBe(2);
    expect(warnings.join('\n')).toMatch(/FerretDB exited \(.*\); starting it again in 1 s/);
    // the run file names the new server (the CLI finds the bot's store through it)
    const now = JSON.parse(readFileSync(runFile, 'utf8')) as { pid: number; port: number };
    expect(now.pid).not.toBe(wrapper);
    expect(server.uri).toContain(`:${now.port}/`);
  }, 60_000);

  it('redis-server killed under the bot is started again on its port; the same client answers again', async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    // nothing answers on port 1: the bot starts its own
    const server = await ensureRedis({ url: 'redis://127.0.0.1:1', mayStart: true, dataDir: dir, warn: (m) => warnings.push(m) });
    cleanups.push(() => server.stop());
    expect(server.owned).toBe(true);
    const client = new Redis(server.uri, { maxRetriesPerRequest: null });
    cleanups.push(async () => client.disconnect());
    client.on('error', () => {});
    expect(await client.ping()).toBe('PONG');
    const port = new URL(server.uri).port;
    const pid = Number(execFileSync('pgrep', ['-f', `^redis-server 127.0.0.1:${port}`]).toString().trim());

    process.kill(pid, 'SIGKILL');
    await expect.poll(async () => client.ping().catch(() => null), { timeout: 30_000, interval: 200 }).toBe('PONG');
    expect(warnings.join('\n')).toMatch(/redis-server exited \(.*\); starting it again in 1 s/);
    expect(Number(execFileSync('pgrep', ['-f', `^redis-server 127.0.0.1:${port}`]).toString().trim())).not.toBe(pid);
  }, 60_000);
});

describe('an embedded server is started on a port of its own', () => {
  // (another process may take the free port between the choice and the bind — another bot starting on this machine
  // at the same moment; the `port` option makes that collision happen here every time, and the warning names it)
  it('FerretDB: a port another FerretDB answers on is never taken for its own; it starts on another and keeps its data apart', async () => {
    const other = await startEmbeddedFerretdb({ dataDir: tempDir() });
    cleanups.push(() => other.stop());
    const taken = Number(new URL(other.uri).port);
    const warnings: string[] = [];
    const server = await startEmbeddedFerretdb({ dataDir: tempDir(), port: taken, warn: (m) => warnings.push(m) });
    cleanups.push(() => server.stop());
    expect(warnings.join('\n')).toMatch(new RegExp(`port ${taken} was taken \\(another process \\(pid \\d+\\) answers`));
    expect(Number(new URL(server.uri).port)).not.toBe(taken);
    const mine = new mongo.MongoClient(server.uri, { serverSelectionTimeoutMS: 20_000 });
    const theirs = new mongo.MongoClient(other.uri, { serverSelectionTimeoutMS: 20_000 });
    cleanups.push(() => mine.close(), () => theirs.close());
    await mine.db().collection('probe').insertOne({ _id: 'mine' } as never);
    expect(await theirs.db().collection('probe').countDocuments()).toBe(0);
  }, 90_000);

  it('redis-server: a port another Redis answers on is never taken for its own; it starts on another with its own folder', async () => {
    const other = await ensureRedis({ url: 'redis://127.0.0.1:1', mayStart: true, dataDir: tempDir() });
    cleanups.push(() => other.stop());
    const taken = Number(new URL(other.uri).port);
    const dir = tempDir();
    const warnings: string[] = [];
    const server = await ensureRedis({ url: 'redis://127.0.0.1:1', mayStart: true, dataDir: dir, port: taken, warn: (m) => warnings.push(m) });
    cleanups.push(() => server.stop());
    expect(warnings.join('\n')).toMatch(new RegExp(`port ${taken} was taken \\(another process \\(pid \\d+\\) answers`));
    expect(server.owned).toBe(true);
    expect(Number(new URL(server.uri).port)).not.toBe(taken);
    const client = new Redis(server.uri, { maxRetriesPerRequest: null });
    cleanups.push(async () => client.disconnect());
    expect(await client.config('GET', 'dir')).toEqual(['dir', join(dir, 'redis')]);
  }, 60_000);

  it('a port held by a server of another protocol, or by one that never answers, is another port taken too (no hang)', async () => {
    // one accepts and closes at once, the other accepts and never says a word
    for (const silent of [false, true]) {
      const holder = createServer((socket) => (silent ? undefined : socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
      const sockets: Socket[] = [];
      holder.on('connection', (s) => (s.on('error', () => {}), sockets.push(s)));
      await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
      cleanups.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), holder.close(() => r()))));
      const taken = (holder.address() as AddressInfo).port;
      const warnings: string[] = [];
      const redis = await ensureRedis({ url: 'redis://127.0.0.1:1', mayStart: true, dataDir: tempDir(), port: taken, warn: (m) => warnings.push(m) });
      cleanups.push(() => redis.stop());
      expect(Number(new URL(redis.uri).port)).not.toBe(taken);
      const ferret = await startEmbeddedFerretdb({ dataDir: tempDir(), port: taken, warn: (m) => warnings.push(m) });
      cleanups.push(() => ferret.stop());
      expect(Number(new URL(ferret.uri).port)).not.toBe(taken);
      expect(warnings.filter((w) => w.startsWith(`port ${taken} was taken`))).toHaveLength(2);
    }
  }, 120_000);
});
