import { createHmac, timingSafeEqual } from 'node:crypto';
import { VerificationError } from '../../shared/errors.js';

/** DingTalk robot callback signature: base64(HmacSHA256(key = appSecret, timestamp + "\n" + appSecret)). */
export function dingtalkSign(timestampMs: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(`${timestampMs}\n${appSecret}`).digest('base64');
}

/**
 * Checks the `timestamp` (ms) and `sign` headers. The sign covers only the timestamp, so replays inside the
 * window are stopped by message-id dedupe, not here.
 */
export function verifyDingtalkSignature(
  headers: { timestamp?: string; sign?: string },
  appSecret: string,
  nowMs: number,
  windowMs: number,
): void {
  const { timestamp, sign } = headers;
  if (!timestamp || !sign || !/^\d{10,16}$/.test(timestamp)) {
    throw new VerificationError('VERIFY_BAD_SIGNATURE', 'missing timestamp or sign header');
  }
  if (Math.abs(nowMs - Number(timestamp)) > windowMs) {
    throw new VerificationError('VERIFY_STALE_TIMESTAMP', 'timestamp outside the accepted window');
  }
  const expected = Buffer.from(dingtalkSign(timestamp, appSecret), 'utf8');
  const given = Buffer.from(sign, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new VerificationError('VERIFY_BAD_SIGNATURE', 'sign mismatch');
  }
}
