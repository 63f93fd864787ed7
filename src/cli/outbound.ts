import type { Command } from 'commander';
import type { OutboundTarget } from '../messages/outbound.js';
import { nextCommand, positiveInt } from './format.js';
import { withQueues } from './open.js';

const MAX_PAGE = 1000;
const JOBS_PER_READ = 1000;

/**
 * `xiaoer outbound status | retry`: the sends per destination, each in one column — waiting, delayed (its slot, a
 * platform's wait, or the backoff before a retry after an error), sending, failed for good without a dead letter, or
 * dead-lettered.
 */
export function registerOutbound(program: Command): void {
  const outbound = program.command('outbound').description('发送队列 / outbound sends');
  outbound
    .command('status')
    .description(
      'sends per destination, each counted once: queued (waiting); delayed (waiting for its slot or for a retry after ' +
        'an error); active (sending); failed (failed for good with no dead letter: its dead-letter hook did not run); ' +
        'deadLettered (failed for good, in the dead-letter list until `outbound retry`)',
    )
    .option('--json', 'JSON output')
    .option('--limit <n>', `dead letters listed per page (at most ${MAX_PAGE})`, positiveInt, 100)
    .option('--cursor <cursor>', 'the next page of dead letters: the cursor printed after the previous one')
    .action(async (opts: { json?: boolean; limit: number; cursor?: string }) => {
      await withQueues(async ({ producer, store, redis, cfg }) => {
        const [{ destinationOf }, { DEAD_LETTER_METRIC }, { createDeadLetterRepository }, { PageCursorError }] = await Promise.all([
          import('../outbound/outbox.js'),
          import('../outbound/dead-letters.js'),
          import('../store/repositories/dead-letter.repository.js'),
          import('../shared/page-cursor.js'),
        ]);
        const repo = createDeadLetterRepository(store.conn);
        let page: Awaited<ReturnType<typeof repo.page>>;
        try {
          page = await repo.page({ cursor: opts.cursor, limit: Math.min(opts.limit, MAX_PAGE) });
        } catch (err) {
          if (!(err instanceof PageCursorError)) throw err;
          console.error('--cursor 无效：请使用上一页末尾给出的游标。');
          process.exitCode = 2;
          return;
        }
        const rows = new Map<string, { queued: number; delayed: number; active: number; failed: number; deadLettered: number }>();
        const row = (d: string) => rows.get(d) ?? rows.set(d, { queued: 0, delayed: 0, active: 0, failed: 0, deadLettered: 0 }).get(d)!;
        // every job counted, 1,000 at a time (no cut-off at a fixed number). BullMQ's failed set holds only sends that
        // failed for good (one still to be retried waits in delayed, for its backoff) and keeps them after their
        // dead-letter hook has run (removeOnFail): those are counted below, once, by whether they have a dead letter
        const failed: { id: string; destination: string }[] = [];
        for (const [state, field] of [['waiting', 'queued'], ['delayed', 'delayed'], ['active', 'active'], ['failed', 'failed']] as const) {
          for (let start = 0; ; start += JOBS_PER_READ) {
            const jobs = await producer.queues.outbound.getJobs([state], start, start + JOBS_PER_READ - 1);
            for (const job of jobs) {
              if (!job?.data?.target) continue;
              const destination = destinationOf(job.data.target as OutboundTarget);
              if (state === 'failed') failed.push({ id: job.id!, destination });
              else row(destination)[field]++;
            }
            if (jobs.length < JOBS_PER_READ) break;
          }
        }
        for (const [destination, n] of await repo.countByDestination()) row(destination).deadLettered = n;
        // a failed send is counted as failed only when it has no dead letter waiting (its hook did not run, or it
        // failed again after `outbound retry` without one); read after the dead letters were counted, so that a send
        // dead-lettered meanwhile is never counted twice. By _id (indexed), 1,000 at a time.
        for (let i = 0; i < failed.length; i += JOBS_PER_READ) {
          const part = failed.slice(i, i + JOBS_PER_READ);
          const letters = await Promise.all(part.map((f) => repo.get(f.id)));
          part.forEach((f, k) => {
            if (!letters[k] || letters[k].retried) row(f.destination).failed++;
          });
        }
        const dead = page.deadLetters;
        const total = Number((await redis.get(`${cfg.queuePrefix}:${DEAD_LETTER_METRIC}`)) ?? 0);
        const list = [...rows.entries()].map(([destination, r]) => ({ destination, ...r })).sort((a, b) => a.destination.localeCompare(b.destination));
        if (opts.json) {
          console.log(
            JSON.stringify(
              { destinations: list, deadLetters: dead.map((d) => ({ id: d._id, destination: d.destination, error: d.error, at: d.at })), nextCursor: page.nextCursor, deadLetteredTotal: total },
              null,
              2,
            ),
          );
          return;
        }
        if (list.length === 0) console.log('发送队列为空，没有失败的消息。');
        if (!opts.cursor) for (const r of list) console.log(`${r.destination}  排队 ${r.queued} · 延时/待重试 ${r.delayed} · 发送中 ${r.active} · 失败未入死信 ${r.failed} · 死信 ${r.deadLettered}`);
        for (const d of dead) console.log(`死信 ${d._id}  ${d.destination}  ${String(d.error.errcode ?? d.error.code ?? '')} ${d.error.message}`);
        if (page.nextCursor) console.log(`更多死信：${nextCommand(process.argv, page.nextCursor)}`);
      });
    });
  outbound
    .command('retry')
    .description('re-queue a dead-lettered send')
    .argument('<id>', 'the dead letter id shown by outbound status')
    .action(async (id: string) => {
      await withQueues(async ({ producer, store }) => {
        const [{ sendMessage }, { createDeadLetterRepository }] = await Promise.all([
          import('../outbound/send-message.job.js'),
          import('../store/repositories/dead-letter.repository.js'),
        ]);
        const repo = createDeadLetterRepository(store.conn);
        const d = await repo.get(id);
        if (!d || d.retried) {
          console.error(`没有待处理的死信 ${id}。`);
          process.exitCode = 1;
          return;
        }
        const job = await producer.queues.outbound.getJob(id);
        if (job && (await job.isFailed())) await job.retry('failed');
        else await producer.enqueue(sendMessage, sendMessage.data.parse(d.data));
        await repo.markRetried(id);
        console.log(`已重新排队 ${id}。`);
      });
    });
}
