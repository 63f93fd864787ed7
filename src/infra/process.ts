import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { connect, createServer } from 'node:net';

export function run(
  cmd: string,
  args: string[],
  opts: SpawnOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export async function commandExists(cmd: string): Promise<boolean> {
  try {
    const r = await run('sh', ['-c', `command -v ${cmd}`]);
    return r.code === 0;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePromise(port));
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves when the child has exited. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
    // a server started by spawnTied also stops when its lifeline closes
    child.stdin?.end();
  });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // a check that never settles (a port that accepts and never replies) does not outlast the deadline
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), Math.max(0, deadline - Date.now()) + 50)));
    const ok = await Promise.race([check().catch(() => false), late]);
    clearTimeout(timer);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The shell around an embedded server: it starts the server, passes SIGTERM/SIGINT on, and kills the server when its
 * standard input closes — which happens when the bot exits in any way, even SIGKILL (only the bot holds the pipe's
 * other end). So FerretDB and redis-server never outlive the bot that started them.
 */
const TIED = [
  'exec 3<&0',
  '"$@" </dev/null 3<&- 4>&- & c=$!',
  // the server's own pid, for the start to tell its server from another answering on the port (fd 4: a pipe)
  'echo $c >&4; exec 4>&-',
  "trap 'kill -TERM $c 2>/dev/null' TERM INT HUP",
  '(cat <&3 >/dev/null; kill -TERM $c 2>/dev/null) </dev/null >/dev/null 2>&1 &',
  'exec 3<&-',
  'wait $c; s=$?',
  // a trapped signal interrupts the first wait: wait again for the server's own exit
  'while kill -0 $c 2>/dev/null; do wait $c; s=$?; done',
  'exit $s',
].join('\n');

/** The start found another process answering on the port it gave its server (taken between freePort and the bind). */
export class PortTakenError extends Error {}

/**
 * An embedded server, started tied to this process (spawnTied) and kept running. The start waits until `ready()`
 * names the pid of the server answering on the port and it is this server's own (at most `timeoutMs`; a server that
 * exits meanwhile fails the start at once, named with `exitedHint`; another process answering there fails it with
 * PortTakenError — the caller tries another port — and is never taken for the server). Should
 * it exit later while the bot runs (killed, crashed, out of memory), it is started again with the same arguments — on
 * the same port, so the drivers' own reconnects find it — after 1 s, then twice as long after each exit up to 30 s
 * (back to 1 s once it has run a minute); `onStart` is told of each process (the run files). `stop` ends it for good.
 */
export async function startSupervised(
  cmd: string,
  args: string[],
  logFd: number,
  opts: {
    name: string;
    /** The loopback port the server is given: one that answers while the server exited at start is another's. */
    port?: number;
    ready: () => Promise<number | null>;
    timeoutMs: number;
    exitedHint?: string;
    warn?: (m: string) => void;
    onStart?: (child: ChildProcess) => void;
  },
): Promise<{ stop(): Promise<void> }> {
  let child = spawnTied(cmd, args, logFd);
  let own: number | null = null;
  void tiedServerPid(child).then((pid) => (own = pid));
  let running = false;
  let stopping = false;
  let delay = 1000;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const watch = (c: ChildProcess): void => {
    c.once('exit', (code, signal) => {
      if (stopping || !running) return;
      if (Date.now() - startedAt >= 60_000) delay = 1000;
      opts.warn?.(`${opts.name} exited (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s`);
      timer = setTimeout(() => {
        if (stopping) return;
        startedAt = Date.now();
        child = spawnTied(cmd, args, logFd);
        opts.onStart?.(child);
        watch(child);
      }, delay);
      timer.unref();
      delay = Math.min(delay * 2, 30_000);
    });
  };
  watch(child);
  const first = child;
  const exited = () => first.exitCode !== null || first.signalCode !== null;
  let answering: number | null = null;
  try {
    await waitFor(
      async () => {
        answering = await opts.ready();
        // whoever answers is ours only when its pid is the one our shell started (known once the shell has said it)
        return (answering !== null && own !== null) || exited();
      },
      opts.timeoutMs,
      opts.name,
    );
    if (answering !== null && answering !== own) throw new PortTakenError(`another process (pid ${answering}) answers on the port given to ${opts.name}`);
    // (one that speaks another protocol: the server could not bind, and something answers there)
    if (exited() && opts.port !== undefined && (await tcpAnswers(opts.port))) throw new PortTakenError(`another process holds the port given to ${opts.name}`);
    if (exited()) throw new Error(`${opts.name} exited during start${opts.exitedHint ? `; ${opts.exitedHint}` : ''}`);
  } catch (err) {
    stopping = true;
    await stopChild(first);
    throw err;
  }
  running = true;
  opts.onStart?.(child);
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await stopChild(child);
    },
  };
}

/** Spawns `cmd args` tied to this process's life (see TIED); stdout/stderr to `logFd`. */
export function spawnTied(cmd: string, args: string[], logFd: number): ChildProcess {
  const child = spawn('sh', ['-c', TIED, 'xiaoer-embedded', cmd, ...args], { stdio: ['pipe', logFd, logFd, 'ignore', 'pipe'] });
  serverPids.set(child, readServerPid(child));
  // the pipe is only a lifeline: never written, and an error on it (the shell gone) is no concern
  child.stdin?.on('error', () => {});
  return child;
}

/**
 * Starts a server with `start(port)` on `first` (default: a free port), and on another free port when a process
 * took that one first (PortTakenError; at most three tries).
 */
export async function onFreePort<T>(first: number | undefined, warn: ((m: string) => void) | undefined, start: (port: number) => Promise<T>): Promise<{ port: number; server: T }> {
  for (let attempt = 1; ; attempt++) {
    const port = attempt === 1 && first ? first : await freePort();
    try {
      return { port, server: await start(port) };
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt >= 3) throw err;
      warn?.(`port ${port} was taken (${err.message}); trying another`);
    }
  }
}

/** Whether anything accepts a connection on a loopback port (within half a second). */
export function tcpAnswers(port: number): Promise<boolean> {
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

const serverPids = new WeakMap<ChildProcess, Promise<number | null>>();

/** The pid of the server a spawnTied shell started (it says so on fd 4, then closes it); null if it never did. */
export function tiedServerPid(child: ChildProcess): Promise<number | null> {
  return serverPids.get(child) ?? Promise.resolve(null);
}

function readServerPid(child: ChildProcess): Promise<number | null> {
  const pipe = child.stdio[4] as NodeJS.ReadableStream | null | undefined;
  if (!pipe) return Promise.resolve(null);
  return new Promise((resolvePromise) => {
    let said = '';
    pipe.on('data', (d: Buffer) => (said += d.toString()));
    pipe.on('error', () => resolvePromise(null));
    pipe.on('close', () => resolvePromise(/^\d+$/.test(said.trim()) ? Number(said.trim()) : null));
  });
}
