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

/** A local calendar date as an Excel date cell (no time, no time-zone shift). */
function dateCell(iso: string | null | undefined, tz: string): Date | null {
  if (!iso) return null;
  const d = DateTime.fromISO(iso).setZone(tz);
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

/** The 问题台账: one row per ticket, Chinese headers, frozen header row, filters, real dates; a summary sheet. */
export async function buildLedger(
  tickets: Ticket[],
  opts: { directory: Directory; calendar: BusinessCalendar; timezone: string; now: string; summary?: DigestModel; title?: string },
): Promise<Buffer> {
  const { calendar: cal, timezone: tz, directory: dir } = opts;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiaoer';
  wb.created = new Date(opts.now);
  const ws = wb.addWorksheet('问题台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_HEADERS.map((h) => ({
    header: h,
    width: h === '问题摘要' ? 40 : h === '企业' ? 24 : h === '来源' ? 16 : 14,
    style: ['受理日期', '办理时限', '办结日期'].includes(h) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const t of tickets) {
    const end = t.resolvedAt ?? opts.now;
    // 是否超期: overdue now, answered late, or given a later deadline after missing one (wasOverdue)
    const overdue = wasOverdue(t, opts.now);
    const department = t.assignee ? (dir.person(t.assignee.personId)?.department ?? '') : '';
    ws.addRow([
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
    ]);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_HEADERS.length } };

  const s = wb.addWorksheet('汇总');
  s.columns = [{ header: '指标', width: 24 }, { header: '数值', width: 18 }];
  s.getRow(1).font = { bold: true };
  const d = opts.summary;
  const rows: [string, string | number][] = [['统计范围', opts.title ?? (d ? d.period.label : '全部')], ['工单数', tickets.length]];
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
  for (const r of rows) s.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
