import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type Koa from 'koa';
import type { Config } from '../config/index.js';
import { handlers, perform } from '../handlers/index.js';
import { digestTick, jobs, processInbound, slaReconcile, startSchedules, type JobServices } from '../jobs/index.js';
import { createBot } from './bot/bot.js';
import { createIntake, type JournalRecord } from './bot/intake.js';
import { createProjectService } from './bot/project-service.js';
import { createVisitService } from './bot/visit-service.js';
import { readConnectionStates, startConnections } from './runtime/connections.js';
import { answerMetricsRequests, isWorkerChild, startWorkerChild, type WorkerChild } from './runtime/worker-child.js';
import { startCategoryModel } from './runtime/category-model.js';
import { TICKET_STATUSES } from './domain/ticket.js';
import { cachedGauge, collectProcessMetrics, computedGauge, exposition } from './shared/metrics.js';
import { watchQueues } from './queue/queue-metrics.js';
import { createQueueConsole } from './server/queue-console.js';
import { createMetricsApp } from './server/metrics-app.js';
import type { WecomChannel } from './platforms/wecom/sender.js';
import { renderMyVisits, renderVisitOverview } from './platforms/visit-render.js';
import { exportVisitLedger } from './ledger/visit-ledger.js';
import { createTicketService } from './bot/ticket-service.js';
import { createDigestService } from './digest/digest-service.js';
import { createDigestFolder, type DigestFolder } from './digest/digest-fold.js';
import { createDigestSummaryRepository } from './store/repositories/digest-summary.repository.js';
import { calendarFromPolicy } from './domain/calendar.js';
import { claimPrefix, deploymentPrefix, ensureDeployment } from './infra/deployment.js';
import { openMongo } from './infra/mongo.js';
import { projectRoot } from './infra/paths.js';
import { ensureRedis } from './infra/redis-server.js';
import { exportLedger } from './ledger/export.js';
import { buildProjectLedger } from './ledger/project-ledger.js';
import { createReportRefiner } from './llm/refine-report.js';
import type { PlatformId } from './messages/inbound.js';
import { DEAD_LETTER_METRIC, recordDeadLetter } from './outbound/dead-letters.js';
import { createOutbox } from './outbound/outbox.js';
import { createTokenCache } from './outbound/token-cache.js';
import { createDingtalkReceiver } from './platforms/dingtalk/receiver.js';
import { createDingtalkSender } from './platforms/dingtalk/sender.js';
import type { Sender } from './platforms/types.js';
import { createWecomReceiver } from './platforms/wecom/receiver.js';
import { createWecomSender } from './platforms/wecom/sender.js';
import { createRedis } from './queue/connection.js';
import { createLocker } from './queue/lock.js';
import { createPacer, parsePaceLimit } from './queue/pacer.js';
import { createProducer } from './queue/producer.js';
import { startWorkers } from './queue/worker-host.js';
import { createHttpApp } from './server/app.js';
import { createCardReplies } from './queue/card-replies.js';
import { workbenchIdentity } from './server/workbench/identity.js';
import { createWorkbench } from './server/workbench/routes.js';
import { createSessionStore } from './server/workbench/sessions.js';
import type { Logger } from './shared/logger.js';
import { seedDemoDirectory } from './simulator/demo-directory.js';
import { redisClockStore } from './simulator/clock.js';
import { createSimulator } from './simulator/sim-server.js';
import { setUpSimulator } from './simulator/setup.js';
import { connectStore } from './store/connect.js';
import { createIntakeJournal } from './store/intake-journal.js';
import { runMigrations } from './store/migrations.js';
import { createDeadLetterRepository } from './store/repositories/dead-letter.repository.js';
import { createDigestRunRepository } from './store/repositories/digest-run.repository.js';
import { createDirectoryRepository } from './store/repositories/directory.repository.js';
import { createInboundRepository } from './store/repositories/inbound.repository.js';
import { createNoticeRepository } from './store/repositories/notice.repository.js';
import { createOutboundMessageRepository } from './store/repositories/outbound-message.repository.js';
import { createPendingReminderRepository } from './store/repositories/pending-reminder.repository.js';
import { createTicketRepository } from './store/repositories/ticket.repository.js';
import { createProjectPathRepository, createProjectTemplateRepository } from './store/repositories/project.repository.js';
import { createVisitRepository } from './store/repositories/visit.repository.js';
import { startRetention } from './store/retention.js';

export interface Runtime {
  /** The HTTP port, when this process serves HTTP. */
  port?: number;
  /** The simulator's address, when it is on. */
  simulatorUrl?: string;
  mongoUri: string;
  /** The Redis key prefix of this deployment (XIAOER_QUEUE_PREFIX with the deployment id). */
  queuePrefix: string;
  stop(): Promise<void>;
}

/** Listens on `port` (every interface unless `host` says one); resolves once it does. */
/** A web-only process in long-connection mode holds no socket: it sends nothing itself (the workers do). */
const NO_CHANNEL: WecomChannel = {
  isOpen: () => false,
  respond: () => Promise.reject(new Error('no long connection in this process')),
  updateCard: () => Promise.reject(new Error('no long connection in this process')),
  send: () => Promise.reject(new Error('no long connection in this process')),
};

function listen(app: Koa, port: number, host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
}

/**
 * The composition root, and nothing else: it names each piece in order — stores → repositories → queues → outbound →
 * bot → HTTP → workers and schedules — and `stop()` undoes it in reverse. The pieces live in their own homes: the
 * simulator's set-up and demo directory in src/simulator/, the schedules and recovery sweeps in jobs/schedules.ts.
 */
export async function startRuntime(
  givenConfig: Readonly<Config>,
  log: Logger,
  /** `onWorkerStopped`: the worker process stopped for good — cleanly on a stop signal of its own, or its configuration refused (`code` 2) — and main.ts stops this process with a failure code, so that an on-failure supervisor starts the pair again (or, after a refused configuration, an operator reads why). */
  hooks: { onWorkerStopped?: (code: number) => void } = {},
): Promise<Runtime> {
  // the simulator (when on): its made-up credentials and fixed port go into the configuration, its clock is the bot's
  const simulator = await setUpSimulator(givenConfig);
  const sim = simulator.sim;
  let config = simulator.config;
  const now = sim ? sim.clock.now : () => new Date();

  const stack: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const fn of stack.reverse()) {
      try {
        await fn();
      } catch (err) {
        log.error({ err: { message: (err as Error).message } }, 'error while stopping');
      }
    }
  };
  try {
    // 1. stores: MongoDB (or embedded FerretDB), Redis (started here unless given), this deployment, data retention
    const mongo = await openMongo(config, log);
    stack.push(() => mongo.stop());
    const redisServer = await ensureRedis({
      url: config.redis.url,
      mayStart: !config.redis.explicit,
      dataDir: config.dataDir,
      log: (m) => log.info(m),
      warn: (m) => log.warn(m),
    });
    stack.push(() => redisServer.stop());
    const store = await connectStore(mongo.uri, { onMonitorRestart: (reason) => log.warn({ reason }, 'store: restarted a stuck server monitor') });
    stack.push(() => store.close());
    // schema upgrades not yet run on this database, once (another process running them: wait for it)
    await runMigrations(store.conn, { waitMs: 10 * 60_000, log: (fields, msg) => log.info(fields, msg) });
    // the queues belong to this deployment (its database): a Redis that served another data folder is never inherited
    const deployment = await ensureDeployment(store.conn);
    config = { ...config, queuePrefix: deploymentPrefix(config.queuePrefix, deployment) };
    // raw payloads, done reminders and notices expire (TTL indexes where the server has them, a periodic delete always)
    const retention = await startRetention(store.conn, { days: config.inboundRetentionDays, log });
    stack.push(async () => retention.stop());

    // 2. repositories (and, in the simulator, the demo directory when none was imported)
    const inbound = createInboundRepository(store.conn);
    // every insert and transition is marked for the digest's summaries (the folder is made once Redis is there)
    let digestFolder: DigestFolder | undefined;
    const tickets = createTicketRepository(store.conn, { onChange: (no) => digestFolder?.mark(no) ?? Promise.resolve() });
    const directories = createDirectoryRepository(store.conn);
    const outboundMessages = createOutboundMessageRepository(store.conn);
    const notices = createNoticeRepository(store.conn);
    const digestRuns = createDigestRunRepository(store.conn);
    const pendingReminders = createPendingReminderRepository(store.conn);
    const deadLetters = createDeadLetterRepository(store.conn);
    if (sim) await seedDemoDirectory(directories, log);
    const directory = () => directories.current();
    const calendar = calendarFromPolicy(config.timezone, config.policy);

    // 3. queues: the producer's Redis connection (this deployment's prefix claimed on it), the producer, locks
    const producerRedis: Redis = createRedis(redisServer.uri, 'producer');
    producerRedis.on('error', (err) => log.warn({ err: { message: err.message } }, 'redis (producer) error'));
    stack.push(async () => void producerRedis.disconnect());
    await claimPrefix(producerRedis, config.queuePrefix, deployment.id);
    const producer = createProducer(producerRedis, config.queuePrefix);
    stack.push(() => producer.close());
    const withLock = createLocker(producerRedis, config.queuePrefix);
    const digestSummaries = createDigestSummaryRepository(store.conn);
    digestFolder = createDigestFolder({ summaries: digestSummaries, tickets, redis: producerRedis, prefix: config.queuePrefix, withLock, timezone: config.timezone, log });
    // the learned category model in force (xiaoer model …): checked every minute and when a rebuild or rollback says so
    const categoryModel = await startCategoryModel({ conn: store.conn, redis: producerRedis, prefix: config.queuePrefix, log });
    stack.push(() => categoryModel.stop());
    // the simulated clock's offset is kept in Redis under this deployment's prefix: a restart keeps the simulated time
    if (sim) {
      const offsetMs = await sim.clock.persistIn(redisClockStore(producerRedis, config.queuePrefix));
      if (offsetMs > 0) log.info({ hoursAhead: Math.round(offsetMs / 360_000) / 10 }, 'simulator: the simulated clock keeps its time');
    }

    // 4. outbound: the outbox (durable, paced) and one sender per configured platform.
    // The :00/:30 rule spreads load on WeCom's servers; the simulator's local endpoints need no such care (and a demo
    // would otherwise wait up to three real minutes for a digest sent at half past)
    const outbox = createOutbox({
      producer,
      messages: outboundMessages,
      pacer: createPacer(producerRedis, config.queuePrefix, parsePaceLimit(config.outboundLimit)),
      avoidClockMarks: !sim,
    });
    const tokens = createTokenCache(producerRedis, config.queuePrefix, withLock);
    // the acknowledgement path: store, line up, enqueue (webhooks, and the connections the bot dials itself)
    // under a flood the acknowledgements spill into an overflow file on local disk (per deployment, under the data
    // folder) rather than wait for the store; a file left by a process that died is moved into the store first
    const journal = config.intakeSpill === 'off' ? undefined : createIntakeJournal<JournalRecord>({ dir: join(config.dataDir, 'intake', config.queuePrefix) });
    const intake = createIntake({ inbound, producer, log, processing: processInbound, journal, spill: config.intakeSpill });
    intake.start();
    stack.push(() => intake.close());
    // the queue workers: in this process (role worker; role all with XIAOER_WORKERS=inline, or the simulator), or in a
    // child process of its own (role all by default), so that processing never starves the acknowledgement path
    const workerChild = config.role === 'all' && !sim && config.workers === 'process';
    const runsWorkers = config.role === 'worker' || (config.role === 'all' && !workerChild);
    // WeCom's long connection and DingTalk's Stream mode live where the outbound sends run
    const connections = runsWorkers ? startConnections({ config, redis: producerRedis, intake, log }) : undefined;
    if (connections) stack.push(() => connections.stop());
    const senders: Partial<Record<PlatformId, Sender>> = {};
    // WeCom callback mode: a tapped card's update goes back as the passive reply of the tap's own callback, handed
    // from the sender (wherever it runs) to the waiting request through Redis
    const cardReplies = config.wecom?.mode === 'callback' ? createCardReplies(producerRedis, config.queuePrefix) : undefined;
    if (config.wecom) {
      senders.wecom = createWecomSender(config.wecom, {
        cardReplies,
        webhookKey: async (chatId) => (await directory()).group('wecom', chatId)?.webhookKey,
        tokens,
        rateLimitWaitMs: config.policy.outbound.wecomRateLimitWaitMs,
        channel: config.wecom.mode === 'long-connection' ? (connections?.wecomChannel ?? NO_CHANNEL) : undefined,
      });
    }
    if (config.dingtalk) {
      // with a public address, messages with buttons go as ActionCards opening the workbench's pages
      const publicUrl = config.publicUrl ?? sim?.baseUrl;
      senders.dingtalk = createDingtalkSender(config.dingtalk, { tokens, rateLimitWaitMs: config.policy.outbound.dingtalkRateLimitWaitMs, publicUrl });
    }

    // 5. bot: the ticket service, the digests and the handlers (handlers/index.ts); the workbench's sign-in links
    // when the bot has a public address (the simulator's own in a demo)
    const ticketService = createTicketService({ tickets, withLock, calendar, policy: config.policy });
    const projectService = createProjectService({
      paths: createProjectPathRepository(store.conn),
      templates: createProjectTemplateRepository(store.conn),
      withLock,
      calendar,
    });
    const visits = createVisitRepository(store.conn);
    const visitService = createVisitService({ visits, withLock });
    const digests = createDigestService({ tickets, directories, calendar, timezone: config.timezone, visits, summaries: { folder: digestFolder, repo: digestSummaries }, now });
    const sessions = createSessionStore(producerRedis, config.queuePrefix);
    const publicUrl = config.publicUrl ?? sim?.baseUrl;
    const signInLink = async (who: Parameters<typeof sessions.createLink>[0]) => `${publicUrl}/h5/login?t=${await sessions.createLink(who)}`;
    const bot = createBot({
      handlers,
      perform,
      workbench: publicUrl ? { publicUrl, signInLink } : undefined,
      digests,
      now,
      tickets: ticketService,
      projects: projectService,
      visits: visitService,
      visitReports: {
        async overview(at) {
          const r = await digests.visits(at);
          return r ? renderVisitOverview(r) : { format: 'text', text: '助企走访尚未启用。', mentions: [] };
        },
        async mine(personId, at) {
          const r = await digests.myVisits(personId, at);
          return r ? renderMyVisits(r) : { format: 'text', text: '助企走访尚未启用。', mentions: [] };
        },
      },
      directory,
      calendar,
      policy: config.policy,
      timezone: config.timezone,
      log,
      refiner: config.llm ? createReportRefiner(config.llm, log) : undefined,
      categoryModel: categoryModel.current,
      async send(cause, index, target, message) {
        await outbox.send(cause, index, target, message);
      },
    });

    const runtime: Runtime = { mongoUri: mongo.uri, queuePrefix: config.queuePrefix, stop: stopAll };

    // metrics (docs/reliability.md): this process's counters, plus — where it serves them — the queues' and the
    // tickets' state read at scrape time and the worker process's counters over IPC. A worker process forked by role
    // all answers its parent's requests and serves nothing itself.
    collectProcessMetrics();
    let workerChildHandle: WorkerChild | undefined;
    const servesMetrics = config.role !== 'worker' || (!isWorkerChild() && config.metrics.port !== undefined);
    if (config.role === 'worker' && isWorkerChild()) answerMetricsRequests();
    if (servesMetrics) {
      watchQueues(Object.values(producer.queues), { redis: producerRedis, prefix: config.queuePrefix, deadLetterKey: DEAD_LETTER_METRIC });
      // a count by state scans the collection on FerretDB: at most once a minute, whatever the scrape interval
      const Tickets = store.conn.collection('tickets');
      cachedGauge({
        name: 'xiaoer_tickets',
        help: 'Tickets by state (counted at most once a minute)',
        label: 'state',
        everyMs: 60_000,
        async read() {
          const counts: Record<string, number> = Object.fromEntries(Object.keys(TICKET_STATUSES).map((s) => [s, 0]));
          for (const g of await Tickets.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }]).toArray()) {
            counts[String(g._id)] = g.n;
          }
          return counts;
        },
      });
      computedGauge({
        name: 'xiaoer_working_day',
        help: "1 when today (the deployment's time zone and calendar) is a working day: the digests go out on those",
        value: () => (calendar.isWorkingDay(calendar.localDate(now())) ? 1 : 0),
      });
      computedGauge({
        name: 'xiaoer_intake_overflow_waiting',
        help: 'Messages acknowledged from the overflow file (the store was slow) and not yet moved into the store',
        value: () => intake.overflow().waiting,
      });
    }
    // the worker process's last answer stands in when it is too busy to answer in time (2 s): its counters never
    // seem to fall, which Prometheus would read as a reset
    let lastChild: Awaited<ReturnType<WorkerChild['metrics']>> | undefined;
    const metrics = async () => {
      const child = await workerChildHandle?.metrics();
      if (child) lastChild = child;
      return exposition(lastChild ? [lastChild] : []);
    };
    if (servesMetrics && config.metrics.port !== undefined) {
      const metricsServer = await listen(createMetricsApp(metrics), config.metrics.port, config.metrics.host);
      stack.push(() => new Promise<void>((resolve) => metricsServer.close(() => resolve())));
      log.info({ port: config.metrics.port, host: config.metrics.host }, 'metrics served on their own port');
    }

    // 6. HTTP (roles all and web): webhooks in (the intake stores and enqueues process-inbound), health, ledger,
    // the simulator's page and fake platform APIs
    if (config.role !== 'worker') {
      const receiverOpts = { botName: config.botName, windowSec: config.signatureWindowSec };
      const workbench = createWorkbench({
        config: { ...config, publicUrl },
        log,
        now,
        sessions,
        directory,
        tickets,
        calendar,
        digests,
        ledger: (f) => exportLedger(f, { tickets, directories, digests, calendar, timezone: config.timezone, now: now() }),
        projectReport: async (kind, date) => projectService.report(kind, await directory(), now(), date),
        perform: (req) => bot.perform(req),
        identity: workbenchIdentity(config, tokens),
        webRoot: join(projectRoot(), 'dist', 'web'),
      });
      // the simulator's page and fake platform APIs (when on)
      const simulatorServer = sim
        ? createSimulator({
            baseUrl: sim.baseUrl,
            platforms: sim.platforms,
            botName: config.botName,
            clock: sim.clock,
            directory,
            isWorkingDay: (d) => calendar.isWorkingDay(d),
            digestTime: config.policy.digest.time,
            ticket: (no) => tickets.getByNo(no),
            // after a clock jump: what fell due runs now
            async tick() {
              await producer.enqueue(slaReconcile, { at: Date.now() });
              await producer.enqueue(digestTick, { at: Date.now() });
            },
            // each simulated person's one-time sign-in link to the workbench, on their first platform
            async signInLink(personId) {
              const p = (await directory()).person(personId);
              const platform = p?.wecom ? 'wecom' : p?.dingtalk ? 'dingtalk' : null;
              return p && platform ? signInLink({ platform, userId: p[platform]!, name: p.name }) : null;
            },
          })
        : null;
      const simulator = simulatorServer?.router ?? null;
      const app = createHttpApp({
        cookieKeys: [await sessions.secret(config.sessionSecret)],
        middleware: [workbench.assets],
        config,
        log,
        intake,
        tickets,
        // callbacks in the HTTP modes only: a platform on a long connection or Stream posts nothing here
        wecom:
          config.wecom?.mode === 'callback' && config.wecom.botToken && config.wecom.botAesKey
            ? createWecomReceiver({ botToken: config.wecom.botToken, botAesKey: config.wecom.botAesKey }, receiverOpts)
            : undefined,
        cardReplies,
        dingtalk: config.dingtalk?.mode === 'http' ? createDingtalkReceiver(config.dingtalk, receiverOpts) : undefined,
        ledger: (f) => exportLedger(f, { tickets, directories, digests, calendar, timezone: config.timezone, now: now() }),
        async projectLedger() {
          const { projects, templateNames } = await projectService.reportProjects(await directory());
          const at = now();
          return buildProjectLedger(projects, { calendar, today: calendar.localDate(at), now: at.toISOString(), templateNames });
        },
        async visitLedger(f) {
          return (await exportVisitLedger(f, { visits, directories, timezone: config.timezone, now: now() })).buffer;
        },
        routers: simulator ? [workbench.router, simulator] : [workbench.router],
        metrics: config.metrics.port === undefined ? metrics : undefined,
        queueConsole: createQueueConsole(Object.values(producer.queues)),
        async ready() {
          const redisOk = await producerRedis.ping().then((r) => r === 'PONG').catch(() => false);
          return { mongodb: await store.ping(), redis: redisOk };
        },
        // this deployment's connections, wherever they run (this process, its worker process, other instances)
        connections: () => readConnectionStates(producerRedis, config.queuePrefix),
      });
      // with the simulator on, only XIAOER_SIMULATOR_HOST (default 127.0.0.1); otherwise every interface (webhooks)
      const server = await listen(app, config.http.port, sim?.host);
      // the simulator's WeCom long connection is served on the same port (XIAOER_SIMULATOR_WECOM=long-connection)
      simulatorServer?.attach(server);
      server.keepAliveTimeout = 5000;
      const addr = server.address();
      runtime.port = typeof addr === 'object' && addr ? addr.port : config.http.port;
      if (sim) runtime.simulatorUrl = sim.pageUrl(runtime.port);
      // first to stop: no new requests
      stack.push(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      );
      // before the server: the simulator's WeCom sockets would keep it from closing
      if (simulatorServer) stack.push(async () => simulatorServer.close());
    }

    // 7. workers and schedules (roles all and worker): the job processors (jobs/index.ts), then the recovery sweeps
    // and the recurring jobs (jobs/schedules.ts)
    if (workerChild) {
      // the same stores (the embedded ones this process started), the same deployment; the child claims its prefix
      // METRICS_PORT is this process's: the child's metrics reach it over IPC
      const child = startWorkerChild({ env: { MONGODB_URI: mongo.uri, REDIS_URL: redisServer.uri, XIAOER_QUEUE_PREFIX: givenConfig.queuePrefix, METRICS_PORT: '' },
        log,
        // the pair stops as one (main.ts); a host without the hook is told in the log
        onStopped: hooks.onWorkerStopped ?? (() => log.error('the worker process stopped; queued jobs wait until the bot is started again')),
      });
      workerChildHandle = child;
      stack.push(() => child.stop());
    }
    if (runsWorkers) {
      const workerRedis = createRedis(redisServer.uri, 'worker');
      workerRedis.on('error', (err) => log.warn({ err: { message: err.message } }, 'redis (worker) error'));
      // one services object for every job; each job declares the part it uses (jobs/services.ts)
      const deps: JobServices = {
        log,
        inbound,
        tickets,
        ticketService,
        projectService,
        projectPaths: createProjectPathRepository(store.conn),
        notices,
        digests,
        digestFolder,
        digestRuns,
        pendingReminders,
        directory,
        calendar,
        policy: config.policy,
        timezone: config.timezone,
        publicUrl,
        // (the simulator's clock is its own: it may stand before the deployment was made)
        ...(deployment.legacy || sim ? {} : { deployedAt: deployment.createdAt }),
        bot,
        producer,
        outbox,
        senders,
        now,
        withLock,
      };
      const host = startWorkers({
        connection: workerRedis,
        prefix: config.queuePrefix,
        jobs,
        deps,
        log,
        onFinalFailure: (job, err) => recordDeadLetter(job, err, { deadLetters, redis: producerRedis, prefix: config.queuePrefix, notices, directory, outbox, senders, log }),
      });
      stack.push(async () => {
        await host.close();
        workerRedis.disconnect();
      });
      const schedules = await startSchedules({
        producer,
        outbound: { messages: outboundMessages, outbox, producer, deadLetters, log },
        inbound: { inbound, producer, log },
        log,
        digestTime: config.policy.digest.time,
        timezone: config.timezone,
        digestFolder,
      });
      stack.push(async () => schedules.stop());
    }
    return runtime;
  } catch (err) {
    await stopAll();
    throw err;
  }
}
