/** Annual-leave reports: balances, a leaver's settlement, an operator's leave calendar, the working calendar. */
import type Database from 'better-sqlite3';
import { weekday, type WorkCalendar } from '../domain/calendar.js';
import { daysOf, firstDayOf, firstDayOfYear, lastDayOf, lastDayOfYear, monthsOfYear, type IsoDate, type IsoMonth } from '../domain/dates.js';
import { computeBalance, computeSettlement, employedInYear, recordDaysWithin, type LeaveBalance, type LeavePolicy, type LeaveSettlement } from '../domain/leave.js';
import { firstLeaveYear, leaveByOperator, leaveEmployees } from '../db/queries/leave.js';
import { InputError } from '../errors.js';
import type { Report, ReportTable, Row } from '../io/render/report.js';
import { column, columns, WIDE } from '../io/render/vocabulary/columns.js';

/** Balances of every operator employed in `year` (or one operator), as of `asOf`. */
export function leaveBalances(db: Database.Database, q: { year: number; asOf: IsoDate; operatorId?: string }, calendar: WorkCalendar, policy: LeavePolicy): LeaveBalance[] {
  const employees = leaveEmployees(db, q.operatorId);
  if (q.operatorId && employees.length === 0) throw new InputError(`no operator ${q.operatorId} in the roster`, { hint: 'hotline operators list shows the roster' });
  const records = leaveByOperator(db, q.operatorId);
  const known = firstLeaveYear(db);
  return employees
    .filter((e) => employedInYear(e, q.year))
    .map((e) => computeBalance(e, records.get(e.operator_id) ?? [], q.year, q.asOf, calendar, policy, known));
}

const BALANCE_COLUMNS = columns(
  'operator_id', 'name', ['year', WIDE], ['cumulative_years', WIDE], ['band_days', WIDE], 'entitlement_days', ['extra_days', WIDE], ['carried_over_days', WIDE],
  'taken_days', 'remaining_days', ['disqualified', WIDE], ['disqualification_reason', WIDE], 'basis',
);

/** Balances as a report table (bands joined with '→', disqualified as yes/no). */
export function balanceTable(rows: LeaveBalance[]): ReportTable {
  return { columns: BALANCE_COLUMNS, rows: rows.map((r) => ({ ...r, band_days: r.band_days.join('→'), disqualified: r.disqualified ? 'yes' : 'no' })) };
}

/** `leave balance`: the table, and the balances as they are for --format json. */
export function balanceReport(rows: LeaveBalance[]): Report {
  return { ...balanceTable(rows), json: rows };
}

const SETTLEMENT_COLUMNS = columns(['item', { values: 'settlement_item' }], ['value', { values: 'leave_working' }]);

/** `leave settle`: one row per item of the settlement (money with two decimals, n/a for none), or the settlement as JSON. */
export function settlementReport(s: LeaveSettlement): Report {
  return {
    columns: SETTLEMENT_COLUMNS,
    rows: Object.entries(s).map(([item, value]) => ({ item, value: value === null ? 'n/a' : (item === 'daily_wage' || item === 'extra_pay') && typeof value === 'number' ? value.toFixed(2) : value })),
    json: s,
  };
}

/** The settlement of a leaver (MEA art.12) at `date` (default: the termination date in the roster). */
export function leaveSettlement(db: Database.Database, q: { operatorId: string; date?: IsoDate }, calendar: WorkCalendar, policy: LeavePolicy): LeaveSettlement {
  const [emp] = leaveEmployees(db, q.operatorId);
  if (!emp) throw new InputError(`no operator ${q.operatorId} in the roster`, { hint: 'hotline operators list shows the roster' });
  const date = q.date ?? emp.termination_date;
  if (!date) throw new InputError(`operator ${q.operatorId} has no leaving date in the roster`, { hint: 'give --date YYYY-MM-DD (the last day of employment)' });
  if (date < emp.hire_date) throw new InputError(`--date ${date} is before the hire date ${emp.hire_date}`);
  return computeSettlement(emp, leaveByOperator(db, q.operatorId).get(q.operatorId) ?? [], date, calendar, policy, firstLeaveYear(db));
}

const TYPES = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'bereavement', 'injury', 'absent', 'other'] as const;
/** Types with a column of their own in a terminal table (every type is in `dates`). */
const TABLE_TYPES: ReadonlySet<string> = new Set(['annual', 'sick', 'personal', 'absent']);
const LEAVE_CALENDAR_COLUMNS = [column('month'), ...TYPES.map((t) => column(t, { wide: !TABLE_TYPES.has(t) })), column('dates')];

/** One operator's leave in `year`, month by month: working days per type and the dates taken. */
export function leaveCalendar(db: Database.Database, q: { operatorId: string; year: number }, calendar: WorkCalendar): ReportTable {
  const records = (leaveByOperator(db, q.operatorId).get(q.operatorId) ?? []).filter((r) => r.end_date >= firstDayOfYear(q.year) && r.start_date <= lastDayOfYear(q.year));
  const rows: Row[] = [];
  for (const month of monthsOfYear(q.year)) {
    const [from, to] = [firstDayOf(month), lastDayOf(month)];
    const row: Row = { month };
    const dates: string[] = [];
    for (const t of TYPES) row[t] = 0;
    for (const r of records) {
      const start = r.start_date > from ? r.start_date : from;
      const end = r.end_date < to ? r.end_date : to;
      if (start > end) continue;
      row[r.type] = (row[r.type] as number) + recordDaysWithin(r, from, to, calendar);
      dates.push(`${r.type} ${start.slice(5)}${end !== start ? '–' + end.slice(5) : ''}`);
    }
    row.dates = dates.join('; ');
    rows.push(row);
  }
  return { columns: LEAVE_CALENDAR_COLUMNS, rows };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Every day of a month with its kind (workday, weekend, holiday, swapped working day). */
export function calendarMonth(calendar: WorkCalendar, month: IsoMonth): ReportTable {
  const rows = daysOf(month).map((d) => {
    const info = calendar.day(d);
    return { date: d, weekday: WEEKDAYS[weekday(d)], kind: info.kind, working: info.working ? 'yes' : 'no', name: info.name };
  });
  return {
    columns: columns('date', 'weekday', ['kind', { values: 'day_kind' }], 'working', ['name', { zh: '名称' }]),
    rows,
  };
}

/** Per month of a year: working days, weekend days off, holidays, swapped working days. */
export function calendarYear(calendar: WorkCalendar, year: number): ReportTable {
  const rows: Row[] = [];
  for (const month of monthsOfYear(year)) {
    const counts = { workday: 0, weekend: 0, holiday: 0, swapped_workday: 0 };
    for (const d of daysOf(month)) counts[calendar.day(d).kind]++;
    rows.push({ month, working_days: counts.workday + counts.swapped_workday, ...counts });
  }
  return {
    columns: columns('month', 'working_days', 'workday', 'swapped_workday', 'weekend', 'holiday'),
    rows,
  };
}
