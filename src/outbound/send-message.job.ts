import { z } from 'zod';
import type { OutboundTarget } from '../messages/outbound.js';
import type { PlatformId } from '../messages/inbound.js';
import type { Sender } from '../platforms/types.js';
import { defineJob, idKey, QUEUES } from '../queue/define-job.js';
import { AppError, PlatformApiError, PlatformNetworkError } from '../shared/errors.js';
import { outboundSends } from '../shared/metrics.js';
import type { OutboundStatus } from '../store/models/outbound-message.model.js';

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
        z.object({ kind: z.literal('wecom-ws'), reqId: z.string() }),
        z.object({ kind: z.literal('wecom-card'), reqId: z.string(), taskId: z.string() }),
        z.object({ kind: z.literal('wecom-card-callback'), eventId: z.string(), taskId: z.string(), url: z.string().optional() }),
        z.object({ kind: z.literal('dingtalk-session'), url: z.string(), expiresAt: z.number() }),
      ])
      .optional(),
    robotCode: z.string().optional(),
  }),
  z.object({ kind: z.literal('group'), platform, chatId: z.string() }),
  z.object({ kind: z.literal('user'), platform, userId: z.string() }),
]);

/**
 * What the send job uses: the outbox's bookkeeping (outbox.ts implements it; declared here, not imported, so the
 * outbox can name this job without a cycle) and the senders.
 */
export interface SendMessageDeps {
  outbox: {
    isTurn(target: OutboundTarget, jobId: string): Promise<boolean>;
    rank(target: OutboundTarget, jobId: string): Promise<number | null>;
    acquire(target: OutboundTarget, jobId: string): Promise<number>;
    done(target: OutboundTarget, jobId: string): Promise<void>;
    sent(target: OutboundTarget, jobId: string): Promise<void>;
    state(jobId: string): Promise<{ status: OutboundStatus; sendingPart: number | null } | null>;
    sending(jobId: string, part: number): Promise<void>;
    notSending(jobId: string): Promise<void>;
    requeued(jobId: string): Promise<void>;
  };
  senders: Partial<Record<PlatformId, Sender>>;
}

/** Job progress of a message that went out whole (not in marked parts): a retry only records it as sent. */
export const DELIVERED = 1_000_000;

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
      actions: z.array(z.object({ label: z.string(), command: z.string() })).max(6).optional(),
      status: z.string().optional(),
    }),
  }),
  jobId: (d) => `out-${d.target.platform}-${idKey(d.cause)}-${d.index}`,
  attempts: 10,
  async process(d, deps: SendMessageDeps, meta) {
    const sender = deps.senders[d.target.platform];
    if (!sender) throw new AppError('PLATFORM_DISABLED', `${d.target.platform} is not configured`);
    // one conversation, one order: only the earliest pending message of the destination goes now; the others wait
    // (no attempt used) and are woken when the one before them leaves (outbox.done); the wait is the fallback
    if (!(await deps.outbox.isTurn(d.target, meta.jobId))) {
      const place = (await deps.outbox.rank(d.target, meta.jobId)) ?? 1;
      throw new AppError('OUTBOUND_NOT_MY_TURN', 'an earlier message is pending', { retryable: true, retryAfterMs: Math.min(500 * Math.max(1, place), 5000) });
    }
    // the durable record (outbound_messages, by _id): a message recorded as sent is never sent again (a job queued
    // again after Redis lost it, a retried producer); one re-queued by an operator after it was dead-lettered is
    // looked after by the recovery sweep again. No record: queued before records existed, or expired — it goes.
    const state = await deps.outbox.state(meta.jobId);
    if (state?.status === 'sent') {
      await deps.outbox.done(d.target, meta.jobId);
      return 'already sent';
    }
    if (state?.status === 'dead') await deps.outbox.requeued(meta.jobId);
    // an earlier attempt's process died while its request was in flight: the platform may have shown it (a DingTalk
    // sessionWebhook or an app message has no idempotency key), so it is not sent again blindly — it goes to the
    // dead-letter list and the admins are told, to check the conversation and retry it (`xiaoer outbound retry`).
    // A duplicate answer in a government group is the failure the sender can avoid; a request that never left is the
    // rare case, and it is reported, not silent.
    if (state && state.sendingPart !== null && meta.progress < DELIVERED && state.sendingPart >= meta.progress) {
      throw new AppError('OUTBOUND_INTERRUPTED', '发送过程中进程中断，平台是否已收到不明，未自动重发', { retryable: false });
    }
    // the pace, at the moment of sending: no window of the destination holds more than the limit, even when
    // messages were held back (a 45009/130101 wait, a failed head) and are all due at once
    const wait = await deps.outbox.acquire(d.target, meta.jobId);
    if (wait > 0) throw new AppError('OUTBOUND_PACED', 'the destination sent its limit in this window', { retryable: true, retryAfterMs: wait });
    // parts already sent (a retry after an error or a crash mid-message) are recorded in the job and skipped; a
    // message that went as a whole (no parts marked: a single-use WeCom response_url) is marked DELIVERED
    if (meta.progress < DELIVERED) {
      const before = meta.progress;
      let done = before;
      // a progress write that fails (Redis lost the job's key) does not stop the message: the store records it below
      const mark = async (n: number) => {
        done = n;
        await meta.setProgress(n).catch(() => undefined);
      };
      // the in-flight record goes out together with the request, not before it: awaiting it first would open a window
      // (the store's round trip) in which a process that dies leaves a record for a request that never left. The
      // records are chained (in part order) and awaited before anything else is written about this message.
      let recording: Promise<void> = Promise.resolve();
      const sending = async (part: number) => {
        recording = recording.then(() => deps.outbox.sending(meta.jobId, part)).catch(() => undefined);
      };
      try {
        await sender.send(d.target, d.message, { done, mark, sending });
        outboundSends.inc({ platform: d.target.platform, result: 'sent', errcode: '' });
      } catch (err) {
        countFailedSend(d.target.platform, err);
        // the platform answered (an error, a rate limit), or the request failed: nothing is in flight any more
        await recording;
        await deps.outbox.notSending(meta.jobId).catch(() => undefined);
        throw err;
      }
      await recording;
      if (done === before) await mark(DELIVERED);
    }
    // recorded as sent (then the destination's next message is woken); should this write fail (the store is down),
    // the retry finds the message marked delivered in the job and only records it
    await deps.outbox.sent(d.target, meta.jobId);
    return 'sent';
  },
});

/** xiaoer_outbound_sends_total for a send that did not go: the platform's errcode, a rate limit, no answer. */
function countFailedSend(platform: PlatformId, err: unknown): void {
  if (err instanceof PlatformApiError) {
    const result = err.retryAfterMs ? 'rate_limited' : 'error';
    outboundSends.inc({ platform, result, errcode: String(err.errcode) });
  } else if (err instanceof PlatformNetworkError) {
    outboundSends.inc({ platform, result: 'network', errcode: '' });
  } else {
    outboundSends.inc({ platform, result: 'error', errcode: err instanceof AppError ? err.code : '' });
  }
}
