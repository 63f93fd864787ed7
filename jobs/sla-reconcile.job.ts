import { z } from 'zod';
import { pendingSteps } from '../src/domain/sla.js';
import { addMinutes, minuteOf, minutesBetween } from '../src/store/repositories/sla-due.repository.js';
import { calendarMissingMessage } from '../src/platforms/sla-messages.js';
import { notifyAdmins } from '../src/outbound/outbox.js';
import { defineJob, QUEUES } from '../src/queue/define-job.js';
import { slaStep } from './sla-step.job.js';
import { projectSla } from './project-sla.job.js';
import { flushReminders } from './flush-reminders.job.js';
import { digestTimeToday, sendDueDigests, type DueDigestsDeps } from './digest-tick.job.js';
import type { Services } from './services.js';

/** What the reconcile uses (with what a digest catch-up needs). */
export type SlaReconcileDeps = Pick<
  Services,
  'tickets' | 'pendingReminders' | 'notices' | 'directory' | 'calendar' | 'policy' | 'timezone' | 'producer' | 'outbox' | 'senders' | 'now' | 'log'
> &
  Partial<Pick<Services, 'deployedAt'>> &
  DueDigestsDeps;

/** How far ahead steps are put on the delayed queue (the reconcile runs every minute). */
export const HORIZON_MS = 2 * 60_000;
/** Minutes before now that every pass reads again (a step filed late, or its job lost with Redis, is still found). */
export const TRAIL_MINUTES = 5;
/** At most this many minutes of buckets per pass (one `_id` read each); a cursor further behind is caught by a scan. */
export const MAX_MINUTES_PER_PASS = 24 * 60;
/** At most this many steps queued per pass; the minutes not reached are read by the next pass. */
export const MAX_STEPS_PER_PASS = 20_000;
/** How often the tickets themselves are scanned for steps the index lacks (also at each start and clock jump). */
export const SCAN_EVERY_MS = 60 * 60_000;
/** A scan files the steps due up to this far ahead, so what the index lacked is filed before it is due. */
export const SCAN_AHEAD_MS = SCAN_EVERY_MS + 10 * 60_000;

/**
 * Rebuilds the delayed SLA jobs from the store, the source of truth, in two ways:
 *
 * - every pass reads the due index (`sla_due`, src/store/repositories/sla-due.repository.ts) by `_id` alone: one
 *   bucket per minute from the cursor (the last minute handled, kept in the store) to now + HORIZON_MS, and adds a job
 *   per step filed there (deterministic ids: re-adding is a no-op; the job re-reads the ticket, so an entry whose
 *   ticket moved on, a deadline extended, is a stale no-op). A pass with nothing due reads no ticket, on FerretDB v1
 *   too, where any other query scans the collection. The ticket service files each ticket's next steps with every save.
 * - a scan of the tickets themselves (`listDue`: the nextDueAt index on MongoDB, every ticket on FerretDB) at each
 *   start (`at` given: a process start or a clock jump), hourly, on a first run (no cursor), when the clock went back
 *   and when the cursor is more than MAX_MINUTES_PER_PASS behind: it files what is due within SCAN_AHEAD_MS into the
 *   index, so tickets written before the index existed (an upgrade), written by hand, or whose entry was lost are
 *   still reminded, at most an hour late and never missed.
 *
 * Survives a restart, a flushed Redis (the cursor is in the store) and a second instance. Also warns the admins once
 * when a year's calendar is missing, sends today's scheduled digests if the digest tick missed them, and queues the
 * 项目代办 reminders' run (jobs/project-sla.job.ts), so those follow the same cadence (every minute, at each start,
 * after a clock jump).
 */
export const slaReconcile = defineJob({
  name: 'sla-reconcile',
  queue: QUEUES.sla,
  /** `at`: when a process asked for a reconcile (each start asks once). */
  data: z.object({ at: z.number().int().optional() }),
  jobId: (d) => `sla-reconcile-at-${d.at ?? 0}`,
  attempts: 3,
  backoffMs: 5000,
  async process(d, deps: SlaReconcileDeps) {
    const now = deps.now();
    const r = await reconcileSteps(deps, now, { scan: d.at !== undefined });
    // reminders whose flush job was lost (Redis flushed): queue it again
    for (const p of await deps.pendingReminders.orphans(new Date(now.getTime() - 60_000))) {
      await deps.producer.enqueue(flushReminders, { mergeKey: p.mergeKey, first: p._id });
    }
    // a run per reconcile (a start's or a clock jump's own instant, else now); each step is sent once whatever the runs
    await deps.producer.enqueue(projectSla, { at: d.at ?? now.getTime() });
    await warnMissingCalendar(deps, now);
    const digests = await catchUpDigests(deps, now);
    const scanned = r.scan ? `; scanned (${r.scan.reason}): ${r.scan.tickets} tickets due within ${SCAN_AHEAD_MS / 60_000} min, ${r.scan.filed} steps filed` : '';
    return `${r.minutes} minutes read, ${r.steps} steps found, ${r.queued} queued${scanned}${digests ? `; digests caught up: ${digests}` : ''}`;
  },
});

export interface ReconcileResult {
  /** Buckets read (one `_id` read each). */
  minutes: number;
  /** Steps found in them, and how many of those were due within the horizon (a job added or already there). */
  steps: number;
  queued: number;
  /** The cursor after the pass. */
  cursor: string;
  scan: { reason: string; tickets: number; filed: number } | null;
}

/** The SLA part of a reconcile pass (see slaReconcile); `scan`: scan the tickets whatever the schedule. */
export async function reconcileSteps(deps: Pick<SlaReconcileDeps, 'tickets' | 'calendar' | 'policy' | 'producer' | 'log'>, now: Date, opts: { scan?: boolean } = {}): Promise<ReconcileResult> {
  const idx = deps.tickets.due;
  const nowMs = now.getTime();
  const horizon = nowMs + HORIZON_MS;
  const nowMin = minuteOf(now);
  const endMin = minuteOf(horizon);
  const restart = addMinutes(nowMin, -TRAIL_MINUTES - 1);
  const stored = await idx.cursor();
  let cursor = stored.minute;
  const reasons: string[] = [];
  if (!cursor) reasons.push('no cursor: first run');
  else if (cursor > endMin) reasons.push('clock went back');
  if (!cursor || cursor > endMin) {
    cursor = restart;
    await idx.saveCursor({ minute: cursor });
  }
  let from = addMinutes(cursor, 1);
  const skipped = minutesBetween(from, endMin) + 1 > MAX_MINUTES_PER_PASS;
  if (skipped) {
    reasons.push(`cursor ${minutesBetween(cursor, nowMin)} minutes behind`);
    from = addMinutes(endMin, -(MAX_MINUTES_PER_PASS - 1));
  }
  if (opts.scan) reasons.push('start');
  const lastScan = stored.scannedAt ? Date.parse(stored.scannedAt) : NaN;
  if (!(nowMs - lastScan < SCAN_EVERY_MS && lastScan <= nowMs)) reasons.push('hourly');

  const steps = new Map<string, { no: number; key: string; at: string }>();
  const filled: string[] = [];
  let lastRead = cursor;
  let minutes = 0;
  for (let m = from; m <= endMin && steps.size < MAX_STEPS_PER_PASS; m = addMinutes(m, 1)) {
    const entries = await idx.bucket(m);
    minutes++;
    lastRead = m;
    if (entries.length) filled.push(m);
    for (const e of entries) steps.set(`${e.no} ${e.key}`, e);
  }
  let queued = 0;
  for (const e of steps.values()) {
    const at = Date.parse(e.at);
    if (at > horizon) continue;
    await deps.producer.enqueue(slaStep, { no: e.no, key: e.key }, { delay: at - nowMs });
    queued++;
  }
  // the scan comes last: a store too slow for it (a socket timeout) does not stop the minute's reminders
  let scan: ReconcileResult['scan'] = null;
  if (reasons.length) {
    try {
      // what is due now is queued at once; the rest is filed (file() never files behind the cursor or before now)
      const until = nowMs + SCAN_AHEAD_MS;
      const found = await deps.tickets.listDue(new Date(until).toISOString(), 100_000);
      const entries = found.flatMap((t) =>
        pendingSteps(t, deps.calendar, deps.policy)
          .filter((s) => Date.parse(s.at) <= until)
          .map((s) => ({ no: t.no, key: s.key, at: s.at })),
      );
      for (const e of entries) {
        if (Date.parse(e.at) > horizon || steps.has(`${e.no} ${e.key}`)) continue;
        await deps.producer.enqueue(slaStep, { no: e.no, key: e.key }, { delay: Date.parse(e.at) - nowMs });
        queued++;
      }
      await idx.file(entries, now.toISOString());
      await idx.saveCursor({ scannedAt: now.toISOString() });
      scan = { reason: reasons.join(', '), tickets: found.length, filed: entries.length };
      if (reasons.some((x) => x !== 'start' && x !== 'hourly')) deps.log.info({ reason: scan.reason, tickets: found.length }, 'SLA due index: tickets scanned');
      // buckets left behind by a skipped stretch: their steps were just filed again
      if (skipped) await idx.dropBefore(from);
    } catch (err) {
      // tried again in an hour (or at the next start), not every minute
      deps.log.error({ err: { message: (err as Error).message }, reason: reasons.join(', ') }, 'SLA due index: scan of the tickets failed');
      await idx.saveCursor({ scannedAt: now.toISOString() });
    }
  }
  // the cursor passes only minutes read, and stays TRAIL_MINUTES behind now so they are read again a few times
  const next = [lastRead, addMinutes(nowMin, -TRAIL_MINUTES)].sort()[0]!;
  if (next > cursor) {
    await idx.saveCursor({ minute: next });
    await idx.drop(filled.filter((m) => m <= next));
  }
  return { minutes, steps: steps.size, queued, cursor: next > cursor ? next : cursor, scan };
}

/** A grace after the digest time, so the reconcile does not race the scheduled tick itself. */
export const DIGEST_CATCH_UP_AFTER_MS = 5 * 60_000;

/**
 * Today's digests that the tick did not send (the store was down at the digest time, no process ran then, the tick's
 * attempts ran out): sent once the digest time has passed, still once per group and period (sendDueDigests); not by a
 * deployment that first ran after that time (its leaders would get a digest of a day before it existed).
 */
async function catchUpDigests(deps: SlaReconcileDeps, now: Date): Promise<string | null> {
  const due = digestTimeToday(deps, now).getTime();
  if (now.getTime() < due + DIGEST_CATCH_UP_AFTER_MS) return null;
  // a deployment started for the first time after today's digest time missed nothing: its first digest is tomorrow's
  if (deps.deployedAt && deps.deployedAt.getTime() > due) return null;
  const r = await sendDueDigests(deps, now);
  return / → 0 sent/.test(r) || r.endsWith('not a working day') ? null : r;
}

async function warnMissingCalendar(deps: SlaReconcileDeps, now: Date): Promise<void> {
  const years = [now, new Date(now.getTime() + 60 * 86_400_000)].map((d) => Number(deps.calendar.localDate(d).slice(0, 4)));
  for (const year of deps.calendar.missingSchedules(years)) {
    if (!(await deps.notices.claimOnce(`calendar-missing-${year}`, now))) continue;
    deps.log.warn({ year }, 'official holiday schedule missing; statutory holidays only');
    await notifyAdmins({ outbox: deps.outbox, directory: await deps.directory(), senders: deps.senders }, `calendar-missing-${year}`, calendarMissingMessage(year));
  }
}
