import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dingtalkSigningUrl } from '../../src/platforms/dingtalk/jsapi.js';
import { jsSdkSignature, signingUrl } from '../../src/platforms/wecom/jssdk.js';
import { wecomAuthorizeUrl } from '../../src/platforms/wecom/oauth.js';
import { OAuthCodeError } from '../../src/shared/errors.js';
import { sharedPath } from '../helpers/shared.js';

const vector = (
  JSON.parse(readFileSync(sharedPath('test-vectors/wecom-crypto.json'), 'utf8')) as {
    jssdk_signature: { jsapi_ticket: string; noncestr: string; timestamp: string; url: string; expected_signature: string };
  }
).jssdk_signature;

describe('JS-SDK signature', () => {
  it('matches the official vector (WeCom doc 96909)', () => {
    const sig = jsSdkSignature({ ticket: vector.jsapi_ticket, nonceStr: vector.noncestr, timestamp: vector.timestamp, url: vector.url });
    expect(sig).toBe(vector.expected_signature);
    expect(jsSdkSignature({ ticket: vector.jsapi_ticket, nonceStr: vector.noncestr, timestamp: Number(vector.timestamp), url: vector.url })).toBe(
      vector.expected_signature,
    );
  });

  it('signs the URL without its fragment', () => {
    const p = { ticket: vector.jsapi_ticket, nonceStr: vector.noncestr, timestamp: vector.timestamp };
    expect(jsSdkSignature({ ...p, url: `${vector.url}#/tickets/GD-1?x=1` })).toBe(vector.expected_signature);
    expect(jsSdkSignature({ ...p, url: `${vector.url}#` })).toBe(vector.expected_signature);
    expect(signingUrl('https://x.example/h5/?a=1#/todo')).toBe('https://x.example/h5/?a=1');
    expect(signingUrl('https://x.example/h5/')).toBe('https://x.example/h5/');
  });

  it('does not URL-encode anything, and the order is fixed', () => {
    const p = { ticket: 't', nonceStr: 'n', timestamp: 1, url: 'https://x.example/h5/?q=你好&a=b c' };
    const plain = 'jsapi_ticket=t&noncestr=n&timestamp=1&url=https://x.example/h5/?q=你好&a=b c';
    expect(jsSdkSignature(p)).toBe(createHash('sha1').update(plain, 'utf8').digest('hex'));
    expect(jsSdkSignature({ ...p, url: 'https://x.example/h5/?q=%E4%BD%A0%E5%A5%BD' })).not.toBe(jsSdkSignature(p));
  });

  it('DingTalk signs the query decoded, without the fragment', () => {
    expect(dingtalkSigningUrl('https://x.example/h5/?q=%E4%BD%A0%E5%A5%BD&next=%2Ftodo#/a')).toBe('https://x.example/h5/?q=你好&next=/todo');
    expect(dingtalkSigningUrl('https://x.example/h5/#/a')).toBe('https://x.example/h5/');
    expect(dingtalkSigningUrl('https://x.example/h5/?bad=%E4%')).toBe('https://x.example/h5/?bad=%E4%');
  });
});

describe('WeCom OAuth2 authorize URL', () => {
  it('has the documented shape, the redirect encoded', () => {
    expect(wecomAuthorizeUrl({ corpId: 'wwcorp', agentId: 1000002, redirectUri: 'https://bot.example/h5/auth/wecom?next=/todo', state: 'abc123' })).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wwcorp&redirect_uri=https%3A%2F%2Fbot.example%2Fh5%2Fauth%2Fwecom%3Fnext%3D%2Ftodo' +
        '&response_type=code&scope=snsapi_base&state=abc123&agentid=1000002#wechat_redirect',
    );
    expect(wecomAuthorizeUrl({ corpId: 'ww', agentId: '1', redirectUri: 'https://b/', state: 's', oauthBase: 'http://127.0.0.1:9' })).toMatch(
      /^http:\/\/127\.0\.0\.1:9\/connect\/oauth2\/authorize\?appid=ww&/,
    );
  });

  it('refuses a state WeCom would not carry back', () => {
    expect(() => wecomAuthorizeUrl({ corpId: 'ww', agentId: 1, redirectUri: 'https://b/', state: 'a&b' })).toThrow();
    expect(() => wecomAuthorizeUrl({ corpId: 'ww', agentId: 1, redirectUri: 'https://b/', state: 'a'.repeat(129) })).toThrow();
  });

  it('OAuthCodeError speaks to the person', () => {
    const e = new OAuthCodeError('wecom', 'invalid-code', 40029);
    expect(e.message).toBe('登录凭证无效或已过期，请从企业微信重新打开工作台。');
    expect(e).toMatchObject({ code: 'OAUTH_CODE_INVALID', expose: true, errcode: 40029, name: 'OAuthCodeError' });
  });
});
