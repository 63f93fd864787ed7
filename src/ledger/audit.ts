import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { EVENT_LABELS } from '../domain/ticket.js';
import type { AuditChange } from '../store/audit-source.js';
import { maskPhones } from '../shared/mask.js';

export type AuditFormat = 'csv' | 'jsonl';

const VISIT_LABELS: Record<string, string> = { record: '登记走访', edit: '修改走访', delete: '删除走访', link: '关联企业', tickets: '走访问题建单' };
const RECORD_LABELS: Record<AuditChange['record'], string> = { ticket: '工单', visit: '走访', directory: '名录' };
const PLATFORM_LABELS: Record<string, string> = { wecom: '企业微信', dingtalk: '钉钉' };

export const AUDIT_CSV_HEADER = ['记录', '编号', '时间', '操作', '操作类型', '操作人', '平台', '平台账号', '人员编号', '说明', '内容', '来源消息', '时间(UTC)'];

function actionLabel(c: AuditChange): string {
  if (c.record === 'ticket') return EVENT_LABELS[c.type] ?? c.type;
  if (c.record === 'visit') return VISIT_LABELS[c.type] ?? c.type;
  return c.type === 'import' ? '导入名录' : c.type;
}

/** Every string in a value with its phone numbers masked. */
function maskDeep(v: unknown): unknown {
  if (typeof v === 'string') return maskPhones(v);
  if (Array.isArray(v)) return v.map(maskDeep);
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskDeep(x)]));
  return v;
}

/** `data` as one readable line: `key=value; …` (objects as compact JSON). */
function readable(data: Record<string, unknown> | undefined): string {
  if (!data) return '';
  return Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

/** A CSV cell: quoted when needed; a leading = + - @ is escaped so a spreadsheet never runs it as a formula. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface AuditRow {
  record: AuditChange['record'];
  ref: string;
  at: string;
  localTime: string;
  action: string;
  type: string;
  by: { name: string | null; platform: string | null; id: string | null; personId: string | null };
  note: string | null;
  data: Record<string, unknown> | null;
  message: string | null;
}

/** One change as the export writes it: labels added, times local, phone numbers masked everywhere. */
export function toAuditRow(c: AuditChange, timezone: string): AuditRow {
  const m = (s: string | null | undefined) => (s ? maskPhones(s) : null);
  return {
    record: c.record,
    ref: c.ref,
    at: c.at,
    localTime: DateTime.fromISO(c.at, { zone: 'utc' }).setZone(timezone).toFormat('yyyy-MM-dd HH:mm:ss'),
    action: actionLabel(c),
    type: c.type,
    by: { name: m(c.by?.name), platform: c.by?.platform ?? null, id: m(c.by?.id), personId: m(c.by?.personId ?? null) },
    note: m(c.note),
    data: c.data ? (maskDeep(c.data) as Record<string, unknown>) : null,
    message: m(c.source),
  };
}

function csvLine(r: AuditRow): string {
  return (
    [
      RECORD_LABELS[r.record],
      r.ref,
      r.localTime,
      r.action,
      r.type,
      r.by.name ?? '',
      r.by.platform ? (PLATFORM_LABELS[r.by.platform] ?? r.by.platform) : '',
      r.by.id ?? '',
      r.by.personId ?? '',
      r.note ?? '',
      readable(r.data ?? undefined),
      r.message ?? '',
      r.at,
    ]
      .map(cell)
      .join(',') + '\r\n'
  );
}

/**
 * Writes the changes to `out` as they come (no more than one row held): CSV with a UTF-8 BOM and a header (Excel
 * opens it as UTF-8), or JSON lines. Does not end `out`. Returns how many changes were written.
 */
export async function writeAudit(changes: AsyncIterable<AuditChange>, out: Writable, opts: { format: AuditFormat; timezone: string }): Promise<number> {
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  if (opts.format === 'csv') await write(`\uFEFF${AUDIT_CSV_HEADER.join(',')}\r\n`);
  let n = 0;
  for await (const c of changes) {
    const row = toAuditRow(c, opts.timezone);
    await write(opts.format === 'csv' ? csvLine(row) : `${JSON.stringify(row)}\n`);
    n++;
  }
  return n;
}
