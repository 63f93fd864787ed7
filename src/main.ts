import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../config/index.js';
import { FerretdbInstallError } from './infra/ferretdb.js';
import { startRuntime, type Runtime } from './runtime.js';
import { CONFIG_REFUSED_EXIT } from './runtime/worker-child.js';
import { createLogger } from './shared/logger.js';

/** After SIGTERM / SIGINT the process exits within this time, stopped cleanly or not. */
export const STOP_DEADLINE_MS = 8_000;

/**
 * Calls `onOrphaned` once when the process that started this one (npm, a shell, a supervisor) is gone — the bot is
 * then re-parented and its parent id changes from `parent` (read when the process started). A supervisor that runs the
 * bot as PID 1's child is left alone.
 */
export function watchParent(onOrphaned: () => void, parent: number, everyMs = 1000): void {
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, everyMs);
  timer.unref();
}

/**
 * Calls `onOrphaned` once when the process that forked this one with an IPC channel (a role-all process's worker
 * process) is gone: its channel closes, whenever that happens. The parent's id alone cannot tell a parent that died
 * while this process was still loading its modules — it reads 1 then, like a process a supervisor runs as PID 1's child,
 * and watchParent never starts. Nothing in a process that was not forked.
 */
export function watchChannel(onOrphaned: () => void): void {
  if (typeof process.send !== 'function') return;
  if (!process.connected) {
    onOrphaned();
    return;
  }
  process.once('disconnect', onOrphaned);
}

/** Starts the bot; stops cleanly on SIGTERM / SIGINT / SIGHUP or when its parent dies, within STOP_DEADLINE_MS. */
export async function main(): Promise<void> {
  // read before anything is awaited: a parent that dies while the bot starts (the port is open long before the start
  // is over) has re-parented it by the time the watch begins, and must still count
  const parent = process.ppid;
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`配置错误 / configuration error: ${err.problems.map((p) => `${p.key}: ${p.problem}`).join('; ')}`);
      process.exit(CONFIG_REFUSED_EXIT);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  // the signals are heard from the start: a SIGTERM while the bot is still starting (its port answers before the
  // workers and schedules are up) waits for the start to finish, then stops it cleanly, like any other
  let started: Promise<Runtime | null> = Promise.resolve(null);
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // a hard deadline: busy workers, a hung store or Redis never keep the process (and its servers) alive; the
    // embedded servers are tied to this process and stop with it however it ends
    const force = setTimeout(() => {
      log.error({ afterMs: STOP_DEADLINE_MS }, 'stop took too long; exiting now');
      process.exit(code || 1);
    }, STOP_DEADLINE_MS);
    force.unref();
    const runtime = await started;
    if (runtime) await runtime.stop();
    log.info('stopped');
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  watchParent(() => void shutdown('parent exited'), parent);
  watchChannel(() => void shutdown('parent exited'));
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: { message: String((reason as Error)?.message ?? reason) } }, 'unhandled rejection');
    void shutdown('unhandledRejection', 1);
  });
  process.on('uncaughtException', (err) => {
    log.fatal({ err: { message: err.message } }, 'uncaught exception');
    void shutdown('uncaughtException', 1);
  });

  let runtime: Runtime;
  try {
    // the worker process stopped on a signal of its own: this process stops too, with a failure code (a supervisor that
    // restarts on failure only, systemd's Restart=on-failure, starts the pair again)
    const starting = startRuntime(config, log, { onWorkerStopped: (code) => void shutdown('worker process stopped', code === CONFIG_REFUSED_EXIT ? CONFIG_REFUSED_EXIT : 1) });
    started = starting.catch(() => null);
    runtime = await starting;
  } catch (err) {
    if (err instanceof FerretdbInstallError) {
      console.error(err.message);
      process.exit(2);
    }
    log.fatal({ err: { message: (err as Error).message } }, 'start failed');
    process.exit(1);
  }
  if (stopping) return;
  const platforms = config.simulator ? ['simulator'] : [config.wecom && 'wecom', config.dingtalk && 'dingtalk'].filter(Boolean);
  log.info(
    { port: runtime.port, role: config.role, platforms, mongodb: config.mongo.uri ? 'MONGODB_URI' : 'embedded FerretDB', queuePrefix: runtime.queuePrefix },
    runtime.port ? `xiaoer listening on http://localhost:${runtime.port}` : 'xiaoer workers running',
  );
  if (runtime.simulatorUrl) log.info({ simulator: runtime.simulatorUrl }, `群聊模拟器 / simulator: ${runtime.simulatorUrl}`);
  else if (platforms.length === 0) log.warn('no platform is configured: webhooks answer 404 (see config/env.example)');
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) void main();
