import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDirectory, type DirectoryData } from '../../src/domain/directory.js';
import { readDirectory, writeDirectory } from '../../src/directory/formats.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { testMongoUri } from '../helpers/env.js';
import { sharedPath } from '../helpers/shared.js';

let store: Store;
beforeAll(async () => {
  store = await connectStore(testMongoUri('directory'));
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
});

function example(): DirectoryData {
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.data;
}

describe('directory store', () => {
  it('imports, ignores the same content, and updates a changed directory in place with a summary', async () => {
    const repo = createDirectoryRepository(store.conn);
    const first = await repo.replace(example(), new Date());
    expect(first).toMatchObject({ changed: true, version: 1, counts: { people: { added: 8, updated: 0, removed: 0 } } });
    expect(await repo.replace(example(), new Date())).toMatchObject({ changed: false, version: 1 });

    const changed = example();
    changed.people[0]!.mobile = '13800000009';
    changed.people.push({ id: 'zhaolei', name: '赵磊', role: 'cadre', department: '区人社局', wecom: 'zhaolei' });
    changed.groups = changed.groups.filter((g) => g.kind !== 'leaders');
    const second = await repo.replace(changed, new Date());
    expect(second).toMatchObject({ changed: true, version: 2, counts: { people: { added: 1, updated: 1, removed: 0 }, groups: { added: 0, updated: 0, removed: 2 } } });
    const dir = await repo.current();
    expect(dir.personByPlatformId('wecom', 'zhaolei')?.name).toBe('赵磊');
    expect(await store.conn.collection('directories').countDocuments()).toBe(1);
  });

  it('is in force in another process for the very next message after an import, and only reloads when it moved', async () => {
    await store.conn.collection('directories').deleteMany({});
    await store.conn.collection('directory_stamp').deleteMany({});
    const bot = createDirectoryRepository(store.conn);
    const cli = createDirectoryRepository(store.conn);
    expect((await bot.current()).personByPlatformId('wecom', 'zhangwei')).toBeUndefined();
    await cli.replace(example(), new Date());
    expect((await bot.current()).personByPlatformId('wecom', 'zhangwei')?.name).toBe('张伟');
    const first = await bot.current();
    expect(await bot.current()).toBe(first);
    // a second import, the bot holding the first: the import's stamp tells it
    const renamed = example();
    renamed.people[0]!.name = '张伟民';
    expect(await cli.replace(renamed, new Date())).toMatchObject({ changed: true, version: 2 });
    expect((await bot.current()).personByPlatformId('wecom', 'zhangwei')?.name).toBe('张伟民');

    // A deployment that imported before stamps existed: the first read stamps the version it found.
    await store.conn.collection('directory_stamp').deleteMany({});
    const later = createDirectoryRepository(store.conn);
    expect((await later.current()).personByPlatformId('wecom', 'zhangwei')?.name).toBe('张伟民');
    expect(await store.conn.collection('directory_stamp').findOne({ _id: 'current' as never })).toMatchObject({ version: 2 });
    // An import that died between the directory and its stamp: the next reader, or the import run again, raises it.
    await store.conn.collection('directory_stamp').updateOne({ _id: 'current' as never }, { $set: { version: 1 } });
    await createDirectoryRepository(store.conn).current();
    expect(await store.conn.collection('directory_stamp').findOne({ _id: 'current' as never })).toMatchObject({ version: 2 });
    await store.conn.collection('directory_stamp').updateOne({ _id: 'current' as never }, { $set: { version: 1 } });
    expect(await cli.replace(renamed, new Date())).toMatchObject({ changed: false, version: 2 });
    expect(await store.conn.collection('directory_stamp').findOne({ _id: 'current' as never })).toMatchObject({ version: 2 });
  });

  it('two imports at once: each takes its own version, the stamp ends at the last, and a bot reads what is stored', async () => {
    const bot = createDirectoryRepository(store.conn);
    await bot.current();
    const [a, b] = [example(), example()];
    a.people[0]!.name = '张伟甲';
    b.people[0]!.name = '张伟乙';
    const results = await Promise.all([createDirectoryRepository(store.conn).replace(a, new Date()), createDirectoryRepository(store.conn).replace(b, new Date())]);
    const versions = results.map((r) => r.version).sort();
    expect(new Set(versions).size).toBe(2);
    const stored = await store.conn.collection('directories').findOne({ _id: 'current' as never });
    expect(stored?.version).toBe(versions[1]);
    expect(await store.conn.collection('directory_stamp').findOne({ _id: 'current' as never })).toMatchObject({ version: versions[1] });
    expect((await bot.current()).personByPlatformId('wecom', 'zhangwei')?.name).toBe((stored?.data as { people: { name: string }[] }).people[0]!.name);
  });

  it('round-trips through Excel and JSON unchanged', async () => {
    const data = example();
    for (const format of ['xlsx', 'json', 'yaml'] as const) {
      const { raw } = await readDirectory(await writeDirectory(data, format), format);
      const v = validateDirectory(raw);
      expect(v.ok && v.data).toEqual(data);
    }
  });

  it('rejects duplicates and half-bound groups with their places', () => {
    const bad = example();
    bad.people.push({ ...bad.people[0]!, wecom: 'dup-id' });
    bad.groups.push({ platform: 'wecom', chatId: 'g9', name: 'x', kind: 'enterprise' });
    const v = validateDirectory(bad);
    expect(v.ok).toBe(false);
    const problems = !v.ok ? v.problems.map((p) => `${p.path}: ${p.message}`) : [];
    expect(problems).toContain('people[8].id: duplicate id "zhangwei"');
    expect(problems).toContain('groups[4].enterprise: an enterprise group needs an enterprise');
  });
});
