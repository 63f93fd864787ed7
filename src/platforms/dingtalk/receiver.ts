import type { DingtalkConfig } from '../../../config/index.js';
import type { ReceiveResult } from '../../messages/inbound.js';
import { PayloadError } from '../../shared/errors.js';
import { dingtalkCallbackSchema } from './payload.js';
import { verifyDingtalkSignature } from './sign.js';
import { dingtalkToInbound } from './to-inbound.js';

/** DingTalk app robot, HTTP mode: `timestamp` + `sign` headers checked before the body is read. */
export function createDingtalkReceiver(cfg: DingtalkConfig, opts: { botName: string; windowSec: number }) {
  return {
    receive(headers: { timestamp?: string; sign?: string }, body: Buffer, now: Date): ReceiveResult {
      verifyDingtalkSignature(headers, cfg.appSecret, now.getTime(), opts.windowSec * 1000);
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch (cause) {
        throw new PayloadError('body is not JSON', cause);
      }
      const cb = dingtalkCallbackSchema.safeParse(json);
      if (!cb.success) throw new PayloadError('not a robot message callback');
      return dingtalkToInbound(cb.data, opts.botName, now);
    },
  };
}
export type DingtalkReceiver = ReturnType<typeof createDingtalkReceiver>;
