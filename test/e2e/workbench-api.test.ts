import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/infra/process.js';
import { jsSdkSignature } from '../../src/platforms/wecom/jssdk.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { wecomAnswerText, wecomCallback, dingtalkEnv, wecomEnv } from '../helpers/callbacks.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { waitForDrain } from '../helpers/queue-drain.js';
import { sharedPath } from '../helpers/shared.js';

/**
 * The workbench's sign-in and JSON API against the real bot (real FerretDB and Redis), WeCom and DingTalk faked on
 * their wire formats: one-time links from the chat, sessions and CSRF, the same permissions as chat, changes
 * performed by the chat handlers (announced in the ticket's group), WeCom OAuth2 and JS-SDK tickets, DingTalk 免登.
 */
const YILONG_GROUP = 'wrkSFfCgAAyilong01';
const mongoUri = testMongoUri('h5api');
const prefix = testQueuePrefix();
let fake: FakePlatforms;
let bot: BotProcess;
let store: Store;
let seq = 0;
const drained = () => waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length });

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(mongoUri);
  expect((await runCli(['directory', 'import', sharedPath('examples/directory.yaml')], { MONGODB_URI: mongoUri })).code).toBe(0);
  const port = await freePort();
  bot = await startBot({
    PORT: String(port),
    MONGODB_URI: mongoUri,
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: prefix,
    XIAOER_PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...wecomEnv(fake.base),
    WECOM_CORP_ID: 'wwcorp',
    WECOM_AGENT_ID: '1000002',
    WECOM_AGENT_SECRET: 'agent-secret-value',
    WECOM_OAUTH_BASE: fake.base,
    ...dingtalkEnv(fake.base),
    DINGTALK_CORP_ID: 'dingcorp',
    DINGTALK_AGENT_ID: '3000001',
  });
}, 120_000);
afterAll(async () => {
  await bot?.stop();
  await store?.conn.dropDatabase();
  await store?.close();
  await fake?.close();
});

/** A WeCom user writes to the bot (in the enterprise's group, or privately); resolves with the bot's answer there. */
async function wecom(userid: string, text: string, chatid: string | null = YILONG_GROUP): Promise<string> {
  const code = `h${++seq}`;
  const payload = {
    msgid: `h5api-${code}`,
    aibotid: 'AIBOT',
    ...(chatid ? { chatid, chattype: 'group' } : { chattype: 'single' }),
    from: { userid },
    response_url: `${fake.base}/cgi-bin/aibot/response?response_code=${code}`,
    msgtype: 'text',
    text: { content: `@店小二 ${text}` },
  };
  const cb = wecomCallback(payload);
  expect((await fetch(`${bot.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body })).status).toBe(200);
  const r = await fake.waitFor((x) => x.query.get('response_code') === code);
  return wecomAnswerText(r.body);
}

/** A browser of one person: its cookie jar (one session cookie and its signature). */
class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${bot.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=') as [string, string];
      if (v === '') this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }
  async json(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
    const res = await this.fetch(path, init);
    return { status: res.status, body: await res.json().catch(() => null) };
  }
  post(path: string, body: unknown, csrf = this.csrf) {
    return this.json(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) } });
  }
  async me() {
    const r = await this.json('/h5/api/me');
    if (r.status === 200) this.csrf = r.body.csrf;
    return r;
  }
}

/** Signs a person in with the link the bot sends privately for 工作台 (asked in the enterprise's group). */
async function signIn(userid: string): Promise<Browser> {
  const ack = await wecom(userid, '工作台');
  expect(ack).toContain('已私信发送');
  const dm = await fake.waitFor((r) => r.path === '/cgi-bin/message/send' && r.body?.touser === userid && String(r.body?.text?.content).includes('/h5/login?t='));
  const link = /https?:\/\/\S+\/h5\/login\?t=[A-Za-z0-9_-]+/.exec(String(dm.body.text.content))![0];
  fake.requests.splice(fake.requests.indexOf(dm), 1); // the next sign-in of the same person finds its own message
  const b = new Browser();
  const res = await b.fetch(new URL(link).pathname + new URL(link).search);
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/h5/');
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('xiaoer_sid='))!;
  expect(cookie).toMatch(/httponly/i);
  expect(cookie).toMatch(/samesite=lax/i);
  expect(cookie).toMatch(/expires=/i);
  expect(cookie).toMatch(/path=\/h5/i);
  expect(b.cookies.has('xiaoer_sid.sig')).toBe(true); // signed
  expect((await b.me()).status).toBe(200);
  (b as Browser & { link: string }).link = link;
  return b;
}

const rid = () => `req-${Date.now()}-${++seq}`;
const events = async (no: number) => ((await store.conn.collection('tickets').findOne({ no })) as any).events as { type: string }[];

let cadre: Browser;
let chen: Browser;

describe('signing in with a one-time link', () => {
  it('工作台 in a group: the link goes privately, once; the page knows who signed in', async () => {
    expect(await wecom('chenjl', '我们用电扩容申请一个月了还没批下来，影响二期投产')).toContain('已受理 #1');
    // the cadre's notice opens the ticket on the workbench
    const notice = await fake.waitFor((r) => r.path === '/cgi-bin/message/send' && r.body?.touser === 'zhangwei' && String(r.body?.text?.content).includes('【新工单】#1'));
    expect(String(notice.body.text.content)).toContain(`${bot.base}/h5/tickets/1`);
    cadre = await signIn('zhangwei');
    const me = await cadre.me();
    expect(me.body).toMatchObject({ name: '张伟', role: 'cadre', personId: 'zhangwei', can: { todo: true, dashboard: false, ledger: false, ours: false } });
    // the same link again: used
    const again = await new Browser().fetch(new URL((cadre as any).link).pathname + new URL((cadre as any).link).search);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('登录链接已失效');
  });

  it('serves the page and its scripts from the build, compressed for phones, nothing from elsewhere', async () => {
    const page = await fetch(`${bot.base}/h5/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200); // under 1 KB: sent as it is
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//); // no CDN
    const script = /src="(\/h5\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${bot.base}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${bot.base}/h5/assets/missing.js`)).status).toBe(404);
    // its icon is one of the build's files (a page without one has the browser ask for /favicon.ico: a 404 on every visit)
    const icon = /<link rel="icon"[^>]*href="(\/h5\/assets\/[^"]+\.svg)"/.exec(html)![1]!;
    const svg = await fetch(`${bot.base}${icon}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
  });

  it('without a session, or with a forged cookie, the API answers 401 and the page says how to sign in', async () => {
    expect((await new Browser().json('/h5/api/me')).status).toBe(401);
    const forged = new Browser();
    forged.cookies.set('xiaoer_sid', cadre.cookies.get('xiaoer_sid')!);
    forged.cookies.set('xiaoer_sid.sig', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect((await forged.json('/h5/api/me')).status).toBe(401);
    const made = new Browser();
    made.cookies.set('xiaoer_sid', 'x'.repeat(43));
    expect((await made.json('/h5/api/me')).status).toBe(401);
    expect((await new Browser().fetch('/h5/login?t=nonsense')).status).toBe(401);
  });
});

describe('the cadre works a ticket on the page, as in chat', () => {
  it('我的待办 lists what is his, with the time left', async () => {
    const r = await cadre.json('/h5/api/tickets?scope=mine');
    expect(r.status).toBe(200);
    expect(r.body.tickets.map((t: any) => t.no)).toEqual([1]);
    expect(r.body.tickets[0]).toMatchObject({ statusLabel: '待签收', enterprise: '浙江亿龙置业有限公司', assignee: '张伟' });
    expect(r.body.tickets[0].timeLeft.text).toMatch(/^剩 \d+ 个工作(日|小时)$/);
    const detail = await cadre.json('/h5/api/tickets/1');
    expect(detail.body.actions).toEqual(expect.arrayContaining(['claim', 'transfer', 'return']));
    expect(detail.body.actions).not.toContain('rate');
  });

  it('a change without the CSRF token is refused and changes nothing', async () => {
    const before = (await events(1)).length;
    const r = await cadre.post('/h5/api/tickets/1/actions', { action: 'claim', requestId: rid() }, '');
    expect(r.status).toBe(403);
    await drained();
    expect((await events(1)).length).toBe(before);
  });

  it('认领 is the chat handler’s: the group is told; the same submission twice applies once', async () => {
    const requestId = rid();
    const r = await cadre.post('/h5/api/tickets/1/actions', { action: 'claim', requestId });
    expect(r.status).toBe(200);
    expect(r.body.message).toContain('#1 已签收');
    expect(r.body.ticket.status).toBe('in_progress');
    await fake.waitFor((x) => x.path === '/cgi-bin/webhook/send' && String(x.body?.markdown?.content).includes('#1 已签收'));
    const again = await cadre.post('/h5/api/tickets/1/actions', { action: 'claim', requestId });
    expect(again.status).toBe(200);
    await drained();
    expect((await events(1)).filter((e) => e.type === 'claim')).toHaveLength(1);
    expect(fake.requests.filter((x) => x.path === '/cgi-bin/webhook/send' && String(x.body?.markdown?.content).includes('#1 已签收'))).toHaveLength(1);
    // claimed already: the state machine's refusal, as in chat
    const third = await cadre.post('/h5/api/tickets/1/actions', { action: 'claim', requestId: rid() });
    expect(third.status).toBe(409);
    expect(third.body.error).toMatch(/#1/);
  });

  it('bad input gets a clear answer: malformed JSON, an unknown action, an unknown ticket, a transfer to an enterprise contact', async () => {
    const bad = await cadre.json('/h5/api/tickets/1/actions', { method: 'POST', body: '{not json', headers: { 'x-csrf-token': cadre.csrf } });
    expect(bad.status).toBe(400);
    expect((await cadre.post('/h5/api/tickets/1/actions', { action: 'explode', requestId: rid() })).status).toBe(400);
    expect((await cadre.post('/h5/api/tickets/999/actions', { action: 'claim', requestId: rid() })).status).toBe(404);
    expect((await cadre.json('/h5/api/tickets/999')).body.error).toContain('未找到工单 #999');
    const toContact = await cadre.post('/h5/api/tickets/1/actions', { action: 'transfer', to: { personId: 'chenjl' }, requestId: rid() });
    expect(toContact.status).toBe(400);
    expect((await cadre.post('/h5/api/tickets/1/actions', { action: 'progress', note: '', requestId: rid() })).body.error).toBe('请填写进展内容');
  });

  it('进展 and 办结 from the page; the enterprise rates on its page', async () => {
    // 转办 to a colleague and back: a retry of the same submission after the ticket moved on is answered as done
    const handOver = { action: 'transfer', to: { personId: 'wangfang' }, note: '请协助', requestId: rid() };
    expect((await cadre.post('/h5/api/tickets/1/actions', handOver)).status).toBe(200);
    const retried = await cadre.post('/h5/api/tickets/1/actions', handOver);
    expect(retried.status).toBe(200); // no longer the assignee, yet this was his own submission: done, not refused
    expect(retried.body.ticket.assignee).toBe('王芳');
    expect((await events(1)).filter((e) => e.type === 'transfer')).toHaveLength(1);
    const wang = await signIn('wangfang');
    expect((await wang.post('/h5/api/tickets/1/actions', { action: 'claim', requestId: rid() })).status).toBe(200);
    expect((await wang.post('/h5/api/tickets/1/actions', { action: 'transfer', to: { personId: 'zhangwei' }, requestId: rid() })).status).toBe(200);
    expect((await cadre.post('/h5/api/tickets/1/actions', { action: 'claim', requestId: rid() })).status).toBe(200);
    expect((await cadre.post('/h5/api/tickets/1/actions', { action: 'progress', note: '已联系供电公司，周五现场勘察', requestId: rid() })).status).toBe(200);
    await fake.waitFor((x) => x.path === '/cgi-bin/webhook/send' && String(x.body?.markdown?.content).includes('已联系供电公司'));
    const done = await cadre.post('/h5/api/tickets/1/actions', { action: 'resolve', outcome: 'resolved', note: '已完成扩容送电', requestId: rid() });
    expect(done.status).toBe(200);
    expect(done.body.ticket.status).toBe('pending_rating');
    chen = await signIn('chenjl');
    expect((await chen.me()).body.can).toMatchObject({ ours: true, todo: false });
    const ours = await chen.json('/h5/api/tickets?scope=ours');
    expect(ours.body.tickets.map((t: any) => t.no)).toEqual([1]);
    expect(ours.body.tickets[0].actions).toEqual(['rate', 'reopen']);
    const detail = await chen.json('/h5/api/tickets/1');
    expect(detail.body.actions).toEqual(['rate', 'reopen']);
    const rated = await chen.post('/h5/api/tickets/1/actions', { action: 'rate', level: 'satisfied', requestId: rid() });
    expect(rated.status).toBe(200);
    expect(rated.body.ticket.status).toBe('closed');
    expect(rated.body.ticket.rating).toEqual({ level: 'satisfied', label: '满意' });
  });
});

describe('a ticket reaches only its own enterprise, staff and leaders', () => {
  it('another enterprise’s contact: 403 on the ticket and its actions, absent from their list; no leaders’ pages', async () => {
    const sun = await signIn('sunzg');
    const r = await sun.json('/h5/api/tickets/1');
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).not.toContain('扩容');
    expect((await sun.post('/h5/api/tickets/1/actions', { action: 'reopen', requestId: rid() })).status).toBe(403);
    expect((await sun.json('/h5/api/tickets?scope=ours')).body.tickets).toEqual([]);
    expect((await sun.json('/h5/api/tickets?scope=all')).status).toBe(403);
    expect((await sun.json('/h5/api/dashboard')).status).toBe(403);
    expect((await sun.fetch('/h5/api/ledger.xlsx')).status).toBe(403);
    expect((await sun.json('/h5/api/tickets?scope=mine')).status).toBe(403);
  });

  it('the leader’s dashboard shows the digest’s own numbers; the ledger exports', async () => {
    const leader = await signIn('lihua');
    // the digest links to the dashboard
    expect(await wecom('lihua', '今日简报', 'wrkSFfCgAAleaders1')).toContain(`${bot.base}/h5/dashboard`);
    const dash = await leader.json('/h5/api/dashboard?period=month');
    expect(dash.status).toBe(200);
    const cli = await runCli(['digest', '--period', 'month', '--json'], { MONGODB_URI: mongoUri });
    const digest = JSON.parse(cli.out);
    const card = (k: string) => dash.body.cards.find((c: any) => c.key === k).value;
    expect(card('newTickets')).toBe(digest.numbers.newTickets);
    expect(card('answered')).toBe(digest.numbers.answered);
    expect(card('open')).toBe(digest.numbers.open);
    expect(card('satisfaction')).toBe(digest.satisfaction.period.rate);
    expect(card('newTickets')).toBe(1);
    expect(dash.body.series.days).toHaveLength(30);
    expect(dash.body.series.newTickets.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    const all = await leader.json('/h5/api/tickets?scope=all&q=扩容');
    expect(all.body.tickets.map((t: any) => t.no)).toEqual([1]);
    const xlsx = await leader.fetch('/h5/api/ledger.xlsx?status=closed');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('inside WeCom: OAuth2 and the JS-SDK', () => {
  it('the page opened in WeCom without a session goes to WeCom’s authorize page; the code signs in once', async () => {
    const b = new Browser();
    const res = await b.fetch('/h5/tickets/1', { headers: { 'user-agent': 'Mozilla/5.0 wxwork/4.1.22 MicroMessenger/7.0.1' } });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin + to.pathname).toBe(`${fake.base}/connect/oauth2/authorize`);
    expect(to.searchParams.get('appid')).toBe('wwcorp');
    expect(to.searchParams.get('scope')).toBe('snsapi_base');
    expect(to.searchParams.get('agentid')).toBe('1000002');
    expect(to.searchParams.get('redirect_uri')).toBe(`${bot.base}/h5/auth/wecom`);
    expect(to.hash).toBe('#wechat_redirect');
    const state = to.searchParams.get('state')!;
    const back = await b.fetch(`/h5/auth/wecom?code=code-wangfang&state=${state}`);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/h5/tickets/1');
    expect((await b.me()).body).toMatchObject({ name: '王芳', role: 'cadre' });
    // the same code again (WeCom: single use) → 40029 → a clear page, no session
    const b2 = new Browser();
    const page = await b2.fetch('/h5/tickets/1', { headers: { 'user-agent': 'wxwork/4.1' } });
    const state2 = new URL(page.headers.get('location')!).searchParams.get('state')!;
    const reused = await b2.fetch(`/h5/auth/wecom?code=code-wangfang&state=${state2}`);
    expect(reused.status).toBe(401);
    expect(await reused.text()).toContain('登录凭证无效');
    expect((await b2.json('/h5/api/me')).status).toBe(401);
  });

  it('JS-SDK signatures: many page loads, one fetch of each ticket; the two tickets differ', async () => {
    const url = `${bot.base}/h5/tickets/1`;
    const got = await Promise.all(
      Array.from({ length: 8 }, (_, i) => cadre.json(`/h5/api/jssdk/wecom?kind=${i % 2 ? 'agent' : 'corp'}&url=${encodeURIComponent(url)}`)),
    );
    for (const g of got) expect(g.status).toBe(200);
    const corpFetches = fake.requests.filter((r) => r.path === '/cgi-bin/get_jsapi_ticket');
    const agentFetches = fake.requests.filter((r) => r.path === '/cgi-bin/ticket/get' && r.query.get('type') === 'agent_config');
    expect(corpFetches).toHaveLength(1);
    expect(agentFetches).toHaveLength(1);
    expect((await cadre.json(`/h5/api/jssdk/wecom?kind=corp&url=${encodeURIComponent('https://evil.example/h5/')}`)).status).toBe(400);
    // each signature verifies with its own ticket (the fake's answers)
    const corpTicket = ((await (await fetch(`${fake.base}/cgi-bin/get_jsapi_ticket?access_token=fake-wecom-token`)).json()) as { ticket: string }).ticket;
    const s = got[0]!.body;
    expect(s.signature).toBe(jsSdkSignature({ ticket: corpTicket, nonceStr: s.nonceStr, timestamp: s.timestamp, url }));
    expect(got[1]!.body.signature).not.toBe(jsSdkSignature({ ticket: corpTicket, nonceStr: got[1]!.body.nonceStr, timestamp: got[1]!.body.timestamp, url }));
  });
});

describe('inside DingTalk: 免登', () => {
  it('an auth code signs the member in; a bad one is refused', async () => {
    const b = new Browser();
    const ok = await b.json('/h5/auth/dingtalk', { method: 'POST', body: JSON.stringify({ authCode: 'code-0411100' }), headers: { 'content-type': 'application/json' } });
    expect(ok.status).toBe(200);
    expect((await b.me()).body).toMatchObject({ name: '李华', role: 'leader', platform: 'dingtalk' });
    const bad = await new Browser().json('/h5/auth/dingtalk', { method: 'POST', body: JSON.stringify({ authCode: 'expired-1' }), headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toContain('免登');
    const signed = await b.json(`/h5/api/jssdk/dingtalk?url=${encodeURIComponent(`${bot.base}/h5/`)}`);
    expect(signed.body).toMatchObject({ corpId: 'dingcorp', agentId: '3000001' });
    expect(signed.body.signature).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('更正 from the page, as in chat', () => {
  it('the assignee corrects the category and closes a ticket as not a problem; others are refused', async () => {
    const accepted = await wecom('chenjl', '我们园区门口的路灯坏了好几天了，晚上很不安全，希望尽快修一下');
    const no = Number(/已受理 #(\d+)/.exec(accepted)![1]);
    const detail = await cadre.json(`/h5/api/tickets/${no}`);
    expect(detail.body.actions).toEqual(expect.arrayContaining(['correct', 'dismiss']));
    const corrected = await cadre.post(`/h5/api/tickets/${no}/actions`, { action: 'correct', field: 'category', value: '用工人才', requestId: rid() });
    expect(corrected.status).toBe(200);
    expect(corrected.body.message).toContain(`#${no} 类别已更正`);
    expect(corrected.body.ticket).toMatchObject({ category: 'talent', categoryLabel: '用工人才' });
    expect(corrected.body.ticket.events.at(-1)).toMatchObject({ type: 'correct', label: '更正', by: '张伟' });
    const unknown = await cadre.post(`/h5/api/tickets/${no}/actions`, { action: 'correct', field: 'category', value: '随便', requestId: rid() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('未识别该类别');
    const wang = await signIn('wangfang');
    expect((await wang.json(`/h5/api/tickets/${no}`)).body.actions).not.toContain('dismiss');
    const refused = await wang.post(`/h5/api/tickets/${no}/actions`, { action: 'dismiss', requestId: rid() });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain(`才能更正 #${no}`);
    const closed = await cadre.post(`/h5/api/tickets/${no}/actions`, { action: 'dismiss', note: '路灯属市政维护，已告知企业拨打12345', requestId: rid() });
    expect(closed.status).toBe(200);
    expect(closed.body.ticket).toMatchObject({ status: 'dismissed', statusLabel: '已关闭（非问题）' });
    expect(closed.body.actions).toEqual([]);
    await fake.waitFor((x) => x.path === '/cgi-bin/webhook/send' && String(x.body?.markdown?.content).includes(`#${no} 已关闭`));
  });
});
