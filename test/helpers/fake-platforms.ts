import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: any;
  /** When it arrived (ms since the epoch). */
  at?: number;
}

type Responder = (r: Recorded) => { status?: number; body: unknown; delayMs?: number } | undefined;

/**
 * One local HTTP server that answers like WeCom and DingTalk do (HTTP 200 with errcode, token endpoints),
 * recording every request. `respond` may override an answer (errors, expiry).
 */
export async function startFakePlatforms() {
  const requests: Recorded[] = [];
  const waiters: { pred: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  let respond: Responder = () => undefined;

  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      let body: unknown = data;
      try {
        body = data ? JSON.parse(data) : undefined;
      } catch {
        /* keep text */
      }
      const r: Recorded = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body, at: Date.now() };
      requests.push(r);
      const custom = respond(r);
      const answer = custom ?? defaultAnswer(r);
      const reply = () => {
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      };
      if (custom?.delayMs) setTimeout(reply, custom.delayMs);
      else reply();
      for (const w of [...waiters]) {
        if (w.pred(r)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(r);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  return {
    base,
    requests,
    setResponder(fn: Responder) {
      respond = fn;
    },
    /** Resolves with the first request (past or future) matching `pred`. */
    waitFor(pred: (r: Recorded) => boolean, timeoutMs = 15_000): Promise<Recorded> {
      const seen = requests.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake platform: expected request did not arrive')), timeoutMs);
        waiters.push({
          pred,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type FakePlatforms = Awaited<ReturnType<typeof startFakePlatforms>>;

function defaultAnswer(r: Recorded): { status?: number; body: unknown } {
  if (r.path === '/cgi-bin/aibot/response') return { body: { errcode: 0, errmsg: 'ok' } };
  if (r.path === '/cgi-bin/gettoken') return { body: { errcode: 0, errmsg: 'ok', access_token: 'fake-wecom-token', expires_in: 7200 } };
  if (r.path === '/cgi-bin/message/send') {
    return r.query.get('access_token') === 'fake-wecom-token' ? { body: { errcode: 0, errmsg: 'ok', msgid: 'm1' } } : { body: { errcode: 40014, errmsg: 'invalid access_token' } };
  }
  if (r.path === '/cgi-bin/webhook/send') return r.query.get('key') ? { body: { errcode: 0, errmsg: 'ok' } } : { body: { errcode: 93000, errmsg: 'invalid webhook url' } };
  if (r.path === '/robot/sendBySession') return { body: { errcode: 0, errmsg: 'ok' } };
  if (r.path === '/v1.0/oauth2/accessToken') return { body: { accessToken: 'fake-dingtalk-token', expireIn: 7200 } };
  if (r.path === '/v1.0/robot/groupMessages/send') {
    if (r.headers['x-acs-dingtalk-access-token'] !== 'fake-dingtalk-token') {
      return { status: 401, body: { code: 'InvalidAuthentication', message: 'bad token' } };
    }
    return { body: { processQueryKey: 'pqk-1' } };
  }
  if (r.path === '/v1.0/robot/oToMessages/batchSend') return { body: { processQueryKey: 'pqk-2', invalidStaffIdList: [], flowControlledStaffIdList: [] } };
  return { status: 404, body: { errcode: 404, errmsg: 'not found' } };
}
