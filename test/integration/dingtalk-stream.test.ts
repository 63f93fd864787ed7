import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/platforms/connection.js';
import { createDingtalkStream, DINGTALK_ROBOT_TOPIC, type DingtalkStream, type DingtalkStreamCallback, type DingtalkStreamOptions } from '../../src/platforms/dingtalk/stream.js';
import { startFakeDingtalkStream, waitUntil, type FakeDingtalkStream, type FakeStreamOptions } from '../helpers/fake-dingtalk-stream.js';

const robotMessage = (msgId: string) => ({
  msgId,
  msgtype: 'text',
  text: { content: ' 报修 空调不制冷' },
  conversationType: '2',
  conversationId: 'cid-1',
  senderStaffId: 'u1',
  robotCode: 'ding-client',
});

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

interface Harness {
  fake: FakeDingtalkStream;
  client: DingtalkStream;
  calls: DingtalkStreamCallback[];
  states: ConnectionState[];
  logs: any[];
}

let running: Harness[] = [];
afterEach(async () => {
  for (const h of running) {
    await h.client.stop();
    await h.fake.close();
  }
  running = [];
});

/** Short timings: ping 1 s, idle 5 s, back-off 50..400 ms, store 300 ms; the fake redelivers after 300 ms. */
async function setup(
  o: {
    fake?: FakeStreamOptions;
    client?: Partial<DingtalkStreamOptions>;
    onCallback?: (cb: DingtalkStreamCallback, n: number) => Promise<void>;
  } = {},
): Promise<Harness> {
  const fake = await startFakeDingtalkStream({ redeliverMs: 300, disconnectCloseMs: 5_000, ...o.fake });
  const calls: DingtalkStreamCallback[] = [];
  const states: ConnectionState[] = [];
  const logs: any[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => void logs.push(JSON.parse(s)) });
  const client = createDingtalkStream({
    gatewayBase: fake.base,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    log,
    pingMs: 1_000,
    idleMs: 5_000,
    backoff: { baseMs: 50, maxMs: 400 },
    storeTimeoutMs: 300,
    onCallback: async (cb) => {
      calls.push(cb);
      await o.onCallback?.(cb, calls.length);
    },
    onState: (s) => states.push(s),
    ...o.client,
  });
  const h = { fake, client, calls, states, logs };
  running.push(h);
  client.start();
  await waitUntil(() => client.state().state === 'open' && fake.latest() !== undefined, 5_000, 'the first connection');
  return h;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The most sockets open at once, as the fake saw them open and close. */
function maxOverlap(fake: FakeDingtalkStream): number {
  return Math.max(
    ...fake.connections.map((c) => fake.connections.filter((o) => o.openedSeq <= c.openedSeq && (o.closedSeq ?? Infinity) > c.openedSeq).length),
  );
}

describe('DingTalk Stream client against a fake gateway', () => {
  it('opens with the documented request, echoes SYSTEM ping, and acks a callback only after onCallback resolved', async () => {
    const gate = deferred();
    let acksWhenStored = -1;
    let storedAt = 0;
    const { fake, client, calls } = await setup({
      onCallback: async (cb) => {
        await gate.promise;
        acksWhenStored = fake.acksOf(cb.messageId).length;
        storedAt = Date.now();
      },
    });
    const call = fake.gatewayCalls[0]!;
    expect(call.status).toBe(200);
    expect(call.body).toMatchObject({
      clientId: 'ding-client',
      clientSecret: 'ding-secret',
      subscriptions: [
        { type: 'EVENT', topic: '*' },
        { type: 'CALLBACK', topic: DINGTALK_ROBOT_TOPIC },
      ],
    });
    expect(typeof call.body.ua).toBe('string');
    expect(client.state()).toMatchObject({ platform: 'dingtalk', state: 'open', reconnects: 0 });

    const c1 = fake.latest()!;
    await fake.systemPing(c1);
    const echo = c1.received.find((f) => f.headers?.topic === 'ping');
    expect(echo).toMatchObject({ code: 200, message: 'OK', headers: { topic: 'ping', connectionId: `conn-${c1.id}` } });
    expect(JSON.parse(echo.data)).toEqual({ opaque: echo.headers.messageId });

    const id = fake.sendCallback(robotMessage('m-1'));
    await waitUntil(() => calls.length === 1, 2_000, 'onCallback');
    expect(calls[0]).toEqual({ messageId: id, topic: DINGTALK_ROBOT_TOPIC, data: robotMessage('m-1') });
    gate.resolve();
    await waitUntil(() => fake.isAcked(id), 2_000, 'the ack');
    expect(acksWhenStored).toBe(0);
    const [ack] = fake.acksOf(id);
    expect(ack!.at).toBeGreaterThanOrEqual(storedAt);
    expect(ack!.connection).toBe(c1.id);
    expect(ack!.frame).toEqual({ code: 200, headers: { contentType: 'application/json', messageId: id }, message: 'OK', data: JSON.stringify({ response: null }) });
    expect(calls).toHaveLength(1);
    expect(fake.deliveriesOf(id)).toHaveLength(1);
  });

  it('does not ack when onCallback throws; the redelivery is stored and acked', async () => {
    const { fake, calls, logs } = await setup({
      onCallback: async (_cb, n) => {
        if (n === 1) throw new Error('store down');
      },
    });
    const id = fake.sendCallback(robotMessage('m-2'));
    await waitUntil(() => fake.isAcked(id), 3_000, 'the ack of the redelivery');
    const deliveries = fake.deliveriesOf(id);
    expect(deliveries.map((d) => d.attempt)).toEqual([1, 2]);
    expect(fake.acksOf(id)).toHaveLength(1);
    expect(fake.acksOf(id)[0]!.at).toBeGreaterThanOrEqual(deliveries[1]!.at);
    expect(calls.map((c) => c.messageId)).toEqual([id, id]);
    expect(logs.some((l) => l.level === 40 && l.messageId === id && l.eventId === 'm-2' && /not stored, not acked/.test(l.msg))).toBe(true);
  });

  it('does not ack when onCallback does not settle within storeTimeoutMs', async () => {
    const { fake, calls, logs } = await setup({
      fake: { redeliverMs: 600 },
      onCallback: (_cb, n) => (n === 1 ? new Promise<void>(() => undefined) : Promise.resolve()),
    });
    const id = fake.sendCallback(robotMessage('m-3'));
    await waitUntil(() => fake.isAcked(id), 3_000, 'the ack of the redelivery');
    expect(fake.deliveriesOf(id)).toHaveLength(2);
    expect(fake.acksOf(id)).toHaveLength(1);
    expect(calls).toHaveLength(2);
    expect(logs.some((l) => l.level === 40 && l.messageId === id && /not stored in time/.test(l.msg))).toBe(true);
  });

  it('hands a frame pushed twice to onCallback twice and acks both (dedupe is the store\'s job)', async () => {
    const { fake, calls } = await setup({ fake: { redeliverMs: 10_000 } });
    const id = fake.sendCallback(robotMessage('m-4'));
    fake.sendCallback(robotMessage('m-4'), { messageId: id });
    await waitUntil(() => fake.acksOf(id).length === 2, 2_000, 'two acks');
    expect(calls.map((c) => c.messageId)).toEqual([id, id]);
    expect(fake.deliveriesOf(id)).toHaveLength(2);
  });

  it('on SYSTEM disconnect opens a new connection before closing the old one, which still acks what it has', async () => {
    const gate = deferred();
    const { fake, client, calls } = await setup({
      fake: { redeliverMs: 10_000, disconnectCloseMs: 5_000 },
      onCallback: async (cb) => {
        if ((cb.data as { msgId: string }).msgId === 'slow') await gate.promise;
      },
    });
    const c1 = fake.latest()!;
    const slow = fake.sendCallback(robotMessage('slow'));
    await waitUntil(() => calls.length === 1, 2_000, 'the slow callback in flight');
    fake.disconnect(c1);
    await waitUntil(() => fake.connections.length === 2 && fake.latest()?.id === 2, 3_000, 'a second connection');
    const c2 = fake.latest()!;
    expect(c1.closedAt).toBeUndefined();
    await waitUntil(() => client.state().state === 'open' && client.state().reconnects === 1, 2_000, 'state open after the switch');

    // a frame that still comes on the old socket is handled and acked there
    const late = fake.sendCallback(robotMessage('late-on-old'), { to: c1 });
    // and one after the switch arrives on the new one
    const after = fake.sendCallback(robotMessage('after-switch'));
    await waitUntil(() => fake.isAcked(late) && fake.isAcked(after), 2_000, 'acks on both sockets');
    expect(fake.acksOf(late)[0]!.connection).toBe(c1.id);
    expect(fake.acksOf(after)[0]!.connection).toBe(c2.id);
    expect(c1.closedAt).toBeUndefined(); // the slow one is still in flight

    gate.resolve();
    await waitUntil(() => c1.closedAt !== undefined, 2_000, 'the old socket closed');
    expect(fake.acksOf(slow)).toEqual([expect.objectContaining({ connection: c1.id })]);
    expect(c1.closedBy).toBe('client'); // closed by us, well before the server's 5 s
    expect(c1.closedSeq!).toBeGreaterThan(c2.openedSeq);
    expect(fake.openSockets().map((c) => c.id)).toEqual([c2.id]);
    expect(maxOverlap(fake)).toBe(2);
    expect(calls.map((c) => (c.data as { msgId: string }).msgId).sort()).toEqual(['after-switch', 'late-on-old', 'slow']);
  });

  it('after an abrupt drop backs off (exponential, full jitter) and reconnects', async () => {
    const { fake, client, states, calls } = await setup();
    const c1 = fake.latest()!;
    fake.failGateway(2);
    fake.drop(c1);
    await waitUntil(() => fake.latest() !== undefined && fake.latest()!.id === 2, 5_000, 'a new connection');
    await waitUntil(() => client.state().state === 'open', 2_000, 'state open');
    expect(fake.gatewayCalls.map((c) => c.status)).toEqual([200, 503, 503, 200]);
    const delays = states.filter((s) => s.state === 'backoff').map((s) => Number(/next attempt in (\d+) ms/.exec(s.reason ?? '')?.[1]));
    expect(delays).toHaveLength(3);
    // ceilings 50, 100, 200 ms for attempts 1..3
    delays.forEach((d, i) => expect(d).toBeLessThan(50 * 2 ** i));
    expect(states.find((s) => s.state === 'backoff')!.reason).toMatch(/connection #1 closed by the server \(1006/);
    expect(client.state().reconnects).toBe(1);
    const id = fake.sendCallback(robotMessage('m-6'));
    await waitUntil(() => fake.isAcked(id), 2_000, 'the ack on the new connection');
    expect(calls).toHaveLength(1);
    expect(maxOverlap(fake)).toBe(1);
  });

  it('replaces a zombie (pongs, but no frame for idleMs) with a warm reconnect', async () => {
    const { fake, client, states } = await setup({ fake: { systemPingMs: 100 }, client: { idleMs: 500 } });
    const c1 = fake.latest()!;
    // healthy while SYSTEM pings come: no replacement over more than idleMs
    const healthy = Date.now();
    await waitUntil(() => c1.received.filter((f) => f?.headers?.topic === 'ping').length >= 8, 3_000, 'eight ping echoes');
    expect(Date.now() - healthy).toBeGreaterThan(500);
    expect(fake.connections).toHaveLength(1);

    const silentAt = Date.now();
    fake.silence(c1);
    await waitUntil(() => fake.connections.length === 2, 3_000, 'a replacement');
    const c2 = fake.connections[1]!;
    // the last frame came about one ping period (100 ms) before the silence; 100 ms more of slack for a busy machine
    expect(c2.openedAt - silentAt).toBeGreaterThanOrEqual(300);
    await waitUntil(() => c1.closedAt !== undefined, 2_000, 'the zombie closed');
    expect(c1.closedBy).toBe('client');
    expect(c1.closedSeq!).toBeGreaterThan(c2.openedSeq);
    expect(states.some((s) => s.state === 'connecting' && /no frame for 500 ms on #1; warm reconnect/.test(s.reason ?? ''))).toBe(true);
    expect(client.state()).toMatchObject({ state: 'open', reconnects: 1 });
    expect(maxOverlap(fake)).toBe(2);
  });

  it('terminates a socket whose pong does not come within pingMs, and reconnects', async () => {
    const { fake, client, states } = await setup({ client: { pingMs: 200 } });
    const c1 = fake.latest()!;
    fake.silence(c1, { pongs: false });
    await waitUntil(() => fake.latest() !== undefined && fake.latest()!.id === 2, 3_000, 'a new connection');
    expect(c1.closeCode).toBe(1006);
    expect(states.some((s) => s.state === 'backoff' && /connection #1 no pong within 200 ms/.test(s.reason ?? ''))).toBe(true);
    await waitUntil(() => client.state().state === 'open', 2_000, 'state open');
  });

  it('stop() closes every socket and leaves no timer behind; the secret and tickets are never logged', async () => {
    const before = timeouts();
    const { fake, client, logs } = await setup({ fake: { redeliverMs: 10_000 } });
    // some traffic first: a warm switch, callbacks on both sockets
    const a = fake.sendCallback(robotMessage('s-1'));
    fake.disconnect(fake.latest()!);
    await waitUntil(() => fake.connections.length === 2 && client.state().state === 'open', 3_000, 'the warm switch');
    const b = fake.sendCallback(robotMessage('s-2'));
    await waitUntil(() => fake.isAcked(a) && fake.isAcked(b), 2_000, 'acks');

    await client.stop();
    expect(client.state()).toMatchObject({ state: 'stopped', reason: 'stop() called' });
    expect(fake.openSockets()).toHaveLength(0);
    expect(timeouts()).toBeLessThanOrEqual(before + 1); // the fake's disconnect close timer; it goes with the fake
    await fake.close();
    running = [];
    expect(timeouts()).toBeLessThanOrEqual(before);

    const text = JSON.stringify(logs);
    expect(text).not.toContain(fake.clientSecret);
    for (const t of fake.issuedTickets) expect(text).not.toContain(t);
    // each state change logged once
    const stateLogs = logs.filter((l) => typeof l.state === 'string').map((l) => `${l.state}|${l.reason}`);
    expect(new Set(stateLogs).size).toBe(stateLogs.length);
  });

  it('with a refused secret backs off and logs an error; stop() during the back-off clears its timer', async () => {
    const before = timeouts();
    const fake = await startFakeDingtalkStream();
    const logs: any[] = [];
    const client = createDingtalkStream({
      gatewayBase: fake.base,
      clientId: fake.clientId,
      clientSecret: 'wrong-secret',
      log: pino({ level: 'debug' }, { write: (s: string) => void logs.push(JSON.parse(s)) }),
      pingMs: 200,
      backoff: { baseMs: 50, maxMs: 100 },
      onCallback: async () => undefined,
    });
    running.push({ fake, client, calls: [], states: [], logs });
    client.start();
    await waitUntil(() => fake.gatewayCalls.length >= 3, 3_000, 'three refused gateway calls');
    expect(fake.gatewayCalls.every((c) => c.status === 401)).toBe(true);
    expect(client.state().state).not.toBe('open');
    expect(logs.some((l) => l.level === 50 && l.status === 401)).toBe(true);
    await client.stop();
    await fake.close();
    running = [];
    expect(fake.connections).toHaveLength(0);
    expect(timeouts()).toBeLessThanOrEqual(before);
    expect(JSON.stringify(logs)).not.toContain('wrong-secret');
  });
});
