import ExcelJS from 'exceljs';
import YAML from 'yaml';
import { CATEGORIES, type Category } from '../domain/ticket.js';
import type { DirectoryData, DirectoryProblem } from '../domain/directory.js';

export type DirectoryFormat = 'yaml' | 'json' | 'xlsx';

export function formatOf(fileName: string): DirectoryFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json') return 'json';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

/** Sheet and column names of the workbook officials keep (人员, 企业, 项目, 部门, 群). */
const SHEETS = {
  people: {
    sheet: '人员',
    columns: { id: '编号', name: '姓名', role: '角色', department: '部门', title: '职务', mobile: '手机', wecom: '企业微信ID', dingtalk: '钉钉ID', enterprise: '所属企业' },
  },
  enterprises: {
    sheet: '企业',
    columns: { id: '编号', name: '名称', aliases: '别名', creditCode: '统一社会信用代码', commissioner: '服务专员', key: '重点企业', visitsPerMonth: '每月走访次数' },
  },
  projects: {
    sheet: '项目',
    columns: {
      id: '编号', name: '名称', aliases: '别名', enterprise: '企业', leader: '包联区领导', taskforce: '专班成员',
      template: '审批路径模板', landDate: '拿地日期', plannedStartDate: '计划开工日期',
    },
  },
  departments: { sheet: '部门', columns: { id: '编号', name: '名称', lead: '负责人', categories: '负责类别' } },
  groups: {
    sheet: '群',
    columns: { platform: '平台', chatId: '群ID', name: '群名称', kind: '类型', enterprise: '企业', webhookKey: '消息推送Key' },
  },
} as const;
type Section = keyof typeof SHEETS;

const ROLE_LABELS: Record<string, string> = { enterprise: '企业联系人', cadre: '干部', leader: '领导', admin: '管理员' };
const ROLE_ALIASES: Record<string, string> = {
  企业联系人: 'enterprise', 企业: 'enterprise', 联系人: 'enterprise', 干部: 'cadre', 服务专员: 'cadre', 代办员: 'cadre',
  项目专员: 'cadre', 领导: 'leader', 区领导: 'leader', 管理员: 'admin',
};
const KIND_LABELS: Record<string, string> = { enterprise: '企业服务群', taskforce: '专班群', leaders: '领导群' };
const KIND_ALIASES: Record<string, string> = { 企业服务群: 'enterprise', 企业群: 'enterprise', 专班群: 'taskforce', 专班: 'taskforce', 领导群: 'leaders' };
const PLATFORM_LABELS: Record<string, string> = { wecom: '企业微信', dingtalk: '钉钉' };
const PLATFORM_ALIASES: Record<string, string> = { 企业微信: 'wecom', 企微: 'wecom', 钉钉: 'dingtalk' };
const CATEGORY_ALIASES: Record<string, Category> = Object.fromEntries(
  Object.entries(CATEGORIES).map(([code, label]) => [label, code as Category]),
);

/** A cell's list (、 , ， ; ； or spaces between the entries). */
export const splitList = (v: string) =>
  v
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Parses a directory file into the plain structure that validateDirectory() checks. */
export async function readDirectory(content: Buffer, format: DirectoryFormat): Promise<{ raw: unknown; rows?: Record<string, number[]> }> {
  if (format === 'json') return { raw: JSON.parse(content.toString('utf8')) as unknown };
  if (format === 'yaml') return { raw: YAML.parse(content.toString('utf8')) as unknown };
  return readWorkbook(content);
}

async function readWorkbook(content: Buffer): Promise<{ raw: unknown; rows: Record<string, number[]> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const raw: Record<string, unknown> = {};
  const rows: Record<string, number[]> = {};
  const info = wb.getWorksheet('说明');
  if (info) {
    info.eachRow((row) => {
      if (row.getCell(1).text.trim() === '区县') raw.district = row.getCell(2).text.trim();
    });
  }
  for (const [section, def] of Object.entries(SHEETS) as [Section, (typeof SHEETS)[Section]][]) {
    const ws = wb.getWorksheet(def.sheet);
    if (!ws) continue;
    const sheet = readSheet(ws, def.columns, (key, text) => fromCell(section, key, text));
    raw[section] = sheet.items;
    rows[section] = sheet.rows;
  }
  return { raw, rows };
}

/** Reads a sheet whose first row names the columns (labels → keys): one record per non-empty row, and its row number. */
export function readSheet(
  ws: ExcelJS.Worksheet,
  columns: Readonly<Record<string, string>>,
  fromCell: (key: string, text: string) => unknown,
): { items: Record<string, unknown>[]; rows: number[] } {
  const header = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = Object.entries(columns).find(([, label]) => label === cell.text.trim())?.[0];
    if (key) header.set(col, key);
  });
  const items: Record<string, unknown>[] = [];
  const rows: number[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const item: Record<string, unknown> = {};
    header.forEach((key, col) => {
      const text = row.getCell(col).text.trim();
      if (text) item[key] = fromCell(key, text);
    });
    if (Object.keys(item).length === 0) return;
    items.push(item);
    rows.push(rowNumber);
  });
  return { items, rows };
}

/** Adds a sheet with a bold, frozen header row of the column labels and one row per record. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Readonly<Record<string, string>>,
  records: readonly Record<string, unknown>[],
  toCell: (key: string, v: unknown) => string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = Object.keys(columns);
  ws.addRow(Object.values(columns)).font = { bold: true };
  for (const r of records) ws.addRow(keys.map((k) => toCell(k, r[k])));
  ws.columns.forEach((c) => (c.width = 18));
  return ws;
}

function fromCell(section: Section, key: string, text: string): unknown {
  if (key === 'aliases' || key === 'taskforce') return splitList(text);
  if ((key === 'landDate' || key === 'plannedStartDate') && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    // a cell Excel typed as a date reads as the instant's text (ExcelJS keeps dates at UTC midnight)
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? text : d.toISOString().slice(0, 10);
  }
  if (key === 'categories') return splitList(text).map((c) => CATEGORY_ALIASES[c] ?? c);
  if (key === 'key') return /^(是|true|yes|y|1|重点)$/i.test(text);
  // a number the schema checks (a bad one is named with its row, as every other problem)
  if (key === 'visitsPerMonth') return /^\d+$/.test(text) ? Number(text) : text;
  if (key === 'role') return ROLE_ALIASES[text] ?? text;
  if (key === 'kind') return KIND_ALIASES[text] ?? text;
  if (key === 'platform') return PLATFORM_ALIASES[text] ?? text;
  return text;
}

/** For a workbook, names the sheet row of a problem: `enterprises[1].commissioner (企业 第3行)`. */
export function placeOf(problem: DirectoryProblem, rows?: Record<string, number[]>): string {
  if (!rows) return problem.path;
  const m = /^(\w+)\[(\d+)\]/.exec(problem.path);
  const section = m?.[1] as Section | undefined;
  const row = section && rows[section]?.[Number(m![2])];
  return row ? `${problem.path} (${SHEETS[section].sheet} 第${row}行)` : problem.path;
}

export async function writeDirectory(d: DirectoryData, format: DirectoryFormat): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(d, null, 2)}\n`);
  if (format === 'yaml') return Buffer.from(YAML.stringify(d));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiaoer';
  const info = wb.addWorksheet('说明');
  info.addRow(['区县', d.district ?? '']);
  info.addRow(['角色', Object.values(ROLE_LABELS).join('、')]);
  info.addRow(['群类型', Object.values(KIND_LABELS).join('、')]);
  info.addRow(['类别', Object.values(CATEGORIES).join('、')]);
  for (const [section, def] of Object.entries(SHEETS) as [Section, (typeof SHEETS)[Section]][]) {
    addSheet(wb, def.sheet, def.columns, d[section] as Record<string, unknown>[], toCell);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function toCell(key: string, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => (key === 'categories' ? (CATEGORIES[x as Category] ?? x) : x)).join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key === 'role') return ROLE_LABELS[String(v)] ?? String(v);
  if (key === 'kind') return KIND_LABELS[String(v)] ?? String(v);
  if (key === 'platform') return PLATFORM_LABELS[String(v)] ?? String(v);
  return String(v);
}
