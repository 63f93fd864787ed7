import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slaReconcile } from '../../jobs/sla-reconcile.job.js';
import { scheduleRecurring } from '../../jobs/schedules.js';
import { validateDirectory } from '../../src/domain/directory.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { testMongoUri, testQueuePrefix } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms, type Recorded } from '../helpers/fake-platforms.js';
import { sharedPath } from '../helpers/shared.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

const L = (local: string) => new Date(`${local}+08:00`);
let store: Store;
let fake: FakePlatforms;
const envs: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(testMongoUri('scheduled'));
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('bad directory');
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
});
afterEach(async () => {
  while (envs.length) await envs.pop()!.stop();
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

const meta = { jobId: 't', attemptsMade: 0, progress: 0, setProgress: async () => {} };
const toLeaders = (r: Recorded) =>
  (r.path === '/cgi-bin/webhook/send' && r.query.get('key') === '00000000-0000-0000-0000-000000000002') ||
  (r.path === '/v1.0/robot/groupMessages/send' && r.body?.openConversationId === 'cidLeaders000001==');

describe('scheduled jobs', () => {
  it('a digest missed at 08:30 (the store was down) goes out at the next reconcile after it, once per group and period', async () => {
    let now = L('2026-11-24T08:31:00'); // a Tuesday: the daily digest only
    const e = startWorkerEnv({ store, apiBase: fake.base, prefix: testQueuePrefix(), now: () => now });
    envs.push(e);
    // at 08:31 the tick is still its own business: the reconcile leaves it alone
    await slaReconcile.process({}, e.deps, meta);
    expect(await store.conn.collection('digest_runs').countDocuments()).toBe(0);
    // 09:10, no tick ever ran: two reconciles at the same moment (two instances), then another a minute later
    now = L('2026-11-24T09:10:00');
    await Promise.all([slaReconcile.process({}, e.deps, meta), slaReconcile.process({}, e.deps, meta)]);
    now = L('2026-11-24T09:11:00');
    await slaReconcile.process({}, e.deps, meta);
    await expect.poll(() => fake.requests.filter(toLeaders).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => e.producer.queues.outbound.getJobCounts('waiting', 'active', 'delayed'), { timeout: 20_000 }).toEqual({ waiting: 0, active: 0, delayed: 0 });
    const sent = fake.requests.filter(toLeaders);
    expect(sent).toHaveLength(2); // one per leaders group (WeCom and DingTalk)
    expect(await store.conn.collection('digest_runs').countDocuments({ status: 'sent' })).toBe(2);
  });

  it('a deployment first started after the digest time catches up nothing that day; the next day\'s missed digest goes out', async () => {
    let now = L('2026-11-25T09:10:00'); // a Wednesday: the daily digest only
    const e = startWorkerEnv({ store, apiBase: fake.base, prefix: testQueuePrefix(), now: () => now, deployedAt: L('2026-11-25T09:05:00') });
    envs.push(e);
    const before = fake.requests.filter(toLeaders).length;
    await slaReconcile.process({}, e.deps, meta);
    await expect.poll(async () => e.producer.queues.outbound.getJobCounts('waiting', 'active', 'delayed'), { timeout: 20_000 }).toEqual({ waiting: 0, active: 0, delayed: 0 });
    expect(fake.requests.filter(toLeaders).length).toBe(before);
    expect(await store.conn.collection('digest_runs').countDocuments({ status: 'sent', _id: { $regex: '2026-11-25' } } as never)).toBe(0);
    // the next day the tick did not run at 08:30 either: that one was missed, and is caught up
    now = L('2026-11-26T09:10:00');
    await slaReconcile.process({}, e.deps, meta);
    await expect.poll(() => fake.requests.filter(toLeaders).length - before, { timeout: 15_000 }).toBe(2);
  });

  it('the recurring jobs are scheduled with attempts, backoff and removal of finished runs', async () => {
    const e = startWorkerEnv({ store, apiBase: fake.base, prefix: testQueuePrefix(), workers: false });
    envs.push(e);
    await scheduleRecurring(e.producer, { digestTime: '08:30', timezone: 'Asia/Shanghai' });
    for (const [queue, id] of [['sla', 'sla-reconcile'], ['digests', 'digest-tick']] as const) {
      const s = await e.producer.queues[queue].getJobScheduler(id);
      expect(s?.template?.opts).toMatchObject({
        attempts: expect.any(Number),
        backoff: { type: 'exponential', delay: expect.any(Number) },
        removeOnComplete: expect.anything(),
        removeOnFail: expect.anything(),
      });
      expect(s!.template!.opts!.attempts).toBeGreaterThan(1);
    }
  });
});
