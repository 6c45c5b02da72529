/** What the training plan, compliance and promotions read: who is employed, who attended which session. */
import type Database from 'better-sqlite3';
import type { IsoDate } from '../../domain/dates.js';
import type { EmploymentSpan } from '../../domain/training.js';

/** An inclusive range of local days, e.g. a month. */
interface DayRange {
  from: string;
  to: string;
}

/** Operators employed on at least one day of `range`, by operator ID. */
export function employedOperators(db: Database.Database, range: DayRange): ({ operator_id: string } & EmploymentSpan)[] {
  return db.prepare('SELECT operator_id, hire_date, termination_date FROM operators WHERE hire_date <= @to AND (termination_date IS NULL OR termination_date >= @from) ORDER BY operator_id')
    .all({ from: range.from, to: range.to }) as ({ operator_id: string } & EmploymentSpan)[];
}

/** Operators still employed on or after `day` (hired before it or not), by operator ID. */
export function operatorsEmployedFrom(db: Database.Database, day: string): { operator_id: string; hire_date: IsoDate }[] {
  return db.prepare('SELECT operator_id, hire_date FROM operators WHERE termination_date IS NULL OR termination_date >= ? ORDER BY operator_id').all(day) as { operator_id: string; hire_date: IsoDate }[];
}

/** Per operator: onboarding sessions attended (present) on a day before `before`. */
export function onboardingAttended(db: Database.Database, before: string): Map<string, number> {
  const rows = db.prepare(`SELECT a.operator_id, count(*) AS n FROM attendance a JOIN trainings t ON t.session_id = a.session_id
      WHERE a.status = 'present' AND t.kind = 'onboarding' AND t.date < ? GROUP BY a.operator_id`).all(before) as { operator_id: string; n: number }[];
  return new Map(rows.map((r) => [r.operator_id, r.n]));
}

/** Each session attended (present) in `range`: who, its kind, its hours (null: not recorded). */
export function attendedSessions(db: Database.Database, range: DayRange): { operator_id: string; kind: string; hours: number | null }[] {
  return db.prepare(`SELECT a.operator_id, t.kind, t.hours FROM attendance a JOIN trainings t ON t.session_id = a.session_id
      WHERE a.status = 'present' AND t.date BETWEEN @from AND @to`).all({ from: range.from, to: range.to }) as { operator_id: string; kind: string; hours: number | null }[];
}
