import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCache } from '../../src/outbound/token-cache.js';
import { createDingtalkAccessToken, createDingtalkJsapi, dingtalkUserIdFromAuthCode } from '../../src/platforms/dingtalk/jsapi.js';
import { createWecomAccessToken, createWecomJsSdk, jsSdkSignature } from '../../src/platforms/wecom/jssdk.js';
import { wecomUserIdFromCode } from '../../src/platforms/wecom/oauth.js';
import { createLocker } from '../../src/queue/lock.js';
import { OAuthCodeError, PlatformApiError } from '../../src/shared/errors.js';
import { testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { FAKE_TICKETS, startFakePlatforms, type FakePlatforms, type Recorded } from '../helpers/fake-platforms.js';

const CORP = 'wwcorp';
const AGENT = 1000002;
const PAGE = 'https://bot.example/h5/?from=menu';
let fake: FakePlatforms;
const conns: Redis[] = [];

beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterEach(() => fake.setResponder(() => undefined));
afterAll(async () => {
  for (const c of conns) c.disconnect();
  await fake.close();
});

/** One process's view: its own Redis connection and TokenCache, on the test's prefix. */
function aProcess(prefix: string) {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  conns.push(redis);
  const tokens = createTokenCache(redis, prefix, createLocker(redis, prefix));
  const wecomToken = createWecomAccessToken({ apiBase: fake.base, corpId: CORP, agentId: AGENT, agentSecret: 'agent-secret', tokens });
  const dingtalkToken = createDingtalkAccessToken({ apiBase: fake.base, appKey: 'ding-app', appSecret: 'ding-secret', tokens });
  return {
    redis,
    tokens,
    wecomToken,
    dingtalkToken,
    wecom: createWecomJsSdk({ apiBase: fake.base, corpId: CORP, agentId: AGENT, accessToken: wecomToken, tokens }),
    dingtalk: createDingtalkJsapi({ oapiBase: fake.base, corpId: 'dingcorp', agentId: 3001, accessToken: dingtalkToken, tokens }),
  };
}

/** Requests the fake received from now on. */
function recorder() {
  const from = fake.requests.length;
  return (pred: (r: Recorded) => boolean) => fake.requests.slice(from).filter(pred);
}
const path = (p: string) => (r: Recorded) => r.path === p;

describe('WeCom JS-SDK signatures', () => {
  it('many concurrent page loads in two processes fetch each ticket once, and sign with the right one', async () => {
    const prefix = testQueuePrefix();
    const [a, b] = [aProcess(prefix), aProcess(prefix)];
    const seen = recorder();
    const calls = Array.from({ length: 40 }, (_, i) => {
      const kind = i % 2 ? ('agent' as const) : ('corp' as const);
      const url = `${PAGE}&n=${i}#/tickets`;
      return (i % 4 < 2 ? a : b).wecom.sign(kind, url).then((s) => ({ kind, url, s }));
    });
    const results = await Promise.all(calls);

    expect(seen(path('/cgi-bin/get_jsapi_ticket'))).toHaveLength(1);
    const agentFetches = seen(path('/cgi-bin/ticket/get'));
    expect(agentFetches).toHaveLength(1);
    expect(agentFetches[0]!.query.get('type')).toBe('agent_config');
    expect(seen(path('/cgi-bin/gettoken'))).toHaveLength(1);

    for (const { kind, url, s } of results) {
      const ticket = kind === 'corp' ? FAKE_TICKETS.wecomCorp : FAKE_TICKETS.wecomAgent;
      const other = kind === 'corp' ? FAKE_TICKETS.wecomAgent : FAKE_TICKETS.wecomCorp;
      expect(s.signature).toMatch(/^[0-9a-f]{40}$/);
      expect(s.signature).toBe(jsSdkSignature({ ticket, nonceStr: s.nonceStr, timestamp: s.timestamp, url: url.split('#')[0]! }));
      expect(s.signature).not.toBe(jsSdkSignature({ ticket: other, nonceStr: s.nonceStr, timestamp: s.timestamp, url }));
      expect(Math.abs(s.timestamp - Date.now() / 1000)).toBeLessThan(60);
      expect(s.nonceStr).toMatch(/^[0-9a-zA-Z]{8,32}$/);
    }
    expect(new Set(results.map((r) => r.s.nonceStr)).size).toBe(results.length);

    // the tickets live in Redis under their own names, with a TTL
    expect(await a.redis.pttl(`${prefix}:token:wecom-jsapi-corp:${CORP}`)).toBeGreaterThan(7000_000);
    expect(await a.redis.pttl(`${prefix}:token:wecom-jsapi-agent:${CORP}:${AGENT}`)).toBeGreaterThan(7000_000);
  });

  it('fails without the cache: later page loads, even in a fresh process, fetch nothing', async () => {
    const prefix = testQueuePrefix();
    await aProcess(prefix).wecom.sign('corp', PAGE);
    const seen = recorder();
    for (let i = 0; i < 5; i++) await aProcess(prefix).wecom.sign('corp', PAGE);
    const p = aProcess(prefix);
    for (let i = 0; i < 5; i++) await p.wecom.sign(i % 2 ? 'agent' : 'corp', PAGE);
    expect(seen(path('/cgi-bin/get_jsapi_ticket'))).toHaveLength(0);
    expect(seen(path('/cgi-bin/ticket/get'))).toHaveLength(1); // the agent ticket, the first time only
    expect(seen(path('/cgi-bin/gettoken'))).toHaveLength(0);
  });

  it('a refused access token (42001) is replaced once, then the ticket is fetched', async () => {
    const prefix = testQueuePrefix();
    const p = aProcess(prefix);
    await p.tokens.get(`wecom-${CORP}-${AGENT}`, async () => ({ value: 'stale-token', expiresInSec: 7200 }));
    fake.setResponder((r) => (r.path === '/cgi-bin/get_jsapi_ticket' && r.query.get('access_token') === 'stale-token' ? { body: { errcode: 42001, errmsg: 'access_token expired' } } : undefined));
    const seen = recorder();
    const s = await p.wecom.sign('corp', PAGE);
    expect(s.signature).toBe(jsSdkSignature({ ticket: FAKE_TICKETS.wecomCorp, nonceStr: s.nonceStr, timestamp: s.timestamp, url: PAGE }));
    expect(seen(path('/cgi-bin/get_jsapi_ticket')).map((r) => r.query.get('access_token'))).toEqual(['stale-token', 'fake-wecom-token']);
    expect(seen(path('/cgi-bin/gettoken'))).toHaveLength(1);
  });

  it('an error answer throws PlatformApiError, caches nothing, and quotes no token', async () => {
    const prefix = testQueuePrefix();
    const p = aProcess(prefix);
    fake.setResponder((r) => (r.path === '/cgi-bin/ticket/get' ? { body: { errcode: 60020, errmsg: 'not allow to access from your ip' } } : undefined));
    const err = await p.wecom.sign('agent', PAGE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformApiError);
    expect(err).toMatchObject({ platform: 'wecom', errcode: 60020, retryable: false });
    expect(JSON.stringify({ m: (err as Error).message, s: (err as Error).stack })).not.toContain('fake-wecom-token');
    expect(await p.redis.exists(`${prefix}:token:wecom-jsapi-agent:${CORP}:${AGENT}`)).toBe(0);
    fake.setResponder(() => undefined);
    const seen = recorder();
    await p.wecom.sign('agent', PAGE);
    expect(seen(path('/cgi-bin/ticket/get'))).toHaveLength(1);
  });
});

describe('WeCom OAuth2 sign-in', () => {
  it('a code names the member; the same code again, or an expired one, is an OAuthCodeError', async () => {
    const { wecomToken } = aProcess(testQueuePrefix());
    const seen = recorder();
    await expect(wecomUserIdFromCode({ apiBase: fake.base, accessToken: wecomToken, code: 'code-zhangwei' })).resolves.toEqual({ userId: 'zhangwei' });
    const ask = seen(path('/cgi-bin/auth/getuserinfo'));
    expect(ask).toHaveLength(1);
    expect(ask[0]!.method).toBe('GET');
    expect(ask[0]!.query.get('code')).toBe('code-zhangwei');

    const again = await wecomUserIdFromCode({ apiBase: fake.base, accessToken: wecomToken, code: 'code-zhangwei' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(OAuthCodeError);
    expect(again).toMatchObject({ errcode: 40029, expose: true, message: '登录凭证无效或已过期，请从企业微信重新打开工作台。' });
    await expect(wecomUserIdFromCode({ apiBase: fake.base, accessToken: wecomToken, code: 'expired-lisi' })).rejects.toBeInstanceOf(OAuthCodeError);
  });

  it('a non-member (openid answer) is an OAuthCodeError; other errcodes are not', async () => {
    const { wecomToken } = aProcess(testQueuePrefix());
    await expect(wecomUserIdFromCode({ apiBase: fake.base, accessToken: wecomToken, code: 'code-openid-guest' })).rejects.toMatchObject({
      name: 'OAuthCodeError',
      reason: 'not-member',
    });
    fake.setResponder((r) => (r.path === '/cgi-bin/auth/getuserinfo' ? { body: { errcode: 50001, errmsg: 'redirect_url domain not match' } } : undefined));
    const err = await wecomUserIdFromCode({ apiBase: fake.base, accessToken: wecomToken, code: 'code-wangfang' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformApiError);
    expect(err).not.toBeInstanceOf(OAuthCodeError);
    expect(err).toMatchObject({ errcode: 50001 });
  });
});

describe('DingTalk 免登 and dd.config', () => {
  it('an authCode names the member (POST body {code}); a used one is an OAuthCodeError', async () => {
    const { dingtalkToken } = aProcess(testQueuePrefix());
    const seen = recorder();
    await expect(dingtalkUserIdFromAuthCode({ oapiBase: fake.base, accessToken: dingtalkToken, authCode: 'code-liuyang' })).resolves.toEqual({ userId: 'liuyang' });
    const ask = seen(path('/topapi/v2/user/getuserinfo'));
    expect(ask).toHaveLength(1);
    expect(ask[0]!).toMatchObject({ method: 'POST', body: { code: 'code-liuyang' } });
    expect(ask[0]!.query.get('access_token')).toBe('fake-dingtalk-token');
    expect(seen(path('/v1.0/oauth2/accessToken'))).toHaveLength(1);

    const again = await dingtalkUserIdFromAuthCode({ oapiBase: fake.base, accessToken: dingtalkToken, authCode: 'code-liuyang' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(OAuthCodeError);
    expect(again).toMatchObject({ platform: 'dingtalk', errcode: 40078, message: '登录凭证无效或已过期，请从钉钉重新打开工作台。' });
    fake.setResponder((r) => (r.path === '/topapi/v2/user/getuserinfo' ? { body: { errcode: 60011, errmsg: 'no permission' } } : undefined));
    const other = await dingtalkUserIdFromAuthCode({ oapiBase: fake.base, accessToken: dingtalkToken, authCode: 'code-x' }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(PlatformApiError);
    expect(other).toMatchObject({ platform: 'dingtalk', errcode: 60011 });
  });

  it('signs for dd.config with the jsapi ticket, fetched once for many page loads', async () => {
    const prefix = testQueuePrefix();
    const [a, b] = [aProcess(prefix), aProcess(prefix)];
    const seen = recorder();
    const url = 'https://bot.example/h5/?to=%E5%BE%85%E5%8A%9E#/todo';
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).dingtalk.sign(url)));
    expect(seen(path('/get_jsapi_ticket'))).toHaveLength(1);
    expect(seen(path('/v1.0/oauth2/accessToken'))).toHaveLength(1);
    for (const s of all) {
      expect(s).toMatchObject({ agentId: '3001', corpId: 'dingcorp' });
      expect(s.signature).toBe(
        jsSdkSignature({ ticket: FAKE_TICKETS.dingtalk, nonceStr: s.nonceStr, timestamp: s.timeStamp, url: 'https://bot.example/h5/?to=待办' }),
      );
    }
    expect(await a.redis.exists(`${prefix}:token:dingtalk-jsapi:dingcorp:3001`)).toBe(1);
  });
});
