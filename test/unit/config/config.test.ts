import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../helpers/shared.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config/index.js';

const AES = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      http: { port: 3000 },
      mongo: { uri: undefined },
      redis: { url: 'redis://127.0.0.1:6379', explicit: false },
      dataDir: './data',
      timezone: 'Asia/Shanghai',
      role: 'all',
    });
    expect(c.wecom).toBeUndefined();
    expect(c.dingtalk).toBeUndefined();
    expect(c.llm).toBeUndefined();
    expect(Object.isFrozen(c.http)).toBe(true);
  });

  it('enables a platform only when its keys are all set; DingTalk robot code defaults to the app key', () => {
    const c = loadConfig({
      WECOM_BOT_TOKEN: 't',
      WECOM_BOT_AES_KEY: AES,
      DINGTALK_APP_KEY: 'k',
      DINGTALK_APP_SECRET: 's',
      WECOM_API_BASE: 'http://127.0.0.1:9/',
    });
    expect(c.wecom).toMatchObject({ botToken: 't', botAesKey: AES, apiBase: 'http://127.0.0.1:9', app: undefined });
    expect(c.dingtalk).toMatchObject({ robotCode: 'k', apiBase: 'https://api.dingtalk.com', oapiBase: 'https://oapi.dingtalk.com' });
  });

  it('config/env.example loads as written (README: cp config/env.example .env), every empty line meaning unset', () => {
    const env: Record<string, string> = {};
    for (const line of readFileSync(join(projectRoot, 'config', 'env.example'), 'utf8').split('\n')) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
      if (m) env[m[1]!] = m[2]!;
    }
    expect(Object.keys(env).length).toBeGreaterThan(30);
    const c = loadConfig(env);
    expect(c.wecom).toBeUndefined();
    expect(c.simulator).toBe(true);
  });

  it('WeCom long connection and DingTalk Stream: chosen per platform, each naming what it needs', () => {
    const c = loadConfig({ WECOM_MODE: 'long-connection', WECOM_BOT_ID: 'aibot1', WECOM_BOT_SECRET: 'sec', DINGTALK_MODE: 'stream', DINGTALK_APP_KEY: 'k', DINGTALK_APP_SECRET: 's' });
    expect(c.wecom).toMatchObject({ mode: 'long-connection', longConnection: { botId: 'aibot1', secret: 'sec', url: 'wss://openws.work.weixin.qq.com' } });
    expect(c.wecom?.botToken).toBeUndefined();
    expect(c.dingtalk).toMatchObject({ mode: 'stream', appKey: 'k' });
    // the default stays the HTTP callback modes
    expect(loadConfig({ WECOM_BOT_TOKEN: 't', WECOM_BOT_AES_KEY: AES }).wecom?.mode).toBe('callback');
    let err: ConfigError | undefined;
    try {
      loadConfig({ WECOM_MODE: 'long-connection', DINGTALK_MODE: 'stream', WECOM_WS_URL: 'http://x' });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err?.problems.map((p) => p.key).sort()).toEqual(['DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET', 'WECOM_BOT_ID', 'WECOM_BOT_SECRET', 'WECOM_WS_URL']);
  });

  it('names every bad key at once, and never a value', () => {
    let err: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'abc', WECOM_BOT_TOKEN: 'sekrit', XIAOER_TIMEZONE: 'Mars/Base', ADMIN_TOKEN: 'short', WECOM_CORP_ID: 'ww1' });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const keys = err!.problems.map((p) => p.key).sort();
    expect(keys).toEqual(['ADMIN_TOKEN', 'PORT', 'WECOM_AGENT_ID', 'WECOM_AGENT_SECRET', 'WECOM_BOT_AES_KEY', 'XIAOER_TIMEZONE']);
    expect(err!.message).not.toContain('sekrit');
    expect(err!.message).not.toContain('short');
  });

  it('rejects a malformed AES key and non-URL bases', () => {
    expect(() => loadConfig({ WECOM_BOT_TOKEN: 't', WECOM_BOT_AES_KEY: 'abc' })).toThrow(/WECOM_BOT_AES_KEY/);
    expect(() => loadConfig({ DINGTALK_API_BASE: 'not a url' })).toThrow(/DINGTALK_API_BASE/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', WECOM_BOT_TOKEN: '  ', REDIS_URL: '' }).wecom).toBeUndefined();
  });
});
