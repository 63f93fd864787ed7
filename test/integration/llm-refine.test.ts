import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/domain/parse/parse.js';
import { createReportRefiner } from '../../src/llm/refine-report.js';
import { createLogger } from '../../src/shared/logger.js';
import { startFakeLlm } from '../helpers/fake-llm.js';

const SENT = '2026-11-23T01:30:00.000Z';
const TEXT = '我们亿龙置业的二期项目用电扩容申请一个月了还没批下来，本周五前一定要解决';
const ANSWER = { category: 'utilities', urgency: 'normal', deadline: '2026-11-27', enterprise: '亿龙置业', summary: '二期项目用电扩容未获批' };

let llm: Awaited<ReturnType<typeof startFakeLlm>>;
beforeAll(async () => {
  llm = await startFakeLlm(ANSWER);
});
afterAll(() => llm.close());

const refiner = () => createReportRefiner({ baseUrl: llm.baseUrl, apiKey: 'sk-test', model: 'qwen-plus' }, createLogger('silent'), { timeoutMs: 3000 });
const rules = parseMessage(TEXT, SENT);

describe('LLM refinement against a local OpenAI-compatible server', () => {
  it('asks for JSON with the configured model and returns the validated answer', async () => {
    llm.setMode('ok');
    expect(await refiner().refine(TEXT, rules, SENT)).toEqual(ANSWER);
    const req = llm.requests.at(-1);
    expect(req.body).toMatchObject({ model: 'qwen-plus', response_format: { type: 'json_object' }, temperature: 0 });
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(JSON.stringify(req.body.messages)).toContain('用电扩容');
  });

  for (const mode of ['invalid-json', 'http-500', 'bad-schema'] as const) {
    it(`falls back (null) on ${mode}`, async () => {
      llm.setMode(mode);
      expect(await refiner().refine(TEXT, rules, SENT)).toBeNull();
    });
  }

  it('falls back (null) on an LLM that does not answer: its timeout decides, while the answer is still withheld', async () => {
    llm.setMode('hold');
    const asked = llm.requests.length;
    expect(await refiner().refine(TEXT, rules, SENT)).toBeNull();
    expect(llm.requests.length).toBeGreaterThan(asked);
    expect(llm.held()).toBeGreaterThan(0);
    llm.release();
  });
});
