/** The actions of `tickets list` and `tickets summary`. */
import { listTickets, summaryTable, ticketSummary, TICKET_COLUMNS, type StatusFilter } from '../../app/tickets.js';
import { addDays, parseIsoDate, startOfLocalDay, type IsoDate } from '../../domain/dates.js';
import { InputError } from '../../errors.js';
import { FieldError, parseDateTime } from '../../io/values.js';
import { writeOutput } from '../../io/output.js';
import { renderJsonValue } from '../../io/render/json.js';
import { openDb, policyFor, renderSettings } from '../context.js';
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

export function runTicketList(flags: TicketListFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const asOf = asOfEpoch(flags.asOf, policy.timezone, rt.now());
  const from = flags.from ? resolveDay(flags.from, policy.timezone, rt.now()) : undefined;
  const to = flags.to ? resolveDay(flags.to, policy.timezone, rt.now()) : undefined;
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const rows = listTickets(handle.db, { kind: flags.kind, status: flags.status, operator: flags.operator, department: flags.department, from, to }, asOf, policy.timezone, policy);
    emitReport({ columns: TICKET_COLUMNS, rows }, flags, rt);
  } finally {
    handle.close();
  }
}

export function runTicketSummary(flags: TicketSummaryFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const month = resolveMonth(flags.month);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const rows = ticketSummary(handle.db, month, policy);
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') writeOutput([renderJsonValue({ month, legal_limit_days: policy.tickets.legal_limit_days, rows }, settings)], settings);
    else emitReport(summaryTable(rows), flags, rt);
  } finally {
    handle.close();
  }
}

export type { IsoDate };
