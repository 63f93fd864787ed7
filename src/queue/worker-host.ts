import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { PlatformApiError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { AppError } from '../shared/errors.js';
import { jobsFailed, jobsParked, rateLimitWaits, rateLimitWaitSeconds } from '../shared/metrics.js';
import type { AnyJob, DepsOf, QueueName } from './define-job.js';

/**
 * One Worker per queue; job.name → definition. Data is validated again before processing. Errors marked
 * non-retryable become UnrecoverableError (no further attempts). `deps`: one object with every service the jobs
 * declare they use (each job gets it whole, and reads only what it declared).
 */
export function startWorkers<Jobs extends readonly AnyJob[]>(opts: {
  connection: ConnectionOptions;
  prefix: string;
  jobs: Jobs;
  deps: DepsOf<Jobs>;
  log: Logger;
  concurrency?: Partial<Record<QueueName, number>>;
  /** Lock of an active job; a worker that dies loses it after this and another takes the job over. */
  lockDurationMs?: number;
  /** Called once when a job has failed for good (permanent error or attempts used up). */
  onFinalFailure?: (job: Job, err: Error) => Promise<void>;
}): { close(force?: boolean): Promise<void>; workers: Worker[] } {
  const byQueue = new Map<QueueName, Map<string, AnyJob>>();
  for (const def of opts.jobs) {
    if (!byQueue.has(def.queue)) byQueue.set(def.queue, new Map());
    byQueue.get(def.queue)!.set(def.name, def);
  }
  const workers = [...byQueue.entries()].map(([queue, defs]) => {
    const worker = new Worker(
      queue,
      async (job, token) => {
        const def = defs.get(job.name);
        if (!def) throw new UnrecoverableError(`unknown job ${job.name}`);
        const parsed = def.data.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`invalid data for ${job.name}`);
        const log = opts.log.child({ jobId: job.id, job: job.name });
        try {
          const result = await def.process(parsed.data, opts.deps, {
            jobId: job.id!,
            attemptsMade: job.attemptsMade,
            progress: typeof job.progress === 'number' ? job.progress : 0,
            setProgress: (n) => job.updateProgress(n),
          });
          log.debug({ result }, 'job done');
          return result;
        } catch (err) {
          // asked to wait (a platform's rate limit, another message's turn): wait, without using up an attempt
          if (err instanceof AppError && err.retryAfterMs && token) {
            if (err instanceof PlatformApiError) {
              log.warn({ errcode: err.errcode, waitMs: err.retryAfterMs }, 'rate limited by the platform; waiting');
              rateLimitWaits.inc({ source: 'platform' });
              rateLimitWaitSeconds.inc({ source: 'platform' }, err.retryAfterMs / 1000);
            }
            await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
            throw new DelayedError();
          }
          const permanent = err instanceof AppError && !err.retryable;
          log[permanent ? 'error' : 'warn'](
            { err: { code: (err as AppError).code, message: (err as Error).message }, attemptsMade: job.attemptsMade },
            permanent ? 'job failed permanently' : 'job failed, will retry',
          );
          if (permanent) throw Object.assign(new UnrecoverableError((err as Error).message), { cause: err });
          throw err;
        }
      },
      {
        connection: opts.connection,
        prefix: opts.prefix,
        concurrency: opts.concurrency?.[queue] ?? 4,
        ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs, stalledInterval: Math.max(500, Math.round(opts.lockDurationMs / 2)) } : {}),
      },
    );
    worker.on('error', (err) => opts.log.error({ err: { message: err.message }, queue }, 'worker error'));
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      jobsFailed.inc({ queue, job: job.name });
      if (final) jobsParked.inc({ queue, job: job.name });
      if (!opts.onFinalFailure) return;
      if (final) opts.onFinalFailure(job, err).catch((e: Error) => opts.log.error({ err: { message: e.message }, jobId: job.id }, 'final-failure hook failed'));
    });
    return worker;
  });
  return {
    workers,
    /** `force`: do not wait for active jobs (their locks lapse and another worker takes them over). */
    async close(force = false) {
      await Promise.all(workers.map((w) => w.close(force)));
    },
  };
}
