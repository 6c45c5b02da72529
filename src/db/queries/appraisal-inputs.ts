/**
 * The raw inputs of the monthly appraisal (docs/metrics.md), per operator, read with one grouped
 * query per source: answered calls and ratings (from the per-day summary when it exists), orders,
 * tickets, evaluations. Days worked and leave come from the leave queries and the calendar.
 */
import type Database from 'better-sqlite3';
import { summaryExists } from './stats-days.js';

export interface MonthRange {
  month: string;
  from: string;
  to: string;
}

export interface OperatorInputs {
  operator_id: string;
  name: string;
  team: string | null;
  hire_date: string;
  termination_date: string | null;
  base_salary: number | null;
  performance_base: number | null;
  answered: number;
  rating_sum: number;
  rating_count: number;
  survey_sum: number;
  survey_count: number;
  complaints_about: number;
  serious_complaints_about: number;
  suggestions: number;
  suggestions_adopted: number;
  resolved_tickets: number;
  resolution_seconds: number;
  knowledge_sum: number;
  knowledge_count: number;
  teamwork_sum: number;
  teamwork_count: number;
  orders: number;
  /** Whether the database holds any call (any order) in the month: without, the per-day rates have no data. */
  month_has_calls: boolean;
  month_has_orders: boolean;
}

type Sums = Map<string, Record<string, number>>;

function byOperator(rows: Record<string, unknown>[]): Sums {
  return new Map(rows.map((r) => [String(r.operator_id), r as Record<string, number>]));
}

/** Answered inbound calls and their ratings per operator in the month. */
function callSums(db: Database.Database, r: MonthRange): Sums {
  const summary = summaryExists(db);
  const sql = summary
    ? `SELECT key AS operator_id, sum(answered) AS answered, sum(satisfaction_sum) AS rating_sum, sum(satisfaction_count) AS rating_count
       FROM stats_days WHERE dim = 'operator' AND direction = 'inbound' AND local_day BETWEEN @from AND @to GROUP BY key`
    : `SELECT operator_id, count(*) AS answered, coalesce(sum(satisfaction), 0) AS rating_sum, count(satisfaction) AS rating_count
       FROM calls WHERE direction = 'inbound' AND outcome = 'answered' AND operator_id IS NOT NULL AND local_day BETWEEN @from AND @to GROUP BY operator_id`;
  return byOperator(db.prepare(sql).all(r) as Record<string, unknown>[]);
}

/** Whether the database holds any call on the local days from `r.from` to `r.to` (a month before the first import holds none). */
export function hasCallsIn(db: Database.Database, r: { from: string; to: string }): boolean {
  return db.prepare('SELECT 1 FROM calls WHERE local_day BETWEEN @from AND @to LIMIT 1').get({ from: r.from, to: r.to }) !== undefined;
}

/** Every input of every operator employed at some time in the month. */
export function appraisalInputs(db: Database.Database, r: MonthRange): OperatorInputs[] {
  const calls = callSums(db, r);
  const orders = byOperator(db.prepare('SELECT operator_id, count(*) AS orders FROM orders WHERE local_day BETWEEN @from AND @to GROUP BY operator_id').all(r) as Record<string, unknown>[]);
  const about = byOperator(db.prepare(`SELECT about_operator_id AS operator_id, count(*) AS complaints_about, count(*) FILTER (WHERE severity = 'serious') AS serious_complaints_about
      FROM tickets WHERE kind = 'complaint' AND about_operator_id IS NOT NULL AND local_day BETWEEN @from AND @to GROUP BY about_operator_id`).all(r) as Record<string, unknown>[]);
  const suggestions = byOperator(db.prepare(`SELECT operator_id, count(*) AS suggestions, count(*) FILTER (WHERE adopted = 1) AS suggestions_adopted
      FROM tickets WHERE kind = 'suggestion' AND local_day BETWEEN @from AND @to GROUP BY operator_id`).all(r) as Record<string, unknown>[]);
  const resolved = byOperator(db.prepare(`SELECT operator_id, count(*) AS resolved_tickets, sum(resolved_at - opened_at) AS resolution_seconds
      FROM tickets WHERE kind = 'complaint' AND resolved_day BETWEEN @from AND @to GROUP BY operator_id`).all(r) as Record<string, unknown>[]);
  const evals = byOperator(db.prepare(`SELECT operator_id,
        coalesce(sum(score) FILTER (WHERE metric = 'satisfaction_survey'), 0) AS survey_sum, count(*) FILTER (WHERE metric = 'satisfaction_survey') AS survey_count,
        coalesce(sum(score) FILTER (WHERE metric = 'knowledge_test'), 0) AS knowledge_sum, count(*) FILTER (WHERE metric = 'knowledge_test') AS knowledge_count,
        coalesce(sum(score) FILTER (WHERE metric = 'teamwork'), 0) AS teamwork_sum, count(*) FILTER (WHERE metric = 'teamwork') AS teamwork_count
      FROM evaluations WHERE month = @month GROUP BY operator_id`).all(r) as Record<string, unknown>[]);
  const roster = db.prepare(`SELECT operator_id, name, team, hire_date, termination_date, base_salary, performance_base FROM operators
      WHERE hire_date <= @to AND (termination_date IS NULL OR termination_date >= @from) ORDER BY operator_id`).all(r) as Pick<OperatorInputs, 'operator_id' | 'name' | 'team' | 'hire_date' | 'termination_date' | 'base_salary' | 'performance_base'>[];
  const n = (m: Sums, id: string, key: string): number => Number(m.get(id)?.[key] ?? 0);
  const monthHasCalls = hasCallsIn(db, r);
  const monthHasOrders = db.prepare('SELECT 1 FROM orders WHERE local_day BETWEEN @from AND @to LIMIT 1').get(r) !== undefined;
  return roster.map((o) => ({
    ...o,
    answered: n(calls, o.operator_id, 'answered'),
    rating_sum: n(calls, o.operator_id, 'rating_sum'),
    rating_count: n(calls, o.operator_id, 'rating_count'),
    survey_sum: n(evals, o.operator_id, 'survey_sum'),
    survey_count: n(evals, o.operator_id, 'survey_count'),
    complaints_about: n(about, o.operator_id, 'complaints_about'),
    serious_complaints_about: n(about, o.operator_id, 'serious_complaints_about'),
    suggestions: n(suggestions, o.operator_id, 'suggestions'),
    suggestions_adopted: n(suggestions, o.operator_id, 'suggestions_adopted'),
    resolved_tickets: n(resolved, o.operator_id, 'resolved_tickets'),
    resolution_seconds: n(resolved, o.operator_id, 'resolution_seconds'),
    knowledge_sum: n(evals, o.operator_id, 'knowledge_sum'),
    knowledge_count: n(evals, o.operator_id, 'knowledge_count'),
    teamwork_sum: n(evals, o.operator_id, 'teamwork_sum'),
    teamwork_count: n(evals, o.operator_id, 'teamwork_count'),
    orders: n(orders, o.operator_id, 'orders'),
    month_has_calls: monthHasCalls,
    month_has_orders: monthHasOrders,
  }));
}

/** The serious complaints against each operator opened in the month, by ticket id (the cause of a reassignment review). */
export function seriousComplaints(db: Database.Database, r: MonthRange): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = db.prepare(`SELECT about_operator_id AS operator_id, ticket_id FROM tickets
      WHERE kind = 'complaint' AND severity = 'serious' AND about_operator_id IS NOT NULL AND local_day BETWEEN @from AND @to ORDER BY ticket_id`).all(r) as { operator_id: string; ticket_id: string }[];
  for (const t of rows) out.set(t.operator_id, [...(out.get(t.operator_id) ?? []), t.ticket_id]);
  return out;
}
