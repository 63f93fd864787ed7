import { z } from 'zod';
import { defineJob, idKey, QUEUES } from '../src/queue/define-job.js';
import { AppError } from '../src/shared/errors.js';
import type { JobDeps } from './deps.js';

/**
 * Processes one stored message exactly once: a processed message is skipped, and every step inside the bot is
 * idempotent, so a retry after a crash finishes the work without doubling it.
 */
export const processInbound = defineJob({
  name: 'process-inbound',
  queue: QUEUES.inbound,
  data: z.object({ platform: z.enum(['wecom', 'dingtalk']), eventId: z.string().min(1) }),
  jobId: (d) => `inbound-${d.platform}-${idKey(d.platform, d.eventId)}`,
  async process(d, deps: JobDeps) {
    const stored = await deps.inbound.get(d.platform, d.eventId);
    if (!stored) throw new AppError('INBOUND_NOT_FOUND', `no stored message ${d.platform}/${d.eventId}`);
    if (stored.status === 'processed') return `already processed: ${stored.outcome ?? ''}`;
    await deps.inbound.touch(d.platform, d.eventId);
    const outcome = await deps.bot.handle(stored.message);
    await deps.inbound.markProcessed(d.platform, d.eventId, outcome, deps.now());
    return outcome;
  },
});
