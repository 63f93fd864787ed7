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
  const state: FakeState = { usedCodes: new Set() };

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
      const answer = custom ?? defaultAnswer(r, state);
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
    // generous: a digest under a loaded CI machine (several bot processes, FerretDB scans) can take over 15 s
    waitFor(pred: (r: Recorded) => boolean, timeoutMs = 30_000): Promise<Recorded> {
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

/** Tickets the fake hands out (WeCom's corp and app tickets differ; DingTalk has its own). */
export const FAKE_TICKETS = {
  wecomCorp: 'fake-wecom-corp-jsapi-ticket',
  wecomAgent: 'fake-wecom-agent-config-ticket',
  dingtalk: 'fake-dingtalk-jsapi-ticket',
} as const;

interface FakeState {
  /** Sign-in codes already exchanged (`wecom:<code>`, `dingtalk:<code>`): single use, as on the platforms. */
  usedCodes: Set<string>;
}

/**
 * A sign-in code's person: `code-zhangwei` → `zhangwei` (any other code names itself). Codes starting `expired` are
 * refused, and so is any code used before; `code-openid-…` (WeCom) is a non-member.
 */
function exchangeCode(state: FakeState, platform: string, code: string): { userId: string } | { openId: string } | 'bad' {
  const key = `${platform}:${code}`;
  if (!code || code.startsWith('expired') || state.usedCodes.has(key)) return 'bad';
  state.usedCodes.add(key);
  const who = code.replace(/^code-/, '');
  return who.startsWith('openid-') ? { openId: who.slice('openid-'.length) } : { userId: who };
}

function defaultAnswer(r: Recorded, state: FakeState): { status?: number; body: unknown } {
  const wecomTokenOk = r.query.get('access_token') === 'fake-wecom-token';
  const badWecomToken = { body: { errcode: 40014, errmsg: 'invalid access_token' } };
  if (r.path === '/cgi-bin/get_jsapi_ticket') {
    return wecomTokenOk ? { body: { errcode: 0, errmsg: 'ok', ticket: FAKE_TICKETS.wecomCorp, expires_in: 7200 } } : badWecomToken;
  }
  if (r.path === '/cgi-bin/ticket/get') {
    if (!wecomTokenOk) return badWecomToken;
    if (r.query.get('type') !== 'agent_config') return { body: { errcode: 40004, errmsg: 'invalid type' } };
    return { body: { errcode: 0, errmsg: 'ok', ticket: FAKE_TICKETS.wecomAgent, expires_in: 7200 } };
  }
  if (r.path === '/cgi-bin/auth/getuserinfo') {
    if (!wecomTokenOk) return badWecomToken;
    const code = r.query.get('code');
    if (!code) return { body: { errcode: 41008, errmsg: 'missing oauth code' } };
    const who = exchangeCode(state, 'wecom', code);
    if (who === 'bad') return { body: { errcode: 40029, errmsg: 'invalid code' } };
    if ('openId' in who) return { body: { errcode: 0, errmsg: 'ok', openid: `o${who.openId}` } };
    return { body: { errcode: 0, errmsg: 'ok', userid: who.userId } };
  }
  const dingtalkTokenOk = r.query.get('access_token') === 'fake-dingtalk-token';
  const badDingtalkToken = { body: { errcode: 40014, errmsg: '不合法的access_token' } };
  if (r.path === '/get_jsapi_ticket') {
    return dingtalkTokenOk ? { body: { errcode: 0, errmsg: 'ok', ticket: FAKE_TICKETS.dingtalk, expires_in: 7200 } } : badDingtalkToken;
  }
  if (r.path === '/topapi/v2/user/getuserinfo' && r.method === 'POST') {
    if (!dingtalkTokenOk) return badDingtalkToken;
    const code = typeof r.body?.code === 'string' ? r.body.code : '';
    const who = exchangeCode(state, 'dingtalk', code);
    if (who === 'bad' || 'openId' in who) return { body: { errcode: 40078, errmsg: '不存在的临时授权码', request_id: 'fake-req' } };
    return {
      body: {
        errcode: 0,
        errmsg: 'ok',
        result: { userid: who.userId, unionid: `union-${who.userId}`, name: who.userId, device_id: 'fake-device', sys: false, sys_level: 0 },
        request_id: 'fake-req',
      },
    };
  }
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
