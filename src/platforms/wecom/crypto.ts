import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { VerificationError } from '../../shared/errors.js';

/**
 * WXBizMsgCrypt (doc 91144 / 101033), strict:
 * - msg_signature = hex(sha1(sort([token, timestamp, nonce, encrypt]).join(''))), compared in constant time
 *   BEFORE anything is decrypted;
 * - AES-256-CBC, key = base64(EncodingAESKey + "="), IV = key[0..16), PKCS#7 padding to 32 bytes checked byte by byte;
 * - plaintext = random(16) | msg_len (uint32 BE) | msg | receiveId, with bounds and receiveId checked.
 * The AI bot (智能机器人) uses receiveId "".
 */
const BLOCK = 32;

export function wecomAesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) {
    throw new Error('EncodingAESKey must be 43 characters of [A-Za-z0-9]');
  }
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey does not decode to 32 bytes');
  return key;
}

export function wecomSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  const joined = [token, timestamp, nonce, encrypt].sort().join('');
  return createHash('sha1').update(joined).digest('hex');
}

export function verifyWecomSignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypt: string,
  msgSignature: string,
): boolean {
  const expected = Buffer.from(wecomSignature(token, timestamp, nonce, encrypt), 'utf8');
  const given = Buffer.from(msgSignature.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface Decrypted {
  message: string;
  receiveId: string;
}

export function wecomDecrypt(key: Buffer, encrypt: string): Decrypted {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypt)) {
    throw new VerificationError('VERIFY_BAD_CIPHERTEXT', 'ciphertext is not base64');
  }
  const data = Buffer.from(encrypt, 'base64');
  if (data.length === 0 || data.length % BLOCK !== 0) {
    throw new VerificationError('VERIFY_BAD_CIPHERTEXT', 'ciphertext length is not a multiple of 32');
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch (cause) {
    throw new VerificationError('VERIFY_BAD_CIPHERTEXT', `AES decryption failed: ${(cause as Error).message}`);
  }
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK || pad > plain.length) {
    throw new VerificationError('VERIFY_BAD_CIPHERTEXT', 'invalid PKCS#7 padding');
  }
  for (let i = plain.length - pad; i < plain.length; i++) {
    if (plain[i] !== pad) throw new VerificationError('VERIFY_BAD_CIPHERTEXT', 'invalid PKCS#7 padding');
  }
  const content = plain.subarray(0, plain.length - pad);
  if (content.length < 20) throw new VerificationError('VERIFY_BAD_CIPHERTEXT', 'plaintext too short');
  const msgLen = content.readUInt32BE(16);
  if (20 + msgLen > content.length) {
    throw new VerificationError('VERIFY_BAD_CIPHERTEXT', 'message length out of bounds');
  }
  const msg = content.subarray(20, 20 + msgLen);
  const receiveId = content.subarray(20 + msgLen);
  return { message: decodeUtf8Strict(msg), receiveId: decodeUtf8Strict(receiveId) };
}

export function wecomEncrypt(key: Buffer, message: string, receiveId: string, random: Buffer = randomBytes(16)): string {
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const body = Buffer.concat([random, len, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = BLOCK - (body.length % BLOCK);
  const padded = Buffer.concat([body, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

export interface WecomCryptoOptions {
  token: string;
  encodingAesKey: string;
  /** "" for the AI bot, the corp id for a self-built application. */
  receiveId: string;
}

/** Verify-then-decrypt, the only entry point receivers use. */
export function createWecomCrypto(opts: WecomCryptoOptions) {
  const key = wecomAesKey(opts.encodingAesKey);
  return {
    open(q: { msgSignature: string; timestamp: string; nonce: string; encrypt: string }): string {
      if (!verifyWecomSignature(opts.token, q.timestamp, q.nonce, q.encrypt, q.msgSignature)) {
        throw new VerificationError('VERIFY_BAD_SIGNATURE', 'msg_signature mismatch');
      }
      const { message, receiveId } = wecomDecrypt(key, q.encrypt);
      if (receiveId !== opts.receiveId) {
        throw new VerificationError('VERIFY_BAD_RECEIVER', 'receiveId mismatch');
      }
      return message;
    },
    seal(message: string, timestamp: string, nonce: string): { encrypt: string; msgSignature: string } {
      const encrypt = wecomEncrypt(key, message, opts.receiveId);
      return { encrypt, msgSignature: wecomSignature(opts.token, timestamp, nonce, encrypt) };
    },
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8Strict(b: Uint8Array): string {
  try {
    return utf8.decode(b);
  } catch {
    throw new VerificationError('VERIFY_BAD_CIPHERTEXT', 'plaintext is not UTF-8');
  }
}
