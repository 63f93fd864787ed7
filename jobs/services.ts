import type { Policy } from '../config/policy.js';
import type { Bot } from '../src/bot/bot.js';
import type { ProjectService } from '../src/bot/project-service.js';
import type { TicketService } from '../src/bot/ticket-service.js';
import type { DigestService } from '../src/digest/digest-service.js';
import type { DigestFolder } from '../src/digest/digest-fold.js';
import type { BusinessCalendar } from '../src/domain/calendar.js';
import type { Directory } from '../src/domain/directory.js';
import type { PlatformId } from '../src/messages/inbound.js';
import type { Outbox } from '../src/outbound/outbox.js';
import type { Sender } from '../src/platforms/types.js';
import type { WithLock } from '../src/queue/lock.js';
import type { Producer } from '../src/queue/producer.js';
import type { Logger } from '../src/shared/logger.js';
import type { DigestRunRepository } from '../src/store/repositories/digest-run.repository.js';
import type { InboundRepository } from '../src/store/repositories/inbound.repository.js';
import type { NoticeRepository } from '../src/store/repositories/notice.repository.js';
import type { PendingReminderRepository } from '../src/store/repositories/pending-reminder.repository.js';
import type { ProjectPathRepository } from '../src/store/repositories/project.repository.js';
import type { TicketRepository } from '../src/store/repositories/ticket.repository.js';

/**
 * The names of the services a job may ask for, and what each is. No job receives all of them: each declares the few
 * it uses (`type SlaStepDeps = Pick<Services, 'tickets' | …>`, next to its definition), and the runtime builds one
 * object that the worker host checks against what the registered jobs declare together (DepsOf in
 * src/queue/define-job.ts). The send job declares its own (src/outbound/send-message.job.ts).
 */
export interface Services {
  log: Logger;
  inbound: InboundRepository;
  tickets: TicketRepository;
  ticketService: TicketService;
  /** 项目代办: the projects' approval paths and the leaders' reports over them. */
  projectService: ProjectService;
  /** 项目代办: the stored approval paths (their reminders and escalation: jobs/project-sla.job.ts). */
  projectPaths: ProjectPathRepository;
  notices: NoticeRepository;
  digests: DigestService;
  /** The digest's per-day summaries: folded as tickets change, checked nightly (src/digest/digest-fold.ts). */
  digestFolder: DigestFolder;
  digestRuns: DigestRunRepository;
  pendingReminders: PendingReminderRepository;
  directory(): Promise<Directory>;
  calendar: BusinessCalendar;
  policy: Policy;
  timezone: string;
  /** The bot's public origin (links to the workbench), when set. */
  publicUrl?: string;
  /**
   * When this deployment first ran (its record in the store; absent for a database that held work before deployments
   * were recorded). A digest whose time came before it was never missed: the reconcile does not catch it up.
   */
  deployedAt?: Date;
  bot: Bot;
  producer: Producer;
  /** Every outbound message goes through it (paced, ordered, durable). */
  outbox: Outbox;
  senders: Partial<Record<PlatformId, Sender>>;
  now(): Date;
  /** Failed handlings after which an inbound message is parked (default INBOUND_MAX_ATTEMPTS). */
  inboundMaxAttempts?: number;
  /** The Redis lock (renewed while held): serializes work that must not run twice at once (a person's reminders). */
  withLock: WithLock;
}
