import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter, Gauge } from 'prom-client';
import { registry } from '../shared/metrics.js';

const registers = [registry];
const STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

/**
 * The queues' state, read from BullMQ when /metrics is scraped (cheap calls only: one job-count script and one
 * LRANGE + HGETALL per queue), by the process that serves /metrics. Other processes register nothing here.
 */
export function watchQueues(queues: readonly Queue[], opts: { redis: Redis; prefix: string; deadLetterKey: string }): void {
  let read: Promise<Map<string, { counts: Record<(typeof STATES)[number], number>; oldestAgeSec: number }>> | null = null;
  // one read of Redis per scrape, shared by the gauges below (each gauge's collect runs on its own)
  const snapshot = () => {
    read ??= (async () => {
      const out = new Map<string, { counts: Record<(typeof STATES)[number], number>; oldestAgeSec: number }>();
      const now = Date.now();
      await Promise.all(
        queues.map(async (q) => {
          const c = await q.getJobCounts('wait', 'prioritized', 'delayed', 'active', 'failed');
          // the oldest waiting job: the list's far end (BullMQ pushes new jobs at the head)
          const [oldest] = await q.getJobs(['wait'], 0, 0, true);
          const since = oldest ? oldest.timestamp + (oldest.delay ?? 0) : now;
          out.set(q.name, {
            counts: { waiting: (c.wait ?? 0) + (c.prioritized ?? 0), delayed: c.delayed ?? 0, active: c.active ?? 0, failed: c.failed ?? 0 },
            oldestAgeSec: Math.max(0, (now - since) / 1000),
          });
        }),
      );
      return out;
    })()
      // Redis unreachable: no queue gauges in this scrape (the scrape itself still answers; /readyz tells Redis is down)
      .catch(() => new Map())
      .finally(() => setTimeout(() => (read = null), 0));
    return read;
  };

  new Gauge({
    name: 'xiaoer_queue_jobs',
    help: 'Jobs in a queue by state (waiting, delayed, active, failed), read from BullMQ at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      for (const [queue, s] of await snapshot()) for (const state of STATES) this.set({ queue, state }, s.counts[state]);
    },
  });
  new Gauge({
    name: 'xiaoer_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting job of a queue (0 when none waits), read at scrape time',
    labelNames: ['queue'] as const,
    registers,
    async collect() {
      this.reset();
      for (const [queue, s] of await snapshot()) this.set({ queue }, s.oldestAgeSec);
    },
  });
  new Counter({
    name: 'xiaoer_dead_letters_total',
    help: 'Outbound messages dead-lettered in this deployment since it began (kept in Redis: survives restarts)',
    registers,
    async collect() {
      const n = await opts.redis.get(`${opts.prefix}:${opts.deadLetterKey}`).catch(() => undefined);
      if (n === undefined) return; // Redis unreachable: the last value stays
      this.reset();
      this.inc(Number(n) || 0);
    },
  });
}
