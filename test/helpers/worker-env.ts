import { Redis } from 'ioredis';
import { DEFAULT_POLICY } from '../../config/policy.js';
import { jobs, type JobServices } from '../../jobs/index.js';
import { createProjectService } from '../../src/bot/project-service.js';
import { createTicketService } from '../../src/bot/ticket-service.js';
import { createDigestService } from '../../src/digest/digest-service.js';
import { createDigestFolder, type DigestFolder } from '../../src/digest/digest-fold.js';
import { createDigestSummaryRepository } from '../../src/store/repositories/digest-summary.repository.js';
import { defaultCalendar } from '../../src/domain/calendar.js';
import { recordDeadLetter } from '../../src/outbound/dead-letters.js';
import { createOutbox } from '../../src/outbound/outbox.js';
import { createTokenCache } from '../../src/outbound/token-cache.js';
import { createDingtalkSender } from '../../src/platforms/dingtalk/sender.js';
import { createWecomSender } from '../../src/platforms/wecom/sender.js';
import { createLocker } from '../../src/queue/lock.js';
import { createPacer, parsePaceLimit } from '../../src/queue/pacer.js';
import { createProducer } from '../../src/queue/producer.js';
import { startWorkers } from '../../src/queue/worker-host.js';
import { createLogger } from '../../src/shared/logger.js';
import type { Store } from '../../src/store/connect.js';
import { createDeadLetterRepository } from '../../src/store/repositories/dead-letter.repository.js';
import { createDigestRunRepository } from '../../src/store/repositories/digest-run.repository.js';
import { createProjectPathRepository, createProjectTemplateRepository } from '../../src/store/repositories/project.repository.js';
import { createPendingReminderRepository } from '../../src/store/repositories/pending-reminder.repository.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { createInboundRepository } from '../../src/store/repositories/inbound.repository.js';
import { createNoticeRepository } from '../../src/store/repositories/notice.repository.js';
import { createOutboundMessageRepository } from '../../src/store/repositories/outbound-message.repository.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { DINGTALK, WECOM } from './callbacks.js';
import { testRedisUrl } from './env.js';

/**
 * One bot instance's queue side, as the runtime composes it (minus HTTP and the bot): real Redis, real store,
 * the real senders pointed at the fake platform server. Several may run at once on the same prefix.
 */
export function startWorkerEnv(opts: {
  store: Store;
  apiBase: string;
  prefix: string;
  now?: () => Date;
  paceLimit?: string;
  rateLimitWaitMs?: number;
  workers?: boolean;
  lockDurationMs?: number;
  /** The SLA policy (default: the shipped one). */
  policy?: typeof DEFAULT_POLICY;
  /** The bot that handles inbound messages (default: none; inbound jobs then fail). */
  bot?: JobServices['bot'];
  inboundMaxAttempts?: number;
  concurrency?: Parameters<typeof startWorkers>[0]['concurrency'];
  /** Redis outside a vitest run (a worker in a child process); default the run's Redis. */
  redisUrl?: string;
  /** false: no dead-letter hook (as when the process died right after a send failed for good). */
  deadLetterHook?: boolean;
  /**
   * true: the digest reads the per-day summaries, kept up to date as the ticket repository writes (as in the
   * runtime); default a full recount (tests that write tickets straight into the store).
   */
  summaries?: boolean;
  /** When the deployment first ran (Services.deployedAt); default unknown. */
  deployedAt?: Date;
}) {
  const log = createLogger('silent');
  const redisUrl = opts.redisUrl ?? testRedisUrl();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const workerRedis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const producer = createProducer(redis, opts.prefix);
  const withLock = createLocker(redis, opts.prefix);
  const tokens = createTokenCache(redis, opts.prefix, withLock);
  // a test must not wait minutes when it happens to run at :00 or :30
  const messages = createOutboundMessageRepository(opts.store.conn);
  const outbox = createOutbox({ producer, pacer: createPacer(redis, opts.prefix, parsePaceLimit(opts.paceLimit ?? '20/60s')), messages, avoidClockMarks: false });
  let folder: DigestFolder | undefined;
  const tickets = createTicketRepository(opts.store.conn, { onChange: (no) => folder?.mark(no) ?? Promise.resolve() });
  const summaryRepo = createDigestSummaryRepository(opts.store.conn);
  folder = createDigestFolder({ summaries: summaryRepo, tickets, redis, prefix: opts.prefix, withLock, timezone: 'Asia/Shanghai', log });
  const directories = createDirectoryRepository(opts.store.conn);
  const wait = opts.rateLimitWaitMs ?? 500;
  const senders = {
    wecom: createWecomSender(
      { mode: 'callback', botToken: WECOM.token, botAesKey: WECOM.aesKey, apiBase: opts.apiBase, app: { corpId: 'wwcorp', agentId: 1000002, agentSecret: 'agent-secret' } },
      { webhookKey: async (c) => (await directories.current()).group('wecom', c)?.webhookKey, tokens, rateLimitWaitMs: wait },
    ),
    dingtalk: createDingtalkSender(
      { mode: 'http', appKey: DINGTALK.appKey, appSecret: DINGTALK.appSecret, robotCode: DINGTALK.appKey, apiBase: opts.apiBase, oapiBase: opts.apiBase },
      { tokens, rateLimitWaitMs: wait },
    ),
  };
  const calendar = defaultCalendar;
  const policy = opts.policy ?? DEFAULT_POLICY;
  const deps: JobServices = {
    log,
    inbound: createInboundRepository(opts.store.conn),
    tickets,
    ticketService: createTicketService({ tickets, withLock, calendar, policy }),
    projectService: createProjectService({
      paths: createProjectPathRepository(opts.store.conn),
      templates: createProjectTemplateRepository(opts.store.conn),
      withLock,
      calendar,
    }),
    projectPaths: createProjectPathRepository(opts.store.conn),
    notices: createNoticeRepository(opts.store.conn),
    digests: createDigestService({ tickets, directories, calendar, timezone: 'Asia/Shanghai', ...(opts.summaries ? { summaries: { folder, repo: summaryRepo }, now: opts.now } : {}) }),
    digestFolder: folder,
    digestRuns: createDigestRunRepository(opts.store.conn),
    pendingReminders: createPendingReminderRepository(opts.store.conn),
    directory: () => directories.current(),
    calendar,
    policy,
    timezone: 'Asia/Shanghai',
    bot: {} as never,
    producer,
    outbox,
    senders,
    now: opts.now ?? (() => new Date()),
    ...(opts.deployedAt ? { deployedAt: opts.deployedAt } : {}),
    withLock,
    ...(opts.inboundMaxAttempts ? { inboundMaxAttempts: opts.inboundMaxAttempts } : {}),
  };
  if (opts.bot) deps.bot = opts.bot;
  const deadLetters = createDeadLetterRepository(opts.store.conn);
  const host =
    opts.workers === false
      ? null
      : startWorkers({
          connection: workerRedis,
          prefix: opts.prefix,
          jobs,
          deps,
          log,
          lockDurationMs: opts.lockDurationMs,
          concurrency: opts.concurrency,
          onFinalFailure: opts.deadLetterHook === false ? undefined : (job, err) => recordDeadLetter(job, err, { deadLetters, redis, prefix: opts.prefix, notices: deps.notices, directory: deps.directory, outbox, senders, log }),
        });
  return {
    deps,
    producer,
    outbox,
    /** The durable outbox's records (outbound_messages). */
    messages,
    deadLetters,
    tokens,
    host,
    async stop() {
      await host?.close();
      await producer.close();
      redis.disconnect();
      workerRedis.disconnect();
    },
  };
}
