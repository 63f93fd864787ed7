import type { Command } from 'commander';
import { PERIODS, type Period } from '../domain/digest.js';
import { instantOption, isoDate } from './format.js';
import { openDigests, openProjectReports, withQueues, withStore } from './open.js';

/** `xiaoer digest`: the leaders' digest of a day, week, month or year. */
export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description('the leaders\' digest as text, or JSON with every number')
    .option('--period <period>', PERIODS.join(' | '), 'day')
    .option('--date <date>', 'a local date inside the period (default: today)', isoDate)
    .option('--json', 'JSON output')
    .option('--at <instant>', 'as of this ISO-8601 instant (default now): what a digest sent then showed')
    .action(async (opts: { period: string; date?: string; json?: boolean; at?: string }) => {
      const at = instantOption(opts.at);
      if (at === null) return;
      if (!(PERIODS as readonly string[]).includes(opts.period)) {
        console.error('--period 只能是 day、week、month 或 year');
        process.exitCode = 2;
        return;
      }
      await withStore(async (store, cfg) => {
        const [{ renderDigest }, { toPlainText }] = await Promise.all([import('../platforms/digest-render.js'), import('../messages/outbound.js')]);
        const digests = await openDigests(store, cfg);
        const now = new Date(at);
        const model = await digests.build(digests.range(opts.period as Period, opts.date, now), now);
        if (opts.json) {
          // the key projects (项目代办): 月调度 of the month holding the period's last day; 年验收 for a year
          const [{ buildProjectReport }, { projects, calendar }] = await Promise.all([import('../bot/project-service.js'), openProjectReports(store, cfg)]);
          const lastDay = calendar.localDate(new Date(Date.parse(model.period.end) - 1));
          const report = buildProjectReport(opts.period === 'year' ? 'year' : 'month', projects, calendar.localDate(now), calendar, lastDay);
          // the visits as the workbench serves them: figures and names, no visit's notes, problems or chat ids
          const { visitsView } = await import('../workbench/views.js');
          console.log(JSON.stringify({ ...model, ...(model.visits ? { visits: visitsView(model.visits) } : {}), projects: report.report }, null, 2));
        } else console.log(toPlainText(renderDigest(model)));
      });
    });
}

/** `xiaoer digest-summaries check | rebuild`: the digest's per-day summaries against a full recount (issue 18). */
export function registerDigestSummaries(program: Command): void {
  const cmd = program.command('digest-summaries').description('the digest\'s per-day summaries: check them against a full recount, or rebuild them');
  const open = async <T>(fn: (folder: import('../digest/digest-fold.js').DigestFolder) => Promise<T>) =>
    withQueues(async ({ store, redis, cfg }) => {
      const [{ createDigestFolder }, { createDigestSummaryRepository }, { createTicketRepository }, { createLocker }, { createLogger }] = await Promise.all([
        import('../digest/digest-fold.js'),
        import('../store/repositories/digest-summary.repository.js'),
        import('../store/repositories/ticket.repository.js'),
        import('../queue/lock.js'),
        import('../shared/logger.js'),
      ]);
      const folder = createDigestFolder({
        summaries: createDigestSummaryRepository(store.conn),
        tickets: createTicketRepository(store.conn),
        redis,
        prefix: cfg.queuePrefix,
        withLock: createLocker(redis, cfg.queuePrefix),
        timezone: cfg.timezone,
        log: createLogger('silent'),
      });
      return fn(folder);
    });
  cmd
    .command('check')
    .description('recount every ticket and compare with the stored days; --repair rebuilds when they differ')
    .option('--repair', 'rebuild the summaries when they differ')
    .action(async (opts: { repair?: boolean }) => {
      await open(async (folder) => {
        const r = await folder.check({ repair: opts.repair });
        console.log(`工单 ${r.tickets} 件，${r.days} 天：${r.differing.length ? `${r.differing.length} 项与重算不符` : '与重算一致'}${r.repaired ? '，已重建' : ''}`);
        for (const d of r.differing.slice(0, 20)) console.log(`  ${d.day} ${d.key}: 存 ${d.stored} · 重算 ${d.recounted}`);
        if (r.differing.length && !r.repaired) process.exitCode = 1;
      });
    });
  cmd
    .command('rebuild')
    .description('recount the summaries from every ticket and replace them')
    .action(async () => {
      await open(async (folder) => {
        const r = await folder.rebuild();
        console.log(`已重建：工单 ${r.tickets} 件，${r.days} 天，用时 ${(r.ms / 1000).toFixed(1)} 秒`);
      });
    });
}
