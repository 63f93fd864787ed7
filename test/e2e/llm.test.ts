import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { wecomCallback, wecomTextPayload, wecomEnv } from '../helpers/callbacks.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakeLlm } from '../helpers/fake-llm.js';
import { waitUntil } from '../helpers/fake-wecom-ws.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';

const ANSWER = { category: 'land', urgency: 'urgent', deadline: '2026-12-15', enterprise: '亿龙置业', summary: '二期用地指标缺口20亩' };
let fake: FakePlatforms;
let llm: Awaited<ReturnType<typeof startFakeLlm>>;
let bot: BotProcess;
let store: Store;

beforeAll(async () => {
  fake = await startFakePlatforms();
  llm = await startFakeLlm(ANSWER);
  const mongoUri = testMongoUri('llm');
  bot = await startBot({
    MONGODB_URI: mongoUri,
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: testQueuePrefix(),
    ...wecomEnv(fake.base),
    OPENAI_BASE_URL: llm.baseUrl,
    OPENAI_API_KEY: 'sk-e2e-secret',
    XIAOER_LLM_MODEL: 'deepseek-chat',
    ADMIN_TOKEN: 'admin-token-llm-0123456789',
  });
  store = await connectStore(mongoUri);
});
afterAll(async () => {
  await bot.stop();
  await store.conn.dropDatabase();
  await store.close();
  await llm.close();
  await fake.close();
});

async function report(id: string, text: string) {
  const cb = wecomCallback(wecomTextPayload(text, { msgid: id, responseUrl: `${fake.base}/cgi-bin/aibot/response?response_code=${id}` }));
  const res = await fetch(`${bot.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body });
  expect(res.status).toBe(200);
  return fake.waitFor((r) => r.query.get('response_code') === id);
}

/** The worker's count of LLM calls by result, from /metrics. */
async function llmCalls(result: 'ok' | 'error'): Promise<number> {
  const res = await fetch(`${bot.base}/metrics`, { headers: { authorization: 'Bearer admin-token-llm-0123456789' } });
  const series = `xiaoer_llm_calls_total{result="${result}"} `;
  const line = (await res.text()).split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.slice(series.length)) : 0;
}

describe('with an LLM configured', () => {
  it('refines the report fields and the summary, and records parsedBy: llm', async () => {
    llm.setMode('ok');
    const reply = await report('llm-ok', '新项目的用地指标还差20亩，12月15日前要报省里，很着急');
    expect(reply.body.markdown.content).toContain('二期用地指标缺口20亩');
    const t = await store.conn.collection('tickets').findOne({ sourceMessageId: 'wecom:llm-ok' });
    expect(t).toMatchObject({ parsedBy: 'llm', category: 'land', summary: '二期用地指标缺口20亩', enterprise: '亿龙置业', requestedDate: '2026-12-15' });
  });

  it('acknowledges the callback while the LLM has not answered: the LLM is not on the acknowledgement path', async () => {
    llm.setMode('hold');
    const okCalls = await llmCalls('ok');
    const cb = wecomCallback(wecomTextPayload('二期厂房的用地指标还差十亩，下周要上会', { msgid: 'llm-hold', responseUrl: `${fake.base}/cgi-bin/aibot/response?response_code=llm-hold` }));
    const res = await fetch(`${bot.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    // acknowledged with no LLM request given up on (an LLM asked on the way would have been, by its timeout) and no
    // answer sent yet
    expect(llm.aborted()).toBe(0);
    expect(fake.requests.some((r) => r.query.get('response_code') === 'llm-hold')).toBe(false);
    await waitUntil(() => llm.held() > 0, 'the worker asking the LLM', 30_000);
    llm.setMode('ok');
    llm.release();
    const reply = await fake.waitFor((r) => r.query.get('response_code') === 'llm-hold');
    expect(reply.body.markdown.content).toContain('<@chenjl>');
    // the answer was the LLM's, once it came
    expect(llm.aborted()).toBe(0);
    expect(await llmCalls('ok')).toBe(okCalls + 1);
  });

  it('falls back to the rules when the LLM fails, and still answers', async () => {
    llm.setMode('http-500');
    await report('llm-500', '车间变压器昨晚烧了，全厂停电，急！');
    const t = await store.conn.collection('tickets').findOne({ sourceMessageId: 'wecom:llm-500' });
    expect(t).toMatchObject({ parsedBy: 'rules', category: 'utilities', urgency: 'urgent' });
    expect(bot.log()).toContain('LLM unavailable; rules used');
    expect(bot.log()).not.toContain('sk-e2e-secret');
  });

  it("counts the LLM's calls and fallbacks in /metrics (from the worker process)", async () => {
    const res = await fetch(`${bot.base}/metrics`, { headers: { authorization: 'Bearer admin-token-llm-0123456789' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const value = (series: string) => Number(text.split('\n').find((l) => l.startsWith(`${series} `))?.slice(series.length + 1) ?? NaN);
    expect(value('xiaoer_llm_calls_total{result="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value('xiaoer_llm_calls_total{result="error"}')).toBeGreaterThanOrEqual(1);
    expect(value('xiaoer_llm_fallbacks_total{reason="unavailable"}')).toBeGreaterThanOrEqual(1);
  });
});
