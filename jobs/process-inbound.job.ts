import { z } from 'zod';
import { notifyAdmins } from '../src/outbound/outbox.js';
import { defineJob, idKey, QUEUES } from '../src/queue/define-job.js';
import { AppError } from '../src/shared/errors.js';
import type { Services } from './services.js';

/** Failed handlings after which a message is parked (status `failed`), unless `inboundMaxAttempts` says otherwise. */
export const INBOUND_MAX_ATTEMPTS = 5;
/**
 * How long a message that is not its conversation's turn waits before it looks again (no attempt used), per place
 * in line, at most TURN_WAIT_MAX_MS: a finishing head wakes its successor at once (`finish`), this is the fallback.
 */
export const TURN_WAIT_MS = 1000;
export const TURN_WAIT_MAX_MS = 10_000;

/** Contention, not a fault of the message: a ticket busy with another change. */
const CONTENTION = new Set(['LOCK_TIMEOUT', 'LOCK_LOST', 'TICKET_CONFLICT']);

/**
 * Errors of the infrastructure (store or Redis unreachable) or of contention: they say nothing about the message,
 * so they are retried without counting towards parking.
 */
export function isInfrastructureError(err: unknown): boolean {
  const e = err as { name?: string; code?: string; message?: string } | null;
  if (!e) return false;
  if (err instanceof AppError && CONTENTION.has(err.code)) return true;
  if (/^Mongo(Network|ServerSelection|NotConnected|TopologyClosed|PoolCleared)/.test(e.name ?? '')) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(e.code ?? '')) return true;
  return /Connection is closed|Stream isn't writeable|client is closed/i.test(e.message ?? '');
}

/** What processing an inbound message uses. */
export type ProcessInboundDeps = Pick<
  Services,
  'inbound' | 'bot' | 'producer' | 'outbox' | 'directory' | 'senders' | 'calendar' | 'now' | 'log' | 'inboundMaxAttempts'
>;

const data = z.object({ platform: z.enum(['wecom', 'dingtalk']), eventId: z.string().min(1) });

/**
 * Processes one stored message exactly once and in its conversation's order:
 * - order: the intake put the message in its conversation's line (src/queue/chat-order.ts, scored by arrival);
 *   only the line's head is processed, the others wait (re-delayed, no attempt used) until it is processed or
 *   parked. A head whose job Redis lost is queued again from here.
 * - once: a processed message is skipped, and every step inside the bot is idempotent, so a retry after a crash
 *   finishes the work without doubling it.
 * - bounded: a handling that fails is counted in the store with its error; after `inboundMaxAttempts` failures (or
 *   three times as many starts that never finished: a crash) the message is parked — status `failed`, reason kept,
 *   the admins told once a day per conversation — and the line moves on. Store or Redis outages are not counted.
 */
export const processInbound = defineJob({
  name: 'process-inbound',
  queue: QUEUES.inbound,
  data,
  jobId: (d) => `inbound-${d.platform}-${idKey(d.platform, d.eventId)}`,
  // the store's count decides when to park; these cover store outages on top
  attempts: 14,
  backoffMs: 1000,
  async process(d, deps: ProcessInboundDeps) {
    const order = deps.producer.chatOrder;
    const stored = await deps.inbound.get(d.platform, d.eventId);
    // acknowledged means stored; a read that misses it (the store just restarted) is tried again with backoff, and the
    // recovery sweep is the backstop should the attempts run out
    if (!stored) throw new AppError('INBOUND_NOT_FOUND', `no stored message ${d.platform}/${d.eventId}`, { retryable: true });
    const chatId = stored.message.chatId;
    if (stored.status !== 'received') {
      await finish(d.platform, chatId, d.eventId, deps);
      return `already ${stored.status}: ${stored.outcome ?? ''}`;
    }
    // in line (again, should Redis have lost the line), then wait for the earlier ones
    await order.add(d.platform, chatId, d.eventId, stored.receivedAt.getTime());
    if (!(await isTurn(d.platform, chatId, d.eventId, deps))) {
      const place = (await order.rank(d.platform, chatId, d.eventId)) ?? 1;
      const retryAfterMs = Math.min(TURN_WAIT_MS * Math.max(1, place), TURN_WAIT_MAX_MS);
      throw new AppError('INBOUND_NOT_MY_TURN', 'an earlier message of this conversation is not processed yet', { retryable: true, retryAfterMs });
    }

    const max = deps.inboundMaxAttempts ?? INBOUND_MAX_ATTEMPTS;
    const starts = await deps.inbound.countStart(d.platform, d.eventId);
    if (stored.failures >= max || starts > 3 * max) {
      return park(d, chatId, stored.lastError ?? `processing started ${starts - 1} times and never finished`, deps);
    }
    let outcome: string;
    try {
      outcome = await deps.bot.handle(stored.message);
    } catch (err) {
      if (isInfrastructureError(err)) throw err;
      const reason = `${(err as AppError).code ?? (err as Error).name}: ${(err as Error).message}`;
      const failures = await deps.inbound.recordFailure(d.platform, d.eventId, reason);
      if (failures >= max) return park(d, chatId, reason, deps);
      throw err;
    }
    await deps.inbound.markProcessed(d.platform, d.eventId, outcome, deps.now());
    await finish(d.platform, chatId, d.eventId, deps);
    return outcome;
  },
});

/** Whether the message heads its conversation's line; a head that is finished, or whose job is gone, is dealt with. */
async function isTurn(platform: 'wecom' | 'dingtalk', chatId: string, eventId: string, deps: ProcessInboundDeps): Promise<boolean> {
  const order = deps.producer.chatOrder;
  for (;;) {
    const head = await order.head(platform, chatId);
    if (head === null || head === eventId) return true;
    const h = await deps.inbound.get(platform, head);
    if (!h || h.status !== 'received') {
      await order.done(platform, chatId, head);
      continue;
    }
    // still to do: make sure it has a job (Redis may have lost it, or its attempts ran out during an outage)
    await deps.producer.enqueueIfLost(processInbound, { platform, eventId: head });
    return false;
  }
}

/** Leaves the line and wakes the next message of the conversation (its job may be waiting for its turn). */
async function finish(platform: 'wecom' | 'dingtalk', chatId: string, eventId: string, deps: ProcessInboundDeps): Promise<void> {
  const next = await deps.producer.chatOrder.done(platform, chatId, eventId);
  if (!next) return;
  const job = await deps.producer.queues.inbound.getJob(processInbound.jobId({ platform, eventId: next }));
  // not delayed (running, or just about to wait): it looks again after its wait
  if (job && (await job.isDelayed())) await job.promote().catch(() => undefined);
}

async function park(d: z.infer<typeof data>, chatId: string, reason: string, deps: ProcessInboundDeps): Promise<string> {
  const now = deps.now();
  deps.log.error({ platform: d.platform, eventId: d.eventId, chatId, reason }, 'message parked after repeated failures');
  // told before the status changes (a crash in between tells again, under the same id: once)
  const day = deps.calendar.localDate(now);
  const text = `【消息处理失败】会话 ${d.platform}:${chatId} 中的一条消息（${d.eventId}）多次处理失败，已搁置，不再重试；该会话的后续消息照常处理。原因：${reason.slice(0, 300)}。今日此会话再有搁置的消息不再逐条提醒。`;
  await notifyAdmins({ outbox: deps.outbox, directory: await deps.directory(), senders: deps.senders }, `inbound-parked-${idKey(d.platform, chatId, day)}`, { format: 'text', text, mentions: [] });
  await deps.inbound.markFailed(d.platform, d.eventId, reason, now);
  await finish(d.platform, chatId, d.eventId, deps);
  return `parked: ${reason}`;
}
