import { pino } from 'pino';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/platforms/connection.js';
import {
  createWecomLongConnection,
  type WecomCallbackFrame,
  type WecomLongConnection,
  type WecomLongConnectionOptions,
} from '../../src/platforms/wecom/long-connection.js';
import { PlatformApiError, PlatformNetworkError } from '../../src/shared/errors.js';
import { startFakeWecomWs, textCallback, waitUntil, type FakeWecomWs } from '../helpers/fake-wecom-ws.js';

const BOT = 'bot-1';
const SECRET = 'S3cret-never-in-a-log-7f3a';

let fake: FakeWecomWs;
let running: WecomLongConnection[] = [];

beforeEach(async () => {
  fake = await startFakeWecomWs({ bots: { [BOT]: SECRET } });
});

afterEach(async () => {
  for (const c of running) await c.stop();
  running = [];
  await fake.close();
});

interface LogLine {
  level: number;
  msg: string;
  state?: string;
  reason?: string;
}

/** A client on the fake with short timings; records what it hands over, its states and its log lines. */
function client(over: Partial<WecomLongConnectionOptions> = {}) {
  const messages: WecomCallbackFrame[] = [];
  const events: WecomCallbackFrame[] = [];
  const states: (ConnectionState & { at: number })[] = [];
  const logs: LogLine[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const c = createWecomLongConnection({
    url: fake.url,
    botId: BOT,
    secret: SECRET,
    log,
    heartbeatMs: 100,
    backoff: { baseMs: 50, maxMs: 400 },
    displacedRetryMs: 300,
    ackTimeoutMs: 500,
    onMessage: async (f) => void messages.push(f),
    onEvent: async (f) => void events.push(f),
    onState: (s) => void states.push({ ...s, at: Date.now() }),
    ...over,
  });
  running.push(c);
  const is = (state: ConnectionState['state']) => c.state().state === state;
  return { c, messages, events, states, logs, is, rawLog: () => JSON.stringify(logs) };
}

/** A WebSocket class that records every socket the client makes and whether an older one was still alive then. */
function trackingSockets() {
  const made: WebSocket[] = [];
  let overlaps = 0;
  class Tracking extends WebSocket {
    constructor(url: string, options?: WebSocket.ClientOptions) {
      if (made.some((w) => w.readyState === WebSocket.OPEN || w.readyState === WebSocket.CONNECTING)) overlaps++;
      super(url, options);
      made.push(this);
    }
  }
  return { Tracking, made, overlaps: () => overlaps };
}

describe('WeCom AI bot long connection against a fake server', () => {
  it('subscribes, opens, and hands each callback over as it comes', async () => {
    const { c, messages, events, states, is, logs, rawLog } = client();
    c.start();
    await waitUntil(() => is('open'), 'open');
    expect(states.map((s) => s.state)).toEqual(['connecting', 'subscribing', 'open']);
    const [subscribe] = fake.framesOf('aibot_subscribe');
    expect(subscribe?.body).toEqual({ bot_id: BOT, secret: SECRET });
    expect(subscribe?.reqId).toMatch(/^aibot_subscribe_/);
    expect(fake.liveSubscriptions(BOT)).toBe(1);

    const first = textCallback({ msgid: 'm-1' });
    const reqId = fake.push(first);
    await waitUntil(() => messages.length === 1, 'first message');
    expect(messages[0]).toEqual({ reqId, body: first });
    // once: a second message arriving proves nothing else was queued in between
    fake.push(textCallback({ msgid: 'm-2' }));
    await waitUntil(() => messages.length >= 2, 'second message');
    expect(messages.map((m) => (m.body as { msgid: string }).msgid)).toEqual(['m-1', 'm-2']);

    // the same frame twice is handed over twice (same req_id, same msgid): dedupe on msgid is the caller's job
    const twice = fake.pushTwice(textCallback({ msgid: 'm-3' }));
    await waitUntil(() => messages.length === 4, 'the duplicate');
    expect(messages.slice(2).map((m) => m.reqId)).toEqual([twice, twice]);

    const evReq = fake.pushEvent({ msgid: 'e-1', msgtype: 'event', event: { eventtype: 'enter_chat' } });
    await waitUntil(() => events.length === 1, 'event');
    expect(events[0]?.reqId).toBe(evReq);

    // heartbeats flow and are answered
    await waitUntil(() => fake.framesOf('ping').length >= 2, 'two pings');
    expect(c.state().lastFrameAt).toBeDefined();
    // each state change logged once, the secret never
    expect(logs.filter((l) => l.msg === 'wecom long connection open')).toHaveLength(1);
    expect(rawLog()).not.toContain(SECRET);
  });

  it('respond, updateCard and send resolve on the answer, and reject on an errcode or no answer', async () => {
    const { c, is } = client();
    c.start();
    await waitUntil(() => is('open'), 'open');

    const reqId = fake.push(textCallback());
    await c.respond(reqId, { msgtype: 'stream', stream: { id: 's1', finish: true, content: '收到，已登记。' } });
    expect(fake.framesOf('aibot_respond_msg').map((f) => f.reqId)).toEqual([reqId]);

    const cardEvent = fake.pushEvent({ msgtype: 'event', event: { eventtype: 'template_card_event', template_card_event: { task_id: 't1' } } });
    await c.updateCard(cardEvent, { response_type: 'update_template_card', template_card: { card_type: 'text_notice' } });
    expect(fake.framesOf('aibot_respond_update_msg').map((f) => f.reqId)).toEqual([cardEvent]);

    await c.send('zhangsan', { msgtype: 'markdown', markdown: { content: '**提醒**：工单 T-12 今天到期' } });
    const [push] = fake.framesOf('aibot_send_msg');
    expect(push?.reqId).toMatch(/^aibot_send_msg_/);
    expect(push?.body).toEqual({ chatid: 'zhangsan', msgtype: 'markdown', markdown: { content: '**提醒**：工单 T-12 今天到期' } });

    fake.answerWith('aibot_send_msg', -1, 'system busy');
    const busy = await c.send('g1', { msgtype: 'markdown', markdown: { content: 'x' } }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(PlatformApiError);
    expect(busy).toMatchObject({ errcode: -1, retryable: true, method: 'aibot_send_msg' });

    fake.answerWith('aibot_send_msg', 40058, 'invalid chatid');
    await expect(c.send('nope', { msgtype: 'markdown', markdown: { content: 'x' } })).rejects.toMatchObject({ errcode: 40058, retryable: false });

    fake.mute('aibot_respond_msg');
    const silent = await c.respond(reqId, { msgtype: 'markdown', markdown: { content: 'y' } }).catch((e: unknown) => e);
    expect(silent).toBeInstanceOf(PlatformNetworkError);
    expect(silent).toMatchObject({ retryable: true });
    expect(is('open')).toBe(true);

    await c.stop();
    const closed = await c.send('g1', { msgtype: 'markdown', markdown: { content: 'z' } }).catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(PlatformNetworkError);
  });

  it('an abrupt drop: back-off with jitter, then one new socket and a new subscription', async () => {
    const sockets = trackingSockets();
    const { c, is, states, messages } = client({ WebSocketImpl: sockets.Tracking });
    c.start();
    await waitUntil(() => is('open'), 'open');

    const times: number[] = [];
    for (let round = 1; round <= 3; round++) {
      const dropped = Date.now();
      fake.drop();
      await waitUntil(() => is('open') && c.state().reconnects === round, `reconnect ${round}`);
      times.push(Date.now() - dropped);
    }
    console.log(`[figures] drop → open again: ${times.join(', ')} ms (back-off base 50 ms, full jitter)`);
    const backoffs = states.filter((s) => s.state === 'backoff');
    expect(backoffs).toHaveLength(3);
    for (const b of backoffs) expect(b.reason).toMatch(/^socket closed \(code 1006\); next attempt in \d+ ms$/);
    expect(fake.framesOf('aibot_subscribe')).toHaveLength(4);
    expect(sockets.made).toHaveLength(4);
    expect(sockets.overlaps()).toBe(0);
    await waitUntil(() => fake.connections() === 1, 'one socket on the server');

    fake.push(textCallback({ msgid: 'after-drop' }));
    await waitUntil(() => messages.length === 1, 'message on the new socket');
  });

  it('a refused subscription backs off exponentially with full jitter, and the secret is never logged', async () => {
    const backoff = { baseMs: 20, maxMs: 160 };
    const { c, states, rawLog } = client({ secret: 'wrong-secret', backoff });
    c.start();
    await waitUntil(() => states.filter((s) => s.state === 'backoff').length >= 7, 'seven refusals', 10_000);
    const delays = states
      .filter((s) => s.state === 'backoff')
      .map((s) => {
        expect(s.reason).toMatch(/^aibot_subscribe refused: errcode 40001 invalid secret; next attempt in \d+ ms$/);
        return Number(/in (\d+) ms/.exec(s.reason ?? '')?.[1]);
      });
    console.log(`[figures] refused subscribe back-off delays: ${delays.join(', ')} ms (ceilings 20, 40, 80, 160, …)`);
    delays.forEach((d, i) => expect(d).toBeLessThan(Math.min(backoff.maxMs, backoff.baseMs * 2 ** i)));
    expect(rawLog()).not.toContain('wrong-secret');
    expect(fake.liveSubscriptions(BOT)).toBe(0);
  });

  it('a silent server is detected and replaced within a few heartbeats', async () => {
    const sockets = trackingSockets();
    const { c, is, states } = client({ heartbeatMs: 100, missedPongs: 2, WebSocketImpl: sockets.Tracking });
    c.start();
    await waitUntil(() => is('open'), 'open');
    const silent = Date.now();
    fake.goSilent();
    await waitUntil(() => is('open') && c.state().reconnects === 1, 'replaced');
    const took = Date.now() - silent;
    console.log(`[figures] silent server → replaced and open in ${took} ms (heartbeat 100 ms, 2 missed pongs)`);
    // dead at the 2nd or 3rd tick after the silence began (2 pings unanswered), plus a back-off below 50 ms
    expect(took).toBeGreaterThanOrEqual(100);
    expect(took).toBeLessThan(1000);
    expect(states.find((s) => s.state === 'backoff')?.reason).toMatch(/pings unanswered|no frame for/);
    expect(sockets.overlaps()).toBe(0);
    await waitUntil(() => fake.connections() === 1, 'the silent socket closed by the client');
    expect(fake.liveSubscriptions(BOT)).toBe(1);
  });

  it('disconnected_event: displaced, no reconnect until displacedRetryMs, then a single attempt', async () => {
    const { c, is, states } = client({ displacedRetryMs: 400 });
    c.start();
    await waitUntil(() => is('open'), 'open');

    // another process subscribes the same bot
    const other = new WebSocket(fake.url);
    await new Promise((r) => other.once('open', r));
    other.send(JSON.stringify({ cmd: 'aibot_subscribe', headers: { req_id: 'aibot_subscribe_other' }, body: { bot_id: BOT, secret: SECRET } }));
    await waitUntil(() => is('displaced'), 'displaced');
    expect(c.state().reason).toContain('one retry in 400 ms');
    expect(fake.liveSubscriptions(BOT)).toBe(1);

    // the newer holder dies; we come back on our own
    other.terminate();
    await waitUntil(() => is('open') && c.state().reconnects === 1, 'back after the wait');
    const displacedAt = states.find((s) => s.state === 'displaced')!.at;
    const redialAt = states.filter((s) => s.state === 'connecting')[1]!.at;
    console.log(`[figures] displaced → next dial after ${redialAt - displacedAt} ms (displacedRetryMs 400)`);
    expect(redialAt - displacedAt).toBeGreaterThanOrEqual(395);
    // ours: the first subscription and exactly one retry (the other process's is the third)
    const ours = fake.framesOf('aibot_subscribe').filter((f) => f.reqId !== 'aibot_subscribe_other');
    expect(ours).toHaveLength(2);
    expect(states.map((s) => s.state)).toEqual(['connecting', 'subscribing', 'open', 'displaced', 'connecting', 'subscribing', 'open']);
    expect(fake.liveSubscriptions(BOT)).toBe(1);
  });

  it('two clients for one bot: never two live subscriptions, and the tug of war slows down instead of storming', async () => {
    const a = client({ displacedRetryMs: 100 });
    const b = client({ displacedRetryMs: 100 });
    a.c.start();
    await waitUntil(() => a.is('open'), 'a open');
    const started = Date.now();
    b.c.start();
    // each displacement doubles the wait: wait until both sides wait 800 ms (their 4th displacement)
    const at800 = (x: typeof a) => x.states.some((s) => s.state === 'displaced' && s.reason?.includes('retry in 800 ms'));
    await waitUntil(() => at800(a) && at800(b), 'both waiting 800 ms', 10_000);
    await waitUntil(() => (a.is('open') && b.is('displaced')) || (b.is('open') && a.is('displaced')), 'one open, one displaced');
    const took = Date.now() - started;
    const subscribes = fake.framesOf('aibot_subscribe');
    const gaps = subscribes.slice(2).map((f, i) => f.at - subscribes[i + 1]!.at);
    console.log(`[figures] two clients: ${subscribes.length} subscribes in ${took} ms; gaps ${gaps.join(', ')} ms (a fixed 100 ms wait would make ~${Math.round(took / 100) + 2})`);
    // 2 first subscriptions + retakes after waits of 100, 100, 200, 200, 400, 400, 800
    expect(subscribes.length).toBeLessThanOrEqual(10);
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(fake.liveSubscriptions(BOT)).toBe(1);
    await waitUntil(() => fake.connections() === 1, 'the displaced socket closed');
  });

  it('a failing onMessage is logged and the connection lives on; stop() closes cleanly and waits for handlers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const { c, is, logs } = client({
      onMessage: async () => {
        calls++;
        if (calls === 1) throw new Error('store down');
        await gate;
      },
    });
    c.start();
    await waitUntil(() => is('open'), 'open');
    fake.push(textCallback({ msgid: 'lost-1' }));
    await waitUntil(() => logs.some((l) => l.level === 50 && l.msg.includes('the callback is lost')), 'error logged');
    fake.push(textCallback({ msgid: 'slow-2' }));
    await waitUntil(() => calls === 2, 'second handler running');
    expect(is('open')).toBe(true);

    let stopped = false;
    const stopping = c.stop().then(() => (stopped = true));
    await waitUntil(() => is('stopped'), 'socket closed');
    await waitUntil(() => fake.connections() === 0, 'server saw the close');
    expect(stopped).toBe(false); // the handler still runs
    release();
    await stopping;
    expect(fake.closeCodes.at(-1)).toBe(1000);
    expect(c.state().reason).toBe('stop() called');
  });
});
