// Audit of the month-end leave figures (docs/leave.md): cases found by an independent audit.
// REG = 职工带薪年休假条例, MEA = 企业职工带薪年休假实施办法. Every figure is worked out by hand
// in the row's comment, on the official calendar (data/holidays/cn-2026.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCalendar, type CalendarFile } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { DEFAULT_LEAVE_POLICY, computeBalance, computeSettlement, type LeaveEmployee, type LeaveRecord, type LeaveType } from '../../src/domain/leave.js';
import { ROOT } from '../helpers/cli.js';

const calendar = buildCalendar([2025, 2026].map((y) => JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', `cn-${y}.json`), 'utf8')) as CalendarFile));
const d = (s: string): IsoDate => s as IsoDate;

function rec(type: LeaveType, start: string, end: string, days: number | null = null): LeaveRecord {
  return { type, start_date: d(start), end_date: d(end), days, wage_deducted: null };
}

/** Band 5 all through 2026 (first job 2020-01-01), leaving on Friday 2026-11-13: 01-01..11-13 = 317 days. */
const LEAVER: LeaveEmployee = {
  operator_id: '3003', name: '郑离', hire_date: d('2024-01-01'), work_start_date: d('2020-01-01'),
  termination_date: d('2026-11-13'), monthly_wage: 4350,
};

describe('a leaver: leave recorded after the last day of employment is not leave taken (MEA art.12, docs/leave.md §5, §8)', () => {
  // Annual leave 03-02 (1 day) and 06-01 (half a day) while employed = 1.5 days; a day of annual leave
  // booked for Friday 11-20, a week after leaving on 11-13, was never taken: there was no job to be
  // away from. The balance counts the art.12 period (to the leaving date), as `leave settle` does.
  const records = [rec('annual', '2026-03-02', '2026-03-02'), rec('annual', '2026-06-01', '2026-06-01', 0.5), rec('annual', '2026-11-20', '2026-11-20')];

  test.each([
    // 317/365 × 5 = 4.34 → 4; taken 1 + 0.5 = 1.5 (11-20 is after the leaving day); 4 − 1.5 = 2.5
    { name: 'balance as of 2026-12-31', asOf: '2026-12-31', expected: { taken_days: 1.5, remaining_days: 2.5 } },
    // the same as of the leaving day itself
    { name: 'balance as of the leaving day', asOf: '2026-11-13', expected: { taken_days: 1.5, remaining_days: 2.5 } },
  ])('$name → $expected', ({ asOf, expected }) => {
    const b = computeBalance(LEAVER, records, 2026, d(asOf), calendar, DEFAULT_LEAVE_POLICY);
    expect({ taken_days: b.taken_days, remaining_days: b.remaining_days }).toEqual(expected);
  });

  test('the balance and the settlement agree on the days taken (1.5)', () => {
    const b = computeBalance(LEAVER, records, 2026, d('2026-12-31'), calendar, DEFAULT_LEAVE_POLICY);
    const s = computeSettlement(LEAVER, records, d('2026-11-13'), calendar, DEFAULT_LEAVE_POLICY);
    // settlement: 317/365 × 5 − 1.5 = 2.84 → 2 days; extra 2 × 2 × 4350 / 21.75 = 800.00
    expect([b.taken_days, s.taken_days, s.payable_unused_days, s.extra_pay]).toEqual([1.5, 1.5, 2, 800]);
  });

  test('sick leave after the leaving day does not disqualify the year (REG art.4(3) counts the year of employment)', () => {
    // sick 10-01..11-13 = 44 calendar days while employed; 11-14..12-31 (48 days) after leaving would
    // make 92 ≥ 60 and take the year's 4 days away. Employed, the leaver had 44 < 60: the year keeps
    // its 317/365 × 5 = 4.34 → 4 days, 1 taken (03-02), 3 remaining.
    const sick = [rec('annual', '2026-03-02', '2026-03-02'), rec('sick', '2026-10-01', '2026-12-31')];
    const b = computeBalance(LEAVER, sick, 2026, d('2026-12-31'), calendar, DEFAULT_LEAVE_POLICY);
    expect({ entitlement_days: b.entitlement_days, taken_days: b.taken_days, remaining_days: b.remaining_days, disqualified: b.disqualified, basis: b.basis }).toEqual({
      entitlement_days: 4, taken_days: 1, remaining_days: 3, disqualified: false, basis: 'left 2026-11-13: 317/365 × 5 = 4.34 → 4',
    });
  });
});

// docs/leave.md §6: a year before the first leave imported is not known, so nothing is carried out
// of it. With carry-over up to 5 days, the leaver above (1.5 days taken in 2026: 03-02 and half of
// 06-01) has 317/365 × 5 = 4.34 of 2026, and:
//   - 2026 the first year of leave data: nothing carried from 2025, 4.34 − 1.5 = 2.84 → 2 days owed,
//     extra 2 × 2 × 4350 / 21.75 = 800.00;
//   - 2025 known too (a leave record of anyone's in 2025, none of 3003's: 5 unused, capped at 5):
//     4.34 + 5 − 1.5 = 7.84 → 7 days, 7 × 2 × 200 = 2800.00.
describe('carry-over and the years before the first leave imported (docs/leave.md §6)', () => {
  const policy = { ...DEFAULT_LEAVE_POLICY, carry_over: { max_days: 5 } };
  const taken = [rec('annual', '2026-03-02', '2026-03-02'), rec('annual', '2026-06-01', '2026-06-01', 0.5)];

  test.each([
    { known: 2026, owed: 2, pay: 800, note: true },
    { known: null, owed: 2, pay: 800, note: true },
    { known: 2025, owed: 7, pay: 2800, note: false },
  ])('leave known from $known: $owed days owed, $pay extra', ({ known, owed, pay, note }) => {
    const s = computeSettlement(LEAVER, taken, d('2026-11-13'), calendar, policy, known);
    expect({ owed: s.payable_unused_days, pay: s.extra_pay }).toEqual({ owed, pay });
    expect(s.basis.includes('nothing carried over from 2025: no leave was imported for it')).toBe(note);
    const b = computeBalance(LEAVER, taken, 2026, d('2026-11-13'), calendar, policy, known);
    expect({ carried: b.carried_over_days, noted: b.basis.includes('nothing carried over from 2025: no leave was imported for it') }).toEqual({ carried: note ? 0 : 5, noted: note });
  });

  test('without carry-over, or hired in the year asked for: nothing to say about the year before', () => {
    expect(computeSettlement(LEAVER, taken, d('2026-11-13'), calendar, DEFAULT_LEAVE_POLICY, 2026).basis).not.toContain('nothing carried');
    const hired2026 = { ...LEAVER, hire_date: d('2026-02-01') };
    expect(computeBalance(hired2026, taken, 2026, d('2026-11-13'), calendar, policy, 2026).basis).not.toContain('nothing carried');
  });
});
