import { processInbound } from './process-inbound.job.js';
import { sendMessage } from './send-message.job.js';
import { slaReconcile } from './sla-reconcile.job.js';
import { slaStep } from './sla-step.job.js';
import { digestTick } from './digest-tick.job.js';
import { flushReminders } from './flush-reminders.job.js';

export { digestTick, flushReminders, processInbound, sendMessage, slaReconcile, slaStep };
export type { JobDeps } from './deps.js';
/** What runs on a timer: the recurring jobs and the recovery sweeps. */
export { scheduleRecurring, scheduledJobOptions, startSchedules, SWEEP_EVERY_MS } from './schedules.js';

/** Every job definition; the worker host maps job.name → definition. */
export const jobs = [processInbound, sendMessage, slaReconcile, slaStep, digestTick, flushReminders];
