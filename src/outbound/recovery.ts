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

/**
 * The outbound recovery sweep: queues again the recorded messages (outbound_messages, status `queued`) whose job
 * Redis no longer has (a wipe, a Redis without persistence restarted, a crash between recording and queuing) or whose
 * job failed for good without a dead letter (the process died before the dead-letter hook ran), under the same job
 * id. It pages through what is due (`sweepAt` by `dueBy`, most overdue first) in bounded batches, so its cost follows
 * what is due; each message it looks at is pushed back before anything is queued (never while its job may run).
 *
 * Order: the destination's line in Redis (the pacer's pending set) is lost with the jobs; the lost messages of a
 * batch are queued again in the order they were recorded (createdAt, then index), each reserving its slot at its
 * original due time, which rebuilds the line in that order. Run it before the inbound sweep, so that answers
 * queued before a wipe go out before those of messages handled again after it.
 *
 * A job that completed while its record says queued (the `sent` write was lost) is recorded as sent, not re-queued;
 * a failed one with a dead letter is recorded as dead. A waiting, running or delayed job is left alone.
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
  let after: { sweepAt: Date; id: string } | undefined;
  for (let b = 0; b < (opts.maxBatches ?? 20); b++) {
    const due = await deps.messages.listDue(dueBy, batch, after);
    if (due.length === 0) break;
    after = { sweepAt: due.at(-1)!.sweepAt, id: due.at(-1)!.id };
    const lost: DueOutbound[] = [];
    const defer: { id: string; until: Date }[] = [];
    for (const m of due) {
      const job = await queue.getJob(m.id);
      const state = job ? await job.getState() : 'missing';
      if (state === 'waiting' || state === 'active' || state === 'prioritized' || state === 'waiting-children') continue;
      if (state === 'delayed') {
        // waiting for its slot or its turn (a paced backlog): looked at again later, so that a long backlog does not
        // fill every sweep's pages and hide the lost ones behind it
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
    if (due.length < batch) break;
  }
  return n;
}
