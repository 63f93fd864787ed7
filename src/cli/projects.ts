import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { DirectoryFormat } from '../directory/formats.js';
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
  templates
    .command('export')
    .description('write the templates as YAML (default), JSON or Excel')
    .option('--format <format>', 'yaml | json | xlsx', 'yaml')
    .option('--out <file>', 'write to a file instead of standard output (required for xlsx)')
    .action(async (opts: { format: string; out?: string }) => {
      if (!['yaml', 'json', 'xlsx'].includes(opts.format)) {
        console.error('--format 只能是 yaml、json 或 xlsx');
        process.exitCode = 2;
        return;
      }
      if (opts.format === 'xlsx' && !opts.out) {
        console.error('导出 Excel 需要 --out 文件名，例如 --out 项目模板.xlsx');
        process.exitCode = 2;
        return;
      }
      await withStore(async (store) => {
        const [{ writeProjectTemplates }, { createProjectTemplateRepository }] = await Promise.all([
          import('../directory/project-templates.js'),
          import('../store/repositories/project.repository.js'),
        ]);
        const current = await createProjectTemplateRepository(store.conn).current();
        if (!current) {
          console.error('尚未导入项目模板。');
          process.exitCode = 1;
          return;
        }
        const buf = await writeProjectTemplates(current.data, opts.format as DirectoryFormat);
        if (opts.out) {
          await writeFile(opts.out, buf);
          console.log(`已导出项目模板 v${current.version} 到 ${opts.out}`);
        } else process.stdout.write(buf);
      });
    });
}
