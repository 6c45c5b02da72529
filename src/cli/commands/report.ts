/** `hotline report month|day`: the month or the day as one self-contained HTML file with charts (issue 22). */
import { Command, Option } from 'commander';
import type { DayReportFlags, MonthReportFlags } from '../actions/report.js';
import { dayArg } from '../dates.js';
import { parseMonthArg, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/report.js');

/** --out, --force and --lang: what an HTML report is written to, and in which language. */
function withFileOptions(cmd: Command): Command {
  return cmd
    .option('--out <file>', 'write the HTML file here (without --out: to stdout, when it is not a terminal)')
    .option('--force', 'replace an existing --out file')
    .addOption(new Option('--lang <lang>', 'language of titles, labels and values').choices(['en', 'zh']).default('en'));
}

export function reportCommand(rt: Runtime): Command {
  const cmd = new Command('report').description('the month or the day as one HTML file with charts (no network needed): to open, print on A4 and send');
  withFileOptions(cmd.command('month').description('service (calls, service level, hour × weekday, ASA/AHT), demand, operators (appraisal), complaints, definitions'))
    .requiredOption('--month <month>', 'YYYY-MM', parseMonthArg)
    .option('--team <team>', "the operators' section for this team only (calls, service level and complaints stay the whole hotline's)")
    .addHelpText('after', `
Examples:
  hotline report month --month 2026-10 --lang zh --out 月报-2026-10.html
  hotline report month --month 2026-10 --team 一组 --out team1-2026-10.html
  hotline report month --month 2026-10 --out m.html --force     replace last run's file`)
    .action(async (flags: MonthReportFlags, c: Command) => (await actions()).runMonthReport(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  withFileOptions(cmd.command('day').description("the day's sections: calls and service level per hour, demand beside the day before, operators, tickets"))
    .option('--date <day>', 'YYYY-MM-DD, today or yesterday (default: yesterday in the policy time zone)', dayArg)
    .addHelpText('after', `
Examples:
  hotline report day --date 2026-10-12 --lang zh --out 日报-2026-10-12.html
  hotline report day --out "daily-$(date +%F).html"              yesterday, for cron`)
    .action(async (flags: DayReportFlags, c: Command) => (await actions()).runDayReport(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
