import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BSON } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import { readBsonFile } from '../../src/store/backup.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { runCli } from '../helpers/cli.js';
import { ensureDeployment } from '../../src/infra/deployment.js';
import { testMongoUri } from '../helpers/env.js';

const newTicket = (no: number, i: number): Ticket =>
  buildNewTicket(no, {
    platform: 'dingtalk',
    chatId: 'cidTianCiService01==',
    reporter: { id: `07${i}`, name: `企业联系人${i}` },
    text: `第${i}个问题：排水许可一直没批下来`,
    summary: `排水许可 ${i}`,
    category: 'approval',
    categoryConfidence: 0.9,
    urgency: i % 2 ? 'urgent' : 'normal',
    requestedDate: null,
    resolutionDueAt: `2026-12-0${i}T10:00:00.000Z`,
    enterprise: '浙江天赐生态科技有限公司',
    sourceMessageId: `dingtalk:msg-${i}`,
    parsedBy: 'rules',
    now: `2026-11-2${i}T01:30:00.000Z`,
  });

/** Tickets as stored, in number order (the whole documents). */
const allTickets = (s: Store) => s.conn.db!.collection('tickets').find({}).sort({ _id: 1 }).toArray();

describe('xiaoer backup / restore', () => {
  const source = testMongoUri('backup_src');
  const target = testMongoUri('backup_dst');
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-backup-'));
  let a: Store;
  let b: Store;
  let sourceDeployment: { id: string };

  beforeAll(async () => {
    a = await connectStore(source);
    const repo = createTicketRepository(a.conn);
    for (let i = 1; i <= 3; i++) await repo.insertNumbered(`dingtalk:msg-${i}`, (no) => newTicket(no, i));
    // a change with its event (who, which message), as the bot saves it
    const t2 = (await repo.getByNo(2))!;
    const event = { type: 'dispatch', at: '2026-11-24T02:00:00.000Z', by: { platform: 'dingtalk' as const, id: '0522001', name: '李华' }, source: 'dingtalk:msg-9', data: { to: '张伟' } };
    expect(await repo.saveTransition({ ...t2, status: 'pending_claim', updatedAt: event.at }, event)).toBe('saved');
    // a collection the code does not know yet: listed from the database, so it is backed up too
    await a.conn.db!.collection('added_later').insertOne({ _id: 'x' as never, big: BSON.Long.fromNumber(2 ** 40), n: new BSON.Int32(7) });
    // the source's deployment identity (its queues on Redis): a restored copy must not take it over
    sourceDeployment = await ensureDeployment(a.conn);
    b = await connectStore(target);
  });

  afterAll(async () => {
    await a?.conn.db?.dropDatabase();
    await b?.conn.db?.dropDatabase();
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes mongodump\'s layout, restores into an empty database with the same tickets, and numbering continues', async () => {
    const dbName = a.conn.db!.databaseName;
    const backup = await runCli(['backup', '--out', dir], { MONGODB_URI: source });
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('tickets: 3 条文档');

    // mongodump's layout: DIR/<db>/<collection>.bson (concatenated BSON) + <collection>.metadata.json (canonical Extended JSON)
    const folder = join(dir, dbName);
    const files = readdirSync(folder);
    for (const c of ['tickets', 'ticket_sources', 'counters', 'directories', 'visits', 'added_later']) {
      expect(files).toContain(`${c}.bson`);
      expect(files).toContain(`${c}.metadata.json`);
    }
    const docs: Record<string, unknown>[] = [];
    for await (const raw of readBsonFile(join(folder, 'tickets.bson'))) docs.push(BSON.deserialize(raw));
    expect(docs.map((d) => d._id)).toEqual([1, 2, 3]);
    const meta = JSON.parse(readFileSync(join(folder, 'tickets.metadata.json'), 'utf8'));
    expect(meta).toMatchObject({ collectionName: 'tickets', uuid: '', type: 'collection' });
    expect(meta.indexes).toContainEqual(
      expect.objectContaining({ v: { $numberInt: '2' }, key: { sourceMessageId: { $numberInt: '1' } }, name: 'sourceMessageId_1', unique: true }),
    );
    expect(meta.indexes).toContainEqual({ v: { $numberInt: '2' }, key: { _id: { $numberInt: '1' } }, name: '_id_' });

    const restore = await runCli(['restore', dir], { MONGODB_URI: target });
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('tickets: 3 条文档');
    // a deployment identity of its own: started beside the original on one Redis, it never shares its queues
    const identity = await b.conn.db!.collection('deployment').findOne({ _id: 'deployment' as never });
    expect(identity).toMatchObject({ legacy: false, restoredFrom: sourceDeployment.id });
    expect(identity?.id).not.toBe(sourceDeployment.id);
    expect((await ensureDeployment(b.conn)).id).toBe(identity?.id);

    // the same tickets: numbers, deadlines, events, every field
    const before = await allTickets(a);
    const after = await allTickets(b);
    expect(after).toEqual(before);
    expect(after.map((t) => [t.no, t.resolutionDueAt])).toEqual([
      [1, '2026-12-01T10:00:00.000Z'],
      [2, '2026-12-02T10:00:00.000Z'],
      [3, '2026-12-03T10:00:00.000Z'],
    ]);
    expect(after[1]!.events.map((e: { type: string }) => e.type)).toEqual(['accepted', 'dispatch']);
    expect(await b.conn.db!.collection('ticket_sources').find({}).sort({ _id: 1 }).toArray()).toEqual(
      await a.conn.db!.collection('ticket_sources').find({}).sort({ _id: 1 }).toArray(),
    );
    expect(await b.conn.db!.collection('counters').findOne({ _id: 'ticket' as never })).toMatchObject({ seq: 3 });
    // BSON types kept (Int64 stays Int64)
    const later = await b.conn.db!.collection('added_later').findOne({}, { promoteValues: false });
    expect(later?.big).toBeInstanceOf(BSON.Long);
    expect(later?.n).toBeInstanceOf(BSON.Int32);
    // the indexes are back: a second ticket for the same message is refused
    const idx = await b.conn.db!.collection('tickets').indexes();
    expect(idx.find((i) => i.name === 'sourceMessageId_1')?.unique).toBe(true);

    // the next ticket takes number 4; a report already made gives back its ticket (no reuse, no duplicate)
    const repoB = createTicketRepository(b.conn);
    const made = await repoB.insertNumbered('dingtalk:msg-4', (no) => newTicket(no, 4));
    expect(made).toMatchObject({ created: true, ticket: { no: 4 } });
    expect(await repoB.insertNumbered('dingtalk:msg-2', (no) => newTicket(no, 2))).toMatchObject({ created: false, ticket: { no: 2 } });
  });

  it('refuses a database that already holds tickets unless --drop', async () => {
    const again = await runCli(['restore', dir], { MONGODB_URI: target });
    expect(again.code).toBe(1);
    expect(again.err).toContain('tickets');
    expect(again.err).toContain('--drop');
    expect(await b.conn.db!.collection('tickets').countDocuments()).toBe(4);

    const dropped = await runCli(['restore', dir, '--drop'], { MONGODB_URI: target });
    expect(dropped.code).toBe(0);
    expect(await allTickets(b)).toEqual(await allTickets(a));
    expect(await createTicketRepository(b.conn).nextNumber()).toBe(4);
  });

  it('raises the counter to the highest ticket number when the backup caught it behind', async () => {
    const uri = testMongoUri('backup_lag');
    const out = mkdtempSync(join(tmpdir(), 'xiaoer-backup-lag-'));
    const c = await connectStore(uri);
    try {
      const repo = createTicketRepository(c.conn);
      for (let i = 1; i <= 2; i++) await repo.insertNumbered(`dingtalk:msg-${i}`, (no) => newTicket(no, i));
      await c.conn.db!.collection('counters').updateOne({ _id: 'ticket' as never }, { $set: { seq: 1 } });
      expect((await runCli(['backup', '--out', out], { MONGODB_URI: uri })).code).toBe(0);
      await c.conn.db!.dropDatabase();
      const r = await runCli(['restore', out], { MONGODB_URI: uri });
      expect(r.code).toBe(0);
      expect(await createTicketRepository(c.conn).nextNumber()).toBe(3);
    } finally {
      await c.conn.db!.dropDatabase();
      await c.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
