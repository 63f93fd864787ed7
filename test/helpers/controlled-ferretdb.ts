import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFerretdb, mongoPid } from '../../src/infra/ferretdb.js';
import { onFreePort, PortTakenError, stopChild, waitFor } from '../../src/infra/process.js';

/**
 * A FerretDB (SQLite backend) that the test owns: a fixed port and data folder, so it can be stopped and started
 * again on the same data while a bot keeps its MONGODB_URI.
 */
export async function startControlledFerretdb(dataDir: string) {
  const bin = await ensureFerretdb();
  let port = 0;
  const sqliteDir = join(dataDir, 'ferretdb');
  mkdirSync(sqliteDir, { recursive: true });
  let child: ChildProcess | null = null;
  /** Starts it on its port; whoever answers there must be this very process (another test's server is no start). */
  async function start() {
    const logFd = openSync(join(dataDir, 'ferretdb.log'), 'a');
    const c = spawn(
      bin,
      ['--handler=sqlite', `--sqlite-url=file:${sqliteDir}/`, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${sqliteDir}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
      { stdio: ['ignore', logFd, logFd] },
    );
    child = c;
    let answering: number | null = null;
    await waitFor(async () => (answering = await mongoPid(port)) !== null || c.exitCode !== null, 30_000, 'FerretDB');
    if (answering !== null && answering !== c.pid) {
      await stopChild(c);
      throw new PortTakenError(`another process (pid ${answering}) answers on port ${port}`);
    }
    if (c.exitCode !== null) throw new Error('FerretDB exited during start; see ferretdb.log');
  }
  // the first start takes another free port when its first was taken meanwhile (tests start servers side by side)
  await onFreePort(undefined, undefined, async (p) => {
    port = p;
    await start();
  });
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
