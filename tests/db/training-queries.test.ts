// What the training plan, compliance and promotions read (src/db/queries/training.ts), from
// operators, sessions and attendance inserted into a migrated in-memory database.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { attendedSessions, employedOperators, onboardingAttended, operatorsEmployedFrom } from '../../src/db/queries/training.js';

const db = new Database(':memory:');

beforeAll(() => {
  migrate(db, ':memory:');
  const op = db.prepare("INSERT INTO operators (operator_id, name, hire_date, termination_date, import_id, created_import_id, seen_import_id, seen_line) VALUES (?, ?, ?, ?, 1, 1, 1, 1)");
  op.run('1001', '张三', '2020-03-01', null);
  op.run('1002', '李四', '2026-10-16', null); // hired mid-month
  op.run('1003', '王五', '2019-05-01', '2026-10-13'); // leaves mid-month
  op.run('1004', '赵六', '2018-01-01', '2026-09-30'); // left the day before the month
  op.run('1005', '钱七', '2026-11-02', null); // hired after it
  op.run('1006', '孙八', '2021-06-01', '2026-10-01'); // left on the first day
  const session = db.prepare("INSERT INTO trainings (session_id, date, topic, kind, hours, import_id, created_import_id, seen_import_id, seen_line) VALUES (?, ?, 'x', ?, ?, 1, 1, 1, 1)");
  session.run('S1', '2026-09-28', 'onboarding', null);
  session.run('S2', '2026-09-29', 'onboarding', 7.5);
  session.run('S3', '2026-10-01', 'onboarding', null);
  session.run('S4', '2026-10-20', 'internal', 1.5);
  session.run('S5', '2026-10-31', 'external', null);
  session.run('S6', '2026-11-01', 'internal', 2);
  const attended = db.prepare("INSERT INTO attendance (attendance_id, session_id, operator_id, status, import_id, created_import_id, seen_import_id, seen_line) VALUES (?, ?, ?, ?, 1, 1, 1, 1)");
  for (const [s, o, status] of [['S1', '1002', 'present'], ['S2', '1002', 'present'], ['S3', '1002', 'present'], ['S1', '1001', 'absent'], ['S2', '1003', 'present'],
    ['S4', '1001', 'present'], ['S4', '1002', 'absent'], ['S5', '1001', 'present'], ['S6', '1001', 'present']] as const) attended.run(`${s}|${o}`, s, o, status);
});

describe('employedOperators', () => {
  test('October 2026: the mid-month hire, the mid-month leaver and the one who left on the 1st; not those gone before or hired after', () => {
    expect(employedOperators(db, { from: '2026-10-01', to: '2026-10-31' })).toEqual([
      { operator_id: '1001', hire_date: '2020-03-01', termination_date: null },
      { operator_id: '1002', hire_date: '2026-10-16', termination_date: null },
      { operator_id: '1003', hire_date: '2019-05-01', termination_date: '2026-10-13' },
      { operator_id: '1006', hire_date: '2021-06-01', termination_date: '2026-10-01' },
    ]);
  });

  test('a month before the first hire: nobody', () => {
    expect(employedOperators(db, { from: '2017-12-01', to: '2017-12-31' })).toEqual([]);
  });
});

describe('operatorsEmployedFrom', () => {
  test('from 2026-10-01: everyone not gone before it, hires after it included', () => {
    expect(operatorsEmployedFrom(db, '2026-10-01')).toEqual([
      { operator_id: '1001', hire_date: '2020-03-01' }, { operator_id: '1002', hire_date: '2026-10-16' }, { operator_id: '1003', hire_date: '2019-05-01' },
      { operator_id: '1005', hire_date: '2026-11-02' }, { operator_id: '1006', hire_date: '2021-06-01' },
    ]);
  });
});

describe('onboardingAttended', () => {
  test('before October: 1002 was at two sessions, 1003 at one, 1001 was absent (not counted)', () => {
    expect([...onboardingAttended(db, '2026-10-01')]).toEqual([['1002', 2], ['1003', 1]]);
  });
  test('before November: the session of 10-01 counts too', () => {
    expect(onboardingAttended(db, '2026-11-01').get('1002')).toBe(3);
  });
});

describe('attendedSessions', () => {
  test("October: present only, the month's first and last day included, hours as recorded (null: none)", () => {
    expect(attendedSessions(db, { from: '2026-10-01', to: '2026-10-31' }).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { operator_id: '1001', kind: 'external', hours: null },
      { operator_id: '1001', kind: 'internal', hours: 1.5 },
      { operator_id: '1002', kind: 'onboarding', hours: null },
    ]);
  });
});
