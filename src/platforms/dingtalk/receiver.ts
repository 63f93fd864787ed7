import type { DingtalkConfig } from '../../../config/index.js';
import type { ReceiveResult } from '../../messages/inbound.js';
import { PayloadError } from '../../shared/errors.js';
import { dingtalkCallbackSchema } from './payload.js';
import { verifyDingtalkSignature } from './sign.js';
import { dingtalkToInbound } from './to-inbound.js';

/**
 * DingTalk app robot, HTTP mode: `timestamp` + `sign` headers checked before the body is read; then the body must be
 * a robot message for this app's robot (`robotCode` = DINGTALK_ROBOT_CODE or the app key) with times a date can hold.
 * A sessionWebhook on any host but DINGTALK_OAPI_BASE is dropped, so the answer goes through the open API.
 */
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
      return readDingtalkCallback(json, cfg, opts.botName, now);
    },
  };
}
export type DingtalkReceiver = ReturnType<typeof createDingtalkReceiver>;

/**
 * A robot-message callback's JSON (HTTP mode's body, Stream mode's `data`) → InboundMessage: it must be a robot
 * message for this app's robot (robotCode = DINGTALK_ROBOT_CODE or the app key) with times a date can hold; else a
 * PayloadError.
 */
export function readDingtalkCallback(json: unknown, cfg: Pick<DingtalkConfig, 'robotCode' | 'appKey' | 'oapiBase'>, botName: string, now: Date): ReceiveResult {
  const cb = dingtalkCallbackSchema.safeParse(json);
  if (!cb.success) throw new PayloadError('not a robot message callback');
  // meant for another robot of the app: not ours to answer
  if (cb.data.robotCode !== undefined && cb.data.robotCode !== cfg.robotCode && cb.data.robotCode !== cfg.appKey) {
    throw new PayloadError('robotCode is not this app\'s robot');
  }
  return dingtalkToInbound(cb.data, botName, now, { oapiBase: cfg.oapiBase, robotCode: cfg.robotCode });
}
