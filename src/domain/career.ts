/**
 * The career path to team lead (docs/policy.md, issue 7): candidates are excellent in at least
 * `career.excellent_months` of the `career.window_months` calendar months ending with the as-of
 * month, with at least `career.min_tenure_months` completed months at the company at the end of
 * the as-of month. Pure: the finalized grades, hire dates and as-of month are passed in.
 */
import type { Grade } from './appraisal-policy.js';
import { addMonths, dateParts, monthOf, monthsBetween, monthsEndingAt, type IsoDate, type IsoMonth } from './dates.js';
import type { CareerPolicy } from './training-policy.js';

export interface GradeRecord {
  operator_id: string;
  month: IsoMonth;
  /** The finalized grade; null when the month had no grade. */
  grade: Grade | null;
}

export interface PromotionCandidate {
  operator_id: string;
  excellent_months: number;
  tenure_months: number;
  /** Every month of the window, oldest first; null where no finalized grade exists. */
  record: { month: IsoMonth; grade: Grade | null }[];
}

export interface PromotionInput {
  /** Finalized monthly grades (any order, any months). */
  history: readonly GradeRecord[];
  operators: readonly { operator_id: string; hire_date: IsoDate }[];
  as_of: IsoMonth;
  policy: CareerPolicy;
}

/** Completed months from the hire date to the end of `month` (hired 2024-06-01 → 24 at the end of 2026-05). */
export function tenureMonths(hireDate: IsoDate, month: IsoMonth): number {
  // The end of `month` is the start of day 1 of the next month; a month begun after its 1st is not complete.
  return Math.max(0, monthsBetween(monthOf(hireDate), addMonths(month, 1)) - (dateParts(hireDate).day > 1 ? 1 : 0));
}

/** docs/policy.md: team-lead candidates with their record, most excellent months first, then by id. */
export function promotionCandidates({ history, operators, as_of, policy }: PromotionInput): PromotionCandidate[] {
  const window = monthsEndingAt(as_of, policy.window_months);
  const grades = new Map<string, Grade | null>();
  for (const h of history) grades.set(`${h.operator_id}|${h.month}`, h.grade);
  const out: PromotionCandidate[] = [];
  for (const { operator_id, hire_date } of operators) {
    const record = window.map((month) => ({ month, grade: grades.get(`${operator_id}|${month}`) ?? null }));
    const excellent = record.filter((r) => r.grade === 'excellent').length;
    const tenure = tenureMonths(hire_date, as_of);
    if (excellent >= policy.excellent_months && tenure >= policy.min_tenure_months) out.push({ operator_id, excellent_months: excellent, tenure_months: tenure, record });
  }
  return out.sort((a, b) => b.excellent_months - a.excellent_months || a.operator_id.localeCompare(b.operator_id));
}
