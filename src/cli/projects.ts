import type { Command } from 'commander';
import { addExportCommand } from './export.js';
import { isoDate } from './format.js';
import { openProjectReports, withStore } from './open.js';

/** `xiaoer projects templates import | export`: 项目代办's approval-path templates; `xiaoer projects report`: the leaders' numbers. */
export function registerProjects(program: Command): void {
  const projects = program.command('projects').description('项目代办 / key projects: approval-path templates, the leaders\' reports');
  projects
    .command('report')
    .description('月调度 (month), 季观摩 (quarter) or 年验收 (year), as chat shows it or as JSON')
    .option('--period <period>', 'month | quarter | year', 'month')
    .option('--date <date>', 'a day of the period (YYYY-MM-DD); default today', isoDate)
    .option('--json', 'the figures as JSON')
    .action(async (opts: { period: string; date?: string; json?: boolean }) => {
      if (!['month', 'quarter', 'year'].includes(opts.period)) {
        console.error('--period 只能是 month、quarter 或 year');
        process.exitCode = 2;
        return;
      }
      await withStore(async (store, cfg) => {
        const [{ buildProjectReport }, render, { toPlainText }] = await Promise.all([
          import('../bot/project-service.js'),
          import('../platforms/project-render.js'),
          import('../messages/outbound.js'),
        ]);
        const { projects: list, calendar } = await openProjectReports(store, cfg);
        const today = calendar.localDate(new Date());
        const r = buildProjectReport(opts.period as 'month' | 'quarter' | 'year', list, today, calendar, opts.date ?? today);
        if (opts.json) {
          console.log(JSON.stringify(r.report, null, 2));
          return;
        }
        const message =
          r.kind === 'month' ? render.renderMonthlyReport(r.report) : r.kind === 'quarter' ? render.renderQuarterlyVisits(r.report) : render.renderYearlyReport(r.report);
        console.log(toPlainText(message));
      });
    });
  const templates = projects.command('templates').description('审批路径模板 / approval-path templates (items, departments, promised working days, dependencies)');
  templates
    .command('import')
    .description('replace the templates with a YAML, JSON or Excel (.xlsx) file; all or nothing')
    .argument('<file>')
    .action(async (file: string) => {
      await withStore(async (store) => {
        const [{ importProjectTemplatesFile }, { createProjectTemplateRepository }] = await Promise.all([
          import('../directory/project-templates-import.js'),
          import('../store/repositories/project.repository.js'),
        ]);
        const result = await importProjectTemplatesFile(file, createProjectTemplateRepository(store.conn), new Date());
        if (!result.ok) {
          console.error(`导入失败，项目模板未作任何修改（${result.problems.length} 处错误）：`);
          for (const p of result.problems) console.error(`  ${p}`);
          process.exitCode = 1;
          return;
        }
        if (!result.changed) {
          console.log(`项目模板与当前版本（v${result.version}）相同，未作修改。`);
          return;
        }
        console.log(`项目模板已更新为 v${result.version}：`);
        for (const t of result.templates) console.log(`  ${t.id} ${t.name}：${t.items} 个事项`);
      });
    });
  addExportCommand(templates, {
    description: 'write the templates as YAML (default), JSON or Excel',
    what: '项目模板',
    async read(store, format) {
      const [{ writeProjectTemplates }, { createProjectTemplateRepository }] = await Promise.all([
        import('../directory/project-templates.js'),
        import('../store/repositories/project.repository.js'),
      ]);
      const current = await createProjectTemplateRepository(store.conn).current();
      return current ? { version: current.version, content: await writeProjectTemplates(current.data, format) } : null;
    },
  });
}
