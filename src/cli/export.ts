import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { DirectoryFormat } from '../directory/formats.js';
import type { Store } from '../store/connect.js';
import { withStore } from './open.js';

/**
 * An `export` subcommand that writes stored, versioned data as YAML (default), JSON or Excel: `what` names it for
 * people ("名录", "项目模板"); `read` loads the current version (null: nothing imported yet) and writes it.
 */
export function addExportCommand(
  parent: Command,
  o: { description: string; what: string; read(store: Store, format: DirectoryFormat): Promise<{ version: number; content: Buffer } | null> },
): void {
  parent
    .command('export')
    .description(o.description)
    .option('--format <format>', 'yaml | json | xlsx', 'yaml')
    .option('--out <file>', 'write to a file instead of standard output (required for xlsx)')
    .action(async (opts: { format: string; out?: string }) => {
      if (!['yaml', 'json', 'xlsx'].includes(opts.format)) {
        console.error('--format 只能是 yaml、json 或 xlsx');
        process.exitCode = 2;
        return;
      }
      if (opts.format === 'xlsx' && !opts.out) {
        console.error(`导出 Excel 需要 --out 文件名，例如 --out ${o.what}.xlsx`);
        process.exitCode = 2;
        return;
      }
      await withStore(async (store) => {
        const current = await o.read(store, opts.format as DirectoryFormat);
        if (!current) {
          console.error(`尚未导入${o.what}。`);
          process.exitCode = 1;
          return;
        }
        if (opts.out) {
          await writeFile(opts.out, current.content);
          console.log(`已导出${o.what} v${current.version} 到 ${opts.out}`);
        } else process.stdout.write(current.content);
      });
    });
}
