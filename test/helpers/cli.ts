import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './shared.js';

/**
 * Node options that write the URL of every module the process loads to `file`, one a line (./record-loads.mjs).
 * Give them to runCli to see which modules a command opened.
 */
export function recordLoadsArgs(file: string): string[] {
  const hooks = pathToFileURL(join(projectRoot, 'test', 'helpers', 'record-loads.mjs')).href;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(hooks)}, { data: { file: ${JSON.stringify(file)} } });`;
  return ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
}

/**
 * Runs `xiaoer …` with only the given environment; optional standard input and Node options. It runs the compiled CLI
 * (dist/src/cli/index.js), as bin/xiaoer.js does: the global setup builds it when the sources changed
 * (helpers/build.ts). From source through tsx each run took twice as long (3.5 s against 1.6 s a
 * command on an idle 2-core machine; cli.test 102 s against 46 s), and the suite runs about a hundred of them.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  stdin = '',
  nodeArgs: string[] = [],
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, join(projectRoot, 'dist', 'src', 'cli', 'index.js'), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}
