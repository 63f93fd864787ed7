import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Path of a file in ../shared (reference material beside the project). Tests may read it; the product may not. */
export function sharedPath(rel: string): string {
  const p = join(projectRoot, '..', 'shared', rel);
  if (!existsSync(p)) throw new Error(`shared material missing: ${p} (expected ../shared beside the project)`);
  return p;
}


