import type { Command } from 'commander';
import { PERIODS, type Period } from '../domain/digest.js';
import { instantOption, isoDate } from './format.js';
import { openDigests, openProjectReports, withStore } from './open.js';

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
