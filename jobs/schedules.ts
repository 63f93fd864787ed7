import { recoverUnprocessed, type IntakeDeps } from '../src/bot/intake.js';
import { recoverUnsent } from '../src/outbound/recovery.js';
import type { JobDefinition } from '../src/queue/define-job.js';
import type { Producer } from '../src/queue/producer.js';
import type { Logger } from '../src/shared/logger.js';
import { SWEEP_GRACE_MS } from '../src/store/repositories/inbound.repository.js';
import { digestTick } from './digest-tick.job.js';
import { digestCheck } from './digest-check.job.js';
import type { DigestFolder } from '../src/digest/digest-fold.js';
import { processInbound } from './process-inbound.job.js';
import { slaReconcile } from './sla-reconcile.job.js';

/**
 * Everything that runs on a timer in a worker process: the recurring jobs (BullMQ job schedulers, one each whatever
 * the number of instances) and the recovery sweeps (a plain timer in each instance). Data retention runs in every
 * process, web ones included, and keeps its own timer beside its indexes (src/store/retention.ts).
 */

/** How often the recovery sweeps look for what was stored but never processed or sent. */
export const SWEEP_EVERY_MS = 60_000;

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
  // the digest's summaries against a full recount, at night
  await producer.queues.digests.upsertJobScheduler(
    'digest-check',
    { pattern: DIGEST_CHECK_PATTERN, tz: opts.timezone },
    { name: digestCheck.name, data: {}, opts: scheduledJobOptions(digestCheck) },
  );
}

/** When the nightly check of the digest's summaries runs (local time): 02:40, far from the 08:30 digest. */
export const DIGEST_CHECK_PATTERN = '40 2 * * *';
/** How often a worker process folds the tickets changed since (the digest itself folds before it reads). */
export const DIGEST_FOLD_EVERY_MS = 5_000;

type OutboundSweepDeps = Parameters<typeof recoverUnsent>[0];

/**
 * The recovery sweeps, in bounded batches of what is due, one sweep at a time. Outbound first (messages recorded but
 * lost by Redis go out again, in their recorded order), then inbound (messages handled again after a wipe answer
 * after the answers queued before it). A failure is logged; the next sweep tries again.
 */
export function createRecoverySweep(deps: { outbound: OutboundSweepDeps; inbound: Omit<IntakeDeps, 'processing'>; log: Logger }) {
  const { log } = deps;
  let sweeping = false;
  return async function sweep(dueBy: () => Date): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      await recoverUnsent(deps.outbound, dueBy()).catch((err: Error) => log.error({ err: { message: err.message } }, 'outbound recovery sweep failed'));
      await recoverUnprocessed({ ...deps.inbound, processing: processInbound }, dueBy());
    } catch (err) {
      log.error({ err: { message: (err as Error).message } }, 'recovery sweep failed');
    } finally {
      sweeping = false;
    }
  };
}

/**
 * A worker process's schedules, started in this order: a recovery sweep of everything stored so far (past the grace
 * a message's own job gets), the recurring jobs, an SLA reconcile now, then the sweep every SWEEP_EVERY_MS.
 * `stop()` clears the timer (the schedulers belong to the deployment and stay).
 */
export async function startSchedules(deps: {
  producer: Producer;
  outbound: OutboundSweepDeps;
  inbound: Omit<IntakeDeps, 'processing'>;
  log: Logger;
  digestTime: string;
  timezone: string;
  /** The digest's summaries: built at the first start (or after Redis lost the marks), then folded every few seconds. */
  digestFolder?: DigestFolder;
}): Promise<{ stop(): void }> {
  const sweep = createRecoverySweep(deps);
  const folder = deps.digestFolder;
  let folding: Promise<unknown> = Promise.resolve();
  const fold = (waitMs: number) => {
    if (!folder) return;
    folding = folding
      .then(() => folder.catchUp({ waitMs }))
      .catch((err: Error) => {
        // another process holds the fold (it folds what is pending), or the store is away: the next tick tries again
        if ((err as { code?: string }).code !== 'LOCK_TIMEOUT') deps.log.warn({ err: { message: err.message } }, 'digest fold failed');
      });
  };
  // in the background: a first build on a large store reads every ticket once
  fold(0);
  await sweep(() => new Date(Date.now() + SWEEP_GRACE_MS));
  await scheduleRecurring(deps.producer, { digestTime: deps.digestTime, timezone: deps.timezone });
  await deps.producer.enqueue(slaReconcile, { at: Date.now() });
  const timer = setInterval(() => void sweep(() => new Date()), SWEEP_EVERY_MS);
  timer.unref();
  let foldBusy = false;
  const foldTimer = setInterval(() => {
    if (foldBusy) return;
    foldBusy = true;
    fold(0);
    void folding.finally(() => (foldBusy = false));
  }, DIGEST_FOLD_EVERY_MS);
  foldTimer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      clearInterval(foldTimer);
    },
  };
}
