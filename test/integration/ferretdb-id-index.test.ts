/**
 * Reads, updates and deletes by `_id` use the `_id` index on the embedded store (FerretDB v1.24 built with the
 * project's patch, src/infra/ferretdb.ts): unpatched, its SQLite backend scans the whole table for each of them. And
 * the patch changes what is read, never what matches: an integer `_id` finds the same documents whatever numeric type
 * they were stored with.
 */
import { Double, Int32, Long, MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../helpers/env.js';

let client: MongoClient;
let db: Db;
let ferretdb = false;

beforeAll(async () => {
  client = new MongoClient(testMongoUri('id_index'));
  await client.connect();
  db = client.db();
  const info = await db.command({ buildInfo: 1 });
  ferretdb = typeof info.ferretdbVersion === 'string';
});
afterAll(async () => {
  await db?.dropDatabase().catch(() => undefined);
  await client?.close();
});

/** FerretDB's explain: the SQLite plan lines of one command. */
async function plan(command: Record<string, unknown>): Promise<string> {
  const r = await db.command({ explain: command });
  return JSON.stringify(r.queryPlanner ?? r);
}

describe('the _id index on the embedded store', () => {
  it('a find by a string or a non-zero integer _id searches the index instead of scanning', async (ctx) => {
    if (!ferretdb) ctx.skip();
    await db.collection('docs').insertMany([{ _id: 'a', v: 1 }, { _id: 42, v: 2 }] as never[]);
    for (const filter of [{ _id: 'a' }, { _id: 42 }, { _id: Long.fromNumber(42) }]) {
      const p = await plan({ find: 'docs', filter });
      expect(p, JSON.stringify(filter)).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
      expect(p).not.toMatch(/SCAN/);
    }
    // what is not an equality on _id alone still scans (and still answers)
    expect(await plan({ find: 'docs', filter: { v: 1 } })).toMatch(/SCAN/);
  });

  it('an integer _id matches documents stored as int32, int64 and integral double alike; nothing else', async () => {
    const col = db.collection('numbers');
    await col.insertMany([{ _id: new Int32(7), t: 'int32' }, { _id: Long.fromNumber(8), t: 'int64' }, { _id: new Double(9), t: 'double' }, { _id: new Double(9.5), t: 'fraction' }, { _id: '7', t: 'string' }, { _id: 0, t: 'zero' }] as never[]);
    const one = async (id: unknown) => (await col.find({ _id: id } as never).toArray()).map((d) => d.t);
    expect(await one(7)).toEqual(['int32']);
    expect(await one(Long.fromNumber(7))).toEqual(['int32']);
    expect(await one(8)).toEqual(['int64']);
    expect(await one(9)).toEqual(['double']);
    expect(await one(Long.fromNumber(9))).toEqual(['double']);
    expect(await one(9.5)).toEqual(['fraction']);
    expect(await one('7')).toEqual(['string']);
    expect(await one(0)).toEqual(['zero']);
    expect(await one(10)).toEqual([]);
  });

  // (FerretDB's explain of an update or delete shows no plan; both read through the same pushed-down query as a find,
  // then write `… WHERE _id = ?` on the patched column)
  it('an update and a delete by _id change that one document', async () => {
    const col = db.collection('writes');
    await col.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `k${i}`, n: i })) as never[]);
    await col.updateOne({ _id: 'k7' } as never, { $set: { n: 700 } });
    await col.deleteOne({ _id: 'k8' } as never);
    const all = await col.find({}).sort({ _id: 1 }).toArray();
    expect(all).toHaveLength(49);
    expect(all.filter((d) => d.n !== Number(String(d._id).slice(1))).map((d) => [d._id, d.n])).toEqual([['k7', 700]]);
  });
});
