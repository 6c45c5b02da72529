/**
 * Pay for part of a month (docs/policy.md "Pay for part of a month"): an operator
 * hired or leaving within the month is paid base salary and performance pay in proportion, by
 * `bonus.proration`: working days employed ÷ working days of the month (official calendar), or
 * paid days employed ÷ 21.75 (劳社部发〔2008〕3号: working days plus statutory holidays), or not
 * at all. Pure: the caller passes the calendar; factors are exact fractions, money integer fen.
 */
import { countWorkingDays, eachDay, type WorkCalendar } from './calendar.js';
import { firstDayOf, lastDayOf, type IsoDate, type IsoMonth } from './dates.js';

export type ProrationMode = 'working_days' | '21.75' | 'none';

/** The days of the month on which the operator was employed (both included). */
export interface MonthEmployment {
  employed_from: IsoDate;
  employed_to: IsoDate;
}

export interface PayProration extends MonthEmployment {
  /** Employed from the month's first day to its last: the full-attendance bonus needs this. */
  whole_month: boolean;
  /** Working days employed (`working_days`, `none`) or paid days employed (`21.75`). */
  days_employed: number;
  /** The factor on base salary and performance pay, exactly: numerator / denominator, at most 1. */
  numerator: number;
  denominator: number;
  /** The working shown on the sheet: `full month`, `11/21 working days`, `11/21.75 paid days`, `none`. */
  proration: string;
}

/** docs/policy.md: the part of `month` between the hire date and the leaving date (both included). */
export function employmentInMonth(hire: string, termination: string | null, month: IsoMonth): MonthEmployment {
  const [first, last] = [firstDayOf(month), lastDayOf(month)];
  return {
    employed_from: (hire > first ? hire : first) as IsoDate,
    employed_to: (termination !== null && termination < last ? termination : last) as IsoDate,
  };
}

/**
 * 劳社部发〔2008〕3号: paid days from `from` to `to` are the working days plus the statutory
 * holidays (《全国年节及纪念日放假办法》 art.2, marked in the official calendar files) the calendar
 * gives as days off (a statutory day on a weekend counts too; swapped rest days and ordinary
 * weekends do not).
 */
export function countPaidDays(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (const d of eachDay(from, to)) if (calendar.isWorkingDay(d) || calendar.isStatutoryHoliday(d)) n++;
  return n;
}

/** docs/policy.md and `bonus.proration`: the factor on base and performance pay of one operator's month. */
export function prorateMonth(employment: MonthEmployment, month: IsoMonth, calendar: WorkCalendar, mode: ProrationMode): PayProration {
  const [first, last] = [firstDayOf(month), lastDayOf(month)];
  const { employed_from: from, employed_to: to } = employment;
  const whole_month = from <= first && to >= last;
  const working = from > to ? 0 : countWorkingDays(calendar, from, to);
  const monthWorking = countWorkingDays(calendar, first, last);
  const base = { ...employment, whole_month };
  if (mode === '21.75') {
    const paid = from > to ? 0 : countPaidDays(calendar, from, to);
    if (whole_month) return { ...base, days_employed: countPaidDays(calendar, first, last), numerator: 1, denominator: 1, proration: 'full month' };
    // base ÷ 21.75 × paid days, never above the full amount: paid × 100 / 2175, capped at 1
    if (paid * 100 >= 2175) return { ...base, days_employed: paid, numerator: 1, denominator: 1, proration: `${paid}/21.75 paid days, capped at the full amount` };
    return { ...base, days_employed: paid, numerator: paid * 100, denominator: 2175, proration: `${paid}/21.75 paid days` };
  }
  if (whole_month) return { ...base, days_employed: monthWorking, numerator: 1, denominator: 1, proration: 'full month' };
  if (mode === 'none') return { ...base, days_employed: working, numerator: 1, denominator: 1, proration: 'none' };
  return { ...base, days_employed: working, numerator: monthWorking > 0 ? working : 0, denominator: Math.max(1, monthWorking), proration: `${working}/${monthWorking} working days` };
}

/**
 * fen × coefficient × numerator / denominator, rounded half-up to the fen once (exact: the
 * coefficient has at most 4 decimals, so it is held as an integer of ten-thousandths).
 */
export function scaleFen(fen: number, coefficient: number, factor: Pick<PayProration, 'numerator' | 'denominator'>): number {
  const num = BigInt(Math.abs(fen)) * BigInt(Math.round(coefficient * 10_000)) * BigInt(factor.numerator);
  const den = 10_000n * BigInt(factor.denominator);
  return Math.sign(fen) * Number((2n * num + den) / (2n * den));
}
