import { processInbound } from './process-inbound.job.js';
import { sendMessage } from '../src/outbound/send-message.job.js';
import { slaReconcile } from './sla-reconcile.job.js';
import { slaStep } from './sla-step.job.js';
import { digestTick } from './digest-tick.job.js';
import { digestCheck } from './digest-check.job.js';
import { flushReminders } from './flush-reminders.job.js';
import { projectSla } from './project-sla.job.js';
import type { DepsOf } from '../src/queue/define-job.js';

export { digestCheck, digestTick, flushReminders, processInbound, projectSla, sendMessage, slaReconcile, slaStep };
/** What runs on a timer: the recurring jobs and the recovery sweeps. */
export { scheduleRecurring, scheduledJobOptions, startSchedules, SWEEP_EVERY_MS } from './schedules.js';

/** Every job definition; the worker host maps job.name → definition. */
export const jobs = [processInbound, sendMessage, slaReconcile, slaStep, digestTick, digestCheck, flushReminders, projectSla] as const;
/** The services the jobs use together: what the runtime builds once and hands the worker host. */
export type JobServices = DepsOf<typeof jobs>;
export type { Services } from './services.js';
export type { ProcessInboundDeps } from './process-inbound.job.js';
export type { SlaReconcileDeps } from './sla-reconcile.job.js';
export type { SlaStepDeps } from './sla-step.job.js';
export type { DigestTickDeps, DueDigestsDeps } from './digest-tick.job.js';
export type { DigestCheckDeps } from './digest-check.job.js';
export type { FlushRemindersDeps } from './flush-reminders.job.js';
export type { ProjectSlaDeps } from './project-sla.job.js';
export type { SendMessageDeps } from '../src/outbound/send-message.job.js';
