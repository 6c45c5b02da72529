/**
 * Streaks for the appraisal's consequences (docs/metrics.md, issue 17 item 1): only finalized
 * months count before the current one, so a month of partial data (a first import that spilled
 * over midnight) cannot fail everyone; the first month not finalized is said once on stderr.
 */
import type Database from 'better-sqlite3';
import type { Grade } from '../domain/appraisal-policy.js';
import { addMonths, type IsoMonth } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import { currentRun, isFinalized } from '../db/queries/appraisal-runs.js';

/** docs/metrics.md, issue 17: how many months before the current one a streak rule looks at. */
function streakDepth(policy: Policy): number {
  return Math.max(policy.appraisal.commendation.months, policy.appraisal.actions.consecutive_fails?.months ?? 1) - 1;
}

/** The first month before `month`, within the streak rules' reach, that is not finalized (streaks start after it). */
export function unfinalizedBefore(db: Database.Database, month: IsoMonth, policy: Policy): IsoMonth | null {
  for (let k = 1, m = addMonths(month, -1); k <= streakDepth(policy); k++, m = addMonths(m, -1)) {
    if (!isFinalized(db, m)) return m;
  }
  return null;
}

/** 'Streaks start at …' for the report's stderr. */
export function streakNote(unfinalized: IsoMonth): string {
  return `${unfinalized} is not finalized: streaks start at ${addMonths(unfinalized, 1)}`;
}

/**
 * Issue 17: grades of the finalized months before `month`, walking back while some operator's
 * streak of this month's grade (excellent or fail) still runs; a month not finalized ends the walk
 * (it breaks every streak). Computed months never count: a month of partial data would fail everyone.
 */
export function gradeHistory(db: Database.Database, month: IsoMonth, current: readonly { operator_id: string; grade: Grade | null }[]): Map<string, { month: IsoMonth; grade: Grade | null }[]> {
  const history = new Map<string, { month: IsoMonth; grade: Grade | null }[]>();
  let running = new Map(current.filter((r) => r.grade === 'excellent' || r.grade === 'fail').map((r) => [r.operator_id, r.grade]));
  for (let m = addMonths(month, -1); running.size > 0; m = addMonths(m, -1)) {
    const run = currentRun(db, m);
    if (!run) break;
    const next = new Map<string, Grade | null>();
    for (const r of JSON.parse(run.results_json) as { operator_id: string; grade: Grade | null }[]) {
      if (!running.has(r.operator_id)) continue;
      history.set(r.operator_id, [...(history.get(r.operator_id) ?? []), { month: m, grade: r.grade }]);
      if (r.grade === running.get(r.operator_id)) next.set(r.operator_id, r.grade);
    }
    running = next;
  }
  return history;
}
