import { z } from 'zod';
import { defineJob, idKey, QUEUES } from '../src/queue/define-job.js';
import { AppError } from '../src/shared/errors.js';
import type { JobDeps } from './deps.js';

const platform = z.enum(['wecom', 'dingtalk']);
const userRef = z.object({ platform, id: z.string(), name: z.string().optional() });

export const outboundTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reply'),
    platform,
    chatId: z.string(),
    chatType: z.enum(['group', 'single']),
    replyVia: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('wecom-response-url'), url: z.string() }),
        z.object({ kind: z.literal('dingtalk-session'), url: z.string(), expiresAt: z.number() }),
      ])
      .optional(),
    robotCode: z.string().optional(),
  }),
  z.object({ kind: z.literal('group'), platform, chatId: z.string() }),
  z.object({ kind: z.literal('user'), platform, userId: z.string() }),
]);

/** One outbound message; the id ties it to (the message that caused it, its place among that message's sends). */
export const sendMessage = defineJob({
  name: 'send-message',
  queue: QUEUES.outbound,
  data: z.object({
    /** What caused it: an inbound message id (or a job's key). */
    cause: z.string(),
    index: z.number().int().min(0),
    target: outboundTargetSchema,
    message: z.object({
      format: z.enum(['text', 'markdown', 'table']),
      title: z.string().optional(),
      text: z.string(),
      mentions: z.array(userRef),
    }),
  }),
  jobId: (d) => `out-${d.target.platform}-${idKey(d.cause)}-${d.index}`,
  attempts: 10,
  async process(d, deps: JobDeps, meta) {
    const sender = deps.senders[d.target.platform];
    if (!sender) throw new AppError('PLATFORM_DISABLED', `${d.target.platform} is not configured`);
    // one conversation, one order: only the earliest pending message of the destination goes now; the others wait
    // (no attempt used) and are woken when the one before them leaves (outbox.done); the wait is the fallback
    if (!(await deps.outbox.isTurn(d.target, meta.jobId))) {
      const place = (await deps.outbox.rank(d.target, meta.jobId)) ?? 1;
      throw new AppError('OUTBOUND_NOT_MY_TURN', 'an earlier message is pending', { retryable: true, retryAfterMs: Math.min(500 * Math.max(1, place), 5000) });
    }
    // the pace, at the moment of sending: no window of the destination holds more than the limit, even when
    // messages were held back (a 45009/130101 wait, a failed head) and are all due at once
    const wait = await deps.outbox.acquire(d.target, meta.jobId);
    if (wait > 0) throw new AppError('OUTBOUND_PACED', 'the destination sent its limit in this window', { retryable: true, retryAfterMs: wait });
    let done = meta.progress;
    await sender.send(d.target, d.message, { done, mark: async (n) => meta.setProgress((done = n)) });
    await deps.outbox.done(d.target, meta.jobId);
    return 'sent';
  },
});
