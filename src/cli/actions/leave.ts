/** The actions of the leave and calendar commands. */
import { balanceTable, calendarMonth, calendarYear, leaveBalances, leaveCalendar, leaveSettlement } from '../../app/leave.js';
import { uncoveredYears } from '../../domain/calendar.js';
import { localDateOf, type IsoDate } from '../../domain/dates.js';
import type { Policy } from '../../domain/policy.js';
import { loadCalendar } from '../../io/calendar-files.js';
import { writeOutput } from '../../io/output.js';
import { renderJsonValue } from '../../io/render/json.js';
import type { ReportTable } from '../../io/render/report.js';
import { openDb, policyFor, renderSettings } from '../context.js';
import { resolveDay, resolveMonth } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';
import { columns } from '../../io/render/vocabulary/columns.js';

export type BalanceFlags = OutputFlags & { year: number; asOf?: string; operator?: string };
export type SettleFlags = OutputFlags & { operator: string; date?: string };
export type LeaveCalendarFlags = OutputFlags & { operator: string; year: number };
export type CalendarFlags = OutputFlags & { month?: string; year?: number };

function calendarFor(policy: Policy, rt: Runtime, years: [IsoDate, IsoDate]) {
  const { calendar } = loadCalendar(policy.calendars);
  const missing = uncoveredYears(calendar, years[0], years[1]);
  if (missing.length > 0) say(rt, `warning: no official holiday calendar for ${missing.join(', ')} in data/holidays: weekends only there`);
  return calendar;
}

export function runBalance(flags: BalanceFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const today = localDateOf(rt.now(), policy.timezone);
  const asOf = flags.asOf ? resolveDay(flags.asOf, policy.timezone, rt.now()) : (`${flags.year}-12-31` < today ? `${flags.year}-12-31` : today) as IsoDate;
  const calendar = calendarFor(policy, rt, [`${flags.year - 1}-01-01` as IsoDate, `${flags.year}-12-31` as IsoDate]);
  const handle = openDb(globals, rt);
  try {
    const rows = leaveBalances(handle.db, { year: flags.year, asOf, operatorId: flags.operator }, calendar, policy.leave);
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') writeOutput([renderJsonValue(rows, settings)], settings);
    else emitReport(balanceTable(rows), flags, rt);
  } finally {
    handle.close();
  }
}

export function runSettle(flags: SettleFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const date = flags.date ? resolveDay(flags.date, policy.timezone, rt.now()) : undefined;
  const handle = openDb(globals, rt);
  try {
    const year = date?.slice(0, 4) ?? localDateOf(rt.now(), policy.timezone).slice(0, 4);
    const calendar = calendarFor(policy, rt, [`${year}-01-01` as IsoDate, `${year}-12-31` as IsoDate]);
    const s = leaveSettlement(handle.db, { operatorId: flags.operator, date }, calendar, policy.leave);
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') return writeOutput([renderJsonValue(s, settings)], settings);
    const report: ReportTable = {
      columns: columns(['item', { values: 'settlement_item' }], ['value', { values: 'leave_working' }]),
      rows: Object.entries(s).map(([item, value]) => ({ item, value: value === null ? 'n/a' : (item === 'daily_wage' || item === 'extra_pay') && typeof value === 'number' ? value.toFixed(2) : value })),
    };
    emitReport(report, flags, rt);
  } finally {
    handle.close();
  }
}

export function runLeaveCalendar(flags: LeaveCalendarFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const calendar = calendarFor(policy, rt, [`${flags.year}-01-01` as IsoDate, `${flags.year}-12-31` as IsoDate]);
  const handle = openDb(globals, rt);
  try {
    emitReport(leaveCalendar(handle.db, { operatorId: flags.operator, year: flags.year }, calendar), flags, rt);
  } finally {
    handle.close();
  }
}

export function runCalendarShow(flags: CalendarFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const month = resolveMonth(flags.month);
  const calendar = calendarFor(policy, rt, [`${month}-01` as IsoDate, `${month}-01` as IsoDate]);
  emitReport(calendarMonth(calendar, month), flags, rt);
}

export function runCalendarCheck(flags: CalendarFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const year = flags.year as number;
  const calendar = calendarFor(policy, rt, [`${year}-01-01` as IsoDate, `${year}-12-31` as IsoDate]);
  emitReport(calendarYear(calendar, year), flags, rt);
}
