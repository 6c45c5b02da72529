/**
 * `hotline demo`: the bundled samples (data/samples: August, September and October 2026) imported
 * into a fresh database, the three months appraised and finalized in turn, then a short tour of
 * October: what was imported, the roster, the abandoned calls of one day, the annual leave, the
 * operators' presence on that day, the appraisal (with the commendation and actions that need the
 * earlier months) and the bonus sheet's totals. Later capabilities add their reports to the tour.
 */
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/connection.js';
import { getSetting, setSetting } from '../db/queries/settings.js';
import { busiestDay } from '../db/queries/stats.js';
import type { ImportKind } from '../domain/kinds.js';
import type { Policy } from '../domain/policy.js';
import { DbStateError, UsageError } from '../errors.js';
import { importFile, type ImportSummary } from './import-files.js';
import { callsReport, importsReport, operatorsReport, pickColumns, CALL_TABLE_KEYS } from './lists.js';
import type { ReportTable } from '../io/render/report.js';
import { columns } from '../io/render/vocabulary/columns.js';
import type { IsoDate, IsoMonth } from '../domain/dates.js';
import { buildDailyReport, type DailyReport } from './stats.js';
import { balanceTable, leaveBalances } from './leave.js';
import { loadCalendar } from '../io/calendar-files.js';
import { planTable, trainingPlan } from './training.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { storeRun } from '../db/queries/appraisal-runs.js';
import { computeMonth, type AppraisalRow } from './appraisal.js';
import { appraisalTable } from './appraisal-tables.js';
import { bonusSheet, type BonusSheet } from './bonus.js';
import { presenceDays } from './agents.js';
import { agentsDayTable } from './agents-tables.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../data/samples/', import.meta.url));
export const DEMO_DAY = '2026-10-12';
/** The sample months, oldest first; the tour is about the last one. */
export const DEMO_MONTHS = ['2026-08', '2026-09', '2026-10'] as IsoMonth[];
const TOUR_MONTH = DEMO_MONTHS[DEMO_MONTHS.length - 1] as IsoMonth;

export interface DemoOptions {
  dbPath: string;
  force: boolean;
  policy: Policy;
  busyTimeoutMs: number;
}

export interface DemoSection {
  title: string;
  report: ReportTable;
}

export interface DemoResult {
  dbPath: string;
  imports: ImportSummary[];
  /** The months appraised and finalized, oldest first, with their run. */
  finalized: { month: IsoMonth; run_id: number; operators: number }[];
  sections: DemoSection[];
  /** The daily statistics of October's busiest day. */
  busiestDay: DailyReport;
}

export interface DemoHooks {
  now: () => number;
  notice: (line: string, note?: boolean) => void;
  isInterrupted: () => boolean;
}

function removeOldDemo(opts: DemoOptions): void {
  if (!existsSync(opts.dbPath)) return;
  if (!opts.force) {
    const h = openDatabase({ path: opts.dbPath, busyTimeoutMs: opts.busyTimeoutMs });
    const isDemo = getSetting(h.db, 'demo') === '1';
    h.close();
    if (!isDemo) {
      throw new UsageError(`${opts.dbPath} exists and is not a demo database`, { hint: 'give the demo another --db path, or add --force to replace it' });
    }
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(opts.dbPath + suffix, { force: true });
}

const SAMPLE_FILES: readonly [ImportKind, string][] = [
  ['operators', 'operators.csv'], ['calls', 'calls.csv'], ['orders', 'orders.csv'], ['leave', 'leave.csv'], ['leave', 'rest-days.csv'], ['tickets', 'tickets.csv'], ['evaluations', 'evaluations.csv'],
  ['presence', 'presence.csv'],
];

/** Appraises and finalizes each sample month in turn (as `appraise run --month M --finalize`), so each month's streaks see the ones before. */
function finalizeMonths(db: Database.Database, calendar: WorkCalendar, policy: Policy, now: number): { finalized: DemoResult['finalized']; rows: AppraisalRow[] } {
  const finalized: DemoResult['finalized'] = [];
  let rows: AppraisalRow[] = [];
  for (const month of DEMO_MONTHS) {
    const fresh = computeMonth(db, month, calendar, policy);
    const run_id = storeRun(db, {
      month, finalized_at: now, os_user: null, reason: null,
      policy_json: JSON.stringify(policy), inputs_digest: fresh.digest, results_json: JSON.stringify(fresh.rows),
    }, false);
    finalized.push({ month, run_id, operators: fresh.rows.length });
    rows = fresh.rows;
  }
  return { finalized, rows };
}

/** The bonus sheet's totals, one line per item: how many operators get it and the amount. */
function bonusTotalsTable(sheet: BonusSheet): ReportTable {
  const items = ['base_salary', 'performance_pay', 'full_attendance_bonus', 'excellent_employee_bonus', 'business_outstanding_bonus', 'total'] as const;
  return {
    columns: columns('item', 'operators', 'amount', 'who'),
    rows: items.map((item) => {
      const paid = sheet.rows.filter((r) => r[item] > 0);
      return { item, operators: paid.length, amount: sheet.totals[item], who: paid.length <= 5 ? paid.map((r) => r.operator_id).join(' ') : '' };
    }),
  };
}

/** Imports the sample months into a fresh database, finalizes their appraisals and returns the tour's reports. */
export async function runDemo(opts: DemoOptions, hooks: DemoHooks): Promise<DemoResult> {
  if (!existsSync(SAMPLES_DIR)) throw new DbStateError(`the sample data is missing (${SAMPLES_DIR})`, { hint: 'reinstall hotline' });
  removeOldDemo(opts);
  const h = openDatabase({ path: opts.dbPath, busyTimeoutMs: opts.busyTimeoutMs, durable: true });
  try {
    setSetting(h.db, 'demo', '1');
    const imports: ImportSummary[] = [];
    for (const [kind, name] of SAMPLE_FILES) {
      const summary = await importFile(SAMPLES_DIR + name, { kind, files: [], zone: opts.policy.timezone, kpi: opts.policy.kpi, skipInvalid: false, force: false }, {
        db: h.db, dbPath: h.path, now: hooks.now, notice: hooks.notice, isInterrupted: hooks.isInterrupted,
      });
      imports.push(summary);
    }
    const busiest = busiestDay(h.db, `${TOUR_MONTH}-01`, `${TOUR_MONTH}-31`) as IsoDate;
    const defs = { threshold_seconds: opts.policy.kpi.threshold_seconds, short_abandon_seconds: opts.policy.kpi.short_abandon_seconds, service_level_formula: opts.policy.kpi.service_level };
    const { calendar } = loadCalendar(opts.policy.calendars);
    const balances = leaveBalances(h.db, { year: 2026, asOf: '2026-10-31' as IsoDate }, calendar, opts.policy.leave);
    const leaveSection: DemoSection = {
      title: 'Annual leave 2026 as of 2026-10-31 (hotline leave balance --year 2026 --as-of 2026-10-31)',
      report: pickColumns(balanceTable(balances), ['operator_id', 'name', 'band_days', 'entitlement_days', 'taken_days', 'remaining_days', 'disqualified']),
    };
    const { finalized, rows } = finalizeMonths(h.db, calendar, opts.policy, hooks.now());
    const appraisalSection: DemoSection = {
      title: `The appraisal of ${TOUR_MONTH}, finalized after ${DEMO_MONTHS.slice(0, -1).join(' and ')} (hotline appraise run --month ${TOUR_MONTH})`,
      report: pickColumns(appraisalTable(rows), ['operator_id', 'name', 'team', 'score', 'grade', 'commendation', 'action']),
    };
    const presence = { from: DEMO_DAY as IsoDate, to: DEMO_DAY as IsoDate, zone: opts.policy.timezone, rules: opts.policy.presence };
    const presenceSection: DemoSection = {
      title: `Operator presence on ${DEMO_DAY}: logins, time logged in and available (H:MM), occupancy, pauses, unauthorized absence (hotline agents daily --date ${DEMO_DAY})`,
      report: agentsDayTable(presence, presenceDays(h.db, presence), 'en'),
    };
    const bonusSection: DemoSection = {
      title: `The bonus sheet of ${TOUR_MONTH}, totals (hotline bonus --month ${TOUR_MONTH})`,
      report: bonusTotalsTable(bonusSheet(h.db, TOUR_MONTH, calendar, opts.policy, { draft: false })),
    };
    return {
      dbPath: opts.dbPath, imports, finalized,
      sections: [...tour(h.db, opts.policy.timezone), presenceSection, leaveSection, appraisalSection, bonusSection, planSection(h.db, calendar, opts.policy)],
      busiestDay: buildDailyReport(h.db, busiest, opts.policy.timezone, defs, opts.policy.tickets, opts.policy.presence),
    };
  } finally {
    h.close();
  }
}

function materialize(report: ReportTable): ReportTable {
  return { columns: report.columns, rows: [...report.rows] };
}

function tour(db: Database.Database, zone: string): DemoSection[] {
  return [
    { title: 'What was imported (hotline imports)', report: materialize(pickColumns(importsReport(db, zone, {}), ['import_id', 'kind', 'file', 'encoding', 'rows', 'inserted'])) },
    { title: 'Team 一组 on the last day of the month (hotline operators list --team 一组 --active-on 2026-10-31)', report: materialize(pickColumns(operatorsReport(db, { team: '一组', activeOn: '2026-10-31' }), ['operator_id', 'name', 'team', 'hire_date', 'level'])) },
    { title: `The first abandoned calls of ${DEMO_DAY} (hotline calls list --date ${DEMO_DAY} --outcome abandoned --limit 8)`, report: materialize(pickColumns(callsReport(db, zone, { from: DEMO_DAY, to: DEMO_DAY, outcome: 'abandoned', limit: 8 }), CALL_TABLE_KEYS)) },
  ];
}

/** Next month's training plan for the sample data (November 2026), attendee lists as counts. */
function planSection(db: Database.Database, calendar: Parameters<typeof trainingPlan>[2], policy: Policy): DemoSection {
  const plan = trainingPlan(db, '2026-11' as IsoMonth, calendar, policy);
  return {
    title: "Next month's training plan (hotline training plan --month 2026-11)",
    report: pickColumns(planTable(plan.sessions), ['date', 'start_time', 'end_time', 'kind', 'topic_name', 'count']),
  };
}
