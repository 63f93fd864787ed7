import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { isoDate } from './format.js';
import { withStore } from './open.js';

/** `xiaoer backup | restore | migrate | audit`: what the IT team runs to keep the deployment (README, 运维). */
export function registerOps(program: Command): void {
  program
    .command('backup')
    .description('备份 / back up every collection of the database (mongodump layout: DIR/<db>/<collection>.bson + .metadata.json)')
    .requiredOption('--out <dir>', 'the folder to write (created when missing)')
    .action(async (opts: { out: string }) => {
      await withStore(async (store) => {
        const { backupDatabase } = await import('../store/backup.js');
        const r = await backupDatabase(store.conn.db!, opts.out, (c) => console.log(`${c.collection}: ${c.documents} 条文档，${c.indexes} 个索引`));
        const total = r.collections.reduce((n, c) => n + c.documents, 0);
        console.log(`已备份数据库 ${r.database}（${r.collections.length} 个集合，${total} 条文档）到 ${r.dir}`);
      });
    });
  program
    .command('restore')
    .description('恢复 / restore a backup (xiaoer backup or mongodump) into an empty deployment')
    .argument('<dir>', 'the backup folder (DIR given to --out, or its <db> folder)')
    .option('--drop', 'replace the collections of the backup that already hold data')
    .option('--from-db <name>', 'the database folder to restore when DIR holds several')
    .action(async (dir: string, opts: { drop?: boolean; fromDb?: string }) => {
      await withStore(async (store) => {
        const { findDumpFolder, firstSavedDocument, restoreDatabase, RestoreError } = await import('../store/backup.js');
        try {
          const folder = await findDumpFolder(dir, opts.fromDb);
          // a deployment identity of its own, written before any data (a restore cut short never carries the
          // original's): a restored copy never shares the original's queues on one Redis
          const { renewDeployment } = await import('../infra/deployment.js');
          const previous = ((await firstSavedDocument(folder, 'deployment'))?.id as string | undefined) ?? null;
          let identity: { id: string } | null = null;
          const counts = await restoreDatabase(store.conn.db!, folder, {
            skip: ['deployment'],
            beforeWrite: async () => {
              identity = await renewDeployment(store.conn.db!, previous);
            },
            drop: opts.drop,
            onCollection: (c) => console.log(`${c.collection}: ${c.documents} 条文档，${c.indexes} 个索引`),
            onWarning: (m) => console.error(`注意：${m}`),
          });
          const total = counts.reduce((n, c) => n + c.documents, 0);
          console.log(`已从 ${folder} 恢复 ${counts.length} 个集合，${total} 条文档，到数据库 ${store.conn.db!.databaseName}`);
          console.log(`部署标识：${identity!.id}${previous ? `（备份中为 ${previous}；队列不与原部署共用，待办任务启动时从数据库重建）` : ''}`);
        } catch (err) {
          if (!(err instanceof RestoreError)) throw err;
          console.error(err.message);
          process.exitCode = 1;
        }
      });
    });
  program
    .command('migrate')
    .description('升级 / run the schema migrations not yet run (the bot also runs them at start)')
    .option('--status', 'show the schema version, the migrations run and pending, and the lock; change nothing')
    .option('--wait <seconds>', 'wait this long for another process running migrations', (v) => Number(v), 0)
    .action(async (opts: { status?: boolean; wait: number }) => {
      await withStore(async (store) => {
        const { migrationStatus, runMigrations, MigrationLockedError, SchemaTooNewError } = await import('../store/migrations.js');
        if (opts.status) {
          const s = await migrationStatus(store.conn);
          console.log(`数据库结构版本：${s.version}（本版本最高 ${s.latest}）`);
          for (const a of s.applied) console.log(`  已执行 ${a.version} ${a.name}  ${a.at.toISOString()}  ${a.ms} ms  ${JSON.stringify(a.result)}`);
          for (const p of s.pending) console.log(`  待执行 ${p.version} ${p.name}`);
          if (s.lock) console.log(`锁：${s.lock.owner}，${s.lock.expired ? '已过期' : '有效至'} ${s.lock.expiresAt.toISOString()}`);
          if (s.version > s.latest) process.exitCode = 1;
          return;
        }
        try {
          const r = await runMigrations(store.conn, { waitMs: opts.wait * 1000, log: (f, m) => console.error(JSON.stringify({ msg: m, ...f })) });
          if (!r.ran.length) console.log(`数据库结构已是最新（版本 ${r.to}），无需升级。`);
          else {
            for (const m of r.ran) console.log(`已执行 ${m.version} ${m.name}（${m.ms} ms）${JSON.stringify(m.result)}`);
            console.log(`数据库结构版本 ${r.from} → ${r.to}`);
          }
        } catch (err) {
          if (!(err instanceof MigrationLockedError) && !(err instanceof SchemaTooNewError)) throw err;
          console.error(err instanceof MigrationLockedError ? `另一个进程正在升级（${err.holder.owner}）：稍后再试，或加 --wait 秒数。` : err.message);
          process.exitCode = 1;
        }
      });
    });
  program
    .command('audit')
    .description('审计导出 / every change in a date range (who, when, what, which message), phone numbers masked')
    .requiredOption('--from <date>', 'first local date (YYYY-MM-DD)', isoDate)
    .requiredOption('--to <date>', 'last local date, inclusive (YYYY-MM-DD)', isoDate)
    .option('--format <format>', 'csv (UTF-8 with BOM, for Excel) or jsonl', 'csv')
    .option('--out <file>', 'the file to write (default: standard output)')
    .action(async (opts: { from: string; to: string; format: string; out?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'jsonl') {
        console.error('--format 只能是 csv 或 jsonl');
        process.exitCode = 2;
        return;
      }
      if (opts.from > opts.to) {
        console.error('--from 不能晚于 --to');
        process.exitCode = 2;
        return;
      }
      await withStore(async (store, cfg) => {
        const [{ DateTime }, { eachAuditChange }, { writeAudit }] = await Promise.all([
          import('luxon'),
          import('../store/audit-source.js'),
          import('../ledger/audit.js'),
        ]);
        const from = DateTime.fromISO(opts.from, { zone: cfg.timezone }).toUTC().toISO()!;
        const to = DateTime.fromISO(opts.to, { zone: cfg.timezone }).plus({ days: 1 }).toUTC().toISO()!;
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        const n = await writeAudit(eachAuditChange(store.conn, { from, to }), out, { format: opts.format as 'csv' | 'jsonl', timezone: cfg.timezone });
        if (opts.out) {
          out.end();
          await once(out, 'close');
          console.log(`已导出 ${opts.from} 至 ${opts.to} 的 ${n} 条变更记录到 ${opts.out}`);
        } else {
          console.error(`${n} 条变更记录`);
        }
      });
    });
}
