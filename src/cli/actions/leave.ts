/** The actions of the leave and calendar commands. */
import { balanceReport, calendarMonth, calendarYear, leaveBalances, leaveCalendar, leaveSettlement, settlementReport } from '../../app/leave.js';
import { coverageWarning } from '../../domain/calendar.js';
import { dateParts, firstDayOf, firstDayOfYear, lastDayOfYear, localDateOf, type IsoDate } from '../../domain/dates.js';
import type { Policy } from '../../domain/policy.js';
import { loadCalendar } from '../../io/calendar-files.js';
import { openDb, policyFor } from '../context.js';
import { resolveDay, resolveMonth } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';

export type BalanceFlags = OutputFlags & { year: number; asOf?: string; operator?: string };
export type SettleFlags = OutputFlags & { operator: string; date?: string };
export type LeaveCalendarFlags = OutputFlags & { operator: string; year: number };
export type CalendarFlags = OutputFlags & { month?: string; year?: number };

function calendarFor(policy: Policy, rt: Runtime, years: [IsoDate, IsoDate]) {
  const { calendar } = loadCalendar(policy.calendars);
  const warning = coverageWarning(calendar, years[0], years[1]);
  if (warning) say(rt, warning);
  return calendar;
}

export async function runBalance(flags: BalanceFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const today = localDateOf(rt.now(), policy.timezone);
  const asOf = flags.asOf ? resolveDay(flags.asOf, policy.timezone, rt.now()) : (lastDayOfYear(flags.year) < today ? lastDayOfYear(flags.year) : today);
  const calendar = calendarFor(policy, rt, [firstDayOfYear(flags.year - 1), lastDayOfYear(flags.year)]);
  const handle = openDb(globals, rt);
  try {
    await emitReport(balanceReport(leaveBalances(handle.db, { year: flags.year, asOf, operatorId: flags.operator }, calendar, policy.leave)), flags, rt);
  } finally {
    handle.close();
  }
}

export async function runSettle(flags: SettleFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const date = flags.date ? resolveDay(flags.date, policy.timezone, rt.now()) : undefined;
  const handle = openDb(globals, rt);
  try {
    const year = dateParts(date ?? localDateOf(rt.now(), policy.timezone)).year;
    const calendar = calendarFor(policy, rt, [firstDayOfYear(year), lastDayOfYear(year)]);
    await emitReport(settlementReport(leaveSettlement(handle.db, { operatorId: flags.operator, date }, calendar, policy.leave)), flags, rt);
  } finally {
    handle.close();
  }
}

export async function runLeaveCalendar(flags: LeaveCalendarFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const calendar = calendarFor(policy, rt, [firstDayOfYear(flags.year), lastDayOfYear(flags.year)]);
  const handle = openDb(globals, rt);
  try {
    await emitReport(leaveCalendar(handle.db, { operatorId: flags.operator, year: flags.year }, calendar), flags, rt);
  } finally {
    handle.close();
  }
}

export async function runCalendarShow(flags: CalendarFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const month = resolveMonth(flags.month);
  const calendar = calendarFor(policy, rt, [firstDayOf(month), firstDayOf(month)]);
  await emitReport(calendarMonth(calendar, month), flags, rt);
}

export async function runCalendarCheck(flags: CalendarFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const year = flags.year as number;
  const calendar = calendarFor(policy, rt, [firstDayOfYear(year), lastDayOfYear(year)]);
  await emitReport(calendarYear(calendar, year), flags, rt);
}
