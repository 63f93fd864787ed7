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
  if (!(await deps.notices.claimOnce(`dead-letter-${destination}-${String(cause.errcode ?? cause.code)}`, new Date()))) return;
  const text = `【发送失败】发往 ${destination} 的消息无法送达（${String(cause.errcode ?? cause.code ?? '')} ${cause.message}），已转入死信列表。请检查群机器人或人员配置，处理后运行“xiaoer outbound retry ${job.id}”。`;
  await notifyAdmins({ outbox: deps.outbox, directory: await deps.directory(), senders: deps.senders }, `dead-letter-notice-${job.id}`, { format: 'text', text, mentions: [] }, destination);
}
