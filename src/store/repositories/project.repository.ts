import { createHash } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import type { ProjectPath } from '../../domain/project-path.js';
import type { ProjectTemplate, ProjectTemplates } from '../../domain/project-template.js';
import type { ProjectPathDoc, ProjectTemplateSetDoc } from '../models/project.model.js';

/** The stored templates (项目代办 审批路径模板): replaced whole by an import, read whole. */
export function createProjectTemplateRepository(conn: Connection) {
  const Sets = conn.model('ProjectTemplateSet') as Model<ProjectTemplateSetDoc>;
  return {
    async current(): Promise<{ data: ProjectTemplates; version: number } | null> {
      const doc = await Sets.findById('current').lean();
      return doc ? { data: doc.data, version: doc.version } : null;
    },

    async get(id: string): Promise<ProjectTemplate | undefined> {
      const doc = await Sets.findById('current').lean();
      return doc?.data.templates.find((t) => t.id === id);
    },

    /** Replaces the templates with validated data; the same content again changes nothing. */
    async replace(data: ProjectTemplates, now: Date): Promise<{ changed: boolean; version: number }> {
      const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
      const existing = await Sets.findById('current').lean();
      if (existing?.hash === hash) return { changed: false, version: existing.version };
      const version = (existing?.version ?? 0) + 1;
      await Sets.replaceOne({ _id: 'current' }, { _id: 'current', version, hash, data, importedAt: now }, { upsert: true });
      return { changed: true, version };
    },
  };
}
export type ProjectTemplateRepository = ReturnType<typeof createProjectTemplateRepository>;

export interface StoredPath {
  projectId: string;
  version: number;
  path: ProjectPath;
}

/** Each project's approval path, one document per project, saved over the version read. */
export function createProjectPathRepository(conn: Connection) {
  const Paths = conn.model('ProjectPath') as Model<ProjectPathDoc>;
  const toStored = (d: ProjectPathDoc): StoredPath => ({ projectId: d._id, version: d.version, path: d.path });
  return {
    async get(projectId: string): Promise<StoredPath | null> {
      const doc = await Paths.findById(projectId).lean();
      return doc ? toStored(doc) : null;
    },

    /** Creates a project's path (version 0) unless it has one already; returns what is stored either way. */
    async create(projectId: string, path: ProjectPath, now: Date): Promise<StoredPath> {
      try {
        await Paths.create({ _id: projectId, version: 0, path, createdAt: now, updatedAt: now });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
      return toStored((await Paths.findById(projectId).lean())!);
    },

    /**
     * Saves a changed path only over the version it was read at: 'stale' when another change came first (the caller
     * reads again and decides again). On FerretDB the update is not atomic, so changes also run under a lock.
     */
    async save(projectId: string, path: ProjectPath, version: number, now: Date): Promise<'saved' | 'stale'> {
      const r = await Paths.updateOne({ _id: projectId, version }, { $set: { path, version: version + 1, updatedAt: now } });
      return r.matchedCount === 1 ? 'saved' : 'stale';
    },

    async list(): Promise<StoredPath[]> {
      return (await Paths.find().sort({ _id: 1 }).lean()).map(toStored);
    },
  };
}
export type ProjectPathRepository = ReturnType<typeof createProjectPathRepository>;
