/** `hotline imports`, `operators list`, `calls list`, `orders list`: look at what went in. */
import { Command, Option } from 'commander';
import { CALL_TABLE_KEYS, IMPORT_TABLE_KEYS, ORDER_TABLE_KEYS, callsReport, importsReport, operatorsReport, ordersReport } from '../../app/lists.js';
import { CATEGORIES } from '../../domain/kinds.js';
import { dayArg, resolveDay, resolveRange, type DayRangeFlags } from '../dates.js';
import { emitReport } from '../emit.js';
import { addOutputOptions, openDb, parsePositiveInt, policyFor, type GlobalOptions, type OutputFlags } from '../options.js';
import type { Runtime } from '../runtime.js';

type ListFlags = OutputFlags & DayRangeFlags & { operator?: string; limit?: number };

function withRange(cmd: Command): Command {
  return cmd
    .option('--date <day>', 'one local day: YYYY-MM-DD, today or yesterday', dayArg)
    .option('--from <day>', 'first local day (inclusive)', dayArg)
    .option('--to <day>', 'last local day (inclusive)', dayArg)
    .option('--operator <id>', 'only this operator (工号)')
    .option('--limit <n>', 'at most n rows', parsePositiveInt);
}

function withDb<T>(globals: GlobalOptions, rt: Runtime, fn: (db: ReturnType<typeof openDb>['db'], zone: string) => T): T {
  const { policy } = policyFor(globals, rt);
  const handle = openDb(globals, rt);
  try {
    return fn(handle.db, policy.timezone);
  } finally {
    handle.close();
  }
}

export function importsCommand(rt: Runtime): Command {
  return addOutputOptions(new Command('imports').description('list the import ledger: every file imported, newest first'))
    .addOption(new Option('--kind <kind>', 'only this kind').choices(['operators', 'calls', 'orders']))
    .option('--limit <n>', 'at most n imports', parsePositiveInt)
    .addHelpText('after', '\nExamples:\n  hotline imports\n  hotline imports --kind calls --limit 5 --format json')
    .action((flags: OutputFlags & { kind?: string; limit?: number }, c: Command) =>
      withDb(c.optsWithGlobals<GlobalOptions>(), rt, (db, zone) => emitReport(importsReport(db, zone, flags), flags, rt, IMPORT_TABLE_KEYS)));
}

export function operatorsCommand(rt: Runtime): Command {
  const cmd = new Command('operators').description('the operator roster');
  addOutputOptions(cmd.command('list').description('list operators by team'))
    .option('--team <team>', 'only this team (班组)')
    .option('--active-on <day>', 'only operators employed on this day', dayArg)
    .addHelpText('after', '\nExamples:\n  hotline operators list\n  hotline operators list --team 一组 --active-on 2026-10-31 --format csv --lang zh')
    .action((flags: OutputFlags & { team?: string; activeOn?: string }, c: Command) =>
      withDb(c.optsWithGlobals<GlobalOptions>(), rt, (db, zone) => {
        const activeOn = flags.activeOn ? resolveDay(flags.activeOn, zone, rt.now()) : undefined;
        emitReport(operatorsReport(db, { team: flags.team, activeOn }), flags, rt);
      }));
  return cmd;
}

export function callsCommand(rt: Runtime): Command {
  const cmd = new Command('calls').description('call records');
  withRange(addOutputOptions(cmd.command('list').description('list calls in time order, e.g. the abandoned calls of a day')))
    .addOption(new Option('--outcome <outcome>', 'answered or abandoned').choices(['answered', 'abandoned']))
    .addOption(new Option('--category <c>', 'business category').choices(Object.keys(CATEGORIES)))
    .addOption(new Option('--direction <d>', 'inbound or outbound').choices(['inbound', 'outbound']))
    .addHelpText('after', '\nExamples:\n  hotline calls list --date yesterday --outcome abandoned\n  hotline calls list --from 2026-10-01 --to 2026-10-07 --operator 1005 --limit 20\n  hotline calls list --date 2026-10-12 --category complaint --format csv --out complaints.csv')
    .action((flags: ListFlags & { outcome?: 'answered' | 'abandoned'; category?: string; direction?: 'inbound' | 'outbound' }, c: Command) =>
      withDb(c.optsWithGlobals<GlobalOptions>(), rt, (db, zone) => {
        const range = resolveRange(flags, zone, rt.now());
        emitReport(callsReport(db, zone, { ...range, operator: flags.operator, outcome: flags.outcome, category: flags.category, direction: flags.direction, limit: flags.limit }), flags, rt, CALL_TABLE_KEYS);
      }));
  return cmd;
}

export function ordersCommand(rt: Runtime): Command {
  const cmd = new Command('orders').description('orders entered by operators');
  withRange(addOutputOptions(cmd.command('list').description('list orders in time order')))
    .option('--status <status>', 'only this status (as in the export, e.g. 已取消)')
    .option('--corrected', 'only orders that had to be corrected')
    .addHelpText('after', '\nExamples:\n  hotline orders list --date 2026-10-12\n  hotline orders list --from 2026-10-01 --to 2026-10-31 --operator 1020 --corrected')
    .action((flags: ListFlags & { status?: string; corrected?: boolean }, c: Command) =>
      withDb(c.optsWithGlobals<GlobalOptions>(), rt, (db, zone) => {
        const range = resolveRange(flags, zone, rt.now());
        emitReport(ordersReport(db, zone, { ...range, operator: flags.operator, status: flags.status, corrected: flags.corrected, limit: flags.limit }), flags, rt, ORDER_TABLE_KEYS);
      }));
  return cmd;
}
