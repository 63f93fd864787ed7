import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createWecomCrypto } from '../../src/platforms/wecom/crypto.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import {
  DINGTALK,
  WECOM,
  dingtalkCallback,
  dingtalkTextPayload,
  wecomCallback,
  wecomTextPayload, dingtalkEnv, wecomEnv } from '../helpers/callbacks.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { waitForDrain } from '../helpers/queue-drain.js';

const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
let fake: FakePlatforms;
let evil: FakePlatforms;
let bot: BotProcess;
let store: Store;
const prefix = testQueuePrefix();
/** Every job of the bot's deployment has run and the fake platforms heard nothing new: only then assert "nothing more". */
const drained = () => waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length + evil.requests.length });

beforeAll(async () => {
  fake = await startFakePlatforms();
  evil = await startFakePlatforms();
  const mongoUri = testMongoUri('e2e');
  bot = await startBot({
    MONGODB_URI: mongoUri,
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: prefix,
    ADMIN_TOKEN,
    ...wecomEnv(fake.base),
    ...dingtalkEnv(fake.base),
  });
  store = await connectStore(mongoUri);
});

afterAll(async () => {
  expect(await bot.stop()).toBe(0);
  await store?.conn.dropDatabase();
  await store?.close();
  await fake?.close();
  await evil?.close();
});

const tickets = () => store.conn.collection('tickets');
const inbound = () => store.conn.collection('inbound_messages');

function postWecom(cb: { query: string; body: string }) {
  return fetch(`${bot.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body, headers: { 'content-type': 'application/json' } });
}
function postDingtalk(cb: { headers: Record<string, string>; body: string }) {
  return fetch(`${bot.base}/webhooks/dingtalk`, { method: 'POST', body: cb.body, headers: cb.headers });
}
const responseUrl = (code: string) => `${fake.base}/cgi-bin/aibot/response?response_code=${code}`;

describe('WeCom AI bot callbacks', () => {
  it('answers the URL verification with the decrypted echostr, bare', async () => {
    const crypto = createWecomCrypto({ token: WECOM.token, encodingAesKey: WECOM.aesKey, receiveId: '' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { encrypt, msgSignature } = crypto.seal('8317415063521488931', timestamp, '42');
    const q = new URLSearchParams({ msg_signature: msgSignature, timestamp, nonce: '42', echostr: encrypt });
    const res = await fetch(`${bot.base}/webhooks/wecom?${q}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('8317415063521488931');
    const forged = new URLSearchParams({ msg_signature: '0'.repeat(40), timestamp, nonce: '42', echostr: encrypt });
    expect((await fetch(`${bot.base}/webhooks/wecom?${forged}`)).status).toBe(401);
  });

  it('turns a report into ticket #N and answers in the same conversation, @-mentioning the reporter', async () => {
    const payload = wecomTextPayload('我们用电扩容申请一个月了还没批下来，影响二期投产，很急', {
      msgid: 'wecom-report-1',
      responseUrl: responseUrl('r1'),
    });
    const res = await postWecom(wecomCallback(payload));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const reply = await fake.waitFor((r) => r.path === '/cgi-bin/aibot/response' && r.query.get('response_code') === 'r1');
    expect(reply.body.msgtype).toBe('markdown');
    const content: string = reply.body.markdown.content;
    expect(content).toMatch(/已受理 #\d+/);
    expect(content).toContain('<@chenjl>');
    expect(content).toContain('水电气网');
    expect(content).toContain('紧急');

    const t = await tickets().findOne({ sourceMessageId: 'wecom:wecom-report-1' });
    expect(t).toMatchObject({
      platform: 'wecom',
      chatId: 'wrkSFfCgAAyilong01',
      reporter: { id: 'chenjl' },
      text: '我们用电扩容申请一个月了还没批下来，影响二期投产，很急',
      category: 'utilities',
      urgency: 'urgent',
      status: 'accepted',
    });
    expect(content).toContain(`#${t!.no}`);
    expect(t!.events).toHaveLength(1);
    const stored = await inbound().findOne({ platform: 'wecom', eventId: 'wecom-report-1' });
    expect(stored).toMatchObject({ status: 'processed', raw: { msgid: 'wecom-report-1', text: { content: expect.stringContaining('@店小二') } } });
  });

  it('a duplicated delivery answers 200 and adds nothing: one ticket, one answer', async () => {
    const cb = wecomCallback(wecomTextPayload('厂区门口的公交站撤了，员工通勤很不方便', { msgid: 'wecom-dup-1', responseUrl: responseUrl('dup') }));
    const statuses = await Promise.all([postWecom(cb), postWecom(cb), postWecom(cb)].map((p) => p.then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200]);
    await fake.waitFor((r) => r.query.get('response_code') === 'dup');
    await drained();
    expect(await tickets().countDocuments({ sourceMessageId: 'wecom:wecom-dup-1' })).toBe(1);
    expect(await inbound().countDocuments({ eventId: 'wecom-dup-1' })).toBe(1);
    expect(fake.requests.filter((r) => r.query.get('response_code') === 'dup')).toHaveLength(1);
  });

  it('a forged signature, a stale timestamp or a wrong key gives 401 and stores nothing', async () => {
    const before = await inbound().countDocuments();
    const payload = wecomTextPayload('伪造的消息，不应入库', { msgid: 'wecom-forged', responseUrl: responseUrl('forged') });
    const forged = wecomCallback(payload, { token: 'not-the-token' });
    expect((await postWecom(forged)).status).toBe(401);
    const stale = wecomCallback(payload, { timestamp: Math.floor(Date.now() / 1000) - 7200 });
    expect((await postWecom(stale)).status).toBe(401);
    const good = wecomCallback(payload);
    const noSig = good.query.replace(/msg_signature=[^&]+&?/, '');
    expect((await postWecom({ query: noSig, body: good.body })).status).toBe(401);
    expect(await inbound().countDocuments()).toBe(before);
  });

  it('garbage gets 400, an oversized body 413, and nothing is stored', async () => {
    const before = await inbound().countDocuments();
    const good = wecomCallback(wecomTextPayload('x', { responseUrl: responseUrl('g') }));
    expect((await postWecom({ query: good.query, body: '{not json' })).status).toBe(400);
    expect((await postWecom({ query: good.query, body: '{"hello":1}' })).status).toBe(400);
    const huge = JSON.stringify({ encrypt: 'A'.repeat(1024 * 1024 + 10) });
    expect((await postWecom({ query: good.query, body: huge })).status).toBe(413);
    expect(await inbound().countDocuments()).toBe(before);
  });

  it('never sends to a response_url outside WECOM_API_BASE, but still records the ticket', async () => {
    const payload = wecomTextPayload('新项目的用地指标还差20亩，12月15日前要报省里', {
      msgid: 'wecom-evil-url',
      responseUrl: `${evil.base}/cgi-bin/aibot/response?response_code=steal`,
    });
    expect((await postWecom(wecomCallback(payload))).status).toBe(200);
    await expect.poll(() => tickets().countDocuments({ sourceMessageId: 'wecom:wecom-evil-url' }), { timeout: 10_000 }).toBe(1);
    await drained();
    expect(evil.requests).toHaveLength(0);
  });

  it('chit-chat makes no ticket and no answer; a command from someone the directory does not know is refused', async () => {
    const chat = wecomTextPayload('好的，辛苦了', { msgid: 'wecom-chat', responseUrl: responseUrl('chat') });
    expect((await postWecom(wecomCallback(chat))).status).toBe(200);
    await expect
      .poll(async () => (await inbound().findOne({ eventId: 'wecom-chat' }))?.status, { timeout: 10_000 })
      .toBe('processed');
    expect(await tickets().countDocuments({ sourceMessageId: 'wecom:wecom-chat' })).toBe(0);
    expect(fake.requests.filter((r) => r.query.get('response_code') === 'chat')).toHaveLength(0);

    const cmd = wecomTextPayload('认领 #1', { msgid: 'wecom-claim', userid: 'zhangwei', responseUrl: responseUrl('claim') });
    expect((await postWecom(wecomCallback(cmd))).status).toBe(200);
    const reply = await fake.waitFor((r) => r.query.get('response_code') === 'claim');
    expect(reply.body.markdown.content).toBe('<@zhangwei> 抱歉，只有责任人、专班或责任部门成员、领导和管理员才能签收 #1。');
    expect(await tickets().findOne({ no: 1 })).toMatchObject({ status: 'accepted', events: [{ type: 'accepted' }] });
  });
});

describe('DingTalk app robot callbacks', () => {
  it('turns a report into a ticket and answers through the sessionWebhook with a real @-mention', async () => {
    const payload = dingtalkTextPayload('流動資金緊張，想申請政策性擔保貸款，請金融辦指導', {
      msgId: 'ding-report-1',
      sessionWebhook: `${fake.base}/robot/sendBySession?session=s1`,
    });
    const res = await postDingtalk(dingtalkCallback(payload));
    expect(res.status).toBe(200);
    const reply = await fake.waitFor((r) => r.path === '/robot/sendBySession' && r.query.get('session') === 's1');
    expect(reply.body.msgtype).toBe('markdown');
    expect(reply.body.markdown.text).toMatch(/已受理 #\d+/);
    expect(reply.body.markdown.text).toContain('@0522002');
    expect(reply.body.at.atUserIds).toEqual(['0522002']);
    expect(await tickets().findOne({ sourceMessageId: 'dingtalk:ding-report-1' })).toMatchObject({
      platform: 'dingtalk',
      chatId: 'cidTianCiService01==',
      reporter: { id: '0522002', name: '孙总' },
      category: 'finance',
      status: 'accepted',
    });
  });

  it('falls back to groupMessages/send with an access token when the sessionWebhook has expired', async () => {
    const payload = dingtalkTextPayload('施工现场的深基坑支护有变形，存在安全隐患', {
      msgId: 'ding-expired',
      sessionWebhook: `${fake.base}/robot/sendBySession?session=old`,
      expiresAt: Date.now() - 1000,
    });
    expect((await postDingtalk(dingtalkCallback(payload))).status).toBe(200);
    const sent = await fake.waitFor((r) => r.path === '/v1.0/robot/groupMessages/send');
    expect(sent.headers['x-acs-dingtalk-access-token']).toBe('fake-dingtalk-token');
    expect(sent.body).toMatchObject({ robotCode: DINGTALK.appKey, openConversationId: 'cidTianCiService01==', msgKey: 'sampleMarkdown' });
    expect(JSON.parse(sent.body.msgParam).text).toMatch(/已受理 #\d+/);
    // the open API's template has no @: people are named, never shown by their bare staff id
    expect(JSON.parse(sent.body.msgParam).text).toContain('@孙总');
    expect(JSON.parse(sent.body.msgParam).text).not.toMatch(/@\d/);
    expect(fake.requests.some((r) => r.query.get('session') === 'old')).toBe(false);
    const token = fake.requests.find((r) => r.path === '/v1.0/oauth2/accessToken');
    expect(token?.body).toEqual({ appKey: DINGTALK.appKey, appSecret: DINGTALK.appSecret });
  });

  it('a wrong sign or a timestamp over an hour off gives 401 and stores nothing', async () => {
    const before = await inbound().countDocuments();
    const payload = dingtalkTextPayload('伪造', { msgId: 'ding-forged' });
    expect((await postDingtalk(dingtalkCallback(payload, { secret: 'wrong' }))).status).toBe(401);
    expect((await postDingtalk(dingtalkCallback(payload, { timestamp: Date.now() - 3_700_000 }))).status).toBe(401);
    const noSign = dingtalkCallback(payload);
    expect(
      (await fetch(`${bot.base}/webhooks/dingtalk`, { method: 'POST', body: noSign.body, headers: { timestamp: noSign.headers.timestamp } })).status,
    ).toBe(401);
    expect(await inbound().countDocuments()).toBe(before);
  });

  it('malformed JSON gives 400; a duplicate msgId gives one ticket', async () => {
    expect((await postDingtalk({ ...dingtalkCallback({}), body: '{"msgId": ' })).status).toBe(400);
    const cb = dingtalkCallback(dingtalkTextPayload('想参加区里组织的产销对接会，怎么报名', { msgId: 'ding-dup', sessionWebhook: `${fake.base}/robot/sendBySession?session=dd` }));
    expect((await postDingtalk(cb)).status).toBe(200);
    expect((await postDingtalk(cb)).status).toBe(200);
    await fake.waitFor((r) => r.query.get('session') === 'dd');
    await drained();
    expect(await tickets().countDocuments({ sourceMessageId: 'dingtalk:ding-dup' })).toBe(1);
    expect(fake.requests.filter((r) => r.query.get('session') === 'dd')).toHaveLength(1);
  });
});

describe('DingTalk callbacks: bad input and foreign hosts', () => {
  it('a sessionWebhook on a host other than DINGTALK_OAPI_BASE is never called: the answer goes through the open API', async () => {
    const payload = dingtalkTextPayload('园区道路积水严重，货车进不来', { msgId: 'ding-evil-session', sessionWebhook: `${evil.base}/robot/sendBySession?session=evil` });
    expect((await postDingtalk(dingtalkCallback(payload))).status).toBe(200);
    const sent = await fake.waitFor((r) => r.path === '/v1.0/robot/groupMessages/send' && JSON.parse(r.body.msgParam).text.includes('积水'));
    expect(sent.body).toMatchObject({ robotCode: DINGTALK.appKey, openConversationId: 'cidTianCiService01==' });
    await drained();
    expect(evil.requests).toHaveLength(0);
  });

  it('a createAt out of range or another robot\'s robotCode is 400 and stores nothing', async () => {
    const before = await inbound().countDocuments();
    const far = { ...dingtalkTextPayload('时间错乱', { msgId: 'ding-far' }), createAt: 1e20 };
    expect((await postDingtalk(dingtalkCallback(far))).status).toBe(400);
    const other = { ...dingtalkTextPayload('别的机器人', { msgId: 'ding-other-robot' }), robotCode: 'dingAnotherRobot' };
    expect((await postDingtalk(dingtalkCallback(other))).status).toBe(400);
    expect(await inbound().countDocuments()).toBe(before);
  });
});

describe('operators', () => {
  it('healthz and readyz answer', async () => {
    expect(await (await fetch(`${bot.base}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${bot.base}/readyz`)).json()).toEqual({ ok: true, mongodb: true, redis: true });
  });

  it('the ticket API needs the bearer token and returns tickets with their events', async () => {
    expect((await fetch(`${bot.base}/api/tickets`)).status).toBe(401);
    expect((await fetch(`${bot.base}/api/tickets`, { headers: { authorization: 'Bearer wrong-token-000000000' } })).status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    const list = (await (await fetch(`${bot.base}/api/tickets?status=accepted`, auth)).json()) as { tickets: { no: number }[] };
    expect(list.tickets.length).toBeGreaterThanOrEqual(4);
    const no = list.tickets[0]!.no;
    const one = (await (await fetch(`${bot.base}/api/tickets/${no}`, auth)).json()) as { ticket: { no: number; events: unknown[] } };
    expect(one.ticket.no).toBe(no);
    expect(one.ticket.events).toHaveLength(1);
    expect((await fetch(`${bot.base}/api/tickets/99999`, auth)).status).toBe(404);
    expect((await fetch(`${bot.base}/api/tickets?status=bogus`, auth)).status).toBe(400);
  });

  it('logs carry the message id and never a secret or a response_url', () => {
    const log = bot.log();
    expect(log).toContain('"eventId":"wecom-report-1"');
    for (const secret of [WECOM.aesKey, DINGTALK.appSecret, ADMIN_TOKEN, 'fake-dingtalk-token', 'response_code=']) {
      expect(log).not.toContain(secret);
    }
  });
});
