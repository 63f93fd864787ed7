import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './shared.js';

/**
 * The build the tests run (the CLI and the bot as child processes: dist/src/cli/index.js, dist/src/main.js), made when
 * the sources changed since the last one (scripts/build-if-stale.mjs; a no-op after `npm ci`, which builds). Called by
 * the global setups, before any test file runs. (`vitest --watch` runs them once: after editing the sources, start it
 * again. A source that does not compile fails the setup, and so every file that needs the build.)
 */
export function ensureBuild(): void {
  execFileSync(process.execPath, [join(projectRoot, 'scripts', 'build-if-stale.mjs')], { cwd: projectRoot, stdio: 'inherit' });
}
