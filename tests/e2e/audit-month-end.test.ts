// An independent audit of the month-end numbers, on the built binary, as a user runs them (each
// figure worked out by hand below; docs/leave.md, docs/policy.md, docs/metrics.md).
//
// Operators:
//   3003 郑离, hired 2024-01-01, first job 2020-01-01 (band 5 all through 2026), leaves on Friday
//        2026-11-13 (01-01..11-13 = 317 days), monthly wage 4350 (day wage 4350 / 21.75 = 200).
//        Annual leave 03-02 (1 day), 06-01 (half a day), and a day still booked for 11-20, a week
//        after leaving: never taken.
//
// Leave 2026 (MEA art.12): 317/365 × 5 = 4.34 → 4 days in the balance; taken 1 + 0.5 = 1.5 (11-20 is
// after the leaving day), remaining 4 − 1.5 = 2.5. Settlement: 4.34 − 1.5 = 2.84 → 2 days owed,
// extra 200 %: 2 × 2 × 4350 / 21.75 = 800.00.
import { beforeAll, describe, expect, test } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { workspace } from './support.js';

const ws = workspace('hotline-e2e-audit-month-end-');

/** Runs hotline on `db` (default audit.db), failing the test with its stderr unless it exits 0. */
function ok(args: string[], db = 'audit.db', global: string[] = []): CliResult {
  const r = ws.run(['--db', db, ...global, ...args]);
  if (r.status !== 0) throw new Error(`hotline ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r;
}

const lines = (rows: readonly string[]): string => rows.join('\n') + '\n';

const OPERATORS = lines([
  'operator_id,name,team,hire_date,work_start_date,termination_date,base_salary,performance_base,monthly_wage',
  '3003,郑离,B组,2024-01-01,2020-01-01,2026-11-13,4350,2100,4350',
]);

const LEAVE = lines([
  'operator_id,type,start_date,end_date,days',
  '3003,annual,2026-03-02,2026-03-02,',
  '3003,annual,2026-06-01,2026-06-01,0.5',
  '3003,annual,2026-11-20,2026-11-20,',
]);

beforeAll(() => {
  for (const [kind, text] of [['operators', OPERATORS], ['leave', LEAVE]] as const) ok(['import', kind, ws.write(`${kind}.csv`, text)]);
});

describe('a leaver on the 13th with leave booked after leaving (docs/leave.md §5, §7)', () => {
  test('leave balance counts the leave taken up to the leaving day: 1.5 taken, 2.5 remaining', () => {
    const r = ok(['leave', 'balance', '--year', '2026', '--as-of', '2026-12-31', '--operator', '3003', '--format', 'json']);
    const [row] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect({ entitlement_days: row?.entitlement_days, taken_days: row?.taken_days, remaining_days: row?.remaining_days, basis: row?.basis }).toEqual({
      entitlement_days: 4, taken_days: 1.5, remaining_days: 2.5, basis: 'left 2026-11-13: 317/365 × 5 = 4.34 → 4',
    });
  });

  test('leave settle agrees: 1.5 taken, 2 days owed, 800.00 extra', () => {
    const r = ok(['leave', 'settle', '--operator', '3003', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual({
      operator_id: '3003', termination_date: '2026-11-13', entitlement_days: 4.34, taken_days: 1.5, payable_unused_days: 2, daily_wage: 200, extra_pay: 800,
      basis: 'left 2026-11-13: 317/365 × 5 − 1.5 taken = 2.84 → 2; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 2 × 2 × 4350.00 / 21.75 = 800.00',
    });
  });
});

describe('the full-attendance bonus and sick leave on rest days only (docs/policy.md, bonus.full_attendance)', () => {
  // Saturday 10-24 and Sunday 10-25 2026 are rest days. 3004's record gives `days` 2 (a rostered
  // weekend shift it missed); 3005's gives none, so its days are counted on the calendar: 0.
  test('a weekend sick record costs the 200 only when its days value says days worked were missed', () => {
    ws.write('fa-operators.csv', lines(['operator_id,name,team,hire_date,base_salary,performance_base', '3004,冯病,B组,2021-05-10,4000,2000', '3005,王好,B组,2021-05-10,4000,2000']));
    ws.write('fa-leave.csv', lines(['operator_id,type,start_date,end_date,days', '3004,sick,2026-10-24,2026-10-25,2', '3005,sick,2026-10-24,2026-10-25,']));
    ok(['import', 'operators', 'fa-operators.csv']);
    ok(['import', 'leave', 'fa-leave.csv']);
    const rows = JSON.parse(ok(['bonus', '--month', '2026-10', '--draft', '--format', 'json']).stdout) as { operator_id: string; full_attendance_bonus: number }[];
    expect(rows.filter((r) => r.operator_id === '3004' || r.operator_id === '3005').map((r) => [r.operator_id, r.full_attendance_bonus])).toEqual([['3004', 0], ['3005', 200]]);
  });
});

describe('carry-over and the year before the first leave imported (docs/leave.md §6)', () => {
  // The leaver 3003 above (2026: 1.5 days taken, 4.34 of the year) with leave.carry_over up to 5
  // days. Only 2026 leave imported: 2025 is not known, nothing is carried from it: 2 days, 800.00.
  // Once 2025 leave is imported (another operator's day; 3003 took none): 5 carried, 4.34 + 5 − 1.5
  // = 7.84 → 7 days, 7 × 2 × 4350 / 21.75 = 2800.00.
  test('leave settle carries nothing out of a year no leave was imported for, and says so; with that year imported, its unused days', () => {
    ws.write('carry-policy.json', JSON.stringify({ leave: { carry_over: { max_days: 5 } } }));
    const carry = (args: string[]): CliResult => ok(args, 'carry.db', ['--policy', 'carry-policy.json']);
    carry(['import', 'operators', 'operators.csv']);
    carry(['import', 'leave', 'leave.csv']);
    const settle = (): Record<string, unknown> => JSON.parse(carry(['leave', 'settle', '--operator', '3003', '--format', 'json']).stdout) as Record<string, unknown>;
    expect(settle()).toMatchObject({
      payable_unused_days: 2, extra_pay: 800,
      basis: 'left 2026-11-13: 317/365 × 5 − 1.5 taken = 2.84 → 2; nothing carried over from 2025: no leave was imported for it; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 2 × 2 × 4350.00 / 21.75 = 800.00',
    });
    ws.write('operators-2025.csv', lines(['operator_id,name,team,hire_date', '3009,林旧,B组,2020-01-01']));
    carry(['import', 'operators', 'operators-2025.csv']);
    ws.write('leave-2025-records.csv', lines(['operator_id,type,start_date,end_date,days', '3009,annual,2025-06-02,2025-06-02,']));
    carry(['import', 'leave', 'leave-2025-records.csv']);
    expect(settle()).toMatchObject({ payable_unused_days: 7, extra_pay: 2800 });
  });
});
