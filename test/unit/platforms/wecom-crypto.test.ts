import { createCipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createWecomCrypto,
  verifyWecomSignature,
  wecomAesKey,
  wecomDecrypt,
  wecomEncrypt,
  wecomSignature,
} from '../../../src/platforms/wecom/crypto.js';
import { VerificationError } from '../../../src/shared/errors.js';
import { sharedPath } from '../../helpers/shared.js';

interface Case {
  name: string;
  set: 'A' | 'B';
  msg_signature: string;
  timestamp: string;
  nonce: string;
  encrypt: string;
  echostr_urlencoded?: string;
  expected_plaintext?: string;
}
const vectors = JSON.parse(readFileSync(sharedPath('test-vectors/wecom-crypto.json'), 'utf8')) as {
  sets: Record<'A' | 'B', { token: string; encodingAESKey: string; receiveId: string }>;
  cases: Case[];
};
const positive = vectors.cases.filter((c) => c.expected_plaintext !== undefined);

describe('WXBizMsgCrypt: official vectors', () => {
  it('has the vectors', () => {
    expect(positive.length).toBeGreaterThanOrEqual(5);
  });

  for (const c of positive) {
    it(`${c.name}: signature verifies and decrypts to the expected plaintext`, () => {
      const set = vectors.sets[c.set];
      expect(wecomSignature(set.token, c.timestamp, c.nonce, c.encrypt)).toBe(c.msg_signature);
      const crypto = createWecomCrypto({ token: set.token, encodingAesKey: set.encodingAESKey, receiveId: set.receiveId });
      const plain = crypto.open({ msgSignature: c.msg_signature, timestamp: c.timestamp, nonce: c.nonce, encrypt: c.encrypt });
      expect(plain).toBe(c.expected_plaintext);
    });
  }

  it('A1: the URL-encoded echostr decodes to the signed value', () => {
    const a1 = vectors.cases.find((c) => c.name.startsWith('A1'))!;
    expect(decodeURIComponent(a1.echostr_urlencoded!)).toBe(a1.encrypt);
  });

  it('A3: a big-int MsgId survives when the plaintext is kept as text', () => {
    const a3 = vectors.cases.find((c) => c.name.startsWith('A3'))!;
    expect(a3.expected_plaintext).toContain('4561255354251345929');
  });

  it('B3: decrypts (right receiveId) into JSON that does not parse', () => {
    const b3 = vectors.cases.find((c) => c.name.startsWith('B3'))!;
    const set = vectors.sets.B;
    const crypto = createWecomCrypto({ token: set.token, encodingAesKey: set.encodingAESKey, receiveId: set.receiveId });
    const plain = crypto.open({ msgSignature: b3.msg_signature, timestamp: b3.timestamp, nonce: b3.nonce, encrypt: b3.encrypt });
    expect(() => JSON.parse(plain)).toThrow(SyntaxError);
  });
});

describe('WXBizMsgCrypt: negative cases are rejected, never decrypted into garbage', () => {
  const A = vectors.sets.A;
  const B = vectors.sets.B;
  const a1 = vectors.cases.find((c) => c.name.startsWith('A1'))!;

  it('A1 signed with token B: signature passes with token B, decryption with key B is refused', () => {
    const neg = vectors.cases.find((c) => c.name.startsWith('Negative'))!;
    expect(verifyWecomSignature(B.token, neg.timestamp, neg.nonce, neg.encrypt, neg.msg_signature)).toBe(true);
    const crypto = createWecomCrypto({ token: B.token, encodingAesKey: B.encodingAESKey, receiveId: B.receiveId });
    expect(() =>
      crypto.open({ msgSignature: neg.msg_signature, timestamp: neg.timestamp, nonce: neg.nonce, encrypt: neg.encrypt }),
    ).toThrow(VerificationError);
    // and the raw decrypt alone also refuses (strict padding / length checks)
    expect(() => wecomDecrypt(wecomAesKey(B.encodingAESKey), neg.encrypt)).toThrow(VerificationError);
  });

  it('a vector checked against the wrong token fails the signature before any decryption', () => {
    const crypto = createWecomCrypto({ token: B.token, encodingAesKey: A.encodingAESKey, receiveId: A.receiveId });
    expect(() =>
      crypto.open({ msgSignature: a1.msg_signature, timestamp: a1.timestamp, nonce: a1.nonce, encrypt: a1.encrypt }),
    ).toThrow(expect.objectContaining({ code: 'VERIFY_BAD_SIGNATURE' }));
  });

  it('a tampered timestamp or nonce fails the signature', () => {
    expect(verifyWecomSignature(A.token, '1409659590', a1.nonce, a1.encrypt, a1.msg_signature)).toBe(false);
    expect(verifyWecomSignature(A.token, a1.timestamp, '263014781', a1.encrypt, a1.msg_signature)).toBe(false);
    expect(verifyWecomSignature(A.token, a1.timestamp, a1.nonce, a1.encrypt, a1.msg_signature.slice(0, 39))).toBe(false);
  });

  it('the right receiveId is required: the AI bot expects ""', () => {
    const crypto = createWecomCrypto({ token: A.token, encodingAesKey: A.encodingAESKey, receiveId: '' });
    expect(() =>
      crypto.open({ msgSignature: a1.msg_signature, timestamp: a1.timestamp, nonce: a1.nonce, encrypt: a1.encrypt }),
    ).toThrow(expect.objectContaining({ code: 'VERIFY_BAD_RECEIVER' }));
  });

  it('rejects non-base64, empty and non-block-sized ciphertexts', () => {
    const key = wecomAesKey(A.encodingAESKey);
    expect(() => wecomDecrypt(key, 'not base64!')).toThrow(VerificationError);
    expect(() => wecomDecrypt(key, '')).toThrow(VerificationError);
    expect(() => wecomDecrypt(key, Buffer.alloc(48).toString('base64'))).toThrow(VerificationError);
  });

  it('rejects bad padding and out-of-bounds lengths even when AES succeeds', () => {
    const key = wecomAesKey(A.encodingAESKey);
    const enc = (plain: Buffer) => {
      const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
      c.setAutoPadding(false);
      return Buffer.concat([c.update(plain), c.final()]).toString('base64');
    };
    const badPad = Buffer.alloc(32, 0); // last byte 0: invalid PKCS#7
    expect(() => wecomDecrypt(key, enc(badPad))).toThrow(/padding/);
    const mixedPad = Buffer.alloc(32, 3);
    mixedPad[30] = 4; // last byte says 3, but not all three match
    expect(() => wecomDecrypt(key, enc(mixedPad))).toThrow(/padding/);
    const hugeLen = Buffer.alloc(32, 1);
    hugeLen.writeUInt32BE(0xffff, 16);
    expect(() => wecomDecrypt(key, enc(hugeLen))).toThrow(/length/);
  });

  it('round-trips with the empty receiveId of the AI bot', () => {
    const crypto = createWecomCrypto({ token: 'tok', encodingAesKey: A.encodingAESKey, receiveId: '' });
    const msg = JSON.stringify({ msgid: 'x', text: { content: '@店小二 你好' } });
    const sealed = crypto.seal(msg, '1700000000', 'n1');
    expect(crypto.open({ ...sealed, timestamp: '1700000000', nonce: 'n1' })).toBe(msg);
    expect(wecomEncrypt(wecomAesKey(A.encodingAESKey), 'hi', '').length % 4).toBe(0);
  });

  it('rejects a malformed EncodingAESKey', () => {
    expect(() => wecomAesKey('short')).toThrow();
  });
});
