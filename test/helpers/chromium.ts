import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's chromium for the browser tests: installed with apt-get (as root) when missing; otherwise a clear failure. */
export function ensureChromium(log: (m: string) => void): void {
  if (existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`the browser tests need Debian's chromium at ${CHROMIUM}: run "apt-get install chromium" as root`);
  }
  log('installing chromium with apt-get for the browser tests (first run only)');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(CHROMIUM)) throw new Error('apt-get did not install chromium');
}
