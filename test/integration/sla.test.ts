import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../config/policy.js';
import { slaReconcile, slaStep } from '../../jobs/index.js';
import { startWorkerEnv } from '../helpers/worker-env.js';
import { defaultCalendar } from '../../src/domain/calendar.js';
import { validateDirectory } from '../../src/domain/directory.js';
import { nextDueAt, slaSteps } from '../../src/domain/sla.js';
import { buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { waitForDrain } from '../helpers/queue-drain.js';
import { sharedPath } from '../helpers/shared.js';

const cal = defaultCalendar;
const prefix = testQueuePrefix();
let store: Store;
let fake: FakePlatforms;

/**
 * A fixed "now" (Monday 10:00): the steps due by then run at once. Late November 2026 has no public holiday or 调休,
 * so the bundled calendar and the statutory fallback agree on every day these tests touch.
 */
const NOW = new Date('2026-11-30T10:00:00+08:00');
const nowIso = NOW.toISOString();

/** One bot instance's SLA machinery: its own Redis connections, producer and workers, same MongoDB. */
function startInstance() {
  const env = startWorkerEnv({ store, apiBase: fake.base, prefix, now: () => NOW });
  return { producer: env.producer, reconcile: (at: number) => env.producer.enqueue(slaReconcile, { at }), stop: env.stop };
}
/** Every queued job of the deployment has run and the fake platforms heard nothing new: only then assert "nothing". */
const drained = () => waitForDrain(testRedisUrl(), prefix, { extra: () => fake.requests.length, timeoutMs: 30_000 });

/** A ticket of the example directory's 亿龙置业, due `dueAgo` working days ago. */
function overdueTicket(no: number, status: Ticket['status'], dueAgoDays: number, extra: Partial<Ticket> = {}): Ticket {
  const due = cal.subtractWorkingMinutes(nowIso, dueAgoDays * cal.minutesPerDay);
  const created = cal.subtractWorkingMinutes(due, 5 * cal.minutesPerDay);
  const base = buildNewTicket(no, {
    platform: 'wecom', chatId: 'wrkSFfCgAAyilong01', reporter: { id: 'chenjl' }, text: '用电扩容', summary: `用电扩容未批 ${no}`, category: 'utilities',
    categoryConfidence: 1, urgency: 'normal', requestedDate: null, resolutionDueAt: due,
    enterprise: '浙江亿龙置业有限公司', enterpriseId: 'yilong', sourceMessageId: `wecom:sla-${no}`, parsedBy: 'rules', now: created,
  });
  const t: Ticket = {
    ...base,
    status,
    assignee: { personId: 'zhangwei', name: '张伟', wecom: 'zhangwei', dingtalk: '0411001' },
    projectId: 'yilong-phase2',
    leaderId: 'lihua',
    team: ['zhangwei', 'wangfang'],
    dispatchedAt: created,
    claimedAt: status === 'in_progress' ? created : null,
    responseDueAt: status === 'pending_claim' ? cal.subtractWorkingMinutes(nowIso, 120) : null,
    ...extra,
  };
  return { ...t, _id: no, nextDueAt: nextDueAt(t, cal, DEFAULT_POLICY) } as Ticket;
}

const dms = (to: string, contains: string) =>
  fake.requests.filter((r) => r.path === '/cgi-bin/message/send' && r.body?.touser === to && String(r.body?.text?.content).includes(contains));
const groupPosts = (contains: string) =>
  fake.requests.filter((r) => r.path === '/cgi-bin/webhook/send' && String(r.body?.markdown?.content).includes(contains));
const sentKeys = async (no: number) => ((await store.conn.collection('tickets').findOne({ no }))?.slaSent ?? []) as string[];

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(testMongoUri('sla'));
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('example directory invalid');
  // 区经信局 with a head above 张伟: his superior, the one asked to 督促 him
  v.data.people.push({ id: 'qianjz', name: '钱局长', role: 'cadre', department: '区经信局', wecom: 'qianjz' } as never);
  v.data.departments.find((d) => d.id === 'jingxin')!.lead = 'qianjz';
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
  await store.conn.collection('tickets').insertMany([overdueTicket(1, 'in_progress', 6), overdueTicket(2, 'pending_claim', 0.5)] as never[]);
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

describe('reminders and escalation on real Redis and FerretDB', () => {
  it('sends every due step once: reminders to the assignee, the ladder lead → 包联区领导 → admins, posts in the leaders group', async () => {
    const a = startInstance();
    try {
      await a.reconcile(1);
      const all1 = slaSteps((await store.conn.collection('tickets').findOne({ no: 1 })) as unknown as Ticket, cal, DEFAULT_POLICY).map((s) => s.key);
      await expect.poll(() => sentKeys(1), { timeout: 20_000 }).toHaveLength(all1.length);
      await expect.poll(async () => (await sentKeys(2)).some((k) => k.startsWith('response-overdue@')), { timeout: 20_000 }).toBe(true);
      // ticket 1: five steps; lead = the head of the assignee's department (the task-force lead is the assignee), not the
      // lead of the department for utilities, who has no say over him
      const once = (to: string, text: string) => expect.poll(() => dms(to, text).length, { timeout: 20_000 }).toBe(1);
      await once('zhangwei', '【已到期】#1');
      await once('qianjz', '【超期督办】#1');
      await once('lihua', '【超期督办·区领导】#1');
      await once('xiaoer-admin', '【超期督办·管理员】#1');
      await expect.poll(() => groupPosts('【超期督办】#1').length, { timeout: 20_000 }).toBe(3);
      const posts = groupPosts('【超期督办】#1');
      expect(posts[0]!.query.get('key')).toBe('00000000-0000-0000-0000-000000000002');
      expect(posts.map((p) => p.body.markdown.content).join('\n')).toContain('<@lihua>');
      // ticket 2: 签收 overdue → the assignee's superior is asked to 督促; the assignee gets a plain reminder
      await expect.poll(() => dms('zhangwei', '【签收超时】#2').length, { timeout: 20_000 }).toBe(1);
      await expect.poll(() => dms('qianjz', '【签收超时】#2').length, { timeout: 20_000 }).toBe(1);
      expect(dms('qianjz', '【签收超时】#2')[0]!.body.text.content).toContain('请督促签收办理');
      expect(dms('zhangwei', '【签收超时】#2')[0]!.body.text.content).toContain('请尽快回复“认领 #2”');
      expect(dms('zhangwei', '【签收超时】#2')[0]!.body.text.content).not.toContain('督促');
      // the reminder before the deadline, overtaken by the one at it (both due when the bot looks): recorded, not sent
      await drained();
      expect(dms('zhangwei', '【到期提醒】#1')).toHaveLength(0);
      // every step is an event, and the escalations are counted
      const t1 = await store.conn.collection('tickets').findOne({ no: 1 });
      expect(t1!.events.filter((e: { type: string }) => e.type === 'escalation')).toHaveLength(3);
      expect(t1!.events.filter((e: { type: string }) => e.type === 'reminder')).toHaveLength(2);
      expect(t1!.escalationCount).toBe(3);
      expect(t1!.nextDueAt).toBeNull();
      // the admins are told once when next year's official calendar is missing (whether it is depends on the data)
      const missing = cal.missingSchedules([2026, 2027]).length > 0;
      await expect.poll(() => dms('xiaoer-admin', '【日历提醒】').length, { timeout: 20_000 }).toBe(missing ? 1 : 0);
    } finally {
      await a.stop();
    }
  });

  it('after a restart and after Redis lost every key of the deployment, nothing is sent again; what became due is sent', async () => {
    await store.conn.collection('tickets').insertOne(overdueTicket(5, 'in_progress', 0.1) as never);
    const before = fake.requests.length;
    const r = new Redis(testRedisUrl());
    const keys = await r.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    await r.del(...keys);
    r.disconnect();
    const b = startInstance();
    try {
      await b.reconcile(2);
      await expect.poll(() => dms('zhangwei', '【今日到期】#5').length, { timeout: 20_000 }).toBe(1);
      await drained();
      const resent = fake.requests
        .slice(before)
        .filter((x) => x.path === '/cgi-bin/message/send' || x.path === '/cgi-bin/webhook/send')
        .filter((x) => !String(x.body?.text?.content ?? x.body?.markdown?.content).includes('#5'));
      expect(resent).toEqual([]);
    } finally {
      await b.stop();
    }
  });

  it('two instances reconciling at once send each step of a newly due ticket exactly once', async () => {
    await store.conn.collection('tickets').insertOne(overdueTicket(3, 'in_progress', 4) as never);
    const [a, b] = [startInstance(), startInstance()];
    try {
      await Promise.all([a.reconcile(3), b.reconcile(4), a.reconcile(5)]);
      await expect.poll(async () => (await sentKeys(3)).length, { timeout: 20_000 }).toBe(4); // pre, due, lead, leader (admins not yet)
      await drained();
      // the assignee: the deadline passed (已到期, days ago), once (the reminder before it, overtaken, is recorded but not sent)
      expect(dms('zhangwei', '#3')).toHaveLength(1);
      expect(dms('zhangwei', '【已到期】#3')).toHaveLength(1);
      expect(dms('qianjz', '【超期督办】#3')).toHaveLength(1);
      expect(dms('lihua', '【超期督办·区领导】#3')).toHaveLength(1);
      expect(dms('xiaoer-admin', '#3')).toHaveLength(0);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('a step for a ticket that moved on is stale and sends nothing', async () => {
    const t = overdueTicket(4, 'pending_claim', 0.5);
    await store.conn.collection('tickets').insertOne({ ...t, _id: 4, status: 'in_progress', claimedAt: nowIso } as never);
    const a = startInstance();
    try {
      const before = fake.requests.length;
      const key = slaSteps(t, cal, DEFAULT_POLICY).find((s) => s.kind === 'response-due')!.key;
      await a.producer.enqueue(slaStep, { no: 4, key });
      await drained();
      expect(fake.requests.slice(before).filter((x) => String(x.body?.text?.content ?? '').includes('#4 已到签收时限'))).toEqual([]);
      expect(await sentKeys(4)).not.toContain(key);
    } finally {
      await a.stop();
    }
  });

  it('no 包联区领导: that level is skipped, the admins are told once at their own level, nobody twice', async () => {
    await store.conn.collection('tickets').insertOne(overdueTicket(6, 'in_progress', 6, { projectId: null, leaderId: null }) as never);
    const a = startInstance();
    try {
      await a.reconcile(6);
      await expect.poll(async () => (await sentKeys(6)).length, { timeout: 20_000 }).toBe(5);
      await drained();
      const toAnyone = (text: string) => fake.requests.filter((r) => r.path === '/cgi-bin/message/send' && String(r.body?.text?.content).includes(text));
      expect(dms('qianjz', '【超期督办】#6')).toHaveLength(1);
      expect(toAnyone('【超期督办·区领导】#6')).toEqual([]);
      expect(dms('xiaoer-admin', '【超期督办·管理员】#6')).toHaveLength(1);
      expect(toAnyone('#6').filter((r) => r.body.touser === 'xiaoer-admin')).toHaveLength(1);
      expect(groupPosts('【超期督办】#6')).toHaveLength(2);
      const t6 = await store.conn.collection('tickets').findOne({ no: 6 });
      expect(t6!.escalationCount).toBe(2);
      expect(t6!.events.find((e: { data?: { step?: string } }) => e.data?.step === 'escalate-leader')?.data.recipients).toEqual([]);
    } finally {
      await a.stop();
    }
  });
});
