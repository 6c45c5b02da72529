/**
 * Pay for part of a month (docs/policy.md "Pay for part of a month"): an operator
 * hired or leaving within the month is paid base salary and performance pay in proportion, by
 * `bonus.proration`: working days employed ÷ working days of the month (official calendar), or
 * paid days employed ÷ 21.75 (劳社部发〔2008〕3号: working days plus statutory holidays), or not
 * at all. Pure: the caller passes the calendar; factors are exact fractions, money integer fen.
 */
import { countWorkingDays, eachDay, type WorkCalendar } from './calendar.js';
import { daysInMonth, type IsoDate, type IsoMonth } from './dates.js';

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

/** First and last day of `month`. */
function monthBounds(month: IsoMonth): [IsoDate, IsoDate] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [`${month}-01` as IsoDate, `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` as IsoDate];
}

/** docs/policy.md: the part of `month` between the hire date and the leaving date (both included). */
export function employmentInMonth(hire: string, termination: string | null, month: IsoMonth): MonthEmployment {
  const [first, last] = monthBounds(month);
  return {
    employed_from: (hire > first ? hire : first) as IsoDate,
    employed_to: (termination !== null && termination < last ? termination : last) as IsoDate,
  };
}

/**
 * 《全国年节及纪念日放假办法》 art.2 (as revised 2024-11-10, in force 2025-01-01): the statutory
 * days on lunar dates (除夕 from 2025, 春节 初一–初三, 清明, 端午, 中秋) of the years that have an
 * official calendar in data/holidays; a year added there needs its row here (a test checks it).
 */
const LUNAR_STATUTORY: Readonly<Record<number, readonly string[]>> = {
  2024: ['02-10', '02-11', '02-12', '04-04', '06-10', '09-17'],
  2025: ['01-28', '01-29', '01-30', '01-31', '04-04', '05-31', '10-06'],
  2026: ['02-16', '02-17', '02-18', '02-19', '04-05', '06-19', '09-25'],
};

/** The years whose lunar statutory holidays are known (see LUNAR_STATUTORY). */
export const STATUTORY_YEARS: readonly number[] = Object.keys(LUNAR_STATUTORY).map(Number);

/** 放假办法 art.2: 元旦 01-01, 劳动节 05-01 (and 05-02 from 2025), 国庆节 10-01–03, and the lunar days above. */
export function isStatutoryHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  const fixed = ['01-01', '05-01', '10-01', '10-02', '10-03', ...(year >= 2025 ? ['05-02'] : [])];
  return fixed.includes(md) || (LUNAR_STATUTORY[year]?.includes(md) ?? false);
}

/**
 * 劳社部发〔2008〕3号: paid days from `from` to `to` are the working days plus the statutory
 * holidays the calendar gives as days off (a statutory day on a weekend counts too; swapped
 * rest days and ordinary weekends do not).
 */
export function countPaidDays(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (const d of eachDay(from, to)) if (calendar.isWorkingDay(d) || (calendar.day(d).kind === 'holiday' && isStatutoryHoliday(d))) n++;
  return n;
}

/** docs/policy.md, `bonus.proration`: the factor on base and performance pay of one operator's month. */
export function prorateMonth(employment: MonthEmployment, month: IsoMonth, calendar: WorkCalendar, mode: ProrationMode): PayProration {
  const [first, last] = monthBounds(month);
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
