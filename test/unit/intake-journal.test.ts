import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIntakeJournal } from '../../src/store/intake-journal.js';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'xiaoer-jnl-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const DEAD = 4_194_305; // above Linux's pid_max

describe('the intake overflow file', () => {
  it('writes the appends of one turn together, in order, each resolved once on disk', async () => {
    const d = dir();
    const j = createIntakeJournal<{ n: number }>({ dir: d, pid: DEAD });
    await Promise.all(Array.from({ length: 50 }, (_, n) => j.append({ n })));
    await j.append({ n: 50 });
    const files = readdirSync(d);
    expect(files).toHaveLength(1);
    const lines = readFileSync(join(d, files[0]!), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual(Array.from({ length: 51 }, (_, n) => n));
    expect(j.written).toBe(51);
    j.close();
  });

  it("takes over a gone process's file (a torn last line skipped), never a running one's, and removes what it is told", async () => {
    const d = dir();
    const dead = createIntakeJournal<{ id: string }>({ dir: d, pid: DEAD });
    await dead.append({ id: 'a' });
    await dead.append({ id: 'b' });
    dead.close();
    const [deadFile] = readdirSync(d);
    appendFileSync(join(d, deadFile!), '{"id":"c"'); // a crash in the middle of a write: never acknowledged
    const running = createIntakeJournal<{ id: string }>({ dir: d, pid: process.ppid });
    await running.append({ id: 'theirs' });
    running.close();

    const me = createIntakeJournal<{ id: string }>({ dir: d });
    const { files, records } = me.adopt();
    expect(records).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(files).toEqual([join(d, deadFile!)]);
    await me.append({ id: 'mine' });
    expect(readdirSync(d)).toHaveLength(3);
    me.release(files);
    // the adopted file and this process's own are gone; the running process's stays
    expect(readdirSync(d).map((n) => n.split('-')[0])).toEqual([String(process.ppid)]);
    // the next append starts a new file
    await me.append({ id: 'next' });
    expect(readdirSync(d)).toHaveLength(2);
    me.close();
  });

  it('takes over a file of an earlier process that had the same pid (a restarted container), not its own', async () => {
    const d = dir();
    const before = createIntakeJournal<{ id: string }>({ dir: d, pid: 1 });
    await before.append({ id: 'before the restart' });
    before.close();
    await new Promise((r) => setTimeout(r, 5));
    const after = createIntakeJournal<{ id: string }>({ dir: d, pid: 1, startedAt: Date.now(), isAlive: () => true });
    await after.append({ id: 'mine' });
    expect(after.adopt().records).toEqual([{ id: 'before the restart' }]);
    after.close();
  });
});
