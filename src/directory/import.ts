import { readFile } from 'node:fs/promises';
import { validateDirectory } from '../domain/directory.js';
import type { DirectoryRepository, ImportSummary } from '../store/repositories/directory.repository.js';
import { formatOf, placeOf, readDirectory } from './formats.js';

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: string[] };

/** Reads, validates and (only when everything is valid) replaces the directory. */
export async function importDirectoryFile(path: string, repo: DirectoryRepository, now: Date): Promise<ImportResult> {
  const format = formatOf(path);
  if (!format) return { ok: false, problems: [`${path}: unknown file type (use .yaml, .yml, .json or .xlsx)`] };
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (err) {
    return { ok: false, problems: [`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read'}`] };
  }
  let parsed: Awaited<ReturnType<typeof readDirectory>>;
  try {
    parsed = await readDirectory(content, format);
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid ${format.toUpperCase()} (${(err as Error).message.split('\n')[0]})`] };
  }
  const result = validateDirectory(parsed.raw ?? {});
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => `${placeOf(p, parsed.rows)}: ${p.message}`) };
  return { ok: true, summary: await repo.replace(result.data, now) };
}
