/** The month's training plan (PRODUCT.md §4.4) from the roster, leave, the calendar and last month's appraisal. */
import type Database from 'better-sqlite3';
import type { WorkCalendar } from '../domain/calendar.js';
import { addDays, localToEpoch, type IsoDate, type IsoMonth } from '../domain/dates.js';
import { eachDay } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { buildTrainingPlan, type AppraisalResult, type TrainingPlan, type TrainingSession } from '../domain/training.js';
import { leaveByOperator } from '../db/queries/leave.js';
import type { CalendarEvent } from '../io/render/ics.js';
import type { Column, ReportTable } from '../io/render/report.js';
import { appraiseMonth, monthRange, previousMonth } from './appraisal.js';

/** The plan of `month`: onboarding for recent hires, internal courses for everyone, targeted courses and coaching from last month. */
export function trainingPlan(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy): TrainingPlan & { appraisal_month: IsoMonth; appraisal_finalized: boolean } {
  const range = monthRange(month);
  const operators = db.prepare('SELECT operator_id, hire_date FROM operators WHERE hire_date <= @to AND (termination_date IS NULL OR termination_date >= @from) ORDER BY operator_id').all(range) as { operator_id: string; hire_date: IsoDate }[];
  // Without training records, onboarding is taken as done for anyone hired more than a month before the month.
  const recent = addDays(range.from as IsoDate, -31);
  const hires = operators.map((o) => ({ operator_id: o.operator_id, hire_date: o.hire_date, onboarding_done: o.hire_date < recent }));
  const leave = new Map<string, Set<string>>();
  for (const [op, records] of leaveByOperator(db)) {
    const days = new Set<string>();
    for (const r of records) for (const d of eachDay(r.start_date, r.end_date)) days.add(d);
    leave.set(op, days);
  }
  const last = previousMonth(month);
  const appraisal = appraiseMonth(db, last, calendar, policy);
  const results: AppraisalResult[] = appraisal.rows.map((r) => ({
    operator_id: r.operator_id,
    grade: r.grade,
    indicators: Object.fromEntries(Object.entries(r.indicators).map(([k, v]) => [k, { score: v?.score ?? null }])),
  }));
  const plan = buildTrainingPlan({ hires, month, calendar, policy: policy.training, leave, operators: operators.map((o) => o.operator_id), appraisal: results });
  return { ...plan, appraisal_month: last, appraisal_finalized: appraisal.finalized !== null };
}

const KIND_ZH: Record<string, string> = { onboarding: '入职培训', internal: '内部课程', targeted: '专项培训', coaching: '一对一辅导' };

/** Sessions as a table: one row per session, attendees joined. */
export function planTable(sessions: readonly TrainingSession[]): ReportTable {
  const columns: Column[] = [
    { key: 'date', en: 'date', zh: '日期', type: 'date' }, { key: 'start_time', en: 'start', zh: '开始' }, { key: 'end_time', en: 'end', zh: '结束' },
    { key: 'kind', en: 'kind', zh: '类型' }, { key: 'topic_name', en: 'topic', zh: '主题' }, { key: 'count', en: 'attendees', zh: '人数', type: 'integer' },
    { key: 'attendee_ids', en: 'attendee_ids', zh: '参训工号' }, { key: 'session_id', en: 'session_id', zh: '场次' },
  ];
  return { columns, rows: sessions.map((s) => ({ ...s, count: s.attendees.length, attendee_ids: s.attendees.join(' ') })) };
}

/** Sessions as calendar events in the policy zone. */
export function planEvents(sessions: readonly TrainingSession[], zone: string): CalendarEvent[] {
  const at = (date: string, time: string): number => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return localToEpoch({ year: y, month: m, day: d, hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)), second: 0 }, zone);
  };
  return sessions.map((s) => ({
    uid: `${s.session_id}@hotline`,
    start: at(s.date, s.start_time),
    end: at(s.date, s.end_time),
    summary: `${s.topic_name}（${KIND_ZH[s.kind] ?? s.kind}）`,
    description: `${s.kind}: ${s.attendees.length} attendees: ${s.attendees.join(', ')}`,
  }));
}
