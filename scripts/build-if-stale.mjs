// `npm start` and `npm ci` build (tsc and the pages, about a minute) only when the build's inputs changed since the last
// build made here: a fingerprint of their paths and contents (about 11 MB, read in well under a second) is kept beside
// the output, so a change that keeps a file's size and time (a copy with cp -p, a checkout of an older version) is seen
// too. `npm run build` always builds.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

const INPUTS = ['src', 'config', 'handlers', 'jobs', 'web', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const OUTPUTS = ['dist/src/main.js', 'dist/web'];
const STAMP = 'dist/.build-inputs';

function walk(path, hash) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return;
  if (!s.isDirectory()) {
    hash.update(`${path}\0${s.size}\0`).update(readFileSync(path));
    return;
  }
  for (const entry of readdirSync(path).sort()) walk(`${path}/${entry}`, hash);
}

const hash = createHash('sha256');
for (const input of INPUTS) walk(input, hash);
const fingerprint = hash.digest('hex');
if (OUTPUTS.every((p) => existsSync(p)) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint) {
  console.log('build up to date (npm run build rebuilds)');
} else {
  // (a build that fails leaves no stamp behind: its partial output is never taken for a finished build)
  rmSync(STAMP, { force: true });
  execSync('npm run build', { stdio: 'inherit' });
  writeFileSync(STAMP, fingerprint);
}
