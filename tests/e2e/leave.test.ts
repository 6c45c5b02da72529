// `hotline import leave`, `leave balance|settle|calendar` and `calendar show|check` on the built
// binary (PRODUCT.md §4.5, docs/leave.md, README "Annual leave and the working calendar"). Every
// figure is worked out by hand next to the data, in the integer arithmetic docs/leave.md uses.
//
// Calendar facts used (data/holidays/cn-2026.json): 2026-01-01..03 元旦 with Sunday 01-04 a swapped
// working day; 2026-05-01..05 劳动节 with Saturday 05-09 a swapped working day; March 2026 has no
// holiday (03-01 is a Sunday); 2026-10-01..07 国庆节 with Saturday 10-10 a swapped working day.
//
// Operators (cumulative working time runs from work_start_date, or hire_date when earlier;
// cumulative_years is taken on 1 January or on the hire date, whichever is later):
//
// 2001 周新: hired 2026-03-16, first job 2012-01-01 → 14 years → band 10. New hire: 03-16..12-31 =
//      16 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 291 days → 291 × 10 / 365 = 7.97 → 7.
//      Settled on 2026-09-30: 03-16..09-30 = 16 + 30 + 31 + 30 + 31 + 31 + 30 = 199 days →
//      1990/365 = 5.45, nothing taken → 5.45 → owed 5; no monthly_wage, so the base salary 5000:
//      daily 5000/21.75 = 229.885… → 229.89; extra 5 × 2 × 5000/21.75 = 2298.850… → 2298.85
//      (not 10 × 229.89 = 2298.90).
// 2002 吴满: hired 2018-01-01, first job 2016-06-10 → 9 years on 1 Jan, 10 years on 2026-06-10.
//      split: 01-01..06-09 = 31 + 28 + 31 + 30 + 31 + 9 = 160 days at 5, 06-10..12-31 = 205 days at 10
//      → (800 + 2050)/365 = 2850/365 = 7.80 → 7. Annual leave 2025-12-29..2026-01-05 crosses the new
//      year: in 2026 01-01..03 are holidays, Sunday 01-04 is a swapped working day, Monday 01-05 → 2
//      days taken in 2026. Remaining 7 − 2 = 5.
// 2003 郑事: hired 2015-01-01 → 11 years → band 10 → 10. Paid personal leave (是否扣薪 否)
//      2026-03-02 (Mon)..03-27 (Fri) = 4 weeks = exactly 20 working days → REG art.4(2): 20 or more
//      disqualifies (以上 includes the number) → 0. As of 03-26 only 19 days → not yet.
// 2004 冯补: hired 2023-05-01 → 2 years → band 5 → 5. Paid personal 03-02..03-26 = 19 working days,
//      unpaid personal (是否扣薪 是) 04-13..04-17 = 5 days that never count → 19 → not disqualified.
//      A half day of annual leave on 06-01 (天数 0.5) → taken 0.5, remaining 4.5.
// 2005 陈节: hired 2010-01-01 → 16 years → band 10 → 10. Annual leave 04-29..05-11 across 劳动节:
//      04-29 Wed, 04-30 Thu (2); 05-01..05 holidays (0); 05-06 Wed, 07 Thu, 08 Fri (3); Saturday 05-09
//      swapped working day (1); Sunday 05-10 (0); Monday 05-11 (1) → 7 working days; remaining 3.
//      As of 05-06: 04-29, 04-30, 05-06 → 3 taken, remaining 7.
// 2006 褚离: hired 2020-01-01 → 6 years → band 5 → 5; annual leave 02-02 (Mon) → 1 taken.
//      Settled on 2026-08-31: 01-01..08-31 = 243 days → 1215/365 = 3.3287 − 1 = 2.3287 → owed 2 (MEA art.12:
//      subtract first, then drop the fraction);
//      monthly wage 7300: daily 7300/21.75 = 335.632… → 335.63; extra 2 × 2 × 7300/21.75 =
//      1342.528… → 1342.53 (not 4 × 335.63 = 1342.52).
// 2007 卫班: hired 2020-01-01 → 6 years → band 5 → 5. A shift worker's annual leave Saturday
//      06-27..Thursday 07-02 with 天数 5 (rostered at the weekend): the days value replaces the
//      calendar count (docs/leave.md §5) → 5 taken, remaining 0.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir, type CliResult } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;

function run(args: string[]): CliResult {
  return hotline(['--db', 'leave.db', ...args], { cwd: dir, env: { TZ: 'Asia/Shanghai' } });
}

function write(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

const crlf = (rows: readonly string[]): string => rows.join('\r\n') + '\r\n';

function leaveCount(): number {
  const db = new Database(join(dir, 'leave.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM leave').pluck().get() as number;
  } finally {
    db.close();
  }
}

const OPERATORS = [
  'operator_id,name,hire_date,work_start_date,base_salary,monthly_wage',
  '2001,周新,2026-03-16,2012-01-01,5000,',
  '2002,吴满,2018-01-01,2016-06-10,6000,',
  '2003,郑事,2015-01-01,,6000,',
  '2004,冯补,2023-05-01,,5500,',
  '2005,陈节,2010-01-01,,6500,6500',
  '2006,褚离,2020-01-01,,7000,7300',
  '2007,卫班,2020-01-01,,6000,',
].join('\n') + '\n';

// A GBK export from the HR system, Chinese headers and values, CRLF.
const LEAVE_GBK = crlf([
  '工号,类型,开始日期,结束日期,天数,是否扣薪',
  '2002,年假,2025-12-29,2026-01-05,,',
  '2003,事假,2026-03-02,2026-03-27,,否',
  '2004,事假,2026-03-02,2026-03-26,,否',
  '2004,事假,2026-04-13,2026-04-17,,是',
  '2004,年假,2026-06-01,2026-06-01,0.5,',
  '2005,年假,2026-04-29,2026-05-11,,',
  '2006,年假,2026-02-02,2026-02-02,,',
  '2007,年假,2026-06-27,2026-07-02,5,',
]);

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-leave-'));
  const r = run(['import', 'operators', write('operators.csv', OPERATORS)]);
  if (r.status !== 0) throw new Error(r.stderr);
});

afterAll(() => cleanup());

const FULL = (band: number) => `full year at band ${band} → ${band}`;
const DQ_2003 = 'REG art.4(2): paid personal leave 20 working days in 2026 (20 or more with pay not deducted; reached 2026-03-27)';

const row = (id: string, name: string, cumulative_years: number, band_days: number[], entitlement_days: number, taken_days: number, basis: string, dq: string | null = null) => ({
  operator_id: id, name, year: 2026, cumulative_years, band_days, entitlement_days, extra_days: 0, carried_over_days: 0,
  taken_days, remaining_days: entitlement_days - taken_days, disqualified: dq !== null, disqualification_reason: dq, basis,
});

const BALANCES_2026 = [
  row('2001', '周新', 14, [10], 7, 0, 'hired 2026-03-16: 291/365 × 10 = 7.97 → 7'),
  row('2002', '吴满', 9, [5, 10], 7, 2, '10 years on 2026-06-10: 160/365 × 5 + 205/365 × 10 = 2850/365 = 7.80 → 7'),
  row('2003', '郑事', 11, [10], 0, 0, `${FULL(10)}; disqualified → 0 (${DQ_2003})`, DQ_2003),
  row('2004', '冯补', 2, [5], 5, 0.5, FULL(5)),
  row('2005', '陈节', 16, [10], 10, 7, FULL(10)),
  row('2006', '褚离', 6, [5], 5, 1, FULL(5)),
  row('2007', '卫班', 6, [5], 5, 5, FULL(5)),
];

describe('import leave', () => {
  test('a GBK file with Chinese headers and values', () => {
    const file = write('请假记录.csv', iconv.encode(LEAVE_GBK, 'gbk'));
    const r = run(['import', 'leave', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/not UTF-8/); // a note for a terminal or --verbose; the summary says gb18030
    expect(r.stderr).toMatch(/请假记录\.csv: 8 rows: 8 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped \(import #2, gb18030\)/);
    const db = new Database(join(dir, 'leave.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT operator_id, type, start_date, end_date, days, wage_deducted FROM leave WHERE operator_id = '2004' ORDER BY start_date").all()).toEqual([
        { operator_id: '2004', type: 'personal', start_date: '2026-03-02', end_date: '2026-03-26', days: null, wage_deducted: 0 },
        { operator_id: '2004', type: 'personal', start_date: '2026-04-13', end_date: '2026-04-17', days: null, wage_deducted: 1 },
        { operator_id: '2004', type: 'annual', start_date: '2026-06-01', end_date: '2026-06-01', days: 0.5, wage_deducted: null },
      ]);
    } finally {
      db.close();
    }
  });

  test('overlapping records of one operator in one file: exit 3 naming both lines, nothing imported', () => {
    const file = write('overlap.csv', '\ufeff' + crlf([
      '工号,类型,开始日期,结束日期',
      '2001,年假,2026-07-06,2026-07-06', // fine on its own, but the file is all or nothing
      '2006,年假,2026-07-06,2026-07-10',
      '2006,病假,2026-07-08,2026-07-09',
    ]));
    const r = run(['import', 'leave', file]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/overlap\.csv: 1 overlapping leave record; nothing was imported from this file/);
    expect(r.stderr).toContain('operator 2006: annual 2026-07-06–2026-07-10 (line 3) overlaps sick 2026-07-08–2026-07-09 (line 4)');
    expect(leaveCount()).toBe(8);
  });

  test('a record overlapping one already in the database: exit 3 naming both, nothing imported', () => {
    const file = write('late.csv', crlf([
      '工号,类型,开始日期,结束日期',
      '2005,病假,2026-05-08,2026-05-08',
      '2001,年假,2026-07-06,2026-07-06',
    ]));
    const r = run(['import', 'leave', file]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('operator 2005: annual 2026-04-29–2026-05-11 (already in the database (import #2)) overlaps sick 2026-05-08–2026-05-08 (line 2)');
    expect(leaveCount()).toBe(8);
  });
});

describe('leave balance', () => {
  test('--year 2026 --as-of 2026-12-31 --format json: every operator worked out by hand', () => {
    const r = run(['leave', 'balance', '--year', '2026', '--as-of', '2026-12-31', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(BALANCES_2026);
  });

  test('--as-of counts leave taken up to that day: 2005 on 2026-05-06 has taken 3 of 7', () => {
    const r = run(['leave', 'balance', '--year', '2026', '--as-of', '2026-05-06', '--operator', '2005', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([row('2005', '陈节', 16, [10], 10, 3, FULL(10))]);
  });

  test('19 days of paid personal leave (as of 2026-03-26) do not disqualify yet; the 20th does', () => {
    const r = run(['leave', 'balance', '--year', '2026', '--as-of', '2026-03-26', '--operator', '2003', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([row('2003', '郑事', 11, [10], 10, 0, FULL(10))]);
  });
});

describe('leave settle', () => {
  test('2006 leaving 2026-08-31: 3 days, 1 taken, 2 owed; 200 % extra computed once in fen', () => {
    const r = run(['leave', 'settle', '--operator', '2006', '--date', '2026-08-31', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      operator_id: '2006', termination_date: '2026-08-31', entitlement_days: 3.32, taken_days: 1, payable_unused_days: 2,
      daily_wage: 335.63, extra_pay: 1342.53,
      basis: 'left 2026-08-31: 243/365 × 5 − 1 taken = 2.32 → 2; daily wage 7300.00 / 21.75 = 335.63; extra 200 %: 2 × 2 × 7300.00 / 21.75 = 1342.53',
    });
  });

  test('2001, hired this year, leaving 2026-09-30: the wage defaults to the base salary', () => {
    const r = run(['leave', 'settle', '--operator', '2001', '--date', '2026-09-30', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      operator_id: '2001', termination_date: '2026-09-30', entitlement_days: 5.45, taken_days: 0, payable_unused_days: 5,
      daily_wage: 229.89, extra_pay: 2298.85,
      basis: 'hired 2026-03-16, left 2026-09-30: 199/365 × 10 − 0 taken = 5.45 → 5; daily wage 5000.00 / 21.75 = 229.89; extra 200 %: 5 × 2 × 5000.00 / 21.75 = 2298.85',
    });
  });

  test('without --date and no leaving date in the roster: exit 3', () => {
    const r = run(['leave', 'settle', '--operator', '2006', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no leaving date/);
  });
});

describe('leave calendar', () => {
  test('2005 in 2026: April 2 days, May 5 (the 劳动节 holidays left out, the swapped Saturday in)', () => {
    const r = run(['leave', 'calendar', '--operator', '2005', '--year', '2026', '--format', 'json']);
    expect(r.status).toBe(0);
    const months = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(months).toHaveLength(12);
    const zero = { annual: 0, sick: 0, personal: 0, marriage: 0, maternity: 0, bereavement: 0, injury: 0, absent: 0, other: 0, dates: '' };
    expect(months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(months[3]).toEqual({ ...zero, month: '2026-04', annual: 2, dates: 'annual 04-29–04-30' });
    expect(months[4]).toEqual({ ...zero, month: '2026-05', annual: 5, dates: 'annual 05-01–05-11' });
    for (const i of [0, 1, 2, 5, 6, 7, 8, 9, 10, 11]) expect(months[i]).toEqual({ ...zero, month: months[i]?.month });
  });

  test('2004: personal leave paid and unpaid, and a half day of annual leave', () => {
    const r = run(['leave', 'calendar', '--operator', '2004', '--year', '2026', '--format', 'json']);
    expect(r.status).toBe(0);
    const months = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect([months[2]?.personal, months[3]?.personal, months[5]?.annual]).toEqual([19, 5, 0.5]);
  });

  // Regression test (found while writing these tests, since fixed).
  test('2007: a days value across a month end is kept (June 2 + July 3 = the 5 days taken)', () => {
    const r = run(['leave', 'calendar', '--operator', '2007', '--year', '2026', '--format', 'json']);
    expect(r.status).toBe(0);
    const months = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect([months[5]?.annual, months[6]?.annual]).toEqual([2, 3]);
  });
});

describe('the working calendar', () => {
  test('calendar show --month 2026-10 --format csv: 10-01..10-07 holidays, Saturday 10-10 a swapped working day', () => {
    const r = run(['calendar', 'show', '--month', '2026-10', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const weekdays = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed']; // 2026-10-01 is a Thursday
    const expected = ['date,weekday,kind,working,name'];
    for (let d = 1; d <= 31; d++) {
      const date = `2026-10-${String(d).padStart(2, '0')}`;
      const wd = weekdays[(d - 1) % 7] as string;
      if (d <= 7) expected.push(`${date},${wd},holiday,no,国庆节`);
      else if (d === 10) expected.push(`${date},${wd},swapped_workday,yes,国庆节调休`);
      else if (wd === 'Sat' || wd === 'Sun') expected.push(`${date},${wd},weekend,no,`);
      else expected.push(`${date},${wd},workday,yes,`);
    }
    expect(r.stdout).toBe(crlf(expected));
    // 18 working days: 10-08, 09, 10, and three full weeks
    expect(expected.filter((l) => l.includes(',yes,'))).toHaveLength(18);
  });

  test('calendar check --year 2026: May has 19 working days (5 holidays, Saturday 05-09 worked)', () => {
    const r = run(['calendar', 'check', '--year', '2026', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const may = (JSON.parse(r.stdout) as Record<string, unknown>[])[4];
    // May 2026: 21 weekdays − 3 holidays on weekdays (Fri 1, Mon 4, Tue 5) + Saturday 05-09 = 19
    expect(may).toEqual({ month: '2026-05', working_days: 19, workday: 18, swapped_workday: 1, weekend: 7, holiday: 5 });
  });

  test('calendar check --year 2027: no official calendar, a warning and weekends only, exit 0', () => {
    const r = run(['calendar', 'check', '--year', '2027', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: no official holiday calendar for 2027/);
    const months = JSON.parse(r.stdout) as { month: string; working_days: number; holiday: number; swapped_workday: number }[];
    expect(months).toHaveLength(12);
    expect(months.every((m) => m.holiday === 0 && m.swapped_workday === 0)).toBe(true);
    // 2027 starts on a Friday: 52 weeks + 1 day (a Friday) = 261 weekdays; January 21 (no 元旦 off)
    expect(months.reduce((n, m) => n + m.working_days, 0)).toBe(261);
    expect(months[0]?.working_days).toBe(21);
  });
});
