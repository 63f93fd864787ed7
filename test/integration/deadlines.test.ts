import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../config/policy.js';
import { createTicketService } from '../../src/bot/ticket-service.js';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import { Directory } from '../../src/domain/directory.js';
import { buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import { buildLedger, LEDGER_HEADERS } from '../../src/ledger/ledger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { testMongoUri } from '../helpers/env.js';

/** The one stored deadline on a real MongoDB-wire server: the 超期 query, old documents, the ledger's 是否超期. */

const L = (local: string) => new Date(`${local}+08:00`).toISOString();
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });
const by = { platform: 'wecom' as const, id: 'zhangwei', name: '张伟', personId: 'zhangwei' };
let store: Store;

beforeAll(async () => {
  store = await connectStore(testMongoUri('deadlines'));
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
});

/** A ticket received Mon 2026-11-23 09:30, due Mon 11-30 09:30, being handled by 张伟. */
function doc(no: number, extra: Partial<Ticket> & Record<string, unknown> = {}) {
  const t = buildNewTicket(no, {
    platform: 'wecom', chatId: 'g1', reporter: { id: 'chenjl' }, text: `问题${no}`, summary: `问题${no}`, category: 'utilities', categoryConfidence: 1,
    urgency: 'normal', requestedDate: null, resolutionDueAt: L('2026-11-30T09:30:00'), enterprise: '浙江亿龙置业有限公司',
    sourceMessageId: `wecom:d${no}`, parsedBy: 'rules', now: L('2026-11-23T09:30:00'),
  });
  return { ...t, _id: no, status: 'in_progress', assignee: { personId: 'zhangwei', name: '张伟', wecom: 'zhangwei' }, claimedAt: t.createdAt, ...extra };
}

describe('the one stored deadline in the store', () => {
  it('超期 query: open, past the current deadline instant, not paused — whatever an old stored date says', async () => {
    const tickets = store.conn.collection('tickets');
    await tickets.insertMany([
      // an old document: its stale date says overdue, the instant (extended) says not yet
      doc(1, { resolutionDue: '2026-11-30', resolutionDueAt: L('2026-12-02T18:00:00') }),
      // due today at 09:30: overdue by 10:00 the same day, although the date is not before today
      doc(2, { resolutionDueAt: L('2026-12-01T09:30:00') }),
      doc(3, { pausedAt: L('2026-11-27T10:00:00') }),
      doc(4, { status: 'pending_rating', resolvedAt: L('2026-11-27T10:00:00') }),
      doc(5, { status: 'closed' }),
      doc(6, { status: 'pending_claim', claimedAt: null }),
    ] as never[]);
    const repo = createTicketRepository(store.conn);
    const overdue = await repo.listOpen({ overdueAt: L('2026-12-01T10:00:00') });
    expect(overdue.map((t) => t.no)).toEqual([2, 6]);
    expect((await repo.listOpen({ overdueAt: L('2026-12-03T10:00:00') })).map((t) => t.no)).toEqual([1, 2, 6]);
  });

  it('an old document still carrying resolutionDue reads and changes as before; the field is ignored', async () => {
    const repo = createTicketRepository(store.conn);
    const old = (await repo.getByNo(1))!;
    expect(old).not.toHaveProperty('resolutionDue');
    expect(cal.localDate(old.resolutionDueAt)).toBe('2026-12-02');
    const service = createTicketService({ tickets: repo, withLock: (_k, fn) => fn(), calendar: cal, policy: DEFAULT_POLICY });
    const r = await service.change(1, () => ({ type: 'progress', note: '已约现场' }), { by, at: L('2026-12-01T10:00:00') });
    expect(r.ok).toBe(true);
    expect((await repo.getByNo(1))!.events.at(-1)).toMatchObject({ type: 'progress', note: '已约现场' });
  });
});

describe('the ledger\'s 是否超期', () => {
  it('keeps that a ticket was overdue after a late extension, and after a late answer', async () => {
    const tickets = store.conn.collection('tickets');
    const repo = createTicketRepository(store.conn);
    const service = createTicketService({ tickets: repo, withLock: (_k, fn) => fn(), calendar: cal, policy: DEFAULT_POLICY });
    await tickets.insertMany([doc(11), doc(12), doc(13)] as never[]);
    // #11 extended by a leader after its deadline had passed; #12 extended in time; #13 answered late
    await service.change(11, () => ({ type: 'extend', resolutionDueAt: L('2026-12-04T18:00:00'), reason: '等待批复', approvedBy: 'lihua' }), { by, at: L('2026-12-01T10:00:00') });
    await service.change(12, () => ({ type: 'extend', resolutionDueAt: L('2026-12-04T18:00:00'), reason: '等待批复' }), { by, at: L('2026-11-27T10:00:00') });
    await service.change(13, () => ({ type: 'resolve', outcome: 'resolved' }), { by, at: L('2026-12-01T10:00:00') });
    const rows = (await repo.forLedger({})).filter((t) => t.no >= 11);
    const buf = await buildLedger(rows, { directory: Directory.empty(), calendar: cal, timezone: 'Asia/Shanghai', now: L('2026-12-02T10:00:00') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题台账')!;
    const col = (h: string) => LEDGER_HEADERS.indexOf(h as (typeof LEDGER_HEADERS)[number]) + 1;
    const read = (r: number) => ({ no: ws.getRow(r).getCell(1).value, due: ws.getRow(r).getCell(col('办理时限')).value, overdue: ws.getRow(r).getCell(col('是否超期')).value });
    expect([read(2), read(3), read(4)]).toEqual([
      { no: 11, due: new Date('2026-12-04T00:00:00.000Z'), overdue: '是' },
      { no: 12, due: new Date('2026-12-04T00:00:00.000Z'), overdue: '否' },
      { no: 13, due: new Date('2026-11-30T00:00:00.000Z'), overdue: '是' },
    ]);
  });
});
