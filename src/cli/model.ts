import type { Command } from 'commander';
import type { ModelStatus, ModelVersionInfo } from '../store/repositories/category-model.repository.js';
import { localTime } from './format.js';
import { withQueues, withStore } from './open.js';

const trained = (v: ModelVersionInfo) =>
  `基础样本 ${v.trainedOn.base} 条 + 更正 ${v.trainedOn.corrections} 条 + 确认 ${v.trainedOn.confirmations} 条${v.trainedOn.answers ? ` + 重复答复 ${v.trainedOn.answers} 条` : ''}`;

export function formatModelStatus(s: ModelStatus, tz: string): string {
  const lines = [
    s.version === 0
      ? `类别模型：v0（随程序发布的模型，基础样本 ${s.shippedBase} 条）`
      : `类别模型：v${s.version}${s.current ? `（${localTime(s.current.createdAt.toISOString(), tz)} 训练，${trained(s.current)}）` : ''}`,
  ];
  if (s.since) lines.push(`启用时间：${localTime(s.since.toISOString(), tz)}`);
  lines.push('版本：');
  for (const v of s.versions) {
    lines.push(`${v.version === s.version ? '*' : ' '} v${v.version}  ${localTime(v.createdAt.toISOString(), tz)}  ${trained(v)}  ${v.digest.slice(0, 12)}`);
  }
  lines.push(`${s.version === 0 ? '*' : ' '} v0  随程序发布  基础样本 ${s.shippedBase} 条`);
  return lines.join('\n');
}

/** `xiaoer model status | rebuild | rollback`: the category model learned from the deployment's corrections. */
export function registerModel(program: Command): void {
  const model = program.command('model').description('类别模型 / the category model learned from corrected tickets, and the 重复 weights from 是 / 不是 answers');
  model
    .command('status')
    .description('the version in force, what it was trained on, the kept versions')
    .action(async () => {
      await withStore(async (store, cfg) => {
        const { createCategoryModelRepository } = await import('../store/repositories/category-model.repository.js');
        console.log(formatModelStatus(await createCategoryModelRepository(store.conn).status(), cfg.timezone));
      });
    });
  model
    .command('rebuild')
    .description('train on the shipped examples plus the corrected tickets, store a new version, make it current, tell the running processes')
    .action(async () => {
      await withQueues(async ({ store, redis, cfg }) => {
        const [{ createCategoryModelRepository }, { createSignal, SIGNALS }] = await Promise.all([
          import('../store/repositories/category-model.repository.js'),
          import('../queue/signal.js'),
        ]);
        const r = await createCategoryModelRepository(store.conn).rebuild(new Date());
        if (!r.changed) {
          console.log(r.version === 0 ? '类别模型未变化：还没有更正过类别的工单，继续使用随程序发布的模型（v0）。' : `类别模型未变化：v${r.version} 已是由当前更正训练的模型。`);
          return;
        }
        const heard = await createSignal(redis, cfg.queuePrefix, SIGNALS.categoryModel).publish();
        console.log(`已生成类别模型 v${r.version} 并启用（${trained(r.info!)}）；已通知 ${heard} 个进程，其余进程一分钟内自行加载。`);
      });
    });
  model
    .command('rollback')
    .description('make the previous version (or --to VERSION; 0 is the shipped model) current and tell the running processes')
    .option('--to <version>', 'the version to make current (v3 or 3)')
    .action(async (opts: { to?: string }) => {
      const to = opts.to === undefined ? undefined : Number(opts.to.replace(/^v/i, ''));
      if (to !== undefined && !(Number.isInteger(to) && to >= 0)) {
        console.error('--to 需要版本号，例如 v3 或 3（0 为随程序发布的模型）');
        process.exitCode = 2;
        return;
      }
      await withQueues(async ({ store, redis, cfg }) => {
        const [{ createCategoryModelRepository, ModelVersionError }, { createSignal, SIGNALS }] = await Promise.all([
          import('../store/repositories/category-model.repository.js'),
          import('../queue/signal.js'),
        ]);
        try {
          const r = await createCategoryModelRepository(store.conn).rollback(new Date(), to);
          await createSignal(redis, cfg.queuePrefix, SIGNALS.categoryModel).publish();
          console.log(`类别模型已从 v${r.from} 回退到 v${r.to}。`);
        } catch (err) {
          if (!(err instanceof ModelVersionError)) throw err;
          console.error(err.message);
          process.exitCode = 1;
        }
      });
    });
}
