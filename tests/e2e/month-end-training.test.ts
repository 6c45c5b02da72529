// Issue 17 items 4 and 9, end to end: the training plan and compliance of a realistic month
// (November 2026) with a hire on the 16th, a leaver on the 13th, leave (a half day too) on a
// course day and more operators than training.max_attendees (20); the warnings of a plan for a
// month already past or without an official holiday calendar; the demo's November plan.
//
// November 2026: no holidays, 11-01 a Sunday; working days 02–06, 09–13, 16–20, 23–27, 30 (21).
// Internal courses on working days floor(21/4) = 5 and floor(63/4) = 15 (0-based): 11-09 and
// 11-23; a split course repeats on the next working days before the next course (the month end).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir } from '../helpers/cli.js';
import { csv, demoDatabase } from './support.js';

let dir: string;
let cleanup: () => void;
const run = (args: string[]) => hotline(['--db', 't.db', ...args], { cwd: dir });
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
/** "YYYY-MM-DD" of today in Asia/Shanghai as a pattern (the warning names it; the test must not depend on it). */
const TODAY = '\\d{4}-\\d{2}-\\d{2}';

interface Session { session_id: string; date: string; kind: string; topic: string; attendees: string[] }

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-month-end-training-'));
  // 24 operators in post all month but 1013, who leaves on Friday 11-13; 2001 is hired on Monday 11-16.
  const staff = range(1001, 1024).map((id) => [id, `员工${id}`, '2021-03-01', id === '1013' ? '2026-11-13' : '']);
  writeFileSync(join(dir, 'operators.csv'), csv(['工号', '姓名', '入职日期', '离职日期'], [...staff, ['2001', '新人', '2026-11-16', '']]));
  // 1005 on leave on the first course day; 1007 half a day on the second; 1020 sick for the whole second course.
  writeFileSync(join(dir, 'leave.csv'), csv(['工号', '类型', '开始日期', '结束日期', '天数'], [
    ['1005', '年假', '2026-11-09', '2026-11-09', ''],
    ['1007', '年假', '2026-11-23', '2026-11-23', '0.5'],
    ['1020', '病假', '2026-11-23', '2026-11-30', ''],
  ]));
  expect(run(['import', 'operators', 'operators.csv']).status).toBe(0);
  expect(run(['import', 'leave', 'leave.csv']).status).toBe(0);
});
afterAll(() => cleanup());

describe('training plan --month 2026-11: only while employed and not on leave; courses above 20 split', () => {
  test('the sessions and their attendees, hand-worked', () => {
    const r = run(['training', 'plan', '--month', '2026-11', '--format', 'json']);
    expect(r.status).toBe(0);
    const sessions = JSON.parse(r.stdout) as Session[];
    expect(sessions.map((s) => `${s.session_id} [${s.attendees.join(' ')}]`)).toEqual([
      // 11-09: 23 free (2001 not hired, 1005 on leave) → 2 groups, 12 today. 1013 first (free on only
      // 4 of the 9 later days), then by id; 11-10: the 11 still waiting and 1005, back from leave.
      '2026-11-09-internal-company_culture [1001 1002 1003 1004 1006 1007 1008 1009 1010 1011 1012 1013]',
      '2026-11-10-internal-company_culture [1005 1014 1015 1016 1017 1018 1019 1020 1021 1022 1023 1024]',
      // 2001's onboarding from the hire date, 5 working days, topics floor(i·4/5): 0 0 1 2 3.
      '2026-11-16-onboarding-company_overview [2001]',
      '2026-11-17-onboarding-company_overview [2001]',
      '2026-11-18-onboarding-business_knowledge [2001]',
      '2026-11-19-onboarding-service_norms [2001]',
      '2026-11-20-onboarding-system_operation [2001]',
      // 11-23: 22 free (1013 gone, 2001 done with onboarding, 1007 and 1020 on leave) → 11 + 11;
      // 1007 is back on 11-24 and joins the repeat; 1020 is on leave until the month's end.
      '2026-11-23-internal-express_business [1001 1002 1003 1004 1005 1006 1008 1009 1010 1011 1012]',
      '2026-11-24-internal-express_business [1007 1014 1015 1016 1017 1018 1019 1021 1022 1023 1024 2001]',
    ]);
    expect(r.stderr).toMatch(new RegExp(`^warning: 2026-11 is over \\(today is ${TODAY} in Asia/Shanghai\\): the plan's 9 sessions are on past days\n`
      + 'targeted courses from the computed \\(not finalized\\) appraisal of 2026-10\n$'));
  });

  test('compliance: internal courses required = min(2, offered); only a missed course is behind', () => {
    const plan = JSON.parse(run(['training', 'plan', '--month', '2026-11', '--format', 'json']).stdout) as Session[];
    const kindZh: Record<string, string> = { onboarding: '入职培训', internal: '内部培训' };
    writeFileSync(join(dir, 'trainings.csv'), csv(['场次', '日期', '主题', '类型', '学时'], plan.map((s) => [s.session_id, s.date, s.topic, kindZh[s.kind] ?? s.kind, ''])));
    // Everyone attended as planned but 1007, absent from the 11-24 repeat.
    const attendance = plan.flatMap((s) => s.attendees.map((op) => [s.session_id, op, s.date === '2026-11-24' && op === '1007' ? '缺席' : '出席']));
    writeFileSync(join(dir, 'attendance.csv'), csv(['场次', '工号', '出勤'], attendance));
    expect(run(['import', 'trainings', 'trainings.csv']).status).toBe(0);
    expect(run(['import', 'attendance', 'attendance.csv']).status).toBe(0);
    const r = run(['training', 'compliance', '--month', '2026-11', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: { operator_id: string; required: Record<string, number>; attended: Record<string, number>; required_hours: number; attended_hours: number; behind: string[] }[] };
    const row = (id: string) => out.rows.find((x) => x.operator_id === id);
    expect(out.rows).toHaveLength(25);
    // 1013 left on 11-13: offered only the 11-09 course.
    expect(row('1013')).toMatchObject({ required: { internal: 1 }, attended: { internal: 1 }, required_hours: 2, attended_hours: 2, behind: [] });
    // 1020 sick from 11-23: offered only the first course.
    expect(row('1020')).toMatchObject({ required: { internal: 1 }, attended: { internal: 1 }, required_hours: 2, attended_hours: 2, behind: [] });
    // 2001 hired 11-16: 5 onboarding days (8 h) and the second course.
    expect(row('2001')).toMatchObject({ required: { onboarding: 5, internal: 1 }, attended: { onboarding: 5, internal: 1 }, required_hours: 42, attended_hours: 42, behind: [] });
    // 1005 on leave on 11-09 went to the repeat on 11-10: both courses offered and attended.
    expect(row('1005')).toMatchObject({ required: { internal: 2 }, attended: { internal: 2 }, behind: [] });
    expect(row('1007')).toMatchObject({ required: { internal: 2 }, attended: { internal: 1 }, required_hours: 4, attended_hours: 2, behind: ['internal'] });
    const behind = run(['training', 'compliance', '--month', '2026-11', '--behind', '--format', 'csv']);
    expect(behind.stdout.split('\r\n').filter(Boolean).map((l) => l.split(',')[0])).toEqual(['operator_id', '1007']);
    expect(behind.stderr).toBe('2026-11: 132 training hours attended; 1 of 25 operators behind\n');
  });
});

describe('training plan warns about the month it is asked for (stderr; exit 0)', () => {
  test('a year with no official holiday calendar (2099): warned as calendar check does', () => {
    const r = run(['training', 'plan', '--month', '2099-06', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('warning: no official holiday calendar for 2099 in data/holidays: weekends only there\ntargeted courses from the computed (not finalized) appraisal of 2099-05\n');
    expect(r.stdout.split('\r\n')[0]).toBe('date,start,end,kind,topic,attendees,attendee_ids,session_id');
  });

  test('a past month without an official calendar (2020-03, before anyone was hired): both warnings', () => {
    // The two internal courses are still listed, with no attendees.
    const r = run(['training', 'plan', '--month', '2020-03', '--format', 'ics', '--out', 'old.ics']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp('^warning: no official holiday calendar for 2020 in data/holidays: weekends only there\n'
      + `warning: 2020-03 is over \\(today is ${TODAY} in Asia/Shanghai\\): the plan's 2 sessions are on past days\n`));
  });
});

describe('the demo: November 2026, 29 operators (1017 left on 10-20)', () => {
  test('each internal course is split 15 + 14 over two working days', async () => {
    await demoDatabase(dir, 'demo.db');
    const r = hotline(['--db', 'demo.db', 'training', 'plan', '--month', '2026-11', '--format', 'json'], { cwd: dir });
    const sessions = JSON.parse(r.stdout) as Session[];
    expect(sessions.map((s) => `${s.session_id} ${s.attendees.length}`)).toEqual([
      '2026-11-02-targeted-complaint_handling 1',
      '2026-11-03-coaching-one_to_one_coaching 1',
      '2026-11-09-internal-company_culture 15',
      '2026-11-10-internal-company_culture 14',
      '2026-11-23-internal-express_business 15',
      '2026-11-24-internal-express_business 14',
    ]);
    const everyone = [...range(1001, 1016), ...range(1018, 1030)];
    expect(sessions[2]?.attendees).toEqual(everyone.slice(0, 15));
    expect(sessions[3]?.attendees).toEqual(everyone.slice(15));
  });
});
