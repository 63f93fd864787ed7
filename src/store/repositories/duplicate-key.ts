const DUPLICATE_KEY = 11000;

/** Whether a write failed on a unique index (E11000): someone else wrote that key first. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === DUPLICATE_KEY;
}
