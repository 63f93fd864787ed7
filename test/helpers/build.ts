import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './shared.js';

/**
 * The build the tests run (the CLI and the bot as child processes: dist/src/cli/index.js, dist/src/main.js), made when
 * the sources changed since the last one (scripts/build-if-stale.mjs; a no-op after `npm ci`, which builds). Called by
 * the global setups, before any test file runs.
 */
export function ensureBuild(): void {
  execFileSync(process.execPath, [join(projectRoot, 'scripts', 'build-if-stale.mjs')], { cwd: projectRoot, stdio: 'inherit' });
}
