import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { config } from './open.js';

/** `xiaoer parse`: what the parser reads in messages, one JSON line per message. */
export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('read messages: JSON lines {"id","text"} on stdin, or one message as an argument; one JSON line out per message')
    .argument('[message]', 'one message to parse')
    .option('--now <iso>', 'the messages\' own time (ISO-8601); default: now')
    .action(async (message: string | undefined, opts: { now?: string }) => {
      const cfg = config();
      const now = opts.now ?? new Date().toISOString();
      if (Number.isNaN(Date.parse(now)) || !DateTime.fromISO(now).isValid) {
        console.error('--now 需要 ISO-8601 时间，例如 2026-11-23T09:30:00+08:00');
        process.exitCode = 2;
        return;
      }
      const [{ calendarFromPolicy }, { parseMessage }, { stripBotMention }, { parseLine, toParseOutput }] = await Promise.all([
        import('../domain/calendar.js'),
        import('../domain/parse/parse.js'),
        import('../messages/inbound.js'),
        import('./parse-lines.js'),
      ]);
      const cal = calendarFromPolicy(cfg.timezone, cfg.policy);
      if (message !== undefined) {
        const text = stripBotMention(message, cfg.botName, false).text;
        console.log(JSON.stringify(toParseOutput(null, parseMessage(text, now, cal))));
        return;
      }
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.trim()) continue;
        process.stdout.write(`${JSON.stringify(parseLine(line, now, cal, cfg.botName))}\n`);
      }
    });
}
