/**
 * Phone numbers masked for records that leave the system (the audit export): a mainland mobile keeps its first 3 and
 * last 4 digits (138****5678); a landline with its area code keeps the area code and last 2 (0571-****34). Digits that
 * are part of a longer number (an id, an amount) are left alone.
 */
const MOBILE = /(?<![\d])(\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<![\d-])(0\d{2,3})-(\d{5,6})(\d{2})(?![\d-])/g;

export function maskPhones(text: string): string {
  return text
    .replace(MOBILE, (_m, cc: string | undefined, head: string, _mid: string, tail: string) => `${cc ?? ''}${head}****${tail}`)
    .replace(LANDLINE, (_m, area: string, mid: string, tail: string) => `${area}-${'*'.repeat(mid.length)}${tail}`);
}
