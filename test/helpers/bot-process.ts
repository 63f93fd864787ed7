import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { onFreePort, PortTakenError, waitFor } from '../../src/infra/process.js';
import { projectRoot } from './shared.js';

/**
 * The real bot as a child process (probot-style e2e): env-only configuration, real servers. Its port is a free one
 * unless PORT is given; should another process take that port between the look and the bot's bind (two test files at
 * once), the bot is started again on another. It is the compiled bot (dist/src/main.js, what `npm start` runs), built
 * by the global setup when the sources changed.
 */
export async function startBot(env: Record<string, string>, opts: { waitReady?: boolean } = {}) {
  if (env.PORT) return startBotOn(Number(env.PORT), env, opts);
  const started = await onFreePort(undefined, undefined, (port) =>
    startBotOn(port, env, opts).catch((err: Error) => {
      throw /EADDRINUSE/.test(err.message) ? new PortTakenError(err.message) : err;
    }),
  );
  return started.server;
}

async function startBotOn(port: number, env: Record<string, string>, opts: { waitReady?: boolean }) {
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot, 'dist', 'src', 'main.js')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const announces = ['info', 'debug', 'trace'].includes(env.LOG_LEVEL ?? 'info');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (opts.waitReady !== false) {
    await waitFor(
      async () => {
        if (child.exitCode !== null) return true;
        // (this child's own word that it listens, where its log level lets it say so: not another process that took
        // the port and answers on it)
        if (announces && !output.join('').includes(`listening on http://localhost:${port}`)) return false;
        const r = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
        return r?.status === 200;
      },
      60_000,
      'the bot',
    ).catch((err: Error) => {
      child.kill('SIGKILL');
      throw new Error(`${err.message}; its output:\n${output.join('').slice(-4000)}`);
    });
    if (child.exitCode !== null) throw new Error(`bot exited early:\n${output.join('').slice(-4000)}`);
  }
  return {
    base,
    port,
    child,
    output,
    exited,
    log: () => output.join(''),
    /** Graceful stop (SIGTERM); resolves with the exit code. */
    async stop(): Promise<number | null> {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    /** A crash: SIGKILL, no clean-up. */
    async kill(): Promise<void> {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
export type BotProcess = Awaited<ReturnType<typeof startBot>>;
