import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import { validateDirectory } from '../../src/domain/directory.js';
import type { ReceiveResult } from '../../src/messages/inbound.js';
import { encodeCardKey } from '../../src/platforms/wecom/card.js';
import { createWecomReceiver } from '../../src/platforms/wecom/receiver.js';
import { createWecomSender } from '../../src/platforms/wecom/sender.js';
import { createCardReplies } from '../../src/queue/card-replies.js';
import { createHttpApp } from '../../src/server/app.js';
import { createLogger } from '../../src/shared/logger.js';
import { startBotHarness, type BotHarness, type Sent } from '../helpers/bot-harness.js';
import { WECOM, openWecomReply, wecomCallback, wecomCardTapPayload, wecomTextPayload } from '../helpers/callbacks.js';
import { testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { sharedPath } from '../helpers/shared.js';

/**
 * A tap on a card in WeCom's callback mode: the card's update is the passive reply to the tap's own callback. The
 * route (src/server/app.ts) stores the tap and waits; a worker (here: the real bot and handlers over a real store,
 * then the real WeCom sender) produces the answer, which the sender hands over through Redis
 * (src/queue/card-replies.ts); the route answers WeCom with it, sealed. Nothing in time: an empty 200, the card stays.
 */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const GROUP = 'wrkSFfCgAAyilong01';
const WAIT_MS = 1_500;

let h: BotHarness;
let fake: FakePlatforms;
let redis: Redis;
let server: Server;
let base: string;
/** What the bot sent privately (the application's message/send is not configured here). */
const privates: Sent[] = [];
const seen = new Set<string>();
/** How long the fake worker takes before it handles a message. */
let workerDelayMs = 0;
/** The worker's jobs still running: "nothing else was sent" is asserted once they have all finished. */
const working = new Set<Promise<void>>();
const drained = async () => {
  while (working.size > 0) await Promise.all(working);
};

beforeAll(async () => {
  h = await startBotHarness({ label: 'card-callback', directory: v.data, now: new Date().toISOString(), calendar: new BusinessCalendar({ timezone: 'Asia/Shanghai' }) });
  fake = await startFakePlatforms();
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const cardReplies = createCardReplies(redis, testQueuePrefix(), { pollMs: 20 });
  const sender = createWecomSender(
    { mode: 'callback', apiBase: fake.base } as never,
    { webhookKey: async () => 'KEY', tokens: { get: async () => 't' }, rateLimitWaitMs: 1, cardReplies },
  );
  // the worker: the stored message through the real bot, its answers through the real sender (in the background,
  // as the queue would run it)
  const work = async (r: Extract<ReceiveResult, { kind: 'message' }>) => {
    await new Promise((res) => setTimeout(res, workerDelayMs));
    const { sent } = await h.again(r.message);
    for (const s of sent) {
      if (s.target.kind === 'user') privates.push(s);
      else await sender.send(s.target, s.message);
    }
  };
  const app = createHttpApp({
    config: loadConfig({}),
    log: createLogger('silent'),
    intake: {
      accept: async (r) => {
        if (r.kind !== 'message') return 'ignored';
        if (seen.has(r.message.eventId)) return 'duplicate';
        seen.add(r.message.eventId);
        const job = work(r).finally(() => working.delete(job));
        working.add(job);
        return 'accepted';
      },
    },
    tickets: {} as never,
    ready: async () => ({}),
    wecom: createWecomReceiver({ botToken: WECOM.token, botAesKey: WECOM.aesKey }, { botName: '店小二', windowSec: 300 }),
    cardReplies,
    cardReplyWaitMs: WAIT_MS,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await fake.close();
  await h.close();
  redis.disconnect();
});

const responseUrl = (code: string) => `${fake.base}/cgi-bin/aibot/response?response_code=${code}`;

function tapPayload(userid: string, command: string, msgid: string, taskId = 'xe-task-1') {
  const card = { task_id: taskId, button_list: [{ text: 'x', key: encodeCardKey(command) }] };
  return wecomCardTapPayload(card, 'x', { msgid, userid, chatid: GROUP, responseUrl: responseUrl(msgid) });
}

async function post(payload: Record<string, unknown>) {
  const cb = wecomCallback(payload);
  const started = Date.now();
  const res = await fetch(`${base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body });
  return { status: res.status, text: await res.text(), ms: Date.now() - started };
}

const open = openWecomReply;

describe('WeCom callback mode: a tap on a card', () => {
  it('an ordinary message is acknowledged at once, empty; its 受理 answer goes through response_url as the card', async () => {
    const r = await post(wecomTextPayload('我们用电扩容申请一个月了还没批下来', { msgid: 'cb-report-1', chatid: GROUP, responseUrl: responseUrl('cb-report-1') }));
    expect(r).toMatchObject({ status: 200, text: '' });
    expect(r.ms).toBeLessThan(WAIT_MS);
    const answer = await fake.waitFor((x) => x.query.get('response_code') === 'cb-report-1');
    expect(answer.body).toMatchObject({ msgtype: 'template_card', template_card: { card_type: 'button_interaction', main_title: { title: '已受理 #1' } } });
    expect(answer.body.template_card.button_list).toEqual([{ text: '认领', style: 1, key: encodeCardKey('认领 #1') }]);
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_claim', assignee: { personId: 'zhangwei' } });
  });

  it('a tap by someone not allowed: an empty 200 after the wait (the card stays), the refusal privately', async () => {
    const r = await post(tapPayload('chenjl', '认领 #1', 'cb-tap-wrong'));
    expect(r).toMatchObject({ status: 200, text: '' });
    expect(r.ms).toBeGreaterThanOrEqual(WAIT_MS - 50);
    expect(r.ms).toBeLessThan(WAIT_MS + 1_000);
    const toTapper = privates.filter((s) => s.target.kind === 'user' && s.target.userId === 'chenjl');
    expect(toTapper.map((s) => s.message.text)).toEqual(['抱歉，只有责任人、专班或责任部门成员、领导和管理员才能签收 #1。']);
    expect(fake.requests.filter((x) => x.query.get('response_code') === 'cb-tap-wrong')).toHaveLength(0);
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_claim' });
  });

  it('a permitted tap: the sealed card update is the answer to the callback, naming who did what', async () => {
    const r = await post(tapPayload('zhangwei', '认领 #1', 'cb-tap-ok'));
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(WAIT_MS);
    const update = open(r.text);
    expect(update).toMatchObject({
      response_type: 'update_template_card',
      template_card: { card_type: 'button_interaction', task_id: 'xe-task-1', button_list: [{ text: '张伟 已认领', key: 'done' }] },
    });
    expect(update.template_card.main_title.title).toContain('#1 已签收');
    expect(await h.ticket(1)).toMatchObject({ status: 'in_progress' });
    // the update was the answer: nothing through the response_url, nothing to the group
    await drained();
    expect(fake.requests.filter((x) => x.query.get('response_code') === 'cb-tap-ok' || x.path === '/cgi-bin/webhook/send')).toHaveLength(0);

    // WeCom delivers the same callback again: the same update, at once; the tap is not performed twice
    const again = await post(tapPayload('zhangwei', '认领 #1', 'cb-tap-ok'));
    expect(again.ms).toBeLessThan(WAIT_MS);
    expect(open(again.text)).toEqual(update);
  });

  it('an update that comes too late: the callback was answered empty, the answer goes through response_url as text', async () => {
    await post(wecomTextPayload('厂区门口的路灯坏了一个月', { msgid: 'cb-report-2', chatid: GROUP, responseUrl: responseUrl('cb-report-2') }));
    await fake.waitFor((x) => x.query.get('response_code') === 'cb-report-2');
    workerDelayMs = WAIT_MS + 300;
    try {
      const r = await post(tapPayload('zhangwei', '认领 #2', 'cb-tap-late', 'xe-task-2'));
      expect(r).toMatchObject({ status: 200, text: '' });
      const text = await fake.waitFor((x) => x.query.get('response_code') === 'cb-tap-late');
      expect(text.body.msgtype).toBe('markdown');
      expect(text.body.markdown.content).toContain('#2 已签收');
    } finally {
      workerDelayMs = 0;
    }
  });
});

describe('the hand-over (src/queue/card-replies.ts) on real Redis', () => {
  it('exactly one side decides: an offer is taken while the request waits, refused once it has answered or when none waits', async () => {
    const r = createCardReplies(redis, testQueuePrefix(), { pollMs: 10 });
    const body = { response_type: 'update_template_card', template_card: { task_id: 't' } };
    // nobody waits (a sweep long after, a redelivery): refused, so the sender answers as text
    expect(await r.offer('e0', body)).toBe(false);

    expect(await r.expect('e1')).toBe(true);
    expect(await r.expect('e1')).toBe(false);
    const taken = r.take('e1', 2_000);
    await new Promise((res) => setTimeout(res, 50));
    expect(await r.offer('e1', body)).toBe(true);
    expect(await taken).toEqual(body);
    // a retried send of the same answer is still "handed over"; a redelivered callback sees it
    expect(await r.offer('e1', body)).toBe(true);
    expect(await r.peek('e1')).toEqual(body);

    expect(await r.expect('e2')).toBe(true);
    expect(await r.take('e2', 30)).toBeNull();
    expect(await r.offer('e2', body)).toBe(false);
    expect(await r.peek('e2')).toBeNull();
  });
});
