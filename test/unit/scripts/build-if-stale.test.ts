import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = resolve('scripts/build-if-stale.mjs');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A project whose `npm run build` counts its runs and makes the outputs the script looks for. */
function project(): string {
  dir = mkdtempSync(join(tmpdir(), 'xiaoer-build-'));
  const build = "require('fs').appendFileSync('builds','x');require('fs').mkdirSync('dist/src',{recursive:true});require('fs').mkdirSync('dist/web',{recursive:true});require('fs').writeFileSync('dist/src/main.js','')";
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', private: true, scripts: { build: `node -e "${build}"` } }));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.ts'), 'export {};\n');
  return dir;
}
const run = () => spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });
const builds = () => readFileSync(join(dir, 'builds'), 'utf8').length;

describe('npm start builds only when an input changed (scripts/build-if-stale.mjs)', () => {
  it('builds the first time, not again with nothing changed (a touch is no change), again after a source\'s content changes, a source is added or the output is gone', () => {
    project();
    expect(run().status).toBe(0);
    expect(builds()).toBe(1);
    expect(run().stdout).toContain('build up to date');
    expect(builds()).toBe(1);
    // a touch alone changes nothing built
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'src', 'main.ts'), later, later);
    expect(run().stdout).toContain('build up to date');
    expect(builds()).toBe(1);
    // a change that keeps the file's size and time (cp -p, an older checkout) is seen
    writeFileSync(join(dir, 'src', 'main.ts'), 'export [];\n');
    utimesSync(join(dir, 'src', 'main.ts'), later, later);
    run();
    expect(builds()).toBe(2);
    writeFileSync(join(dir, 'src', 'new.ts'), 'export {};\n');
    run();
    expect(builds()).toBe(3);
    rmSync(join(dir, 'dist', 'web'), { recursive: true });
    run();
    expect(builds()).toBe(4);
    expect(run().stdout).toContain('build up to date');
    expect(builds()).toBe(4);
  });

  it('a build that fails leaves no stamp: the next start builds again', () => {
    project();
    // (a whole second: restored exactly below)
    const then = 1_700_000_000;
    utimesSync(join(dir, 'package.json'), then, then);
    run();
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const build = pkg.scripts.build;
    pkg.scripts.build = `${build} && node -e "process.exit(1)"`;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    expect(run().status).not.toBe(0);
    expect(builds()).toBe(2);
    // the package file put back as it was, to the second: only the missing stamp makes this build
    pkg.scripts.build = build;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    utimesSync(join(dir, 'package.json'), then, then);
    expect(run().status).toBe(0);
    expect(builds()).toBe(3);
  });
});
