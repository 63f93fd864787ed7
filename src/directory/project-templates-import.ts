import { readFile } from 'node:fs/promises';
import { validateProjectTemplates } from '../domain/project-template.js';
import type { ProjectTemplateRepository } from '../store/repositories/project.repository.js';
import { formatOf } from './formats.js';
import { placeOfTemplateProblem, readProjectTemplates } from './project-templates.js';

export type TemplateImportResult =
  | { ok: true; changed: boolean; version: number; templates: { id: string; name: string; items: number }[] }
  | { ok: false; problems: string[] };

/** Reads, validates and (only when everything is valid) replaces the stored project templates. */
export async function importProjectTemplatesFile(path: string, repo: ProjectTemplateRepository, now: Date): Promise<TemplateImportResult> {
  const format = formatOf(path);
  if (!format) return { ok: false, problems: [`${path}: unknown file type (use .yaml, .yml, .json or .xlsx)`] };
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (err) {
    return { ok: false, problems: [`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read'}`] };
  }
  let parsed: Awaited<ReturnType<typeof readProjectTemplates>>;
  try {
    parsed = await readProjectTemplates(content, format);
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid ${format.toUpperCase()} (${(err as Error).message.split('\n')[0]})`] };
  }
  const result = validateProjectTemplates(parsed.raw ?? {});
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => `${placeOfTemplateProblem(p, parsed.rows)}: ${p.message}`) };
  const saved = await repo.replace(result.data, now);
  return { ok: true, ...saved, templates: result.data.templates.map((t) => ({ id: t.id, name: t.name, items: t.items.length })) };
}
