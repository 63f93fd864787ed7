import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/index.js';
import type { ReceiveResult } from '../../../src/messages/inbound.js';
import { createDingtalkReceiver } from '../../../src/platforms/dingtalk/receiver.js';
import { createHttpApp } from '../../../src/server/app.js';
import { createLogger } from '../../../src/shared/logger.js';
import { DINGTALK, dingtalkCallback, dingtalkTextPayload } from '../../helpers/callbacks.js';

const OAPI = 'https://oapi.example-dingtalk.test';
const cfg = { mode: 'http' as const, appKey: DINGTALK.appKey, appSecret: DINGTALK.appSecret, robotCode: DINGTALK.appKey, apiBase: 'https://api.example-dingtalk.test', oapiBase: OAPI };
let server: Server;
let base: string;
let accepted: ReceiveResult[] = [];

beforeAll(async () => {
  const app = createHttpApp({
    config: loadConfig({}),
    log: createLogger('silent'),
    intake: { accept: async (r) => (accepted.push(r), 'accepted') },
    tickets: {} as never,
    dingtalk: createDingtalkReceiver(cfg, { botName: '店小二', windowSec: 3600 }),
    ready: async () => ({ mongodb: true, redis: true }),
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  accepted = [];
});

const post = (payload: Record<string, unknown>) => {
  const cb = dingtalkCallback(payload);
  return fetch(`${base}/webhooks/dingtalk`, { method: 'POST', body: cb.body, headers: cb.headers });
};
const session = (url: string) => dingtalkTextPayload('#3 什么进度了', { sessionWebhook: url });
const message = () => {
  const r = accepted[0];
  if (r?.kind !== 'message') throw new Error('no message accepted');
  return r.message;
};

describe('DingTalk callbacks: bad values are 400 and change nothing', () => {
  it('a createAt no date can hold is 400 (not a 503 that DingTalk would deliver again)', async () => {
    for (const createAt of [1e20, -5, 1.5, 8.64e15 + 1]) {
      const res = await post({ ...session(`${OAPI}/robot/sendBySession?session=a`), createAt });
      expect(res.status, `createAt ${createAt}`).toBe(400);
    }
    expect((await post({ ...session(`${OAPI}/robot/sendBySession?session=a`), sessionWebhookExpiredTime: 1e300 })).status).toBe(400);
    expect(accepted).toHaveLength(0);
  });

  it('a robotCode that is not this app\'s robot is 400', async () => {
    expect((await post({ ...session(`${OAPI}/robot/sendBySession?session=a`), robotCode: 'dingSomeoneElse' })).status).toBe(400);
    expect(accepted).toHaveLength(0);
    expect((await post({ ...session(`${OAPI}/robot/sendBySession?session=a`), robotCode: DINGTALK.appKey })).status).toBe(200);
    expect(message().robotCode).toBe(DINGTALK.appKey);
  });

  it('a sessionWebhook on another host (or not DingTalk\'s sendBySession) is dropped: the answer goes through the open API', async () => {
    for (const url of [
      'https://evil.example.com/robot/sendBySession?session=a',
      `${OAPI}.evil.example.com/robot/sendBySession?session=a`,
      'http://oapi.example-dingtalk.test/robot/sendBySession?session=a',
      `${OAPI}/anything/else?session=a`,
      'not a url',
    ]) {
      accepted = [];
      expect((await post(session(url))).status, url).toBe(200);
      expect(message().replyVia, url).toBeUndefined();
    }
  });

  it('a sessionWebhook on the configured host is kept', async () => {
    expect((await post(session(`${OAPI}/robot/sendBySession?session=ok`))).status).toBe(200);
    expect(message().replyVia).toMatchObject({ kind: 'dingtalk-session', url: `${OAPI}/robot/sendBySession?session=ok` });
  });
});
