import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Directory } from '../domain/directory.js';
import type { OutboundTarget } from '../messages/outbound.js';
import type { PlatformId } from '../messages/inbound.js';
import type { Sender } from '../platforms/types.js';
import type { Logger } from '../shared/logger.js';
import type { DeadLetterRepository } from '../store/repositories/dead-letter.repository.js';
import type { NoticeRepository } from '../store/repositories/notice.repository.js';
import { destinationOf, notifyAdmins, type Outbox } from './outbox.js';

export const DEAD_LETTER_METRIC = 'metrics:outbound-dead-letters';

/**
 * A send that failed for good (a permanent error such as 93000, or every attempt used): kept in the dead-letter
 * list, counted, and the admins told once per destination and error.
 */
export async function recordDeadLetter(
  job: Job,
  err: Error,
  deps: {
    deadLetters: DeadLetterRepository;
    redis: Redis;
    prefix: string;
    notices: NoticeRepository;
    directory(): Promise<Directory>;
    outbox: Outbox;
    senders: Partial<Record<PlatformId, Sender>>;
    log: Logger;
  },
): Promise<void> {
  if (job.name !== 'send-message') return;
  const data = job.data as { target: OutboundTarget };
  const cause = (err.cause ?? err) as Error & { code?: string; errcode?: string | number };
  const destination = destinationOf(data.target);
  // let the destination's next messages go
  await deps.outbox.done(data.target, job.id!);
  await deps.deadLetters.record({
    _id: job.id!,
    destination,
    data: job.data as Record<string, unknown>,
    error: { code: cause.code, errcode: cause.errcode, message: cause.message },
    at: new Date(),
  });
  // the durable record: no longer the recovery sweep's to re-queue (after the dead letter is kept, so a crash in
  // between leaves it queued and the sweep queues it again rather than losing it)
  await deps.outbox.dead(job.id!);
  await deps.redis.incr(`${deps.prefix}:${DEAD_LETTER_METRIC}`);
  deps.log.error({ jobId: job.id, destination, errcode: cause.errcode, code: cause.code }, 'send dead-lettered');
  // an interrupted send is told about one by one (each needs checking in its conversation); other errors once per
  // destination and error
  const noticeKey = cause.code === 'OUTBOUND_INTERRUPTED' ? `dead-letter-${job.id}` : `dead-letter-${destination}-${String(cause.errcode ?? cause.code)}`;
  if (!(await deps.notices.claimOnce(noticeKey, new Date()))) return;
  const text =
    cause.code === 'OUTBOUND_INTERRUPTED'
      ? `【发送中断】发往 ${destination} 的一条消息在发送时进程中断，平台是否已收到不明，为免重复未自动重发，已转入死信列表。请到该会话核实，未收到时运行“xiaoer outbound retry ${job.id}”。`
      : `【发送失败】发往 ${destination} 的消息无法送达（${String(cause.errcode ?? cause.code ?? '')} ${cause.message}），已转入死信列表。请检查群机器人或人员配置，处理后运行“xiaoer outbound retry ${job.id}”。`;
  await notifyAdmins({ outbox: deps.outbox, directory: await deps.directory(), senders: deps.senders }, `dead-letter-notice-${job.id}`, { format: 'text', text, mentions: [] }, destination);
}
