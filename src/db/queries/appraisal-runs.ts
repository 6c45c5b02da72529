/** Finalized appraisal runs: store, read the current one, supersede. */
import type Database from 'better-sqlite3';

export interface AppraisalRun {
  id: number;
  month: string;
  finalized_at: number;
  os_user: string | null;
  reason: string | null;
  policy_json: string;
  inputs_digest: string;
  results_json: string;
  superseded_at: number | null;
}

/** The current (not superseded) run of a month. */
export function currentRun(db: Database.Database, month: string): AppraisalRun | undefined {
  return db.prepare('SELECT * FROM appraisal_runs WHERE month = ? AND superseded_at IS NULL').get(month) as AppraisalRun | undefined;
}

/** Whether the month has a current (finalized) run, without reading its results. */
export function isFinalized(db: Database.Database, month: string): boolean {
  return db.prepare('SELECT 1 FROM appraisal_runs WHERE month = ? AND superseded_at IS NULL').get(month) !== undefined;
}

/** Current runs of the months in [from, to]. */
export function currentRuns(db: Database.Database, from: string, to: string): AppraisalRun[] {
  return db.prepare('SELECT * FROM appraisal_runs WHERE month BETWEEN ? AND ? AND superseded_at IS NULL ORDER BY month').all(from, to) as AppraisalRun[];
}

/** Stores a run in one IMMEDIATE transaction, superseding the current one when `replace`. */
export function storeRun(db: Database.Database, run: Omit<AppraisalRun, 'id' | 'superseded_at'>, replace: boolean): number {
  return db.transaction(() => {
    if (replace) db.prepare('UPDATE appraisal_runs SET superseded_at = ? WHERE month = ? AND superseded_at IS NULL').run(run.finalized_at, run.month);
    return Number(db.prepare(`INSERT INTO appraisal_runs (month, finalized_at, os_user, reason, policy_json, inputs_digest, results_json)
      VALUES (@month, @finalized_at, @os_user, @reason, @policy_json, @inputs_digest, @results_json)`).run(run).lastInsertRowid);
  }).immediate();
}
