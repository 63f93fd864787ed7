import type { Command } from 'commander';

/** `xiaoer serve`: the bot itself. The runtime is loaded only here, when the command runs. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the bot (same as npm start)')
    .action(async () => {
      const { main } = await import('../main.js');
      await main();
    });
}
