/** The actions of `tickets list` and `tickets summary`. */
import { listTickets, summaryReport, ticketsTable, ticketSummary, type StatusFilter } from '../../app/tickets.js';
import type { IsoDate } from '../../domain/dates.js';
import { openDb, policyFor } from '../context.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import { asOfEpoch, resolveDay, resolveMonth } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import type { Runtime } from '../runtime.js';

export type TicketListFlags = OutputFlags & { kind?: 'complaint' | 'suggestion'; status?: StatusFilter; operator?: string; department?: string; from?: string; to?: string; asOf?: string };
export type TicketSummaryFlags = OutputFlags & { month: string };

export async function runTicketList(flags: TicketListFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const asOf = asOfEpoch(flags.asOf, policy.timezone, rt.now());
  const from = flags.from ? resolveDay(flags.from, policy.timezone, rt.now()) : undefined;
  const to = flags.to ? resolveDay(flags.to, policy.timezone, rt.now()) : undefined;
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const rows = listTickets(handle.db, { kind: flags.kind, status: flags.status, operator: flags.operator, department: flags.department, from, to }, asOf, policy.timezone, policy);
    await emitReport(ticketsTable(rows), flags, rt);
  } finally {
    handle.close();
  }
}

export async function runTicketSummary(flags: TicketSummaryFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const month = resolveMonth(flags.month);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    await emitReport(summaryReport(ticketSummary(handle.db, month, policy), month, policy), flags, rt);
  } finally {
    handle.close();
  }
}

export type { IsoDate };
