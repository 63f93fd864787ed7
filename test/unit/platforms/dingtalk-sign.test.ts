import { describe, expect, it } from 'vitest';
import { dingtalkSign, verifyDingtalkSignature } from '../../../src/platforms/dingtalk/sign.js';

const HOUR = 3600_000;

describe('DingTalk callback signature', () => {
  it('matches the documented recipe (platforms.md check value)', () => {
    expect(dingtalkSign('1577262236757', 'testAppSecret')).toBe('Dc2jA7l8d6QkQ44GaOlQvDzR5W1cS7UBLolNXURn+v4=');
  });

  it('accepts a fresh, correct signature', () => {
    const ts = '1577262236757';
    expect(() =>
      verifyDingtalkSignature({ timestamp: ts, sign: dingtalkSign(ts, 's3cret') }, 's3cret', Number(ts) + 1000, HOUR),
    ).not.toThrow();
  });

  it('rejects a wrong secret, a missing header and a malformed timestamp', () => {
    const ts = '1577262236757';
    const now = Number(ts);
    expect(() => verifyDingtalkSignature({ timestamp: ts, sign: dingtalkSign(ts, 'other') }, 's3cret', now, HOUR)).toThrow(
      expect.objectContaining({ code: 'VERIFY_BAD_SIGNATURE' }),
    );
    expect(() => verifyDingtalkSignature({ timestamp: ts }, 's3cret', now, HOUR)).toThrow(
      expect.objectContaining({ code: 'VERIFY_BAD_SIGNATURE' }),
    );
    expect(() => verifyDingtalkSignature({ timestamp: 'abc', sign: 'x' }, 's3cret', now, HOUR)).toThrow(
      expect.objectContaining({ code: 'VERIFY_BAD_SIGNATURE' }),
    );
  });

  it('rejects a timestamp more than an hour off, either way', () => {
    const ts = '1577262236757';
    const sign = dingtalkSign(ts, 's3cret');
    expect(() => verifyDingtalkSignature({ timestamp: ts, sign }, 's3cret', Number(ts) + HOUR + 1, HOUR)).toThrow(
      expect.objectContaining({ code: 'VERIFY_STALE_TIMESTAMP' }),
    );
    expect(() => verifyDingtalkSignature({ timestamp: ts, sign }, 's3cret', Number(ts) - HOUR - 1, HOUR)).toThrow(
      expect.objectContaining({ code: 'VERIFY_STALE_TIMESTAMP' }),
    );
  });
});
