import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { validateDirectory } from '../domain/directory.js';
import { projectRoot } from '../infra/paths.js';
import type { Logger } from '../shared/logger.js';
import type { DirectoryRepository } from '../store/repositories/directory.repository.js';

/** The made-up organisation a simulator demo starts with. */
export function demoDirectoryPath(): string {
  return join(projectRoot(), 'config', 'demo-directory.yaml');
}

/** Loads the demo directory (config/demo-directory.yaml) when the store has none yet; an imported one is kept. */
export async function seedDemoDirectory(directories: DirectoryRepository, log: Logger): Promise<void> {
  if (await directories.currentData()) return;
  const demo = validateDirectory(YAML.parse(readFileSync(demoDirectoryPath(), 'utf8')));
  if (demo.ok) await directories.replace(demo.data, new Date());
  log.info('simulator: loaded the demo directory');
}
