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
import { join, resolve } from 'node:path';
import { mongo } from 'mongoose';
import { commandExists, isAlive, onFreePort, run, startSupervised, tcpAnswers, waitFor } from './process.js';
import { projectRoot } from './paths.js';

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

export class FerretdbInstallError extends Error {}

export function defaultFerretdbBin(): string {
  return join(projectRoot(), 'tools', 'bin', 'ferretdb');
}

/**
 * What this project builds: FerretDB v1.24.2 with one patch (its `--version` says so). Bump the suffix when the
 * patch changes, so that existing installations are built again.
 */
export const FERRETDB_BUILD = `${FERRETDB_VERSION}-xiaoer.1`;

async function works(bin: string): Promise<boolean> {
  if (!existsSync(bin)) return false;
  const r = await run(bin, ['--version']).catch(() => ({ code: 1, stdout: '' }));
  return r.code === 0 && r.stdout.includes(FERRETDB_BUILD);
}

/**
 * The patch, applied to the module source before it is built. FerretDB v1.24's SQLite backend creates each
 * collection's unique `_id` index on the expression `_ferretdb_sjson->"_id"` but queries, updates and deletes by
 * `_id` with `_ferretdb_sjson->'$._id'`. The two mean the same to SQLite's JSON functions, but its planner matches
 * index expressions by their text, so none of those statements uses the index: every read by `_id`, and every update
 * and delete of one document (they are written `… WHERE _id = ?`), scans the whole table (EXPLAIN QUERY PLAN:
 * `SCAN`). The patch writes the `_id` column as the index has it (`SEARCH … USING INDEX`), and also lets a non-zero
 * integer `_id` (ticket numbers) be looked up that way: int32, int64 and an integral double all serialize to the
 * same JSON text (Go's encoding/json), and FerretDB filters every pushed-down result again with the full query, so
 * a pushdown can only narrow what is read, never change what matches (0 is left out: -0.0 would serialize as -0).
 * test/integration/ferretdb-id-index.test.ts checks the plan and the matches.
 */
export const FERRETDB_PATCH: { file: string; from: string; to: string; count: number }[] = [
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
    count: 1,
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    from: '\t\tswitch v.(type) {\n\t\tcase string, types.ObjectID:\n',
    to: '\t\tswitch {\n\t\tcase xiaoerIDPushdown(v):\n',
    count: 2,
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    from: '\n// check interfaces\n',
    to:
      '\n// xiaoerIDPushdown tells whether an `_id` equality is looked up in the `_id` index (patched by xiaoer).\n' +
      'func xiaoerIDPushdown(v any) bool {\n\tswitch v := v.(type) {\n\tcase string, types.ObjectID:\n\t\treturn true\n' +
      '\tcase int32:\n\t\treturn v != 0\n\tcase int64:\n\t\treturn v != 0\n\t}\n\n\treturn false\n}\n\n// check interfaces\n',
    count: 1,
  },
];

function applyPatch(src: string): void {
  for (const p of FERRETDB_PATCH) {
    const path = join(src, p.file);
    const text = readFileSync(path, 'utf8');
    const found = text.split(p.from).length - 1;
    if (found !== p.count) throw new FerretdbInstallError(`the FerretDB source differs from what the patch expects (${p.file}: ${found} × instead of ${p.count})`);
    writeFileSync(path, text.split(p.from).join(p.to));
  }
}

/**
 * Makes sure the patched FerretDB v1.24.2 (see FERRETDB_PATCH) exists at `bin` (default tools/bin/ferretdb),
 * building it with Go when missing or older: the module source is downloaded (`go mod download`), copied, patched,
 * its version file written (the module zip lacks build/version/version.txt, so builds without it panic at start),
 * and the command built with `go build`.
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
  log(`building FerretDB ${FERRETDB_BUILD} with Go (first start only, a few minutes)`);
  const dl = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`]);
  if (dl.code !== 0) throw new FerretdbInstallError(`go mod download failed: ${lastLine(dl.stderr || dl.stdout)}`);
  const dir = (JSON.parse(dl.stdout) as { Dir?: string }).Dir;
  if (!dir) throw new FerretdbInstallError('go mod download did not report a source folder');
  const src = join(projectRoot(), 'tools', 'src', `ferretdb-${FERRETDB_VERSION}-${process.pid}`);
  rmSync(src, { recursive: true, force: true });
  try {
    cpSync(dir, src, { recursive: true });
    makeWritable(src);
    applyPatch(src);
    writeFileSync(join(src, 'build', 'version', 'version.txt'), `${FERRETDB_BUILD}\n`);
    const build = await run('go', ['build', '-trimpath', '-o', tmpBin, './cmd/ferretdb'], { cwd: src, env: process.env });
    if (build.code !== 0) throw new FerretdbInstallError(`go build of FerretDB failed: ${lastLine(build.stderr)}`);
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
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

/** The pid of the server answering the MongoDB protocol on a loopback port (serverStatus), null when none answers. */
export async function mongoPid(port: number): Promise<number | null> {
  if (!(await tcpAnswers(port))) return null;
  const client = new mongo.MongoClient(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000, directConnection: true });
  try {
    const status = await client.db('admin').command({ serverStatus: 1 });
    return typeof status.pid === 'number' ? status.pid : null;
  } catch {
    return null;
  } finally {
    await client.close().catch(() => undefined);
  }
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
  /** Told when the server exited while the bot ran and is being started again (default: `log`). */
  warn?: (m: string) => void;
  /**
   * Serve FerretDB's own metrics (requests by command: the store round trips) on this loopback port, at
   * /debug/metrics; for the benchmarks. Off by default.
   */
  debugPort?: number;
  /** FerretDB's log level (default warn); debug logs every request, for a benchmark that counts them by collection. */
  logLevel?: 'debug' | 'info' | 'warn';
  /** The port to try first (default: a free one); when another process holds it, a free one is taken. */
  port?: number;
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
  const logFd = openSync(join(dataDir, 'ferretdb.log'), 'a');
  const { port, server } = await onFreePort(opts.port, opts.warn ?? opts.log, (port) => {
    // tied to this process: it stops when the bot stops, and also when the bot dies without stopping it; started again
    // on the same port (and the run file updated) should it exit while the bot runs
    const args = [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${sqliteDir}`,
      opts.debugPort ? `--debug-addr=127.0.0.1:${opts.debugPort}` : '--debug-addr=-',
      '--telemetry=disable',
      `--log-level=${opts.logLevel ?? 'warn'}`,
    ];
    return startSupervised(bin, args, logFd, {
      name: 'FerretDB',
      port,
      ready: () => mongoPid(port),
      timeoutMs: 30_000,
      exitedHint: 'see ferretdb.log in the data folder',
      warn: opts.warn ?? opts.log,
      onStart: (c) => writeFileSync(runFile, JSON.stringify({ pid: c.pid ?? 0, ownerPid: process.pid, port } satisfies RunFile)),
    });
  });
  return {
    uri: `mongodb://127.0.0.1:${port}/${database}`,
    owned: true,
    async stop() {
      await server.stop();
      rmSync(runFile, { force: true });
    },
  };
}
