import { createHash } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import type { ProjectPath } from '../../domain/project-path.js';
import type { ProjectTemplate, ProjectTemplates } from '../../domain/project-template.js';
import { PATH_REPLAN_AT, type ProjectPathDoc, type ProjectTemplateSetDoc } from '../models/project.model.js';

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
  /** The earliest unsent SLA step (PATH_REPLAN_AT: changed since last planned; null: nothing pending). */
  nextDueAt: string | null;
  /** Keys of the SLA steps sent. */
  slaSent: string[];
}

/** Each project's approval path, one document per project, saved over the version read. */
export function createProjectPathRepository(conn: Connection) {
  const Paths = conn.model('ProjectPath') as Model<ProjectPathDoc>;
  const toStored = (d: ProjectPathDoc): StoredPath => ({
    projectId: d._id,
    version: d.version,
    path: d.path,
    // a path stored before the SLA fields existed is planned at once
    nextDueAt: d.nextDueAt === undefined ? PATH_REPLAN_AT : d.nextDueAt,
    slaSent: d.slaSent ?? [],
  });
  return {
    async get(projectId: string): Promise<StoredPath | null> {
      const doc = await Paths.findById(projectId).lean();
      return doc ? toStored(doc) : null;
    },

    /** Creates a project's path (version 0) unless it has one already; returns what is stored either way. */
    async create(projectId: string, path: ProjectPath, now: Date): Promise<StoredPath> {
      try {
        await Paths.create({ _id: projectId, version: 0, path, nextDueAt: PATH_REPLAN_AT, slaSent: [], createdAt: now, updatedAt: now });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
      return toStored((await Paths.findById(projectId).lean())!);
    },

    /**
     * Saves a changed path only over the version it was read at: 'stale' when another change came first (the caller
     * reads again and decides again). On FerretDB the update is not atomic, so changes also run under a lock. The
     * changed path is due for planning at once (nextDueAt PATH_REPLAN_AT); the keys already sent stay.
     */
    async save(projectId: string, path: ProjectPath, version: number, now: Date): Promise<'saved' | 'stale'> {
      const r = await Paths.updateOne({ _id: projectId, version }, { $set: { path, version: version + 1, nextDueAt: PATH_REPLAN_AT, updatedAt: now } });
      return r.matchedCount === 1 ? 'saved' : 'stale';
    },

    async list(): Promise<StoredPath[]> {
      return (await Paths.find().sort({ _id: 1 }).lean()).map(toStored);
    },

    /**
     * Paths with an SLA step due by `before` (ISO) or changed since last planned, on the nextDueAt index: the cost
     * follows what is due. Paths stored before the field existed (no nextDueAt) are included, to be planned once.
     */
    async listDue(before: string, limit = 200): Promise<StoredPath[]> {
      const due = await Paths.find({ nextDueAt: { $ne: null, $lte: before } }).sort({ nextDueAt: 1 }).limit(limit).lean();
      const unplanned = due.length < limit ? await Paths.find({ nextDueAt: { $exists: false } }).limit(limit - due.length).lean() : [];
      return [...due, ...unplanned].map(toStored);
    },

    /**
     * Records SLA steps as sent (with the path's next due instant), only over the version read: 'stale' when the
     * path changed meanwhile (the caller, under the project's lock, should not see that). A key is recorded once.
     */
    async recordSla(projectId: string, version: number, sent: string[], nextDueAt: string | null, now: Date): Promise<'saved' | 'stale'> {
      const r = await Paths.updateOne(
        { _id: projectId, version },
        { $addToSet: { slaSent: { $each: sent } }, $set: { version: version + 1, nextDueAt, updatedAt: now } },
      );
      return r.matchedCount === 1 ? 'saved' : 'stale';
    },
  };
}
export type ProjectPathRepository = ReturnType<typeof createProjectPathRepository>;
