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
  createdAt: Date;
  updatedAt: Date;
}

export const projectPathSchema = new Schema<ProjectPathDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
    path: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
