import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import type { Visit, VisitCadre } from '../../../src/domain/visit.js';
import { VISIT_COVERAGE_HEADERS, VISIT_LEDGER_HEADERS, visitLedgerBuffer, writeVisitLedger } from '../../../src/ledger/visit-ledger.js';
import { NEUTRAL } from '../../../src/messages/outbound.js';

const L = (local: string) => new Date(`${local}+08:00`).toISOString();
const v = validateDirectory({
  people: [
    { id: 'c1', name: '张伟', role: 'cadre' },
    { id: 'c2', name: '王芳', role: 'cadre' },
  ],
  enterprises: [
    { id: 'e1', name: '亿龙置业', key: true, commissioner: 'c1' },
    { id: 'e2', name: '天赐科技', key: true, visitsPerMonth: 2 },
    { id: 'e3', name: '小微商贸' },
  ],
  projects: [{ id: 'p1', name: '亿龙二期', enterprise: 'e1' }],
});
if (!v.ok) throw new Error(JSON.stringify(v.problems));
const dir = new Directory(v.data);
const P = (id: string): VisitCadre => ({ personId: id, name: dir.person(id)!.name });
const V = (no: number, date: string, e: string | null, o: Partial<Omit<Visit, 'history'>> = {}): Visit => ({
  no, platform: 'wecom', chatId: 'g', chatType: 'group', source: `wecom:v${no}`, by: { ...P('c1'), platformId: 'c1' }, companions: [],
  enterpriseId: e, enterpriseName: e ? dir.enterprise(e)!.name : '新星电子', projectId: null, mode: 'onsite', date, note: '',
  problems: [], recordedAt: L(`${date}T18:00:00`), editedAt: null, deletedAt: null, history: [], ...o,
});
const visits = [
  V(3, '2026-11-05', 'e2', { mode: 'phone' }),
  V(2, '2026-11-28', 'e1', {
    projectId: 'p1', companions: [P('c2'), P('c1'), { personId: null, name: '赵六' }], note: `了解二期用电${NEUTRAL}`,
    problems: [{ n: 1, text: '变电站扩容慢', ticketNo: 31 }, { n: 2, text: '招工难', ticketNo: null }],
  }),
  V(4, '2026-11-20', 'e2', { deletedAt: L('2026-11-20T19:00:00') }),
  V(5, '2026-11-21', null),
  V(1, '2026-10-10', 'e1'),
];
const opts = { now: L('2026-11-30T12:00:00'), timezone: 'Asia/Shanghai' };

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const ws = wb.getWorksheet(name)!;
    const out: unknown[][] = [];
    ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    return out;
  };
  return { rows };
}

describe('buildVisitLedger', () => {
  it('writes 走访记录: one row per visit not deleted, by number', async () => {
    const { rows } = await read(await visitLedgerBuffer(visits, dir, opts));
    const r = rows('走访记录');
    expect(r[0]).toEqual([...VISIT_LEDGER_HEADERS]);
    expect(r.slice(1).map((x) => x[0])).toEqual(['V1', 'V2', 'V3', 'V5']);
    expect(r[2]).toEqual([
      'V2', new Date(Date.UTC(2026, 10, 28)), '亿龙置业', '亿龙二期', '上门', '张伟', '王芳、赵六', 3, '了解二期用电', 2, '1.变电站扩容慢 2.招工难', '#31', '是',
    ]);
    expect(r[3]!.slice(4, 8)).toEqual(['电话', '张伟', '', 1]);
    expect(r[4]![12]).toBe('否');
  });

  it('writes 覆盖情况 for the month: key enterprises against their target', async () => {
    const { rows } = await read(await visitLedgerBuffer(visits, dir, opts));
    const r = rows('覆盖情况');
    expect(r[0]!.slice(0, 5)).toEqual([...VISIT_COVERAGE_HEADERS]);
    expect(r.slice(1)).toEqual([
      ['亿龙置业', '张伟', 1, 1, '是'],
      // visited once (V4 deleted) of two a month
      ['天赐科技', '未指定', 2, 1, '否'],
    ]);
  });

  it('writes the same workbook to a stream', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeVisitLedger(out, visits, dir, { ...opts, month: '2026-10-01' });
    out.end();
    const { rows } = await read(Buffer.concat(chunks));
    expect(rows('覆盖情况').slice(1)).toEqual([
      ['亿龙置业', '张伟', 1, 1, '是'],
      ['天赐科技', '未指定', 2, 0, '否'],
    ]);
  });
});
