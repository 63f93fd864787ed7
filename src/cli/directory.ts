import type { Command } from 'commander';
import { addExportCommand } from './export.js';
import { withStore } from './open.js';

/** `xiaoer directory import | export`: the people, enterprises, projects, departments and groups. */
export function registerDirectory(program: Command): void {
  const directory = program.command('directory').description('名录 / directory: people, enterprises, projects, departments, groups');
  directory
    .command('import')
    .description('replace the directory with a YAML, JSON or Excel (.xlsx) file; all or nothing')
    .argument('<file>')
    .action(async (file: string) => {
      await withStore(async (store) => {
        const [{ importDirectoryFile }, { createDirectoryRepository }] = await Promise.all([
          import('../directory/import.js'),
          import('../store/repositories/directory.repository.js'),
        ]);
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
  addExportCommand(directory, {
    description: 'write the directory as YAML (default), JSON or Excel',
    what: '名录',
    async read(store, format) {
      const [{ writeDirectory }, { createDirectoryRepository }] = await Promise.all([
        import('../directory/formats.js'),
        import('../store/repositories/directory.repository.js'),
      ]);
      const current = await createDirectoryRepository(store.conn).currentData();
      return current ? { version: current.version, content: await writeDirectory(current.data, format) } : null;
    },
  });
}
