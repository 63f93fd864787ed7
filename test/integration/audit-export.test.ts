import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import { maskPhones } from '../../src/shared/mask.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri } from '../helpers/env.js';

const ticket = (no: number, now: string, reporterName: string): Ticket =>
  buildNewTicket(no, {
    platform: 'wecom',
    chatId: 'wrYilongService',
    reporter: { id: `wm-${no}`, name: reporterName },
    text: '厂区门口道路破损',
    summary: '厂区门口道路破损',
    category: 'utilities',
    categoryConfidence: 0.9,
    urgency: 'normal',
    requestedDate: null,
    resolutionDueAt: '2026-12-01T10:00:00.000Z',
    enterprise: '亿龙置业',
    sourceMessageId: `wecom:m-${no}`,
    parsedBy: 'rules',
    now,
  });

describe('maskPhones', () => {
  it('masks mobiles and landlines, leaves other numbers', () => {
    expect(maskPhones('请联系 13912345678，或 +86 139 1234 5678，座机 0571-87654321')).toBe('请联系 139****5678，或 +86 139****5678，座机 0571-******21');
    expect(maskPhones('工单 #12，金额 2000000 元，编号 202611230001234')).toBe('工单 #12，金额 2000000 元，编号 202611230001234');
  });

  it('masks a landline however its area code is written, and a local number written as a phone', () => {
    for (const written of ['057187654321', '0571 87654321', '(0571)87654321', '（0571）87654321']) expect(maskPhones(`电话${written}`)).toBe('电话0571-******21');
    expect(maskPhones('座机：87654321')).toBe('座机：******21');
    expect(maskPhones('电话 8765-4321')).toBe('电话 ****-**21');
    expect(maskPhones('金额 87654321 元')).toBe('金额 87654321 元');
  });
});

describe('xiaoer audit', () => {
  const uri = testMongoUri('audit');
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-audit-'));
  let store: Store;

  beforeAll(async () => {
    store = await connectStore(uri);
    const repo = createTicketRepository(store.conn);
    // 23:59 local on 11-22: before the range
    await repo.insertNumbered('wecom:m-1', (no) => ticket(no, '2026-11-22T15:59:00.000Z', '王经理'));
    // 00:00 local on 11-23: the first instant of the range
    await repo.insertNumbered('wecom:m-2', (no) => ticket(no, '2026-11-22T16:00:00.000Z', '陈经理 13812345678'));
    const t2 = (await repo.getByNo(2))!;
    const by = { platform: 'wecom' as const, id: 'zhangwei', name: '张伟', personId: 'p-zw' };
    const progress = { type: 'progress', at: '2026-11-24T15:59:59.000Z', by, note: '已联系，请拨 13912345678 或 0571-87654321', source: 'wecom:m-20', data: { step: '现场查看' } };
    expect(await repo.saveTransition({ ...t2, updatedAt: progress.at }, progress)).toBe('saved');
    const late = { type: 'resolve', at: '2026-11-24T16:00:00.000Z', by, note: '已修复', source: 'wecom:m-21' };
    expect(await repo.saveTransition({ ...(await repo.getByNo(2))!, updatedAt: late.at }, late)).toBe('saved');
    await store.conn.db!.collection('visits').insertOne({
      _id: 1 as never,
      no: 1,
      platform: 'wecom',
      chatId: 'c1',
      chatType: 'single',
      source: 'wecom:v-1',
      by: { personId: 'p-zw', name: '张伟', platformId: 'zhangwei' },
      companions: [],
      enterpriseId: 'e1',
      enterpriseName: '亿龙置业',
      projectId: null,
      mode: 'onsite',
      date: '2026-11-23',
      note: '',
      problems: [],
      recordedAt: '2026-11-23T02:00:00.000Z',
      editedAt: '2026-11-23T03:00:00.000Z',
      deletedAt: null,
      history: [{ type: 'edit', at: '2026-11-23T03:00:00.000Z', by: { platformId: 'zhangwei', personId: 'p-zw', name: '张伟' }, source: 'wecom:v-2', data: { note: '联系人电话 15000001111' } }],
      version: 1,
    });
    await store.conn.db!.collection('directories').insertOne({ _id: 'current' as never, version: 3, hash: 'h', data: { people: [{}, {}], enterprises: [{}] }, importedAt: new Date('2026-11-24T01:00:00.000Z') });
  });

  afterAll(async () => {
    await store.conn.db!.dropDatabase();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('CSV for Excel: BOM, header, every change in the local-date range, who/when/what/which message, phones masked', async () => {
    const file = join(dir, 'audit.csv');
    const r = await runCli(['audit', '--from', '2026-11-23', '--to', '2026-11-24', '--out', file], { MONGODB_URI: uri, XIAOER_TIMEZONE: 'Asia/Shanghai' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('5 条变更记录');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF记录,编号,时间,操作,操作类型,操作人,平台,平台账号,人员编号,说明,内容,来源消息,时间(UTC)\r\n')).toBe(true);
    const rows = text.slice(1).trim().split('\r\n').slice(1);
    expect(rows).toEqual([
      '工单,#2,2026-11-23 00:00:00,受理,accepted,陈经理 138****5678,企业微信,wm-2,,,category=utilities; urgency=normal; resolutionDueAt=2026-12-01T10:00:00.000Z,wecom:m-2,2026-11-22T16:00:00.000Z',
      '工单,#2,2026-11-24 23:59:59,进展,progress,张伟,企业微信,zhangwei,p-zw,已联系，请拨 139****5678 或 0571-******21,step=现场查看,wecom:m-20,2026-11-24T15:59:59.000Z',
      '走访,V1,2026-11-23 10:00:00,登记走访,record,张伟,,zhangwei,p-zw,,enterprise=亿龙置业; date=2026-11-23,wecom:v-1,2026-11-23T02:00:00.000Z',
      '走访,V1,2026-11-23 11:00:00,修改走访,edit,张伟,,zhangwei,p-zw,,note=联系人电话 150****1111,wecom:v-2,2026-11-23T03:00:00.000Z',
      '名录,v3,2026-11-24 09:00:00,导入名录,import,,,,,,version=3; people=2; enterprises=1,,2026-11-24T01:00:00.000Z',
    ]);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  });

  it('JSONL on standard output: one object per line, data kept as an object, masked', async () => {
    const r = await runCli(['audit', '--from', '2026-11-24', '--to', '2026-11-24', '--format', 'jsonl'], { MONGODB_URI: uri, XIAOER_TIMEZONE: 'Asia/Shanghai' });
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        record: 'ticket',
        ref: '#2',
        at: '2026-11-24T15:59:59.000Z',
        localTime: '2026-11-24 23:59:59',
        action: '进展',
        type: 'progress',
        by: { name: '张伟', platform: 'wecom', id: 'zhangwei', personId: 'p-zw' },
        note: '已联系，请拨 139****5678 或 0571-******21',
        data: { step: '现场查看' },
        message: 'wecom:m-20',
      },
      expect.objectContaining({ record: 'directory', type: 'import', data: { version: 3, people: 2, enterprises: 1 } }),
    ]);
    const bad = await runCli(['audit', '--from', '2026-11-25', '--to', '2026-11-24'], { MONGODB_URI: uri });
    expect(bad.code).toBe(2);
  });
});
