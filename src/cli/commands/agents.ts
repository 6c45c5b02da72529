/** `hotline agents daily|range|absence`: operator presence (sessions, pauses by reason, occupancy, unauthorized absence). */
import { Command, Option } from 'commander';
import type { AbsenceFlags, AgentsDailyFlags, AgentsRangeFlags } from '../actions/agents.js';
import { dayArg } from '../dates.js';
import { addOutputOptions, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/agents.js');

export function agentsCommand(rt: Runtime): Command {
  const cmd = new Command('agents').description('operator presence: logins, pauses by reason, available time, occupancy, unauthorized absence (擅自离岗)');
  addOutputOptions(cmd.command('daily').description('each operator on one local day (default: yesterday): first login, last logout, logged-in, paused and available time, handle time, occupancy, pauses, unauthorized absence'))
    .option('--date <day>', 'YYYY-MM-DD, today or yesterday (default: yesterday in the policy time zone)', dayArg)
    .option('--operator <id>', 'only this operator')
    .addHelpText('after', `
Examples:
  hotline agents daily                                  yesterday, as a table on a terminal
  hotline agents daily --date 2026-10-12 --format json
  hotline agents daily --date 2026-10-12 --format csv --lang zh --out 坐席-2026-10-12.csv`)
    .action(async (flags: AgentsDailyFlags, c: Command) => (await actions()).runAgentsDaily(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('range').description('the same figures over a period, per day, operator or team'))
    .requiredOption('--from <day>', 'first local day (inclusive)', dayArg)
    .requiredOption('--to <day>', 'last local day (inclusive)', dayArg)
    .addOption(new Option('--by <group>', 'rows per').choices(['day', 'operator', 'team']).default('operator'))
    .option('--operator <id>', 'only this operator')
    .addHelpText('after', `
Examples:
  hotline agents range --from 2026-10-01 --to 2026-10-31
  hotline agents range --from 2026-10-01 --to 2026-10-31 --by team --format csv --out 十月-班组.csv
  hotline agents range --from 2026-10-01 --to 2026-10-31 --by day --operator 1020 --format json`)
    .action(async (flags: AgentsRangeFlags, c: Command) => (await actions()).runAgentsRange(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('absence').description('each pause that is unauthorized absence (no reason, a reason not allowed, or beyond its daily allowance), with its times'))
    .option('--date <day>', 'one local day (default: yesterday)', dayArg)
    .option('--from <day>', 'first local day (inclusive), with --to', dayArg)
    .option('--to <day>', 'last local day (inclusive), with --from', dayArg)
    .option('--operator <id>', 'only this operator')
    .addHelpText('after', `
Examples:
  hotline agents absence                                yesterday's unauthorized absences
  hotline agents absence --from 2026-10-01 --to 2026-10-31 --operator 1020
  hotline agents absence --date 2026-10-12 --format csv --lang zh`)
    .action(async (flags: AbsenceFlags, c: Command) => (await actions()).runAbsence(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
