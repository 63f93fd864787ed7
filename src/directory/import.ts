import { readFile } from 'node:fs/promises';
import { validateDirectory } from '../domain/directory.js';
import type { DirectoryRepository, ImportSummary } from '../store/repositories/directory.repository.js';
import { formatOf, placeOf, readDirectory, type DirectoryFormat } from './formats.js';

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: string[] };

/**
 * Reads an import file by its extension (.yaml, .yml, .json or .xlsx) with `read`; a missing, unreadable or
 * malformed file is a problem named for the person, never an exception.
 */
export async function readImportFile<T>(
  path: string,
  read: (content: Buffer, format: DirectoryFormat) => Promise<T>,
): Promise<{ ok: true; parsed: T } | { ok: false; problems: string[] }> {
  const format = formatOf(path);
  if (!format) return { ok: false, problems: [`${path}: unknown file type (use .yaml, .yml, .json or .xlsx)`] };
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (err) {
    return { ok: false, problems: [`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read'}`] };
  }
  try {
    return { ok: true, parsed: await read(content, format) };
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid ${format.toUpperCase()} (${(err as Error).message.split('\n')[0]})`] };
  }
}

/** Reads, validates and (only when everything is valid) replaces the directory. */
export async function importDirectoryFile(path: string, repo: DirectoryRepository, now: Date): Promise<ImportResult> {
  const file = await readImportFile(path, readDirectory);
  if (!file.ok) return file;
  const { parsed } = file;
  const result = validateDirectory(parsed.raw ?? {});
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => `${placeOf(p, parsed.rows)}: ${p.message}`) };
  return { ok: true, summary: await repo.replace(result.data, now) };
}
