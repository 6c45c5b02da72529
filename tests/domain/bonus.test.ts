// The bonus sheet (src/domain/bonus.ts, PRODUCT.md §4.3): performance pay by grade coefficient
// (excellent 1.2, good 1.0, pass 0.8, fail 0), full attendance 200, excellent employee 500,
// business outstanding 300 for the top 3 by orders with ties included; money exact to the fen.
// Every expected amount is worked by hand in yuan.
import { describe, expect, test } from 'vitest';
import { DEFAULT_BONUS_POLICY, bonusSchema, type BonusPolicy } from '../../src/domain/appraisal-policy.js';
import { businessOutstanding, computeBonusSheet, totalBonusSheet, type BonusInput } from '../../src/domain/bonus.js';

const P = DEFAULT_BONUS_POLICY;

function row(fields: Partial<BonusInput> = {}): BonusInput {
  return {
    operator_id: '1001', name: '张三', team: 'A', grade: 'good', score: 85,
    base_salary: 4000, performance_base: 2000, orders: 0, disqualifying_leave_days: 0, ...fields,
  };
}

function pay(input: BonusInput, policy: BonusPolicy = P) {
  const [r] = computeBonusSheet([input], policy);
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
