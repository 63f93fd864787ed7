import type { ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { commandExists, freePort, isAlive, run, spawnTied, stopChild, waitFor } from './process.js';
import { projectRoot } from './paths.js';

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

export class FerretdbInstallError extends Error {}

export function defaultFerretdbBin(): string {
  return join(projectRoot(), 'tools', 'bin', 'ferretdb');
}

async function works(bin: string): Promise<boolean> {
  if (!existsSync(bin)) return false;
  const r = await run(bin, ['--version']).catch(() => ({ code: 1, stdout: '' }));
  return r.code === 0 && r.stdout.includes(FERRETDB_VERSION);
}

/**
 * Makes sure a FerretDB v1.24.2 binary exists at `bin` (default tools/bin/ferretdb), building it with Go when
 * missing. First `go install …@v1.24.2`; if that fails, or yields a binary that cannot start (the module zip
 * lacks build/version/version.txt, so such builds panic at start), the module source is copied, the version
 * file written, and the command built with `go build`.
 */
export async function ensureFerretdb(bin = defaultFerretdbBin(), log: (m: string) => void = () => {}): Promise<string> {
  if (await works(bin)) return bin;
  if (!(await commandExists('go'))) {
    throw new FerretdbInstallError(
      'MongoDB is not configured and FerretDB is not installed: set MONGODB_URI or install Go (https://go.dev/dl/) so that FerretDB can be built.',
    );
  }
  const binDir = join(bin, '..');
  mkdirSync(binDir, { recursive: true });
  const tmpBin = `${bin}.tmp-${process.pid}`;
  log(`installing FerretDB ${FERRETDB_VERSION} with go install (first start only, about a minute)`);
  const gobin = join(binDir, `.gobin-${process.pid}`);
  const inst = await run('go', ['install', `${FERRETDB_MODULE}/cmd/ferretdb@${FERRETDB_VERSION}`], {
    env: { ...process.env, GOBIN: gobin },
  });
  if (inst.code === 0 && (await works(join(gobin, 'ferretdb')))) {
    renameSync(join(gobin, 'ferretdb'), bin);
    rmSync(gobin, { recursive: true, force: true });
    return bin;
  }
  rmSync(gobin, { recursive: true, force: true });
  log(`go install did not give a working binary (${lastLine(inst.stderr) || 'binary cannot start'}); building from the module source`);

  const dl = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`]);
  if (dl.code !== 0) throw new FerretdbInstallError(`go mod download failed: ${lastLine(dl.stderr || dl.stdout)}`);
  const dir = (JSON.parse(dl.stdout) as { Dir?: string }).Dir;
  if (!dir) throw new FerretdbInstallError('go mod download did not report a source folder');
  const src = join(projectRoot(), 'tools', 'src', `ferretdb-${FERRETDB_VERSION}-${process.pid}`);
  rmSync(src, { recursive: true, force: true });
  cpSync(dir, src, { recursive: true });
  makeWritable(src);
  writeFileSync(join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  const build = await run('go', ['build', '-trimpath', '-o', tmpBin, './cmd/ferretdb'], { cwd: src, env: process.env });
  rmSync(src, { recursive: true, force: true });
  if (build.code !== 0) throw new FerretdbInstallError(`go build of FerretDB failed: ${lastLine(build.stderr)}`);
  renameSync(tmpBin, bin);
  if (!(await works(bin))) throw new FerretdbInstallError(`the FerretDB binary at ${bin} does not start`);
  return bin;
}

function makeWritable(dir: string): void {
  // module cache files are read-only
  const walk = (p: string) => {
    chmodSync(p, 0o755);
    for (const e of readdirSync(p, { withFileTypes: true })) {
      const child = join(p, e.name);
      if (e.isDirectory()) walk(child);
      else chmodSync(child, 0o644);
    }
  };
  walk(dir);
}

function lastLine(s: string): string {
  return s.trim().split('\n').slice(-2).join(' ').slice(0, 400);
}

export interface EmbeddedServer {
  uri: string;
  /** true when this process started it and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface RunFile {
  pid: number;
  ownerPid: number;
  port: number;
}

function tcpAnswers(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const s = connect({ host: '127.0.0.1', port });
    s.setTimeout(500);
    s.once('connect', () => {
      s.destroy();
      resolvePromise(true);
    });
    s.once('error', () => resolvePromise(false));
    s.once('timeout', () => {
      s.destroy();
      resolvePromise(false);
    });
  });
}

/**
 * Starts FerretDB (SQLite backend) on a free loopback port with its data under `dataDir/ferretdb`.
 * If the bot that owns this data folder is already running, its server is reused (the CLI does this);
 * a server orphaned by a bot that died is stopped first.
 */
export async function startEmbeddedFerretdb(opts: {
  dataDir: string;
  bin?: string;
  database?: string;
  reuse?: boolean;
  log?: (m: string) => void;
}): Promise<EmbeddedServer> {
  const database = opts.database ?? 'xiaoer';
  const dataDir = resolve(opts.dataDir);
  const runDir = join(dataDir, 'run');
  const runFile = join(runDir, 'ferretdb.json');
  mkdirSync(runDir, { recursive: true });
  if (existsSync(runFile)) {
    const prev = JSON.parse(readFileSync(runFile, 'utf8')) as RunFile;
    if (isAlive(prev.pid) && isAlive(prev.ownerPid) && opts.reuse && (await tcpAnswers(prev.port))) {
      return { uri: `mongodb://127.0.0.1:${prev.port}/${database}`, owned: false, stop: async () => {} };
    }
    if (isAlive(prev.pid) && !isAlive(prev.ownerPid)) {
      opts.log?.(`stopping an orphaned FerretDB (pid ${prev.pid})`);
      process.kill(prev.pid, 'SIGTERM');
      await waitFor(async () => !isAlive(prev.pid), 5000, 'orphaned FerretDB exit').catch(() =>
        process.kill(prev.pid, 'SIGKILL'),
      );
    }
  }
  const bin = await ensureFerretdb(opts.bin ?? defaultFerretdbBin(), opts.log);
  const sqliteDir = join(dataDir, 'ferretdb');
  mkdirSync(sqliteDir, { recursive: true });
  const port = await freePort();
  const logFd = openSync(join(dataDir, 'ferretdb.log'), 'a');
  // tied to this process: it stops when the bot stops, and also when the bot dies without stopping it
  const child: ChildProcess = spawnTied(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${sqliteDir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    logFd,
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(async () => {
    if (exited) throw new Error('FerretDB exited during start; see ferretdb.log in the data folder');
    return tcpAnswers(port);
  }, 30_000, 'FerretDB');
  writeFileSync(runFile, JSON.stringify({ pid: child.pid ?? 0, ownerPid: process.pid, port } satisfies RunFile));
  return {
    uri: `mongodb://127.0.0.1:${port}/${database}`,
    owned: true,
    async stop() {
      await stopChild(child);
      rmSync(runFile, { force: true });
    },
  };
}
