import { Schema } from 'mongoose';
import type { ProjectPath } from '../../domain/project-path.js';
import type { ProjectTemplates } from '../../domain/project-template.js';

/**
 * 项目代办. The templates are one document (`_id: 'current'`), like the directory: an import replaces them in one
 * single-document write, all or nothing. Each project's approval path is its own document (`_id`: the project's id),
 * saved only over the version it read (see the repository's save()).
 */
export interface ProjectTemplateSetDoc {
  _id: string;
  version: number;
  hash: string;
  data: ProjectTemplates;
  importedAt: Date;
}

export const projectTemplateSetSchema = new Schema<ProjectTemplateSetDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    hash: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    importedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export interface ProjectPathDoc {
  _id: string;
  /** Counted up by every saved change; a change saves only over the version it read. */
  version: number;
  path: ProjectPath;
  /**
   * The earliest unsent reminder or escalation step (ISO), indexed: the project SLA job reads only what is due. Every
   * path change sets it to PATH_REPLAN_AT (due at once), and the job plans again and stores the real one; null: none.
   */
  nextDueAt?: string | null;
  /** The keys of the steps sent (src/domain/project-sla.ts), so each is sent once. */
  slaSent?: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** The nextDueAt of a path changed since it was last planned: due at once. */
export const PATH_REPLAN_AT = '1970-01-01T00:00:00.000Z';

export const projectPathSchema = new Schema<ProjectPathDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
    path: { type: Schema.Types.Mixed, required: true },
    nextDueAt: { type: String, default: PATH_REPLAN_AT },
    slaSent: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
projectPathSchema.index({ nextDueAt: 1 });
