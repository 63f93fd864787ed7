import type { Action, TimeLeft } from './api';

export const ACTION_LABELS: Record<Action, string> = {
  claim: '认领',
  progress: '进展',
  transfer: '转办',
  return: '退单',
  extend: '申请延期',
  approve_extension: '同意延期',
  resolve: '办结',
  rate: '评价',
  reopen: '重办',
};

export const OUTCOMES = [
  { value: 'resolved', label: '已解决' },
  { value: 'partial', label: '部分解决' },
  { value: 'explained', label: '解释说明' },
  { value: 'unresolvable', label: '暂无法解决' },
] as const;

/** The five 好差评 levels; the last two are 差评 and reopen the ticket. */
export const LEVELS = [
  { value: 'very_satisfied', label: '非常满意' },
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
  { value: 'very_dissatisfied', label: '非常不满意' },
] as const;

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'default';
export function statusTag(status: string): TagType {
  switch (status) {
    case 'accepted':
    case 'pending_claim':
      return 'warning';
    case 'in_progress':
      return 'primary';
    case 'pending_rating':
      return 'success';
    default:
      return 'default';
  }
}

export function timeLeftClass(t: TimeLeft | null | undefined): string {
  if (!t) return '';
  return t.overdue ? 'tl-overdue' : t.soon ? 'tl-soon' : '';
}

const TZ = 'Asia/Shanghai';
const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

function parts(f: Intl.DateTimeFormat, iso: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(iso))) out[p.type] = p.value;
  return out;
}
/** "2026-11-22 09:30" in China time. */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(dateTime, iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}
/** "2026-11-22" in China time. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(dateOnly, iso);
  return `${p.year}-${p.month}-${p.day}`;
}
/** Today's date in China time, for date inputs. */
export function today(): string {
  return fmtDate(new Date().toISOString());
}
