import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { createHttpApp } from '../../src/server/app.js';
import { createLogger } from '../../src/shared/logger.js';
import type { Server } from 'node:http';

let server: Server;
let base: string;
const accepted: unknown[] = [];

beforeAll(async () => {
  const app = createHttpApp({
    config: loadConfig({}),
    log: createLogger('silent'),
    intake: { accept: async (r) => (accepted.push(r), 'accepted') },
    tickets: {} as never,
    ready: async () => ({ mongodb: false, redis: true }),
  });
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('HTTP app with no platform configured', () => {
  it('answers 404 on both webhooks and takes nothing in', async () => {
    expect((await fetch(`${base}/webhooks/wecom?echostr=x`)).status).toBe(404);
    expect((await fetch(`${base}/webhooks/wecom`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${base}/webhooks/dingtalk`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(accepted).toHaveLength(0);
  });
  it('readyz is 503 when a store does not answer', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, mongodb: false, redis: true });
  });
  it('the API refuses everyone when ADMIN_TOKEN is not set', async () => {
    expect((await fetch(`${base}/api/tickets`, { headers: { authorization: 'Bearer anything-at-all-123' } })).status).toBe(401);
  });
});
