/**
 * The monthly appraisal (docs/metrics.md): raw indicators per operator from the database, scores,
 * grades and consequences from the pure rules, and finalized months that later imports cannot
 * change (a stored run, compared with a fresh computation).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { consequences, scoreOperator, type OperatorScore, type RawIndicators } from '../domain/appraisal.js';
import { appraises, type Action, type Grade } from '../domain/appraisal-policy.js';
import { adherenceOf, type PresenceSums } from '../domain/presence-day.js';
import { presenceDays } from './agents.js';
import { describeActionCauses, describeCommendation } from '../domain/appraisal-causes.js';
import { countDaysWorked, type DaysWorked } from '../domain/appraisal-days.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { firstDayOf, lastDayOf, type IsoDate, type IsoMonth } from '../domain/dates.js';
import { recordDaysWithin, type LeaveRecord } from '../domain/leave.js';
import { employmentInMonth } from '../domain/pay-proration.js';
import type { Policy } from '../domain/policy.js';
import { appraisalInputs, seriousComplaints, type MonthRange, type OperatorInputs } from '../db/queries/appraisal-inputs.js';
import { currentRun, type AppraisalRun } from '../db/queries/appraisal-runs.js';
import { callDays, trainingDays } from '../db/queries/appraisal-days.js';
import { leaveByOperator } from '../db/queries/leave.js';
import { gradeHistory, unfinalizedBefore } from './appraisal-streaks.js';
import { firstCallsByOperator } from './repeats.js';

/** The inputs of an operator, with the first calls behind the optional `fcr` indicator when a group weighs it (docs/metrics.md). */
export type AppraisalInputs = OperatorInputs & { fcr?: { first_calls: number; window_open: number; resolved: number } };

export interface AppraisalRow extends OperatorScore {
  operator_id: string;
  name: string;
  team: string | null;
  month: IsoMonth;
  commendation: boolean;
  action: Action | null;
  /** Why the action, e.g. 'serious complaint T00047' or 'fail in 2026-09 and 2026-10' (absent in runs finalized before issue 17). */
  action_cause?: string | null;
  /** Why the commendation, e.g. 'excellent in 2026-08, 2026-09 and 2026-10'. */
  commendation_cause?: string | null;
  days_worked: number;
  /** What the bonus sheet needs, frozen with the month when it is finalized (runs stored before the employment dates were added lack them). */
  pay: { base_salary: number; performance_base: number; orders: number; disqualifying_leave_days: number; employed_from?: IsoDate; employed_to?: IsoDate };
}

export interface ScoredOperator {
  row: Omit<AppraisalRow, 'commendation' | 'action' | 'action_cause' | 'commendation_cause'>;
  inputs: AppraisalInputs;
  raw: RawIndicators;
  leave: LeaveRecord[];
  /** How the days worked were counted (issue 17 item 5). */
  worked: DaysWorked;
  /** The month's presence, when the policy appraises adherence (undefined: none, or not appraised). */
  presence?: PresenceSums;
}

/** Each operator's logged-in time and unauthorized absence over the month (issue 20: the adherence indicator). */
function monthPresence(db: Database.Database, range: MonthRange, policy: Policy): Map<string, PresenceSums> {
  const out = new Map<string, PresenceSums>();
  for (const d of presenceDays(db, { from: range.from as IsoDate, to: range.to as IsoDate, zone: policy.timezone, rules: policy.presence }).days) {
    const s = out.get(d.operator_id) ?? { logged_in_seconds: 0, unauthorized_seconds: 0 };
    out.set(d.operator_id, { logged_in_seconds: s.logged_in_seconds + d.logged_in_seconds, unauthorized_seconds: s.unauthorized_seconds + d.unauthorized_seconds });
  }
  return out;
}

export interface MonthAppraisal {
  month: IsoMonth;
  finalized: { run_id: number; finalized_at: number; os_user: string | null; reason: string | null } | null;
  rows: AppraisalRow[];
  /** For a finalized month: operators whose result would differ if computed now. */
  changes: {
    operator_id: string;
    finalized_score: number | null;
    current_score: number | null;
    finalized_grade: Grade | null;
    current_grade: Grade | null;
    finalized_action: Action | null;
    current_action: Action | null;
    finalized_commendation: boolean;
    current_commendation: boolean;
  }[];
  inputs_digest: string;
  /** The first month before, within the streak rules' reach, that is not finalized: streaks computed now start after it. */
  unfinalized: IsoMonth | null;
}

/** First and last day of a month. */
export function monthRange(month: IsoMonth): MonthRange {
  return { month, from: firstDayOf(month), to: lastDayOf(month) };
}

const NONE: ReadonlySet<string> = new Set();

const mean = (sum: number, count: number): number | null => (count > 0 ? sum / count : null);

/**
 * The raw value of every indicator of §4.2 (null where the data does not exist: a month with no
 * calls imported at all has no calls per day, rather than zero).
 */
export function rawIndicators(i: AppraisalInputs, days: number, presence?: { sums: PresenceSums | undefined }): RawIndicators {
  const fcr = i.fcr ? { fcr: mean(i.fcr.resolved, i.fcr.first_calls - i.fcr.window_open) } : {};
  return {
    // Only when the policy appraises it (issue 20: weight 0 by default), so that nothing else changes.
    ...(presence ? { adherence: adherenceOf(presence.sums) } : {}),
    satisfaction: mean(i.rating_sum + i.survey_sum, i.rating_count + i.survey_count),
    complaint_rate: i.answered > 0 ? (i.complaints_about * 1000) / i.answered : null,
    suggestion_adoption: mean(i.suggestions_adopted, i.suggestions),
    ...fcr,
    calls_per_day: days > 0 && i.month_has_calls ? i.answered / days : null,
    orders_per_day: days > 0 && i.month_has_orders ? i.orders / days : null,
    resolution_hours: i.resolved_tickets > 0 ? i.resolution_seconds / 3600 / i.resolved_tickets : null,
    knowledge_test: mean(i.knowledge_sum, i.knowledge_count),
    teamwork: mean(i.teamwork_sum, i.teamwork_count),
  };
}

/** Scores of every operator employed in the month, without consequences, and the digest of their inputs. */
export function scoreMonth(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy): { scored: ScoredOperator[]; digest: string } {
  const range = monthRange(month);
  const presence = appraises(policy.appraisal, 'adherence') ? monthPresence(db, range, policy) : undefined;
  const leave = leaveByOperator(db);
  const [calls, trained] = [callDays(db, range), trainingDays(db, range)];
  const worked = new Map<string, DaysWorked>();
  // fcr only when a group weighs it: it reads the month's calls and a window either side.
  const fcr = Object.values(policy.appraisal.groups).some((g) => g.weight > 0 && g.indicators.fcr !== undefined)
    ? firstCallsByOperator(db, { from: range.from as IsoDate, to: range.to as IsoDate, zone: policy.timezone, window_hours: policy.repeats.window_hours })
    : undefined;
  const none = { first_calls: 0, window_open: 0, resolved: 0 };
  const scored = appraisalInputs(db, range).map((read): { inputs: AppraisalInputs } & Omit<ScoredOperator, 'inputs' | 'worked'> => {
    const inputs: AppraisalInputs = fcr ? { ...read, fcr: fcr.get(read.operator_id) ?? none } : read;
    const own = leave.get(inputs.operator_id) ?? [];
    const counted = countDaysWorked({
      month, hire_date: inputs.hire_date as IsoDate, termination_date: inputs.termination_date as IsoDate | null, calendar, leave: own,
      onboarding_days: policy.training.onboarding_days, call_days: calls.get(inputs.operator_id) ?? NONE, training_days: trained.get(inputs.operator_id) ?? NONE,
    });
    worked.set(inputs.operator_id, counted);
    const days = counted.days;
    const sums = presence?.get(inputs.operator_id);
    const raw = rawIndicators(inputs, days, presence ? { sums } : undefined);
    const score = scoreOperator(raw, { ...policy.appraisal, adherence_scale: policy.presence.adherence_scale });
    const absent = own.filter((r) => policy.bonus.full_attendance.leave_types.includes(r.type)).reduce((n, r) => n + recordDaysWithin(r, range.from as IsoDate, range.to as IsoDate, calendar), 0);
    const pay = { base_salary: inputs.base_salary ?? 0, performance_base: inputs.performance_base ?? 0, orders: inputs.orders, disqualifying_leave_days: absent, ...employmentInMonth(inputs.hire_date, inputs.termination_date, month) };
    return { inputs, raw, leave: own, presence: sums, row: { operator_id: inputs.operator_id, name: inputs.name, team: inputs.team, month, days_worked: days, pay, ...score } };
  });
  const digested = scored.map((s) => (presence ? [s.inputs, s.row.days_worked, s.row.pay, s.presence ?? null] : [s.inputs, s.row.days_worked, s.row.pay]));
  const digest = createHash('sha256').update(JSON.stringify({ inputs: digested, appraisal: policy.appraisal, bonus: policy.bonus })).digest('hex');
  return { scored: scored.map((s) => ({ ...s, worked: worked.get(s.row.operator_id) as DaysWorked })), digest };
}

function storedRows(run: AppraisalRun): AppraisalRow[] {
  return JSON.parse(run.results_json) as AppraisalRow[];
}

/** The month computed now from the data (never the stored run), with consequences from the finalized months before it. */
export function computeMonth(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy): { rows: AppraisalRow[]; scored: ScoredOperator[]; digest: string; unfinalized: IsoMonth | null } {
  const { scored, digest } = scoreMonth(db, month, calendar, policy);
  const history = gradeHistory(db, month, scored.map((s) => s.row));
  const serious = seriousComplaints(db, monthRange(month));
  const rows = scored.map(({ row, inputs }) => {
    const c = consequences({ month, grade: row.grade, serious_complaint: inputs.serious_complaints_about > 0, history: history.get(row.operator_id) ?? [] }, policy.appraisal);
    return {
      ...row, commendation: c.commendation, action: c.action,
      action_cause: describeActionCauses(c.action_causes, serious.get(row.operator_id) ?? []), commendation_cause: describeCommendation(c.commendation_months),
    };
  });
  return { rows, scored, digest, unfinalized: unfinalizedBefore(db, month, policy) };
}

/** The appraisal of a month: stored if finalized (with what changed since), else computed now. */
export function appraiseMonth(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy): MonthAppraisal & { scored: ScoredOperator[]; computed: AppraisalRow[] } {
  const { rows, scored, digest, unfinalized } = computeMonth(db, month, calendar, policy);
  const run = currentRun(db, month);
  if (!run) return { month, finalized: null, rows, changes: [], inputs_digest: digest, scored, computed: rows, unfinalized };
  const stored = storedRows(run);
  const now = new Map(rows.map((r) => [r.operator_id, r]));
  const changes = stored
    .map((s) => ({ s, c: now.get(s.operator_id) }))
    .filter(({ s, c }) => !c || c.score !== s.score || c.grade !== s.grade || c.action !== s.action || c.commendation !== s.commendation)
    .map(({ s, c }) => ({
      operator_id: s.operator_id, finalized_score: s.score, current_score: c?.score ?? null, finalized_grade: s.grade, current_grade: c?.grade ?? null,
      finalized_action: s.action, current_action: c?.action ?? null, finalized_commendation: s.commendation, current_commendation: c?.commendation ?? false,
    }));
  for (const c of rows) {
    if (!stored.some((s) => s.operator_id === c.operator_id)) {
      changes.push({ operator_id: c.operator_id, finalized_score: null, current_score: c.score, finalized_grade: null, current_grade: c.grade, finalized_action: null, current_action: c.action, finalized_commendation: false, current_commendation: c.commendation });
    }
  }
  return {
    month, rows: stored, changes, inputs_digest: run.inputs_digest, scored, computed: rows, unfinalized,
    finalized: { run_id: run.id, finalized_at: run.finalized_at, os_user: run.os_user, reason: run.reason },
  };
}
