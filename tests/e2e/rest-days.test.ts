// Days off in lieu (调休, 补休) of weekend or holiday duty are leave of type `other` (issue 17
// item 5: a working day without calls counts as worked unless it is leave, onboarding or
// training). Worked by hand on November 2026 (no holiday, 21 working days; policy defaults):
//
//   3101 works the 20 working days other than Wed 11-18 and Saturday duty 11-21, 40 calls a day
//        (840), and has 11-18 off in lieu, recorded as 调休: 21 + 1 − 1 = 21 days, 40 calls a day.
//   3102 the same days and calls, but the day off is not recorded: 11-18 is a working day without
//        calls or leave, so it counts as worked: 22 days, 840 / 22 = 38.18 calls a day.
//   3103 as 3101, the day off recorded as 补休: 21 days, 40 a day.
//
// No evaluations, ratings, orders or tickets: service quality is the complaint rate (none: 100),
// efficiency the calls per day (scale 0 → 80), knowledge and teamwork share their weight out:
// 3101 (100 × 40 + 50 × 30) / 70 = 78.571… → 78.57; 3102 40/80 → 38.18/80 × 100 = 47.727…,
// (4000 + 1431.82) / 70 = 77.597… → 77.6. A day off in lieu is not a sick, personal or absent day:
// each keeps the 200 full-attendance bonus.
import { describe, expect, test } from 'vitest';
import { csv, rows, workspace } from './support.js';

const ws = workspace('hotline-e2e-rest-days-');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NOV_WORKING = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20', '23', '24', '25', '26', '27', '30'].map((d) => `2026-11-${d}`);
const DUTY = [...NOV_WORKING.filter((d) => d !== '2026-11-18'), '2026-11-21'];

/** 40 answered inbound calls of `op` on each day of DUTY, 5 minutes apart from 09:00. */
function calls(op: string): (string | number)[][] {
  return DUTY.flatMap((d) => Array.from({ length: 40 }, (_, i) => {
    const m = i * 5;
    return [`C${op}-${d}-${i}`, `${d} ${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`, op, 'inbound', 'answered', 5, 120];
  }));
}

function ok(args: string[]): string {
  const r = ws.run(['--db', 'rest.db', ...args]);
  expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: expect.any(String) });
  return r.stdout;
}

describe('days off in lieu recorded as leave', () => {
  test('调休 and 补休 import as leave of type other', () => {
    ws.write('operators.csv', csv(['operator_id', 'name', 'team', 'hire_date', 'base_salary', 'performance_base'], [
      ['3101', '周一', 'A组', '2020-03-01', 4000, 2000],
      ['3102', '吴二', 'A组', '2020-03-01', 4000, 2000],
      ['3103', '郑三', 'A组', '2020-03-01', 4000, 2000],
    ]));
    ws.write('calls.csv', csv(['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds'], [...calls('3101'), ...calls('3102'), ...calls('3103')]));
    ws.write('rest-days.csv', csv(['工号', '类型', '开始日期', '结束日期'], [
      ['3101', '调休', '2026-11-18', '2026-11-18'],
      ['3103', '补休', '2026-11-18', '2026-11-18'],
    ]));
    ok(['import', 'operators', 'operators.csv']);
    ok(['import', 'calls', 'calls.csv']);
    const r = ws.run(['--db', 'rest.db', 'import', 'leave', 'rest-days.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'rest-days.csv: 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #3, utf-8)\n' });
    expect(rows(ws.db('rest.db'), 'SELECT operator_id, type, start_date, end_date FROM leave ORDER BY operator_id')).toEqual([
      { operator_id: '3101', type: 'other', start_date: '2026-11-18', end_date: '2026-11-18' },
      { operator_id: '3103', type: 'other', start_date: '2026-11-18', end_date: '2026-11-18' },
    ]);
  });

  test('a recorded day off is not worked; an unrecorded one is', () => {
    const run = JSON.parse(ok(['appraise', 'run', '--month', '2026-11', '--format', 'json'])) as Json[];
    expect(run.map((x) => [x.operator_id, x.days_worked, x.indicators.calls_per_day.raw, x.score, x.grade])).toEqual([
      ['3101', 21, 40, 78.57, 'pass'],
      ['3102', 22, 840 / 22, 77.6, 'pass'],
      ['3103', 21, 40, 78.57, 'pass'],
    ]);
    const total = (op: string): string => (ok(['appraise', 'explain', '--month', '2026-11', '--operator', op, '--format', 'csv']).trim().split('\r\n').at(-1) as string).split(',')[2] as string;
    expect(total('3101')).toBe('21 days worked = 21 working days employed + 1 weekend or holiday duty (11-21) − 1 leave');
    expect(total('3102')).toBe('22 days worked = 21 working days employed + 1 weekend or holiday duty (11-21)');
  });

  test('a day off in lieu keeps the full-attendance bonus and is not annual leave', () => {
    const sheet = JSON.parse(ok(['bonus', '--month', '2026-11', '--draft', '--format', 'json'])) as Json[];
    expect(sheet.map((x) => [x.operator_id, x.full_attendance_bonus])).toEqual([['3101', 200], ['3102', 200], ['3103', 200]]);
    const balance = JSON.parse(ok(['leave', 'balance', '--year', '2026', '--operator', '3101', '--format', 'json'])) as Json[];
    expect(balance.map((x) => [x.operator_id, x.taken_days])).toEqual([['3101', 0]]);
  });
});
