import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectSla, slaReconcile } from '../../jobs/index.js';
import { validateDirectory } from '../../src/domain/directory.js';
import type { PathItem, ProjectPath } from '../../src/domain/project-path.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { createProjectPathRepository } from '../../src/store/repositories/project.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { waitForDrain } from '../helpers/queue-drain.js';
import { sharedPath } from '../helpers/shared.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

/**
 * 项目代办 reminders on real Redis and FerretDB, with a simulated clock around National Day 2026 (10/1–10/7 off,
 * Sat 10/10 a working day by 调休; the bundled calendar has 2026). The example directory's 亿龙二期: 代办员 张伟 (the
 * enterprise's commissioner), 专班 张伟 and 王芳, 包联区领导 李华, 区住建局's contact 王芳, the 亿龙置业 group.
 */
const prefix = testQueuePrefix();
let store: Store;
let fake: FakePlatforms;
let now = new Date('2026-09-29T10:00:00+08:00');
const at = (local: string) => new Date(`${local}+08:00`);

function item(over: Partial<PathItem> & Pick<PathItem, 'id' | 'name'>): PathItem {
  return {
    aliases: [], department: '区住建局', promisedWorkingDays: 8, dependsOn: [], state: 'not_started', submittedAt: null, dueDate: null,
    doneAt: null, expectedDate: null, missingDocuments: [], history: [], ...over,
  };
}
/** 施工许可 申报 9/29, promised by Fri 10/9; 规划许可 容缺受理 with 日照分析报告 owed by Fri 10/9. */
const path: ProjectPath = {
  templateId: 'industrial',
  startItem: 'permit',
  landDate: null,
  plannedStartDate: null,
  items: [
    item({ id: 'permit', name: '施工许可', state: 'submitted', submittedAt: at('2026-09-29T10:00:00').toISOString(), dueDate: '2026-10-09' }),
    item({
      id: 'plan', name: '建设工程规划许可', department: '区自然资源和规划局', state: 'accepted_pending', submittedAt: at('2026-09-28T10:00:00').toISOString(),
      dueDate: '2026-10-09', doneAt: at('2026-09-29T10:00:00').toISOString(), missingDocuments: [{ name: '日照分析报告', dueDate: '2026-10-09', suppliedAt: null }],
    }),
  ],
};

const marker = '【项目代办·';
const ours = () => fake.requests.filter((r) => JSON.stringify(r.body ?? {}).includes(marker));
const dms = (to: string, contains: string) => ours().filter((r) => r.path === '/cgi-bin/message/send' && r.body?.touser === to && JSON.stringify(r.body).includes(contains));
const groupMessages = (contains: string) => ours().filter((r) => r.path !== '/cgi-bin/message/send' && JSON.stringify(r.body).includes(contains));
const stored = () => createProjectPathRepository(store.conn).get('yilong-phase2');

let env: ReturnType<typeof startWorkerEnv>;
let run = 0;
/** One run of the project reminders at the simulated `now`, then every queued job (the sends included) has run. */
async function runAt(local: string, via: 'job' | 'reconcile' = 'job') {
  now = at(local);
  run++;
  if (via === 'reconcile') await env.producer.enqueue(slaReconcile, { at: 1_000_000 + run });
  else await env.producer.enqueue(projectSla, { at: run });
  await waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length, timeoutMs: 30_000 });
}

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(testMongoUri('project-sla'));
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('example directory invalid');
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
  await createProjectPathRepository(store.conn).create('yilong-phase2', path, now);
  env = startWorkerEnv({ store, apiBase: fake.base, prefix, now: () => now });
});
afterAll(async () => {
  await env?.stop();
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

describe('项目代办 reminders and escalation, each step once', () => {
  it('plans a new path at once, then reads it only when due', async () => {
    expect((await stored())!.nextDueAt).toBe('1970-01-01T00:00:00.000Z');
    await runAt('2026-09-29T10:05:00');
    expect(ours()).toHaveLength(0);
    // the first step: the pre-reminder on Thu 10/8 13:30 (the working day before the promise)
    expect((await stored())!.nextDueAt).toBe(at('2026-10-08T13:30:00').toISOString());
    expect(await createProjectPathRepository(store.conn).listDue(at('2026-10-08T13:29:00').toISOString())).toHaveLength(0);
  });

  it('reminds the 代办员 and the department’s contact the working day before', async () => {
    await runAt('2026-10-08T13:31:00');
    expect(dms('zhangwei', '【项目代办·到期提醒】')).toHaveLength(1);
    expect(dms('wangfang', '【项目代办·到期提醒】')).toHaveLength(1);
    expect(ours()).toHaveLength(2);
    expect(JSON.stringify(dms('zhangwei', '到期提醒')[0]!.body)).toContain('施工许可（区住建局）');
  });

  it('on the 调休 Saturday: 专班 told once (via the SLA reconcile), the enterprise group reminded of the 容缺 document once', async () => {
    await runAt('2026-10-10T09:00:00', 'reconcile');
    expect(dms('zhangwei', '【项目代办·超期督办】')).toHaveLength(1);
    expect(dms('wangfang', '【项目代办·超期督办】')).toHaveLength(1);
    expect(dms('zhangwei', '已超期 1 个工作日')).toHaveLength(1);
    expect(groupMessages('【项目代办·容缺补齐提醒】')).toHaveLength(1);
    expect(JSON.stringify(groupMessages('容缺补齐提醒')[0]!.body)).toContain('日照分析报告');
    expect(dms('lihua', '区领导')).toHaveLength(0);
  });

  it('nothing more until the 包联区领导’s day, then the leader once, then nothing more at all', async () => {
    const before = ours().length;
    await runAt('2026-10-10T09:30:00');
    await runAt('2026-10-12T10:00:00', 'reconcile');
    expect(ours()).toHaveLength(before);
    // 3 working days late: 10/10, 10/12, 10/13
    await runAt('2026-10-13T08:31:00');
    expect(dms('lihua', '【项目代办·超期督办·区领导】')).toHaveLength(1);
    expect(dms('lihua', '已超期 3 个工作日')).toHaveLength(1);
    await runAt('2026-10-13T09:00:00');
    await runAt('2026-10-20T09:00:00', 'reconcile');
    expect(ours()).toHaveLength(before + 1);
    const s = (await stored())!;
    expect(s.nextDueAt).toBeNull();
    expect(s.slaSent).toHaveLength(4);
  });

  it('a re-filed item gets a new clock; the same run twice sends once', async () => {
    const repo = createProjectPathRepository(store.conn);
    const s = (await repo.get('yilong-phase2'))!;
    const refiled = { ...s.path, items: s.path.items.map((i) => (i.id === 'permit' ? { ...i, submittedAt: at('2026-10-20T09:00:00').toISOString(), dueDate: '2026-10-21' } : i)) };
    expect(await repo.save('yilong-phase2', refiled, s.version, now)).toBe('saved');
    const before = dms('zhangwei', '到期提醒').length;
    // 10/20 13:30: the pre-reminder of the new clock; two runs at once still send it once
    now = at('2026-10-20T14:00:00');
    await Promise.all([env.producer.enqueue(projectSla, { at: 900 }), env.producer.enqueue(projectSla, { at: 901 })]);
    await waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length, timeoutMs: 30_000 });
    expect(dms('zhangwei', '到期提醒').length).toBe(before + 1);
    expect(dms('wangfang', '到期提醒').length).toBe(2);
  });
});
