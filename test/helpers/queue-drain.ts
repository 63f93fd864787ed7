import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUES, type QueueName } from '../../src/queue/define-job.js';

/**
 * The key prefixes in use for a configured XIAOER_QUEUE_PREFIX: the prefix itself, and any deployment-qualified
 * form of it (`<prefix>-<deployment id>`), found by a SCAN.
 */
export async function deploymentPrefixes(redis: Redis, base: string): Promise<string[]> {
  const found = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${base}*`, 'COUNT', 1000);
    cursor = next;
    for (const k of keys) {
      const p = k.slice(0, k.indexOf(':'));
      if (p === base || p.startsWith(`${base}-`)) found.add(p);
    }
  } while (cursor !== '0');
  return found.size ? [...found] : [base];
}

/** SCAN + DEL of every key of a deployment (the configured prefix and its deployment-qualified forms). */
export async function wipeDeployment(redis: Redis, base: string): Promise<number> {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${base}*`, 'COUNT', 1000);
    cursor = next;
    const ours = keys.filter((k) => k.startsWith(`${base}:`) || k.startsWith(`${base}-`));
    if (ours.length) n += await redis.del(...ours);
  } while (cursor !== '0');
  return n;
}

/** Jobs that still have to run, per queue (a job scheduler's next iteration excluded: it is always there). */
export async function pendingJobs(redisUrl: string, base: string, queues: QueueName[] = Object.values(QUEUES)): Promise<Record<string, number>> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const out: Record<string, number> = {};
  try {
    const prefixes = await deploymentPrefixes(connection, base);
    for (const [prefix, name] of prefixes.flatMap((p) => queues.map((n) => [p, n] as const))) {
      const q = new Queue(name, { connection, prefix });
      try {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        let delayed = c.delayed ?? 0;
        if (delayed > 0) {
          const jobs = await q.getDelayed(0, -1);
          delayed = jobs.filter((j) => !String(j.id ?? '').startsWith('repeat:')).length;
        }
        out[name] = (out[name] ?? 0) + (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0) + delayed;
      } finally {
        await q.close();
      }
    }
  } finally {
    connection.disconnect();
  }
  return out;
}

/**
 * Waits until no job of the deployment is waiting, active or delayed (scheduler iterations aside), seen so on
 * `stableChecks` consecutive looks, and `extra()` (e.g. a count of requests seen by a fake platform) did not change
 * meanwhile. Only then may a test assert that something did NOT happen: the work that could have done it is over.
 */
export async function waitForDrain(
  redisUrl: string,
  prefix: string,
  opts: { timeoutMs?: number; queues?: QueueName[]; stableChecks?: number; intervalMs?: number; extra?: () => unknown | Promise<unknown> } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const stable = opts.stableChecks ?? 3;
  let calm = 0;
  let lastExtra: string | undefined;
  let last: Record<string, number> = {};
  while (Date.now() < deadline) {
    last = await pendingJobs(redisUrl, prefix, opts.queues);
    const extra = JSON.stringify((await opts.extra?.()) ?? null);
    const idle = Object.values(last).every((n) => n === 0);
    calm = idle && (calm === 0 || extra === lastExtra) ? calm + 1 : idle ? 1 : 0;
    lastExtra = extra;
    if (calm >= stable) return;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
  throw new Error(`queues of ${prefix} not drained in time: ${JSON.stringify(last)}`);
}
