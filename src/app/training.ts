/** The month's training plan (docs/policy.md) from the roster, leave, the calendar and last month's appraisal. */
import type Database from 'better-sqlite3';
import type { WorkCalendar } from '../domain/calendar.js';
import { addDays, addMonths, dateParts, firstDayOf, localToEpoch, type IsoDate, type IsoMonth } from '../domain/dates.js';
import { eachDay } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { buildTrainingPlan, sessionHours, type AppraisalResult, type TrainingPlan, type TrainingSession } from '../domain/training.js';
import { attendedTraining, complianceOf, requiredTraining, type AttendanceRecord, type ComplianceRow } from '../domain/training-compliance.js';
import { TRAINING_KINDS, type TrainingKind } from '../domain/training-policy.js';
import { promotionCandidates, type GradeRecord, type PromotionCandidate } from '../domain/career.js';
import { currentRuns } from '../db/queries/appraisal-runs.js';
import { leaveByOperator } from '../db/queries/leave.js';
import { attendedSessions, employedOperators, onboardingAttended, operatorsEmployedFrom } from '../db/queries/training.js';
import type { CalendarEvent } from '../io/render/ics.js';
import type { Report, ReportTable } from '../io/render/report.js';
import { column, columns, WIDE } from '../io/render/vocabulary/columns.js';
import { labelsOf } from '../io/render/vocabulary/values.js';
import { appraiseMonth, monthRange } from './appraisal.js';

/** The plan of `month`: onboarding for recent hires, internal courses for everyone, targeted courses and coaching from last month. */
export function trainingPlan(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy): TrainingPlan & { appraisal_month: IsoMonth; appraisal_finalized: boolean } {
  const range = monthRange(month);
  const operators = employedOperators(db, range);
  const employment = new Map(operators.map((o) => [o.operator_id, { hire_date: o.hire_date, termination_date: o.termination_date }]));
  // Onboarding is done once the operator attended onboarding_days onboarding sessions (import
  // attendance) before the month; anyone hired more than a month before the month is taken as done.
  const recent = addDays(range.from as IsoDate, -31);
  const attended = onboardingAttended(db, range.from);
  const hires = operators.map((o) => ({
    operator_id: o.operator_id, hire_date: o.hire_date,
    onboarding_done: o.hire_date < recent || (attended.get(o.operator_id) ?? 0) >= policy.training.onboarding_days,
  }));
  const leave = new Map<string, Set<string>>();
  for (const [op, records] of leaveByOperator(db)) {
    const days = new Set<string>();
    for (const r of records) for (const d of eachDay(r.start_date, r.end_date)) days.add(d);
    leave.set(op, days);
  }
  const last = addMonths(month, -1);
  const appraisal = appraiseMonth(db, last, calendar, policy);
  const results: AppraisalResult[] = appraisal.rows.map((r) => ({
    operator_id: r.operator_id,
    grade: r.grade,
    indicators: Object.fromEntries(Object.entries(r.indicators).map(([k, v]) => [k, { score: v?.score ?? null }])),
  }));
  const plan = buildTrainingPlan({ hires, month, calendar, policy: policy.training, employment, leave, operators: operators.map((o) => o.operator_id), appraisal: results });
  return { ...plan, appraisal_month: last, appraisal_finalized: appraisal.finalized !== null };
}

const KIND_ZH = labelsOf('training_kind');

const PLAN_COLUMNS = columns(
  'date', 'start_time', ['end_time', WIDE], ['kind', { values: 'training_kind' }], 'topic_name', ['count', { en: 'attendees', zh: '人数' }], 'attendee_ids', ['session_id', WIDE],
);

/** Sessions as a table: one row per session, attendees joined. */
export function planTable(sessions: readonly TrainingSession[]): ReportTable {
  return { columns: PLAN_COLUMNS, rows: sessions.map((s) => ({ ...s, count: s.attendees.length, attendee_ids: s.attendees.join(' ') })) };
}

/** `training plan`: the sessions as a table, as calendar events (--format ics), or as JSON without the topics' names. */
export function planReport(sessions: readonly TrainingSession[], month: IsoMonth, zone: string): Report {
  return {
    ...planTable(sessions),
    json: sessions.map(({ topic_name: _n, ...s }) => s),
    calendar: { name: `hotline training ${month}`, events: planEvents(sessions, zone) },
  };
}

/** Sessions as calendar events in the policy zone. */
function planEvents(sessions: readonly TrainingSession[], zone: string): CalendarEvent[] {
  const at = (date: string, time: string): number => {
    return localToEpoch({ ...dateParts(date as IsoDate), hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)), second: 0 }, zone);
  };
  return sessions.map((s) => ({
    uid: `${s.session_id}@hotline`,
    start: at(s.date, s.start_time),
    end: at(s.date, s.end_time),
    summary: `${s.topic_name}（${KIND_ZH[s.kind] ?? s.kind}）`,
    description: `${s.kind}: ${s.attendees.length} attendees: ${s.attendees.join(', ')}`,
  }));
}

/** Per operator: required sessions (from the month's plan; internal: min(the policy's monthly courses, those offered)) against attended ones (from `import attendance`). */
export function trainingCompliance(db: Database.Database, month: IsoMonth, calendar: Parameters<typeof trainingPlan>[2], policy: Policy): { rows: ComplianceRow[]; total_hours: number } {
  const plan = trainingPlan(db, month, calendar, policy);
  const range = monthRange(month);
  const operators = employedOperators(db, range).map((o) => o.operator_id);
  const required = requiredTraining(plan.sessions, { operators, internal_minimum: policy.training.monthly_sessions });
  const rows = attendedSessions(db, range);
  const slotHours = (kind: TrainingKind): number => sessionHours({ start_time: policy.training.slots[kind].start, end_time: policy.training.slots[kind].end });
  const records: AttendanceRecord[] = rows.map((r) => {
    const kind = (r.kind === 'external' ? 'internal' : r.kind) as TrainingKind;
    return { operator_id: r.operator_id, kind, hours: r.hours ?? slotHours(kind) };
  });
  const result = complianceOf(required, attendedTraining(records));
  return { rows: result, total_hours: result.reduce((s, r) => s + r.attended_hours, 0) };
}

/** Per kind of session, required and attended; a terminal table shows the internal courses only. */
const COMPLIANCE_COLUMNS = [
  column('operator_id'),
  ...TRAINING_KINDS.flatMap((k) => [column(`${k}_required`, { wide: k !== 'internal' }), column(`${k}_attended`, { wide: k !== 'internal' })]),
  ...columns('required_hours', 'attended_hours', 'behind'),
];

/** Compliance as a table: required/attended per kind, hours, who is behind. */
function complianceTable(rows: readonly ComplianceRow[]): ReportTable {
  return {
    columns: COMPLIANCE_COLUMNS,
    rows: rows.map((r) => ({
      operator_id: r.operator_id, required_hours: r.required_hours, attended_hours: r.attended_hours, behind: r.behind.join(' '),
      ...Object.fromEntries(TRAINING_KINDS.flatMap((k) => [[`${k}_required`, r.required[k]], [`${k}_attended`, r.attended[k]]])),
    })),
  };
}

/** `training compliance`: the table, or JSON with the month and the hours attended in all. */
export function complianceReport(rows: readonly ComplianceRow[], month: IsoMonth, totalHours: number): Report {
  return { ...complianceTable(rows), json: { month, total_hours: totalHours, rows } };
}

/** Team-lead candidates from the finalized months of the window ending at `asOf`. */
export function promotions(db: Database.Database, asOf: IsoMonth, policy: Policy): PromotionCandidate[] {
  const from = addMonths(asOf, -(policy.career.window_months - 1));
  const history: GradeRecord[] = [];
  for (const run of currentRuns(db, from, asOf)) {
    for (const r of JSON.parse(run.results_json) as { operator_id: string; grade: GradeRecord['grade'] }[]) history.push({ operator_id: r.operator_id, month: run.month as IsoMonth, grade: r.grade });
  }
  const operators = operatorsEmployedFrom(db, firstDayOf(asOf));
  return promotionCandidates({ history, operators, as_of: asOf, policy: policy.career });
}

const PROMOTION_COLUMNS = columns('operator_id', 'excellent_months', 'tenure_months', 'record');

/** `operators promotions`: one row per candidate with their record ('2026-08:excellent …'), or the candidates as JSON. */
export function promotionsReport(candidates: readonly PromotionCandidate[]): Report {
  return {
    columns: PROMOTION_COLUMNS,
    rows: candidates.map((c) => ({ ...c, record: c.record.map((r) => `${r.month}:${r.grade ?? '-'}`).join(' ') })),
    json: candidates,
  };
}
