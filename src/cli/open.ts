/**
 * What a command opens: the configuration always; the store and the queues only when the command needs them, and
 * then loaded on the spot (`await import`), so that a command without them never loads mongoose, BullMQ or Redis.
 */
import type { Redis } from 'ioredis';
import { ConfigError, loadConfig, type Config } from '../../config/index.js';
import type { DigestService } from '../digest/digest-service.js';
import type { BusinessCalendar } from '../domain/calendar.js';
import type { ReportProject } from '../domain/project-report.js';
import type { Producer } from '../queue/producer.js';
import type { Store } from '../store/connect.js';
import type { TicketRepository } from '../store/repositories/ticket.repository.js';

/** The configuration; a configuration error is printed and exits with code 2. */
export function config(): Readonly<Config> {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`配置错误 / configuration error: ${err.problems.map((p) => `${p.key}: ${p.problem}`).join('; ')}`);
      process.exit(2);
    }
    throw err;
  }
}

/** Opens the store: MONGODB_URI, the running bot's embedded FerretDB, or a temporary one on the same data. */
export async function withStore<T>(fn: (store: Store, cfg: Readonly<Config>) => Promise<T>): Promise<T> {
  const cfg = config();
  const [{ createLogger }, { openMongo }, { connectStore }] = await Promise.all([
    import('../shared/logger.js'),
    import('../infra/mongo.js'),
    import('../store/connect.js'),
  ]);
  const log = createLogger('warn');
  const mongo = await openMongo(cfg, log, true);
  const store = await connectStore(mongo.uri);
  try {
    return await fn(store, cfg);
  } finally {
    await store.close();
    await mongo.stop();
  }
}

/** The store and the queues (REDIS_URL, 127.0.0.1:6379, or the bot's own redis-server). */
export async function withQueues<T>(
  fn: (q: { producer: Producer; store: Store; redis: Redis; cfg: Readonly<Config> }) => Promise<T>,
): Promise<T> {
  return withStore(async (store, cfg) => {
    const [{ Redis }, { redisAnswers, runningEmbeddedRedis }, { deploymentPrefix, readDeployment }, { createProducer }] = await Promise.all([
      import('ioredis'),
      import('../infra/redis-server.js'),
      import('../infra/deployment.js'),
      import('../queue/producer.js'),
    ]);
    let url = cfg.redis.url;
    if (!cfg.redis.explicit && !(await redisAnswers(url))) url = (await runningEmbeddedRedis(cfg.dataDir)) ?? url;
    const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
    } catch {
      throw new Error(`Redis 无法连接（${url.replace(/\/\/[^@]*@/, '//')}）`);
    }
    // the deployment's own queues: XIAOER_QUEUE_PREFIX with the id the bot recorded in this database
    const queued = { ...cfg, queuePrefix: deploymentPrefix(cfg.queuePrefix, await readDeployment(store.conn)) };
    const producer = createProducer(redis, queued.queuePrefix);
    try {
      return await fn({ producer, store, redis, cfg: queued });
    } finally {
      await producer.close();
      redis.disconnect();
    }
  });
}

/** The store's tickets. */
export async function withTickets<T>(fn: (repo: TicketRepository, cfg: Readonly<Config>) => Promise<T>): Promise<T> {
  return withStore(async (store, cfg) => {
    const { createTicketRepository } = await import('../store/repositories/ticket.repository.js');
    return fn(createTicketRepository(store.conn), cfg);
  });
}

/** The digest service over an open store, on the configured calendar. */
export async function openDigests(store: Store, cfg: Readonly<Config>): Promise<DigestService> {
  const [{ createDigestService }, { createTicketRepository }, { createDirectoryRepository }, { createVisitRepository }, { calendarFromPolicy }] = await Promise.all([
    import('../digest/digest-service.js'),
    import('../store/repositories/ticket.repository.js'),
    import('../store/repositories/directory.repository.js'),
    import('../store/repositories/visit.repository.js'),
    import('../domain/calendar.js'),
  ]);
  return createDigestService({
    tickets: createTicketRepository(store.conn),
    directories: createDirectoryRepository(store.conn),
    calendar: calendarFromPolicy(cfg.timezone, cfg.policy),
    timezone: cfg.timezone,
    visits: createVisitRepository(store.conn),
  });
}

/** 项目代办's projects as the reports and the 项目台账 take them (read only), and the configured calendar. */
export async function openProjectReports(
  store: Store,
  cfg: Readonly<Config>,
): Promise<{ projects: ReportProject[]; templateNames: Record<string, string>; calendar: BusinessCalendar }> {
  const [{ loadReportProjects }, { createProjectPathRepository, createProjectTemplateRepository }, { createDirectoryRepository }, { calendarFromPolicy }] =
    await Promise.all([
      import('../bot/project-service.js'),
      import('../store/repositories/project.repository.js'),
      import('../store/repositories/directory.repository.js'),
      import('../domain/calendar.js'),
    ]);
  const directory = await createDirectoryRepository(store.conn).current();
  const loaded = await loadReportProjects({ paths: createProjectPathRepository(store.conn), templates: createProjectTemplateRepository(store.conn) }, directory);
  return { ...loaded, calendar: calendarFromPolicy(cfg.timezone, cfg.policy) };
}
