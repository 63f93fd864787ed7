import { z } from 'zod';
import { dueProjectSteps, isSuperseded, projectNextDueAt, projectRecipients } from '../src/domain/project-sla.js';
import type { OutboundTarget } from '../src/messages/outbound.js';
import { projectStepMessage } from '../src/platforms/project-sla-messages.js';
import { defineJob, QUEUES } from '../src/queue/define-job.js';
import { AppError } from '../src/shared/errors.js';
import type { Services } from './services.js';

/** What the project reminders use. */
export type ProjectSlaDeps = Pick<Services, 'projectPaths' | 'directory' | 'calendar' | 'policy' | 'outbox' | 'senders' | 'withLock' | 'now' | 'log'>;

/**
 * 项目代办 reminders and escalation (src/domain/project-sla.ts), queued by each SLA reconcile (every minute, at each
 * start, after the simulator's clock jumps). Reads only the paths whose indexed nextDueAt is due (a changed path is
 * due at once, to be planned again). Per path, under the project's lock (the one item changes take): the due steps'
 * messages are queued through the outbox with ids derived from the project and the step's key, then the keys and
 * the next due instant are recorded over the version read. A retry or a second instance finds the keys recorded, or
 * re-sends the same outbox ids (recorded once): each step is sent exactly once.
 */
export const projectSla = defineJob({
  name: 'project-sla',
  queue: QUEUES.sla,
  /** `at`: the run that asked (a reconcile's instant). */
  data: z.object({ at: z.number().int() }),
  jobId: (d) => `project-sla-${d.at}`,
  attempts: 5,
  backoffMs: 5000,
  async process(_d, deps: ProjectSlaDeps) {
    const now = deps.now();
    const nowIso = now.toISOString();
    const due = await deps.projectPaths.listDue(nowIso);
    const dir = await deps.directory();
    let sent = 0;
    for (const { projectId } of due) {
      sent += await deps.withLock(`project-${projectId}`, async (lease) => {
        const cur = await deps.projectPaths.get(projectId);
        if (!cur) return 0;
        const project = dir.project(projectId);
        const steps = project ? dueProjectSteps(cur.path, cur.slaSent, nowIso, deps.calendar, deps.policy) : [];
        const done: string[] = [];
        let messages = 0;
        for (const step of steps) {
          done.push(step.key);
          if (isSuperseded(step, nowIso, deps.calendar)) continue;
          const item = cur.path.items.find((i) => i.id === step.itemId)!;
          const { people, groups } = projectRecipients(step, project!, item, dir);
          const today = deps.calendar.localDate(now);
          const daysLate = today > step.dueDate ? deps.calendar.workingDaysBetween(step.dueDate, today) : 0;
          const message = projectStepMessage(step, project!, item, daysLate);
          const cause = `project-sla-${projectId}-${step.key}`;
          // each recipient keeps its index whoever is unreachable, so a retry derives the same outbox ids
          const targets: (OutboundTarget | null)[] = [
            ...people.map((p) => {
              const platform = p.wecom && deps.senders.wecom ? ('wecom' as const) : p.dingtalk && deps.senders.dingtalk ? ('dingtalk' as const) : null;
              return platform ? { kind: 'user' as const, platform, userId: p[platform]! } : null;
            }),
            ...groups.map((g) => (deps.senders[g.platform] ? { kind: 'group' as const, platform: g.platform, chatId: g.chatId } : null)),
          ];
          for (const [index, target] of targets.entries()) {
            if (!target) {
              deps.log.warn({ projectId, step: step.kind, index }, 'project reminder recipient unreachable');
              continue;
            }
            await deps.outbox.send(cause, index, target, message);
            messages++;
          }
          if (!targets.length) deps.log.info({ projectId, step: step.kind }, 'nobody to tell at this step (level skipped)');
        }
        if (!project) deps.log.warn({ projectId }, 'project path without a project in the directory: not chased');
        const next = project ? projectNextDueAt(cur.path, [...cur.slaSent, ...done], deps.calendar, deps.policy) : null;
        await lease?.assertHeld();
        if ((await deps.projectPaths.recordSla(projectId, cur.version, done, next, now)) === 'stale') {
          throw new AppError('PROJECT_SLA_STALE', `project ${projectId} changed while its reminders were sent`, { retryable: true });
        }
        return messages;
      });
    }
    return `${due.length} project paths due, ${sent} messages queued`;
  },
});
