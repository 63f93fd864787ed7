import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../domain/calendar.js';
import type { DigestModel } from '../domain/digest.js';
import type { Directory } from '../domain/directory.js';
import { OUTCOMES, RATINGS, type RatingLevel } from '../domain/ticket-state.js';
import { NEUTRAL } from '../messages/outbound.js';
import { CATEGORIES, isOpen, TICKET_STATUSES, wasOverdue, type Ticket } from '../domain/ticket.js';

export const LEDGER_HEADERS = [
  '编号', '受理日期', '企业', '类别', '问题摘要', '责任人', '责任单位', '办理时限', '状态', '办结结果', '评价', '办结日期', '办理用时(工作日)', '是否超期', '来源',
] as const;

export interface LedgerOptions {
  directory: Directory;
  calendar: BusinessCalendar;
  timezone: string;
  now: string;
}

/** A local calendar date as an Excel date cell (no time, no time-zone shift). */
function dateCell(iso: string | null | undefined, tz: string): Date | null {
  if (!iso) return null;
  const d = DateTime.fromISO(iso).setZone(tz);
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

/** One ticket's row of the 问题台账, in LEDGER_HEADERS order (its events are read for 是否超期). */
export function toLedgerRow(t: Ticket, opts: LedgerOptions): unknown[] {
  const { calendar: cal, timezone: tz, directory: dir } = opts;
  const end = t.resolvedAt ?? opts.now;
  // 是否超期: overdue now, answered late, or given a later deadline after missing one (wasOverdue)
  const overdue = wasOverdue(t, opts.now);
  const department = t.assignee ? (dir.person(t.assignee.personId)?.department ?? '') : '';
  return [
    t.no,
    dateCell(t.createdAt, tz),
    t.enterprise ?? '',
    CATEGORIES[t.category],
    // a spreadsheet reads no markup: the invisible marks that keep typed text inert in chat are left out
    t.summary.replaceAll(NEUTRAL, ''),
    t.assignee?.name ?? '',
    department,
    dateCell(t.resolutionDueAt, tz),
    TICKET_STATUSES[t.status],
    // a reopened ticket (重办) has no result until it is answered again
    t.outcome && !isOpen(t) ? OUTCOMES[t.outcome] : '',
    t.rating ? (RATINGS[t.rating.level as RatingLevel]?.label ?? t.rating.level) : '',
    isOpen(t) ? '' : dateCell(t.resolvedAt, tz),
    Math.round((cal.workingMinutesBetween(t.createdAt, end) / cal.minutesPerDay) * 10) / 10,
    overdue ? '是' : '否',
    // 助企走访: a problem a cadre found on a visit, beside those the enterprise reported itself
    t.visitNo ? `走访发现 V${t.visitNo}` : '企业反映',
  ];
}

/** The 汇总 sheet's rows: the range, how many tickets the ledger has, and the digest of the range. */
function summaryRows(count: number, d: DigestModel | undefined, title: string | undefined): [string, string | number][] {
  const rows: [string, string | number][] = [['统计范围', title ?? (d ? d.period.label : '全部')], ['工单数', count]];
  if (d) {
    const pct = (r: number | null) => (r === null ? '—' : `${r}%`);
    rows.push(
      ['新增', d.numbers.newTickets], ['办结', d.numbers.answered], ['在办', d.numbers.open],
      ['在办≤5个工作日', d.numbers.openByAge.upTo5], ['在办6–15个工作日', d.numbers.openByAge.from6To15], ['在办>15个工作日', d.numbers.openByAge.over15],
      ['响应率', pct(d.responseRate.rate)], ['破解率（年度）', pct(d.solveRate.rate)], ['满意率', pct(d.satisfaction.period.rate)],
      ['参评率', pct(d.satisfaction.period.participation)], ['差评', d.satisfaction.bad.length], ['超期', d.overdue.count],
      ['超期率', pct(d.overdue.rate)], ['即将超期', d.overdue.dueSoon],
    );
  }
  return rows;
}

export interface LedgerWriter {
  /** Writes (and commits) one ticket's row: nothing of it stays in memory. */
  add(t: Ticket): void;
  /** Resolves when `out` can take more (the reader keeps up); call between batches so memory stays bounded. */
  drained(): Promise<void>;
  /** Closes the 问题台账 sheet, writes the 汇总 sheet and the rest of the workbook; resolves when `out` has it all. */
  finish(summary?: { digest?: DigestModel; title?: string }): Promise<void>;
  readonly count: number;
}

/**
 * The 问题台账 streamed into `out` (exceljs's streaming writer): one row per ticket, Chinese headers, frozen header row,
 * filters, real dates; a summary sheet. Rows are written as they are added, so a ledger of any size takes the memory
 * of one batch (strings inline, not shared: a shared-string table would grow with the ledger).
 */
export function createLedgerWriter(out: Writable, opts: LedgerOptions): LedgerWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'xiaoer';
  wb.created = new Date(opts.now);
  const ws = wb.addWorksheet('问题台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_HEADERS.map((h) => ({
    header: h,
    width: h === '问题摘要' ? 40 : h === '企业' ? 24 : h === '来源' ? 16 : 14,
    style: ['受理日期', '办理时限', '办结日期'].includes(h) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_HEADERS.length } };
  let count = 0;
  return {
    get count() {
      return count;
    },
    add(t) {
      ws.addRow(toLedgerRow(t, opts)).commit();
      count++;
    },
    drained() {
      if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          out.off('drain', done).off('close', done);
          resolve();
        };
        out.on('drain', done).on('close', done);
      });
    },
    async finish(summary = {}) {
      ws.commit();
      const s = wb.addWorksheet('汇总');
      s.columns = [{ header: '指标', width: 24 }, { header: '数值', width: 18 }];
      s.getRow(1).font = { bold: true };
      for (const r of summaryRows(count, summary.digest, summary.title)) s.addRow(r).commit();
      s.commit();
      await wb.commit();
    },
  };
}

/** The whole 问题台账 as a Buffer, for tickets already in memory (tests, small sets): the same writer as the stream. */
export async function buildLedger(tickets: Ticket[], opts: LedgerOptions & { summary?: DigestModel; title?: string }): Promise<Buffer> {
  const out = new PassThrough();
  const bytes = buffer(out);
  const w = createLedgerWriter(out, opts);
  for (const t of tickets) w.add(t);
  await w.finish({ digest: opts.summary, title: opts.title });
  return bytes;
}
