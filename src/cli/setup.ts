import { InvalidArgumentError, type Command } from 'commander';
import { config } from './open.js';

/** `xiaoer setup ferretdb`: install what local runs need. */
export function registerSetup(program: Command): void {
  program
    .command('setup')
    .description('install what local runs need')
    .argument('<what>', 'ferretdb')
    .action(async (what: string) => {
      if (what !== 'ferretdb') throw new InvalidArgumentError('only "ferretdb" can be set up');
      const cfg = config();
      const { ensureFerretdb } = await import('../infra/ferretdb.js');
      const bin = await ensureFerretdb(cfg.ferretdbBin, (m) => console.log(m));
      console.log(`FerretDB ready: ${bin}`);
    });
}
