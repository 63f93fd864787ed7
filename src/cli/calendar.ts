import { InvalidArgumentError, type Command } from 'commander';
import { calendarFromPolicy } from '../domain/calendar.js';
import { isoDate } from './format.js';
import { config } from './open.js';

/** The configured working-day calendar: XIAOER_TIMEZONE and the policy's working hours and overrides. */
function configuredCalendar() {
  const cfg = config();
  return calendarFromPolicy(cfg.timezone, cfg.policy);
}

/** `xiaoer calendar …`: working-day questions. Opens the configuration and the domain's calendar, nothing else. */
export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('工作日历 / working-day calendar (statutory holidays, 调休, overrides)');
  calendar
    .command('add-working-days')
    .description('print the date N working days after a date')
    .requiredOption('--from <date>', 'YYYY-MM-DD', isoDate)
    .requiredOption('--days <n>', 'working days', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('需要非负整数');
      return n;
    })
    .action((opts: { from: string; days: number }) => {
      console.log(configuredCalendar().addWorkingDays(opts.from, opts.days));
    });
  calendar
    .command('is-working-day')
    .description('print yes or no')
    .argument('<date>', 'YYYY-MM-DD', isoDate)
    .action((date: string) => {
      console.log(configuredCalendar().isWorkingDay(date) ? 'yes' : 'no');
    });
}
