import { createHash } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { Directory, type DirectoryData } from '../../domain/directory.js';
import type { DirectoryDoc, DirectoryStampDoc } from '../models/directory.model.js';

export interface ImportSummary {
  changed: boolean;
  version: number;
  counts: Record<'people' | 'enterprises' | 'projects' | 'departments' | 'groups', { added: number; updated: number; removed: number }>;
}

const STAMP = 'current';
const SECTIONS = ['people', 'enterprises', 'projects', 'departments', 'groups'] as const;

function canonical(d: DirectoryData): string {
  return JSON.stringify(d, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function keyOf(section: (typeof SECTIONS)[number], item: Record<string, unknown>): string {
  return section === 'groups' ? `${String(item.platform)}:${String(item.chatId)}` : String(item.id);
}

export function diffDirectories(before: DirectoryData | undefined, after: DirectoryData): ImportSummary['counts'] {
  const counts = {} as ImportSummary['counts'];
  for (const s of SECTIONS) {
    const old = new Map((before?.[s] ?? []).map((x) => [keyOf(s, x as Record<string, unknown>), canonical(x as never)]));
    const neu = new Map(after[s].map((x) => [keyOf(s, x as Record<string, unknown>), canonical(x as never)]));
    let added = 0;
    let updated = 0;
    for (const [k, v] of neu) {
      if (!old.has(k)) added++;
      else if (old.get(k) !== v) updated++;
    }
    const removed = [...old.keys()].filter((k) => !neu.has(k)).length;
    counts[s] = { added, updated, removed };
  }
  return counts;
}

export function createDirectoryRepository(conn: Connection) {
  const Directories = conn.model('Directory') as Model<DirectoryDoc>;
  const Stamps = conn.model('DirectoryStamp') as Model<DirectoryStampDoc>;
  let cache: { dir: Directory; version: number } | null = null;

  /** The stamp follows the directory; a deployment that imported before stamps existed gets one from it. */
  async function stampVersion(): Promise<number | null> {
    const stamp = await Stamps.findById(STAMP).lean();
    return stamp ? stamp.version : null;
  }
  async function writeStamp(version: number): Promise<void> {
    await Stamps.replaceOne({ _id: STAMP }, { _id: STAMP, version }, { upsert: true });
  }

  /** Only where none is yet: an import racing this read stamps its own, newer version. */
  async function adoptStamp(version: number): Promise<void> {
    await Stamps.updateOne({ _id: STAMP }, { $setOnInsert: { version } }, { upsert: true }).catch((err: unknown) => {
      if ((err as { code?: number }).code !== 11000) throw err;
    });
  }

  return {
    async currentData(): Promise<{ data: DirectoryData; version: number } | null> {
      const doc = await Directories.findById('current').lean();
      return doc ? { data: doc.data, version: doc.version } : null;
    },

    /**
     * The directory in force; empty when none was imported. Kept in memory and reloaded as soon as another process
     * (the CLI's import, another worker) has stamped a new version.
     */
    async current(): Promise<Directory> {
      const stamped = await stampVersion();
      if (cache && stamped !== null && stamped === cache.version) return cache.dir;
      const doc = await Directories.findById('current').lean();
      const dir = doc ? new Directory(doc.data) : Directory.empty();
      const version = doc?.version ?? 0;
      if (stamped === null && doc) await adoptStamp(version);
      cache = { dir, version };
      return dir;
    },

    /** Replaces the directory with validated data; the same content again changes nothing but a missing stamp. */
    async replace(data: DirectoryData, now: Date): Promise<ImportSummary> {
      const hash = createHash('sha256').update(canonical(data)).digest('hex');
      const existing = await Directories.findById('current').lean();
      const counts = diffDirectories(existing?.data, data);
      if (existing?.hash === hash) {
        if ((await stampVersion()) !== existing.version) await writeStamp(existing.version);
        return { changed: false, version: existing.version, counts };
      }
      const version = (existing?.version ?? 0) + 1;
      await Directories.replaceOne({ _id: 'current' }, { _id: 'current', version, hash, data, importedAt: now }, { upsert: true });
      await writeStamp(version);
      cache = null;
      return { changed: true, version, counts };
    },
  };
}
export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;
