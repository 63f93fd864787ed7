import type { Producer } from '../queue/producer.js';
import type { Logger } from '../shared/logger.js';
import type { DeadLetterRepository } from '../store/repositories/dead-letter.repository.js';
import type { DueOutbound, OutboundMessageRepository } from '../store/repositories/outbound-message.repository.js';
import type { Outbox } from './outbox.js';

/** The sweep looks at a message it re-queued again after this (doubling per look, at most an hour). */
export function outboundSweepBackoffMs(sweeps: number): number {
  return Math.min(60_000 * 2 ** Math.min(sweeps, 10), 3_600_000);
}
/** A message whose job is still waiting for its slot (a paced backlog) is looked at again after at most this. */
const LIVE_RECHECK_MAX_MS = 5 * 60_000;
/** A message whose job is waiting or running is looked at again after this (its job may yet be lost). */
const LIVE_RECHECK_MS = 60_000;
/** A job in one of these may yet send (a delayed one waits for its slot: see below). */
const LIVE_STATES = new Set(['waiting', 'active', 'prioritized', 'waiting-children']);

/**
 * The outbound recovery sweep: queues again the recorded messages (outbound_messages, status `queued`) whose job
 * Redis no longer has (a wipe, a Redis without persistence restarted, a crash between recording and queuing) or whose
 * job failed for good without a dead letter (the process died before the dead-letter hook ran), under the same job
 * id. It reads what became due (`sweepAt` by `dueBy`) from the sweep's due index, by `_id` (outbound-message
 * .repository.ts `sweepDue`), in bounded pages, most overdue first, so its cost follows what is due, not the number
 * of messages recorded, on FerretDB v1 as on MongoDB; each message it looks at is pushed back before anything is
 * queued (never while its job may run).
 *
 * Order: the destination's line in Redis (the pacer's pending set) is lost with the jobs; the lost messages of a
 * batch are queued again in the order they were recorded (createdAt, then index), each reserving its slot at its
 * original due time, which rebuilds the line in that order. Run it before the inbound sweep, so that answers
 * queued before a wipe go out before those of messages handled again after it.
 *
 * A job that completed while its record says queued (the `sent` write was lost) is recorded as sent, not re-queued;
 * a failed one with a dead letter is recorded as dead. A waiting, running or delayed job is left alone (looked at again
 * later).
 */
export async function recoverUnsent(
  deps: { messages: OutboundMessageRepository; outbox: Outbox; producer: Producer; deadLetters: Pick<DeadLetterRepository, 'get'>; log: Logger },
  dueBy: Date,
  opts: { batch?: number; maxBatches?: number; now?: () => Date } = {},
): Promise<number> {
  const batch = opts.batch ?? 100;
  const now = opts.now ?? (() => new Date());
  const queue = deps.producer.queues.outbound;
  let n = 0;
  await deps.messages.sweepDue(
    dueBy,
    async (due) => {
      const lost: DueOutbound[] = [];
      const defer: { id: string; until: Date }[] = [];
      const live: string[] = [];
      // the page's jobs are looked up together (reads only)
      const jobs = await Promise.all(
        due.map(async (m) => {
          const job = await queue.getJob(m.id);
          return { job, state: job ? await job.getState() : 'missing' };
        }),
      );
      for (const [i, m] of due.entries()) {
        const { job, state } = jobs[i]!;
        if (LIVE_STATES.has(state)) {
          // it may be sending: its record is not written (looked at again a minute later, from the index alone)
          live.push(m.id);
          continue;
        }
        if (state === 'delayed') {
          // waiting for its slot or its turn (a paced backlog): looked at again later, so that a long backlog does
          // not fill every sweep's pages and hide the lost ones behind it
          defer.push({ id: m.id, until: new Date(now().getTime() + Math.min(outboundSweepBackoffMs(m.sweeps), LIVE_RECHECK_MAX_MS)) });
          continue;
        }
        if (state === 'completed') {
          // it went (the job checks the record first, and records the send): only the record's write was lost
          await deps.messages.markSent(m.id, now());
          await deps.outbox.done(m.target, m.id);
          continue;
        }
        if (state === 'failed') {
          if (await deps.deadLetters.get(m.id)) {
            await deps.messages.markDead(m.id);
            continue;
          }
          // failed for good but never dead-lettered (the process died first): a fresh job under the same id
          await job!.remove().catch(() => undefined);
        }
        lost.push(m);
      }
      await deps.messages.recheckLater(live, new Date(now().getTime() + LIVE_RECHECK_MS));
      lost.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.index - b.index);
      for (const m of lost) defer.push({ id: m.id, until: new Date(now().getTime() + outboundSweepBackoffMs(m.sweeps)) });
      await deps.messages.deferSweep(defer);
      for (const m of lost) {
        try {
          await deps.outbox.requeue(m);
        } catch (err) {
          // one message that cannot be queued (bad data) never holds back the others; it is looked at again later
          deps.log.error({ jobId: m.id, err: { message: (err as Error).message } }, 'could not re-queue an unsent outbound message');
          continue;
        }
        n++;
        deps.log.warn({ jobId: m.id, cause: m.cause, index: m.index }, 'recovered an unsent outbound message');
      }
    },
    {
      page: batch,
      budget: batch * (opts.maxBatches ?? 20),
      async takeLive(ids) {
        const states = await Promise.all(
          ids.map(async (id) => {
            const job = await queue.getJob(id);
            return job ? job.getState() : 'missing';
          }),
        );
        const live = ids.filter((_, i) => LIVE_STATES.has(states[i]!));
        await deps.messages.recheckLater(live, new Date(now().getTime() + LIVE_RECHECK_MS));
        return new Set(live);
      },
    },
  );
  return n;
}
