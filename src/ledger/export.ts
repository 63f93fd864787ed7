import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../domain/calendar.js';
import type { DigestService } from '../digest/digest-service.js';
import type { TicketStatus } from '../domain/ticket.js';
import type { DirectoryRepository } from '../store/repositories/directory.repository.js';
import type { TicketQuery, TicketRepository } from '../store/repositories/ticket.repository.js';
import { buildLedger } from './ledger.js';

export interface LedgerFilter {
  /** Local dates YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  status?: TicketStatus;
  /** More conditions (the workbench's filters: category, enterprise, department, text). */
  query?: Omit<TicketQuery, 'from' | 'to'>;
}

/** Reads the tickets of the filter and writes the ledger workbook, with the summary of the same range. */
export async function exportLedger(
  f: LedgerFilter,
  deps: { tickets: TicketRepository; directories: DirectoryRepository; digests: DigestService; calendar: BusinessCalendar; timezone: string; now: Date },
): Promise<Buffer> {
  const tz = deps.timezone;
  const from = f.from ? DateTime.fromISO(f.from, { zone: tz }).toUTC().toISO()! : undefined;
  const to = f.to ? DateTime.fromISO(f.to, { zone: tz }).plus({ days: 1 }).toUTC().toISO()! : undefined;
  const tickets = await deps.tickets.forLedger({ ...f.query, from, to, ...(f.status ? { statuses: [f.status] } : {}) });
  const year = deps.digests.range('month', undefined, deps.now);
  const range = {
    ...year,
    period: 'month' as const,
    start: from ?? DateTime.fromISO(year.start).setZone(tz).startOf('year').toUTC().toISO()!,
    end: to ?? deps.now.toISOString(),
    label: `${f.from ?? '年初'} 至 ${f.to ?? '今日'}`,
  };
  const summary = await deps.digests.build(range, deps.now);
  return buildLedger(tickets, {
    directory: await deps.directories.current(),
    calendar: deps.calendar,
    timezone: tz,
    now: deps.now.toISOString(),
    summary,
    title: range.label,
  });
}
