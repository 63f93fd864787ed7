import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BSON, type Db, type Document, type IndexDescription } from 'mongodb';

const { EJSON } = BSON;

/**
 * Backups in mongodump's directory layout, so `mongorestore` reads them and `xiaoer restore` reads a mongodump:
 *
 *   DIR/<db>/<collection>.bson           the collection's documents, concatenated BSON (each as the server sent it)
 *   DIR/<db>/<collection>.metadata.json  {"indexes":[{"v":…,"key":{…},"name":…,…}],"uuid":"","collectionName":…,"type":"collection"}
 *                                        in canonical Extended JSON, as mongodump writes it
 *
 * Every collection the database lists is included (so a collection added later needs no change here), `system.*`
 * and views aside. Only operations MongoDB and FerretDB v1 both answer: listCollections, listIndexes, find, insertMany,
 * createIndexes, drop. Both ways are streamed: one document (backup) or one batch (restore) in memory at a time.
 */

/** Collections written last: `counters` after `tickets`, so a ticket made during the backup never has a number above the saved counter. */
const LAST = ['counters'];

export interface CollectionCount {
  collection: string;
  documents: number;
  indexes: number;
}

export interface BackupResult {
  dir: string;
  database: string;
  collections: CollectionCount[];
}

async function listCollectionNames(db: Db): Promise<string[]> {
  const list = await db.listCollections({}, { nameOnly: false }).toArray();
  return list
    .filter((c) => !c.name.startsWith('system.') && (c.type ?? 'collection') === 'collection')
    .map((c) => c.name)
    .sort((a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)) || a.localeCompare(b));
}

/** Writes the whole database into `outDir/<db>/`. */
export async function backupDatabase(db: Db, outDir: string, onCollection?: (c: CollectionCount) => void): Promise<BackupResult> {
  const dir = join(outDir, db.databaseName);
  await mkdir(dir, { recursive: true });
  const collections: CollectionCount[] = [];
  for (const name of await listCollectionNames(db)) {
    const col = db.collection(name);
    const indexes = (await col.indexes()).map((i) => {
      const { ns, ...rest } = i as Document;
      void ns;
      return { v: 2, ...rest };
    });
    const metadata = { indexes, uuid: '', collectionName: name, type: 'collection' };
    await writeFile(join(dir, `${name}.metadata.json`), EJSON.stringify(metadata, { relaxed: false }));
    const file = createWriteStream(join(dir, `${name}.bson`));
    let documents = 0;
    try {
      // raw: each document's BSON bytes as the server sent them (types kept exactly: Int32, Int64, Double, Date…)
      for await (const raw of col.find({}, { raw: true, batchSize: 500 }) as AsyncIterable<unknown>) {
        if (!file.write(raw as Buffer)) await once(file, 'drain');
        documents++;
      }
    } finally {
      file.end();
      await once(file, 'close');
    }
    const c = { collection: name, documents, indexes: indexes.length };
    collections.push(c);
    onCollection?.(c);
  }
  return { dir, database: db.databaseName, collections };
}

/** The BSON documents of a `.bson` file, one at a time (each a copy of its bytes), read as a stream. */
export async function* readBsonFile(path: string): AsyncGenerator<Uint8Array> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let at = 0;
    while (pending.length - at >= 4) {
      const size = pending.readInt32LE(at);
      if (size < 5) throw new Error(`${path}: corrupt BSON (document of ${size} bytes at byte ${at})`);
      if (pending.length - at < size) break;
      yield Buffer.from(pending.subarray(at, at + size));
      at += size;
    }
    pending = pending.subarray(at);
  }
  if (pending.length) throw new Error(`${path}: truncated (${pending.length} bytes after the last whole document)`);
}

/** The folder holding the `.bson` files: DIR itself, or its one database folder (`from` picks one of several). */
export async function findDumpFolder(dir: string, from?: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith('.bson'))) return dir;
  const dbs: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    if ((await readdir(join(dir, e.name))).some((f) => f.endsWith('.bson'))) dbs.push(e.name);
  }
  if (from) {
    if (!dbs.includes(from)) throw new RestoreError(`${dir} 中没有数据库 ${from}（有：${dbs.join(', ') || '无'}）`);
    return join(dir, from);
  }
  if (dbs.length === 1) return join(dir, dbs[0]!);
  if (dbs.length === 0) throw new RestoreError(`${dir} 中没有备份（找不到 <数据库>/<集合>.bson）`);
  throw new RestoreError(`${dir} 中有多个数据库（${dbs.join(', ')}）：用 --from-db 指定一个`);
}

export class RestoreError extends Error {}

export interface RestoreOptions {
  /** Drop each collection of the backup before restoring it (mongorestore --drop). */
  drop?: boolean;
  /** Documents per insertMany (default 1000; a batch is also cut at 8 MB). */
  batchSize?: number;
  onCollection?: (c: CollectionCount) => void;
  /** Told of an index the server could not make as saved (FerretDB has no TTL indexes: made without expiry). */
  onWarning?: (message: string) => void;
  /** Collections of the backup not restored (the deployment's identity: the restored copy gets its own). */
  skip?: readonly string[];
  /** Runs once the target is known to be free, before the first document is written. */
  beforeWrite?: () => Promise<void>;
}

/** The first document of a collection in a dump folder, or null (e.g. the deployment identity the backup carries). */
export async function firstSavedDocument(folder: string, name: string): Promise<Document | null> {
  if (!(await stat(join(folder, `${name}.bson`)).catch(() => null))) return null;
  for await (const raw of readBsonFile(join(folder, `${name}.bson`))) return BSON.deserialize(raw);
  return null;
}

/**
 * Restores a dump folder (see findDumpFolder) into `db`. Refuses, before writing anything, when a collection of the
 * backup already holds documents in `db` (tickets, above all), unless `drop`. Documents go in with insertMany in
 * batches, then the saved indexes are made; the ticket counter is then made at least the highest ticket number, so
 * a number is never given twice, whatever the backup's timing.
 */
export async function restoreDatabase(db: Db, folder: string, opts: RestoreOptions = {}): Promise<CollectionCount[]> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.bson') && !f.startsWith('system.') && f !== 'oplog.bson');
  const names = files.map((f) => f.slice(0, -'.bson'.length)).filter((n) => !(opts.skip ?? []).includes(n));
  if (!opts.drop) {
    const busy: string[] = [];
    for (const name of names) {
      if ((await db.collection(name).countDocuments({}, { limit: 1 })) > 0) busy.push(name);
    }
    if (busy.length) {
      throw new RestoreError(
        `目标数据库 ${db.databaseName} 不是空的：${busy.join(', ')} 已有数据${busy.includes('tickets') ? '（包括工单）' : ''}。` +
          '恢复只写入空部署；确认要用备份替换这些集合时加 --drop。',
      );
    }
  }
  await opts.beforeWrite?.();
  const batchSize = opts.batchSize ?? 1000;
  const counts: CollectionCount[] = [];
  for (const name of names) {
    const col = db.collection(name);
    if (opts.drop) await col.drop().catch((err: { code?: number }) => (err.code === 26 ? undefined : Promise.reject(err)));
    let batch: Document[] = [];
    let bytes = 0;
    let documents = 0;
    const flush = async () => {
      if (!batch.length) return;
      await col.insertMany(batch, { ordered: true });
      documents += batch.length;
      batch = [];
      bytes = 0;
    };
    for await (const raw of readBsonFile(join(folder, `${name}.bson`))) {
      // promoteValues: false keeps each number's BSON type (Int32, Int64, Double) as saved
      batch.push(BSON.deserialize(raw, { promoteValues: false }));
      bytes += raw.length;
      if (batch.length >= batchSize || bytes >= 8 << 20) await flush();
    }
    await flush();
    const indexes = await restoreIndexes(db, folder, name, opts.onWarning);
    const c = { collection: name, documents, indexes };
    counts.push(c);
    opts.onCollection?.(c);
  }
  if (names.includes('tickets')) await raiseTicketCounter(db);
  return counts;
}

async function restoreIndexes(db: Db, folder: string, name: string, warn?: (m: string) => void): Promise<number> {
  const path = join(folder, `${name}.metadata.json`);
  if (!(await stat(path).catch(() => null))) {
    await db.createCollection(name).catch(() => undefined);
    return 0;
  }
  const meta = EJSON.parse(await readFile(path, 'utf8'), { relaxed: true }) as { indexes?: Document[] };
  const col = db.collection(name);
  for (const spec of meta.indexes ?? []) {
    const { v, ns, key, name: indexName, ...options } = spec;
    void v;
    void ns;
    if (indexName === '_id_') continue;
    const desc = { key, name: indexName, ...options } as IndexDescription;
    try {
      await col.createIndexes([desc]);
    } catch (err) {
      const e = err as { code?: number; message?: string };
      if (e.code === 238 && 'expireAfterSeconds' in options) {
        // FerretDB v1: no TTL indexes; a plain one serves the periodic delete (src/store/retention.ts)
        const { expireAfterSeconds, ...plain } = desc as IndexDescription & { expireAfterSeconds?: number };
        void expireAfterSeconds;
        await col.createIndexes([plain]);
        warn?.(`${name}.${String(indexName)}: 此服务器不支持 TTL 索引，已建为普通索引（过期数据由定期清理删除）`);
      } else if (e.code === 85 || e.code === 86) {
        // an equivalent index under another name or options is already there (made by the bot at start)
        warn?.(`${name}.${String(indexName)}: 已有同键索引，保留现有索引（${e.message ?? ''}）`);
      } else {
        throw err;
      }
    }
  }
  return meta.indexes?.length ?? 0;
}

/** The ticket counter is at least the highest ticket number (a backup taken while tickets were made may hold it lower). */
async function raiseTicketCounter(db: Db): Promise<void> {
  const top = await db.collection<{ _id: number }>('tickets').find({}, { projection: { _id: 1 } }).sort({ _id: -1 }).limit(1).next();
  if (typeof top?._id !== 'number') return;
  await db.collection<{ _id: string; seq: number }>('counters').updateOne({ _id: 'ticket' }, { $max: { seq: top._id } }, { upsert: true });
}
