import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../shared/logger.js';

/** How long a stopping child has before it is killed (main.ts gives itself 8 s). */
const CHILD_STOP_MS = 9_000;

export interface WorkerChild {
  stop(): Promise<void>;
}

/**
 * The queue workers of a role-all process in a child process of their own (XIAOER_WORKERS=process): the same entry
 * point with XIAOER_ROLE=worker, pointed at the stores this process started (its MONGODB_URI and REDIS_URL), so the
 * job processors never take the event loop the acknowledgement path answers on. The child stops with this process
 * (it watches its parent, main.ts); one that dies is started again, after a back-off that grows while it keeps dying.
 */
export function startWorkerChild(opts: { env: Record<string, string>; log: Logger }): WorkerChild {
  // this module's sibling: src/main.ts under tsx (the loader is inherited through execArgv), dist/src/main.js built
  const entry = fileURLToPath(new URL(`../main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;

  function start(): void {
    const startedAt = Date.now();
    const c = fork(entry, [], { env: { ...process.env, ...opts.env, XIAOER_ROLE: 'worker' }, stdio: 'inherit' });
    child = c;
    opts.log.info({ pid: c.pid }, 'worker process started');
    c.once('exit', (code, signal) => {
      if (child === c) child = null;
      if (stopping) return;
      // a child that ran a while starts the count again
      if (Date.now() - startedAt > 60_000) restarts = 0;
      const delay = Math.min(30_000, 1000 * 2 ** restarts++);
      opts.log.error({ code, signal, restartInMs: delay }, 'worker process exited; starting it again');
      timer = setTimeout(start, delay);
    });
  }
  start();

  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.kill('SIGTERM');
      const killer = setTimeout(() => c.kill('SIGKILL'), CHILD_STOP_MS);
      await exited;
      clearTimeout(killer);
    },
  };
}
