/** `hotline stats daily` and `hotline stats range`: the KPIs of a day or a period; `stats repeats`: repeat calls and first-contact resolution. */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { DailyFlags, RangeFlags, RepeatFlags } from '../actions/stats.js';
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
  addOutputOptions(cmd.command('repeats').description('repeat calls and first-contact resolution (FCR): the same customer calling again within the window (policy repeats.window_hours, 72 h)'))
    .requiredOption('--from <day>', 'first local day (inclusive)', dayArg)
    .requiredOption('--to <day>', 'last local day (inclusive)', dayArg)
    .addOption(new Option('--by <group>', 'rows per day, or per operator, team, category or reason of the chain\'s first call').choices(['day', 'operator', 'team', 'category', 'reason']).default('day'))
    .option('--window <hours>', 'a repeat is a call within this many hours (default: policy repeats.window_hours, 72)', parseWindowHours)
    .option('--as-of <time>', 'judge windows over at this moment: YYYY-MM-DD (its end) or YYYY-MM-DD HH:mm (default: the latest call imported)')
    .addHelpText('after', `
Examples:
  hotline stats repeats --from 2026-10-01 --to 2026-10-31
  hotline stats repeats --from 2026-10-01 --to 2026-10-31 --by operator --format csv --out fcr-october.csv
  hotline stats repeats --from 2026-10-01 --to 2026-10-31 --by reason --window 168 --lang zh`)
    .action(async (flags: RepeatFlags, c: Command) => (await actions()).runRepeats(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}

function parseWindowHours(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 720) throw new InvalidArgumentError('expected whole hours, 1–720');
  return n;
}
