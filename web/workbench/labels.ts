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
  correct: '更正',
  dismiss: '不是问题',
};

/** 更正: what may be corrected, and the categories (src/domain/ticket.ts CATEGORIES) and urgencies it may become. */
export const CORRECT_FIELDS = [
  { value: 'category', label: '类别' },
  { value: 'urgency', label: '紧急程度' },
  { value: 'enterprise', label: '企业' },
] as const;
export const CATEGORY_OPTIONS = [
  { value: 'approval', label: '审批手续' },
  { value: 'land', label: '用地拆迁' },
  { value: 'utilities', label: '水电气网' },
  { value: 'talent', label: '用工人才' },
  { value: 'finance', label: '融资资金' },
  { value: 'policy', label: '政策兑现' },
  { value: 'infrastructure', label: '基础设施配套' },
  { value: 'construction', label: '施工建设与安全' },
  { value: 'dispute', label: '矛盾纠纷' },
  { value: 'market', label: '市场招商' },
  { value: 'other', label: '其他' },
] as const;
export const URGENCY_OPTIONS = [
  { value: 'urgent', label: '紧急' },
  { value: 'normal', label: '一般' },
] as const;

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
