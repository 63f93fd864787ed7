import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createChatOrder, type ChatOrder } from './chat-order.js';
import type { z } from 'zod';
import { QUEUES, type JobDefinition, type QueueName } from './define-job.js';

export interface Producer {
  enqueue<S extends z.ZodType>(def: JobDefinition<S, any>, data: z.infer<S>, opts?: { delay?: number }): Promise<string>;
  /** Several jobs of one definition in one round trip (BullMQ addBulk; an id already there stays a no-op). */
  enqueueMany<S extends z.ZodType>(def: JobDefinition<S, any>, data: readonly z.infer<S>[]): Promise<string[]>;
  /**
   * Re-queues work whose job is lost: gone (Redis lost it) → added again; failed for good → retried. A job that is
   * waiting, running or done is left alone.
   */
  enqueueIfLost<S extends z.ZodType>(def: JobDefinition<S, any>, data: z.infer<S>): Promise<'added' | 'retried' | 'present'>;
  queues: Record<QueueName, Queue>;
  /** The per-conversation order of inbound messages (same Redis and prefix as the queues). */
  chatOrder: ChatOrder;
  close(): Promise<void>;
}

const DAY = 24 * 3600;

/** Attempts, backoff and removal of a definition's jobs (also the template of scheduled ones). */
export function jobOptions(def: Pick<JobDefinition<any, any>, 'attempts' | 'backoffMs'>) {
  return {
    attempts: def.attempts ?? 8,
    backoff: { type: 'exponential' as const, delay: def.backoffMs ?? 2000, jitter: 0.5 },
    // kept longer than any window in which the same id may be added again, so a re-add stays a no-op
    removeOnComplete: { age: 7 * DAY },
    removeOnFail: { age: 30 * DAY },
  };
}

export function createProducer(connection: Redis, prefix: string): Producer {
  const queues = Object.fromEntries(
    Object.values(QUEUES).map((name) => [name, new Queue(name, { connection, prefix })]),
  ) as Record<QueueName, Queue>;

  async function enqueue<S extends z.ZodType>(def: JobDefinition<S, any>, data: z.infer<S>, opts: { delay?: number } = {}): Promise<string> {
    const valid = def.data.parse(data);
    const jobId = def.jobId(valid);
    await queues[def.queue].add(def.name, valid, {
      jobId,
      ...(opts.delay && opts.delay > 0 ? { delay: Math.round(opts.delay) } : {}),
      ...jobOptions(def),
    });
    return jobId;
  }

  async function enqueueMany<S extends z.ZodType>(def: JobDefinition<S, any>, data: readonly z.infer<S>[]): Promise<string[]> {
    const jobs = data.map((d) => {
      const valid = def.data.parse(d);
      return { name: def.name, data: valid, opts: { jobId: def.jobId(valid), ...jobOptions(def) } };
    });
    if (jobs.length) await queues[def.queue].addBulk(jobs);
    return jobs.map((j) => j.opts.jobId);
  }

  return {
    queues,
    chatOrder: createChatOrder(connection, prefix),
    enqueue,
    enqueueMany,
    async enqueueIfLost(def, data) {
      const jobId = def.jobId(def.data.parse(data));
      const job = await queues[def.queue].getJob(jobId);
      if (!job) {
        await enqueue(def, data);
        return 'added';
      }
      if (await job.isFailed()) {
        await job.retry('failed');
        return 'retried';
      }
      return 'present';
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
