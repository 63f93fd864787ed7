import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Directory } from '../domain/directory.js';
import { coverageOf, countsAsVisit, visitWindows } from '../domain/visit-report.js';
import { VISIT_MODES, visitCadres, visitRef, type Visit } from '../domain/visit.js';
import { NEUTRAL } from '../messages/outbound.js';
import type { DirectoryRepository } from '../store/repositories/directory.repository.js';
import type { VisitRepository } from '../store/repositories/visit.repository.js';

export const VISIT_LEDGER_HEADERS = [
  '编号', '日期', '企业', '项目', '方式', '走访干部', '同行人员', '人次', '走访内容', '发现问题数', '问题', '建单编号', '是否已关联名录',
] as const;
export const VISIT_COVERAGE_HEADERS = ['企业', '服务专员', '月度目标', '本月走访次数', '是否覆盖'] as const;

export interface VisitLedgerOptions {
  /** Now (an ISO instant): the workbook's date, and where this month's coverage stops. */
  now: string;
  timezone: string;
  /** A local date (YYYY-MM-DD) in the month the 覆盖情况 sheet is for; default: the month of `now`. */
  month?: string;
  /** The visits the 覆盖情况 sheet counts, when the 走访记录 sheet lists another range (default: the same visits). */
  coverageVisits?: readonly Visit[];
}

/** A local date (YYYY-MM-DD) as an Excel date cell (no time, no time-zone shift). */
function dateCell(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
/** A spreadsheet reads no markup: the invisible marks that keep typed text inert in chat are left out. */
const plain = (s: string | null | undefined) => (s ?? '').replaceAll(NEUTRAL, '');

function sheet(wb: ExcelJS.Workbook, title: string, headers: readonly string[], dates: readonly string[], wide: readonly string[]) {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h, width: wide.includes(h) ? 32 : 12, style: dates.includes(h) ? { numFmt: 'yyyy-mm-dd' } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}

/**
 * The 走访台账: a sheet of visits (走访记录, one row each, deleted visits left out, by number) and a sheet of key
 * enterprises' coverage in a month (覆盖情况: 服务专员, monthly target, visits, covered — the visit report's own
 * `coverageOf`). Frozen header rows, filters, real date cells; 人次 is the visit's cadres, each person once.
 */
export function buildVisitLedger(visits: readonly Visit[], directory: Directory, opts: VisitLedgerOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiaoer';
  wb.created = new Date(opts.now);
  const vs = sheet(wb, '走访记录', VISIT_LEDGER_HEADERS, ['日期'], ['企业', '项目', '走访内容', '问题']);
  for (const v of [...visits].filter(countsAsVisit).sort((a, b) => a.no - b.no)) {
    const cadres = visitCadres(v);
    vs.addRow([
      visitRef(v.no),
      dateCell(v.date),
      plain(v.enterpriseName),
      plain(directory.project(v.projectId ?? undefined)?.name),
      VISIT_MODES[v.mode],
      plain(v.by.name),
      cadres.slice(1).map((c) => plain(c.name)).join('、'),
      cadres.length,
      plain(v.note),
      v.problems.length,
      v.problems.map((p) => `${p.n}.${plain(p.text)}`).join(' '),
      v.problems.flatMap((p) => (p.ticketNo === null ? [] : [`#${p.ticketNo}`])).join(' '),
      v.enterpriseId ? '是' : '否',
    ]);
  }

  const { month, windows } = visitWindows('month', opts.month ?? DateTime.fromISO(opts.now).setZone(opts.timezone).toISODate()!, opts.now, opts.timezone);
  const cs = sheet(wb, '覆盖情况', VISIT_COVERAGE_HEADERS, [], ['企业']);
  cs.getCell('G1').value = `统计月份：${month.label}`;
  for (const e of coverageOf(opts.coverageVisits ?? visits, directory, windows.month).enterprises) {
    cs.addRow([plain(e.name), plain(e.commissionerName) || '未指定', e.target, e.visits, e.covered ? '是' : '否']);
  }
  return wb;
}

/** The 走访台账 as xlsx bytes. */
export async function visitLedgerBuffer(visits: readonly Visit[], directory: Directory, opts: VisitLedgerOptions): Promise<Buffer> {
  return Buffer.from(await buildVisitLedger(visits, directory, opts).xlsx.writeBuffer());
}

/** Writes the 走访台账 as xlsx to a stream (an HTTP response, a file). */
export async function writeVisitLedger(out: Writable, visits: readonly Visit[], directory: Directory, opts: VisitLedgerOptions): Promise<void> {
  await buildVisitLedger(visits, directory, opts).xlsx.write(out);
}

/**
 * The 走访台账 of the store: visits on local dates [from, to] (default: January 1 of this year to today), with the
 * coverage of `month`'s month (default: this month) — for the CLI and the admin API alike.
 */
export async function exportVisitLedger(
  f: { from?: string; to?: string; month?: string },
  deps: { visits: Pick<VisitRepository, 'onDates'>; directories: Pick<DirectoryRepository, 'current'>; timezone: string; now: Date },
): Promise<{ buffer: Buffer; count: number }> {
  const today = DateTime.fromJSDate(deps.now).setZone(deps.timezone);
  const from = f.from ?? today.startOf('year').toISODate()!;
  const to = f.to ?? today.toISODate()!;
  const month = f.month ? DateTime.fromISO(f.month, { zone: deps.timezone }) : today;
  const [visits, coverageVisits, directory] = await Promise.all([
    deps.visits.onDates(from, to),
    deps.visits.onDates(month.startOf('month').toISODate()!, month.endOf('month').toISODate()!),
    deps.directories.current(),
  ]);
  const buffer = await visitLedgerBuffer(visits, directory, { now: deps.now.toISOString(), timezone: deps.timezone, month: f.month, coverageVisits });
  return { buffer, count: visits.length };
}
