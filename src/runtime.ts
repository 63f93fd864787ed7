import type { Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.js';
import { handlers } from '../handlers/index.js';
import { digestTick, jobs, slaReconcile, type JobDeps } from '../jobs/index.js';
import { createOutbox } from './outbound/outbox.js';
import { recoverUnsent } from './outbound/recovery.js';
import { createOutboundMessageRepository } from './store/repositories/outbound-message.repository.js';
import { createTokenCache } from './outbound/token-cache.js';
import { createPacer, parsePaceLimit } from './queue/pacer.js';
import { createDeadLetterRepository } from './store/repositories/dead-letter.repository.js';
import { recordDeadLetter } from './outbound/dead-letters.js';
import { createBot } from './bot/bot.js';
import { createReportRefiner } from './llm/refine-report.js';
import { createIntake, recoverUnprocessed } from './bot/intake.js';
import { createTicketService } from './bot/ticket-service.js';
import { openMongo } from './infra/mongo.js';
import { ensureRedis } from './infra/redis-server.js';
import { claimPrefix, deploymentPrefix, ensureDeployment } from './infra/deployment.js';
import { startRetention } from './store/retention.js';
import { createDingtalkReceiver } from './platforms/dingtalk/receiver.js';
import { createDingtalkSender } from './platforms/dingtalk/sender.js';
import type { Sender } from './platforms/types.js';
import { createWecomReceiver } from './platforms/wecom/receiver.js';
import { createWecomSender } from './platforms/wecom/sender.js';
import { createRedis } from './queue/connection.js';
import { createProducer } from './queue/producer.js';
import { scheduleRecurring } from './queue/schedules.js';
import { startWorkers } from './queue/worker-host.js';
import { createHttpApp } from './server/app.js';
import type { Logger } from './shared/logger.js';
import { connectStore } from './store/connect.js';
import { createInboundRepository, SWEEP_GRACE_MS } from './store/repositories/inbound.repository.js';
import { createTicketRepository } from './store/repositories/ticket.repository.js';
import { createDirectoryRepository } from './store/repositories/directory.repository.js';
import { createLocker } from './queue/lock.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { validateDirectory } from './domain/directory.js';
import { projectRoot } from './infra/paths.js';
import { freePort } from './infra/process.js';
import { createSimClock, type SimClock } from './simulator/clock.js';
import { createSimulator, simulatorPlatforms } from './simulator/sim-server.js';
import { createNoticeRepository } from './store/repositories/notice.repository.js';
import { createDigestRunRepository } from './store/repositories/digest-run.repository.js';
import { createPendingReminderRepository } from './store/repositories/pending-reminder.repository.js';
import { createDigestService } from './digest/digest-service.js';
import { exportLedger } from './ledger/export.js';
import { calendarFromPolicy } from './domain/calendar.js';
import type { PlatformId } from './messages/inbound.js';

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

const SWEEP_EVERY_MS = 60_000;

/** An address to reach a server bound to `host` (a wildcard is reached on loopback). */
function reachableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** The composition root: data stores → repositories → bot → HTTP and workers. `stop()` undoes it in order. */
export async function startRuntime(givenConfig: Readonly<Config>, log: Logger): Promise<Runtime> {
  // the simulator: made-up credentials whose API bases are this process's own fake platform endpoints
  let config = givenConfig;
  let sim: { platforms: ReturnType<typeof simulatorPlatforms>; clock: SimClock; baseUrl: string } | null = null;
  if (givenConfig.simulator && givenConfig.role !== 'worker') {
    const port = givenConfig.http.port || (await freePort());
    // the simulator has no login: the server listens on XIAOER_SIMULATOR_HOST (loopback unless told otherwise)
    const baseUrl = `http://${urlHost(reachableHost(givenConfig.simulatorHost))}:${port}`;
    const platforms = simulatorPlatforms(baseUrl);
    config = { ...givenConfig, http: { port }, wecom: platforms.wecom, dingtalk: platforms.dingtalk };
    sim = { platforms, clock: createSimClock(givenConfig.timezone), baseUrl };
  }
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
    const mongo = await openMongo(config, log);
    stack.push(() => mongo.stop());
    const redisServer = await ensureRedis({
      url: config.redis.url,
      mayStart: !config.redis.explicit,
      dataDir: config.dataDir,
      log: (m) => log.info(m),
    });
    stack.push(() => redisServer.stop());

    const store = await connectStore(mongo.uri);
    stack.push(() => store.close());
    // the queues belong to this deployment (its database): a Redis that served another data folder is never inherited
    const deployment = await ensureDeployment(store.conn);
    config = { ...config, queuePrefix: deploymentPrefix(config.queuePrefix, deployment) };
    // raw payloads, done reminders and notices expire (TTL indexes where the server has them, a periodic delete always)
    const retention = await startRetention(store.conn, { days: config.inboundRetentionDays, log });
    stack.push(async () => retention.stop());
    const inbound = createInboundRepository(store.conn);
    const tickets = createTicketRepository(store.conn);
    const directories = createDirectoryRepository(store.conn);
    if (sim && !(await directories.currentData())) {
      const demo = validateDirectory(YAML.parse(readFileSync(join(projectRoot(), 'config', 'demo-directory.yaml'), 'utf8')));
      if (demo.ok) await directories.replace(demo.data, new Date());
      log.info('simulator: loaded the demo directory');
    }
    const calendar = calendarFromPolicy(config.timezone, config.policy);

    const producerRedis: Redis = createRedis(redisServer.uri, 'producer');
    producerRedis.on('error', (err) => log.warn({ err: { message: err.message } }, 'redis (producer) error'));
    stack.push(async () => void producerRedis.disconnect());
    await claimPrefix(producerRedis, config.queuePrefix, deployment.id);
    const producer = createProducer(producerRedis, config.queuePrefix);
    stack.push(() => producer.close());

    const withLock = createLocker(producerRedis, config.queuePrefix);
    const tokens = createTokenCache(producerRedis, config.queuePrefix, withLock);
    // the :00/:30 rule spreads load on WeCom's servers; the simulator's local endpoints need no such care (and a demo
    // would otherwise wait up to three real minutes for a digest sent at half past)
    const outboundMessages = createOutboundMessageRepository(store.conn);
    const outbox = createOutbox({
      producer,
      messages: outboundMessages,
      pacer: createPacer(producerRedis, config.queuePrefix, parsePaceLimit(config.outboundLimit)),
      avoidClockMarks: !sim,
    });
    const senders: Partial<Record<PlatformId, Sender>> = {};
    if (config.wecom) {
      senders.wecom = createWecomSender(config.wecom, {
        webhookKey: async (chatId) => (await directories.current()).group('wecom', chatId)?.webhookKey,
        tokens,
        rateLimitWaitMs: config.policy.outbound.wecomRateLimitWaitMs,
      });
    }
    if (config.dingtalk) senders.dingtalk = createDingtalkSender(config.dingtalk, { tokens, rateLimitWaitMs: config.policy.outbound.dingtalkRateLimitWaitMs });

    const ticketService = createTicketService({ tickets, withLock, calendar, policy: config.policy });
    const digests = createDigestService({ tickets, directories, calendar, timezone: config.timezone });
    const bot = createBot({
      handlers,
      digests,
      now,
      tickets: ticketService,
      directory: () => directories.current(),
      calendar,
      policy: config.policy,
      timezone: config.timezone,
      log,
      refiner: config.llm ? createReportRefiner(config.llm, log) : undefined,
      async send(cause, index, target, message) {
        await outbox.send(cause, index, target, message);
      },
    });

    const runtime: Runtime = { mongoUri: mongo.uri, queuePrefix: config.queuePrefix, stop: stopAll };

    if (config.role !== 'worker') {
      const receiverOpts = { botName: config.botName, windowSec: config.signatureWindowSec };
      const app = createHttpApp({
        config,
        log,
        intake: createIntake({ inbound, producer, log }),
        tickets,
        wecom: config.wecom ? createWecomReceiver(config.wecom, receiverOpts) : undefined,
        dingtalk: config.dingtalk ? createDingtalkReceiver(config.dingtalk, receiverOpts) : undefined,
        ledger: (f) => exportLedger(f, { tickets, directories, digests, calendar, timezone: config.timezone, now: now() }),
        routers: sim
          ? [
              createSimulator({
                baseUrl: sim.baseUrl,
                platforms: sim.platforms,
                botName: config.botName,
                clock: sim.clock,
                directory: () => directories.current(),
                isWorkingDay: (d) => calendar.isWorkingDay(d),
                digestTime: config.policy.digest.time,
                ticket: (no) => tickets.getByNo(no),
                async tick() {
                  await producer.enqueue(slaReconcile, { at: Date.now() });
                  await producer.enqueue(digestTick, { at: Date.now() });
                },
              }).router,
            ]
          : [],
        async ready() {
          const redisOk = await producerRedis.ping().then((r) => r === 'PONG').catch(() => false);
          return { mongodb: await store.ping(), redis: redisOk };
        },
      });
      // with the simulator on, only XIAOER_SIMULATOR_HOST (default 127.0.0.1); otherwise every interface (webhooks)
      const host = sim ? config.simulatorHost : undefined;
      const server: Server = await new Promise((resolve, reject) => {
        const s = app.listen(config.http.port, host, () => resolve(s));
        s.once('error', reject);
      });
      server.keepAliveTimeout = 5000;
      const addr = server.address();
      runtime.port = typeof addr === 'object' && addr ? addr.port : config.http.port;
      if (sim) runtime.simulatorUrl = `http://${urlHost(reachableHost(config.simulatorHost))}:${runtime.port}/simulator`;
      // first to stop: no new requests
      stack.push(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      );
    }

    if (config.role !== 'web') {
      const workerRedis = createRedis(redisServer.uri, 'worker');
      workerRedis.on('error', (err) => log.warn({ err: { message: err.message } }, 'redis (worker) error'));
      const deps: JobDeps = {
        log,
        inbound,
        tickets,
        ticketService,
        notices: createNoticeRepository(store.conn),
        digests,
        digestRuns: createDigestRunRepository(store.conn),
        pendingReminders: createPendingReminderRepository(store.conn),
        directory: () => directories.current(),
        calendar,
        policy: config.policy,
        timezone: config.timezone,
        bot,
        producer,
        outbox,
        senders,
        now,
        withLock,
      };
      const deadLetters = createDeadLetterRepository(store.conn);
      const host = startWorkers({
        connection: workerRedis,
        prefix: config.queuePrefix,
        jobs,
        deps,
        log,
        onFinalFailure: (job, err) => recordDeadLetter(job, err, { deadLetters, redis: producerRedis, prefix: config.queuePrefix, notices: deps.notices, directory: deps.directory, outbox, senders, log }),
      });
      stack.push(async () => {
        await host.close();
        workerRedis.disconnect();
      });
      // the recovery sweeps: bounded batches of what is due, one sweep at a time; at start, everything stored so far.
      // Outbound first (messages recorded but lost by Redis go out again, in their recorded order), then inbound
      // (messages handled again after a wipe answer after the answers queued before it)
      let sweeping = false;
      const sweep = async (dueBy: () => Date) => {
        if (sweeping) return;
        sweeping = true;
        try {
          await recoverUnsent({ messages: outboundMessages, outbox, producer, deadLetters, log }, dueBy()).catch((err: Error) =>
            log.error({ err: { message: err.message } }, 'outbound recovery sweep failed'),
          );
          await recoverUnprocessed({ inbound, producer, log }, dueBy());
        } catch (err) {
          log.error({ err: { message: (err as Error).message } }, 'recovery sweep failed');
        } finally {
          sweeping = false;
        }
      };
      await sweep(() => new Date(Date.now() + SWEEP_GRACE_MS));
      // recurring jobs (attempts, backoff, removal of finished runs): the SLA reconcile every minute, which also
      // catches up a missed digest, and the digest tick at the configured local time; and a reconcile now
      await scheduleRecurring(producer, { digestTime: config.policy.digest.time, timezone: config.timezone });
      await producer.enqueue(slaReconcile, { at: Date.now() });
      const timer = setInterval(() => void sweep(() => new Date()), SWEEP_EVERY_MS);
      timer.unref();
      stack.push(async () => clearInterval(timer));
    }
    return runtime;
  } catch (err) {
    await stopAll();
    throw err;
  }
}
