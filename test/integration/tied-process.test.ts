import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../src/infra/process.js';
import { projectRoot } from '../helpers/shared.js';

/** pid → parent pid, from /proc (Linux). */
function parents(): Map<number, number> {
  const m = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') m.set(Number(d), Number(ppid));
    } catch {
      /* gone */
    }
  }
  return m;
}
const descendants = (root: number) => {
  const m = parents();
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [pid, pp] of m) if (pp === p) (out.push(pid), walk(pid));
  };
  walk(root);
  return out;
};

describe.runIf(process.platform === 'linux')('embedded servers are tied to the bot', () => {
  it('a server started with spawnTied stops when the process that started it is killed with SIGKILL', async () => {
    // a stand-in for the bot: starts a long "server" (sleep), says so, then waits
    const code = `import { spawnTied } from ${JSON.stringify(join(projectRoot, 'src', 'infra', 'process.ts'))};
      import { openSync } from 'node:fs';
      spawnTied('sleep', ['3600'], openSync('/dev/null', 'a'));
      setTimeout(() => console.log('started'), 300);
      setInterval(() => {}, 1000);`;
    const bot = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      bot.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve());
      bot.once('exit', (c) => reject(new Error(`the stand-in exited (${c}) before starting its server`)));
    });
    const tree = descendants(bot.pid!);
    const sleeper = tree.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sleep\0'));
    expect(sleeper).toBeDefined();
    bot.kill('SIGKILL');
    const left = () => tree.filter((pid) => parents().has(pid));
    try {
      await waitFor(async () => left().length === 0, 10_000, 'the server and its shell to stop');
    } finally {
      for (const pid of left()) process.kill(pid, 'SIGKILL');
    }
  });
});
