/** The actions of the leave and calendar commands. */
import { balanceTable, calendarMonth, calendarYear, leaveBalances, leaveCalendar, leaveSettlement } from '../../app/leave.js';
import { coverageWarning } from '../../domain/calendar.js';
import { dateParts, firstDayOf, firstDayOfYear, lastDayOfYear, localDateOf, type IsoDate } from '../../domain/dates.js';
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

export function runBalance(flags: BalanceFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const today = localDateOf(rt.now(), policy.timezone);
  const asOf = flags.asOf ? resolveDay(flags.asOf, policy.timezone, rt.now()) : (lastDayOfYear(flags.year) < today ? lastDayOfYear(flags.year) : today);
  const calendar = calendarFor(policy, rt, [firstDayOfYear(flags.year - 1), lastDayOfYear(flags.year)]);
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
    const year = dateParts(date ?? localDateOf(rt.now(), policy.timezone)).year;
    const calendar = calendarFor(policy, rt, [firstDayOfYear(year), lastDayOfYear(year)]);
    const s = leaveSettlement(handle.db, { operatorId: flags.operator, date }, calendar, policy.leave);
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') return writeOutput([renderJsonValue(s, settings)], settings);
    const report: ReportTable = {
      columns: [{ key: 'item', en: 'item', zh: '项目', values: 'settlement_item' }, { key: 'value', en: 'value', zh: '数值', values: 'leave_working' }],
      rows: Object.entries(s).map(([item, value]) => ({ item, value: value === null ? 'n/a' : (item === 'daily_wage' || item === 'extra_pay') && typeof value === 'number' ? value.toFixed(2) : value })),
    };
    emitReport(report, flags, rt);
  } finally {
    handle.close();
  }
}

export function runLeaveCalendar(flags: LeaveCalendarFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const calendar = calendarFor(policy, rt, [firstDayOfYear(flags.year), lastDayOfYear(flags.year)]);
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
  const calendar = calendarFor(policy, rt, [firstDayOf(month), firstDayOf(month)]);
  emitReport(calendarMonth(calendar, month), flags, rt);
}

export function runCalendarCheck(flags: CalendarFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const year = flags.year as number;
  const calendar = calendarFor(policy, rt, [firstDayOfYear(year), lastDayOfYear(year)]);
  emitReport(calendarYear(calendar, year), flags, rt);
}
