import { z } from 'zod';
import { pendingSteps } from '../src/domain/sla.js';
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
  DueDigestsDeps;

/** How far ahead steps are put on the delayed queue (the reconcile runs every minute). */
export const HORIZON_MS = 2 * 60_000;

/**
 * Rebuilds the delayed SLA jobs from MongoDB, the source of truth: reads only tickets whose indexed nextDueAt is
 * due within the horizon and adds a job per pending step (deterministic ids: re-adding is a no-op). Survives a
 * restart, a flushed Redis and a second instance. Also warns the admins once when a year's calendar is missing, and
 * sends today's scheduled digests if the digest tick missed them, and queues the 项目代办 reminders' run
 * (jobs/project-sla.job.ts), so those follow the same cadence (every minute, at each start, after a clock jump).
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
    const horizon = new Date(now.getTime() + HORIZON_MS).toISOString();
    const due = await deps.tickets.listDue(horizon);
    let queued = 0;
    for (const t of due) {
      for (const step of pendingSteps(t, deps.calendar, deps.policy)) {
        if (step.at > horizon) continue;
        await deps.producer.enqueue(slaStep, { no: t.no, key: step.key }, { delay: Date.parse(step.at) - now.getTime() });
        queued++;
      }
    }
    // reminders whose flush job was lost (Redis flushed): queue it again
    for (const p of await deps.pendingReminders.orphans(new Date(now.getTime() - 60_000))) {
      await deps.producer.enqueue(flushReminders, { mergeKey: p.mergeKey, first: p._id });
    }
    // a run per reconcile (a start's or a clock jump's own instant, else now); each step is sent once whatever the runs
    await deps.producer.enqueue(projectSla, { at: d.at ?? now.getTime() });
    await warnMissingCalendar(deps, now);
    const digests = await catchUpDigests(deps, now);
    return `${due.length} tickets due, ${queued} steps queued${digests ? `; digests caught up: ${digests}` : ''}`;
  },
});

/** A grace after the digest time, so the reconcile does not race the scheduled tick itself. */
export const DIGEST_CATCH_UP_AFTER_MS = 5 * 60_000;

/**
 * Today's digests that the tick did not send (the store was down at the digest time, no process ran then, the tick's
 * attempts ran out): sent once the digest time has passed, still once per group and period (sendDueDigests).
 */
async function catchUpDigests(deps: SlaReconcileDeps, now: Date): Promise<string | null> {
  if (now.getTime() < digestTimeToday(deps, now).getTime() + DIGEST_CATCH_UP_AFTER_MS) return null;
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
