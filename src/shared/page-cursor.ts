import { AppError } from './errors.js';

/** A page cursor that is not one this list handed out (edited, truncated, from another list or sort) → HTTP 400. */
export class PageCursorError extends AppError {
  readonly status = 400;
  constructor() {
    super('PAGE_CURSOR_INVALID', 'cursor is not one this list gave out', { expose: true });
  }
}

export type CursorKey = string | number | null;
/** What each position of a key holds: checked when a cursor comes back. */
export type CursorShape = readonly ('number' | 'string' | 'string|null')[];

/**
 * An opaque cursor: the list's name and the sort key of the last row handed out (its `_id` last, so that rows with
 * equal sort values are neither skipped nor repeated). base64url JSON: opaque to clients, not secret.
 */
export function encodeCursor(list: string, key: readonly CursorKey[]): string {
  return Buffer.from(JSON.stringify({ l: list, k: key })).toString('base64url');
}

/** The key of a cursor made by encodeCursor for `list`; PageCursorError for anything else. */
export function decodeCursor(cursor: string, list: string, shape: CursorShape): CursorKey[] {
  let v: unknown;
  try {
    if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new PageCursorError();
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new PageCursorError();
  }
  const o = v as { l?: unknown; k?: unknown };
  if (!o || o.l !== list || !Array.isArray(o.k) || o.k.length !== shape.length) throw new PageCursorError();
  const ok = o.k.every((x, i) =>
    shape[i] === 'number' ? typeof x === 'number' && Number.isFinite(x) : shape[i] === 'string' ? typeof x === 'string' : x === null || typeof x === 'string',
  );
  if (!ok) throw new PageCursorError();
  return o.k as CursorKey[];
}

/** Page sizes: the default when none is asked, never more than the maximum, at least one. */
export function pageSize(asked: number | undefined, def: number, max: number): number {
  return asked !== undefined && Number.isFinite(asked) && asked >= 1 ? Math.min(Math.floor(asked), max) : def;
}
