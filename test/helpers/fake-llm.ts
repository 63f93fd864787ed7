import { createServer, type Server } from 'node:http';

/** `hold`: the request gets no answer until `release()` (or the server closes) — an LLM that hangs. */
export type LlmMode = 'ok' | 'hold' | 'invalid-json' | 'http-500' | 'bad-schema';

/** A local OpenAI-compatible server: POST /v1/chat/completions, answering per `mode`. */
export async function startFakeLlm(answer: Record<string, unknown>) {
  let mode: LlmMode = 'ok';
  const requests: any[] = [];
  /** Answers withheld in `hold` mode, in order. */
  const held: Array<() => void> = [];
  let aborted = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      requests.push({ headers: req.headers, body: JSON.parse(body) });
      const completion = (content: string) =>
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1,
          model: 'fake',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      const send = (status: number, payload: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(payload);
      };
      if (mode === 'http-500') return send(500, JSON.stringify({ error: { message: 'internal error' } }));
      if (mode === 'invalid-json') return send(200, completion('好的，这是结果：类别是水电气网'));
      if (mode === 'bad-schema') return send(200, completion(JSON.stringify({ ...answer, category: 'weather' })));
      if (mode === 'hold') {
        // (a caller that gives up on it — its timeout — closes the request before the answer: counted)
        res.once('close', () => {
          if (!res.writableEnded) aborted++;
        });
        held.push(() => send(200, completion(JSON.stringify(answer))));
        return;
      }
      send(200, completion(JSON.stringify(answer)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return {
    baseUrl: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/v1`,
    requests,
    setMode(m: LlmMode) {
      mode = m;
    },
    /** How many requests are waiting for an answer in `hold` mode. */
    held: () => held.length,
    /** How many held requests their callers gave up on before the answer. */
    aborted: () => aborted,
    /** Answers every held request (too late for a caller that has given up on it). */
    release() {
      for (const answerNow of held.splice(0)) answerNow();
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
