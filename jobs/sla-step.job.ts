import { z } from 'zod';
import { recipientsFor } from '../src/domain/escalation.js';
import { isOvertaken, pendingSteps, workingDaysOverdue } from '../src/domain/sla.js';
import { escalationPost, stepMessage } from '../src/platforms/sla-messages.js';
import type { OutboundTarget } from '../src/messages/outbound.js';
import { defineJob, idKey, QUEUES } from '../src/queue/define-job.js';
import { AppError } from '../src/shared/errors.js';
import { slaStepsSent } from '../src/shared/metrics.js';
import { flushReminders, MERGE_DELAY_MS } from './flush-reminders.job.js';
import type { Services } from './services.js';

/** What one SLA step uses. */
export type SlaStepDeps = Pick<
  Services,
  'tickets' | 'ticketService' | 'pendingReminders' | 'directory' | 'calendar' | 'policy' | 'timezone' | 'producer' | 'outbox' | 'senders' | 'now' | 'log'
>;

/**
 * One reminder or escalation step. Re-reads the ticket: a step no longer pending (claimed, answered, deadline
 * moved, already sent) is stale and does nothing. Messages are queued with ids derived from the step, then the
 * step is recorded under the ticket's lock, so two instances or a retry never send it twice.
 */
export const slaStep = defineJob({
  name: 'sla-step',
  queue: QUEUES.sla,
  data: z.object({ no: z.number().int().positive(), key: z.string().min(1) }),
  jobId: (d) => `sla-${d.no}-${idKey(d.key)}`,
  attempts: 20,
  async process(d, deps: SlaStepDeps) {
    const t = await deps.tickets.getByNo(d.no);
    if (!t) return 'stale: no ticket';
    const pending = pendingSteps(t, deps.calendar, deps.policy);
    const step = pending.find((s) => s.key === d.key);
    if (!step) return 'stale';
    if (Date.parse(step.at) > deps.now().getTime() + 1000) throw new AppError('SLA_NOT_DUE', 'step not due yet', { retryable: true });
    // a reminder overtaken by a later step of the same clock, due too: recorded, not sent (the later one tells)
    if (isOvertaken(step, pending, deps.now().toISOString())) {
      const r = await deps.ticketService.change(
        t.no,
        () => ({ type: 'sla', key: d.key, kind: step.kind, escalation: false, recipients: [] }),
        { by: { platform: t.platform, id: 'xiaoer', name: '店小二' }, at: deps.now().toISOString(), source: `sla:${d.key}` },
      );
      return r.ok ? `${step.kind} overtaken by a later step: recorded, not sent` : `not recorded: ${r.message}`;
    }

    const dir = await deps.directory();
    const recipients = recipientsFor(step.target, t, dir);
    // the response-overdue step tells the lead to 督促, and reminds the assignee with a text of their own
    const remindAssignee = step.kind === 'response-overdue' && !!t.assignee && !recipients.some((r) => r.personId === t.assignee!.personId);
    const people = remindAssignee ? [...recipients, t.assignee!] : recipients;
    const opts = { timezone: deps.timezone, overdueDays: workingDaysOverdue(t, deps.now().toISOString(), deps.calendar), now: deps.now().toISOString() };
    const cause = `sla-${t.no}-${d.key}`;
    let index = 0;
    const send = (target: OutboundTarget, message: ReturnType<typeof stepMessage>) => deps.outbox.send(cause, index++, target, message);

    for (const p of people) {
      const platform = p[t.platform] ? t.platform : p.wecom ? 'wecom' : p.dingtalk ? 'dingtalk' : null;
      if (!platform || !deps.senders[platform]) {
        deps.log.warn({ ticketId: t.no, person: p.personId, step: step.kind }, 'recipient unreachable');
        continue;
      }
      // private reminders due at the same moment for the same person go out merged into one message
      const target = { kind: 'user' as const, platform, userId: p[platform]! };
      const mergeKey = `${platform}:${target.userId}:${step.at.slice(0, 16)}`;
      const id = `${cause}:${p.personId}`;
      const text = stepMessage(step, t, { ...opts, toAssignee: p.personId === t.assignee?.personId }).text;
      await deps.pendingReminders.add({ _id: id, mergeKey, target, text, at: deps.now() });
      await deps.producer.enqueue(flushReminders, { mergeKey, first: id }, { delay: MERGE_DELAY_MS });
    }
    // a level of the ladder with nobody (new) to tell is skipped: recorded as done, no message, no group post
    const escalation = step.kind.startsWith('escalate') && recipients.length > 0;
    if (escalation && deps.senders[t.platform]) {
      for (const g of dir.data.groups.filter((g) => g.kind === 'leaders' && g.platform === t.platform)) {
        await send({ kind: 'group', platform: g.platform, chatId: g.chatId }, escalationPost(step, t, recipients, opts));
      }
    }
    const res = await deps.ticketService.change(
      t.no,
      () => ({ type: 'sla', key: d.key, kind: step.kind, escalation, recipients: people.map((p) => p.personId) }),
      { by: { platform: t.platform, id: 'xiaoer', name: '店小二' }, at: deps.now().toISOString(), source: `sla:${d.key}` },
    );
    if (res.ok) slaStepsSent.inc({ kind: step.kind });
    const to = people.map((p) => p.personId).join(',') || (step.kind.startsWith('escalate') ? 'nobody (level skipped)' : 'nobody');
    return res.ok ? `${step.kind} sent to ${to}` : `not recorded: ${res.message}`;
  },
});
