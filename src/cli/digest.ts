import type { Command } from 'commander';
import { isoDate } from './format.js';
import { openDigests, withStore } from './open.js';

/** `xiaoer digest`: the leaders' digest of a day, week or month. */
export function registerDigest(program: Command): void {
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
        const [{ renderDigest }, { toPlainText }] = await Promise.all([import('../platforms/digest-render.js'), import('../messages/outbound.js')]);
        const digests = await openDigests(store, cfg);
        const now = new Date();
        const model = await digests.build(digests.range(opts.period as 'day' | 'week' | 'month', opts.date, now), now);
        if (opts.json) console.log(JSON.stringify(model, null, 2));
        else console.log(toPlainText(renderDigest(model)));
      });
    });
}
