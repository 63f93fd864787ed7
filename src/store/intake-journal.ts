import { closeSync, fdatasync, fdatasyncSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The acknowledgement path's overflow: an append-only file on local disk, one JSON line per acknowledged message.
 *
 * When the store is slow to take acknowledgements (a flood while the workers keep it busy), a message is written
 * here instead and acknowledged once it is on disk (group commit: the messages that arrive in one turn of the event
 * loop are written with one `write` and one `fdatasync`); the intake then moves the lines into the store in order, in
 * the background. A process that dies leaves its file behind; the next process started on the same data folder and
 * deployment takes it over (`adopt`) and moves its lines first. Moving a line twice is harmless: the store keeps one
 * message per platform id.
 *
 * Files are named `<pid>-<time>-<n>.jnl` in a folder of their own per deployment. Writes are synchronous (into the
 * page cache, microseconds), so that a file is never appended to and removed out of order; the sync runs off the
 * event loop, one at a time, each covering every line written before it began.
 */
export interface IntakeJournal<T> {
  /** Appends the records; resolves once they are on disk (written and synced), with the others of the same turn. */
  append(record: T): Promise<void>;
  /**
   * Files left by processes that are gone (their pid no longer runs, or it is this process's pid and the file is
   * older than this process): their records in file order, oldest file first. The files are kept until `release` names them, so that a crash while they are moved loses nothing.
   */
  adopt(): { files: string[]; records: T[] };
  /**
   * Removes adopted files that were moved, and this process's current file (every line in it was moved; it is kept
   * while a line is being written to it). The next `append` starts a new file.
   */
  release(adopted?: string[]): void;
  /** Lines written to this process's current file and not yet released. */
  readonly written: number;
  close(): void;
}

interface Waiter {
  line: string;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export function createIntakeJournal<T>(opts: { dir: string; fsync?: boolean; pid?: number; startedAt?: number; isAlive?: (pid: number) => boolean }): IntakeJournal<T> {
  const pid = opts.pid ?? process.pid;
  // a file named with this pid but older than this process is an earlier process's that had the same pid (a
  // container restarted: the bot is pid 1 again)
  const startedAt = opts.startedAt ?? Date.now() - process.uptime() * 1000;
  const fsync = opts.fsync ?? true;
  const alive = opts.isAlive ?? processAlive;
  mkdirSync(opts.dir, { recursive: true });
  let fd: number | null = null;
  let file = '';
  let seq = 0;
  let written = 0;
  let pending: Waiter[] = [];
  let scheduled = false;
  // written and waiting for the sync in flight (or the next one): a sync covers every line written before it began
  let unsynced: Waiter[] = [];
  let syncing = false;
  // every line in the current file was moved, but a write or sync was under way: removed once it is done, unless a
  // line was written since
  let releaseWanted = false;

  const removeCurrent = () => {
    if (fd === null || pending.length || scheduled || syncing || unsynced.length) return false;
    closeSync(fd);
    fd = null;
    unlinkSync(file);
    written = 0;
    releaseWanted = false;
    return true;
  };

  const sync = () => {
    if (syncing || !unsynced.length || fd === null) return;
    const batch = unsynced;
    unsynced = [];
    syncing = true;
    // off the event loop (the thread pool): acknowledgements keep being read and written while the disk syncs
    fdatasync(fd, (err) => {
      syncing = false;
      for (const b of batch) (err ? b.reject(err) : b.resolve());
      sync();
      if (releaseWanted) removeCurrent();
    });
  };

  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    try {
      if (fd === null) {
        file = join(opts.dir, `${pid}-${Date.now()}-${seq++}.jnl`);
        fd = openSync(file, 'a', 0o600);
      }
      // the write itself is synchronous (into the page cache): lines are in the file in the order they came, and the
      // file is never removed with a line half written
      writeSync(fd, batch.map((b) => b.line).join(''));
      written += batch.length;
      releaseWanted = false;
    } catch (err) {
      for (const b of batch) b.reject(err);
      return;
    }
    if (!fsync) {
      for (const b of batch) b.resolve();
      return;
    }
    unsynced.push(...batch);
    sync();
  };

  return {
    append(record) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    adopt() {
      const files: string[] = [];
      const records: T[] = [];
      const names = readdirSync(opts.dir)
        .filter((n) => n.endsWith('.jnl'))
        .map((n) => ({ n, owner: Number(n.split('-')[0]), at: Number(n.split('-')[1]), seq: Number(n.split('-')[2]?.split('.')[0]) }))
        .filter((f) => Number.isInteger(f.owner) && (f.owner === pid ? f.at < startedAt : !alive(f.owner)))
        .sort((a, b) => a.at - b.at || a.seq - b.seq);
      for (const { n } of names) {
        const path = join(opts.dir, n);
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          if (!line) continue;
          // a line cut short by a crash was never acknowledged (the acknowledgement waits for the whole write)
          try {
            records.push(JSON.parse(line) as T);
          } catch {
            /* torn last line */
          }
        }
        files.push(path);
      }
      return { files, records };
    },
    release(adopted = []) {
      if (fd !== null && !removeCurrent()) releaseWanted = true;
      for (const f of adopted) {
        try {
          unlinkSync(f);
        } catch {
          /* already gone */
        }
      }
    },
    get written() {
      return written;
    },
    close() {
      flush();
      if (fd !== null && !syncing) {
        if (unsynced.length) fdatasyncSync(fd);
        for (const b of unsynced.splice(0)) b.resolve();
        closeSync(fd);
        fd = null;
      }
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
