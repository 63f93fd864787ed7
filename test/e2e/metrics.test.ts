import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../../src/infra/process.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { dingtalkCallback, dingtalkEnv, dingtalkTextPayload, wecomEnv } from '../helpers/callbacks.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { deploymentPrefixes } from '../helpers/queue-drain.js';

/**
 * The operators' view of a running bot (issue 20): Prometheus metrics behind the admin token (or on a port of their
 * own), with the worker process's counters merged in, and the bull-board queue console behind the same token.
 */
const ADMIN_TOKEN = 'admin-token-metrics-0123456789';
let fake: FakePlatforms;
let bot: BotProcess;
let store: Store;
const prefix = testQueuePrefix();

beforeAll(async () => {
  fake = await startFakePlatforms();
  const mongoUri = testMongoUri('metrics');
  // the default set-up: the queue workers in a child process (their counters reach /metrics over IPC)
  bot = await startBot({ MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: prefix, ADMIN_TOKEN, ...wecomEnv(fake.base), ...dingtalkEnv(fake.base) });
  store = await connectStore(mongoUri);
});

afterAll(async () => {
  expect(await bot?.stop()).toBe(0);
  await store?.conn.dropDatabase();
  await store?.close();
  await fake?.close();
});

const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` });

async function scrape(base = bot.base, headers: Record<string, string> = bearer): Promise<string> {
  const res = await fetch(`${base}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample (`name{labels}`, labels in the order prom-client writes them), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function postDingtalk(cb: { headers: Record<string, string>; body: string }) {
  return fetch(`${bot.base}/webhooks/dingtalk`, { method: 'POST', body: cb.body, headers: cb.headers });
}

describe('/metrics', () => {
  it('answers 401 without the admin token, or with a wrong one', async () => {
    const none = await fetch(`${bot.base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.text()).not.toContain('xiaoer_');
    expect((await fetch(`${bot.base}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
  });

  it('shows the queues (depth by state, age of the oldest waiting job), tickets by state and process metrics', async () => {
    const text = await scrape();
    for (const queue of ['inbound', 'outbound', 'sla', 'digests']) {
      for (const state of ['waiting', 'delayed', 'active', 'failed']) expect(sample(text, `xiaoer_queue_jobs{queue="${queue}",state="${state}"}`)).toBeGreaterThanOrEqual(0);
      expect(sample(text, `xiaoer_queue_oldest_waiting_seconds{queue="${queue}"}`)).toBeGreaterThanOrEqual(0);
    }
    expect(sample(text, 'xiaoer_tickets{state="accepted"}')).toBe(0);
    expect(sample(text, 'xiaoer_dead_letters_total')).toBe(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('counts a forged callback as refused, with its reason', async () => {
    const payload = dingtalkTextPayload('伪造的消息', { msgId: 'metrics-forged' });
    expect((await postDingtalk(dingtalkCallback(payload, { secret: 'wrong-secret' }))).status).toBe(401);
    expect((await postDingtalk(dingtalkCallback(payload, { timestamp: Date.now() - 3_700_000 }))).status).toBe(401);
    expect((await postDingtalk({ ...dingtalkCallback({}), body: '{"msgId": ' })).status).toBe(400);
    const text = await scrape();
    expect(sample(text, 'xiaoer_callbacks_refused_total{platform="dingtalk",reason="signature"}')).toBe(1);
    expect(sample(text, 'xiaoer_callbacks_refused_total{platform="dingtalk",reason="replay"}')).toBe(1);
    expect(sample(text, 'xiaoer_callbacks_refused_total{platform="dingtalk",reason="malformed"}')).toBe(1);
    expect(sample(text, 'xiaoer_callbacks_received_total{platform="dingtalk"}')).toBe(3);
    expect(sample(text, 'xiaoer_callbacks_acknowledged_total{platform="dingtalk",outcome="accepted"}')).toBeUndefined();
  });

  it('counts an acknowledged callback and its latency, and the worker process\'s send by result', async () => {
    const payload = dingtalkTextPayload('厂区门口的路灯坏了一个月了，晚上下班很危险', {
      msgId: 'metrics-report-1',
      sessionWebhook: `${fake.base}/robot/sendBySession?session=m1`,
    });
    const cb = dingtalkCallback(payload);
    expect((await postDingtalk(cb)).status).toBe(200);
    expect((await postDingtalk(cb)).status).toBe(200); // the platform delivering it again
    await fake.waitFor((r) => r.path === '/robot/sendBySession' && r.query.get('session') === 'm1');

    let text = '';
    // the send is counted in the worker process once it is recorded: wait for it to show up
    await waitFor(async () => {
      text = await scrape();
      return (sample(text, 'xiaoer_outbound_sends_total{platform="dingtalk",result="sent",errcode=""}') ?? 0) >= 1;
    }, 25_000, 'the send counted in /metrics');
    expect(sample(text, 'xiaoer_callbacks_acknowledged_total{platform="dingtalk",outcome="accepted"}')).toBe(1);
    expect(sample(text, 'xiaoer_callbacks_acknowledged_total{platform="dingtalk",outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'xiaoer_callback_ack_seconds_count{platform="dingtalk"}')).toBe(5);
    expect(sample(text, 'xiaoer_callback_ack_seconds_bucket{le="+Inf",platform="dingtalk"}')).toBe(5);
    // the ticket count is cached for a minute: the ticket made above may not show yet, but the states do
    expect(sample(text, 'xiaoer_tickets{state="closed"}')).toBe(0);
  });
});

describe('the queue console', () => {
  it('is not reachable without the admin token', async () => {
    for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues', '/admin/queues/static/index.js']) {
      const res = await fetch(`${bot.base}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate'), path).toMatch(/^Basic realm=/);
    }
    expect((await fetch(`${bot.base}/admin/queues`, { headers: basic('wrong-password-0123456789') })).status).toBe(401);
    const put = await fetch(`${bot.base}/admin/queues/api/queues/sla/retry/failed`, { method: 'PUT' });
    expect(put.status).toBe(401);
  });

  it("opens with the token (HTTP Basic, the token as password), on this deployment's queues, ticket numbers in job names", async () => {
    const page = await fetch(`${bot.base}/admin/queues`, { headers: basic(ADMIN_TOKEN) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/admin/queues');

    // a job about ticket #4242 in the deployment's sla queue (its real prefix: the configured one + the deployment id)
    const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    const [deployed] = (await deploymentPrefixes(redis, prefix)).filter((p) => p.startsWith(`${prefix}-`));
    expect(deployed).toBeDefined();
    const sla = new Queue('sla', { connection: redis, prefix: deployed });
    await sla.add('sla-step', { no: 4242, key: 'metrics-test' }, { jobId: 'sla-4242-metricstest', delay: 3_600_000 });
    try {
      const res = await fetch(`${bot.base}/admin/queues/api/queues?activeQueue=sla&status=delayed&page=1`, { headers: bearer });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { queues: { name: string; jobs: { id: string; name: string }[] }[] };
      expect(body.queues.map((q) => q.name).sort()).toEqual(['digests', 'inbound', 'outbound', 'sla']);
      const jobs = body.queues.find((q) => q.name === 'sla')!.jobs;
      expect(jobs).toContainEqual(expect.objectContaining({ id: 'sla-4242-metricstest', name: 'sla-step · #4242' }));
    } finally {
      await sla.remove('sla-4242-metricstest');
      await sla.close();
      redis.disconnect();
    }
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics on a port of its own, on loopback, without the token; the main port has none', async () => {
    const metricsPort = await freePort();
    const other = await startBot({
      MONGODB_URI: testMongoUri('metrics-port'),
      REDIS_URL: testRedisUrl(),
      XIAOER_QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN,
      METRICS_PORT: String(metricsPort),
      ...dingtalkEnv(fake.base),
    });
    try {
      const text = await scrape(`http://127.0.0.1:${metricsPort}`, {});
      expect(sample(text, 'xiaoer_queue_jobs{queue="inbound",state="waiting"}')).toBe(0);
      expect((await fetch(`${other.base}/metrics`, { headers: bearer })).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/api/tickets`)).status).toBe(404);
    } finally {
      expect(await other.stop()).toBe(0);
    }
  });
});
