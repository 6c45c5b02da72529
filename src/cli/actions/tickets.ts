/** The actions of `tickets list` and `tickets summary`. */
import { listTickets, summaryReport, ticketsTable, ticketSummary, type StatusFilter } from '../../app/tickets.js';
import { addDays, parseIsoDate, startOfLocalDay, type IsoDate } from '../../domain/dates.js';
import { InputError } from '../../errors.js';
import { FieldError, parseDateTime } from '../../io/values.js';
import { openDb, policyFor } from '../context.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import { resolveDay, resolveMonth } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import type { Runtime } from '../runtime.js';

export type TicketListFlags = OutputFlags & { kind?: 'complaint' | 'suggestion'; status?: StatusFilter; operator?: string; department?: string; from?: string; to?: string; asOf?: string };
export type TicketSummaryFlags = OutputFlags & { month: string };

/** --as-of: a day means its last second; a date-time is read in the policy zone. */
function asOfEpoch(text: string | undefined, zone: string, now: number): number {
  if (!text) return now;
  const day = parseIsoDate(text);
  if (day) return startOfLocalDay(addDays(day, 1), zone) - 1;
  try {
    return parseDateTime(text, zone);
  } catch (e) {
    if (e instanceof FieldError) throw new InputError(`--as-of ${e.message}`, { hint: 'use YYYY-MM-DD or YYYY-MM-DD HH:mm' });
    throw e;
  }
}

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
