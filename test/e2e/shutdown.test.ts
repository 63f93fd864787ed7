import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../../src/infra/process.js';
import { testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { projectRoot } from '../helpers/shared.js';

/**
 * `npm start` as an operator runs it (npm → sh → node, embedded FerretDB): a SIGTERM or SIGINT to npm, or npm dying,
 * stops everything it started and closes the port. Linux: processes are read from /proc.
 */
const linux = process.platform === 'linux';

interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
}
function processes(): Proc[] {
  const out: Proc[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      if (state !== 'Z') out.push({ pid: Number(d), ppid, cmd });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}
function descendants(root: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  const walk = (pid: number) => {
    for (const p of all.filter((x) => x.ppid === pid)) {
      found.push(p);
      walk(p.pid);
    }
  };
  walk(root);
  return found;
}
const alive = (pids: number[]) => {
  const live = new Set(processes().map((p) => p.pid));
  return pids.filter((p) => live.has(p));
};
const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
/** Local addresses listening on `port` ("0100007F" is 127.0.0.1; all zeros is every interface). */
function listeners(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c[1]?.endsWith(`:${hex}`) && c[3] === '0A')
      .map((c) => c[1]!.split(':')[0]!),
  );
}

const dirs: string[] = [];
const started: ChildProcess[] = [];
/** Every process of every run, so that a failed test leaves nothing behind. */
const ours: number[] = [];
beforeAll(() => {
  // (the global setup built it: helpers/build.ts)
  if (linux && !existsSync(join(projectRoot, 'dist', 'src', 'main.js'))) throw new Error('the build gave no dist/src/main.js');
});
afterAll(() => {
  for (const c of started) if (c.exitCode === null) c.kill('SIGKILL');
  for (const pid of alive(ours)) process.kill(pid, 'SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `npm start` (the build already done) with its data in a fresh folder; resolves once it answers. */
async function npmStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaoer-stop-'));
  dirs.push(dataDir);
  const port = await freePort();
  const output: string[] = [];
  const npm = spawn('npm', ['start', '--ignore-scripts'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      XIAOER_DATA_DIR: dataDir,
      REDIS_URL: testRedisUrl(),
      XIAOER_QUEUE_PREFIX: testQueuePrefix(),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(npm);
  npm.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  npm.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((r) => npm.once('exit', () => r()));
  await waitFor(async () => {
    if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output.join('')}`);
    return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 200;
  }, 90_000, 'npm start').catch((err: Error) => {
    throw new Error(`${err.message}\n${output.join('').slice(-3000)}`);
  });
  const tree = descendants(npm.pid!);
  const bot = tree.find((p) => /node .*dist\/src\/main\.js/.test(p.cmd));
  const servers = processes().filter((p) => p.cmd.includes(dataDir));
  ours.push(...tree.map((p) => p.pid), ...servers.map((p) => p.pid));
  expect(bot, tree.map((p) => p.cmd).join('\n')).toBeDefined();
  expect(servers.some((p) => p.cmd.includes('ferretdb'))).toBe(true);
  const pids = [npm.pid!, ...tree.map((p) => p.pid), ...servers.map((p) => p.pid)];
  ours.push(...pids);
  return { npm, port, dataDir, exited, output, pids };
}

/** Keeps the bot busy: messages typed into the simulator, not awaited. */
async function busy(port: number): Promise<void> {
  const state = (await (await fetch(`http://127.0.0.1:${port}/simulator/api/state`)).json()) as { groups: { key: string; enterprise: string | null }[]; people: { id: string; role: string; enterprise: string | null }[] };
  const group = state.groups.find((g) => g.enterprise)!;
  const person = state.people.find((p) => p.enterprise === group.enterprise)!;
  for (let i = 0; i < 20; i++) {
    void fetch(`http://127.0.0.1:${port}/simulator/api/send`, {
      method: 'POST',
      body: JSON.stringify({ conversation: group.key, personId: person.id, text: `第${i}号厂房停电了，请尽快处理` }),
    }).catch(() => {});
  }
}

/** Waits until nothing of the run is left and the port is closed; fails naming what is left. */
async function nothingLeft(run: Awaited<ReturnType<typeof npmStart>>): Promise<void> {
  await run.exited;
  await waitFor(async () => alive(run.pids).length === 0 && !(await portOpen(run.port)), 15_000, 'everything stopped').catch((err: Error) => {
    const left = processes().filter((p) => run.pids.includes(p.pid)).map((p) => `${p.pid} ${p.cmd}`);
    throw new Error(`${err.message}; still running:\n${left.join('\n')}\nport open: ${listeners(run.port).length > 0}\n${run.output.join('').slice(-2000)}`);
  });
}

describe.runIf(linux)('stopping `npm start`', () => {
  it('the simulator listens on 127.0.0.1 only; SIGTERM to npm while busy stops the bot and FerretDB and closes the port', async () => {
    const run = await npmStart();
    expect(listeners(run.port)).toEqual(['0100007F']);
    await busy(run.port);
    run.npm.kill('SIGTERM');
    await nothingLeft(run);
    expect(run.output.join('')).toContain('"signal":"SIGTERM"');
  }, 150_000);

  it('SIGINT to npm does the same', async () => {
    const run = await npmStart();
    run.npm.kill('SIGINT');
    await nothingLeft(run);
  }, 150_000);

  it('when npm itself is killed (SIGKILL), the bot notices and stops, and so does FerretDB', async () => {
    const run = await npmStart();
    run.npm.kill('SIGKILL');
    await nothingLeft(run);
  }, 150_000);
});
