/** `hotline imports`, `operators list`, `calls list`, `orders list`: look at what went in. */
import { Command, Option } from 'commander';
import { CATEGORIES } from '../../domain/kinds.js';
import type { CallListFlags, OrderListFlags } from '../actions/lists.js';
import { dayArg } from '../dates.js';
import { addOutputOptions, parseMonthArg, parsePositiveInt, type GlobalOptions, type OutputFlags } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/lists.js');

function withRange(cmd: Command): Command {
  return cmd
    .option('--date <day>', 'one local day: YYYY-MM-DD, today or yesterday', dayArg)
    .option('--from <day>', 'first local day (inclusive)', dayArg)
    .option('--to <day>', 'last local day (inclusive)', dayArg)
    .option('--operator <id>', 'only this operator (工号)')
    .option('--limit <n>', 'at most n rows', parsePositiveInt);
}

export function importsCommand(rt: Runtime): Command {
  return addOutputOptions(new Command('imports').description('list the import ledger: every file imported, newest first'))
    .addOption(new Option('--kind <kind>', 'only this kind').choices(['operators', 'calls', 'orders', 'leave', 'tickets', 'evaluations', 'trainings', 'attendance']))
    .option('--limit <n>', 'at most n imports', parsePositiveInt)
    .addHelpText('after', '\nExamples:\n  hotline imports\n  hotline imports --kind calls --limit 5 --format json')
    .action(async (flags: OutputFlags & { kind?: string; limit?: number }, c: Command) => (await actions()).listImports(flags, c.optsWithGlobals<GlobalOptions>(), rt));
}

export function operatorsCommand(rt: Runtime): Command {
  const cmd = new Command('operators').description('the operator roster');
  addOutputOptions(cmd.command('list').description('list operators by team'))
    .option('--team <team>', 'only this team (班组)')
    .option('--active-on <day>', 'only operators employed on this day', dayArg)
    .addHelpText('after', '\nExamples:\n  hotline operators list\n  hotline operators list --team 一组 --active-on 2026-10-31 --format csv --lang zh')
    .action(async (flags: OutputFlags & { team?: string; activeOn?: string }, c: Command) => (await actions()).listOperators(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('promotions').description('candidates for team lead: excellent in enough of the last 12 finalized months, with enough tenure (policy career.*)'))
    .option('--as-of <month>', 'last month of the window (default: the current month)', parseMonthArg)
    .addHelpText('after', '\nExamples:\n  hotline operators promotions --as-of 2026-10')
    .action(async (flags: OutputFlags & { asOf?: string }, c: Command) => (await import('../actions/training.js')).runPromotions(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}

export function callsCommand(rt: Runtime): Command {
  const cmd = new Command('calls').description('call records');
  withRange(addOutputOptions(cmd.command('list').description('list calls in time order, e.g. the abandoned calls of a day')))
    .addOption(new Option('--outcome <outcome>', 'answered or abandoned').choices(['answered', 'abandoned']))
    .addOption(new Option('--category <c>', 'business category').choices(Object.keys(CATEGORIES)))
    .addOption(new Option('--direction <d>', 'inbound or outbound').choices(['inbound', 'outbound']))
    .option('--repeats-of <call_id>', 'the chain of repeat calls this call is in (policy repeats.window_hours), from its first call; no other filter')
    .addHelpText('after', '\nExamples:\n  hotline calls list --date yesterday --outcome abandoned\n  hotline calls list --from 2026-10-01 --to 2026-10-07 --operator 1005 --limit 20\n  hotline calls list --date 2026-10-12 --category complaint --format csv --out complaints.csv\n  hotline calls list --repeats-of C20261012000004')
    .action(async (flags: CallListFlags, c: Command) => (await actions()).listCalls(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}

export function ordersCommand(rt: Runtime): Command {
  const cmd = new Command('orders').description('orders entered by operators');
  withRange(addOutputOptions(cmd.command('list').description('list orders in time order')))
    .option('--status <status>', 'only this status (as in the export, e.g. 已取消)')
    .option('--corrected', 'only orders that had to be corrected')
    .addHelpText('after', '\nExamples:\n  hotline orders list --date 2026-10-12\n  hotline orders list --from 2026-10-01 --to 2026-10-31 --operator 1020 --corrected')
    .action(async (flags: OrderListFlags, c: Command) => (await actions()).listOrders(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
