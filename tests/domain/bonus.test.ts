// The bonus sheet (src/domain/bonus.ts, PRODUCT.md §4.3): performance pay by grade coefficient
// (excellent 1.2, good 1.0, pass 0.8, fail 0), full attendance 200, excellent employee 500,
// business outstanding 300 for the top 3 by orders with ties included; money exact to the fen.
// Every expected amount is worked by hand in yuan.
//
// Part of a month (bonus.proration, docs/policy.md): the official calendar (data/holidays/cn-2026.json,
// read as shipped). November 2026 has 21 working days (11-02..06, 09..13, 16..20, 23..27, 30; the 1st
// is a Sunday), no holiday. October 2026 has 18 (10-01..07 国庆节 off, Saturday 10-10 worked).
// February 2026 has 16 (春节 02-15..23 off, Saturdays 02-14 and 02-28 worked). December 2026 has 23.
// Statutory days (放假办法 art.2) used by `21.75`: 10-01, 10-02, 10-03 (a Saturday) and 除夕 02-16,
// 初一–初三 02-17..19.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_BONUS_POLICY, bonusSchema, type BonusPolicy } from '../../src/domain/appraisal-policy.js';
import { businessOutstanding, computeBonusSheet, totalBonusSheet, type BonusInput } from '../../src/domain/bonus.js';
import { buildCalendar, type CalendarFile } from '../../src/domain/calendar.js';
import type { IsoDate, IsoMonth } from '../../src/domain/dates.js';
import { countPaidDays, employmentInMonth } from '../../src/domain/pay-proration.js';
import { ROOT } from '../helpers/cli.js';

const P = DEFAULT_BONUS_POLICY;
const FILES = [2024, 2025, 2026].map((y) => JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', `cn-${y}.json`), 'utf8')) as CalendarFile);
const calendar = buildCalendar(FILES);
const NOV = { month: '2026-11' as IsoMonth, calendar };

function row(fields: Partial<BonusInput> = {}): BonusInput {
  return {
    operator_id: '1001', name: '张三', team: 'A', grade: 'good', score: 85,
    base_salary: 4000, performance_base: 2000, orders: 0, disqualifying_leave_days: 0,
    employed_from: '2026-11-01' as IsoDate, employed_to: '2026-11-30' as IsoDate, ...fields,
  };
}

function pay(input: BonusInput, policy: BonusPolicy = P) {
  const [r] = computeBonusSheet([input], policy, NOV);
  return {
    performance_pay: r?.performance_pay, full_attendance_bonus: r?.full_attendance_bonus,
    excellent_employee_bonus: r?.excellent_employee_bonus, business_outstanding_bonus: r?.business_outstanding_bonus, total: r?.total,
  };
}

const amounts = (performance_pay: number, full_attendance_bonus: number, excellent_employee_bonus: number, business_outstanding_bonus: number, total: number) =>
  ({ performance_pay, full_attendance_bonus, excellent_employee_bonus, business_outstanding_bonus, total });

describe('computeBonusSheet: one operator', () => {
  test.each([
    // 2000 × 1.2 = 2400; 4000 + 2400 + 200 + 500 = 7100
    { name: 'excellent, full attendance', input: row({ grade: 'excellent', score: 93 }), policy: P, expected: amounts(2400, 200, 500, 0, 7100) },
    { name: 'good', input: row(), policy: P, expected: amounts(2000, 200, 0, 0, 6200) },
    // 2000 × 0.8 = 1600
    { name: 'pass', input: row({ grade: 'pass', score: 65 }), policy: P, expected: amounts(1600, 200, 0, 0, 5800) },
    { name: 'fail', input: row({ grade: 'fail', score: 40 }), policy: P, expected: amounts(0, 200, 0, 0, 4200) },
    { name: 'no grade: no performance pay, no excellent bonus', input: row({ grade: null, score: null }), policy: P, expected: amounts(0, 200, 0, 0, 4200) },
    { name: 'one sick day loses full attendance', input: row({ disqualifying_leave_days: 1 }), policy: P, expected: amounts(2000, 0, 0, 0, 6000) },
    { name: 'half a personal day loses full attendance', input: row({ disqualifying_leave_days: 0.5 }), policy: P, expected: amounts(2000, 0, 0, 0, 6000) },
    // 3333.33 × 1.2 = 3999.996 → 4000.00; 4000 + 4000 + 200 + 500 = 8700
    { name: 'excellent on 3333.33 rounds half-up to the fen', input: row({ grade: 'excellent', performance_base: 3333.33 }), policy: P, expected: amounts(4000, 200, 500, 0, 8700) },
    // 3333.33 × 0.8 = 2666.664 → 2666.66; 4000 + 2666.66 + 200 = 6866.66
    { name: 'pass on 3333.33 rounds down to the fen', input: row({ grade: 'pass', performance_base: 3333.33 }), policy: P, expected: amounts(2666.66, 200, 0, 0, 6866.66) },
    // 3500.55 + 1234.56 + 200 = 4935.11
    { name: 'fen add up exactly', input: row({ base_salary: 3500.55, performance_base: 1234.56 }), policy: P, expected: amounts(1234.56, 200, 0, 0, 4935.11) },
    // 0.10 × 1.15 = 0.115 → 0.12 (binary 10 × 1.15 is 11.499999999999998 fen)
    { name: 'coefficient 1.15 on 0.10 rounds the half fen up', input: row({ performance_base: 0.1 }), policy: bonusSchema.parse({ coefficients: { good: 1.15 } }), expected: amounts(0.12, 200, 0, 0, 4200.12) },
    // 1.00 × 1.005 = 1.005 → 1.01
    { name: 'coefficient 1.005 on 1.00 rounds the half fen up', input: row({ performance_base: 1 }), policy: bonusSchema.parse({ coefficients: { good: 1.005 } }), expected: amounts(1.01, 200, 0, 0, 4201.01) },
    // one operator with orders is top 1 of 1
    { name: 'the only operator with orders is outstanding', input: row({ orders: 12 }), policy: P, expected: amounts(2000, 200, 0, 300, 6500) },
    { name: 'company amounts 150.50 and 800', input: row({ grade: 'excellent' }), policy: bonusSchema.parse({ full_attendance: { amount: 150.5 }, excellent_employee: { amount: 800 } }), expected: amounts(2400, 150.5, 800, 0, 7350.5) },
  ])('$name → $expected.total', ({ input, policy, expected }) => {
    expect(pay(input, policy)).toEqual(expected);
  });
});

/** A month's employment as the sheet gets it (from the roster: hire and leaving dates). */
const employed = (month: string, hire: string, left: string | null = null) => employmentInMonth(hire, left, month as IsoMonth);

describe('computeBonusSheet: part of a month (bonus.proration)', () => {
  const W = P;
  const D = bonusSchema.parse({ proration: '21.75' });
  const N = bonusSchema.parse({ proration: 'none' });
  const base = { base_salary: 4200, performance_base: 2100 };
  test.each([
    { name: 'the whole month', month: '2026-11', input: row({ ...base, ...employed('2026-11', '2019-04-01') }), policy: W,
      expected: { base_salary: 4200, performance_pay: 2100, full_attendance_bonus: 200, total: 6500, days_employed: 21, proration: 'full month' } },
    // 11-16..30: 11 working days; 4200 × 11/21 = 2200; 2100 × 1.0 × 11/21 = 1100; not the whole month: no full attendance
    { name: 'hired on the 16th, working_days', month: '2026-11', input: row({ ...base, ...employed('2026-11', '2026-11-16') }), policy: W,
      expected: { base_salary: 2200, performance_pay: 1100, full_attendance_bonus: 0, total: 3300, days_employed: 11, proration: '11/21 working days' } },
    // 11-02..13: 10 working days; 4200 × 10/21 = 2000; 2100 × 10/21 = 1000
    { name: 'left on the 13th, working_days', month: '2026-11', input: row({ ...base, ...employed('2026-11', '2020-01-01', '2026-11-13') }), policy: W,
      expected: { base_salary: 2000, performance_pay: 1000, full_attendance_bonus: 0, total: 3000, days_employed: 10, proration: '10/21 working days' } },
    // 4200 ÷ 21.75 × 11 = 2124.137… → 2124.14; 2100 × 11 / 21.75 = 1062.068… → 1062.07
    { name: 'hired on the 16th, 21.75', month: '2026-11', input: row({ ...base, ...employed('2026-11', '2026-11-16') }), policy: D,
      expected: { base_salary: 2124.14, performance_pay: 1062.07, full_attendance_bonus: 0, total: 3186.21, days_employed: 11, proration: '11/21.75 paid days' } },
    // 4200 × 10 / 21.75 = 1931.034… → 1931.03; 2100 × 10 / 21.75 = 965.517… → 965.52
    { name: 'left on the 13th, 21.75', month: '2026-11', input: row({ ...base, ...employed('2026-11', '2020-01-01', '2026-11-13') }), policy: D,
      expected: { base_salary: 1931.03, performance_pay: 965.52, full_attendance_bonus: 0, total: 2896.55, days_employed: 10, proration: '10/21.75 paid days' } },
    { name: 'hired on the 16th, none: full pay, still no full attendance', month: '2026-11', input: row({ ...base, ...employed('2026-11', '2026-11-16') }), policy: N,
      expected: { base_salary: 4200, performance_pay: 2100, full_attendance_bonus: 0, total: 6300, days_employed: 11, proration: 'none' } },
    { name: 'the whole month, 21.75: the full base whatever the paid days', month: '2026-11', input: row({ ...base, ...employed('2026-11', '2019-04-01') }), policy: D,
      expected: { base_salary: 4200, performance_pay: 2100, full_attendance_bonus: 200, total: 6500, days_employed: 21, proration: 'full month' } },
    // excellent: 2100 × 1.2 × 10/21 = 1200; the 500 is not pro-rated; 2000 + 1200 + 500 = 3700
    { name: 'excellent, left on the 13th', month: '2026-11', input: row({ ...base, grade: 'excellent', ...employed('2026-11', '2020-01-01', '2026-11-13') }), policy: W,
      expected: { base_salary: 2000, performance_pay: 1200, full_attendance_bonus: 0, total: 3700, days_employed: 10, proration: '10/21 working days' } },
    // 10-19..31: 10 of 18 working days; 3000 × 10/18 = 1666.666… → 1666.67; 1000 × 10/18 = 555.555… → 555.56
    { name: 'hired 10-19: half-up to the fen', month: '2026-10', input: row({ base_salary: 3000, performance_base: 1000, ...employed('2026-10', '2026-10-19') }), policy: W,
      expected: { base_salary: 1666.67, performance_pay: 555.56, full_attendance_bonus: 0, total: 2222.23, days_employed: 10, proration: '10/18 working days' } },
    // pass: 1833.33 × 0.8 × 10/18 = 814.813… → 814.81 (rounded once)
    { name: 'pass on 1833.33, hired 10-19', month: '2026-10', input: row({ base_salary: 3600, performance_base: 1833.33, grade: 'pass', ...employed('2026-10', '2026-10-19') }), policy: W,
      expected: { base_salary: 2000, performance_pay: 814.81, full_attendance_bonus: 0, total: 2814.81, days_employed: 10, proration: '10/18 working days' } },
    // left 10-20: 10-08, 09, 10 (swapped Saturday), 12..16, 19, 20 = 10 of 18; 4900 × 10/18 = 2722.22; 1800 × 10/18 = 1000
    { name: 'left 10-20 (the demo\'s 1017), working_days', month: '2026-10', input: row({ base_salary: 4900, performance_base: 1800, ...employed('2026-10', '2022-05-23', '2026-10-20') }), policy: W,
      expected: { base_salary: 2722.22, performance_pay: 1000, full_attendance_bonus: 0, total: 3722.22, days_employed: 10, proration: '10/18 working days' } },
    // paid days 10 working + 3 statutory (10-01..03, Saturday 10-03 too) = 13; 4900 × 13 / 21.75 = 2928.735… → 2928.74;
    // 1800 × 13 / 21.75 = 1075.862… → 1075.86
    { name: 'left 10-20, 21.75: the National Day statutory days are paid', month: '2026-10', input: row({ base_salary: 4900, performance_base: 1800, ...employed('2026-10', '2022-05-23', '2026-10-20') }), policy: D,
      expected: { base_salary: 2928.74, performance_pay: 1075.86, full_attendance_bonus: 0, total: 4004.6, days_employed: 13, proration: '13/21.75 paid days' } },
    // hired 10-08, the first working day after the break: 18/18, the full base, but not the whole month
    { name: 'hired on the month\'s first working day', month: '2026-10', input: row({ ...base, ...employed('2026-10', '2026-10-08') }), policy: W,
      expected: { base_salary: 4200, performance_pay: 2100, full_attendance_bonus: 0, total: 6300, days_employed: 18, proration: '18/18 working days' } },
    { name: 'hired on the last day, a Saturday', month: '2026-10', input: row({ ...base, ...employed('2026-10', '2026-10-31') }), policy: W,
      expected: { base_salary: 0, performance_pay: 0, full_attendance_bonus: 0, total: 0, days_employed: 0, proration: '0/18 working days' } },
    // hired 02-16 (除夕): working days 02-24..28 = 5 of 16; 4350 × 5/16 = 1359.375 → 1359.38; 2175 × 5/16 = 679.6875 → 679.69
    { name: 'hired 02-16 in the Spring Festival break, working_days', month: '2026-02', input: row({ base_salary: 4350, performance_base: 2175, ...employed('2026-02', '2026-02-16') }), policy: W,
      expected: { base_salary: 1359.38, performance_pay: 679.69, full_attendance_bonus: 0, total: 2039.07, days_employed: 5, proration: '5/16 working days' } },
    // paid days: statutory 02-16..19 (4) + working 02-24..28 (5) = 9; 4350 ÷ 21.75 = 200 × 9 = 1800; 2175 ÷ 21.75 = 100 × 9 = 900
    { name: 'hired 02-16 in the Spring Festival break, 21.75', month: '2026-02', input: row({ base_salary: 4350, performance_base: 2175, ...employed('2026-02', '2026-02-16') }), policy: D,
      expected: { base_salary: 1800, performance_pay: 900, full_attendance_bonus: 0, total: 2700, days_employed: 9, proration: '9/21.75 paid days' } },
    // December 2026: 23 working days; hired 12-02: 22 paid days > 21.75 → the full amount, never more
    { name: 'hired 12-02, 21.75: capped at the full base', month: '2026-12', input: row({ ...base, ...employed('2026-12', '2026-12-02') }), policy: D,
      expected: { base_salary: 4200, performance_pay: 2100, full_attendance_bonus: 0, total: 6300, days_employed: 22, proration: '22/21.75 paid days, capped at the full amount' } },
    { name: 'no grade, hired on the 16th: base pro-rated, no performance pay', month: '2026-11', input: row({ ...base, grade: null, score: null, ...employed('2026-11', '2026-11-16') }), policy: W,
      expected: { base_salary: 2200, performance_pay: 0, full_attendance_bonus: 0, total: 2200, days_employed: 11, proration: '11/21 working days' } },
  ])('$name → $expected.total', ({ month, input, policy, expected }) => {
    const [r] = computeBonusSheet([input], policy, { month: month as IsoMonth, calendar });
    expect({ base_salary: r?.base_salary, performance_pay: r?.performance_pay, full_attendance_bonus: r?.full_attendance_bonus, total: r?.total, days_employed: r?.days_employed, proration: r?.proration }).toEqual(expected);
  });

  test('the sheet shows the employment dates', () => {
    const [r] = computeBonusSheet([row(employed('2026-11', '2026-11-16'))], P, NOV);
    expect({ employed_from: r?.employed_from, employed_to: r?.employed_to }).toEqual({ employed_from: '2026-11-16', employed_to: '2026-11-30' });
  });
});

describe('employmentInMonth', () => {
  test.each([
    { name: 'employed all month', hire: '2019-04-01', left: null, expected: { employed_from: '2026-11-01', employed_to: '2026-11-30' } },
    { name: 'hired on the 16th', hire: '2026-11-16', left: null, expected: { employed_from: '2026-11-16', employed_to: '2026-11-30' } },
    { name: 'left on the 13th', hire: '2020-01-01', left: '2026-11-13', expected: { employed_from: '2026-11-01', employed_to: '2026-11-13' } },
    { name: 'left after the month', hire: '2020-01-01', left: '2026-12-31', expected: { employed_from: '2026-11-01', employed_to: '2026-11-30' } },
    { name: 'hired and left within the month', hire: '2026-11-03', left: '2026-11-20', expected: { employed_from: '2026-11-03', employed_to: '2026-11-20' } },
  ])('$name → $expected.employed_from..$expected.employed_to', ({ hire, left, expected }) => {
    expect(employmentInMonth(hire, left, '2026-11' as IsoMonth)).toEqual(expected);
  });
});

describe('statutory holidays and paid days (放假办法 art.2, 劳社部发〔2008〕3号)', () => {
  // The statutory days themselves (data/holidays, 11 or 13 a year) are tested with the calendar: tests/domain/calendar.test.ts.
  test.each([
    // 18 working days + 10-01, 02, 03 = 21 (10-04..07 are swapped rest days and a Sunday)
    { name: 'October 2026', from: '2026-10-01', to: '2026-10-31', expected: 21 },
    // 16 working days + 02-16..19 = 20 (02-15, 20..23 are not statutory)
    { name: 'February 2026', from: '2026-02-01', to: '2026-02-28', expected: 20 },
    { name: 'November 2026 (no holiday)', from: '2026-11-01', to: '2026-11-30', expected: 21 },
    { name: 'one day off that is not statutory (2026-10-05)', from: '2026-10-05', to: '2026-10-05', expected: 0 },
    { name: 'a statutory Saturday (2026-10-03)', from: '2026-10-03', to: '2026-10-03', expected: 1 },
  ])('$name → $expected', ({ from, to, expected }) => {
    expect(countPaidDays(calendar, from as IsoDate, to as IsoDate)).toBe(expected);
  });
});

describe('businessOutstanding', () => {
  const rule = (top_n: number, ties: 'included' | 'excluded' = 'included') => ({ amount: 300, top_n, ties });
  test.each([
    { name: '50 40 40 40 30, top 3, ties included: four', orders: [50, 40, 40, 40, 30], rule: rule(3), expected: [true, true, true, true, false] },
    { name: '50 40 40 40 30, top 3, ties excluded: one', orders: [50, 40, 40, 40, 30], rule: rule(3, 'excluded'), expected: [true, false, false, false, false] },
    { name: '50 40 30 20, top 3', orders: [50, 40, 30, 20], rule: rule(3), expected: [true, true, true, false] },
    { name: 'unsorted 30 40 50 40', orders: [30, 40, 50, 40], rule: rule(3), expected: [false, true, true, true] },
    // 50s rank 1, 40 rank 3: the tie at the top fits inside 3 either way
    { name: '50 50 40 30, ties excluded', orders: [50, 50, 40, 30], rule: rule(3, 'excluded'), expected: [true, true, true, false] },
    { name: 'four tied at 10, ties included', orders: [10, 10, 10, 10], rule: rule(3), expected: [true, true, true, true] },
    { name: 'four tied at 10, ties excluded', orders: [10, 10, 10, 10], rule: rule(3, 'excluded'), expected: [false, false, false, false] },
    { name: '0 orders never qualify', orders: [5, 0, 0, 0], rule: rule(3), expected: [true, false, false, false] },
    { name: 'nobody has orders', orders: [0, 0], rule: rule(3), expected: [false, false] },
    { name: 'top 0', orders: [9, 8], rule: rule(0), expected: [false, false] },
    { name: 'no operators', orders: [], rule: rule(3), expected: [] },
  ])('$name → $expected', ({ orders, rule: r, expected }) => {
    expect(businessOutstanding(orders, r)).toEqual(expected);
  });
});

describe('computeBonusSheet and totalBonusSheet: a team', () => {
  const sheet = computeBonusSheet(
    [
      row({ operator_id: '1', grade: 'excellent', orders: 50 }),
      row({ operator_id: '2', grade: 'good', orders: 40, disqualifying_leave_days: 2 }),
      row({ operator_id: '3', grade: 'pass', orders: 40 }),
      row({ operator_id: '4', grade: 'fail', orders: 40, base_salary: 3500.55 }),
      row({ operator_id: '5', grade: null, score: null, orders: 30 }),
    ],
    P,
    NOV,
  );

  test('rows keep their order and the four top-3 operators (ties included) get 300', () => {
    expect(sheet.map((r) => [r.operator_id, r.business_outstanding_bonus, r.total])).toEqual([
      ['1', 300, 7400], // 4000 + 2400 + 200 + 500 + 300
      ['2', 300, 6300], // 4000 + 2000 + 0 + 300
      ['3', 300, 6100], // 4000 + 1600 + 200 + 300
      ['4', 300, 4000.55], // 3500.55 + 0 + 200 + 300
      ['5', 0, 4200], // 4000 + 0 + 200
    ]);
  });

  test('totals are summed in fen', () => {
    // base 4 × 4000 + 3500.55 = 19500.55; performance 2400 + 2000 + 1600 = 6000; attendance 4 × 200;
    // excellent 500; outstanding 4 × 300; total 7400 + 6300 + 6100 + 4000.55 + 4200 = 28000.55
    expect(totalBonusSheet(sheet)).toEqual({
      operators: 5, base_salary: 19500.55, performance_pay: 6000, full_attendance_bonus: 800,
      excellent_employee_bonus: 500, business_outstanding_bonus: 1200, total: 28000.55,
    });
  });

  test('an empty sheet totals to zero', () => {
    expect(totalBonusSheet([])).toEqual({ operators: 0, base_salary: 0, performance_pay: 0, full_attendance_bonus: 0, excellent_employee_bonus: 0, business_outstanding_bonus: 0, total: 0 });
  });
});
