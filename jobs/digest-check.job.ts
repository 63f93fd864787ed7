import { z } from 'zod';
import { defineJob, QUEUES } from '../src/queue/define-job.js';
import type { Services } from './services.js';

/** What the nightly check of the digest's summaries uses. */
export type DigestCheckDeps = Pick<Services, 'digestFolder' | 'digests' | 'log'>;

/**
 * Nightly (jobs/schedules.ts): the digest's per-day summaries recounted from every ticket and compared; a difference
 * (a change whose mark was lost: a crash between a ticket's write and its mark) is logged and repaired by a rebuild.
 * Then the stock at today's start is kept for the digests that compare with it.
 */
export const digestCheck = defineJob({
  name: 'digest-check',
  queue: QUEUES.digests,
  data: z.object({ at: z.number().int().optional() }),
  jobId: (d) => `digest-check-at-${d.at ?? 0}`,
  attempts: 3,
  backoffMs: 60_000,
  async process(_d, deps: DigestCheckDeps) {
    const r = await deps.digestFolder.check({ repair: true });
    // the stock at the start of today: a running week's or month's digest compares with it
    await deps.digests.keepTodaysStock();
    if (r.differing.length) deps.log.warn({ days: r.days, tickets: r.tickets, differing: r.differing.slice(0, 20), count: r.differing.length }, 'digest summaries differed from a full recount: rebuilt');
    return `checked ${r.tickets} tickets over ${r.days} days: ${r.differing.length} differing${r.repaired ? ', rebuilt' : ''}`;
  },
});
