import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './shared.js';

/** Starts test/helpers/worker-child.ts in its own process; resolves once its workers run. */
export async function startWorkerProcess(env: { MONGODB_URI: string; REDIS_URL: string; XIAOER_QUEUE_PREFIX: string; API_BASE: string; LOCK_MS: string }) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'test', 'helpers', 'worker-child.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process did not start:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited (${code}) before it was ready:\n${output}`));
    });
  });
  return {
    child,
    log: () => output,
    /** A crash: SIGKILL, nothing cleaned up. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
