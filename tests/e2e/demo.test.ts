// `hotline demo` on the built binary: the sample month into a fresh database, the tour, a second
// run replacing the demo database, and the refusal to replace a database that is not a demo.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir, type CliResult } from '../helpers/cli.js';
import { csv, demoDatabase, integrity, rows, sharedDemo, snapshot, value, withDb } from './support.js';

let dir: string;
let cleanup: () => void;
let first: CliResult;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('hotline-e2e-demo-'));
  // The test run's one `hotline --db tour.db demo` (tests/helpers/demo-setup.ts, a process of its
  // own): its output, and its database copied here as tour.db.
  first = (await sharedDemo()).run;
  await demoDatabase(dir, 'tour.db');
});
afterAll(() => cleanup());

function run(args: string[]): CliResult {
  return hotline(args, { cwd: dir, env: { TZ: 'UTC' } });
}

const db = (name: string): string => join(dir, name);

/** The sample months (README: 30 operators, 97,397 calls, 14,739 orders), the first three files. */
const SAMPLE_LEDGER = [
  { id: 1, kind: 'operators', file_name: 'operators.csv', encoding: 'gb18030', rows: 30, inserted: 30 },
  { id: 2, kind: 'calls', file_name: 'calls.csv', encoding: 'utf-8', rows: 97397, inserted: 97397 },
  { id: 3, kind: 'orders', file_name: 'orders.csv', encoding: 'utf-8', rows: 14739, inserted: 14739 },
];

/** The first line of the tour names the database and the number of sample files imported. */
function headline(stdout: string, name: string): number {
  const m = new RegExp(`^hotline demo: the sample month \\(October 2026[,:] (\\d+) files\\) is in ${name.replace('.', '\\.')}$`).exec(stdout.split('\n')[0] ?? '');
  expect(m, stdout.split('\n')[0]).not.toBeNull();
  return Number(m?.[1]);
}

function expectSampleMonth(name: string, files: number): void {
  expect(rows(db(name), 'SELECT (SELECT count(*) FROM operators) AS operators, (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM orders) AS orders')).toEqual([
    { operators: 30, calls: 97397, orders: 14739 },
  ]);
  expect(rows(db(name), 'SELECT id, kind, file_name, encoding, rows, inserted FROM imports WHERE id <= 3 ORDER BY id')).toEqual(SAMPLE_LEDGER);
  // A fresh database: every file's rows were all new, and there is one ledger entry per file.
  expect(rows(db(name), 'SELECT count(*) AS files, sum(rows = inserted) AS all_new, max(id) AS last FROM imports')).toEqual([{ files, all_new: files, last: files }]);
  expect(value(db(name), "SELECT value FROM settings WHERE key = 'demo'")).toBe('1');
  expect(integrity(db(name))).toBe('ok');
}

/** The lines of the tour section whose title starts with `title`. */
function section(stdout: string, title: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`== ${title}`));
  expect(start, `section "${title}"`).toBeGreaterThan(0);
  const end = lines.findIndex((l, i) => i > start && (l.startsWith('== ') || l.startsWith('Try next')));
  return lines.slice(start + 1, end);
}

describe('hotline demo', () => {
  test('imports the sample month into --db and prints the tour', () => {
    expect(first.status).toBe(0);
    expect(first.stderr).toBe(''); // the note that operators.csv is GBK is for a terminal or --verbose
    const files = headline(first.stdout, 'tour.db');
    expect(files).toBeGreaterThanOrEqual(3);
    expect(first.stdout.split('\n').filter((l) => l.startsWith('== '))).toEqual(expect.arrayContaining([
      '== What was imported (hotline imports)',
      '== Team 一组 on the last day of the month (hotline operators list --team 一组 --active-on 2026-10-31)',
      '== The first abandoned calls of 2026-10-12 (hotline calls list --date 2026-10-12 --outcome abandoned --limit 8)',
    ]));
    // The ledger section: one table row per sample file with its counts, newest first.
    const ledger = section(first.stdout, 'What was imported').filter((l) => /^│ \d+ /.test(l)).map((l) => l.split('│').map((c) => c.trim()).filter(Boolean).slice(0, 6));
    expect(ledger.length).toBe(files);
    expect(ledger.slice(-3)).toEqual([
      ['3', 'orders', 'orders.csv', 'utf-8', '14739', '14739'],
      ['2', 'calls', 'calls.csv', 'utf-8', '97397', '97397'],
      ['1', 'operators', 'operators.csv', 'gb18030', '30', '30'],
    ]);
    // Customer phones are masked in the calls section (mobiles and the landline 028-…); no phone appears whole anywhere.
    expect(section(first.stdout, 'The first abandoned calls').filter((l) => /^│ C\d+ /.test(l)).map((l) => l.split('│').at(-2)?.trim())).toEqual([
      '130****4238', '151****4207', '187****2948', '028****8852', '151****9654', '150****3880', '173****3424', '156****6439',
    ]);
    expect(first.stdout).not.toMatch(/1[3-9]\d{9}/);
    expect(first.stdout).not.toMatch(/0\d{2,3}-\d{7,8}/);
    expect(first.stdout).not.toContain('\u001b');
    const tail = first.stdout.split('\n').slice(first.stdout.split('\n').indexOf('Try next (customer data is masked unless --show-pii):'));
    expect(tail.slice(1, 4)).toEqual([
      '  hotline --db tour.db calls list --date 2026-10-12 --category complaint',
      '  hotline --db tour.db orders list --operator 1020 --corrected --format csv',
      '  hotline --db tour.db operators list --lang zh',
    ]);
    expect(tail[tail.length - 1]).toBe('');
    expectSampleMonth('tour.db', files);
  });

  test("the tour's story: the days off in lieu imported as leave; October's appraisal after August and September", () => {
    const cells = (l: string): string[] => l.split('│').map((c) => c.trim()).slice(1, -1);
    expect(section(first.stdout, 'What was imported').filter((l) => /^│ [45] /.test(l)).map(cells)).toEqual([
      ['5', 'leave', 'rest-days.csv', 'utf-8', '364', '364'],
      ['4', 'leave', 'leave.csv', 'utf-8', '11', '11'],
    ]);
    const appraisal = section(first.stdout, 'The appraisal of 2026-10').filter((l) => /^│ 10\d\d /.test(l)).map(cells);
    expect(appraisal.length).toBe(30);
    const grades: Record<string, number> = {};
    for (const r of appraisal) grades[r[4] as string] = (grades[r[4] as string] ?? 0) + 1;
    expect(grades).toEqual({ excellent: 2, good: 9, pass: 18, fail: 1 });
    // 1005: excellent in all three months, a commendation; 1012 excellent again after a good
    // September; 1020: a second fail; 1024 passes but the serious complaint means a review.
    expect(appraisal.filter((r) => r[5] !== '' || r[6] !== '' || r[4] === 'excellent')).toEqual([
      ['1005', '蔡云', '二组', '92.95', 'excellent', 'yes', ''],
      ['1012', '刘军亮', '三组', '91.98', 'excellent', '', ''],
      ['1020', '韦文云', '二组', '43.95', 'fail', '', 'reassignment_review'],
      ['1024', '邓志英', '三组', '63.03', 'pass', '', 'reassignment_review'],
    ]);
    // Weekend and holiday duty is worked, the days off in lieu are not: 1005 works the 18 working days.
    const explain = run(['--db', 'tour.db', 'appraise', 'explain', '--month', '2026-10', '--operator', '1005', '--format', 'csv']);
    expect(explain.stdout.trimEnd().split('\r\n').at(-1)?.split(',')[2]).toBe('18 days worked = 18 working days employed + 5 weekend or holiday duty (10-02 10-05 10-11 10-24 10-25) − 5 leave');
  });

  test('the commands the tour suggests work on the demo database', () => {
    const suggested = first.stdout.split('\n').filter((l) => l.startsWith('  hotline --db tour.db '));
    expect(suggested.length).toBeGreaterThanOrEqual(3);
    for (const line of suggested) {
      const r = run(line.trim().split(' ').slice(1));
      expect({ line, status: r.status, stderr: r.stderr }).toEqual({ line, status: 0, stderr: '' });
      expect(r.stdout.split('\n').length).toBeGreaterThan(2);
    }
    expect(run(['--db', 'tour.db', 'operators', 'list', '--lang', 'zh']).stdout.split('\r\n')[0]).toBe('工号,姓名,班组,入职日期,参加工作日期,离职日期,岗位级别,基本工资,绩效工资基数,月平均工资');
  });

  test("the bonus totals: October's joiners and leaver are paid for their part of the month (bonus.proration working_days)", () => {
    // October 2026 has 18 working days. 1017 left 10-20: 10 of them; 1028 joined 10-08 (after the
    // National Day break): 18; 1029 joined 10-12: 15; 1030 joined 10-19: 10. Before pay for part of
    // a month, all four got the full base, performance pay and the 200 full-attendance bonus.
    //   1017 good: 4900 × 10/18 = 2722.22, 1800 × 1.0 × 10/18 = 1000.00 (was 4900 + 1800 + 200)
    //   1028 pass: 4200 × 18/18 = 4200.00, 1700 × 0.8 = 1360.00, no full attendance (was + 200)
    //   1029 pass: 4200 × 15/18 = 3500.00, 1500 × 0.8 × 15/18 = 1000.00 (was 4200 + 1200 + 200)
    //   1030 pass: 4500 × 10/18 = 2500.00, 1600 × 0.8 × 10/18 = 711.111… → 711.11 (was 4500 + 1280 + 200)
    // Days worked count weekend and holiday duty (a day with answered calls is worked) and not the
    // days off in lieu (data/samples/rest-days.csv, leave), so each operator works about the
    // month's 18 working days. Performance pay by grade (performance base × factor):
    //   excellent × 1.2: 1005 2200 + 1012 2000 = 4200 → 5040
    //   good × 1.0: 1006 2100 + 1007 2200 + 1008 2100 + 1010 2000 + 1015 1900 + 1016 1800 + 1025 1700
    //     + 1026 1600 = 15400, + 1017 1000 (above) = 16400
    //   pass × 0.8: 1001 2300 + 1002 2500 + 1003 2500 + 1004, 1009, 1011, 1013 2000 each + 1014, 1018
    //     1900 each + 1019 1700 + 1021, 1022 1800 each + 1023, 1024 1500 each + 1027 1700 + 1028 1700
    //     = 30800 → 24640, + 1029 1000 + 1030 711.11 (above) = 26351.11
    //   fail: 1020, 0 — 29 operators paid, 5040 + 16400 + 26351.11 = 47791.11.
    // Totals: base 158000 − 2177.78 − 700 − 2000 = 153122.22; performance 47791.11; full attendance
    // 26 × 200 = 5200 (a day off in lieu is not an absence); excellent-employee 2 × 500 = 1000;
    // business-outstanding 3 × 300 = 900 (the top 3 by orders); total 153122.22 + 47791.11 + 5200
    // + 1000 + 900 = 208013.33.
    const cells = (l: string): string[] => l.split('│').map((c) => c.trim()).slice(1, -1);
    expect(section(first.stdout, 'The bonus sheet of 2026-10').filter((l) => /^│ [a-z_]+ /.test(l)).map(cells).filter((c) => c[0] !== 'item')).toEqual([
      ['base_salary', '30', '153122.22', ''],
      ['performance_pay', '29', '47791.11', ''],
      ['full_attendance_bonus', '26', '5200', ''],
      ['excellent_employee_bonus', '2', '1000', '1005 1012'],
      ['business_outstanding_bonus', '3', '900', '1005 1007 1012'],
      ['total', '30', '208013.33', ''],
    ]);
    const sheet = JSON.parse(run(['--db', 'tour.db', 'bonus', '--month', '2026-10', '--format', 'json']).stdout) as Record<string, unknown>[];
    const keys = ['operator_id', 'base_salary', 'performance_pay', 'full_attendance_bonus', 'total', 'employed_from', 'employed_to', 'days_employed', 'proration'];
    expect(sheet.filter((r) => ['1017', '1028', '1029', '1030'].includes(r.operator_id as string)).map((r) => keys.map((k) => r[k]))).toEqual([
      ['1017', 2722.22, 1000, 0, 3722.22, '2026-10-01', '2026-10-20', 10, '10/18 working days'],
      ['1028', 4200, 1360, 0, 5560, '2026-10-08', '2026-10-31', 18, '18/18 working days'],
      ['1029', 3500, 1000, 0, 4500, '2026-10-12', '2026-10-31', 15, '15/18 working days'],
      ['1030', 2500, 711.11, 0, 3211.11, '2026-10-19', '2026-10-31', 10, '10/18 working days'],
    ]);
  });

  test('run again on the same --db: the demo database is replaced, not added to', () => {
    withDb(db('tour.db'), (d) => {
      d.prepare("INSERT INTO settings (key, value) VALUES ('left_over', 'from the first run')").run();
      d.prepare("DELETE FROM calls WHERE call_id IN (SELECT call_id FROM calls LIMIT 10)").run();
    });
    const again = run(['demo', '--db', 'tour.db']);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    const files = headline(again.stdout, 'tour.db');
    expect(value(db('tour.db'), "SELECT count(*) FROM settings WHERE key = 'left_over'")).toBe(0);
    expectSampleMonth('tour.db', files);
  });

  test('refuses an existing database that is not a demo (exit 2) unless --force', () => {
    writeFileSync(join(dir, 'team.csv'), csv(['operator_id', 'name', 'hire_date'], [['9001', '值班长', '2019-05-01']]));
    expect(run(['--db', 'work.db', 'import', 'operators', 'team.csv']).status).toBe(0);
    const before = snapshot(db('work.db'));
    expect(run(['demo', '--db', 'work.db'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: work.db exists and is not a demo database\nhint: give the demo another --db path, or add --force to replace it\n',
    });
    expect(snapshot(db('work.db'))).toEqual(before);
    const forced = run(['demo', '--db', 'work.db', '--force']);
    expect(forced.status).toBe(0);
    const files = headline(forced.stdout, 'work.db');
    expect(value(db('work.db'), "SELECT count(*) FROM operators WHERE operator_id = '9001'")).toBe(0);
    expectSampleMonth('work.db', files);
  });
});
