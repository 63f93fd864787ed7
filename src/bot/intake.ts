import type { z } from 'zod';
import type { InboundMessage, PlatformId, ReceiveResult } from '../messages/inbound.js';
import { createBatcher } from '../store/batcher.js';
import type { JobDefinition } from '../queue/define-job.js';
import type { Producer } from '../queue/producer.js';
import type { Logger } from '../shared/logger.js';
import type { InboundRepository } from '../store/repositories/inbound.repository.js';

export type IntakeOutcome = 'accepted' | 'duplicate' | 'ignored';

/** A stored message's key: what the processing job gets. */
export interface InboundKey {
  platform: PlatformId;
  eventId: string;
}

/**
 * The job that processes one stored message (jobs/process-inbound.job.ts). The composition root hands it in, as it
 * hands the bot its handlers: src/ never imports jobs/.
 */
export type InboundProcessingJob = JobDefinition<z.ZodType<InboundKey>, any>;

export interface IntakeDeps {
  inbound: InboundRepository;
  producer: Producer;
  log: Logger;
  processing: InboundProcessingJob;
}

/**
 * The acknowledgement path, and nothing more: store the raw message under its unique (platform, message id) with
 * its arrival time, put it in its conversation's line (the order of processing, see process-inbound.job.ts),
 * enqueue its processing, answer. No parsing, LLM or outbound call here.
 */
export function createIntake(deps: IntakeDeps) {
  // concurrent acknowledgements put their messages in line and queue their jobs together: one pipeline for the lines,
  // then one addBulk for the jobs, each caller answered once both are written (the job puts its message in line
  // again before it looks, so a line lost in between is rebuilt)
  const enqueue = createBatcher<InboundMessage & { receivedAtMs: number }, true>(async (items) => {
    await deps.producer.chatOrder.addMany(items.map((m) => ({ platform: m.platform, chatId: m.chatId, eventId: m.eventId, receivedAtMs: m.receivedAtMs })));
    await deps.producer.enqueueMany(deps.processing, items.map((m) => ({ platform: m.platform, eventId: m.eventId })));
    return items.map(() => true as const);
  });
  return {
    async accept(result: ReceiveResult, now: Date): Promise<IntakeOutcome> {
      if (result.kind === 'ignored') {
        deps.log.debug({ reason: result.reason }, 'callback ignored');
        return 'ignored';
      }
      const { message, raw } = result;
      const log = deps.log.child({ platform: message.platform, eventId: message.eventId, chatId: message.chatId });
      // a store failure propagates: the platform gets a 5xx and delivers again
      if ((await deps.inbound.store(message, raw, now)) === 'duplicate') {
        log.info('duplicate delivery ignored');
        return 'duplicate';
      }
      try {
        await enqueue({ ...message, receivedAtMs: now.getTime() });
      } catch (err) {
        // stored durably: the recovery sweep enqueues it once Redis answers again
        log.error({ err: { message: (err as Error).message } }, 'enqueue failed; left for the recovery sweep');
      }
      log.info('message accepted');
      return 'accepted';
    },
  };
}
export type Intake = ReturnType<typeof createIntake>;

/** The sweep looks at a message it re-queued again after this (doubling per sweep, at most an hour). */
export function sweepBackoffMs(sweeps: number): number {
  return Math.min(60_000 * 2 ** Math.min(sweeps, 10), 3_600_000);
}

/** A message whose job is still waiting or running is looked at again after this (its job may yet be lost). */
export const LIVE_RECHECK_MS = 60_000;

/**
 * The recovery sweep: re-queues stored messages that were never processed (a crash, Redis lost the job, attempts
 * used up during an outage). It reads what became due (`sweepAt` by `dueBy`) from the sweep's due index, by `_id`
 * (inbound.repository.ts `sweepDue`): its cost follows what is due, not the number of messages stored, on FerretDB
 * v1 as on MongoDB. It goes in bounded pages, the most overdue first, at most `batch` × `maxBatches` messages a pass
 * (the rest at the next), so any number of stuck messages cannot hide the others. A message it re-queues is pushed
 * back (doubling, up to an hour) before its job is added — never while a job of it may run, since on FerretDB v1 two
 * concurrent updates of one document can lose one — and is put back in its conversation's line first. A message
 * whose job is waiting or running is looked at again a minute later, its job looked up in Redis before its message
 * is read (a backlog costs the sweep no store read, and its messages are not written); a parked one (status
 * `failed`) is never re-queued.
 */
export async function recoverUnprocessed(
  deps: IntakeDeps,
  dueBy: Date,
  opts: { batch?: number; maxBatches?: number; now?: () => Date } = {},
): Promise<number> {
  const batch = opts.batch ?? 100;
  const now = opts.now ?? (() => new Date());
  const queue = deps.producer.queues[deps.processing.queue];
  let n = 0;
  await deps.inbound.sweepDue(
    dueBy,
    async (keys) => {
      const lost: typeof keys = [];
      const live: string[] = [];
      // the page's jobs are looked up together (reads only)
      const jobs = await Promise.all(
        keys.map(async (k) => {
          const job = await queue.getJob(deps.processing.jobId({ platform: k.platform as PlatformId, eventId: k.eventId }));
          return { job, state: job ? await job.getState() : 'missing' };
        }),
      );
      for (const [i, k] of keys.entries()) {
        const { job, state } = jobs[i]!;
        if (LIVE_STATES.has(state)) {
          live.push(k.id);
          continue;
        }
        // gone, failed for good, or completed while the store says unprocessed (a lost write): run it again
        if (job && state !== 'failed') await job.remove().catch(() => undefined);
        lost.push(k);
      }
      await deps.inbound.recheckLater(live, new Date(now().getTime() + LIVE_RECHECK_MS));
      for (const sweeps of new Set(lost.map((k) => k.sweeps))) {
        await deps.inbound.deferSweep(lost.filter((k) => k.sweeps === sweeps), new Date(now().getTime() + sweepBackoffMs(sweeps)));
      }
      for (const k of lost) await deps.producer.chatOrder.add(k.platform, k.chatId, k.eventId, new Date(k.receivedAt).getTime());
      for (const k of lost) {
        const r = await deps.producer.enqueueIfLost(deps.processing, { platform: k.platform as PlatformId, eventId: k.eventId });
        n++;
        deps.log.warn({ platform: k.platform, eventId: k.eventId, action: r }, 'recovered an unprocessed message');
      }
    },
    {
      page: batch,
      budget: batch * (opts.maxBatches ?? 20),
      async takeLive(ids) {
        const states = await Promise.all(
          ids.map(async (id) => {
            const job = await queue.getJob(deps.processing.jobId(keyOf(id)));
            return job ? job.getState() : 'missing';
          }),
        );
        const live = ids.filter((_, i) => LIVE_STATES.has(states[i]!));
        await deps.inbound.recheckLater(live, new Date(now().getTime() + LIVE_RECHECK_MS));
        return new Set(live);
      },
    },
  );
  return n;
}

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
/** A stored message's key from its `_id` (`platform:eventId`; a platform id has no colon). */
function keyOf(id: string): InboundKey {
  const i = id.indexOf(':');
  return { platform: id.slice(0, i) as PlatformId, eventId: id.slice(i + 1) };
}
