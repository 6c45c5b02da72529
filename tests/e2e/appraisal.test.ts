// `hotline appraise` and `hotline bonus` on the built binary (PRODUCT.md §4.2, §4.3; README
// "Monthly appraisal and the bonus sheet"; docs/policy.md defaults). A small October 2026 is
// imported into a temp dir, with August and September holding only evaluations. Neither is
// finalized (a month with no calls cannot be), so streaks start at October (issue 17: only finalized
// months count; tests/e2e/month-end-appraisal.test.ts has the finalized ones). Every raw value, scale score, redistributed weight,
// group score, total, grade, consequence and bonus amount below is worked out by hand.
//
// Calendar (data/holidays/cn-2026.json, checked below with `calendar check`): October 2026 has the
// National Day holidays 10-01..10-07 and the swapped working day Saturday 10-10, so its working
// days are 10-08, 10-09, 10-10, 10-12..16, 10-19..23, 10-26..30 = 3 + 5 + 5 + 5 = 18.
//
// Default policy (docs/policy.md): groups service_quality 40 (satisfaction 50, complaint_rate 30,
// suggestion_adoption 20), efficiency 30 (calls_per_day 40, orders_per_day 30, resolution_hours 30),
// knowledge 15, teamwork 15. Scales (zero_at → full_at): satisfaction 1 → 5, complaint_rate 5 → 0,
// suggestion_adoption 0 → 0.5, calls_per_day 0 → 80, orders_per_day 0 → 30, resolution_hours
// 72 → 4, knowledge_test and teamwork 0 → 100. Grades: excellent ≥ 90, good ≥ 80, pass ≥ 60.
//
// Operators (base salary / performance base):
//   1001 张三 A组 4000 / 2000       1002 李四 A组 3500 / 1500      1003 王五 B组 3800 / 1833.33
//   1004 赵六 B组 3600 / 1600       1005 孙七 A组 3000 / 1000, hired 2026-10-19
//   1006 钱八 B组, left 2026-09-15: not employed in October, so on no October row.
//
// Leave (imported): 1002 sick 10-12..10-13 (2 working days); 1003 annual 10-09..10-11 (Fri 10-09,
// swapped Sat 10-10, Sun 10-11 = 2 working days); 1004 personal 09-30..10-08 (in October only 10-08
// is a working day: 1 day).
// Days worked: 1001 18; 1002 18 − 2 = 16; 1003 18 − 2 = 16; 1004 18 − 1 = 17; 1005 from the hire
// date 10-19: 10-19..23, 10-26..30 = 10.
//
// October indicators:
//
// 1001: 1296 answered → 1296/18 = 72 a day → 72/80 = 90.
//       ratings 5 ×8, 4 ×2 = 48/10 = 4.8 → 3.8/4 = 95.  complaints about 1001: 0 (T10 is in November)
//       → 0 per 1000 → 100.  suggestions S01 adopted, S02 not → 0.5 → 100.
//       service_quality = 95×.5 + 100×.3 + 100×.2 = 47.5 + 30 + 20 = 97.5
//       orders 486 → 27 a day → 90.  tickets resolved in October: T01 (opened 09-30 22:00, resolved
//       10-01 18:00 = 20 h) and T02 (22 h) → 21 h → (72 − 21)/68 = 75.
//       efficiency = 90×.4 + 90×.3 + 75×.3 = 36 + 27 + 22.5 = 85.5
//       knowledge 92, teamwork 96.
//       total = 97.5×.4 + 85.5×.3 + 92×.15 + 96×.15 = 39 + 25.65 + 13.8 + 14.4 = 92.85 → excellent.
//       August (95 + 95)/2 = 95 and September (90 + 100)/2 = 95 are excellent too (months with no
//       calls, orders or tickets: only knowledge and teamwork have data, each group's weight is
//       shared between them), but not finalized: no commendation.
// 1002: 320 answered → 20 a day → 25.
//       ratings 2, 2, 3, 1 (sum 8) + satisfaction_survey 4 → 12/5 = 2.4 → 1.4/4 = 35.
//       complaints about 1002: T03 → 1000/320 = 3.125 → (5 − 3.125)/5 = 37.5.
//       suggestions S03 not adopted → 0 → 0.
//       service_quality = 17.5 + 11.25 + 0 = 28.75
//       orders 48 → 3 a day → 10.  T06 resolved after 80 h (10-15 08:00 → 10-18 16:00) → below 0 → 0.
//       efficiency = 25×.4 + 10×.3 + 0×.3 = 10 + 3 + 0 = 13
//       knowledge 60, teamwork 50.
//       total = 28.75×.4 + 13×.3 + 9 + 7.5 = 11.5 + 3.9 + 9 + 7.5 = 31.9 → fail; September
//       (50 + 40)/2 = 45 fail too, but not finalized → a first fail: warning_and_coaching.
// 1003: 800 answered → 50 a day → 62.5.
//       ratings 5, 4, 4, 4, 3 = 20/5 = 4 → 75.  complaints about 1003: T04 (serious) and T05 →
//       2000/800 = 2.5 → 50.  no suggestion → suggestion_adoption has no data: its 20 goes to
//       satisfaction and complaint_rate in proportion (50/80 = 62.5 %, 30/80 = 37.5 %).
//       service_quality = (75×50 + 50×30)/80 = 5250/80 = 65.625 (shown 65.63)
//       orders 384 → 24 a day → 80.  T09 is resolved in November → resolution_hours no data: its 30
//       goes to calls_per_day 40/70 = 57.14 % and orders_per_day 30/70 = 42.86 %.
//       efficiency = (62.5×40 + 80×30)/70 = 4900/70 = 70
//       knowledge (86 + 90)/2 = 88 (two evaluators), teamwork 90.
//       total = 65.625×.4 + 70×.3 + 88×.15 + 90×.15 = 26.25 + 21 + 13.2 + 13.5 = 73.95 → pass;
//       a serious complaint (T04) → reassignment_review.
// 1004: 170 answered → 10 a day → 12.5.
//       ratings 3, 3 → 3 → 50.  no complaint about 1004 (T03, T05 are handled by 1004, about others)
//       → 100.  suggestions S04 adopted, S05..S07 not → 1/4 = 0.25 → 50.
//       service_quality = 25 + 30 + 10 = 65
//       orders 153 → 9 a day → 30.  T07 38 h → (72 − 38)/68 = 50.
//       efficiency = 5 + 9 + 15 = 29
//       knowledge 40, teamwork 50.
//       total = 26 + 8.7 + 6 + 7.5 = 48.2 → fail; September has no data (no grade) → warning_and_coaching.
// 1005: 700 answered → 70 a day → 87.5.
//       ratings 5, 5, 5, 4 = 19/4 = 4.75 → 93.75.  no complaint → 100.  S08 adopted 1/1 = 1 → 100 (clamped).
//       service_quality = 46.875 + 30 + 20 = 96.875 (shown 96.88)
//       orders 153 → 15.3 a day → 51.  T08 38 h → 50.
//       efficiency = 35 + 15.3 + 15 = 65.3
//       no evaluation: knowledge and teamwork have no data; their 30 goes to service_quality
//       (40/70 = 57.14 %) and efficiency (30/70 = 42.86 %).
//       total = (96.875×40 + 65.3×30)/70 = (3875 + 1959)/70 = 5834/70 = 83.342857… → 83.34 → good.
//
// Bonus (performance base × 1.2 / 1.0 / 0.8 / 0; full attendance 200 without a sick, personal or
// absent day; excellent 500; business outstanding 300 to the top 3 by orders, ties included):
//   orders 1001 486, 1003 384, 1004 153, 1005 153, 1002 48 → ranks 1, 2, 3, 3, 5 → 1001, 1003,
//   1004 and 1005 are paid (the tie at the cut is included).
//   1001: 4000 + 2000×1.2 = 2400 + 200 + 500 + 300 = 7400.00
//   1002: 3500 + 1500×0 = 0 + 0 (sick) + 0 + 0 = 3500.00
//   1003: 3800 + 1833.33×0.8 = 1466.664 → 1466.66 + 200 (annual leave keeps it) + 0 + 300 = 5766.66
//   1004: 3600 + 0 + 0 (personal leave on 10-08) + 0 + 300 = 3900.00
//   1005, hired 10-19 (bonus.proration working_days: 10 of the 18 working days; no full-attendance
//   bonus without the whole month): 3000 × 10/18 = 1666.666… → 1666.67 + 1000×1.0 × 10/18 =
//   555.555… → 555.56 + 0 + 0 + 300 = 2522.23
//   totals: base 16566.67, performance 4422.22, full attendance 400.00, excellent 500.00,
//   business 1200.00, total 23088.89 (= 7400 + 3500 + 5766.66 + 3900 + 2522.23).
//
// The change: after finalizing, call C1001-0008 (rated 4) is re-imported rated 5: 1001's ratings
// become 49/10 = 4.9 → 97.5; service_quality = 48.75 + 30 + 20 = 98.75; total = 39.5 + 25.65 +
// 13.8 + 14.4 = 93.35 (still excellent).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir, type CliResult } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;

function run(args: string[]): CliResult {
  return hotline(['--db', 'app.db', ...args], { cwd: dir, env: { TZ: 'Asia/Shanghai' } });
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
/** CSV output as hotline writes it: CRLF line ends (RFC 4180). */
const crlf = (rows: readonly string[]): string => rows.join('\r\n') + '\r\n';

const OCT_WORKING = ['08', '09', '10', '12', '13', '14', '15', '16', '19', '20', '21', '22', '23', '26', '27', '28', '29', '30'].map((d) => `2026-10-${d}`);
const FROM_1019 = OCT_WORKING.filter((d) => d >= '2026-10-19');

/** `n` timestamps spread over `days`, 30 s apart from 09:00 within a day. */
function times(n: number, days: readonly string[], hour: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const s = Math.floor(i / days.length) * 30;
    const hh = String(hour + Math.floor(s / 3600)).padStart(2, '0');
    const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
    const ss = String(s % 60).padStart(2, '0');
    return `${days[i % days.length]} ${hh}:${mm}:${ss}`;
  });
}

/** One operator's answered inbound calls, the first ones rated. */
function callRows(op: string, n: number, ratings: readonly number[], days: readonly string[]): string[] {
  return times(n, days, 9).map((t, i) => `C${op}-${String(i).padStart(4, '0')},${t},${op},inbound,answered,5,120,consultation,${ratings[i] ?? ''}`);
}

function orderRows(op: string, n: number, days: readonly string[]): string[] {
  return times(n, days, 14).map((t, i) => `O${op}-${String(i).padStart(4, '0')},${t},${op}`);
}

const CALL_HEADER = 'call_id,started_at,operator_id,direction,outcome,wait_seconds,talk_seconds,category,satisfaction';
const CALLS_1001 = callRows('1001', 1296, [5, 5, 5, 5, 5, 5, 5, 5, 4, 4], OCT_WORKING);

const OPERATORS = lines([
  'operator_id,name,team,hire_date,termination_date,base_salary,performance_base',
  '1001,张三,A组,2020-03-01,,4000,2000',
  '1002,李四,A组,2021-06-15,,3500,1500',
  '1003,王五,B组,2019-09-01,,3800,1833.33',
  '1004,赵六,B组,2022-01-10,,3600,1600',
  '1005,孙七,A组,2026-10-19,,3000,1000',
  '1006,钱八,B组,2023-01-01,2026-09-15,3000,1000',
]);

const CALLS = lines([
  CALL_HEADER,
  ...CALLS_1001,
  ...callRows('1002', 320, [2, 2, 3, 1], OCT_WORKING),
  ...callRows('1003', 800, [5, 4, 4, 4, 3], OCT_WORKING),
  ...callRows('1004', 170, [3, 3], OCT_WORKING),
  ...callRows('1005', 700, [5, 5, 5, 4], FROM_1019),
  // not counted: outbound, abandoned (with or without an operator), a call of November
  'X-OUT,2026-10-12 11:00:00,1001,outbound,answered,,60,,',
  'X-ABN1,2026-10-12 11:05:00,,inbound,abandoned,30,,,',
  'X-ABN2,2026-10-13 11:05:00,1002,inbound,abandoned,20,,,',
  'X-NOV,2026-11-01 00:00:00,1001,inbound,answered,5,60,complaint,1',
]);

const ORDERS = lines([
  'order_id,created_at,operator_id',
  ...orderRows('1001', 486, OCT_WORKING),
  ...orderRows('1002', 48, OCT_WORKING),
  ...orderRows('1003', 384, OCT_WORKING),
  ...orderRows('1004', 153, OCT_WORKING),
  ...orderRows('1005', 153, FROM_1019),
  'O-NOV,2026-11-01 00:00:00,1002', // November: not counted
]);

const TICKETS = lines([
  'ticket_id,kind,opened_at,operator_id,about_operator_id,severity,resolved_at,adopted',
  'T01,complaint,2026-09-30 22:00,1001,,normal,2026-10-01 18:00,', // 20 h, resolved in October
  'T02,complaint,2026-10-12 09:00,1001,,normal,2026-10-13 07:00,', // 22 h
  'T03,complaint,2026-10-14 10:00,1004,1002,normal,,', // about 1002
  'T04,complaint,2026-10-15 10:00,1001,1003,serious,,', // about 1003, serious
  'T05,complaint,2026-10-16 10:00,1004,1003,一般,,', // about 1003
  'T06,complaint,2026-10-15 08:00,1002,,normal,2026-10-18 16:00,', // 80 h
  'T07,complaint,2026-10-20 08:00,1004,,normal,2026-10-21 22:00,', // 38 h
  'T08,complaint,2026-10-20 09:00,1005,,normal,2026-10-21 23:00,', // 38 h
  'T09,complaint,2026-10-28 10:00,1003,,normal,2026-11-02 10:00,', // resolved in November
  'T10,complaint,2026-11-01 00:00,1004,1001,serious,,', // opened in November
  'S01,suggestion,2026-10-12 10:00,1001,,,,yes',
  'S02,suggestion,2026-10-13 10:00,1001,,,,no',
  'S03,suggestion,2026-10-13 11:00,1002,,,,no',
  'S04,suggestion,2026-10-14 10:00,1004,,,,是',
  'S05,suggestion,2026-10-14 11:00,1004,,,,否',
  'S06,suggestion,2026-10-15 10:00,1004,,,,no',
  'S07,suggestion,2026-10-15 11:00,1004,,,,no',
  'S08,suggestion,2026-10-20 10:00,1005,,,,yes',
]);

const EVALUATIONS = lines([
  'operator_id,month,metric,score,evaluator',
  '1001,2026-08,knowledge_test,95,陈主管',
  '1001,2026-08,teamwork,95,陈主管',
  '1001,2026-09,knowledge_test,90,陈主管',
  '1001,2026-09,teamwork,100,陈主管',
  '1002,2026-09,knowledge_test,50,陈主管',
  '1002,2026-09,teamwork,40,陈主管',
  '1001,2026-10,knowledge_test,92,陈主管',
  '1001,2026-10,teamwork,96,陈主管',
  '1002,2026-10,knowledge_test,60,陈主管',
  '1002,2026-10,teamwork,50,陈主管',
  '1002,2026-10,satisfaction_survey,4,回访组',
  '1003,2026-10,knowledge_test,86,陈主管',
  '1003,2026-10,knowledge_test,90,刘主管',
  '1003,2026-10,teamwork,90,陈主管',
  '1004,2026-10,业务考试,40,陈主管',
  '1004,2026-10,团队协作,50,陈主管',
]);

const LEAVE = lines([
  'operator_id,type,start_date,end_date',
  '1002,sick,2026-10-12,2026-10-13',
  '1003,annual,2026-10-09,2026-10-11',
  '1004,personal,2026-09-30,2026-10-08',
]);

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-appraisal-'));
  for (const [kind, text] of [['operators', OPERATORS], ['calls', CALLS], ['orders', ORDERS], ['tickets', TICKETS], ['evaluations', EVALUATIONS], ['leave', LEAVE]] as const) {
    ok(['import', kind, write(`${kind}.csv`, text)]);
  }
});

afterAll(() => cleanup());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The hand-worked parts of an appraisal row. */
function worked(r: Json): Json {
  return {
    operator_id: r.operator_id,
    days_worked: r.days_worked,
    score: r.score,
    grade: r.grade,
    commendation: r.commendation,
    action: r.action,
    missing: r.missing,
    groups: Object.fromEntries(Object.entries(r.groups as Json).map(([g, v]) => [g, v.score])),
    indicators: Object.fromEntries(Object.entries(r.indicators as Json).map(([i, v]) => [i, [v.raw, v.score]])),
  };
}

const EXPECTED_OCT: Json[] = [
  {
    operator_id: '1001', days_worked: 18, score: 92.85, grade: 'excellent', commendation: false, action: null, missing: [],
    groups: { service_quality: 97.5, efficiency: 85.5, knowledge: 92, teamwork: 96 },
    indicators: { satisfaction: [4.8, 95], complaint_rate: [0, 100], suggestion_adoption: [0.5, 100], calls_per_day: [72, 90], orders_per_day: [27, 90], resolution_hours: [21, 75], knowledge_test: [92, 92], teamwork: [96, 96] },
  },
  {
    operator_id: '1002', days_worked: 16, score: 31.9, grade: 'fail', commendation: false, action: 'warning_and_coaching', missing: [],
    groups: { service_quality: 28.75, efficiency: 13, knowledge: 60, teamwork: 50 },
    indicators: { satisfaction: [2.4, 35], complaint_rate: [3.125, 37.5], suggestion_adoption: [0, 0], calls_per_day: [20, 25], orders_per_day: [3, 10], resolution_hours: [80, 0], knowledge_test: [60, 60], teamwork: [50, 50] },
  },
  {
    operator_id: '1003', days_worked: 16, score: 73.95, grade: 'pass', commendation: false, action: 'reassignment_review', missing: ['suggestion_adoption', 'resolution_hours'],
    groups: { service_quality: 65.63, efficiency: 70, knowledge: 88, teamwork: 90 },
    indicators: { satisfaction: [4, 75], complaint_rate: [2.5, 50], suggestion_adoption: [null, null], calls_per_day: [50, 62.5], orders_per_day: [24, 80], resolution_hours: [null, null], knowledge_test: [88, 88], teamwork: [90, 90] },
  },
  {
    operator_id: '1004', days_worked: 17, score: 48.2, grade: 'fail', commendation: false, action: 'warning_and_coaching', missing: [],
    groups: { service_quality: 65, efficiency: 29, knowledge: 40, teamwork: 50 },
    indicators: { satisfaction: [3, 50], complaint_rate: [0, 100], suggestion_adoption: [0.25, 50], calls_per_day: [10, 12.5], orders_per_day: [9, 30], resolution_hours: [38, 50], knowledge_test: [40, 40], teamwork: [50, 50] },
  },
  {
    operator_id: '1005', days_worked: 10, score: 83.34, grade: 'good', commendation: false, action: null, missing: ['knowledge_test', 'teamwork'],
    groups: { service_quality: 96.88, efficiency: 65.3, knowledge: null, teamwork: null },
    indicators: { satisfaction: [4.75, 93.75], complaint_rate: [0, 100], suggestion_adoption: [1, 100], calls_per_day: [70, 87.5], orders_per_day: [15.3, 51], resolution_hours: [38, 50], knowledge_test: [null, null], teamwork: [null, null] },
  },
];

const APPRAISAL_CSV = crlf([
  'operator_id,name,team,service_quality,efficiency,knowledge,teamwork,score,grade,commendation,action,missing',
  '1001,张三,A组,97.5,85.5,92,96,92.85,excellent,,,',
  '1002,李四,A组,28.75,13,60,50,31.9,fail,,warning_and_coaching,',
  '1003,王五,B组,65.63,70,88,90,73.95,pass,,reassignment_review,suggestion_adoption resolution_hours',
  '1004,赵六,B组,65,29,40,50,48.2,fail,,warning_and_coaching,',
  '1005,孙七,A组,96.88,65.3,,,83.34,good,,,knowledge_test teamwork',
]);

/** Bonus rows as the JSON gives them (the sheet's own fields, in operator order). */
const BONUS_ROWS = [
  { operator_id: '1001', name: '张三', team: 'A组', grade: 'excellent', score: 92.85, base_salary: 4000, performance_base: 2000, orders: 486, disqualifying_leave_days: 0, performance_pay: 2400, full_attendance_bonus: 200, excellent_employee_bonus: 500, business_outstanding_bonus: 300, total: 7400 },
  { operator_id: '1002', name: '李四', team: 'A组', grade: 'fail', score: 31.9, base_salary: 3500, performance_base: 1500, orders: 48, disqualifying_leave_days: 2, performance_pay: 0, full_attendance_bonus: 0, excellent_employee_bonus: 0, business_outstanding_bonus: 0, total: 3500 },
  { operator_id: '1003', name: '王五', team: 'B组', grade: 'pass', score: 73.95, base_salary: 3800, performance_base: 1833.33, orders: 384, disqualifying_leave_days: 0, performance_pay: 1466.66, full_attendance_bonus: 200, excellent_employee_bonus: 0, business_outstanding_bonus: 300, total: 5766.66 },
  { operator_id: '1004', name: '赵六', team: 'B组', grade: 'fail', score: 48.2, base_salary: 3600, performance_base: 1600, orders: 153, disqualifying_leave_days: 1, performance_pay: 0, full_attendance_bonus: 0, excellent_employee_bonus: 0, business_outstanding_bonus: 300, total: 3900 },
  { operator_id: '1005', name: '孙七', team: 'A组', grade: 'good', score: 83.34, base_salary: 1666.67, performance_base: 1000, orders: 153, disqualifying_leave_days: 0, performance_pay: 555.56, full_attendance_bonus: 0, excellent_employee_bonus: 0, business_outstanding_bonus: 300, total: 2522.23, employed_from: '2026-10-19', employed_to: '2026-10-31', days_employed: 10, proration: '10/18 working days' },
].map((r) => ({ employed_from: '2026-10-01', employed_to: '2026-10-31', days_employed: 18, proration: 'full month', ...r }));

const BONUS_HEADER = 'operator_id,name,team,month,grade,score,base_salary,performance_pay,full_attendance_bonus,excellent_employee_bonus,business_outstanding_bonus,total,employed_from,employed_to,days_employed,proration';
const BONUS_CSV_ROWS = [
  '1001,张三,A组,2026-10,excellent,92.85,4000.00,2400.00,200.00,500.00,300.00,7400.00,2026-10-01,2026-10-31,18,full month',
  '1002,李四,A组,2026-10,fail,31.9,3500.00,0.00,0.00,0.00,0.00,3500.00,2026-10-01,2026-10-31,18,full month',
  '1003,王五,B组,2026-10,pass,73.95,3800.00,1466.66,200.00,0.00,300.00,5766.66,2026-10-01,2026-10-31,18,full month',
  '1004,赵六,B组,2026-10,fail,48.2,3600.00,0.00,0.00,0.00,300.00,3900.00,2026-10-01,2026-10-31,18,full month',
  '1005,孙七,A组,2026-10,good,83.34,1666.67,555.56,0.00,0.00,300.00,2522.23,2026-10-19,2026-10-31,10,10/18 working days',
  'TOTAL,5,,2026-10,,,16566.67,4422.22,400.00,500.00,1200.00,23088.89,,,,',
];

/** Rows of the appraisal_runs table of a month. */
function runsOf(month: string): Json[] {
  const db = new Database(join(dir, 'app.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, month, reason, superseded_at, results_json FROM appraisal_runs WHERE month = ? ORDER BY id').all(month) as Json[];
  } finally {
    db.close();
  }
}

describe('the calendar the appraisal counts days on', () => {
  test('calendar check --year 2026: October has 18 working days (7 holidays, 1 swapped working day)', () => {
    const r = run(['calendar', 'check', '--year', '2026', '--format', 'json']);
    expect(r.status).toBe(0);
    const oct = (JSON.parse(r.stdout) as Json[]).find((m) => m.month === '2026-10');
    expect(oct).toEqual({ month: '2026-10', working_days: 18, workday: 17, swapped_workday: 1, weekend: 6, holiday: 7 });
  });
});

describe('appraise run (October 2026, not finalized)', () => {
  let rows: Json[] = [];

  test('--format json: every hand-worked score, grade, commendation, action and missing indicator', () => {
    const r = run(['appraise', 'run', '--month', '2026-10', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('2026-09 is not finalized: streaks start at 2026-10\n');
    rows = JSON.parse(r.stdout) as Json[];
    expect(rows.map(worked)).toEqual(EXPECTED_OCT);
    // names, teams and the month; 1006 (left in September) is not there
    expect(rows.map((x) => [x.operator_id, x.name, x.team, x.month])).toEqual([
      ['1001', '张三', 'A组', '2026-10'], ['1002', '李四', 'A组', '2026-10'], ['1003', '王五', 'B组', '2026-10'],
      ['1004', '赵六', 'B组', '2026-10'], ['1005', '孙七', 'A组', '2026-10'],
    ]);
  });

  test('redistributed weights: within a group in proportion, and of whole groups across the others', () => {
    const w = (r: Json, part: 'groups' | 'indicators') => Object.fromEntries(Object.entries(r[part] as Json).map(([k, v]) => [k, v.weight]));
    const [r1001, , r1003, , r1005] = rows as [Json, Json, Json, Json, Json];
    // nothing missing: the policy weights
    expect(w(r1001, 'groups')).toEqual({ service_quality: 40, efficiency: 30, knowledge: 15, teamwork: 15 });
    expect(r1001.redistributed).toEqual([]);
    // 1003: suggestion_adoption's 20 → 50/80, 30/80; resolution_hours' 30 → 40/70, 30/70
    expect(w(r1003, 'indicators')).toEqual({
      satisfaction: 62.5, complaint_rate: 37.5, suggestion_adoption: 0, calls_per_day: 57.14, orders_per_day: 42.86, resolution_hours: 0, knowledge_test: 100, teamwork: 100,
    });
    expect(r1003.redistributed).toHaveLength(2);
    expect(r1003.redistributed[0]).toMatch(/suggestion_adoption: no data.*20 %.*satisfaction and complaint_rate/);
    expect(r1003.redistributed[1]).toMatch(/resolution_hours: no data.*30 %.*calls_per_day and orders_per_day/);
    // 1005: knowledge and teamwork (15 + 15) → 40/70 and 30/70
    expect(w(r1005, 'groups')).toEqual({ service_quality: 57.14, efficiency: 42.86, knowledge: 0, teamwork: 0 });
    expect(r1005.redistributed.join('\n')).toMatch(/knowledge, teamwork: no data.*30 %.*service_quality and efficiency/);
  });

  test('--format csv: the same rows as a table', () => {
    const r = run(['appraise', 'run', '--month', '2026-10', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(APPRAISAL_CSV);
  });

  test('appraise explain --format json: 1003, every input, raw value, score and weight', () => {
    const r = run(['appraise', 'explain', '--month', '2026-10', '--operator', '1003', '--format', 'json']);
    expect(r.status).toBe(0);
    const x = JSON.parse(r.stdout) as Json;
    expect(worked(x)).toEqual(EXPECTED_OCT[2]);
    expect([x.action_cause, x.commendation_cause, x.finalized]).toEqual(['serious complaint T04', null, null]);
    expect(x.inputs).toMatchObject({
      operator_id: '1003', hire_date: '2019-09-01', termination_date: null, base_salary: 3800, performance_base: 1833.33,
      answered: 800, rating_sum: 20, rating_count: 5, survey_sum: 0, survey_count: 0,
      complaints_about: 2, serious_complaints_about: 1, suggestions: 0, suggestions_adopted: 0,
      resolved_tickets: 0, resolution_seconds: 0, knowledge_sum: 176, knowledge_count: 2, teamwork_sum: 90, teamwork_count: 1, orders: 384,
    });
    expect(x.raw).toEqual({ satisfaction: 4, complaint_rate: 2.5, suggestion_adoption: null, calls_per_day: 50, orders_per_day: 24, resolution_hours: null, knowledge_test: 88, teamwork: 90 });
    expect(x.pay).toEqual({ base_salary: 3800, performance_base: 1833.33, orders: 384, disqualifying_leave_days: 0, employed_from: '2026-10-01', employed_to: '2026-10-31' });
  });

  test('appraise explain --format csv: the contributions add up to the total (1001)', () => {
    const t = run(['appraise', 'explain', '--month', '2026-10', '--operator', '1001', '--format', 'csv']).stdout.trim().split('\r\n');
    // satisfaction 95 × 50 % × 40 % = 19; complaint_rate 100 × 30 % × 40 % = 12; suggestion 100 × 20 % × 40 % = 8;
    // calls 90 × 40 % × 30 % = 10.8; orders 90 × 30 % × 30 % = 8.1; resolution 75 × 30 % × 30 % = 6.75;
    // knowledge 92 × 15 % = 13.8; teamwork 96 × 15 % = 14.4; total 92.85
    const contribution = t.slice(1).map((l) => l.split(',').at(-1));
    expect(contribution).toEqual(['19', '12', '8', '10.8', '8.1', '6.75', '13.8', '14.4', '92.85']);
  });

  test('appraise explain of an operator not employed in the month: exit 3', () => {
    const r = run(['appraise', 'explain', '--month', '2026-10', '--operator', '1006', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/1006 was not employed in 2026-10/);
  });
});

describe('bonus before the month is finalized', () => {
  test('bonus is refused: exit 3 (bad input, not a database problem), naming --finalize and --draft', () => {
    const r = run(['bonus', '--month', '2026-10', '--format', 'csv']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2026-10 is not finalized/);
    expect(r.stderr).toMatch(/--finalize/);
    expect(r.stderr).toMatch(/--draft/);
  });

  test('bonus --draft: the file name gets -DRAFT and every row says DRAFT', () => {
    const r = run(['bonus', '--month', '2026-10', '--draft', '--format', 'csv', '--out', 'bonus-2026-10.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/bonus-2026-10-DRAFT\.csv/);
    expect(existsSync(join(dir, 'bonus-2026-10.csv'))).toBe(false);
    const text = readFileSync(join(dir, 'bonus-2026-10-DRAFT.csv'), 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1)).toBe(crlf([`${BONUS_HEADER},status`, ...BONUS_CSV_ROWS.map((l) => `${l},DRAFT`)]));
  });
});

describe('finalize, bonus sheet, a later change, refinalize', () => {
  let finalized: string;

  test('appraise run --finalize: refused while 1005 has no supervisor or test score (exit 3), stored with --allow-missing', () => {
    const refused = run(['appraise', 'run', '--month', '2026-10', '--finalize', '--format', 'json']);
    expect(refused.status).toBe(3);
    expect(refused.stderr.split('\n').slice(0, 2)).toEqual(['error: 2026-10 has operators without a supervisor or test score:', '  1005 孙七 (A组): knowledge_test, teamwork']);
    expect(runsOf('2026-10')).toEqual([]);
    const r = run(['appraise', 'run', '--month', '2026-10', '--finalize', '--allow-missing', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      '2026-09 is not finalized: streaks start at 2026-10',
      '2026-10 is finalized without these scores (--allow-missing):',
      '  1005 孙七 (A组): knowledge_test, teamwork',
      '2026-10 finalized as run #1 (5 operators)',
      '',
    ].join('\n'));
    expect((JSON.parse(r.stdout) as Json[]).map(worked)).toEqual(EXPECTED_OCT);
    finalized = r.stdout;
    expect(runsOf('2026-10').map((x) => [x.id, x.superseded_at])).toEqual([[1, null]]);
  });

  test('bonus --format json: the hand-worked amounts', () => {
    const r = run(['bonus', '--month', '2026-10', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(BONUS_ROWS.map((b) => ({ ...b, month: '2026-10', draft: false })));
  });

  test('bonus --out bonus.csv: the amounts with 2 decimals, the totals row and a BOM; --lang zh headers', () => {
    expect(run(['bonus', '--month', '2026-10', '--out', 'bonus.csv']).status).toBe(0);
    expect(readFileSync(join(dir, 'bonus.csv'), 'utf8')).toBe('\ufeff' + crlf([BONUS_HEADER, ...BONUS_CSV_ROWS]));
    // Chinese headers
    const zh = run(['bonus', '--month', '2026-10', '--format', 'csv', '--lang', 'zh']).stdout.split('\r\n');
    expect(zh[0]).toBe('工号,姓名,班组,月份,考核等级,考核得分,基本工资,绩效工资,全勤奖,优秀员工奖,业务突出奖,合计,在职起,在职止,在职天数,折算');
    expect(zh[6]).toBe('合计,5,,2026-10,,,16566.67,4422.22,400.00,500.00,1200.00,23088.89,,,,');
  });

  test('bonus --format xlsx: text IDs, money formats, a frozen header, the totals row', async () => {
    const r = run(['bonus', '--month', '2026-10', '--format', 'xlsx', '--out', 'bonus.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'bonus.xlsx'));
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe('2026-10');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(7); // header, 5 operators, totals
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(BONUS_HEADER.split(','));
    expect(values(2).slice(0, 12)).toEqual(['1001', '张三', 'A组', '2026-10', 'excellent', 92.85, 4000, 2400, 200, 500, 300, 7400]);
    expect(values(4).slice(0, 12)).toEqual(['1003', '王五', 'B组', '2026-10', 'pass', 73.95, 3800, 1466.66, 200, 0, 300, 5766.66]);
    expect(values(6).slice(0, 12)).toEqual(['1005', '孙七', 'A组', '2026-10', 'good', 83.34, 1666.67, 555.56, 0, 0, 300, 2522.23]);
    expect(values(7).slice(0, 12)).toEqual(['TOTAL', '5', undefined, '2026-10', undefined, undefined, 16566.67, 4422.22, 400, 500, 1200, 23088.89]);
    for (let row = 2; row <= 6; row++) {
      const id = ws.getCell(row, 1);
      expect(id.type).toBe(ExcelJS.ValueType.String); // '1001', not the number 1001
      expect(id.numFmt).toBe('@');
      for (let col = 7; col <= 12; col++) {
        expect(ws.getCell(row, col).type).toBe(ExcelJS.ValueType.Number);
        expect(ws.getCell(row, col).numFmt).toBe('#,##0.00');
      }
    }
    expect(ws.getCell(7, 1).value).toBe('TOTAL');
    expect(ws.getCell(7, 12).numFmt).toBe('#,##0.00');
  });

  test('a changed call after finalizing: the month is shown as stored and the difference is reported', () => {
    // C1001-0008 was rated 4; the corrected export rates it 5.
    const fixed = (CALLS_1001[8] as string).replace(/,4$/, ',5');
    expect(fixed).not.toBe(CALLS_1001[8]);
    const imp = run(['import', 'calls', write('calls-fix.csv', lines([CALL_HEADER, fixed]))]);
    expect(imp.status).toBe(0);
    expect(imp.stderr).toMatch(/1 rows: 0 inserted, 1 updated/);
    const r = run(['appraise', 'run', '--month', '2026-10', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(finalized);
    expect(r.stderr).toMatch(/2026-10 was finalized \(run #1\): shown as stored/);
    expect(r.stderr).toMatch(/changed since: 1001 would now score 93\.35 \(excellent\) instead of 92\.85 \(excellent\)/);
    expect(r.stderr.match(/changed since/g)).toHaveLength(1); // nobody else
    // the bonus sheet still pays from the stored month
    expect(JSON.parse(run(['bonus', '--month', '2026-10', '--format', 'json']).stdout)).toEqual(BONUS_ROWS.map((b) => ({ ...b, month: '2026-10', draft: false })));
  });

  test('--finalize again: exit 2; --refinalize without --reason: exit 2; nothing stored', () => {
    const again = run(['appraise', 'run', '--month', '2026-10', '--finalize', '--format', 'json']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already finalized \(run #1\)/);
    expect(again.stderr).toMatch(/--refinalize --reason/);
    const noReason = run(['appraise', 'run', '--month', '2026-10', '--refinalize', '--format', 'json']);
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toMatch(/--reason/);
    expect(runsOf('2026-10')).toHaveLength(1);
  });

  test('--refinalize --reason: the new results, and the old run kept as superseded', () => {
    const r = run(['appraise', 'run', '--month', '2026-10', '--refinalize', '--reason', '回访更正满意度', '--allow-missing', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/2026-10 finalized as run #2 \(5 operators\); the previous run is kept/);
    const rows = (JSON.parse(r.stdout) as Json[]).map(worked);
    const [first, ...rest] = EXPECTED_OCT as [Json, ...Json[]];
    expect(rows).toEqual([
      { ...first, score: 93.35, groups: { ...first.groups, service_quality: 98.75 }, indicators: { ...first.indicators, satisfaction: [4.9, 97.5] } },
      ...rest,
    ]);
    const runs = runsOf('2026-10');
    expect(runs.map((x) => [x.id, x.reason, x.superseded_at === null])).toEqual([[1, null, false], [2, '回访更正满意度', true]]);
    expect((JSON.parse(runs[0]?.results_json) as Json[])[0]?.score).toBe(92.85);
    expect((JSON.parse(runs[1]?.results_json) as Json[])[0]?.score).toBe(93.35);
    // shown as stored now, with nothing changed since
    const again = run(['appraise', 'run', '--month', '2026-10', '--format', 'json']);
    expect(again.stdout).toBe(r.stdout);
    expect(again.stderr).not.toMatch(/changed since/);
  });
});

describe('a change that moves only the consequence', () => {
  // After the refinalize, T04 (the serious complaint about 1003) is re-imported as 一般 (normal):
  // 1003's score and grade do not move (2 complaints either way: 73.95, pass), but without a serious
  // complaint the action computed now is null instead of the stored reassignment_review.
  test('re-import T04 as a normal complaint', () => {
    const r = run(['import', 'tickets', write('tickets-fix.csv', lines(['ticket_id,kind,opened_at,operator_id,about_operator_id,severity', 'T04,complaint,2026-10-15 10:00,1001,1003,normal']))]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 rows: 0 inserted, 1 updated/);
  });

  // Regression test (found while writing these tests, since fixed).
  test('appraise run reports 1003, whose action would now differ', () => {
    const r = run(['appraise', 'run', '--month', '2026-10', '--format', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Json[])[2]).toMatchObject({ operator_id: '1003', score: 73.95, action: 'reassignment_review' });
    expect(r.stderr).toMatch(/changed since: 1003/);
  });
});

describe('appraise history and evaluate', () => {
  let history1001: Json[] = [];

  test('history --operator 1001 --to 2026-10 --months 3: August and September (computed), October (finalized)', () => {
    const r = run(['appraise', 'history', '--operator', '1001', '--to', '2026-10', '--months', '3', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Json[];
    history1001 = rows;
    expect(rows.map((x) => [x.month, x.score, x.grade, x.status])).toEqual([
      ['2026-08', 95, 'excellent', 'computed'],
      ['2026-09', 95, 'excellent', 'computed'],
      ['2026-10', 93.35, 'excellent', 'finalized'],
    ]);
    // three excellent months, but August and September are not finalized: no commendation
    expect(rows.map((x) => Boolean(x.commendation))).toEqual([false, false, false]);
    expect(rows.map((x) => x.action || null)).toEqual([null, null, null]);
  });

  test('history of 1002: September fail (warning), October fail again, September not finalized (warning)', () => {
    const r = run(['appraise', 'history', '--operator', '1002', '--to', '2026-10', '--months', '3', '--format', 'json']);
    expect(r.status).toBe(0);
    // August: 1002 has no data (no score, no grade)
    expect((JSON.parse(r.stdout) as Json[]).map((x) => [x.month, x.score, x.grade, x.action || null])).toEqual([
      ['2026-08', null, null, null],
      ['2026-09', 45, 'fail', 'warning_and_coaching'],
      ['2026-10', 31.9, 'fail', 'warning_and_coaching'],
    ]);
  });

  // Regression test (found while writing these tests, since fixed).
  test('history --format json uses the same JSON values as appraise run (boolean commendation, null action)', () => {
    expect(history1001).toHaveLength(3);
    expect(history1001.map((x) => [x.commendation, x.action])).toEqual([[false, null], [false, null], [false, null]]);
  });

  test('appraise evaluate without a terminal: exit 2, pointing at hotline import evaluations', () => {
    const r = run(['appraise', 'evaluate', '--month', '2026-10']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/hotline import evaluations/);
  });
});
