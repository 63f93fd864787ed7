import type { Directory } from '../domain/directory.js';
import { toAssignee } from '../domain/routing.js';
import type { PlatformId } from '../messages/inbound.js';
import type { OutboundMessage, OutboundTarget } from '../messages/outbound.js';
import type { Pacer } from '../queue/pacer.js';
import type { Producer } from '../queue/producer.js';
import type { OutboundMessageRepository } from '../store/repositories/outbound-message.repository.js';
import { sendMessage } from './send-message.job.js';

/**
 * Scheduled bulk sends avoid the :00 and :30 minute marks (WeCom asks for it, to spread load): a slot in such a
 * minute moves 60–180 s later, by a fixed amount per key. Pure.
 */
export function offClockMarks(slotMs: number, key: string): number {
  const minute = new Date(slotMs).getUTCMinutes(); // all zones in use here are whole or half hours from UTC
  if (minute !== 0 && minute !== 30) return slotMs;
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return slotMs + 60_000 + (h % 120_001);
}

/** The pacing key of a destination: a conversation (group robot, webhook key) or a private recipient. */
export function destinationOf(target: OutboundTarget): string {
  return target.kind === 'user' ? `${target.platform}:user:${target.userId}` : `${target.platform}:chat:${target.chatId}`;
}

/** How long after a message is due the recovery sweep first looks at it (its job normally ran long before). */
export const OUTBOUND_SWEEP_GRACE_MS = 60_000;

/**
 * The one way out: every message is recorded in the store (`outbound_messages`, _id = its job id) and then becomes a
 * send job with that stable id, delayed to the slot the pacer reserved for its destination (so bursts wait, order
 * holds and no window exceeds the limit, across processes). The record outlives Redis: a job Redis lost is queued
 * again from it by the recovery sweep (recovery.ts), and a message recorded as sent is never sent again.
 */
export function createOutbox(deps: { producer: Producer; pacer: Pacer; messages: OutboundMessageRepository; now?: () => number; avoidClockMarks?: boolean }) {
  const now = deps.now ?? Date.now;
  /** Its place in its destination's line (a slot at or after `due`, after every message reserved before), its job. */
  const queue = async (data: { cause: string; index: number; target: OutboundTarget; message: OutboundMessage }, due: number): Promise<void> => {
    const slot = await deps.pacer.reserve(destinationOf(data.target), sendMessage.jobId(data), due);
    await deps.producer.enqueue(sendMessage, data, { delay: slot - now() });
  };
  /** The message left the queue (sent, or dead-lettered): the next one of its destination is woken. */
  const done = async (target: OutboundTarget, jobId: string): Promise<void> => {
    const dest = destinationOf(target);
    await deps.pacer.done(dest, jobId);
    const next = await deps.pacer.headSlot(dest);
    // a next message whose own slot has come (it waited behind this one) goes now; one reserved for later (a
    // scheduled or off-the-clock-mark send) keeps its time. The send-time window check keeps the pace either way.
    if (!next || next.slot > now()) return;
    const job = await deps.producer.queues.outbound.getJob(next.member);
    if (job && (await job.isDelayed())) await job.promote().catch(() => undefined);
  };
  return {
    /**
     * Whether this message is the earliest unsent one of its destination. A head that can no longer be sent is
     * dropped: its job is gone (Redis lost it), failed for good (dead-lettered — also when the dead-letter hook
     * never ran) or completed. A head still waiting, retrying or sending holds the others (its attempts are bounded).
     */
    async isTurn(target: OutboundTarget, jobId: string): Promise<boolean> {
      const dest = destinationOf(target);
      for (;;) {
        const head = await deps.pacer.head(dest);
        if (head === null || head === jobId) return true;
        const job = await deps.producer.queues.outbound.getJob(head);
        const state = job ? await job.getState() : 'missing';
        if (state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') return false;
        await deps.pacer.done(dest, head);
      }
    },
    /** Where this message stands among its destination's unsent ones (0: next to go). */
    rank: (target: OutboundTarget, jobId: string) => deps.pacer.rank(destinationOf(target), jobId),
    /** Right before sending: 0, or how long to wait so that no window exceeds the limit (counts this send). */
    acquire: (target: OutboundTarget, jobId: string) => deps.pacer.acquire(destinationOf(target), jobId, now()),
    /** The message left the queue (sent, or dead-lettered): the next one of its destination is woken. */
    done,
    /** The message was delivered: recorded as sent (never sent again), then the destination's next one is woken. */
    async sent(target: OutboundTarget, jobId: string): Promise<void> {
      await deps.messages.markSent(jobId, new Date(now()));
      await done(target, jobId);
    },
    /** Dead-lettered (after the dead letter is kept): the recovery sweep leaves it to the operator. */
    dead: (jobId: string) => deps.messages.markDead(jobId),
    /** The stored status of a message ('queued', 'sent', 'dead'; null: never recorded). A lookup by _id. */
    status: (jobId: string) => deps.messages.status(jobId),
    /** The stored status, and the part whose request was leaving when last seen. */
    state: (jobId: string) => deps.messages.state(jobId),
    /** Right before a part's request leaves / when the send ended in an error (see the send job). */
    sending: (jobId: string, part: number) => deps.messages.markSending(jobId, part, new Date(now())),
    notSending: (jobId: string) => deps.messages.markNotSending(jobId),
    /** An operator re-queued a dead-lettered message: the sweep looks after it again. */
    requeued: (jobId: string) => deps.messages.markQueued(jobId, new Date(now() + OUTBOUND_SWEEP_GRACE_MS)),
    /**
     * Records the message (one insert; concurrent sends are written together), then queues its job. The same
     * (cause, index, platform) is one message: recorded once, and a retried producer adds nothing — unless its job
     * was lost before it was sent, which is then queued again.
     */
    async send(cause: string, index: number, target: OutboundTarget, message: OutboundMessage, opts: { notBefore?: number; bulk?: boolean } = {}): Promise<string> {
      const data = sendMessage.data.parse({ cause, index, target, message });
      const jobId = sendMessage.jobId(data);
      let t = Math.max(now(), opts.notBefore ?? 0);
      if (opts.bulk && deps.avoidClockMarks !== false) t = offClockMarks(t, jobId);
      const recorded = await deps.messages.record({ _id: jobId, cause, index, target: data.target, message: data.message, createdAt: new Date(now()), due: new Date(t), sweepAt: new Date(t + OUTBOUND_SWEEP_GRACE_MS) });
      if (recorded === 'duplicate') {
        // recorded before (a retried producer): sent or dead-lettered → nothing to do; queued → its job keeps its
        // slot, or, lost (Redis lost it, or a crash between recording and queuing), is queued again now
        if ((await deps.messages.status(jobId)) !== 'queued') return jobId;
        if (await deps.producer.queues.outbound.getJob(jobId)) return jobId;
      }
      await queue(data, t);
      return jobId;
    },
    /**
     * Queues a recorded message again (the recovery sweep: its job is gone). Its slot is reserved at its original
     * due time, so messages re-queued in the order they were recorded keep their destination's order; a due time in
     * the past sends at once (the send-time window check still keeps the pace).
     */
    async requeue(rec: { cause: string; index: number; target: OutboundTarget; message: OutboundMessage; due: Date }): Promise<void> {
      await queue(sendMessage.data.parse({ cause: rec.cause, index: rec.index, target: rec.target, message: rec.message }), rec.due.getTime());
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;

/**
 * A private message to every admin of the directory, each on the first platform that is configured and knows them;
 * `avoid`: a destination not to use (the one that just failed).
 */
export async function notifyAdmins(
  deps: { outbox: Outbox; directory: Directory; senders: Partial<Record<PlatformId, unknown>> },
  cause: string,
  message: OutboundMessage,
  avoid?: string,
): Promise<number> {
  let index = 0;
  for (const admin of deps.directory.admins().map(toAssignee)) {
    const platform = (['wecom', 'dingtalk'] as const).find(
      (p) => admin[p] && deps.senders[p] && destinationOf({ kind: 'user', platform: p, userId: admin[p]! }) !== avoid,
    );
    if (platform) await deps.outbox.send(cause, index++, { kind: 'user', platform, userId: admin[platform]! }, message);
  }
  return index;
}
