import ExcelJS from 'exceljs';
import YAML from 'yaml';
import type { ProjectTemplates, TemplateProblem } from '../domain/project-template.js';
import { addSheet, readSheet, splitList, type DirectoryFormat } from './formats.js';

/**
 * Project templates (项目代办 审批路径) in the directory's formats: YAML, JSON, or a workbook officials keep, with
 * Chinese headers — a sheet 模板 (one row per template) and a sheet 事项 (one row per item, naming its template).
 * In the workbook, 前置事项 and 开工事项 are item names; validateProjectTemplates() turns names back into ids.
 */

const TEMPLATE_SHEET = '模板';
const ITEM_SHEET = '事项';
const TEMPLATE_COLUMNS = { id: '编号', name: '名称', description: '说明', startItem: '开工事项' } as const;
const ITEM_COLUMNS = {
  template: '模板',
  id: '编号',
  name: '名称',
  aliases: '别名',
  stage: '阶段',
  department: '责任部门',
  promisedWorkingDays: '承诺时限（工作日）',
  dependsOn: '前置事项',
} as const;

/** Where each template and item came from in a workbook: `templates[0].items[2]` → 事项 第4行. */
export type TemplateRows = Record<string, { sheet: string; row: number }>;

/** Parses a template file into the plain structure that validateProjectTemplates() checks. */
export async function readProjectTemplates(content: Buffer, format: DirectoryFormat): Promise<{ raw: unknown; rows?: TemplateRows }> {
  if (format === 'json') return { raw: JSON.parse(content.toString('utf8')) as unknown };
  if (format === 'yaml') return { raw: YAML.parse(content.toString('utf8')) as unknown };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const rows: TemplateRows = {};
  const templates: Record<string, unknown>[] = [];
  const itemsOf: Record<string, unknown>[][] = [];
  const ts = wb.getWorksheet(TEMPLATE_SHEET);
  if (ts) {
    const sheet = readSheet(ts, TEMPLATE_COLUMNS, (_key, text) => text);
    sheet.items.forEach((t, i) => {
      templates.push({ ...t, items: (itemsOf[i] = []) });
      rows[`templates[${i}]`] = { sheet: TEMPLATE_SHEET, row: sheet.rows[i]! };
    });
  }
  const is = wb.getWorksheet(ITEM_SHEET);
  if (is) {
    const sheet = readSheet(is, ITEM_COLUMNS, fromCell);
    sheet.items.forEach(({ template, ...item }, k) => {
      const ref = String(template ?? '');
      let ti = templates.findIndex((t) => t.id === ref);
      if (ti < 0) ti = templates.findIndex((t) => t.name === ref);
      if (ti < 0) {
        // an item of a template the 模板 sheet does not list: validation names it
        ti = templates.push({ ...(ref ? { id: ref } : {}), items: (itemsOf[templates.length] = []) }) - 1;
        rows[`templates[${ti}]`] = { sheet: ITEM_SHEET, row: sheet.rows[k]! };
      }
      rows[`templates[${ti}].items[${itemsOf[ti]!.length}]`] = { sheet: ITEM_SHEET, row: sheet.rows[k]! };
      itemsOf[ti]!.push(item);
    });
  }
  return { raw: { templates }, rows };
}

function fromCell(key: string, text: string): unknown {
  if (key === 'aliases' || key === 'dependsOn') return splitList(text);
  if (key === 'promisedWorkingDays') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

/** For a workbook, names the sheet row of a problem: `templates[0].items[2].dependsOn[0] (事项 第4行)`. */
export function placeOfTemplateProblem(problem: TemplateProblem, rows?: TemplateRows): string {
  if (!rows) return problem.path;
  const m = /^templates\[\d+\](\.items\[\d+\])?/.exec(problem.path);
  const at = m && (rows[m[0]] ?? rows[m[0].replace(/\.items\[\d+\]$/, '')]);
  return at ? `${problem.path} (${at.sheet} 第${at.row}行)` : problem.path;
}

export async function writeProjectTemplates(d: ProjectTemplates, format: DirectoryFormat): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(d, null, 2)}\n`);
  if (format === 'yaml') return Buffer.from(YAML.stringify(d));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiaoer';
  const info = wb.addWorksheet('说明');
  info.addRow(['项目代办审批路径模板：每个模板在「模板」表占一行，每个事项在「事项」表占一行，「模板」列填模板编号。']);
  info.addRow(['承诺时限按工作日计（0 为即办）；前置事项填同一模板内的事项名称或编号，多个用顿号分隔；没有前置事项的并联办理。']);
  info.addRow(['开工事项：到此事项批复即可开工，不填则取名为「施工许可」的事项。']);
  const nameOf = (items: ProjectTemplates['templates'][number]['items'], id: string | undefined) =>
    id === undefined ? undefined : (items.find((i) => i.id === id)?.name ?? id);
  addSheet(
    wb,
    TEMPLATE_SHEET,
    TEMPLATE_COLUMNS,
    d.templates.map((t) => ({ ...t, startItem: nameOf(t.items, t.startItem) })),
    toCell,
  );
  addSheet(
    wb,
    ITEM_SHEET,
    ITEM_COLUMNS,
    d.templates.flatMap((t) => t.items.map((i) => ({ ...i, template: t.id, dependsOn: i.dependsOn.map((dep) => nameOf(t.items, dep)) }))),
    toCell,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function toCell(_key: string, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join('、');
  return String(v);
}
