import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineJob, idKey, QUEUES } from '../src/queue/define-job.js';
import type { Services } from './services.js';

/** What the flush uses. */
export type FlushRemindersDeps = Pick<Services, 'withLock' | 'pendingReminders' | 'outbox' | 'producer'>;

/** Merge window: reminders for one person due within it go out as one message. */
export const MERGE_DELAY_MS = 2000;

/**
 * Sends every unsent reminder of one person and moment as one message (one reminder: as it is). The first reminder
 * of a batch names the job, so a reminder arriving after a flush starts a new batch and is never stranded. Each
 * reminder goes out once: flushes of one person run one at a time (a lock), and a batch is recorded on its
 * reminders before its message is queued (deterministic id), so a retry re-sends that same message.
 */
export const flushReminders = defineJob({
  name: 'flush-reminders',
  queue: QUEUES.sla,
  data: z.object({ mergeKey: z.string(), first: z.string() }),
  jobId: (d) => `flush-${idKey(d.mergeKey)}-${idKey(d.first)}`,
  attempts: 10,
  async process(d, deps: FlushRemindersDeps) {
    // one flush of a person at a time (two flush jobs may run at the same moment): the second then finds what the
    // first left, never the same reminders
    return deps.withLock(`flush-${d.mergeKey}`, async (lease) => {
      const pending = await deps.pendingReminders.unsent(d.mergeKey);
      if (pending.length === 0) return 'nothing to send';
      // a batch put together before (a retry after a crash) goes out as it was, under the same id
      const open = pending.find((p) => p.batch)?.batch;
      const members = open ? pending.filter((p) => p.batch === open) : pending;
      const ids = members.map((p) => p._id);
      const batch = open ?? createHash('sha256').update(ids.join('|')).digest('hex').slice(0, 16);
      await lease?.assertHeld();
      if (!open) await deps.pendingReminders.assignBatch(ids, batch);
      const text = members.length === 1 ? members[0]!.text : [`【提醒汇总】共 ${members.length} 件：`, ...members.map((p) => p.text)].join('\n——\n');
      await deps.outbox.send(`remind-${d.mergeKey}-${batch}`, 0, members[0]!.target, { format: 'text', text, mentions: [] });
      await deps.pendingReminders.markSent(ids);
      const left = pending.length - members.length;
      // reminders left out of a re-sent batch: their own flush
      if (left > 0) await deps.producer.enqueue(flushReminders, { mergeKey: d.mergeKey, first: `${pending.find((p) => !p.batch)!._id}:after:${batch}` });
      return `${members.length} reminder(s) sent as one message`;
    });
  },
});
