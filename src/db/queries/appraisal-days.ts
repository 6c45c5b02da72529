/**
 * The days behind the appraisal's days worked (issue 17 item 5), per operator: local days with
 * an answered inbound call (from the per-day summary when it exists, as the call counts are) and
 * days with a training session attended.
 */
import type Database from 'better-sqlite3';
import { summaryExists } from './stats-days.js';
import type { MonthRange } from './appraisal-inputs.js';

function byOperator(rows: readonly { operator_id: string; day: string }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) (out.get(r.operator_id) ?? out.set(r.operator_id, new Set()).get(r.operator_id)!).add(r.day);
  return out;
}

/** Days in the month on which each operator answered at least one inbound call. */
export function callDays(db: Database.Database, r: MonthRange): Map<string, Set<string>> {
  const summary = summaryExists(db);
  const sql = summary
    ? `SELECT key AS operator_id, local_day AS day FROM stats_days
       WHERE dim = 'operator' AND direction = 'inbound' AND answered > 0 AND local_day BETWEEN @from AND @to`
    : `SELECT DISTINCT operator_id, local_day AS day FROM calls
       WHERE direction = 'inbound' AND outcome = 'answered' AND operator_id IS NOT NULL AND local_day BETWEEN @from AND @to`;
  return byOperator(db.prepare(sql).all(r) as { operator_id: string; day: string }[]);
}

/** Days in the month on which each operator attended a training session (import trainings and attendance). */
export function trainingDays(db: Database.Database, r: MonthRange): Map<string, Set<string>> {
  return byOperator(db.prepare(`SELECT DISTINCT a.operator_id, t.date AS day FROM attendance a JOIN trainings t ON t.session_id = a.session_id
      WHERE a.status = 'present' AND t.date BETWEEN @from AND @to`).all(r) as { operator_id: string; day: string }[]);
}
