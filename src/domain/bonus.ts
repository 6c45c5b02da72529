/**
 * The HR bonus sheet (docs/policy.md): base salary, performance pay by grade coefficient,
 * full-attendance, excellent-employee and business-outstanding bonuses, total; base and
 * performance pay pro-rated for part of a month (`bonus.proration`, src/domain/pay-proration.ts).
 * Pure: integer fen inside, yuan with at most 2 decimals in and out; callers pass the month's
 * rows, the policy and the working calendar.
 */
import type { BonusPolicy, Grade } from './appraisal-policy.js';
import type { WorkCalendar } from './calendar.js';
import type { IsoDate, IsoMonth } from './dates.js';
import { prorateMonth, scaleFen } from './pay-proration.js';

export interface BonusInput {
  operator_id: string;
  name: string;
  team: string | null;
  /** The month's grade; null when the operator had no appraisal data. */
  grade: Grade | null;
  score: number | null;
  /** Yuan, at most 2 decimals. */
  base_salary: number;
  /** Yuan, at most 2 decimals: performance pay at coefficient 1. */
  performance_base: number;
  /** Orders entered in the month. */
  orders: number;
  /** Days in the month of the leave types in `full_attendance.leave_types`. */
  disqualifying_leave_days: number;
  /** The days of the month on which the operator was employed (employmentInMonth). */
  employed_from: IsoDate;
  employed_to: IsoDate;
}

export interface BonusRow extends BonusInput {
  /** Working days employed (`working_days`, `none`) or paid days employed (`21.75`). */
  days_employed: number;
  /** How base and performance pay were pro-rated: `full month`, `11/21 working days`, `11/21.75 paid days`, `none`. */
  proration: string;
  performance_pay: number;
  full_attendance_bonus: number;
  excellent_employee_bonus: number;
  business_outstanding_bonus: number;
  total: number;
}

export interface BonusTotals {
  operators: number;
  base_salary: number;
  performance_pay: number;
  full_attendance_bonus: number;
  excellent_employee_bonus: number;
  business_outstanding_bonus: number;
  total: number;
}

const MONEY_KEYS = ['base_salary', 'performance_pay', 'full_attendance_bonus', 'excellent_employee_bonus', 'business_outstanding_bonus', 'total'] as const;

/**
 * docs/policy.md: one row per operator, in input order. An operator without a grade (no
 * appraisal data) gets no performance pay and no excellent-employee bonus; full attendance and
 * business outstanding do not depend on the grade. Part of a month employed: base and performance
 * pay × the proration factor (rounded half-up to the fen once), and no full-attendance bonus.
 */
export function computeBonusSheet(rows: readonly BonusInput[], policy: BonusPolicy, { month, calendar }: { month: IsoMonth; calendar: WorkCalendar }): BonusRow[] {
  const outstanding = businessOutstanding(rows.map((r) => r.orders), policy.business_outstanding);
  return rows.map((row, i) => {
    const p = prorateMonth(row, month, calendar, policy.proration);
    const base = scaleFen(toFen(row.base_salary), 1, p);
    const performance = row.grade === null ? 0 : scaleFen(toFen(row.performance_base), policy.coefficients[row.grade], p);
    const attendance = p.whole_month && row.disqualifying_leave_days <= 0 ? toFen(policy.full_attendance.amount) : 0;
    const excellent = row.grade === 'excellent' ? toFen(policy.excellent_employee.amount) : 0;
    const business = outstanding[i] ? toFen(policy.business_outstanding.amount) : 0;
    return {
      ...row,
      days_employed: p.days_employed,
      proration: p.proration,
      base_salary: toYuan(base),
      performance_base: toYuan(toFen(row.performance_base)),
      performance_pay: toYuan(performance),
      full_attendance_bonus: toYuan(attendance),
      excellent_employee_bonus: toYuan(excellent),
      business_outstanding_bonus: toYuan(business),
      total: toYuan(base + performance + attendance + excellent + business),
    };
  });
}

/**
 * docs/policy.md: the top N by orders entered, by competition rank (50, 40, 40, 40, 30 ranks
 * 1, 2, 2, 2, 5); ties at the cut all qualify ('included') or none of them does ('excluded');
 * 0 orders never qualify.
 */
export function businessOutstanding(orders: readonly number[], rule: BonusPolicy['business_outstanding']): boolean[] {
  return orders.map((mine) => {
    if (mine <= 0) return false;
    const above = orders.filter((o) => o > mine).length;
    const tied = orders.filter((o) => o === mine).length;
    return rule.ties === 'included' ? above < rule.top_n : above + tied <= rule.top_n;
  });
}

/** docs/policy.md: the sheet's totals row, summed in fen. */
export function totalBonusSheet(rows: readonly BonusRow[]): BonusTotals {
  const totals: BonusTotals = { operators: rows.length, base_salary: 0, performance_pay: 0, full_attendance_bonus: 0, excellent_employee_bonus: 0, business_outstanding_bonus: 0, total: 0 };
  for (const key of MONEY_KEYS) totals[key] = toYuan(rows.reduce((fen, r) => fen + toFen(r[key]), 0));
  return totals;
}

/** Yuan (at most 2 decimals) to integer fen. */
function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

function toYuan(fen: number): number {
  return fen / 100;
}
