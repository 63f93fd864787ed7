/**
 * The fault suite (issue 12): the real bot process on a FerretDB this test owns and the run's Redis, fed a few
 * hundred distinct reports through both platforms — every callback delivered three times at once, some again later —
 * while the process is killed (SIGKILL) and restarted on the same data, every Redis key of the deployment is deleted
 * and the store is restarted. Then thousands of malformed requests on both webhooks. It prints one line of figures
 * and fails on any lost or duplicated ticket or answer, any 5xx other than a 503 while the store is down, or a dead
 * process.
 *
 * Negative claims ("no duplicate", "nothing sent to a foreign host") are made only after the bot's queues are drained
 * and the fake platform's request count is stable; "everything answered" is a poll with an overall deadline.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/domain/parse/parse.js';
import { freePort } from '../../src/infra/process.js';
import { createWecomCrypto } from '../../src/platforms/wecom/crypto.js';
import { dingtalkSign } from '../../src/platforms/dingtalk/sign.js';
import { connectStore } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { DINGTALK, WECOM, dingtalkCallback, dingtalkEnv, dingtalkTextPayload, wecomCallback, wecomEnv, wecomTextPayload } from '../helpers/callbacks.js';
import { startControlledFerretdb, type ControlledFerretdb } from '../helpers/controlled-ferretdb.js';
import { testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms, type Recorded } from '../helpers/fake-platforms.js';
import { pendingJobs, waitForDrain, wipeDeployment } from '../helpers/queue-drain.js';

const REPORTS = Number(process.env.FAULTS_REPORTS ?? 280);
const FUZZ = Number(process.env.FAULTS_FUZZ ?? 3000);
const CHATS_PER_PLATFORM = 20;
const ANSWER_DEADLINE_MS = Number(process.env.FAULTS_DEADLINE_MS ?? 170_000);
/** However the bot behaves, deliveries and waits stop after this (a stuck bot still gets its figures printed). */
const BUDGET_MS = Number(process.env.FAULTS_BUDGET_MS ?? 240_000);
let hardStop = Infinity;

let fake: FakePlatforms;
let evil: FakePlatforms;
let fdb: ControlledFerretdb;
let bot: BotProcess;
let dir: string;
let port: number;
const prefix = testQueuePrefix();
const dbName = `faults_${randomUUID().slice(0, 8)}`;

/** Progress, for a human watching a long run: `tail -f` this file (FAULTS_PROGRESS, default in the temp folder). */
const PROGRESS = process.env.FAULTS_PROGRESS ?? join(tmpdir(), `xiaoer-faults-progress-${prefix}.log`);
const t0 = Date.now();
function progress(m: string) {
  appendFileSync(PROGRESS, `${new Date().toISOString()} +${((Date.now() - t0) / 1000).toFixed(1)}s ${m}\n`);
}

/** Set while the store is stopped, until the bot reports it ready again: only then is a 503 allowed. */
let storeDown = false;
const problems: string[] = [];
const statuses = new Map<number, number>();
const fuzzStatuses = new Map<number, number>();

function env(): Record<string, string> {
  return {
    PORT: String(port),
    MONGODB_URI: fdb.uri(dbName),
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: prefix,
    XIAOER_DATA_DIR: join(dir, 'bot-data'),
    LOG_LEVEL: 'warn',
    ...wecomEnv(fake.base),
    ...dingtalkEnv(fake.base),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaoer-faults-'));
  fake = await startFakePlatforms();
  evil = await startFakePlatforms();
  fdb = await startControlledFerretdb(dir);
  // the platforms take a moment to answer a reply, as the real ones do: when the bot is killed, sends are in flight
  fake.setResponder((r) => (r.path === '/cgi-bin/aibot/response' || r.path === '/robot/sendBySession' ? { body: { errcode: 0, errmsg: 'ok' }, delayMs: 300 } : undefined));
  port = await freePort();
  bot = await startBot(env());
});

afterAll(async () => {
  await bot?.stop();
  await fdb?.stop();
  await fake?.close();
  await evil?.close();
  const r = new Redis(testRedisUrl());
  await wipeDeployment(r, prefix);
  r.disconnect();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const TEMPLATES = [
  '我们用电扩容申请一个月了还没批下来，影响二期投产',
  '新厂房的施工许可证办了两个月还没下来，设备都到了没法进场',
  '厂区门口的公交站撤了，员工通勤很不方便',
  '环评报告交上去一个多月了，一直说在审，能不能帮忙催一下',
  '流动资金紧张，想申请政策性担保贷款，请金融办指导',
  '厂区道路被渣土车压坏了，货车进出困难',
  '天然气管道接入一直没人来对接，锅炉没法调试',
  '招工难，想请人社局帮忙对接职业院校的实习生',
];

interface Report {
  i: number;
  platform: 'wecom' | 'dingtalk';
  id: string;
  chat: string;
  text: string;
  payload: Record<string, unknown>;
}

function report(i: number): Report {
  const platform = i % 2 === 0 ? 'wecom' : 'dingtalk';
  const text = `${TEMPLATES[i % TEMPLATES.length]}（企业编号F${i}）`;
  // the first 50 reports in one conversation per platform: 25 answers each, more than the pace (20 a minute) allows, so
  // some wait in Redis (delayed send jobs) when its keys are deleted; the others spread over the other conversations
  const c = i < Math.min(50, Math.ceil(REPORTS / 4)) ? 0 : 1 + (Math.floor(i / 2) % (CHATS_PER_PLATFORM - 1));
  if (platform === 'wecom') {
    const id = `fault-w-${i}`;
    const chat = `wrkFault${c}`;
    return { i, platform, id, chat, text, payload: wecomTextPayload(text, { msgid: id, chatid: chat, userid: `ent${c}`, responseUrl: `${fake.base}/cgi-bin/aibot/response?response_code=fw${i}` }) };
  }
  const id = `fault-d-${i}`;
  const chat = `cidFault${c}==`;
  return {
    i,
    platform,
    id,
    chat,
    text,
    payload: dingtalkTextPayload(text, { msgId: id, conversationId: chat, staffId: `ent${c}`, sessionWebhook: `${fake.base}/robot/sendBySession?session=fd${i}` }),
  };
}

/** One POST as the platform makes it; network errors (the bot is down) count as status 0. */
async function post(path: string, init: { query?: string; headers?: Record<string, string>; body: string | Buffer }): Promise<number> {
  try {
    const res = await fetch(`${bot.base}${path}${init.query ? `?${init.query}` : ''}`, {
      method: 'POST',
      headers: init.headers ?? { 'content-type': 'application/json' },
      body: init.body,
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}

function note(map: Map<number, number>, status: number) {
  map.set(status, (map.get(status) ?? 0) + 1);
}

/** Judges one answer to a callback: 5xx other than a 503 while the store is down (at the request's start or end) fails. */
function judge(status: number, what: string, map = statuses, downAtStart = storeDown) {
  note(map, status);
  const down = downAtStart || storeDown;
  if (status >= 500 && !(status === 503 && down)) problems.push(`${what}: HTTP ${status}${down ? '' : ' (store up)'}`);
}

/** Delivers a report's callback until the bot answers 200, as the platforms redeliver (fresh signature each time). */
async function deliver(r: Report): Promise<void> {
  const deadline = Math.min(Date.now() + 90_000, hardStop);
  for (let attempt = 0; ; attempt++) {
    let status: number;
    const down = storeDown;
    if (r.platform === 'wecom') {
      const cb = wecomCallback(r.payload);
      status = await post('/webhooks/wecom', { query: cb.query, body: cb.body });
    } else {
      const cb = dingtalkCallback(r.payload);
      status = await post('/webhooks/dingtalk', { headers: cb.headers, body: cb.body });
    }
    if (status !== 0) judge(status, `report ${r.id}`, statuses, down);
    if (status === 200) return;
    if (status >= 400 && status < 500) {
      problems.push(`report ${r.id}: HTTP ${status}`);
      return;
    }
    if (Date.now() > deadline) {
      problems.push(`report ${r.id}: never accepted (last ${status})`);
      return;
    }
    await new Promise((res) => setTimeout(res, 150 + attempt * 50));
  }
}

/** Each report's callback three times at once; at most `width` reports in flight. */
async function deliverAll(list: Report[], width = 12, times = 3): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < list.length) {
        const r = list[next++]!;
        await Promise.all(Array.from({ length: times }, () => deliver(r)));
      }
    }),
  );
}

/** Deaths of the bot that the test did not cause (each one a failure; the bot is started again to go on). */
let deaths = 0;
async function checkAlive(phase: string): Promise<void> {
  if (bot.child.exitCode === null && bot.child.signalCode === null) return;
  deaths++;
  const tail = bot.log().slice(-2500);
  problems.push(`the bot died during ${phase} (exit ${bot.child.exitCode ?? bot.child.signalCode}); its last output:\n${tail}`);
  progress(`the bot DIED during ${phase}:\n${tail}`);
  bot = await startBot(env());
  progress('started again after its death');
}

async function waitReady(phase: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await checkAlive(phase);
    const ok = await fetch(`${bot.base}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  problems.push(`the bot did not report ready within ${timeoutMs / 1000} s after ${phase}`);
  progress(`not ready after ${phase}; its last output:\n${bot.log().slice(-2500)}`);
}

const isWecomAnswer = (r: Recorded) => r.path === '/cgi-bin/aibot/response';
const isDingSession = (r: Recorded) => r.path === '/robot/sendBySession';
const isDingGroup = (r: Recorded) => r.path === '/v1.0/robot/groupMessages/send';

describe('the fault suite', () => {
  it('every report gets one ticket and one answer through a kill, a Redis wipe and a store restart; fuzz gets no 5xx', async () => {
    hardStop = Date.now() + BUDGET_MS;
    const reports = Array.from({ length: REPORTS }, (_, i) => report(i));
    for (const r of reports) expect(parseMessage(r.text, '2026-11-23T01:30:00.000Z').intent, r.text).toBe('report');
    const q = Math.ceil(REPORTS / 4);
    const [a, b, c, d] = [reports.slice(0, q), reports.slice(q, 2 * q), reports.slice(2 * q, 3 * q), reports.slice(3 * q)];
    const answered = () => {
      const codes = new Set(fake.requests.filter(isWecomAnswer).map((r) => r.query.get('response_code')));
      const sessions = new Set(fake.requests.filter(isDingSession).map((r) => r.query.get('session')));
      return reports.filter((r) => (r.platform === 'wecom' ? codes.has(`fw${r.i}`) : sessions.has(`fd${r.i}`))).length;
    };
    const redis = new Redis(testRedisUrl());
    const phaseAt: Record<string, number> = {};
    let kills = 0;
    let wiped = 0;
    let storeRestarts = 0;
    try {
      // 1. a quarter of the reports; then every Redis key of the deployment deleted while their jobs are in flight
      progress(`start: ${REPORTS} reports, prefix ${prefix}`);
      await deliverAll(a!);
      progress(`quarter 1 accepted; tickets answered so far ${answered()}`);
      await checkAlive('the first quarter');
      // once its messages are handled and some of its answers wait in Redis for their slot (polled, with a deadline)
      for (let until = Date.now() + 60_000; Date.now() < until; ) {
        const p = await pendingJobs(testRedisUrl(), prefix);
        if (p.inbound === 0 && (p.outbound ?? 0) > 0) break;
        await new Promise((res) => setTimeout(res, 200));
      }
      progress(`quarter 1 handled; answered ${answered()}; pending ${JSON.stringify(await pendingJobs(testRedisUrl(), prefix))}`);
      phaseAt.wipe = Date.now();
      const wipedKeys = await wipeDeployment(redis, prefix);
      if (wipedKeys > 0) wiped++;
      progress(`Redis wiped: ${wipedKeys} keys`);

      // 2. a quarter more; the process killed hard while their jobs run, restarted on the same data and port
      await deliverAll(b!);
      progress(`quarter 2 accepted; answered ${answered()}`);
      phaseAt.kill = Date.now();
      await bot.kill();
      kills++;
      progress('killed (SIGKILL)');
      bot = await startBot(env());
      progress('restarted');

      // 3. a quarter more, with the store stopped and started again in the middle of it
      storeDown = true;
      phaseAt.storeStop = Date.now();
      await fdb.stop();
      progress('store stopped');
      // the quarter arrives while the store is down: 503, delivered again until accepted
      const third = deliverAll(c!, 6);
      await new Promise((res) => setTimeout(res, 3000)); // the outage lasts a while (not an assertion)
      await fdb.start();
      storeRestarts++;
      progress('store started again');
      await waitReady('the store restart');
      storeDown = false;
      phaseAt.storeBack = Date.now();
      progress('store back');
      await third;
      progress(`quarter 3 accepted; answered ${answered()}`);
      await checkAlive('the store restart');

      // 4. the last quarter, then every seventh report delivered again later
      await deliverAll(d!);
      await deliverAll(reports.filter((r) => r.i % 7 === 0), 12, 1);
      progress(`all delivered; answered ${answered()}`);
      await checkAlive('the last quarter');
    } finally {
      redis.disconnect();
    }

    // eventually every report answered (an overall deadline, polled)
    // (stops early when no job is left for longer than a recovery sweep's period: nothing more can come)
    const deadline = Math.min(Date.now() + ANSWER_DEADLINE_MS, hardStop);
    let idleSince: number | null = null;
    while (answered() < REPORTS && Date.now() < deadline && (idleSince === null || Date.now() - idleSince < 75_000)) {
      await new Promise((res) => setTimeout(res, 2000));
      const pending = await pendingJobs(testRedisUrl(), prefix);
      if (Object.values(pending).every((n) => n === 0)) idleSince ??= Date.now();
      else idleSince = null;
      progress(`answered ${answered()}/${REPORTS}; pending jobs ${JSON.stringify(pending)}`);
      await checkAlive('the wait for answers');
    }

    // "no duplicates" only once the bot's queues are drained and the platform's request count is stable
    await waitForDrain(testRedisUrl(), prefix, { timeoutMs: 60_000, stableChecks: 5, intervalMs: 300, extra: () => fake.requests.length }).catch((err: Error) =>
      problems.push(`queues not drained: ${err.message}`),
    );

    const store = await connectStore(fdb.uri(dbName));
    let ticketsOk = 0;
    let answeredOnce = 0;
    let twice = 0;
    try {
      const tickets = store.conn.collection('tickets');
      const bySource = new Map<string, number[]>();
      for (const t of await tickets.find({ sourceMessageId: { $regex: '^(wecom|dingtalk):fault-' } }, { projection: { sourceMessageId: 1, no: 1 } }).toArray()) {
        const k = String(t.sourceMessageId);
        bySource.set(k, [...(bySource.get(k) ?? []), Number(t.no)]);
      }
      const nos = new Map<number, number>();
      for (const t of await tickets.find({}, { projection: { no: 1 } }).toArray()) nos.set(Number(t.no), (nos.get(Number(t.no)) ?? 0) + 1);
      for (const [no, n] of nos) if (n > 1) problems.push(`ticket number #${no} used ${n} times`);
      for (const r of reports) {
        const found = bySource.get(`${r.platform}:${r.id}`) ?? [];
        if (found.length === 1) ticketsOk++;
        else {
          // what the intake ledger knows of it, for the report
          const stored = await store.conn.collection('inbound_messages').findOne({ _id: `${r.platform}:${r.id}` as never }, { projection: { raw: 0, message: 0 } });
          problems.push(`report ${r.id}: ${found.length} tickets (inbound: ${stored ? JSON.stringify(stored) : 'not stored'})`);
        }
        // answers: the report's own reply channel, or the open API (fallback) naming its ticket in its conversation
        const no = found[0];
        const n =
          r.platform === 'wecom'
            ? fake.requests.filter((x) => isWecomAnswer(x) && x.query.get('response_code') === `fw${r.i}`).length
            : fake.requests.filter((x) => isDingSession(x) && x.query.get('session') === `fd${r.i}`).length +
              fake.requests.filter((x) => isDingGroup(x) && x.body?.openConversationId === r.chat && no !== undefined && String(x.body?.msgParam).includes(`#${no}`)).length;
        if (n === 1) answeredOnce++;
        else if (n === 0) {
          // what the store knows of its answers: the outbound records of its message, and their dead letters
          const cause = `${r.platform}:${r.id}`;
          const outs = await store.conn.collection('outbound_messages').find({ cause }, { projection: { message: 0 } }).toArray();
          const dead = await store.conn.collection('dead_letters').find({ _id: { $in: outs.map((o) => o._id) } as never }, { projection: { data: 0 } }).toArray();
          problems.push(`report ${r.id}: not answered (outbound: ${JSON.stringify(outs)}; dead letters: ${JSON.stringify(dead)})`);
        }
        else {
          twice++;
          const rel = (t?: number) => (t === undefined ? '?' : `+${((t - t0) / 1000).toFixed(1)}s`);
          const at = fake.requests
            .filter((x) => (r.platform === 'wecom' ? isWecomAnswer(x) && x.query.get('response_code') === `fw${r.i}` : isDingSession(x) && x.query.get('session') === `fd${r.i}`))
            .map((x) => rel(x.at));
          problems.push(
            `report ${r.id}: answered ${n} times, at ${at.join(', ')} (Redis wiped ${rel(phaseAt.wipe)}, killed ${rel(phaseAt.kill)}, store down ${rel(phaseAt.storeStop)}–${rel(phaseAt.storeBack)})`,
          );
        }
      }
    } finally {
      await store.close();
    }

    // 5. malformed requests on both webhooks
    progress(`counted: tickets ${ticketsOk}, answered once ${answeredOnce}, twice ${twice}; fuzz starts`);
    const fuzz = await runFuzz(FUZZ);
    progress(`fuzz done: ${JSON.stringify(Object.fromEntries(fuzzStatuses))}`);
    for (let until = Math.min(Date.now() + 150_000, hardStop + 60_000); Date.now() < until; ) {
      const pending = await pendingJobs(testRedisUrl(), prefix);
      progress(`after the fuzz: pending jobs ${JSON.stringify(pending)}`);
      if (Object.values(pending).every((n) => n === 0)) break;
      await new Promise((res) => setTimeout(res, 3000));
    }
    await waitForDrain(testRedisUrl(), prefix, { timeoutMs: 30_000, stableChecks: 5, intervalMs: 300, extra: () => evil.requests.length + fake.requests.length }).catch(
      (err: Error) => problems.push(`queues not drained after fuzz: ${err.message}`),
    );
    if (evil.requests.length > 0) problems.push(`${evil.requests.length} requests to a foreign host (${[...new Set(evil.requests.map((r) => r.path))].join(', ')})`);
    const alive = bot.child.exitCode === null && bot.child.signalCode === null && (await fetch(`${bot.base}/healthz`).then((r) => r.status === 200).catch(() => false));
    if (!alive) problems.push(`the bot is not alive after the fuzz (exit ${bot.child.exitCode ?? bot.child.signalCode})\n${bot.log().slice(-3000)}`);
    // and still working: one more report is answered
    const last = report(REPORTS + 1);
    if (alive) {
      await deliver(last);
      await fake.waitFor((r) => isDingSession(r) && r.query.get('session') === `fd${last.i}`, 60_000).catch(() => problems.push('a report after the fuzz was not answered'));
    }

    const fiveXX = [...fuzzStatuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
    const line =
      `faults: ${REPORTS} reports ×3, ${kills} kill,${deaths ? ` ${deaths} UNPLANNED DEATH${deaths > 1 ? 'S' : ''},` : ''} ${wiped ? 'Redis wiped' : 'Redis NOT wiped'}, ${storeRestarts ? 'store restarted' : 'store NOT restarted'}` +
      ` → tickets ${ticketsOk}/${REPORTS}, answered ${answeredOnce}/${REPORTS}, twice ${twice}; fuzz ${fuzz} → 5xx ${fiveXX}, ${alive ? 'alive' : 'DEAD'}`;
    console.log(line);
    console.log(`faults: progress in ${PROGRESS}`);
    console.log(`faults: callback statuses ${JSON.stringify(Object.fromEntries(statuses))}; fuzz statuses ${JSON.stringify(Object.fromEntries(fuzzStatuses))}; pending jobs ${JSON.stringify(await pendingJobs(testRedisUrl(), prefix))}`);
    if (problems.length) console.log(`faults: ${problems.length} problems:\n  ${[...new Set(problems)].slice(0, 60).join('\n  ')}`);
    expect(problems).toEqual([]);
    expect(ticketsOk).toBe(REPORTS);
    expect(answeredOnce).toBe(REPORTS);
    expect(alive).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// the fuzz: malformed, hostile and out-of-range requests, each judged like a platform delivery

function wecomSealed(plain: string | Buffer, opts: { timestamp?: number } = {}) {
  const crypto = createWecomCrypto({ token: WECOM.token, encodingAesKey: WECOM.aesKey, receiveId: '' });
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const { encrypt, msgSignature } = crypto.seal(typeof plain === 'string' ? plain : plain.toString('latin1'), timestamp, nonce);
  return { query: new URLSearchParams({ msg_signature: msgSignature, timestamp, nonce }).toString(), body: JSON.stringify({ encrypt }) };
}
function dingHeaders(timestamp = Date.now()) {
  return { timestamp: String(timestamp), sign: dingtalkSign(String(timestamp), DINGTALK.appSecret), 'content-type': 'application/json' };
}
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

type Case = () => Promise<number>;

function cases(): Case[] {
  // every fuzz message in a conversation of its own: what the bot accepts and answers is not held up by pacing
  const goodW = () => wecomTextPayload('厂里的污水管网接不上市政管网', { chatid: `wrkFz${randomUUID()}`, responseUrl: `${fake.base}/cgi-bin/aibot/response?response_code=fz` });
  const goodD = () => dingtalkTextPayload('厂里的污水管网接不上市政管网', { conversationId: `cidFz${randomUUID()}==`, sessionWebhook: `${fake.base}/robot/sendBySession?session=fz` });
  const wq = () => wecomCallback(goodW()).query;
  const wrongTypes = [
    { msgid: 123, from: { userid: 'x' }, msgtype: 'text', text: { content: 'x' } },
    { msgid: 'm', from: 'x', msgtype: 'text', text: 'x' },
    { msgid: 'm', from: { userid: ['x'] }, msgtype: 7, text: { content: { a: 1 } } },
    { msgid: '', from: { userid: '' }, msgtype: 'text' },
    [1, 2, 3],
    'just a string',
    null,
    { msgid: 'm'.repeat(10_000), from: { userid: 'x' }, msgtype: 'text', text: { content: 'x' } },
  ];
  const dingWrong = [
    { ...goodD(), msgId: 42 },
    { ...goodD(), createAt: 1e20 },
    { ...goodD(), createAt: -5 },
    { ...goodD(), createAt: 'yesterday' },
    { ...goodD(), createAt: 8.64e15 },
    { ...goodD(), sessionWebhookExpiredTime: 1e300 },
    { ...goodD(), conversationType: '3' },
    { ...goodD(), conversationId: null },
    { ...goodD(), text: { content: 5 } },
    { ...goodD(), atUsers: 'everyone' },
    { ...goodD(), robotCode: 'dingSomeoneElse' },
    { ...goodD(), msgtype: 'richText', content: { richText: [{ text: 5 }] } },
  ];
  return [
    // WeCom
    () => post('/webhooks/wecom', { query: wq(), body: randomBytes(1 + Math.floor(Math.random() * 2000)) }),
    () => {
      const cb = wecomCallback(goodW());
      return post('/webhooks/wecom', { query: cb.query, body: cb.body.slice(0, Math.floor(Math.random() * cb.body.length)) });
    },
    () => {
      const s = wecomSealed(randomBytes(64).toString('base64'));
      return post('/webhooks/wecom', { query: s.query, body: s.body });
    },
    () => {
      const s = wecomSealed(JSON.stringify(pick(wrongTypes)));
      return post('/webhooks/wecom', { query: s.query, body: s.body });
    },
    () => {
      const s = wecomSealed(nested(3000 + Math.floor(Math.random() * 3000)));
      return post('/webhooks/wecom', { query: s.query, body: s.body });
    },
    () => post('/webhooks/wecom', { query: wq(), body: `{"encrypt":${arrays(20_000)}}` }),
    () => {
      const cb = wecomCallback(goodW());
      return post('/webhooks/wecom', { query: cb.query, body: Buffer.concat([Buffer.from(cb.body.slice(0, 20)), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(cb.body.slice(20))]) });
    },
    () => {
      // a decrypted payload whose text holds bytes that are not UTF-8
      const p = { ...goodW(), msgid: `fz-utf-${randomUUID()}`, text: { content: '@店小二 \udcff\ud800 水管' } };
      const s = wecomSealed(JSON.stringify(p));
      return post('/webhooks/wecom', { query: s.query, body: s.body });
    },
    () => {
      const cb = wecomCallback(goodW(), { timestamp: Math.floor(Date.now() / 1000) - 7200 });
      return post('/webhooks/wecom', { query: cb.query, body: cb.body });
    },
    () => {
      const cb = wecomCallback(goodW(), { timestamp: 99_999_999_999 });
      return post('/webhooks/wecom', { query: cb.query, body: cb.body });
    },
    () => {
      // a foreign response_url: authentic, but the answer must never go there
      const s = wecomCallback(wecomTextPayload('员工宿舍的热水器坏了一半', { msgid: `fz-evil-${randomUUID()}`, chatid: `wrkFz${randomUUID()}`, responseUrl: `${evil.base}/cgi-bin/aibot/response?response_code=steal` }));
      return post('/webhooks/wecom', { query: s.query, body: s.body });
    },
    () => post('/webhooks/wecom', { query: 'msg_signature=&timestamp=abc&nonce=', body: '{}' }),
    () => post('/webhooks/wecom', { query: `${wq()}&timestamp=1&timestamp=2`, body: '{"encrypt":"AAAA"}' }),
    () => post('/webhooks/wecom', { query: wq(), body: JSON.stringify({ encrypt: 12345 }) }),
    () => post('/webhooks/wecom', { query: wq(), body: JSON.stringify({ encrypt: 'A'.repeat(1_500_001) }) }),
    // DingTalk
    () => post('/webhooks/dingtalk', { headers: dingHeaders(), body: randomBytes(1 + Math.floor(Math.random() * 2000)) }),
    () => {
      const s = JSON.stringify(goodD());
      return post('/webhooks/dingtalk', { headers: dingHeaders(), body: s.slice(0, Math.floor(Math.random() * s.length)) });
    },
    () => post('/webhooks/dingtalk', { headers: dingHeaders(), body: JSON.stringify(pick(dingWrong)) }),
    () => post('/webhooks/dingtalk', { headers: dingHeaders(), body: JSON.stringify(pick(wrongTypes)) }),
    () => post('/webhooks/dingtalk', { headers: dingHeaders(), body: nested(5000 + Math.floor(Math.random() * 20_000)) }),
    () => post('/webhooks/dingtalk', { headers: dingHeaders(), body: arrays(100_000) }),
    () => post('/webhooks/dingtalk', { headers: dingHeaders(), body: Buffer.concat([Buffer.from('{"msgId":"'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('","msgtype":"text"}')]) }),
    () => {
      const p = { ...goodD(), msgId: `fz-dutf-${randomUUID()}` };
      const s = JSON.stringify(p).replace('污水管网', '\\udcff\\ud800');
      return post('/webhooks/dingtalk', { headers: dingHeaders(), body: s });
    },
    () => post('/webhooks/dingtalk', { headers: dingHeaders(Date.now() - 3_700_000), body: JSON.stringify(goodD()) }),
    () => post('/webhooks/dingtalk', { headers: { ...dingHeaders(), timestamp: 'NaN' }, body: JSON.stringify(goodD()) }),
    () => post('/webhooks/dingtalk', { headers: { ...dingHeaders(), sign: 'x'.repeat(500) }, body: JSON.stringify(goodD()) }),
    () => {
      // a foreign sessionWebhook host: authentic, but never called
      const p = dingtalkTextPayload('园区食堂的燃气报警器总误报', { msgId: `fz-evil-${randomUUID()}`, conversationId: `cidFz${randomUUID()}==`, sessionWebhook: `${evil.base}/robot/sendBySession?session=steal` });
      return post('/webhooks/dingtalk', { headers: dingHeaders(), body: JSON.stringify(p) });
    },
    () => {
      const p = dingtalkTextPayload('园区食堂的燃气报警器总误报', { msgId: `fz-evil2-${randomUUID()}`, conversationId: `cidFz${randomUUID()}==`, sessionWebhook: `http://127.0.0.1:1/robot/sendBySession?session=x` });
      return post('/webhooks/dingtalk', { headers: dingHeaders(), body: JSON.stringify(p) });
    },
    () => post('/webhooks/dingtalk', { headers: dingHeaders(), body: JSON.stringify({ ...goodD(), text: { content: 'x'.repeat(1_100_000) } }) }),
  ];
}

/** Cases that make an authentic, valid message (the bot then handles it: a ticket, an answer) run at most this often. */
const VALID_CASES = new Set([7, 10, 22, 26, 27]);
const VALID_CASE_RUNS = 12;
/** Cases with a body over a megabyte run every fifth time only. */
const HUGE_CASES = new Set([14, 28]);

async function runFuzz(total: number): Promise<number> {
  const list = cases();
  const runs = new Map<number, number>();
  let sent = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < total) {
        const k = next++;
        let i = k % list.length;
        const n = (runs.get(i) ?? 0) + 1;
        runs.set(i, n);
        // over its share: random bytes on either webhook instead
        if ((VALID_CASES.has(i) && n > VALID_CASE_RUNS) || (HUGE_CASES.has(i) && n % 5 !== 1)) i = k % 2 === 0 ? 0 : 15;
        const c = list[i]!;
        const status = await c();
        sent++;
        if (status === 0) problems.push(`fuzz case ${i}: no answer (connection failed)`);
        else judge(status, `fuzz case ${i}`, fuzzStatuses);
      }
    }),
  );
  return sent;
}
