/**
 * The figures of the month's report (`hotline report month`, issue 22), each taken from the use
 * case whose command prints it, never computed a second way: the service measures from `stats
 * range` (per day, per month, per hour of each day), the demand from `stats range --by category`
 * and the complaint reasons of `stats daily --by reason` over the month, the appraisal as `appraise
 * run` shows it (the finalized run, else computed now), complaints from `tickets summary` and
 * `tickets list --status overdue`. Only aggregates: no customer's data.
 */
import type Database from 'better-sqlite3';
import { weekday, type WorkCalendar } from '../domain/calendar.js';
import { addDays, addMonths, daysOf, firstDayOf, lastDayOf, startOfLocalDay, type IsoMonth } from '../domain/dates.js';
import type { KpiDefinitions } from '../domain/kpi.js';
import type { Policy } from '../domain/policy.js';
import type { Row } from '../io/render/report.js';
import { appraiseMonth, type AppraisalRow, type MonthAppraisal } from './appraisal.js';
import { buildRangeReport, complaintReasons, type RangeRow } from './stats.js';
import { listTickets, ticketSummary } from './tickets.js';

export interface ReasonCount {
  reason: string | null;
  count: number;
}

/** The calls and complaint reasons of a month (or a day), beside those of the one before. */
export interface Demand {
  categories: RangeRow[];
  previous_categories: RangeRow[];
  reasons: ReasonCount[];
  previous_reasons: ReasonCount[];
}

export interface MonthReportData {
  month: IsoMonth;
  previous_month: IsoMonth;
  /** --team: the operators' section is the team's; the queue's measures stay the hotline's. */
  team: string | null;
  timezone: string;
  definitions: KpiDefinitions;
  service_level_target: number;
  service: {
    /** `stats range --by month`: the month's one row (none without calls or orders). */
    total: RangeRow | null;
    /** `stats range --by day`: a row per day with calls or orders. */
    days: RangeRow[];
    /** `stats range --by team`: the team's row, with --team. */
    team: RangeRow | null;
    /** Offered calls by weekday (0 Monday … 6 Sunday) and hour: `stats range --by hour` of each day, added up. */
    by_weekday_hour: number[][];
  };
  demand: Demand;
  appraisal: { finalized: MonthAppraisal['finalized']; rows: AppraisalRow[] };
  complaints: {
    /** `tickets summary`: per department and operator, then the total. */
    summary: Row[];
    /** Complaints overdue and still open at `as_of` (`tickets list --kind complaint --status overdue --as-of`). */
    overdue_open: number;
    /** The end of the month, or now while the month is not over (epoch seconds). */
    as_of: number;
  };
}

export interface MonthQuery {
  month: IsoMonth;
  team: string | null;
  definitions: KpiDefinitions;
  /** Epoch seconds now: overdue complaints are counted at the month's end, or now if earlier. */
  now: number;
}

/** The month's calls and complaint reasons beside the month before. */
function monthDemand(db: Database.Database, month: IsoMonth, defs: KpiDefinitions): Demand {
  const previous = addMonths(month, -1);
  return {
    categories: buildRangeReport(db, firstDayOf(month), lastDayOf(month), 'category', defs),
    previous_categories: buildRangeReport(db, firstDayOf(previous), lastDayOf(previous), 'category', defs),
    reasons: complaintReasons(db, firstDayOf(month), lastDayOf(month), defs),
    previous_reasons: complaintReasons(db, firstDayOf(previous), lastDayOf(previous), defs),
  };
}

/** Offered calls by weekday (Monday first) and hour over the month's days. */
function weekdayHours(db: Database.Database, month: IsoMonth, defs: KpiDefinitions): number[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const day of daysOf(month)) {
    const row = grid[(weekday(day) + 6) % 7] as number[];
    for (const h of buildRangeReport(db, day, day, 'hour', defs)) row[Number(h.period)] = (row[Number(h.period)] ?? 0) + h.offered;
  }
  return grid;
}

/** Every figure of the month's report. */
export function buildMonthReport(db: Database.Database, q: MonthQuery, calendar: WorkCalendar, policy: Policy): MonthReportData {
  const [from, to] = [firstDayOf(q.month), lastDayOf(q.month)];
  const defs = q.definitions;
  const appraisal = appraiseMonth(db, q.month, calendar, policy);
  const asOf = Math.min(q.now, startOfLocalDay(addDays(to, 1), policy.timezone) - 1);
  return {
    month: q.month,
    previous_month: addMonths(q.month, -1),
    team: q.team,
    timezone: policy.timezone,
    definitions: defs,
    service_level_target: policy.kpi.service_level_target,
    service: {
      total: buildRangeReport(db, from, to, 'month', defs)[0] ?? null,
      days: buildRangeReport(db, from, to, 'day', defs),
      team: q.team === null ? null : buildRangeReport(db, from, to, 'team', defs).find((r) => r.period === q.team) ?? null,
      by_weekday_hour: weekdayHours(db, q.month, defs),
    },
    demand: monthDemand(db, q.month, defs),
    appraisal: { finalized: appraisal.finalized, rows: q.team === null ? appraisal.rows : appraisal.rows.filter((r) => r.team === q.team) },
    complaints: {
      summary: ticketSummary(db, q.month, policy),
      overdue_open: listTickets(db, { kind: 'complaint', status: 'overdue' }, asOf, policy.timezone, policy).length,
      as_of: asOf,
    },
  };
}

