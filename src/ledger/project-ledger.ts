import ExcelJS from 'exceljs';
import type { BusinessCalendar } from '../domain/calendar.js';
import { ITEM_STATES, isFinished, schedulePath } from '../domain/project-path.js';
import { ALL_TIME, finishedOn, lateItemsOf, startStatus, type ReportProject } from '../domain/project-report.js';
import { NEUTRAL } from '../messages/outbound.js';

export const PROJECT_LEDGER_HEADERS = ['名称', '企业', '模板', '拿地日期', '计划开工', '最早可开工', '开工是否可按期', '已完成/全部事项', '超期事项数'] as const;
export const PROJECT_ITEM_HEADERS = ['项目', '事项', '责任部门', '状态', '申报日期', '承诺时限', '到期日', '办结日期', '是否超期', '超期工作日'] as const;

/** A local date (YYYY-MM-DD) as an Excel date cell (no time, no time-zone shift). */
function dateCell(date: string | null | undefined): Date | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
/** A spreadsheet reads no markup: the invisible marks that keep typed text inert in chat are left out. */
const plain = (s: string | null | undefined) => (s ?? '').replaceAll(NEUTRAL, '');

function sheet(wb: ExcelJS.Workbook, title: string, headers: readonly string[], dates: readonly string[], wide: readonly string[]) {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h, width: wide.includes(h) ? 28 : 14, style: dates.includes(h) ? { numFmt: 'yyyy-mm-dd' } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}

/**
 * The 项目台账: a sheet of projects (one row each, 开工 against the plan, items finished, 超期 items) and a sheet of
 * items (one row per item of every project). Frozen header rows, filters, real date cells. 超期 is the domain's
 * lateItemsOf over the project's whole life (open late today, or 办结 late); 办结日期 its finishedOn.
 * `templateNames`: template id → name (the id is shown when it has none).
 */
export async function buildProjectLedger(
  projects: readonly ReportProject[],
  opts: { calendar: BusinessCalendar; today: string; now: string; templateNames?: Record<string, string> },
): Promise<Buffer> {
  const { calendar: cal, today } = opts;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiaoer';
  wb.created = new Date(opts.now);
  const ps = sheet(wb, '项目', PROJECT_LEDGER_HEADERS, ['拿地日期', '计划开工', '最早可开工'], ['名称', '企业']);
  const is = sheet(wb, '事项', PROJECT_ITEM_HEADERS, ['申报日期', '到期日', '办结日期'], ['项目', '事项', '责任部门']);
  for (const { project, path } of projects) {
    const schedule = schedulePath(path, today, cal);
    const start = startStatus(path, schedule, cal);
    const late = new Map(lateItemsOf(path, ALL_TIME, today, cal).map((l) => [l.itemId, l]));
    ps.addRow([
      plain(project.name),
      plain(project.enterprise),
      opts.templateNames?.[path.templateId] ?? path.templateId,
      dateCell(path.landDate),
      dateCell(path.plannedStartDate),
      dateCell(schedule.earliestStartDate),
      start === null ? '未定计划' : start.onTrack ? '是' : '否',
      `${path.items.filter((i) => isFinished(i.state)).length}/${path.items.length}`,
      late.size,
    ]);
    for (const i of path.items) {
      const l = late.get(i.id);
      is.addRow([
        plain(project.name),
        plain(i.name),
        plain(i.department),
        ITEM_STATES[i.state],
        dateCell(i.submittedAt ? cal.localDate(i.submittedAt) : null),
        i.promisedWorkingDays,
        dateCell(i.dueDate),
        dateCell(finishedOn(i, cal)),
        l ? '是' : '否',
        l ? l.workingDaysLate : 0,
      ]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
