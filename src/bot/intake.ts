import { processInbound } from '../../jobs/process-inbound.job.js';
import type { ReceiveResult } from '../messages/inbound.js';
import type { Producer } from '../queue/producer.js';
import type { Logger } from '../shared/logger.js';
import type { InboundRepository } from '../store/repositories/inbound.repository.js';

export type IntakeOutcome = 'accepted' | 'duplicate' | 'ignored';

/**
 * The acknowledgement path, and nothing more: store the raw message under its unique (platform, message id),
 * enqueue its processing, answer. No parsing, LLM or outbound call here.
 */
export function createIntake(deps: { inbound: InboundRepository; producer: Producer; log: Logger }) {
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
        await deps.producer.enqueue(processInbound, { platform: message.platform, eventId: message.eventId });
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

/** Enqueues stored messages that were never processed (crash, lost Redis data, failed jobs). */
export async function recoverUnprocessed(
  deps: { inbound: InboundRepository; producer: Producer; log: Logger },
  before: Date,
): Promise<number> {
  let n = 0;
  for (const key of await deps.inbound.listUnprocessed(before)) {
    const r = await deps.producer.ensure(processInbound, { platform: key.platform as 'wecom' | 'dingtalk', eventId: key.eventId });
    if (r !== 'present') {
      n++;
      deps.log.warn({ platform: key.platform, eventId: key.eventId, action: r }, 'recovered an unprocessed message');
    }
  }
  return n;
}
