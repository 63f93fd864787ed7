import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { waitFor } from '../../src/infra/process.js';
import { defineJob, QUEUES } from '../../src/queue/define-job.js';
import { createPacer } from '../../src/queue/pacer.js';
import { createProducer } from '../../src/queue/producer.js';
import { startWorkers } from '../../src/queue/worker-host.js';
import { AppError, PlatformApiError } from '../../src/shared/errors.js';
import { createLogger } from '../../src/shared/logger.js';
import { exposition } from '../../src/shared/metrics.js';
import { testQueuePrefix, testRedisUrl } from '../helpers/env.js';

const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
afterAll(() => redis.disconnect());

async function value(series: string): Promise<number> {
  const { body } = await exposition();
  return Number(body.split('\n').find((l) => l.startsWith(`${series} `))?.slice(series.length + 1) ?? 0);
}

describe('job and rate-limit metrics on real Redis', () => {
  it('counts failed attempts, jobs parked for good, and waits asked by the platform and by our pacer', async () => {
    const prefix = testQueuePrefix();
    let tries = 0;
    const doomed = defineJob({
      name: 'metrics-doomed',
      queue: QUEUES.sla,
      data: z.object({ n: z.number() }),
      jobId: (d) => `doomed-${d.n}`,
      attempts: 3,
      async process() {
        throw new AppError('TEST_PERMANENT', 'never works', { retryable: false });
      },
    });
    const limited = defineJob({
      name: 'metrics-limited',
      queue: QUEUES.sla,
      data: z.object({ n: z.number() }),
      jobId: (d) => `limited-${d.n}`,
      async process() {
        if (tries++ === 0) throw new PlatformApiError('wecom', 'send', 45009, 200, 'api freq out of limit', true, 300);
        return 'sent';
      },
    });
    const producer = createProducer(redis, prefix);
    const worker = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    const host = startWorkers({ connection: worker, prefix, jobs: [doomed, limited] as const, deps: {} as never, log: createLogger('silent') });
    try {
      const before = {
        failed: await value('xiaoer_jobs_failed_total{queue="sla",job="metrics-doomed"}'),
        parked: await value('xiaoer_jobs_parked_total{queue="sla",job="metrics-doomed"}'),
        platform: await value('xiaoer_rate_limit_waits_total{source="platform"}'),
        pacer: await value('xiaoer_rate_limit_waits_total{source="pacer"}'),
      };
      await producer.enqueue(doomed, { n: 1 });
      await producer.enqueue(limited, { n: 1 });
      await waitFor(async () => (await value('xiaoer_jobs_parked_total{queue="sla",job="metrics-doomed"}')) === before.parked + 1, 10_000, 'the doomed job parked');
      await waitFor(async () => tries >= 2, 10_000, 'the limited job done');
      expect(await value('xiaoer_jobs_failed_total{queue="sla",job="metrics-doomed"}')).toBe(before.failed + 1);
      expect(await value('xiaoer_rate_limit_waits_total{source="platform"}')).toBe(before.platform + 1);
      // a wait asked by the platform is not a failed attempt
      expect(await value('xiaoer_jobs_failed_total{queue="sla",job="metrics-limited"}')).toBe(0);

      const pacer = createPacer(redis, prefix, { limit: 1, windowMs: 60_000 });
      expect(await pacer.acquire('wecom:chat:g', 'a')).toBe(0);
      expect(await pacer.acquire('wecom:chat:g', 'b')).toBeGreaterThan(0);
      expect(await value('xiaoer_rate_limit_waits_total{source="pacer"}')).toBe(before.pacer + 1);
      expect(await value('xiaoer_rate_limit_wait_seconds_total{source="pacer"}')).toBeGreaterThan(50);
    } finally {
      await host.close(true);
      worker.disconnect();
      await producer.close();
    }
  });
});
