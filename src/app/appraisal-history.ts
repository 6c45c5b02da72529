/** An operator's appraisal month by month (`appraise history`): finalized months as stored, the others computed now. */
import type Database from 'better-sqlite3';
import type { WorkCalendar } from '../domain/calendar.js';
import { addMonths, type IsoMonth } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import { currentRun } from '../db/queries/appraisal-runs.js';
import { InputError } from '../errors.js';
import type { ReportTable, Row } from '../io/render/report.js';
import { columns } from '../io/render/vocabulary/columns.js';
import { appraiseMonth, type AppraisalRow } from './appraisal.js';

const HISTORY_COLUMNS = columns('month', 'score', 'grade', 'commendation', 'action', ['status', { values: 'run_status' }]);

/** The operator's score, grade, commendation and action in the `months` months to `to`, oldest first; none at all is bad input. */
export function appraisalHistory(db: Database.Database, q: { operator: string; months: number; to: IsoMonth }, calendar: WorkCalendar, policy: Policy): ReportTable {
  const rows: Row[] = [];
  let m = q.to;
  for (let k = 0; k < q.months; k++, m = addMonths(m, -1)) {
    const run = currentRun(db, m);
    const list: AppraisalRow[] = run ? (JSON.parse(run.results_json) as AppraisalRow[]) : appraiseMonth(db, m, calendar, policy).rows;
    const r = list.find((x) => x.operator_id === q.operator);
    if (r) rows.unshift({ month: m, score: r.score, grade: r.grade, commendation: r.commendation, action: r.action, status: run ? 'finalized' : 'computed' });
  }
  if (rows.length === 0) throw new InputError(`no appraisal of operator ${q.operator} in those months`);
  return { columns: HISTORY_COLUMNS, rows };
}
