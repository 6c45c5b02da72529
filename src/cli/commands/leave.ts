/** `hotline leave balance|settle|calendar` and `hotline calendar show|check`. */
import { Command, InvalidArgumentError } from 'commander';
import type { BalanceFlags, CalendarFlags, LeaveCalendarFlags, SettleFlags } from '../actions/leave.js';
import { dayArg } from '../dates.js';
import { addOutputOptions, parseMonthArg, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/leave.js');

export function parseYear(text: string): number {
  const y = Number(text);
  if (!/^\d{4}$/.test(text) || y < 1990 || y > 2100) throw new InvalidArgumentError('expected a year such as 2026');
  return y;
}

export function leaveCommand(rt: Runtime): Command {
  const cmd = new Command('leave').description('statutory paid annual leave (带薪年休假): balances, settlement on leaving, leave calendars');
  addOutputOptions(cmd.command('balance').description('per operator: working years, band, entitlement, extra, carried over, taken, remaining, disqualification, and the working'))
    .requiredOption('--year <year>', 'leave year (a calendar year)', parseYear)
    .option('--as-of <day>', 'count leave taken up to this day (default: today, or 31 Dec for a past year)', dayArg)
    .option('--operator <id>', 'only this operator (工号)')
    .addHelpText('after', '\nExamples:\n  hotline leave balance --year 2026\n  hotline leave balance --year 2026 --as-of 2026-10-31 --operator 1009 --format json\n  hotline leave balance --year 2026 --format csv --lang zh --out 年假余额.csv')
    .action(async (flags: BalanceFlags, c: Command) => (await actions()).runBalance(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('settle').description('for a leaver (MEA art.12): days owed, daily wage (monthly / 21.75) and the extra 200 % pay, with the working'))
    .requiredOption('--operator <id>', 'the operator (工号)')
    .option('--date <day>', 'last day of employment (default: the roster\'s 离职日期)', dayArg)
    .addHelpText('after', '\nExamples:\n  hotline leave settle --operator 1017\n  hotline leave settle --operator 1009 --date 2026-12-15 --format json')
    .action(async (flags: SettleFlags, c: Command) => (await actions()).runSettle(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('calendar').description("one operator's leave month by month: working days per type and the dates"))
    .requiredOption('--operator <id>', 'the operator (工号)')
    .requiredOption('--year <year>', 'the year', parseYear)
    .addHelpText('after', '\nExamples:\n  hotline leave calendar --operator 1009 --year 2026')
    .action(async (flags: LeaveCalendarFlags, c: Command) => (await actions()).runLeaveCalendar(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}

export function calendarCommand(rt: Runtime): Command {
  const cmd = new Command('calendar').description('the working calendar: weekends, official holidays, swapped working days (调休), company closures');
  addOutputOptions(cmd.command('show').description('every day of a month with its kind'))
    .requiredOption('--month <month>', 'YYYY-MM', parseMonthArg)
    .addHelpText('after', '\nExamples:\n  hotline calendar show --month 2026-10\n  hotline calendar show --month 2026-02 --lang zh')
    .action(async (flags: CalendarFlags, c: Command) => (await actions()).runCalendarShow(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('check').description('working days per month of a year, and whether an official calendar covers it'))
    .requiredOption('--year <year>', 'the year', parseYear)
    .addHelpText('after', '\nExamples:\n  hotline calendar check --year 2026\n  hotline calendar check --year 2027     (warns: no official calendar yet, weekends only)')
    .action(async (flags: CalendarFlags, c: Command) => (await actions()).runCalendarCheck(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
