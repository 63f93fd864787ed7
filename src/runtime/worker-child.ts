import { setPriority } from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../shared/logger.js';
import { snapshot, type MetricsSnapshot } from '../shared/metrics.js';

/** How long a stopping child has before it is killed (main.ts gives itself 8 s). */
const CHILD_STOP_MS = 9_000;

export interface WorkerChild {
  stop(): Promise<void>;
  /** running; restarting (it failed and waits for its back-off); stopped (asked to, or it stopped cleanly on its own). */
  state(): 'running' | 'restarting' | 'stopped';
  /** The child's metrics (its counters: sends, jobs, SLA steps, digests, the LLM), over IPC; null if it cannot answer. */
  metrics(timeoutMs?: number): Promise<MetricsSnapshot | null>;
}

interface MetricsRequest {
  xiaoer: 'metrics?';
  id: number;
}
interface MetricsAnswer {
  xiaoer: 'metrics';
  id: number;
  metrics: MetricsSnapshot;
}

/** This process is a role-all process's worker process (started by startWorkerChild, not by a supervisor). */
export function isWorkerChild(): boolean {
  return process.env.XIAOER_WORKER_CHILD === '1' && typeof process.send === 'function';
}

/**
 * In the worker process (forked by startWorkerChild, so it has an IPC channel): answer the parent's requests for
 * this process's metrics. Nothing to do in a process that was not forked.
 */
export function answerMetricsRequests(): void {
  if (!process.send) return;
  process.on('message', (m: MetricsRequest) => {
    if (m?.xiaoer !== 'metrics?') return;
    void snapshot().then(
      // with a callback, a parent gone meanwhile is an error passed to it, not an 'error' event on the process
      (metrics) => process.connected && process.send?.({ xiaoer: 'metrics', id: m.id, metrics } satisfies MetricsAnswer, undefined, {}, () => undefined),
      () => undefined,
    );
  });
  // the parent asks only once the child listens (a request before would wait in vain)
  if (process.connected) process.send({ xiaoer: 'metrics-ready' }, undefined, {}, () => undefined);
  // the channel must not keep the process alive (it stops on a signal or when its parent goes)
  process.channel?.unref();
}

/**
 * The queue workers of a role-all process in a child process of their own (XIAOER_WORKERS=process): the same entry
 * point with XIAOER_ROLE=worker, pointed at the stores this process started (its MONGODB_URI and REDIS_URL), so the
 * job processors never take the event loop the acknowledgement path answers on. The child stops with this process
 * (it watches its parent, main.ts); one that fails (a non-zero exit, a kill) is started again, after a back-off that
 * grows while it keeps failing. One that exits 0 was stopped by a signal of its own (the worker only exits cleanly when
 * asked to): most often the signal a terminal or a supervisor sent to the whole process group, racing this process's
 * own stop. It is not started again — against stores that are stopping it would only fail and fail again — and
 * `onStopped` is told, so that this process stops as well and its supervisor starts the pair again as one unit.
 */
/**
 * The worker process's niceness (Linux: 0 is the parent's, 19 the lowest priority). On a busy machine the
 * acknowledgement path gets the CPU first; the workers take what is left, which is all of it when it is quiet.
 */
export const WORKER_CHILD_NICE = 10;

/** The exit code of a process whose configuration was refused (main.ts): it is not started again. */
export const CONFIG_REFUSED_EXIT = 2;

export function startWorkerChild(opts: {
  env: Record<string, string>;
  log: Logger;
  /**
   * Called once when the child stops for good without this process having asked it to: it exited 0 (a stop signal of
   * its own), or CONFIG_REFUSED_EXIT (its configuration was refused). `code`: its exit code.
   */
  onStopped: (code: number) => void;
  /** The script to fork (tests); by default this module's sibling main: src/main.ts under tsx (the loader is inherited through execArgv), dist/src/main.js built. */
  entry?: string;
}): WorkerChild {
  const entry = opts.entry ?? fileURLToPath(new URL(`../main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  let nextId = 0;
  let answering = false;
  const waiting = new Map<number, (m: MetricsSnapshot | null) => void>();

  function start(): void {
    const startedAt = Date.now();
    const c = fork(entry, [], { env: { ...process.env, ...opts.env, XIAOER_ROLE: 'worker', XIAOER_WORKER_CHILD: '1' }, stdio: 'inherit' });
    child = c;
    answering = false;
    // processing yields the CPU to the acknowledgement path: a flood is acknowledged at once and worked off behind it
    if (c.pid) {
      try {
        setPriority(c.pid, WORKER_CHILD_NICE);
      } catch (err) {
        opts.log.warn({ err: { message: (err as Error).message } }, 'could not lower the worker process\'s CPU priority');
      }
    }
    c.on('message', (m: MetricsAnswer | { xiaoer: 'metrics-ready' }) => {
      if (m?.xiaoer === 'metrics-ready' && child === c) answering = true;
      if (m?.xiaoer === 'metrics') waiting.get(m.id)?.(m.metrics);
    });
    opts.log.info({ pid: c.pid }, 'worker process started');
    c.once('exit', (code, signal) => {
      if (child === c) child = null;
      if (stopping) return;
      if (code === 0) {
        stopping = true;
        opts.log.warn('worker process stopped cleanly without being asked to (a stop signal reached it); it is not restarted');
        opts.onStopped(0);
        return;
      }
      if (code === CONFIG_REFUSED_EXIT) {
        // its configuration was refused (main.ts): starting it again would be refused again, every 30 s, for ever
        stopping = true;
        opts.log.error('worker process refused its configuration (exit 2); it is not restarted');
        opts.onStopped(code);
        return;
      }
      // a child that ran a while starts the count again
      if (Date.now() - startedAt > 60_000) restarts = 0;
      const delay = Math.min(30_000, 1000 * 2 ** restarts++);
      opts.log.error({ code, signal, restartInMs: delay }, 'worker process exited; starting it again');
      timer = setTimeout(start, delay);
    });
  }
  start();

  return {
    state: () => (stopping ? 'stopped' : child ? 'running' : 'restarting'),
    metrics(timeoutMs = 2_000) {
      const c = child;
      if (!c?.connected || !answering) return Promise.resolve(null);
      const id = ++nextId;
      return new Promise<MetricsSnapshot | null>((resolve) => {
        const done = (m: MetricsSnapshot | null) => {
          clearTimeout(t);
          waiting.delete(id);
          resolve(m);
        };
        const t = setTimeout(() => done(null), timeoutMs);
        waiting.set(id, done);
        try {
          c.send({ xiaoer: 'metrics?', id } satisfies MetricsRequest, (err) => err && done(null));
        } catch {
          done(null);
        }
      });
    },
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
