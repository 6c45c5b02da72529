/**
 * The figures of the day's report (`hotline report day`, issue 22), each from the command that
 * prints it: the day's statistics of `stats daily` (totals, operators, categories, complaint
 * reasons, tickets), every measure per hour from `stats range --by hour` of the day, and the day
 * before's calls by category and complaint reasons to compare with.
 */
import type Database from 'better-sqlite3';
import { addDays, type IsoDate } from '../domain/dates.js';
import type { KpiDefinitions } from '../domain/kpi.js';
import type { Policy } from '../domain/policy.js';
import type { Demand } from './report-month.js';
import { buildDailyReport, buildRangeReport, complaintReasons, type DailyReport, type RangeRow } from './stats.js';

export interface DayReportData {
  date: IsoDate;
  previous_day: IsoDate;
  definitions: KpiDefinitions;
  service_level_target: number;
  /** `stats daily`. */
  daily: DailyReport;
  /** `stats range --from D --to D --by hour`: a row per hour with calls. */
  hours: RangeRow[];
  demand: Demand;
}

/** Every figure of the day's report. */
export function buildDayReport(db: Database.Database, date: IsoDate, defs: KpiDefinitions, policy: Policy): DayReportData {
  const previous = addDays(date, -1);
  return {
    date,
    previous_day: previous,
    definitions: defs,
    service_level_target: policy.kpi.service_level_target,
    daily: buildDailyReport(db, date, policy.timezone, defs, policy.tickets),
    hours: buildRangeReport(db, date, date, 'hour', defs),
    demand: {
      categories: buildRangeReport(db, date, date, 'category', defs),
      previous_categories: buildRangeReport(db, previous, previous, 'category', defs),
      reasons: complaintReasons(db, date, date, defs),
      previous_reasons: complaintReasons(db, previous, previous, defs),
    },
  };
}
