/**
 * A worker process whose parent dies while the worker is still loading its modules reads 1 as its parent's id, so the
 * parent-id watch never starts; its IPC channel still closes, and the worker stops (a clean-clone CI run found one such
 * worker, forked by test/faults/overflow-kill.test.ts's bot, still running minutes after the suite had ended).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const helper = (name: string) => fileURLToPath(new URL(`../helpers/${name}`, import.meta.url));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (ok: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('a forked worker whose parent is gone before it has started', () => {
  it('notices through its closed channel and exits', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xiaoer-orphan-')), 'orphaned');
    const out = execFileSync(process.execPath, [helper('fork-and-exit.mjs')], { env: { ...process.env, ENTRY: helper('orphan-child.mjs'), ORPHAN_FILE: file }, encoding: 'utf8' });
    const pid = Number(out.trim());
    expect(pid).toBeGreaterThan(0);
    try {
      await until(() => existsSync(file), 60_000);
      // its parent was gone before it read its parent's id: only the channel could tell it
      expect(readFileSync(file, 'utf8')).toBe('orphaned (parent id read: 1)');
      await until(() => !alive(pid), 20_000);
    } finally {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 90_000);
});
