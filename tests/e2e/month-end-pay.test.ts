// Month-end results HR pays from (issue 17 items 2, 3 and 8), on the built binary, with a realistic
// November 2026: a new hire on the 16th, a leaver on the 13th, a sick day and half days of annual
// leave. Every figure is worked out by hand below (docs/policy.md "Pay for part of a month",
// docs/leave.md §7).
//
// Calendar (data/holidays/cn-2026.json): November 2026 has no holiday; the 1st is a Sunday, so its
// working days are 11-02..06, 09..13, 16..20, 23..27 and 30 = 21.
//
// Operators (base salary / performance base):
//   3001 林全 A组 hired 2019-04-01, 4200 / 2100; half a day of annual leave on 11-20.
//   3002 周新 A组 hired 2026-11-16 (a Monday), 4200 / 2100: employed 11-16..30 = 11 working days.
//   3003 郑离 B组 hired 2020-01-01, first job 2018-07-01 (band 5), left 2026-11-13 (a Friday),
//        4350 / 2100, monthly wage 4350: employed 11-01..13 = 10 working days. Annual leave this
//        year: 03-02 (1 day) and 06-01 (half a day) = 1.5 days.
//   3004 冯病 B组 hired 2021-05-10, 4000 / 2000; sick on 11-24.
//
// Appraisal (evaluations and answered calls; no ratings, orders, tickets or suggestions, so service
// quality is the complaint rate alone, 0 → 100, and efficiency is calls per day alone):
//   3001: 20.5 days worked (21 − ½), 1640 calls → 80 a day → 100; knowledge 95, teamwork 95
//         → 100×.4 + 100×.3 + 95×.15 + 95×.15 = 40 + 30 + 28.5 = 98.5 → excellent.
//   3002: 11 days, 440 calls → 40 → 50; 85, 85 → 40 + 15 + 25.5 = 80.5 → good.
//   3003: 10 days, 400 calls → 40 → 50; 60, 60 → 40 + 15 + 18 = 73 → pass.
//   3004: 20 days (21 − 1 sick), 800 calls → 40 → 50; 90, 90 → 40 + 15 + 27 = 82 → good.
//
// Bonus, bonus.proration working_days (the default): base and performance pay × working days
// employed ÷ 21; the full-attendance bonus (200) needs the whole month and no sick, personal or
// absent day; excellent 500; nobody has orders, so no business-outstanding bonus.
//   3001: 4200 + 2100 × 1.2 = 2520 + 200 (annual leave keeps it) + 500 = 7420.00
//   3002: 4200 × 11/21 = 2200.00 + 2100 × 1.0 × 11/21 = 1100.00 + 0 = 3300.00
//   3003: 4350 × 10/21 = 2071.428… → 2071.43 + 2100 × 0.8 × 10/21 = 800.00 + 0 = 2871.43
//   3004: 4000 + 2000 + 0 (sick) = 6000.00
//   totals: base 12471.43, performance 6420.00, full attendance 200.00, excellent 500.00,
//   total 19591.43.
// bonus.proration 21.75 (base ÷ 21.75 × paid days; November has no statutory holiday):
//   3002: 4200 × 11/21.75 = 2124.137… → 2124.14 + 2100 × 11/21.75 = 1062.068… → 1062.07 = 3186.21
//   3003: 4350 × 10/21.75 = 2000.00 + 1680 × 10/21.75 = 772.413… → 772.41 = 2772.41
// bonus.proration none: 3002 4200 + 2100 = 6300.00; 3003 4350 + 1680 = 6030.00 (still no full attendance).
//
// Settlement of 3003 (MEA art.12): 01-01..11-13 = 317 days; 317/365 × 5 = 4.3425 − 1.5 = 2.8425 → 2
// days (flooring first gave 4 − 1.5 = 2.5); day wage 4350 / 21.75 = 200; extra 2 × 2 × 200 = 800.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allCommands, createProgram } from '../../src/cli/program.js';
import { processRuntime } from '../../src/cli/runtime.js';
import { hotline, tempDir, type CliResult } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;

function run(args: string[], db = 'pay.db'): CliResult {
  return hotline(['--db', db, ...args], { cwd: dir, env: { TZ: 'Asia/Shanghai' } });
}

function ok(args: string[]): CliResult {
  const r = run(args);
  if (r.status !== 0) throw new Error(`hotline ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r;
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const lines = (rows: readonly string[]): string => rows.join('\n') + '\n';
const crlf = (rows: readonly string[]): string => rows.join('\r\n') + '\r\n';

const NOV = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20', '23', '24', '25', '26', '27', '30'].map((d) => `2026-11-${d}`);

/** `n` answered inbound calls of `op`, spread over `days`, 30 s apart from 09:00. */
function calls(op: string, n: number, days: readonly string[]): string[] {
  return Array.from({ length: n }, (_, i) => {
    const s = Math.floor(i / days.length) * 30;
    const t = `${String(9 + Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    return `C${op}-${String(i).padStart(4, '0')},${days[i % days.length]} ${t},${op},inbound,answered,5,120,consultation,`;
  });
}

const OPERATORS = lines([
  'operator_id,name,team,hire_date,work_start_date,termination_date,base_salary,performance_base,monthly_wage',
  '3001,林全,A组,2019-04-01,,,4200,2100,',
  '3002,周新,A组,2026-11-16,,,4200,2100,',
  '3003,郑离,B组,2020-01-01,2018-07-01,2026-11-13,4350,2100,4350',
  '3004,冯病,B组,2021-05-10,,,4000,2000,',
]);

const CALLS = lines([
  'call_id,started_at,operator_id,direction,outcome,wait_seconds,talk_seconds,category,satisfaction',
  ...calls('3001', 1640, NOV),
  ...calls('3002', 440, NOV.filter((d) => d >= '2026-11-16')),
  ...calls('3003', 400, NOV.filter((d) => d <= '2026-11-13')),
  ...calls('3004', 800, NOV.filter((d) => d !== '2026-11-24')),
]);

const EVALUATIONS = lines([
  'operator_id,month,metric,score,evaluator',
  ...[['3001', 95], ['3002', 85], ['3003', 60], ['3004', 90]].flatMap(([op, score]) => [`${op},2026-11,knowledge_test,${score},陈主管`, `${op},2026-11,teamwork,${score},陈主管`]),
]);

const LEAVE = lines([
  'operator_id,type,start_date,end_date,days',
  '3001,annual,2026-11-20,2026-11-20,0.5',
  '3003,annual,2026-03-02,2026-03-02,',
  '3003,annual,2026-06-01,2026-06-01,0.5',
  '3004,sick,2026-11-24,2026-11-24,',
]);

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-month-end-pay-'));
  for (const [kind, text] of [['operators', OPERATORS], ['calls', CALLS], ['evaluations', EVALUATIONS], ['leave', LEAVE]] as const) ok(['import', kind, write(`${kind}.csv`, text)]);
  write('prorate-2175.json', JSON.stringify({ bonus: { proration: '21.75' } }));
  write('prorate-none.json', JSON.stringify({ bonus: { proration: 'none' } }));
});

afterAll(() => cleanup());

type Json = Record<string, unknown>;

const FULL = { employed_from: '2026-11-01', employed_to: '2026-11-30', days_employed: 21, proration: 'full month' };
const pay = (id: string, name: string, team: string, grade: string, score: number, money: Json, employment: Json = FULL): Json => ({
  operator_id: id, name, team, grade, score, orders: 0, excellent_employee_bonus: 0, business_outstanding_bonus: 0, month: '2026-11', draft: false, ...money, ...employment,
});

/** The sheet as `bonus --format json` gives it (default policy: working_days). */
const SHEET = [
  pay('3001', '林全', 'A组', 'excellent', 98.5, { base_salary: 4200, performance_base: 2100, disqualifying_leave_days: 0, performance_pay: 2520, full_attendance_bonus: 200, excellent_employee_bonus: 500, total: 7420 }),
  pay('3002', '周新', 'A组', 'good', 80.5, { base_salary: 2200, performance_base: 2100, disqualifying_leave_days: 0, performance_pay: 1100, full_attendance_bonus: 0, total: 3300 },
    { employed_from: '2026-11-16', employed_to: '2026-11-30', days_employed: 11, proration: '11/21 working days' }),
  pay('3003', '郑离', 'B组', 'pass', 73, { base_salary: 2071.43, performance_base: 2100, disqualifying_leave_days: 0, performance_pay: 800, full_attendance_bonus: 0, total: 2871.43 },
    { employed_from: '2026-11-01', employed_to: '2026-11-13', days_employed: 10, proration: '10/21 working days' }),
  pay('3004', '冯病', 'B组', 'good', 82, { base_salary: 4000, performance_base: 2000, disqualifying_leave_days: 1, performance_pay: 2000, full_attendance_bonus: 0, total: 6000 }),
];

const CSV_HEADER = 'operator_id,name,team,month,grade,score,base_salary,performance_pay,full_attendance_bonus,excellent_employee_bonus,business_outstanding_bonus,total,employed_from,employed_to,days_employed,proration';
const CSV_ROWS = [
  '3001,林全,A组,2026-11,excellent,98.5,4200.00,2520.00,200.00,500.00,0.00,7420.00,2026-11-01,2026-11-30,21,full month',
  '3002,周新,A组,2026-11,good,80.5,2200.00,1100.00,0.00,0.00,0.00,3300.00,2026-11-16,2026-11-30,11,11/21 working days',
  '3003,郑离,B组,2026-11,pass,73,2071.43,800.00,0.00,0.00,0.00,2871.43,2026-11-01,2026-11-13,10,10/21 working days',
  '3004,冯病,B组,2026-11,good,82,4000.00,2000.00,0.00,0.00,0.00,6000.00,2026-11-01,2026-11-30,21,full month',
  'TOTAL,4,,2026-11,,,12471.43,6420.00,200.00,500.00,0.00,19591.43,,,,',
];

/** The amounts and proration of the operators hired or leaving in the month. */
function partial(stdout: string): Json[] {
  return (JSON.parse(stdout) as Json[]).filter((r) => r.operator_id === '3002' || r.operator_id === '3003')
    .map((r) => ({ operator_id: r.operator_id, base_salary: r.base_salary, performance_pay: r.performance_pay, full_attendance_bonus: r.full_attendance_bonus, total: r.total, days_employed: r.days_employed, proration: r.proration }));
}

describe('bonus of a month that is not finalized (issue 17 item 8)', () => {
  test('is bad input, exit 3, with the hint; nothing on stdout', () => {
    expect(run(['bonus', '--month', '2026-11', '--format', 'csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: 'error: 2026-11 is not finalized: a bonus sheet is paid from a finalized month\nhint: hotline appraise run --month 2026-11 --finalize, or add --draft for a draft sheet\n',
    });
  });
});

describe('pay for part of a month (issue 17 item 2)', () => {
  test('appraise run --finalize: the scores worked out above', () => {
    const r = ok(['appraise', 'run', '--month', '2026-11', '--finalize', '--format', 'json']);
    expect((JSON.parse(r.stdout) as Json[]).map((x) => [x.operator_id, x.days_worked, x.score, x.grade])).toEqual([
      ['3001', 20.5, 98.5, 'excellent'], ['3002', 11, 80.5, 'good'], ['3003', 10, 73, 'pass'], ['3004', 20, 82, 'good'],
    ]);
  });

  test('bonus --format json: the new hire and the leaver paid for their working days, no full-attendance bonus', () => {
    const r = run(['bonus', '--month', '2026-11', '--format', 'json']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual(SHEET);
  });

  test('bonus CSV: employed_from, employed_to, days_employed and proration after the money, and the totals', () => {
    const r = run(['bonus', '--month', '2026-11', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(crlf([CSV_HEADER, ...CSV_ROWS]));
    const zh = run(['bonus', '--month', '2026-11', '--format', 'csv', '--lang', 'zh']).stdout.split('\r\n')[0];
    expect(zh).toBe('工号,姓名,班组,月份,考核等级,考核得分,基本工资,绩效工资,全勤奖,优秀员工奖,业务突出奖,合计,在职起,在职止,在职天数,折算');
  });

  test('bonus --format table shows the proration; --wide the employment dates and days too', () => {
    const r = run(['bonus', '--month', '2026-11', '--format', 'table']);
    expect(r.status).toBe(0);
    for (const text of ['proration', '11/21 working days', '10/21 working days', 'full month']) expect(r.stdout).toContain(text);
    const wide = run(['bonus', '--month', '2026-11', '--format', 'table', '--wide']);
    expect(wide.status).toBe(0);
    for (const text of ['employed_from', 'employed_to', 'days_employed', 'proration', '2026-11-16', '2026-11-13', 'full month']) expect(wide.stdout).toContain(text);
  });

  test('bonus --format xlsx: the new columns, dates and days as values', async () => {
    expect(run(['bonus', '--month', '2026-11', '--format', 'xlsx', '--out', 'bonus-2026-11.xlsx']).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'bonus-2026-11.xlsx'));
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(13)).toEqual(['employed_from', 'employed_to', 'days_employed', 'proration']);
    expect((ws.getRow(4).values as unknown[]).slice(1, 13)).toEqual(['3003', '郑离', 'B组', '2026-11', 'pass', 73, 2071.43, 800, 0, 0, 0, 2871.43]);
    expect([ws.getCell(4, 15).value, ws.getCell(4, 16).value]).toEqual([10, '10/21 working days']);
    expect(ws.getCell(6, 12).value).toBe(19591.43);
  });

  test('bonus.proration 21.75: base ÷ 21.75 × paid days', () => {
    const r = run(['--policy', 'prorate-2175.json', 'bonus', '--month', '2026-11', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(partial(r.stdout)).toEqual([
      { operator_id: '3002', base_salary: 2124.14, performance_pay: 1062.07, full_attendance_bonus: 0, total: 3186.21, days_employed: 11, proration: '11/21.75 paid days' },
      { operator_id: '3003', base_salary: 2000, performance_pay: 772.41, full_attendance_bonus: 0, total: 2772.41, days_employed: 10, proration: '10/21.75 paid days' },
    ]);
  });

  test('bonus.proration none: full base and performance pay, but the full-attendance bonus still needs the whole month', () => {
    const r = run(['--policy', 'prorate-none.json', 'bonus', '--month', '2026-11', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(partial(r.stdout)).toEqual([
      { operator_id: '3002', base_salary: 4200, performance_pay: 2100, full_attendance_bonus: 0, total: 6300, days_employed: 11, proration: 'none' },
      { operator_id: '3003', base_salary: 4350, performance_pay: 1680, full_attendance_bonus: 0, total: 6030, days_employed: 10, proration: 'none' },
    ]);
  });
});

describe('a month finalized before the employment dates were stored with it', () => {
  /** Makes the stored run look like one from before this change: its pay has no employment dates. */
  function stripEmployment(): void {
    const db = new Database(join(dir, 'pay.db'));
    try {
      const run = db.prepare("SELECT id, results_json FROM appraisal_runs WHERE month = '2026-11' AND superseded_at IS NULL").get() as { id: number; results_json: string };
      const rows = (JSON.parse(run.results_json) as { pay: Json }[]).map((r) => {
        const { employed_from: _f, employed_to: _t, ...pay } = r.pay;
        return { ...r, pay };
      });
      db.prepare('UPDATE appraisal_runs SET results_json = ? WHERE id = ?').run(JSON.stringify(rows), run.id);
    } finally {
      db.close();
    }
  }

  test('takes the dates from the operators table and says so on stderr', () => {
    stripEmployment();
    const r = run(['bonus', '--month', '2026-11', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('warning: 2026-11 was finalized before employment dates were stored with it: employed_from and employed_to come from the operators table as it is now\n');
    expect(JSON.parse(r.stdout)).toEqual(SHEET);
  });

  test('an operator the operators table no longer has in the month is paid as employed all month, by name', () => {
    // 3002's hire date corrected to December: not employed in November by the roster now
    ok(['import', 'operators', write('operators-fix.csv', lines(['operator_id,name,team,hire_date,base_salary,performance_base', '3002,周新,A组,2026-12-01,4200,2100']))]);
    const r = run(['bonus', '--month', '2026-11', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      'warning: 2026-11 was finalized before employment dates were stored with it: employed_from and employed_to come from the operators table as it is now',
      'warning: not employed in 2026-11 by the operators table now, so paid as employed all month (as finalized): 3002',
      '',
    ].join('\n'));
    // 4200 + 2100 + 200: the whole month, as the run was paid before
    expect((JSON.parse(r.stdout) as Json[]).find((x) => x.operator_id === '3002')).toMatchObject({ base_salary: 4200, performance_pay: 2100, full_attendance_bonus: 200, total: 6500, ...FULL });
  });
});

describe('leave settle: MEA art.12 subtracts first, then drops the fraction (issue 17 item 3)', () => {
  test('3003, leaving 11-13 after a day and a half of annual leave: 2 days, not 2.5', () => {
    const r = run(['leave', 'settle', '--operator', '3003', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      operator_id: '3003', termination_date: '2026-11-13', entitlement_days: 4.34, taken_days: 1.5, payable_unused_days: 2, daily_wage: 200, extra_pay: 800,
      basis: 'left 2026-11-13: 317/365 × 5 − 1.5 taken = 2.84 → 2; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 2 × 2 × 4350.00 / 21.75 = 800.00',
    });
  });
});

/** Every option of every command whose value is a month (`<month>`), with the command's path. */
const program = createProgram(processRuntime);
const MONTH_OPTIONS = allCommands(program).flatMap((c) => {
  const path: string[] = [];
  for (let p: typeof c | null = c; p && p.parent; p = p.parent) path.unshift(p.name());
  return c.options.filter((o) => o.flags.includes('<month>')).map((o) => ({ path, flag: o.long as string, flags: o.flags, required: c.options.filter((r) => r.mandatory && r !== o) }));
});

describe('an invalid month is a usage error (exit 2) on every command that takes one (issue 17 item 8)', () => {
  test('the commands with a month option', () => {
    expect(MONTH_OPTIONS.map((m) => `${m.path.join(' ')} ${m.flag}`)).toEqual(expect.arrayContaining([
      'appraise run --month', 'appraise explain --month', 'appraise history --to', 'appraise evaluate --month', 'bonus --month',
      'training plan --month', 'training compliance --month', 'tickets summary --month', 'calendar show --month', 'operators promotions --as-of',
    ]));
  });

  // every month option with 2026-13; the other two shapes on bonus and on calendar show (which exited 3)
  const cases = [
    ...MONTH_OPTIONS.map((m) => ({ m, month: '2026-13' })),
    ...MONTH_OPTIONS.filter((m) => ['bonus', 'calendar show'].includes(m.path.join(' '))).flatMap((m) => ['0000-01', '2026-1'].map((month) => ({ m, month }))),
  ];
  test.each(cases.map(({ m, month }) => ({ name: `${m.path.join(' ')} ${m.flag} ${month}`, m, month })))('$name → exit 2, before the action', ({ m, month }) => {
    const others = m.required.flatMap((o) => [o.long as string, o.flags.includes('<year>') ? '2026' : '3001']);
    const r = run([...m.path, m.flag, month, ...others], 'untouched.db');
    expect(r).toEqual({ status: 2, stdout: '', stderr: `error: option '${m.flags}' argument '${month}' is invalid. expected a month YYYY-MM\n` });
    expect(existsSync(join(dir, 'untouched.db'))).toBe(false);
  });
});
