import { randomInt } from 'node:crypto';
import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import type { WecomConfig } from '../../../config/index.js';
import type { ReceiveResult } from '../../messages/inbound.js';
import { PayloadError, VerificationError } from '../../shared/errors.js';
import { createWecomCrypto } from './crypto.js';
import { wecomCallbackSchema, wecomEnvelopeSchema } from './payload.js';
import { wecomToInbound } from './to-inbound.js';

export interface WecomQuery {
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

/** Big integers (MsgId > 2^53) stay strings instead of being rounded. */
export function parseJsonSafe(text: string): unknown {
  return parseLossless(text, null, (value: string) => (isSafeNumber(value) ? Number(value) : value));
}

/** WeCom AI bot (智能机器人), URL mode: handshake and message callbacks, verified before anything is read. */
export function createWecomReceiver(cfg: Required<Pick<WecomConfig, 'botToken' | 'botAesKey'>>, opts: { botName: string; windowSec: number }) {
  const crypto = createWecomCrypto({ token: cfg.botToken, encodingAesKey: cfg.botAesKey, receiveId: '' });

  function params(q: WecomQuery, now: Date) {
    const { msg_signature: msgSignature, timestamp, nonce } = q;
    if (!msgSignature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) {
      throw new VerificationError('VERIFY_BAD_SIGNATURE', 'missing msg_signature, timestamp or nonce');
    }
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > opts.windowSec) {
      throw new VerificationError('VERIFY_STALE_TIMESTAMP', 'timestamp outside the accepted window');
    }
    return { msgSignature, timestamp, nonce };
  }

  return {
    /** GET: returns the decrypted echostr, to be answered verbatim. */
    verifyUrl(q: WecomQuery, now: Date): string {
      const p = params(q, now);
      if (!q.echostr) throw new VerificationError('VERIFY_BAD_SIGNATURE', 'missing echostr');
      // a '+' decoded as a space by a form-style decoder would break the signature
      return crypto.open({ ...p, encrypt: q.echostr.replace(/ /g, '+') });
    },

    receive(q: WecomQuery, body: Buffer, now: Date): ReceiveResult {
      const p = params(q, now);
      let envelope: unknown;
      try {
        envelope = JSON.parse(body.toString('utf8'));
      } catch (cause) {
        throw new PayloadError('body is not JSON', cause);
      }
      const env = wecomEnvelopeSchema.safeParse(envelope);
      if (!env.success) throw new PayloadError('body has no encrypt field');
      const plain = crypto.open({ ...p, encrypt: env.data.encrypt });
      let decoded: unknown;
      try {
        decoded = parseJsonSafe(plain);
      } catch (cause) {
        throw new PayloadError('decrypted callback is not JSON', cause);
      }
      const cb = wecomCallbackSchema.safeParse(decoded);
      if (!cb.success) {
        // authentic, but not a message callback we understand (events without msgid and the like)
        return { kind: 'ignored', reason: 'unrecognised callback shape' };
      }
      return wecomToInbound(cb.data, opts.botName, now);
    },

    /**
     * A passive reply (doc 101031, e.g. a card's update): the JSON encrypted and signed as WeCom expects the answer
     * body of a callback, `{encrypt, msgsignature, timestamp, nonce}`.
     */
    seal(reply: object, now: Date): { encrypt: string; msgsignature: string; timestamp: string; nonce: string } {
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const nonce = String(randomInt(1e9, 1e10));
      const { encrypt, msgSignature } = crypto.seal(JSON.stringify(reply), timestamp, nonce);
      return { encrypt, msgsignature: msgSignature, timestamp, nonce };
    },
  };
}
export type WecomReceiver = ReturnType<typeof createWecomReceiver>;
