import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's chromium for the browser tests: installed with apt-get (as root) when missing; otherwise a clear failure.
 * With it, a Chinese font (fonts-noto-cjk) when fontconfig has none, so that screenshots show text, not boxes.
 */
export function ensureChromium(log: (m: string) => void): void {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasChineseFont()) missing.push('fonts-noto-cjk');
  if (!missing.length) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    if (missing.includes('chromium')) {
      throw new Error(`the browser tests need Debian's chromium at ${CHROMIUM}: run "apt-get install chromium" as root`);
    }
    log('no Chinese font found (fc-list :lang=zh): screenshots will show boxes; run "apt-get install fonts-noto-cjk" as root');
    return;
  }
  log(`installing ${missing.join(' and ')} with apt-get for the browser tests (first run only)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  if (missing.includes('chromium')) execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env });
  // the font alone: its recommended extra weights are another 300 MB
  if (missing.includes('fonts-noto-cjk')) execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk'], { stdio: 'ignore', env });
  if (!existsSync(CHROMIUM)) throw new Error('apt-get did not install chromium');
  if (!hasChineseFont()) throw new Error('apt-get did not install a Chinese font (fonts-noto-cjk)');
}

/** Whether fontconfig knows a font with Chinese glyphs. */
export function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().length > 0;
  } catch {
    return false; // no fontconfig at all
  }
}
