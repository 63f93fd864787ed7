import { validateProjectTemplates } from '../domain/project-template.js';
import type { ProjectTemplateRepository } from '../store/repositories/project.repository.js';
import { readImportFile } from './import.js';
import { placeOfTemplateProblem, readProjectTemplates } from './project-templates.js';

export type TemplateImportResult =
  | { ok: true; changed: boolean; version: number; templates: { id: string; name: string; items: number }[] }
  | { ok: false; problems: string[] };

/** Reads, validates and (only when everything is valid) replaces the stored project templates. */
export async function importProjectTemplatesFile(path: string, repo: ProjectTemplateRepository, now: Date): Promise<TemplateImportResult> {
  const file = await readImportFile(path, readProjectTemplates);
  if (!file.ok) return file;
  const { parsed } = file;
  const result = validateProjectTemplates(parsed.raw ?? {});
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => `${placeOfTemplateProblem(p, parsed.rows)}: ${p.message}`) };
  const saved = await repo.replace(result.data, now);
  return { ok: true, ...saved, templates: result.data.templates.map((t) => ({ id: t.id, name: t.name, items: t.items.length })) };
}
