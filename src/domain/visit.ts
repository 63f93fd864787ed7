import type { PlatformId } from './platform.js';

/**
 * 助企走访: a cadre's visit to an enterprise or a key project, logged in one chat message. Pure types and rules; the
 * store keeps one document per visit (numbered V1, V2, … in the order logged), the numbers come from
 * `visit-report.ts`.
 */

/** How the enterprise was served. Codes are the interface (CLI, API, ledger); labels are what people see. */
export const VISIT_MODES = {
  onsite: '上门',
  phone: '电话',
  video: '视频',
  meeting: '座谈',
} as const;
export type VisitMode = keyof typeof VISIT_MODES;

/** A cadre as a visit records them: the directory's person (when known) and the platform account. */
export interface VisitCadre {
  personId: string | null;
  name: string;
}

/** A problem found on the visit, as written, and the ticket it became (null until 建单). */
export interface VisitProblem {
  /** 1-based, as numbered in the message ("1.变电站扩容慢"). */
  n: number;
  text: string;
  ticketNo: number | null;
}

export interface Visit {
  /** V-number: 1, 2, … (shown as "V12"). */
  no: number;
  platform: PlatformId;
  /** The conversation it was logged in (an enterprise's group, or the private chat with the bot). */
  chatId: string;
  chatType: 'group' | 'single';
  /** The message that logged it (`platform:eventId`): one message, one visit. */
  source: string;
  /** Who logged it (and led it). */
  by: VisitCadre & { platformId: string };
  /** Others who went (mentioned with @), directory people when known. */
  companions: VisitCadre[];
  /** The enterprise as the directory knows it, or null when the name is not in the directory (listed for an admin). */
  enterpriseId: string | null;
  /** The enterprise (or project) as written in the message, or the directory's name once linked. */
  enterpriseName: string;
  /** A directory project the visit named (a key project's visit counts for its coverage). */
  projectId: string | null;
  mode: VisitMode;
  /** Local date of the visit (YYYY-MM-DD): stated in the message (昨天, 11月28日) or the message's own date. */
  date: string;
  /** What the visit was about ("了解二期用电和招工情况"). */
  note: string;
  problems: VisitProblem[];
  /** ISO instant it was logged; the edit window runs from here. */
  recordedAt: string;
  /** ISO instant of the last edit, or null. */
  editedAt: string | null;
  /** ISO instant it was deleted (kept for the record, counted nowhere), or null. */
  deletedAt: string | null;
  /** Every change after logging, oldest first: the record of who changed what, and which message did. */
  history: VisitEvent[];
}

export interface VisitEvent {
  type: 'edit' | 'delete' | 'link' | 'tickets';
  at: string;
  by: { platformId: string; personId: string | null; name: string };
  /** The message that made the change (`platform:eventId`): a retried message changes nothing twice. */
  source: string;
  data?: Record<string, unknown>;
}

/** A visit as stored: with the version a change is saved over. */
export type StoredVisit = Visit & { version: number };

/** How long after logging a visit its author may edit or delete it. */
export const VISIT_EDIT_WINDOW_MS = 24 * 3600_000;

/** Every cadre on the visit: the one who logged it, then the companions (each person once). */
export function visitCadres(v: Pick<Visit, 'by' | 'companions'>): VisitCadre[] {
  const seen = new Set<string>();
  const out: VisitCadre[] = [];
  for (const c of [v.by, ...v.companions]) {
    const key = c.personId ?? `name:${c.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ personId: c.personId, name: c.name });
  }
  return out;
}

/**
 * Whether someone may still edit or delete the visit at `now`: its author within the window after logging; an admin
 * at any time (the one to ask once the window has passed).
 */
export function mayEditVisit(
  v: Pick<Visit, 'by' | 'recordedAt' | 'deletedAt'>,
  who: { personId?: string; role: string },
  now: string,
): { ok: true } | { ok: false; message: string } {
  if (v.deletedAt) return { ok: false, message: '该走访记录已删除。' };
  if (who.role === 'admin') return { ok: true };
  if (!who.personId || v.by.personId !== who.personId) return { ok: false, message: '抱歉，只能修改或删除本人登记的走访记录。' };
  if (Date.parse(now) - Date.parse(v.recordedAt) > VISIT_EDIT_WINDOW_MS) return { ok: false, message: '走访记录登记超过一天，不能再修改或删除，如需更正请联系管理员。' };
  return { ok: true };
}

/** "V12". */
export const visitRef = (no: number): string => `V${no}`;

/** The problems of a visit not yet made into tickets, by number. */
export const pendingProblems = (v: Pick<Visit, 'problems'>): VisitProblem[] => v.problems.filter((p) => p.ticketNo === null);
