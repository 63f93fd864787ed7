import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/platforms/connection.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { DINGTALK, dingtalkTextPayload } from '../helpers/callbacks.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakeDingtalkStream, type FakeDingtalkStream } from '../helpers/fake-dingtalk-stream.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { startFakeWecomWs, waitUntil, type ClientFrame, type FakeWecomWs } from '../helpers/fake-wecom-ws.js';
import { waitForDrain } from '../helpers/queue-drain.js';
import { projectRoot } from '../helpers/shared.js';

/**
 * The real bot process dialling out: WeCom's AI bot long connection (WECOM_MODE=long-connection) and DingTalk Stream
 * (DINGTALK_MODE=stream), against the fake WeCom WebSocket server, the fake Stream gateway and the fake OpenAPIs;
 * FerretDB and Redis are real. One bot runs throughout; a second one with the same deployment joins at the end to
 * show that only one of them holds the WeCom subscription and that the other takes over when the holder stops.
 *
 * Not covered here: a silent WeCom server (no pongs) being replaced. The bot's heartbeat is 30 s and no env shortens
 * it (silentMs = 3 heartbeats = 90 s), so it is left to test/integration/wecom-long-connection.test.ts.
 */

const BOT_ID = 'aibot-xiaoer-e2e';
const BOT_SECRET = 'e2e-long-connection-secret-0123';
const GROUP = 'wrkSFfCgAAyilong01';
const DING_GROUP = 'cidTianCiService01==';

const mongoUri = testMongoUri('longconn');
const prefix = testQueuePrefix();
let fake: FakePlatforms;
let evil: FakePlatforms;
let ws: FakeWecomWs;
let stream: FakeDingtalkStream;
let store: Store;
let bot: BotProcess;
let second: BotProcess | undefined;
let third: BotProcess | undefined;
const timings: Record<string, number> = {};

/** The WeCom long connection's lease in these tests (XIAOER_CONNECTION_LEASE_SEC). */
const LEASE_SEC = 6;
const env = (): Record<string, string> => ({
  MONGODB_URI: mongoUri,
  REDIS_URL: testRedisUrl(),
  XIAOER_QUEUE_PREFIX: prefix,
  XIAOER_SIMULATOR: '0',
  WECOM_MODE: 'long-connection',
  WECOM_BOT_ID: BOT_ID,
  WECOM_BOT_SECRET: BOT_SECRET,
  WECOM_WS_URL: ws.url,
  WECOM_API_BASE: fake.base,
  // the self-built application: officials' private messages go through message/send (sender.ts)
  WECOM_CORP_ID: 'wwE2eCorp',
  WECOM_AGENT_ID: '1000002',
  WECOM_AGENT_SECRET: 'e2e-agent-secret-0123456789',
  DINGTALK_MODE: 'stream',
  DINGTALK_APP_KEY: DINGTALK.appKey,
  DINGTALK_APP_SECRET: DINGTALK.appSecret,
  DINGTALK_STREAM_BASE: stream.base,
  DINGTALK_API_BASE: fake.base,
  DINGTALK_OAPI_BASE: fake.base,
  // a short lease (default 30 s): the takeovers below come within seconds, on the same code path
  XIAOER_CONNECTION_LEASE_SEC: String(LEASE_SEC),
});

const tickets = () => store.conn.collection('tickets');
const inbound = () => store.conn.collection('inbound_messages');
/** Frames the bot sent that are not heartbeats. */
const work = () => ws.frames.filter((f) => f.cmd !== 'ping').length;
/** Every job has run and no fake heard anything new: only then may a test say something did NOT happen. */
const drained = () =>
  waitForDrain(testRedisUrl(), prefix, { extra: () => [work(), fake.requests.length, evil.requests.length, stream.acks.length] });

let seq = 0;
/** A group text callback body as WeCom sends it on the long connection (no response_url). */
function wecomReport(text: string, o: { msgid?: string; userid?: string } = {}) {
  return {
    msgid: o.msgid ?? `lc-${Date.now()}-${++seq}`,
    aibotid: BOT_ID,
    chatid: GROUP,
    chattype: 'group',
    from: { userid: o.userid ?? 'chenjl' },
    create_time: Math.floor(Date.now() / 1000),
    msgtype: 'text',
    text: { content: `@店小二 ${text}` },
  };
}

/** The text of a frame the bot sent: a stream answer's content, or an aibot_send_msg's markdown. */
function frameText(f: ClientFrame): string {
  const b = f.body as { stream?: { content?: string }; markdown?: { content?: string }; text?: { content?: string } } | undefined;
  return b?.stream?.content ?? b?.markdown?.content ?? b?.text?.content ?? '';
}
const responds = (reqIds: string[]) => ws.framesOf('aibot_respond_msg').filter((f) => reqIds.includes(f.reqId));
/** Every answer on the socket (stream answer or push) that names ticket #no as accepted. */
const acceptedOnSocket = (no: number) =>
  [...ws.framesOf('aibot_respond_msg'), ...ws.framesOf('aibot_send_msg')].filter((f) => frameText(f).includes(`已受理 #${no}`));

async function ticketOf(sourceMessageId: string, timeout = 15_000) {
  await expect.poll(() => tickets().countDocuments({ sourceMessageId }), { timeout }).toBe(1);
  return (await tickets().findOne({ sourceMessageId }))!;
}

async function readyz(b: BotProcess): Promise<{ ok: boolean; connections?: ConnectionState[] }> {
  return (await (await fetch(`${b.base}/readyz`)).json()) as { ok: boolean; connections?: ConnectionState[] };
}
const stateOf = (r: { connections?: ConnectionState[] }, platform: string) => r.connections?.find((c) => c.platform === platform)?.state;
/** Every process's connections of a platform (/readyz reports the whole deployment's), their states sorted. */
const statesOf = (r: { connections?: ConnectionState[] }, platform: string) => (r.connections ?? []).filter((c) => c.platform === platform).map((c) => c.state).sort();

beforeAll(async () => {
  fake = await startFakePlatforms();
  evil = await startFakePlatforms();
  ws = await startFakeWecomWs({ bots: { [BOT_ID]: BOT_SECRET } });
  stream = await startFakeDingtalkStream({ clientId: DINGTALK.appKey, clientSecret: DINGTALK.appSecret, redeliverMs: 60_000 });
  store = await connectStore(mongoUri);
  const imported = await runCli(['directory', 'import', join(projectRoot, 'test', 'fixtures', 'project-directory.yaml')], { MONGODB_URI: mongoUri });
  expect(imported.code, imported.err).toBe(0);
  const t0 = Date.now();
  bot = await startBot(env());
  timings.firstBotReadyMs = Date.now() - t0;
  await waitUntil(() => ws.liveSubscriptions(BOT_ID) === 1, 'the bot subscribes on the WeCom long connection', 15_000);
  await waitUntil(() => stream.latest() !== undefined, 'the bot opens a DingTalk Stream connection', 15_000);
  timings.firstBotConnectedMs = Date.now() - t0;
});

afterAll(async () => {
  for (const p of [third, second, bot]) {
    if (p && p.child.exitCode === null && p.child.signalCode === null) expect(await p.stop()).toBe(0);
  }
  await store?.conn.dropDatabase();
  await store?.close();
  await ws?.close();
  await stream?.close();
  await fake?.close();
  await evil?.close();
  console.info('long-connection e2e timings (ms):', JSON.stringify(timings));
});

describe('connections as /readyz reports them', () => {
  it('shows the WeCom long connection and the DingTalk Stream connection open', async () => {
    // the connections live in the bot's worker process, which publishes their states: read once both are open
    await expect.poll(async () => [stateOf(await readyz(bot), 'wecom'), stateOf(await readyz(bot), 'dingtalk')], { timeout: 15_000 }).toEqual(['open', 'open']);
    const r = await readyz(bot);
    expect(r.ok).toBe(true);
    expect(r.connections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ platform: 'wecom', state: 'open' }),
        expect.objectContaining({ platform: 'dingtalk', state: 'open' }),
      ]),
    );
    // the subscription carried the bot's id and secret; the secret never reaches a log line
    expect(ws.framesOf('aibot_subscribe').at(-1)?.body).toEqual({ bot_id: BOT_ID, secret: BOT_SECRET });
    expect(bot.log()).not.toContain(BOT_SECRET);
  });
});

describe('WeCom AI bot over the long connection', () => {
  it('a report pushed on the socket becomes ticket #1; the 受理 answer echoes the callback req_id; the assignee hears privately through the app', async () => {
    const body = wecomReport('我们用电扩容申请一个月了还没批下来', { msgid: 'lc-report-1' });
    const started = Date.now();
    const reqId = ws.push(body, BOT_ID);
    await waitUntil(() => responds([reqId]).length > 0, 'the answer to the callback', 15_000);
    timings.wecomAnswerMs = Date.now() - started;

    const answer = responds([reqId])[0]!;
    const answerBody = answer.body as { msgtype: string; stream: { id: string; finish: boolean; content: string }; template_card?: unknown };
    // one finished stream; with the 认领 button's card alongside when the answer has buttons (sender.ts)
    expect(answerBody.msgtype).toBe(answerBody.template_card ? 'stream_with_template_card' : 'stream');
    expect(answerBody.stream.finish).toBe(true);
    expect(answerBody.stream.content).toContain('已受理 #1');
    expect(answerBody.stream.content).toContain('<@chenjl>');

    const t = await ticketOf('wecom:lc-report-1');
    expect(t).toMatchObject({ no: 1, platform: 'wecom', chatId: GROUP, reporter: { id: 'chenjl' } });
    // marked processed once its handler finished (the answer may leave before that)
    await expect.poll(async () => (await inbound().findOne({ platform: 'wecom', eventId: 'lc-report-1' }))?.status, { timeout: 10_000 }).toBe('processed');

    // the assignee's private notice: with WECOM_CORP_ID/AGENT_ID/AGENT_SECRET set, through the application's message/send
    expect(t.assignee?.wecom).toBeTruthy();
    const notice = await fake.waitFor((r) => r.path === '/cgi-bin/message/send' && r.body?.touser === t.assignee.wecom);
    expect(notice.body).toMatchObject({ msgtype: 'text', agentid: 1000002 });
    expect(notice.body.text.content).toContain('#1');
    expect(fake.requests.find((r) => r.path === '/cgi-bin/gettoken')?.query.get('corpid')).toBe('wwE2eCorp');
    await drained();
    // not over the socket as well, and nothing went through the callback-mode routes
    expect(ws.framesOf('aibot_send_msg').filter((f) => (f.body as { chatid?: string }).chatid === t.assignee.wecom)).toHaveLength(0);
    expect(fake.requests.filter((r) => r.path === '/cgi-bin/webhook/send' || r.path === '/cgi-bin/aibot/response')).toHaveLength(0);
    expect(responds([reqId])).toHaveLength(1);
    // (the first report after the start: its worker process may still be starting on a loaded machine)
  }, 60_000);

  it('the same callback twice, and again under a new req_id with the same msgid: one ticket, one answer', async () => {
    const body = wecomReport('厂区门口的公交站撤了，员工通勤很不方便', { msgid: 'lc-dup-1' });
    const first = ws.pushTwice(body, BOT_ID);
    await waitUntil(() => responds([first]).length > 0, 'the answer to the first delivery', 15_000);
    const again = ws.push(body, BOT_ID);
    expect(again).not.toBe(first);
    const t = await ticketOf('wecom:lc-dup-1');
    await drained();
    expect(await tickets().countDocuments({ sourceMessageId: 'wecom:lc-dup-1' })).toBe(1);
    expect(await inbound().countDocuments({ platform: 'wecom', eventId: 'lc-dup-1' })).toBe(1);
    expect(responds([first, again])).toHaveLength(1);
    expect(acceptedOnSocket(t.no)).toHaveLength(1);
  });

  it('keeps going when the server drops the connection: a report before and one after the reconnect both become tickets', async () => {
    const subscribes = ws.framesOf('aibot_subscribe').length;
    const a = wecomReport('园区道路积水严重，货车进不来', { msgid: 'lc-before-drop' });
    ws.push(a, BOT_ID);
    // stored before the drop (WeCom has no redelivery: one dropped in flight would be lost by design)
    await expect.poll(() => inbound().countDocuments({ platform: 'wecom', eventId: 'lc-before-drop' }), { timeout: 10_000, interval: 5 }).toBe(1);
    const dropped = Date.now();
    ws.drop();
    await waitUntil(() => ws.framesOf('aibot_subscribe').length > subscribes && ws.liveSubscriptions(BOT_ID) === 1, 'a new subscription after the drop', 20_000);
    timings.wecomResubscribeAfterDropMs = Date.now() - dropped;

    const reqB = ws.push(wecomReport('新项目的用地指标还差20亩，12月15日前要报省里', { msgid: 'lc-after-drop' }), BOT_ID);
    const ta = await ticketOf('wecom:lc-before-drop');
    const tb = await ticketOf('wecom:lc-after-drop');
    await waitUntil(() => responds([reqB]).length > 0, 'the answer to the report after the reconnect', 15_000);
    expect(frameText(responds([reqB])[0]!)).toContain(`已受理 #${tb.no}`);
    // A's answer: on the socket, as the stream answer or (its req_id gone with the old socket) as a push to the group
    await waitUntil(() => acceptedOnSocket(ta.no).length > 0, `the answer to #${ta.no}`, 20_000);
    await drained();
    expect(acceptedOnSocket(ta.no)).toHaveLength(1);
    expect(acceptedOnSocket(tb.no)).toHaveLength(1);
    expect(ws.liveSubscriptions(BOT_ID)).toBe(1);
    const r = await readyz(bot);
    expect(r.connections?.find((c) => c.platform === 'wecom')).toMatchObject({ state: 'open', reconnects: 1 });
  });

  // a silent server (no pongs) is replaced after 2 missed 30 s heartbeats: too slow for this file, and covered with
  // short timings by test/integration/wecom-long-connection.test.ts
});

describe('DingTalk Stream', () => {
  const report = (text: string, msgId: string, sessionWebhook?: string) =>
    dingtalkTextPayload(text, { msgId, staffId: '0522002', conversationId: DING_GROUP, sessionWebhook });

  it('a CALLBACK becomes a ticket, is acked only once stored, and is answered through the OpenAPI (a foreign sessionWebhook is never called)', async () => {
    const payload = report('流动资金紧张，想申请政策性担保贷款，请金融办指导', 'ds-report-1', `${evil.base}/robot/sendBySession?session=steal`);
    const started = Date.now();
    const id = stream.sendCallback(payload);
    // each look reads the ack first, then the store: an ack seen before its message was stored would show here
    let storedAtAck: unknown = 'not yet acked';
    await expect
      .poll(
        async () => {
          const acked = stream.isAcked(id);
          const doc = await inbound().findOne({ platform: 'dingtalk', eventId: 'ds-report-1' });
          if (acked) storedAtAck = doc ? doc.status : null;
          return acked;
        },
        { timeout: 15_000, interval: 5 },
      )
      .toBe(true);
    timings.dingtalkAckMs = Date.now() - started;
    expect(storedAtAck, 'the message is in inbound_messages when its ack arrives').toEqual(expect.stringMatching(/received|processing|processed/));
    expect(stream.acksOf(id)).toHaveLength(1);
    expect(stream.acksOf(id)[0]!.frame).toMatchObject({ code: 200, headers: { messageId: id } });

    const t = await ticketOf('dingtalk:ds-report-1');
    expect(t).toMatchObject({ platform: 'dingtalk', chatId: DING_GROUP, reporter: { id: '0522002' } });
    const sent = await fake.waitFor(
      (r) => r.path === '/v1.0/robot/groupMessages/send' && String(r.body?.msgParam ?? '').includes(`已受理 #${t.no}`),
    );
    timings.dingtalkAnswerMs = Date.now() - started;
    expect(sent.headers['x-acs-dingtalk-access-token']).toBe('fake-dingtalk-token');
    expect(sent.body).toMatchObject({ robotCode: DINGTALK.appKey, openConversationId: DING_GROUP });
    await drained();
    expect(evil.requests).toHaveLength(0);
  });

  it('the same frame redelivered, and the same message under a new frame id, change nothing (both acked)', async () => {
    const payload = report('想参加区里组织的产销对接会，怎么报名', 'ds-dup-1', `${fake.base}/robot/sendBySession?session=dup`);
    const id = stream.sendCallback(payload);
    const t = await ticketOf('dingtalk:ds-dup-1');
    await fake.waitFor((r) => r.query.get('session') === 'dup');
    await waitUntil(() => stream.isAcked(id), 'the first ack', 10_000);
    stream.sendCallback(payload, { messageId: id }); // DingTalk's redelivery: the same frame
    const other = stream.sendCallback(payload); // the same robot message under another frame id
    await waitUntil(() => stream.acksOf(id).length === 2 && stream.acksOf(other).length === 1, 'acks for both duplicates', 10_000);
    await drained();
    expect(stream.deliveriesOf(id)).toHaveLength(2);
    expect(await tickets().countDocuments({ sourceMessageId: 'dingtalk:ds-dup-1' })).toBe(1);
    expect(await inbound().countDocuments({ platform: 'dingtalk', eventId: 'ds-dup-1' })).toBe(1);
    expect(fake.requests.filter((r) => r.query.get('session') === 'dup')).toHaveLength(1);
    expect(fake.requests.filter((r) => JSON.stringify(r.body ?? '').includes(`已受理 #${t.no}`))).toHaveLength(1);
  });

  it('after a SYSTEM disconnect a new connection opens, the old one is closed by the bot, and a later callback still arrives', async () => {
    const old = stream.latest()!;
    const started = Date.now();
    stream.disconnect(old);
    await waitUntil(() => (stream.latest()?.id ?? 0) > old.id, 'a new Stream connection', 15_000);
    timings.dingtalkReconnectAfterDisconnectMs = Date.now() - started;
    // warm reconnect: the bot closes the old socket itself, well before the server would (10 s)
    await waitUntil(() => old.closedAt !== undefined, 'the old connection closed', 8_000);
    expect(old.closedBy).toBe('client');

    const payload = report('施工现场的深基坑支护有变形，存在安全隐患', 'ds-after-disconnect', `${fake.base}/robot/sendBySession?session=after`);
    const id = stream.sendCallback(payload);
    const t = await ticketOf('dingtalk:ds-after-disconnect');
    await waitUntil(() => stream.isAcked(id), 'the ack on the new connection', 10_000);
    expect(stream.acksOf(id)[0]!.connection).toBe(stream.latest()!.id);
    // a sessionWebhook on DINGTALK_OAPI_BASE is used while it is valid
    const reply = await fake.waitFor((r) => r.path === '/robot/sendBySession' && r.query.get('session') === 'after');
    expect(JSON.stringify(reply.body)).toContain(`已受理 #${t.no}`);
    expect((await readyz(bot)).connections?.find((c) => c.platform === 'dingtalk')).toMatchObject({ state: 'open', reconnects: 1 });
  });
});

describe('two bot processes of one deployment against one WeCom server', () => {
  it('hold at most one subscription between them, without a storm; the other takes over when the holder stops', async () => {
    const t0 = Date.now();
    second = await startBot(env());
    timings.secondBotReadyMs = Date.now() - t0;
    const b = second;
    // the second one stands by: the lease is the first one's (either process's /readyz reports both)
    await expect.poll(async () => statesOf(await readyz(b), 'wecom'), { timeout: 30_000 }).toEqual(['open', 'standby']);
    expect(statesOf(await readyz(bot), 'wecom')).toEqual(['open', 'standby']);
    await expect.poll(async () => statesOf(await readyz(b), 'dingtalk'), { timeout: 10_000 }).toEqual(['open', 'open']);

    const subscribes = ws.framesOf('aibot_subscribe').length;
    let most = 0;
    let sockets = 0;
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      most = Math.max(most, ws.liveSubscriptions(BOT_ID));
      sockets = Math.max(sockets, ws.connections());
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(most).toBe(1);
    expect(sockets).toBe(1);
    expect(ws.framesOf('aibot_subscribe').length - subscribes).toBe(0);

    // the holder stops (SIGTERM): it releases the lease; the other acquires it on its next try (every ttl/3 = 2 s)
    const stopped = Date.now();
    expect(await bot.stop()).toBe(0);
    await waitUntil(
      () => ws.liveSubscriptions(BOT_ID) === 1 && ws.frames.some((f) => f.cmd === 'aibot_subscribe' && f.at >= stopped),
      'the second process subscribes',
      15_000,
      50,
    );
    timings.takeoverAfterStopMs = Date.now() - stopped;
    expect(ws.framesOf('aibot_subscribe').length - subscribes).toBe(1);
    await expect.poll(async () => statesOf(await readyz(b), 'wecom'), { timeout: 5_000 }).toEqual(['open']);

    const reqId = ws.push(wecomReport('车间变压器昨晚烧了，全厂停电', { msgid: 'lc-after-takeover' }), BOT_ID);
    const t = await ticketOf('wecom:lc-after-takeover');
    await waitUntil(() => responds([reqId]).length > 0, 'the answer from the process that took over', 15_000);
    expect(frameText(responds([reqId])[0]!)).toContain(`已受理 #${t.no}`);
    expect(ws.liveSubscriptions(BOT_ID)).toBe(1);
  }, 95_000);

  // the bot's connections live in its worker process, which stops (and gives the lease back) when its parent dies; a
  // worker killed with its parent's whole process group would leave the lease to run out instead (LEASE_SEC) — either way
  // the standby takes over within the bound below
  it('a holder that crashes (SIGKILL) is replaced, within the lease’s ttl at the latest', async () => {
    const holder = second!;
    third = await startBot(env());
    const c = third;
    await expect.poll(async () => statesOf(await readyz(c), 'wecom'), { timeout: 30_000 }).toEqual(['open', 'standby']);
    const subscribes = ws.framesOf('aibot_subscribe').length;
    const killed = Date.now();
    await holder.kill();
    await waitUntil(
      () => ws.liveSubscriptions(BOT_ID) === 1 && ws.frames.some((f) => f.cmd === 'aibot_subscribe' && f.at >= killed),
      'the third process subscribes after the holder crashed',
      25_000,
      50,
    );
    timings.takeoverAfterCrashMs = Date.now() - killed;
    // the lease outlives the crash (LEASE_SEC), the standby tries every ttl/3: within 4/3 of the ttl, plus a dial
    expect(timings.takeoverAfterCrashMs).toBeLessThan((LEASE_SEC * 4_000) / 3 + 5_000);
    expect(ws.framesOf('aibot_subscribe').length - subscribes).toBe(1);

    const reqId = ws.push(wecomReport('企业招工难，想请人社局帮忙对接职业院校', { msgid: 'lc-after-crash' }), BOT_ID);
    const t = await ticketOf('wecom:lc-after-crash');
    await waitUntil(() => responds([reqId]).length > 0, 'the answer from the process that took over after the crash', 15_000);
    expect(frameText(responds([reqId])[0]!)).toContain(`已受理 #${t.no}`);
  }, 90_000);
});
