import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Directory } from '../../../src/domain/directory.js';
import { createSimClock } from '../../../src/simulator/clock.js';
import { createSimulator, simulatorPlatforms } from '../../../src/simulator/sim-server.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const sim = createSimulator({
    baseUrl: 'http://127.0.0.1:1',
    platforms: simulatorPlatforms('http://127.0.0.1:1'),
    botName: '店小二',
    clock: createSimClock('Asia/Shanghai', () => Date.parse('2026-11-23T01:30:00.000Z')),
    directory: async () => Directory.empty(),
    isWorkingDay: () => true,
    digestTime: '08:30',
    ticket: async () => null,
    tick: async () => {},
    feedLimit: 3,
  });
  const app = new Koa();
  app.use(sim.router.routes());
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the simulator\'s feed is bounded', () => {
  it('keeps only the newest items; ids go on, so the page asking "since" never misses new ones', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await fetch(`${base}/sim/dingtalk/v1.0/robot/oToMessages/batchSend`, {
        method: 'POST',
        body: JSON.stringify({ userIds: ['u1'], msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: 't', text: `消息${i}` }) }),
      });
      expect(res.status).toBe(200);
    }
    const feed = (await (await fetch(`${base}/simulator/api/feed?since=0`)).json()) as { items: { id: number; text: string }[] };
    expect(feed.items.map((i) => [i.id, i.text])).toEqual([[3, '消息3'], [4, '消息4'], [5, '消息5']]);
    const since = (await (await fetch(`${base}/simulator/api/feed?since=4`)).json()) as { items: { id: number }[] };
    expect(since.items.map((i) => i.id)).toEqual([5]);
  });
});
