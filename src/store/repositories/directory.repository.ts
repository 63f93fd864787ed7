import { createHash } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { Directory, type DirectoryData } from '../../domain/directory.js';
import type { DirectoryDoc, DirectoryStampDoc } from '../models/directory.model.js';
import { isDuplicateKey } from './duplicate-key.js';

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

/** An insert that lost to another with the same `_id`: false; any other failure is thrown. */
function rejectUnlessDuplicate(err: unknown): false {
  if (isDuplicateKey(err)) return false;
  throw err;
}

export function createDirectoryRepository(conn: Connection) {
  const Directories = conn.model('Directory') as Model<DirectoryDoc>;
  const Stamps = conn.model('DirectoryStamp') as Model<DirectoryStampDoc>;
  let cache: { dir: Directory; version: number } | null = null;
  /** One import at a time, across processes: a document whose `_id` one insert only can take (on MongoDB and FerretDB alike). */
  const Lock = conn.collection<{ _id: string; until: Date }>('directory_import_lock');

  async function withImportLock<T>(fn: () => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + 60_000;
    let until = new Date();
    for (;;) {
      until = new Date(Date.now() + 120_000);
      const taken = await Lock.insertOne({ _id: 'import', until }).then(() => true, rejectUnlessDuplicate);
      if (taken) break;
      // (an import that died holding it: its time is up, and it goes)
      await Lock.deleteOne({ _id: 'import', until: { $lt: new Date() } });
      if (Date.now() > giveUpAt) throw new Error('another directory import is running; try again when it has finished');
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      return await fn();
    } finally {
      await Lock.deleteOne({ _id: 'import', until });
    }
  }

  async function stampVersion(): Promise<number | null> {
    const stamp = await Stamps.findById(STAMP).lean();
    return stamp ? stamp.version : null;
  }
  /**
   * Raises the stamp to `version`, never lowers it ($max): an import's stamp, a re-run completing one that died before
   * its stamp, or a reader that found the directory ahead of the stamp (or a deployment from before stamps) — whichever
   * comes last, the stamp ends at the highest version written.
   */
  async function raiseStamp(version: number): Promise<void> {
    await Stamps.updateOne({ _id: STAMP }, { $max: { version } }, { upsert: true }).catch((err: unknown) => {
      // two first stamps at once: the other one's upsert won, and $max applies on the next raise
      if (!isDuplicateKey(err)) throw err;
    });
  }

  async function replaceLocked(data: DirectoryData, hash: string, now: Date): Promise<ImportSummary> {
    for (;;) {
      const existing = await Directories.findById('current').lean();
      const counts = diffDirectories(existing?.data, data);
      if (existing?.hash === hash) {
        const stamped = await stampVersion();
        if (stamped === null || stamped < existing.version) await raiseStamp(existing.version);
        return { changed: false, version: existing.version, counts };
      }
      const version = (existing?.version ?? 0) + 1;
      const doc = { _id: 'current', version, hash, data, importedAt: now };
      const written = existing
        ? (await Directories.replaceOne({ _id: 'current', version: existing.version }, doc)).matchedCount === 1
        : await Directories.create(doc).then(() => true, rejectUnlessDuplicate);
      if (!written) continue;
      await raiseStamp(version);
      cache = null;
      return { changed: true, version, counts };
    }
  }

  return {
    async currentData(): Promise<{ data: DirectoryData; version: number } | null> {
      const doc = await Directories.findById('current').lean();
      return doc ? { data: doc.data, version: doc.version } : null;
    },

    /**
     * The directory in force; empty when none was imported. Kept in memory and reloaded as soon as another process
     * (the CLI's import, another worker) has stamped a new version; a directory found ahead of its stamp raises it.
     */
    async current(): Promise<Directory> {
      const stamped = await stampVersion();
      if (cache && stamped !== null && stamped === cache.version) return cache.dir;
      const doc = await Directories.findById('current').lean();
      const dir = doc ? new Directory(doc.data) : Directory.empty();
      const version = doc?.version ?? 0;
      if (doc && (stamped === null || stamped < version)) await raiseStamp(version);
      cache = { dir, version };
      return dir;
    },

    /**
     * Replaces the directory with validated data; the same content again changes nothing but a stamp left behind.
     * One import at a time (two at once: the later waits), and each version is written only over the one it read,
     * so a version names one content.
     */
    async replace(data: DirectoryData, now: Date): Promise<ImportSummary> {
      const hash = createHash('sha256').update(canonical(data)).digest('hex');
      return withImportLock(() => replaceLocked(data, hash, now));
    },
  };
}
export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;
