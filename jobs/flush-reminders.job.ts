import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineJob, idKey, QUEUES } from '../src/queue/define-job.js';
import type { JobDeps } from './deps.js';

/** Merge window: reminders for one person due within it go out as one message. */
export const MERGE_DELAY_MS = 2000;

/**
 * Sends every unsent reminder of one person and moment as one message (one reminder: as it is). The first reminder
 * of a batch names the job, so a reminder arriving after a flush starts a new batch and is never stranded.
 */
export const flushReminders = defineJob({
  name: 'flush-reminders',
  queue: QUEUES.sla,
  data: z.object({ mergeKey: z.string(), first: z.string() }),
  jobId: (d) => `flush-${idKey(d.mergeKey)}-${idKey(d.first)}`,
  attempts: 10,
  async process(d, deps: JobDeps) {
    const pending = await deps.pendingReminders.unsent(d.mergeKey);
    if (pending.length === 0) return 'nothing to send';
    const ids = pending.map((p) => p._id);
    const text = pending.length === 1 ? pending[0]!.text : [`【提醒汇总】共 ${pending.length} 件：`, ...pending.map((p) => p.text)].join('\n——\n');
    const batch = createHash('sha256').update(ids.join('|')).digest('hex').slice(0, 16);
    await deps.outbox.send(`remind-${d.mergeKey}-${batch}`, 0, pending[0]!.target, { format: 'text', text, mentions: [] });
    await deps.pendingReminders.markSent(ids);
    return `${pending.length} reminder(s) sent as one message`;
  },
});
