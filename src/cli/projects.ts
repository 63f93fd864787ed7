import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { DirectoryFormat } from '../directory/formats.js';
import { withStore } from './open.js';

/** `xiaoer projects templates import | export`: 项目代办's approval-path templates. */
export function registerProjects(program: Command): void {
  const projects = program.command('projects').description('项目代办 / key projects: approval-path templates');
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
