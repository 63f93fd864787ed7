import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ensureFerretdb } from '../../src/infra/ferretdb.js';
import { freePort, stopChild, waitFor } from '../../src/infra/process.js';

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.setTimeout(500);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

/**
 * A FerretDB (SQLite backend) that the test owns: a fixed port and data folder, so it can be stopped and started
 * again on the same data while a bot keeps its MONGODB_URI.
 */
export async function startControlledFerretdb(dataDir: string) {
  const bin = await ensureFerretdb();
  const port = await freePort();
  const sqliteDir = join(dataDir, 'ferretdb');
  mkdirSync(sqliteDir, { recursive: true });
  let child: ChildProcess | null = null;
  async function start() {
    const logFd = openSync(join(dataDir, 'ferretdb.log'), 'a');
    const c = spawn(
      bin,
      ['--handler=sqlite', `--sqlite-url=file:${sqliteDir}/`, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${sqliteDir}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
      { stdio: ['ignore', logFd, logFd] },
    );
    child = c;
    await waitFor(async () => {
      if (c.exitCode !== null) throw new Error('FerretDB exited during start');
      return answers(port);
    }, 30_000, 'FerretDB');
  }
  await start();
  return {
    port,
    uri: (db: string) => `mongodb://127.0.0.1:${port}/${db}`,
    async stop() {
      if (child) await stopChild(child);
      child = null;
    },
    start,
  };
}
export type ControlledFerretdb = Awaited<ReturnType<typeof startControlledFerretdb>>;
