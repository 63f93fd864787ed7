import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { DateTime } from 'luxon';
import { ConfigError, loadConfig, type Config } from '../config/index.js';
import { parseLine, toParseOutput } from './domain/parse/parse-lines.js';
import { parseMessage } from './domain/parse/parse.js';
import { stripBotMention } from './messages/inbound.js';
import { CATEGORIES, EVENT_LABELS, isOverdue, TICKET_STATUSES, type Ticket, type TicketStatus } from './domain/ticket.js';
import type { BusinessCalendar } from './domain/calendar.js';
import { ensureFerretdb } from './infra/ferretdb.js';
import { createCalendar, openMongo } from './runtime.js';
import { pendingSteps, STEP_LABELS } from './domain/sla.js';
import { recipientsFor } from './domain/escalation.js';
import { createDigestService } from './digest/digest-service.js';
import { renderDigest } from './domain/digest-render.js';
import { toPlainText } from './messages/outbound.js';
import { exportLedger } from './ledger/export.js';
import { Redis } from 'ioredis';
import { sendMessage } from '../jobs/send-message.job.js';
import { destinationOf } from './outbound/outbox.js';
import { DEAD_LETTER_METRIC } from './outbound/dead-letters.js';
import { redisAnswers, runningEmbeddedRedis } from './infra/redis-server.js';
import { createProducer, type Producer } from './queue/producer.js';
import { createDeadLetterRepository } from './store/repositories/dead-letter.repository.js';
import type { OutboundTarget } from './messages/outbound.js';
import { createLogger } from './shared/logger.js';
import { connectStore, type Store } from './store/connect.js';
import { deploymentPrefix, readDeployment } from './infra/deployment.js';
import { createDirectoryRepository } from './store/repositories/directory.repository.js';
import { importDirectoryFile } from './directory/import.js';
import { writeDirectory, type DirectoryFormat } from './directory/formats.js';
import { writeFile } from 'node:fs/promises';
import { createTicketRepository, type TicketRepository } from './store/repositories/ticket.repository.js';

function config(): Readonly<Config> {
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
async function withStore<T>(fn: (store: Store, cfg: Readonly<Config>) => Promise<T>): Promise<T> {
  const cfg = config();
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
async function withQueues<T>(fn: (q: { producer: Producer; store: Store; redis: Redis; cfg: Readonly<Config> }) => Promise<T>): Promise<T> {
  return withStore(async (store, cfg) => {
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

const withTickets = <T>(fn: (repo: TicketRepository, cfg: Readonly<Config>) => Promise<T>) =>
  withStore((store, cfg) => fn(createTicketRepository(store.conn), cfg));

const positiveInt = (v: string) => {
  const n = Number(v.replace(/^[#＃]/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('需要正整数 / a positive whole number');
  return n;
};

const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !DateTime.fromISO(v).isValid) throw new InvalidArgumentError('需要 YYYY-MM-DD 日期');
  return v;
};

function localTime(iso: string, tz: string): string {
  return DateTime.fromISO(iso, { zone: tz }).toFormat('yyyy-MM-dd HH:mm');
}

function digestService(store: Store, cfg: Readonly<Config>) {
  return createDigestService({
    tickets: createTicketRepository(store.conn),
    directories: createDirectoryRepository(store.conn),
    calendar: createCalendar(cfg),
    timezone: cfg.timezone,
  });
}

/** The current answer deadline as a local date, marked when 超期 at `now` (isOverdue). */
function dueLabel(t: Ticket, cal: BusinessCalendar, now: string): string {
  return `${cal.localDate(t.resolutionDueAt)}${isOverdue(t, now) ? '（已超期）' : ''}`;
}

function ticketLine(t: Ticket, cal: BusinessCalendar, now: string): string {
  const urgent = t.urgency === 'urgent' ? '紧急' : '一般';
  return [
    `#${t.no}`.padEnd(6),
    TICKET_STATUSES[t.status],
    CATEGORIES[t.category].padEnd(6, '　'),
    urgent,
    `时限 ${dueLabel(t, cal, now)}`,
    t.enterprise ?? '—',
    t.summary,
  ].join('  ');
}

/** `--at`: an ISO-8601 instant (default now); an invalid one is a usage error (null). */
function instantOption(at: string | undefined): string | null {
  if (at === undefined) return new Date().toISOString();
  if (Number.isNaN(Date.parse(at)) || !DateTime.fromISO(at).isValid) {
    console.error('--at 需要 ISO-8601 时间，例如 2026-12-01T09:30:00+08:00');
    process.exitCode = 2;
    return null;
  }
  return new Date(at).toISOString();
}

function ticketDetail(t: Ticket, tz: string, cal: BusinessCalendar, now: string): string {
  const lines = [
    `#${t.no}  ${TICKET_STATUSES[t.status]}`,
    `摘要：${t.summary}`,
    `企业：${t.enterprise ?? '—'}`,
    `类别：${CATEGORIES[t.category]}${t.needsTriage ? '（待人工确认）' : ''}`,
    `紧急程度：${t.urgency === 'urgent' ? '紧急' : '一般'}`,
    `办理时限：${dueLabel(t, cal, now)}${t.requestedDate ? `（企业要求 ${t.requestedDate}）` : ''}`,
    `责任人：${t.assignee ? t.assignee.name : '待派单'}`,
    `反映人：${t.reporter.name ?? t.reporter.id}（${t.platform === 'wecom' ? '企业微信' : '钉钉'} · ${t.chatId}）`,
    `受理时间：${localTime(t.createdAt, tz)}`,
    `原文：${t.text}`,
    '记录：',
    ...t.events.map((e) => `  ${localTime(e.at, tz)}  ${EVENT_LABELS[e.type] ?? e.type}${e.by ? `  ${e.by.name ?? e.by.id}` : ''}${e.note ? `  ${e.note}` : ''}`),
  ];
  return lines.join('\n');
}

export function buildCli(): Command {
  const program = new Command('xiaoer').description('店小二 — 企业诉求闭环机器人').showHelpAfterError();

  program
    .command('serve')
    .description('start the bot (same as npm start)')
    .action(async () => {
      const { main } = await import('./main.js');
      await main();
    });

  program
    .command('setup')
    .description('install what local runs need')
    .argument('<what>', 'ferretdb')
    .action(async (what: string) => {
      if (what !== 'ferretdb') throw new InvalidArgumentError('only "ferretdb" can be set up');
      const cfg = config();
      const bin = await ensureFerretdb(cfg.ferretdbBin, (m) => console.log(m));
      console.log(`FerretDB ready: ${bin}`);
    });

  program
    .command('parse')
    .description('read messages: JSON lines {"id","text"} on stdin, or one message as an argument; one JSON line out per message')
    .argument('[message]', 'one message to parse')
    .option('--now <iso>', 'the messages\' own time (ISO-8601); default: now')
    .action(async (message: string | undefined, opts: { now?: string }) => {
      const cfg = config();
      const now = opts.now ?? new Date().toISOString();
      if (Number.isNaN(Date.parse(now)) || !DateTime.fromISO(now).isValid) {
        console.error('--now 需要 ISO-8601 时间，例如 2026-11-23T09:30:00+08:00');
        process.exitCode = 2;
        return;
      }
      if (message !== undefined) {
        const text = stripBotMention(message, cfg.botName, false).text;
        console.log(JSON.stringify(toParseOutput(null, parseMessage(text, now, createCalendar(cfg)))));
        return;
      }
      const cal = createCalendar(cfg);
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.trim()) continue;
        process.stdout.write(`${JSON.stringify(parseLine(line, now, cal, cfg.botName))}\n`);
      }
    });

  const directory = program.command('directory').description('名录 / directory: people, enterprises, projects, departments, groups');
  directory
    .command('import')
    .description('replace the directory with a YAML, JSON or Excel (.xlsx) file; all or nothing')
    .argument('<file>')
    .action(async (file: string) => {
      await withStore(async (store) => {
        const result = await importDirectoryFile(file, createDirectoryRepository(store.conn), new Date());
        if (!result.ok) {
          console.error(`导入失败，名录未作任何修改（${result.problems.length} 处错误）：`);
          for (const p of result.problems) console.error(`  ${p}`);
          process.exitCode = 1;
          return;
        }
        const { summary } = result;
        if (!summary.changed) {
          console.log(`名录与当前版本（v${summary.version}）相同，未作修改。`);
          return;
        }
        const labels = { people: '人员', enterprises: '企业', projects: '项目', departments: '部门', groups: '群' } as const;
        console.log(`名录已更新为 v${summary.version}：`);
        for (const [k, c] of Object.entries(summary.counts)) {
          console.log(`  ${labels[k as keyof typeof labels]}：新增 ${c.added}，更新 ${c.updated}，删除 ${c.removed}`);
        }
      });
    });
  directory
    .command('export')
    .description('write the directory as YAML (default), JSON or Excel')
    .option('--format <format>', 'yaml | json | xlsx', 'yaml')
    .option('--out <file>', 'write to a file instead of standard output (required for xlsx)')
    .action(async (opts: { format: string; out?: string }) => {
      if (!['yaml', 'json', 'xlsx'].includes(opts.format)) {
        console.error('--format 只能是 yaml、json 或 xlsx');
        process.exitCode = 2;
        return;
      }
      if (opts.format === 'xlsx' && !opts.out) {
        console.error('导出 Excel 需要 --out 文件名，例如 --out 名录.xlsx');
        process.exitCode = 2;
        return;
      }
      await withStore(async (store) => {
        const current = await createDirectoryRepository(store.conn).currentData();
        if (!current) {
          console.error('尚未导入名录。');
          process.exitCode = 1;
          return;
        }
        const buf = await writeDirectory(current.data, opts.format as DirectoryFormat);
        if (opts.out) {
          await writeFile(opts.out, buf);
          console.log(`已导出名录 v${current.version} 到 ${opts.out}`);
        } else process.stdout.write(buf);
      });
    });

  const calendar = program.command('calendar').description('工作日历 / working-day calendar (statutory holidays, 调休, overrides)');
  calendar
    .command('add-working-days')
    .description('print the date N working days after a date')
    .requiredOption('--from <date>', 'YYYY-MM-DD', isoDate)
    .requiredOption('--days <n>', 'working days', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('需要非负整数');
      return n;
    })
    .action((opts: { from: string; days: number }) => {
      console.log(createCalendar(config()).addWorkingDays(opts.from, opts.days));
    });
  calendar
    .command('is-working-day')
    .description('print yes or no')
    .argument('<date>', 'YYYY-MM-DD', isoDate)
    .action((date: string) => {
      console.log(createCalendar(config()).isWorkingDay(date) ? 'yes' : 'no');
    });

  program
    .command('sla')
    .description('SLA reminders and escalations')
    .command('preview')
    .description('list what would fire at an instant (ticket, step, recipient) without sending anything')
    .requiredOption('--at <iso>', 'ISO-8601 instant, e.g. 2026-11-30T09:30:00+08:00')
    .option('--json', 'JSON output')
    .action(async (opts: { at: string; json?: boolean }) => {
      if (!DateTime.fromISO(opts.at).isValid) {
        console.error('--at 需要 ISO-8601 时间，例如 2026-11-30T09:30:00+08:00');
        process.exitCode = 2;
        return;
      }
      const at = DateTime.fromISO(opts.at).toUTC().toISO()!;
      await withStore(async (store, cfg) => {
        const cal = createCalendar(cfg);
        const dir = await createDirectoryRepository(store.conn).current();
        const due = await createTicketRepository(store.conn).listDue(at, 10_000);
        const rows = due.flatMap((t) =>
          pendingSteps(t, cal, cfg.policy)
            .filter((step) => step.at <= at)
            .map((step) => ({
              ticket: t.no,
              step: step.kind,
              label: STEP_LABELS[step.kind],
              at: step.at,
              recipients: recipientsFor(step.target, t, dir).map((p) => ({ personId: p.personId, name: p.name })),
            })),
        );
        if (opts.json) console.log(JSON.stringify(rows, null, 2));
        else if (rows.length === 0) console.log('该时刻没有待发送的提醒或督办。');
        else {
          for (const r of rows) {
            console.log(`#${r.ticket}  ${r.label}  ${localTime(r.at, cfg.timezone)}  → ${r.recipients.map((p) => p.name).join('、') || '（无接收人）'}`);
          }
        }
      });
    });

  program
    .command('digest')
    .description('the leaders\' digest as text, or JSON with every number')
    .option('--period <period>', 'day | week | month', 'day')
    .option('--date <date>', 'a local date inside the period (default: today)', isoDate)
    .option('--json', 'JSON output')
    .action(async (opts: { period: string; date?: string; json?: boolean }) => {
      if (!['day', 'week', 'month'].includes(opts.period)) {
        console.error('--period 只能是 day、week 或 month');
        process.exitCode = 2;
        return;
      }
      await withStore(async (store, cfg) => {
        const digests = digestService(store, cfg);
        const now = new Date();
        const model = await digests.build(digests.range(opts.period as 'day' | 'week' | 'month', opts.date, now), now);
        if (opts.json) console.log(JSON.stringify(model, null, 2));
        else console.log(toPlainText(renderDigest(model)));
      });
    });

  program
    .command('ledger')
    .description('问题台账 / the issue ledger')
    .command('export')
    .description('write the ledger as an Excel workbook')
    .requiredOption('--out <file>', 'e.g. 问题台账.xlsx')
    .option('--from <date>', 'created on or after (YYYY-MM-DD)', isoDate)
    .option('--to <date>', 'created on or before (YYYY-MM-DD)', isoDate)
    .option('--status <status>', `one of ${Object.keys(TICKET_STATUSES).join(', ')}`)
    .action(async (opts: { out: string; from?: string; to?: string; status?: string }) => {
      if (opts.status && !(opts.status in TICKET_STATUSES)) {
        console.error(`未知状态 ${opts.status}；可选：${Object.keys(TICKET_STATUSES).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      await withStore(async (store, cfg) => {
        const buf = await exportLedger(
          { from: opts.from, to: opts.to, status: opts.status as TicketStatus | undefined },
          { tickets: createTicketRepository(store.conn), directories: createDirectoryRepository(store.conn), digests: digestService(store, cfg), calendar: createCalendar(cfg), timezone: cfg.timezone, now: new Date() },
        );
        await writeFile(opts.out, buf);
        console.log(`已导出问题台账到 ${opts.out}`);
      });
    });

  const outbound = program.command('outbound').description('发送队列 / outbound sends');
  outbound
    .command('status')
    .description('queued, delayed, failed and dead-lettered sends per destination')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) => {
      await withQueues(async ({ producer, store, redis, cfg }) => {
        const rows = new Map<string, { queued: number; delayed: number; active: number; failed: number; deadLettered: number }>();
        const row = (d: string) => rows.get(d) ?? rows.set(d, { queued: 0, delayed: 0, active: 0, failed: 0, deadLettered: 0 }).get(d)!;
        for (const [state, field] of [['waiting', 'queued'], ['delayed', 'delayed'], ['active', 'active'], ['failed', 'failed']] as const) {
          for (const job of await producer.queues.outbound.getJobs([state], 0, 10_000)) {
            if (job?.data?.target) row(destinationOf(job.data.target as OutboundTarget))[field]++;
          }
        }
        const dead = await createDeadLetterRepository(store.conn).list();
        for (const d of dead) row(d.destination).deadLettered++;
        const total = Number((await redis.get(`${cfg.queuePrefix}:${DEAD_LETTER_METRIC}`)) ?? 0);
        const list = [...rows.entries()].map(([destination, r]) => ({ destination, ...r })).sort((a, b) => a.destination.localeCompare(b.destination));
        if (opts.json) {
          console.log(JSON.stringify({ destinations: list, deadLetters: dead.map((d) => ({ id: d._id, destination: d.destination, error: d.error, at: d.at })), deadLetteredTotal: total }, null, 2));
          return;
        }
        if (list.length === 0) console.log('发送队列为空，没有失败的消息。');
        for (const r of list) console.log(`${r.destination}  排队 ${r.queued} · 延时 ${r.delayed} · 发送中 ${r.active} · 失败重试中 ${r.failed} · 死信 ${r.deadLettered}`);
        for (const d of dead) console.log(`死信 ${d._id}  ${d.destination}  ${String(d.error.errcode ?? d.error.code ?? '')} ${d.error.message}`);
      });
    });
  outbound
    .command('retry')
    .description('re-queue a dead-lettered send')
    .argument('<id>', 'the dead letter id shown by outbound status')
    .action(async (id: string) => {
      await withQueues(async ({ producer, store }) => {
        const repo = createDeadLetterRepository(store.conn);
        const d = await repo.get(id);
        if (!d || d.retried) {
          console.error(`没有待处理的死信 ${id}。`);
          process.exitCode = 1;
          return;
        }
        const job = await producer.queues.outbound.getJob(id);
        if (job && (await job.isFailed())) await job.retry('failed');
        else await producer.enqueue(sendMessage, sendMessage.data.parse(d.data));
        await repo.markRetried(id);
        console.log(`已重新排队 ${id}。`);
      });
    });

  const tickets = program.command('tickets').description('工单 / tickets');
  tickets
    .command('list')
    .description('list tickets, newest first')
    .option('--json', 'JSON output')
    .option('--status <status>', `one of ${Object.keys(TICKET_STATUSES).join(', ')}`)
    .option('--enterprise <name>', 'enterprise name')
    .option('--since <date>', 'created on or after (ISO-8601)')
    .option('--limit <n>', 'at most n tickets', positiveInt, 200)
    .option('--at <iso>', 'the instant at which 超期 is judged (ISO-8601); default: now')
    .action(async (opts: { json?: boolean; status?: string; enterprise?: string; since?: string; limit: number; at?: string }) => {
      if (opts.status && !(opts.status in TICKET_STATUSES)) {
        console.error(`未知状态 ${opts.status}；可选：${Object.keys(TICKET_STATUSES).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      if (opts.since && Number.isNaN(Date.parse(opts.since))) {
        console.error('--since 需要 ISO-8601 日期，例如 2026-11-01');
        process.exitCode = 2;
        return;
      }
      const at = instantOption(opts.at);
      if (!at) return;
      await withTickets(async (repo, cfg) => {
        const list = await repo.list({
          status: opts.status as TicketStatus | undefined,
          enterprise: opts.enterprise,
          since: opts.since ? new Date(opts.since).toISOString() : undefined,
          limit: opts.limit,
        });
        if (opts.json) console.log(JSON.stringify(list, null, 2));
        else if (list.length === 0) console.log('暂无工单。');
        else {
          const cal = createCalendar(cfg);
          console.log(list.map((t) => ticketLine(t, cal, at)).join('\n'));
        }
      });
    });
  tickets
    .command('show')
    .description('one ticket with its history')
    .argument('<no>', 'ticket number, e.g. 17 or #17', positiveInt)
    .option('--json', 'JSON output')
    .option('--at <iso>', 'the instant at which 超期 is judged (ISO-8601); default: now')
    .action(async (no: number, opts: { json?: boolean; at?: string }) => {
      const at = instantOption(opts.at);
      if (!at) return;
      await withTickets(async (repo, cfg) => {
        const t = await repo.getByNo(no);
        if (!t) {
          console.error(`未找到工单 #${no}。`);
          process.exitCode = 1;
          return;
        }
        console.log(opts.json ? JSON.stringify(t, null, 2) : ticketDetail(t, cfg.timezone, createCalendar(cfg), at));
      });
    });

  return program;
}

await buildCli().parseAsync(process.argv);
