import { digestTick } from '../../jobs/digest-tick.job.js';
import { slaReconcile } from '../../jobs/sla-reconcile.job.js';
import type { JobDefinition } from './define-job.js';
import type { Producer } from './producer.js';

/**
 * What every scheduled run gets: the definition's attempts and exponential backoff, and removal of finished runs
 * (by count: a scheduler's runs have ids of their own, nothing is deduplicated by them).
 */
export function scheduledJobOptions(def: Pick<JobDefinition<any, any>, 'attempts' | 'backoffMs'>) {
  return {
    attempts: def.attempts ?? 3,
    backoff: { type: 'exponential' as const, delay: def.backoffMs ?? 2000, jitter: 0.5 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 500 },
  };
}

/**
 * The recurring jobs, one scheduler each whatever the number of instances (upsert): the SLA reconcile every minute
 * (which also catches up a missed digest), the digest tick at the configured local time.
 */
export async function scheduleRecurring(producer: Producer, opts: { digestTime: string; timezone: string; reconcileEveryMs?: number }): Promise<void> {
  await producer.queues.sla.upsertJobScheduler(
    'sla-reconcile',
    { every: opts.reconcileEveryMs ?? 60_000 },
    { name: slaReconcile.name, data: {}, opts: scheduledJobOptions(slaReconcile) },
  );
  const [hh, mm] = opts.digestTime.split(':').map(Number);
  await producer.queues.digests.upsertJobScheduler(
    'digest-tick',
    { pattern: `${mm} ${hh} * * *`, tz: opts.timezone },
    { name: digestTick.name, data: {}, opts: scheduledJobOptions(digestTick) },
  );
}
