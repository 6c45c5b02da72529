/** `hotline stats daily` and `hotline stats range`: the KPIs of a day or a period. */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { DailyFlags, RangeFlags } from '../actions/stats.js';
import { dayArg } from '../dates.js';
import { addOutputOptions, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/stats.js');

function parseThreshold(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 3600) throw new InvalidArgumentError('expected whole seconds, 0–3600');
  return n;
}

function withKpiOptions(cmd: Command): Command {
  return cmd
    .option('--threshold <seconds>', 'answered within this many seconds counts as within three rings (default: policy kpi.threshold_seconds, 15)', parseThreshold)
    .addOption(new Option('--sl-formula <formula>', 'service level: A answered≤T/offered, B answered≤T/(offered−abandoned≤T), C (answered≤T+abandoned≤T)/offered (default: policy)').choices(['A', 'B', 'C']));
}

export function statsCommand(rt: Runtime): Command {
  const cmd = new Command('stats').description('call statistics: offered, answered, three-ring answering, service level, ASA, AHT, per operator and hour');
  withKpiOptions(addOutputOptions(cmd.command('daily').description('the statistics of one local day (default: yesterday), for cron and team leads')))
    .option('--date <day>', 'YYYY-MM-DD, today or yesterday (default: yesterday in the policy time zone)', dayArg)
    .addOption(new Option('--by <table>', 'with --format csv: which table (the total row ends operator and team)').choices(['summary', 'operator', 'team', 'hour', 'category', 'reason']).default('summary'))
    .option('--require-calls', 'a day without calls is an error (exit 3, nothing written), not a warning: for cron')
    .addHelpText('after', `
Examples:
  hotline stats daily                                   yesterday, as a table on a terminal
  hotline stats daily --date 2026-10-12 --format json
  hotline stats daily --format csv --by hour --lang zh
  hotline stats daily --format csv --out 'reports/daily-{date}.csv'   ({date} becomes the day)`)
    .action(async (flags: DailyFlags, c: Command) => (await actions()).runDaily(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  withKpiOptions(addOutputOptions(cmd.command('range').description('the same measures per day, week (from Monday), month, operator, team, hour or category')))
    .requiredOption('--from <day>', 'first local day (inclusive)', dayArg)
    .requiredOption('--to <day>', 'last local day (inclusive)', dayArg)
    .addOption(new Option('--by <period>', 'rows per').choices(['day', 'week', 'month', 'operator', 'team', 'hour', 'category']).default('day'))
    .addHelpText('after', `
Examples:
  hotline stats range --from 2026-10-01 --to 2026-10-31 --by week
  hotline stats range --from 2026-10-01 --to 2026-10-31 --by operator --format csv --out october.csv
  hotline stats range --from 2026-01-01 --to 2026-12-31 --by month --format json`)
    .action(async (flags: RangeFlags, c: Command) => (await actions()).runRange(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
