import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import type { Queue } from 'bullmq';
import type Koa from 'koa';

export const QUEUE_CONSOLE_PATH = '/admin/queues';

/**
 * The ticket a job concerns, from what the job already carries (its name stays what the workers dispatch on):
 * an SLA step's `no`, a send caused by one (`sla-<no>-…`), its id (`sla-<no>-…`).
 */
export function ticketOfJob(job: { id?: string | null; name?: string; data?: unknown }): number | null {
  const data = (job.data ?? {}) as { no?: unknown; cause?: unknown };
  if (typeof data.no === 'number' && Number.isInteger(data.no)) return data.no;
  const m = /^sla-(\d+)-/.exec(typeof data.cause === 'string' ? data.cause : (job.id ?? ''));
  return m ? Number(m[1]) : null;
}

/**
 * bull-board over this deployment's queues (the producer's Queue objects: their prefix is the deployment's). Jobs
 * are shown as `name · #ticket` where a ticket is known; see, retry, promote and remove work as bull-board has them.
 * The caller mounts it behind the admin token (src/server/app.ts).
 */
export function createQueueConsole(queues: readonly Queue[]): Koa.Middleware {
  const serverAdapter = new KoaAdapter();
  serverAdapter.setBasePath(QUEUE_CONSOLE_PATH);
  const adapters = queues.map((q) => {
    const a = new BullMQAdapter(q, { allowRetries: true });
    a.setFormatter('name', (job: { id?: string; name?: string; data?: unknown }) => {
      const no = ticketOfJob(job);
      return no === null ? (job.name ?? '') : `${job.name ?? ''} · #${no}`;
    });
    return a;
  });
  createBullBoard({ queues: adapters, serverAdapter, options: { uiConfig: { boardTitle: '店小二 queues' } } });
  return serverAdapter.registerPlugin();
}
