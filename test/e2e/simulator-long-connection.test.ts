import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { waitForDrain } from '../helpers/queue-drain.js';

/**
 * The simulator's switch to the long connection (XIAOER_SIMULATOR_WECOM=long-connection): its WeCom is a WebSocket
 * server on the bot's own port, the bot dials it as it would dial WeCom, and what a person types reaches the bot as
 * `aibot_msg_callback` — the answer comes back on the socket, the assignee's notice and the group's over it too.
 */
const mongoUri = testMongoUri('sim-lc');
const prefix = testQueuePrefix();
let bot: BotProcess;
let store: Store;

interface FeedItem { id: number; conversation: string; from: 'bot' | 'user'; text: string }
const feed = async (): Promise<FeedItem[]> => ((await (await fetch(`${bot.base}/simulator/api/feed?since=0`)).json()) as { items: FeedItem[] }).items;

async function until<T>(what: string, get: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log:\n${bot.log().split('\n').slice(-10).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  bot = await startBot({ MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: prefix, XIAOER_SIMULATOR: '1', XIAOER_SIMULATOR_WECOM: 'long-connection' });
  store = await connectStore(mongoUri);
}, 120_000);
afterAll(async () => {
  await bot?.stop();
  await store?.conn.dropDatabase();
  await store?.close();
});

describe('the simulator over the WeCom long connection', () => {
  it('the bot dials the simulator and reports the connection open', async () => {
    const state = (await (await fetch(`${bot.base}/simulator/api/state`)).json()) as { wecomMode: string };
    expect(state.wecomMode).toBe('long-connection');
    const wecom = await until('an open connection', async () => {
      const r = (await (await fetch(`${bot.base}/readyz`)).json()) as { connections?: { platform: string; state: string }[] };
      return r.connections?.find((c) => c.platform === 'wecom' && c.state === 'open');
    });
    expect(wecom.state).toBe('open');
    // no callback route in this mode: WeCom posts nothing
    expect((await fetch(`${bot.base}/webhooks/wecom`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('a report typed in the group becomes a ticket; the answer, the notice and nothing twice', async () => {
    const res = await fetch(`${bot.base}/simulator/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: 'chenjl', conversation: 'group:wecom:wrkSFfCgAAyilong01', text: '我们用电扩容申请一个月了还没批下来，影响二期投产' }),
    });
    expect(res.status).toBe(200);
    const answer = await until('the 受理 answer', async () => (await feed()).find((i) => i.from === 'bot' && i.conversation === 'group:wecom:wrkSFfCgAAyilong01' && i.text.includes('已受理 #1')));
    expect(answer.text).toContain('水电气网');
    await until('the assignee’s notice', async () => (await feed()).find((i) => i.conversation === 'user:wecom:zhangwei' && i.text.includes('【新工单】#1')));
    await waitForDrain(testRedisUrl(), prefix, { extra: async () => (await feed()).length });
    expect((await feed()).filter((i) => i.text.includes('已受理 #1'))).toHaveLength(1);
    expect(await store.conn.collection('tickets').countDocuments()).toBe(1);
  });
});
