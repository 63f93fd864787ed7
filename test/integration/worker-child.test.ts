/**
 * The worker process of a role-all process (XIAOER_WORKERS=process): started again when it fails, not when it stops
 * cleanly on a stop signal of its own (a group-wide SIGTERM racing the parent's own stop); then the parent is told,
 * so that the pair stops as one.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startWorkerChild } from '../../src/runtime/worker-child.js';
import { createLogger } from '../../src/shared/logger.js';

const entry = fileURLToPath(new URL('../helpers/exit-with.mjs', import.meta.url));
const starts = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '').split('\n').filter(Boolean).length;
const until = async (ok: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the worker process of a role-all process', () => {
  const run = (exitCode: number) => {
    const file = join(mkdtempSync(join(tmpdir(), 'xiaoer-wc-')), 'starts');
    let stopped = 0;
    let code: number | undefined;
    const child = startWorkerChild({ env: { STARTS_FILE: file, EXIT_CODE: String(exitCode) }, log: createLogger('silent'), entry, onStopped: (c) => {
      stopped++;
      code = c;
    } });
    return { child, file, stopped: () => stopped, code: () => code };
  };

  it('is not started again when it exits cleanly on its own, and the parent is told to stop too', async () => {
    const { child, file, stopped } = run(0);
    await until(() => stopped() === 1);
    expect(child.state()).toBe('stopped');
    expect(starts(file)).toBe(1);
    await child.stop();
    expect(stopped()).toBe(1);
  });

  it('is not started again when its configuration was refused (exit 2): the parent is told, with the code', async () => {
    const { child, file, stopped, code } = run(2);
    await until(() => stopped() === 1);
    expect(code()).toBe(2);
    expect(child.state()).toBe('stopped');
    expect(starts(file)).toBe(1);
    await child.stop();
  });

  it('is started again when it fails, and the parent is not told to stop', async () => {
    const { child, file, stopped } = run(3);
    await until(() => starts(file) >= 2);
    expect(stopped()).toBe(0);
    expect(child.state()).not.toBe('stopped');
    await child.stop();
    expect(child.state()).toBe('stopped');
  });
});
