import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewTicket } from '../../src/domain/ticket.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { testMongoUri } from '../helpers/env.js';
import { runCli } from '../helpers/cli.js';

const xiaoer = runCli;

const NOW = '2026-11-23T09:30:00+08:00';

describe('xiaoer parse', () => {
  it('reads JSON lines in order, one output line each; a bad line gets an error and the run goes on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: '@店小二 我们公司新厂房的排水许可一直没批下来，下周一要试生产' }),
      '{oops',
      JSON.stringify({ id: 'b', text: '轉辦 #4 給區人社局' }),
    ].join('\n');
    const { code, out } = await xiaoer(['parse', '--now', NOW], {}, input);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: 'a', intent: 'report', category: 'approval', urgency: 'normal', deadline: '2026-11-30', enterprise: null, ticket: null, summary: expect.any(String) },
      { id: null, error: 'not valid JSON' },
      { id: 'b', intent: 'transfer', category: null, urgency: null, deadline: null, enterprise: null, ticket: 4, summary: null },
    ]);
  });

  it('parses one message given as an argument; a bad --now is refused', async () => {
    const [one, bad] = await Promise.all([xiaoer(['parse', '--now', NOW, '车间变压器昨晚烧了，全厂停电，急！']), xiaoer(['parse', '--now', 'yesterday', 'x'])]);
    expect(JSON.parse(one.out)).toMatchObject({ intent: 'report', category: 'utilities', urgency: 'urgent' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ISO-8601');
  });

  it('counts "N个工作日内" on the configured calendar: the policy\'s overrides and XIAOER_TIMEZONE', async () => {
    const text = '排污许可证续期材料已交，希望3个工作日内办好';
    const dir = mkdtempSync(join(tmpdir(), 'xiaoer-policy-'));
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, 'calendar:\n  "2026-11-24": off\n');
    try {
      const [plain, overridden, lines, utc] = await Promise.all([
        xiaoer(['parse', '--now', NOW, text]),
        xiaoer(['parse', '--now', NOW, text], { XIAOER_POLICY_FILE: file }),
        xiaoer(['parse', '--now', NOW], { XIAOER_POLICY_FILE: file }, `${JSON.stringify({ id: 1, text })}\n`),
        // Sunday 23:00 UTC: still Sunday in UTC, already Monday in Shanghai
        xiaoer(['parse', '--now', '2026-11-22T23:00:00Z', text], { XIAOER_TIMEZONE: 'UTC' }),
      ]);
      expect(JSON.parse(plain.out).deadline).toBe('2026-11-26');
      expect(JSON.parse(overridden.out).deadline).toBe('2026-11-27');
      expect(JSON.parse(lines.out.trim()).deadline).toBe('2026-11-27');
      expect(JSON.parse(utc.out).deadline).toBe('2026-11-25');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('xiaoer tickets', () => {
  const uri = testMongoUri('cli');
  let store: Store;
  beforeAll(async () => {
    store = await connectStore(uri);
    const t = buildNewTicket(7, {
      platform: 'dingtalk',
      chatId: 'cid1',
      reporter: { id: '0522002', name: '孙总' },
      text: '流动资金紧张，想申请担保贷款',
      summary: '流动资金紧张，想申请担保贷款',
      category: 'finance',
      categoryConfidence: 0.9,
      urgency: 'normal',
      requestedDate: null,
      resolutionDueAt: '2026-11-30T10:00:00.000Z',
      enterprise: '浙江天赐生态科技有限公司',
      sourceMessageId: 'dingtalk:m1',
      parsedBy: 'rules',
      now: '2026-11-23T01:30:00.000Z',
    });
    // an old document: it still carries the stored date beside the instant, stale after a 延期 (ignored)
    await store.conn.collection('tickets').insertOne({ ...t, _id: t.no, resolutionDue: '2026-11-27' } as never);
  });
  afterAll(async () => {
    await store.conn.dropDatabase();
    await store.close();
  });

  it('lists tickets as text and JSON', async () => {
    // (reads only: the commands run side by side)
    const [text, json, none] = await Promise.all([
      xiaoer(['tickets', 'list'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'list', '--json'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'list', '--status', 'closed'], { MONGODB_URI: uri }),
    ]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('#7');
    expect(text.out).toContain('融资资金');
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ no: 7, category: 'finance', status: 'accepted' })]);
    expect(none.out.trim()).toBe('暂无工单。');
  });

  it('shows the current deadline (from the stored instant) and marks 超期 at --at', async () => {
    const [before, after, show, json, bad] = await Promise.all([
      xiaoer(['tickets', 'list', '--at', '2026-11-30T17:00:00+08:00'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'list', '--at', '2026-12-01T09:00:00+08:00'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'show', '7', '--at', '2026-12-01T09:00:00+08:00'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'show', '7', '--json'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'list', '--at', 'tomorrow'], { MONGODB_URI: uri }),
    ]);
    expect(before.out).toContain('时限 2026-11-30  ');
    expect(before.out).not.toContain('2026-11-27');
    expect(before.out).not.toContain('已超期');
    expect(after.out).toContain('时限 2026-11-30（已超期）');
    expect(show.out).toContain('办理时限：2026-11-30（已超期）');
    expect(JSON.parse(json.out)).not.toHaveProperty('resolutionDue');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ISO-8601');
  });

  it('shows one ticket with its history; an unknown number is a clear error', async () => {
    const [show, json, missing] = await Promise.all([
      xiaoer(['tickets', 'show', '#7'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'show', '7', '--json'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'show', '999'], { MONGODB_URI: uri }),
    ]);
    expect(show.out).toContain('#7  已受理');
    expect(show.out).toContain('浙江天赐生态科技有限公司');
    expect(show.out).toContain('受理  孙总');
    expect(JSON.parse(json.out)).toMatchObject({ no: 7, events: [{ type: 'accepted' }] });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('未找到工单 #999');
  });
});

describe('xiaoer tickets list, page by page', () => {
  const uri = testMongoUri('clipages');
  let store: Store;
  beforeAll(async () => {
    store = await connectStore(uri);
    for (let no = 1; no <= 5; no++) {
      const t = buildNewTicket(no, {
        platform: 'wecom', chatId: 'g1', reporter: { id: 'u1' }, text: `问题${no}`, summary: `问题${no}`, category: 'other', categoryConfidence: 1,
        urgency: 'normal', requestedDate: null, resolutionDueAt: '2026-11-30T10:00:00.000Z', enterprise: null, sourceMessageId: `wecom:p${no}`,
        parsedBy: 'rules', now: '2026-11-23T01:30:00.000Z',
      });
      await store.conn.collection('tickets').insertOne({ ...t, _id: no } as never);
    }
  });
  afterAll(async () => {
    await store.conn.dropDatabase();
    await store.close();
  });

  it('prints the next page\'s command, which lists the rest; a bad cursor is a usage error', async () => {
    const first = await xiaoer(['tickets', 'list', '--limit', '2'], { MONGODB_URI: uri });
    expect(first.out.match(/^#\d+/gm)).toEqual(['#5', '#4']);
    const next = /下一页：xiaoer (.+)$/m.exec(first.out)![1]!.split(' ');
    expect(next.slice(0, 4)).toEqual(['tickets', 'list', '--limit', '2']);
    const second = await xiaoer(next, { MONGODB_URI: uri });
    expect(second.out.match(/^#\d+/gm)).toEqual(['#3', '#2']);
    const third = await xiaoer(/下一页：xiaoer (.+)$/m.exec(second.out)![1]!.split(' '), { MONGODB_URI: uri });
    expect(third.out.match(/^#\d+/gm)).toEqual(['#1']);
    expect(third.out).not.toContain('下一页');
    // --json: stdout stays one JSON document, the next command goes to stderr
    const [json, bad] = await Promise.all([
      xiaoer(['tickets', 'list', '--limit', '3', '--json'], { MONGODB_URI: uri }),
      xiaoer(['tickets', 'list', '--cursor', 'nonsense'], { MONGODB_URI: uri }),
    ]);
    expect(JSON.parse(json.out).map((t: { no: number }) => t.no)).toEqual([5, 4, 3]);
    expect(json.err).toContain('--cursor');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--cursor');
  });
});

describe('xiaoer calendar and sla preview', () => {
  it('answers working-day questions from the real calendar', async () => {
    const [added, workday, holiday, bad] = await Promise.all([
      xiaoer(['calendar', 'add-working-days', '--from', '2026-09-30', '--days', '1']),
      xiaoer(['calendar', 'is-working-day', '2026-02-14']),
      xiaoer(['calendar', 'is-working-day', '2026-10-05']),
      xiaoer(['calendar', 'is-working-day', '2026-02-30']),
    ]);
    expect(added.out.trim()).toBe('2026-10-08');
    expect(workday.out.trim()).toBe('yes');
    expect(holiday.out.trim()).toBe('no');
    expect(bad.code).not.toBe(0);
  });

  it('previews what would fire at an instant without sending anything', async () => {
    const uri = testMongoUri('preview');
    const store = await connectStore(uri);
    try {
      const t = buildNewTicket(9, {
        platform: 'wecom', chatId: 'g', reporter: { id: 'r' }, text: 't', summary: '排水许可未批', category: 'approval', categoryConfidence: 1,
        urgency: 'normal', requestedDate: null, resolutionDueAt: '2026-11-30T01:30:00.000Z', enterprise: null,
        sourceMessageId: 'wecom:p9', parsedBy: 'rules', now: '2026-11-23T01:30:00.000Z',
      });
      await store.conn.collection('tickets').insertOne({ ...t, _id: t.no, status: 'in_progress', assignee: { personId: 'wangfang', name: '王芳' }, nextDueAt: '2026-11-27T01:30:00.000Z' } as never);
      const [early, json, text] = await Promise.all([
        xiaoer(['sla', 'preview', '--at', '2026-11-26T09:30:00+08:00'], { MONGODB_URI: uri }),
        xiaoer(['sla', 'preview', '--at', '2026-12-01T10:00:00+08:00', '--json'], { MONGODB_URI: uri }),
        xiaoer(['sla', 'preview', '--at', '2026-12-01T10:00:00+08:00'], { MONGODB_URI: uri }),
      ]);
      expect(early.out.trim()).toBe('该时刻没有待发送的提醒或督办。');
      const rows = JSON.parse(json.out) as { ticket: number; step: string; recipients: { name: string }[] }[];
      expect(rows.map((r) => r.step)).toEqual(['resolution-pre', 'resolution-due', 'escalate-lead']);
      expect(rows[0]!.recipients).toEqual([{ personId: 'wangfang', name: '王芳' }]);
      expect(text.out).toContain('#9  办理到期前提醒  2026-11-27 09:30  → 王芳');
      expect((await store.conn.collection('tickets').findOne({ no: 9 }))!.slaSent).toEqual([]);
    } finally {
      await store.conn.dropDatabase();
      await store.close();
    }
  });
});
