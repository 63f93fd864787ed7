import { PassThrough, type Readable } from 'node:stream';
import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../domain/calendar.js';
import type { DigestService } from '../digest/digest-service.js';
import type { TicketStatus } from '../domain/ticket.js';
import type { DirectoryRepository } from '../store/repositories/directory.repository.js';
import type { TicketQuery, TicketRepository } from '../store/repositories/ticket.repository.js';
import { createLedgerWriter } from './ledger.js';

export interface LedgerFilter {
  /** Local dates YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  status?: TicketStatus;
  /** More conditions (the workbench's filters: category, enterprise, department, text). */
  query?: Omit<TicketQuery, 'from' | 'to'>;
}

export interface LedgerExportDeps {
  tickets: Pick<TicketRepository, 'eachForLedger'>;
  directories: DirectoryRepository;
  digests: DigestService;
  calendar: BusinessCalendar;
  timezone: string;
  now: Date;
  /** Tickets read from the store per round trip (default 500). */
  batchSize?: number;
}

/**
 * The ledger workbook of the filter, streamed: the directory is read first (a failure there rejects, and the caller
 * can still answer with an error status), then the returned stream carries the workbook as tickets come from a store
 * cursor — each row written and let go, at most one batch of tickets held, and no faster than the reader takes it.
 * The summary sheet's digest of the range is computed meanwhile and written last; it holds what a digest holds (the
 * range's tickets without text, events of the recently changed). A failure after the start destroys the stream (the
 * reader sees a cut-off body, never a complete-looking file). Pipe it to an HTTP response or a file.
 */
export async function exportLedger(f: LedgerFilter, deps: LedgerExportDeps): Promise<Readable> {
  const tz = deps.timezone;
  const from = f.from ? DateTime.fromISO(f.from, { zone: tz }).toUTC().toISO()! : undefined;
  const to = f.to ? DateTime.fromISO(f.to, { zone: tz }).plus({ days: 1 }).toUTC().toISO()! : undefined;
  const year = deps.digests.range('month', undefined, deps.now);
  const range = {
    ...year,
    period: 'month' as const,
    start: from ?? DateTime.fromISO(year.start).setZone(tz).startOf('year').toUTC().toISO()!,
    end: to ?? deps.now.toISOString(),
    label: `${f.from ?? '年初'} 至 ${f.to ?? '今日'}`,
  };
  const directory = await deps.directories.current();
  // the summary's digest is read alongside the rows (its sheet comes last): the first bytes leave at once
  const digest = deps.digests.build(range, deps.now, { oneRead: true });
  digest.catch(() => {}); // awaited below; until then a failure must not count as unhandled
  const out = new PassThrough();
  const writer = createLedgerWriter(out, { directory, calendar: deps.calendar, timezone: tz, now: deps.now.toISOString() });
  const batch = deps.batchSize ?? 500;
  const write = async () => {
    let n = 0;
    for await (const t of deps.tickets.eachForLedger({ ...f.query, from, to, ...(f.status ? { statuses: [f.status] } : {}) }, batch)) {
      if (out.destroyed) return; // the reader went away (a closed download): stop reading the store
      writer.add(t);
      if (++n % batch === 0) await writer.drained();
    }
    await writer.finish({ digest: await digest, title: range.label });
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
