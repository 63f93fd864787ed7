/** Argument parsers and formats shared by the command groups. */
import { InvalidArgumentError } from 'commander';
import { DateTime } from 'luxon';

/** A positive whole number; a leading # (or ＃) is allowed, as in a ticket number. */
export const positiveInt = (v: string) => {
  const n = Number(v.replace(/^[#＃]/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('需要正整数 / a positive whole number');
  return n;
};

/** A calendar date, YYYY-MM-DD. */
export const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !DateTime.fromISO(v).isValid) throw new InvalidArgumentError('需要 YYYY-MM-DD 日期');
  return v;
};

/** An instant as local date and time in `tz`: 2026-11-23 09:30. */
export function localTime(iso: string, tz: string): string {
  return DateTime.fromISO(iso, { zone: tz }).toFormat('yyyy-MM-dd HH:mm');
}

/** `--at`: an ISO-8601 instant (default now); an invalid one is a usage error (null). */
export function instantOption(at: string | undefined): string | null {
  if (at === undefined) return new Date().toISOString();
  if (Number.isNaN(Date.parse(at)) || !DateTime.fromISO(at).isValid) {
    console.error('--at 需要 ISO-8601 时间，例如 2026-12-01T09:30:00+08:00');
    process.exitCode = 2;
    return null;
  }
  return new Date(at).toISOString();
}

/** This command again with `--cursor <next>` (any previous --cursor replaced). */
export function nextCommand(argv: readonly string[], next: string): string {
  const args = argv.slice(2);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--cursor') i++;
    else if (!args[i]!.startsWith('--cursor=')) out.push(args[i]!);
  }
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return ['xiaoer', ...out, '--cursor', next].map(quote).join(' ');
}
