// `npm start` and `npm ci` build (tsc and the pages, about a minute) only when the build's inputs changed since the last
// build made here: a fingerprint of their paths, sizes and modification times is kept beside the output. `npm run build`
// always builds.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

const INPUTS = ['src', 'config', 'handlers', 'jobs', 'web', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const OUTPUTS = ['dist/src/main.js', 'dist/web'];
const STAMP = 'dist/.build-inputs';

function walk(path, out) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return;
  if (!s.isDirectory()) {
    out.push(`${path}\t${s.size}\t${s.mtimeMs}`);
    return;
  }
  for (const entry of readdirSync(path).sort()) walk(`${path}/${entry}`, out);
}

const files = [];
for (const input of INPUTS) walk(input, files);
const fingerprint = createHash('sha256').update(files.join('\n')).digest('hex');
if (OUTPUTS.every((p) => existsSync(p)) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint) {
  console.log('build up to date (npm run build rebuilds)');
} else {
  // (a build that fails leaves no stamp behind: its partial output is never taken for a finished build)
  rmSync(STAMP, { force: true });
  execSync('npm run build', { stdio: 'inherit' });
  writeFileSync(STAMP, fingerprint);
}
