import { DateTime } from 'luxon';
import { z } from 'zod';
import { renderDigest } from '../src/platforms/digest-render.js';
import { renderMonthlyReport } from '../src/platforms/project-render.js';
import type { Period, PeriodRange } from '../src/domain/digest.js';
import type { OutboundMessage } from '../src/messages/outbound.js';
import type { Directory, Group } from '../src/domain/directory.js';
import { defineJob, QUEUES } from '../src/queue/define-job.js';
import { digestLastSent, digestsSent } from '../src/shared/metrics.js';
import type { Services } from './services.js';

/** What sending today's due digests uses (the tick, and the SLA reconcile when it catches one up). */
export type DueDigestsDeps = Pick<Services, 'calendar' | 'digests' | 'digestRuns' | 'directory' | 'senders' | 'outbox' | 'projectService'> &
  Partial<Pick<Services, 'publicUrl'>>;
/** What the digest tick uses. */
export type DigestTickDeps = DueDigestsDeps & Pick<Services, 'now'>;

/** Whether no earlier day of the same week (or month) is a working day. */
function isFirstWorkingDayOf(unit: 'week' | 'month', today: string, deps: Pick<Services, 'calendar'>): boolean {
  const d = DateTime.fromISO(today);
  const first = unit === 'week' ? d.minus({ days: d.weekday - 1 }) : d.startOf('month');
  for (let x = first; x < d; x = x.plus({ days: 1 })) if (deps.calendar.isWorkingDay(x.toISODate()!)) return false;
  return true;
}

/** When today's scheduled digests are due (the configured local time), as an instant. */
export function digestTimeToday(deps: Pick<Services, 'calendar' | 'policy' | 'timezone'>, now: Date): Date {
  const today = deps.calendar.localDate(now);
  return DateTime.fromISO(`${today}T${deps.policy.digest.time}`, { zone: deps.timezone }).toJSDate();
}

/**
 * Today's scheduled digests that are not sent yet, sent: on a working day the daily digest (since the previous
 * working day), on the first working day of a week the last week's, of a month the last month's — to every leaders
 * group, exactly once per group and period (a unique run record; deterministic outbound ids). A group and period
 * already sent is skipped before anything is built (one lookup by _id each), so calling it again is cheap.
 * On the first working day of a month also the last month's 月调度 of key projects (项目代办), under its own run key
 * (`<platform>:<chatId>:projects:<yyyy-MM>`), when the directory has any project with an approval path.
 */
export async function sendDueDigests(deps: DueDigestsDeps, now: Date): Promise<string> {
  const today = deps.calendar.localDate(now);
  if (!deps.calendar.isWorkingDay(today)) return `${today} is not a working day`;
  const ranges: PeriodRange[] = [deps.digests.sinceLastWorkingDay(today)];
  const lastOf = (unit: Period) => deps.digests.range(unit, DateTime.fromISO(today).minus({ [unit === 'week' ? 'weeks' : 'months']: 1 }).toISODate()!);
  if (isFirstWorkingDayOf('week', today, deps)) ranges.push(lastOf('week'));
  if (isFirstWorkingDayOf('month', today, deps)) ranges.push(lastOf('month'));
  const directory = await deps.directory();
  const groups = directory.data.groups.filter((g) => g.kind === 'leaders' && deps.senders[g.platform]);
  let sent = 0;
  for (const range of ranges) {
    // what is open and overdue is read at the moment the digest is sent, not at the end of the period it covers
    sent += await sendOncePerGroup(deps, groups, `${range.period}:${range.key}`, now, async () =>
      renderDigest(await deps.digests.build(range, now, { openAt: now }), { dashboardUrl: deps.publicUrl ? `${deps.publicUrl}/h5/dashboard` : undefined }),
    );
  }
  const runs = ranges.map((r) => `${r.period}:${r.key}`);
  if (isFirstWorkingDayOf('month', today, deps)) {
    const lastMonth = DateTime.fromISO(today).minus({ months: 1 });
    const key = `projects:${lastMonth.toFormat('yyyy-MM')}`;
    runs.push(key);
    sent += await sendOncePerGroup(deps, groups, key, now, async () => {
      const r = await deps.projectService.report('month', directory, now, lastMonth.toISODate()!);
      return r.kind === 'month' && r.report.projects.length > 0 ? renderMonthlyReport(r.report) : null;
    });
  }
  return `${runs.join(', ')} → ${sent} sent to ${groups.length} groups`;
}

/**
 * One scheduled message to every leaders group that has not had it, exactly once per group and run (`runKey`: a
 * period, or last month's 月调度): a group already sent is skipped before anything is built (one lookup by _id
 * each); `build` runs once, and null means there is nothing to send. Returns the number sent.
 */
async function sendOncePerGroup(
  deps: DueDigestsDeps,
  groups: readonly Group[],
  runKey: string,
  now: Date,
  build: () => Promise<OutboundMessage | null>,
): Promise<number> {
  const keyOf = (g: Group) => `${g.platform}:${g.chatId}:${runKey}`;
  const missing: Group[] = [];
  for (const g of groups) if ((await deps.digestRuns.status(keyOf(g))) !== 'sent') missing.push(g);
  if (missing.length === 0) return 0;
  const message = await build();
  if (!message) return 0;
  let sent = 0;
  for (const g of missing) {
    const key = keyOf(g);
    if ((await deps.digestRuns.claim(key, now)) === 'done') continue;
    await deps.outbox.send(`digest-${key}`, 0, { kind: 'group', platform: g.platform, chatId: g.chatId }, message, { bulk: true });
    await deps.digestRuns.markSent(key, now);
    digestsSent.inc();
    digestLastSent.set(Date.now() / 1000);
    sent++;
  }
  return sent;
}

/**
 * The scheduled digests, run each day at the configured time (see sendDueDigests), with retries and backoff; a
 * tick that could not run (the store was down all its attempts) is caught up by the SLA reconcile, which sends
 * today's missing digests once the digest time has passed (jobs/sla-reconcile.job.ts).
 */
export const digestTick = defineJob({
  name: 'digest-tick',
  queue: QUEUES.digests,
  data: z.object({ at: z.number().int().optional() }),
  jobId: (d) => `digest-tick-at-${d.at ?? 0}`,
  attempts: 8,
  backoffMs: 15_000,
  async process(_d, deps: DigestTickDeps) {
    return sendDueDigests(deps, deps.now());
  },
});
