// training plan end to end: onboarding for a new hire, internal courses, leave respected, ics.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
const run = (args: string[]) => hotline(['--db', 't.db', ...args], { cwd: dir });

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  // 2001 joined in the National Day holidays: onboarding starts on the first working day, 10-08.
  writeFileSync(join(dir, 'operators.csv'), '工号,姓名,入职日期\n1001,甲,2020-01-01\n1002,乙,2021-05-01\n2001,丙,2026-10-05\n');
  // 1002 is on leave on the day of the second internal course.
  writeFileSync(join(dir, 'leave.csv'), '工号,类型,开始日期,结束日期\n1002,年假,2026-10-26,2026-10-26\n');
  expect(run(['import', 'operators', 'operators.csv']).status).toBe(0);
  expect(run(['import', 'leave', 'leave.csv']).status).toBe(0);
});
afterAll(() => cleanup());

describe('training plan --month 2026-10', () => {
  test('JSON: five onboarding days from 10-08 (10-10 is a swapped working day), two internal courses', () => {
    const r = run(['training', 'plan', '--month', '2026-10', '--format', 'json']);
    expect(r.status).toBe(0);
    const sessions = JSON.parse(r.stdout) as { date: string; kind: string; topic: string; attendees: string[] }[];
    // working days from 10-08: Thu 08, Fri 09, Sat 10 (调休), Mon 12, Tue 13; topics floor(i·4/5): 0,0,1,2,3
    expect(sessions.filter((s) => s.kind === 'onboarding').map((s) => [s.date, s.topic, s.attendees])).toEqual([
      ['2026-10-08', 'company_overview', ['2001']],
      ['2026-10-09', 'company_overview', ['2001']],
      ['2026-10-10', 'business_knowledge', ['2001']],
      ['2026-10-12', 'service_norms', ['2001']],
      ['2026-10-13', 'system_operation', ['2001']],
    ]);
    // 18 working days in October 2026 (calendar check); sessions on working day floor((2k+1)·18/4): 4 and 13 → 10-13 and 10-26.
    // 2001 is in onboarding on 10-13, so only 1001 and 1002 attend; 1002 is on leave on 10-26.
    expect(sessions.filter((s) => s.kind === 'internal').map((s) => [s.date, s.attendees])).toEqual([
      ['2026-10-13', ['1001', '1002']],
      ['2026-10-26', ['1001', '2001']],
    ]);
  });

  test('ics: one VEVENT per session, UTC times, CRLF, written to --out', () => {
    const r = run(['training', 'plan', '--month', '2026-10', '--out', 'plan.ics']);
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'plan.ics'), 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT\r\n/g)).toHaveLength(7);
    // onboarding 09:00–17:00 Asia/Shanghai on 10-08 = 01:00–09:00 UTC
    expect(text).toContain('UID:2026-10-08-onboarding-company_overview@hotline\r\n');
    expect(text).toContain('DTSTART:20261008T010000Z\r\nDTEND:20261008T090000Z\r\n');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
