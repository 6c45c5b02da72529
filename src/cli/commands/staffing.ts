/** `hotline staffing calc|plan|check`: operators needed for the three-ring rule (Erlang C), a day's plan, a past day's check. */
import { Command, InvalidArgumentError } from 'commander';
import type { CalcFlags, DayFlags, PlanFlags } from '../actions/staffing.js';
import { dayArg } from '../dates.js';
import { addOutputOptions, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/staffing.js');

/** A number in a range, for a flag (`what` names what is expected). */
function numberIn(text: string, ok: (n: number) => boolean, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !ok(n)) throw new InvalidArgumentError(`expected ${what}`);
  return n;
}

/** A share as a fraction (0.8) or a percentage (80%). */
function share(ok: (n: number) => boolean, what: string): (text: string) => number {
  return (text) => (text.trim().endsWith('%') ? numberIn(text.trim().slice(0, -1), (n) => ok(n / 100), what) / 100 : numberIn(text, ok, what));
}

const parseCalls = (t: string): number => numberIn(t, (n) => n >= 0 && n <= 10_000_000, 'a number of calls from 0 to 10000000');
const parseAht = (t: string): number => numberIn(t, (n) => n > 0 && n <= 86_400, 'seconds above 0, at most 86400');
const parseMinutes = (t: string): number => numberIn(t, (n) => Number.isInteger(n) && n >= 1 && n <= 1440, 'whole minutes from 1 to 1440');
const parseThreshold = (t: string): number => numberIn(t, (n) => Number.isInteger(n) && n >= 0 && n <= 3600, 'whole seconds, 0–3600');
const parseAgents = (t: string): number => numberIn(t, (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000, 'a whole number of agents from 1');
const parseWeeks = (t: string): number => numberIn(t, (n) => Number.isInteger(n) && n >= 1 && n <= 52, 'a whole number of weeks from 1 to 52');
const parseInterval = (t: string): 15 | 30 | 60 => numberIn(t, (n) => n === 15 || n === 30 || n === 60, '15, 30 or 60 minutes') as 15 | 30 | 60;

function dayCommand(parent: Command, name: string, description: string): Command {
  return addOutputOptions(parent.command(name).description(description))
    .requiredOption('--date <day>', 'YYYY-MM-DD, today or yesterday (in the policy time zone)', dayArg)
    .option('--interval-minutes <minutes>', 'interval length: 15, 30 or 60 (default: policy staffing.interval_minutes, 30)', parseInterval);
}

export function staffingCommand(rt: Runtime): Command {
  const cmd = new Command('staffing').description('operators needed to answer calls within three rings (Erlang C): per interval, a forecast plan of a day, the check of a past day');
  addOutputOptions(cmd.command('calc').description('Erlang C for one interval: traffic, the agents needed, the heads to schedule, and what they give (service level, P(wait), ASA, occupancy)'))
    .requiredOption('--calls <n>', 'calls offered in the interval', parseCalls)
    .requiredOption('--aht <seconds>', 'average handle time: talk + hold + after-call work', parseAht)
    .option('--interval-minutes <minutes>', 'length of the interval (default: policy staffing.interval_minutes, 30)', parseMinutes)
    .option('--threshold <seconds>', 'answered within this many seconds counts (default: policy kpi.threshold_seconds, 15)', parseThreshold)
    .option('--target <share>', 'share to answer within the threshold, e.g. 0.8 or 80% (default: policy kpi.service_level_target, 0.8)', share((n) => n > 0 && n < 1, 'a share above 0 and below 1 (0.8 or 80%)'))
    .option('--max-occupancy <share>', 'the busiest an agent may be, e.g. 0.85 (default: policy staffing.max_occupancy)', share((n) => n > 0 && n <= 1, 'a share above 0, at most 1'))
    .option('--shrinkage <share>', 'share of paid time away from the phones, e.g. 0.3 (default: policy staffing.shrinkage)', share((n) => n >= 0 && n < 1, 'a share from 0, below 1'))
    .option('--agents <n>', 'what this many agents give, instead of the number needed', parseAgents)
    .addHelpText('after', `
Examples:
  hotline staffing calc --calls 100 --interval-minutes 30 --aht 180 --threshold 20     14 agents, 20 scheduled
  hotline staffing calc --calls 100 --aht 180 --threshold 20 --agents 13            what 13 give
  hotline staffing calc --calls 3000 --interval-minutes 60 --aht 180 --format json`)
    .action(async (flags: CalcFlags, c: Command) => (await actions()).runCalc(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  dayCommand(cmd, 'plan', 'a forecast of a day per interval from the same weekday of earlier weeks (holidays left out), with the agents needed, the peak and the operator-hours')
    .option('--weeks <n>', 'how many earlier same weekdays with calls to average (default: policy staffing.weeks, 4)', parseWeeks)
    .addHelpText('after', `
Examples:
  hotline staffing plan --date 2026-10-20
  hotline staffing plan --date 2026-10-20 --weeks 8 --interval-minutes 60 --format csv --out plan.csv
  hotline staffing plan --date 2026-10-20 --format json`)
    .action(async (flags: PlanFlags, c: Command) => (await actions()).runPlan(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  dayCommand(cmd, 'check', 'a past day per interval: calls, service level, the agents Erlang C says they needed and the operators available; understaffed intervals first')
    .addHelpText('after', `
Examples:
  hotline staffing check --date yesterday
  hotline staffing check --date 2026-10-12 --lang zh
  hotline staffing check --date 2026-10-12 --format csv --out check.csv`)
    .action(async (flags: DayFlags, c: Command) => (await actions()).runCheck(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
