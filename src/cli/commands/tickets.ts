/** `hotline tickets list|summary`: complaints against the promised time and the 7-day legal limit. */
import { Command, Option } from 'commander';
import type { TicketListFlags, TicketSummaryFlags } from '../actions/tickets.js';
import { dayArg } from '../dates.js';
import { addOutputOptions, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';
import { monthArg } from './appraise.js';

const actions = () => import('../actions/tickets.js');

export function ticketsCommand(rt: Runtime): Command {
  const cmd = new Command('tickets').description('complaint and suggestion follow-up: promised time, the 7-day legal limit (快递暂行条例 art.28), overdue tickets');
  addOutputOptions(cmd.command('list').description('each ticket with its age, promise, legal deadline and status (resolved on time/late, open, due soon, overdue)'))
    .addOption(new Option('--kind <kind>', 'complaint or suggestion').choices(['complaint', 'suggestion']))
    .addOption(new Option('--status <status>', 'open (not resolved), resolved, overdue or due-soon').choices(['open', 'resolved', 'overdue', 'due-soon']))
    .option('--operator <id>', 'tickets taken by, or about, this operator')
    .option('--department <name>', 'only this department (转交部门)')
    .option('--from <day>', 'opened on or after this local day', dayArg)
    .option('--to <day>', 'opened on or before this local day', dayArg)
    .option('--as-of <time>', 'status at this moment: YYYY-MM-DD (its end) or YYYY-MM-DD HH:mm (default: now)')
    .addHelpText('after', '\nExamples:\n  hotline tickets list --status overdue                 every morning: the late complaints\n  hotline tickets list --kind complaint --status due-soon\n  hotline tickets list --department 网点 --from 2026-10-01 --to 2026-10-31 --format csv')
    .action(async (flags: TicketListFlags, c: Command) => (await actions()).runTicketList(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('summary').description('per department and operator: complaints received and resolved, median and 90th-percentile hours, shares on time, satisfaction, suggestions adopted'))
    .requiredOption('--month <month>', 'YYYY-MM', monthArg)
    .addHelpText('after', '\nExamples:\n  hotline tickets summary --month 2026-10\n  hotline tickets summary --month 2026-10 --format json')
    .action(async (flags: TicketSummaryFlags, c: Command) => (await actions()).runTicketSummary(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
