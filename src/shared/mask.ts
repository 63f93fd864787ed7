/**
 * Phone numbers masked for records that leave the system (the audit export): a mainland mobile keeps its first 3 and
 * last 4 digits (138****5678); a landline with its area code keeps the area code and last 2 (0571-****34). Digits that
 * are part of a longer number (an id, an amount) are left alone.
 */
const MOBILE = /(?<![\d])(\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)/g;
// an area code with a dash, a space, brackets or nothing between it and the number: 0571-88776655, 0571 88776655,
// (0571)88776655, 057188776655
const LANDLINE = /(?<![\d-])(?:[(（](0\d{2,3})[)）]\s?|(0\d{2,3})[-\s]?)(\d{5,6})(\d{2})(?![\d-])/g;
/** A local number without its area code, written as a phone number (电话 88776655, 座机：8877-6655). */
const LOCAL = /((?:电话|座机|手机|联系方式|号码|tel|Tel|TEL)[:：\s]*)(\d{3,4}-?\d{2})(\d{2})(?![\d-])/g;

export function maskPhones(text: string): string {
  return text
    .replace(MOBILE, (_m, cc: string | undefined, head: string, _mid: string, tail: string) => `${cc ?? ''}${head}****${tail}`)
    .replace(LANDLINE, (_m, bracketed: string | undefined, area: string | undefined, mid: string, tail: string) => `${bracketed ?? area}-${'*'.repeat(mid.length)}${tail}`)
    .replace(LOCAL, (_m, label: string, mid: string, tail: string) => `${label}${mid.replace(/\d/g, '*')}${tail}`);
}
