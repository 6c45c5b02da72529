// Complaint follow-up end to end: hand-worked tickets around the 7-day legal limit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir } from '../helpers/cli.js';

const CSV = [
  '工单号,类型,受理时间,受理工号,原因,被投诉工号,严重程度,转交部门,承诺时间,办结时间,客户是否满意,建议是否采纳',
  // opened 23:59 on the last day of October; resolved exactly 7 days later: on time
  'T1,投诉,2026-10-31 23:59:00,1001,延误,,一般,网点,,2026-11-07 23:59:00,是,',
  // the same, one second later: late against the legal limit
  'T2,投诉,2026-10-31 23:59:00,1001,丢失,1002,严重,理赔,,2026-11-07 23:59:01,否,',
  // a promise (24 h) earlier than the legal limit, still open
  'T3,投诉,2026-11-01 10:00:00,1002,破损,,一般,网点,2026-11-02 10:00:00,,,',
  'T4,建议,2026-11-01 11:00:00,1003,,,一般,,,,,是',
].join('\n') + '\n';

let dir: string;
let cleanup: () => void;
const run = (args: string[]) => hotline(['--db', 'tk.db', ...args], { cwd: dir });

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, 'tickets.csv'), CSV);
  expect(run(['import', 'tickets', 'tickets.csv']).status).toBe(0);
});
afterAll(() => cleanup());

describe('tickets list', () => {
  test('as of 2026-11-03 (end of day): T3 is past its promise, the others open', () => {
    const r = run(['tickets', 'list', '--as-of', '2026-11-03', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((t) => [t.ticket_id, t.status, t.legal_deadline, t.age_hours])).toEqual([
      ['T1', 'open', '2026-11-07T23:59:00', 72.02], // 2026-10-31 23:59 → 11-03 23:59:59: 72 h 0 min 59 s
      ['T2', 'open', '2026-11-07T23:59:00', 72.02],
      ['T3', 'overdue', '2026-11-08T10:00:00', 62], // 11-01 10:00 → 11-03 23:59:59
      ['T4', 'open', null, 61],
    ]);
  });

  test('as of 2026-11-09: T1 resolved on time, T2 late against the legal limit', () => {
    const rows = JSON.parse(run(['tickets', 'list', '--as-of', '2026-11-09', '--kind', 'complaint', '--status', 'resolved', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(rows.map((t) => [t.ticket_id, t.status, t.late_against_legal_limit, t.reason_label])).toEqual([
      ['T1', 'resolved_on_time', false, '延误'],
      ['T2', 'resolved_late', true, '丢失'],
    ]);
  });

  test('--status due-soon as of 2026-11-07 00:00: the two October complaints (deadline within 24 h)', () => {
    const rows = JSON.parse(run(['tickets', 'list', '--as-of', '2026-11-07 00:00', '--status', 'due-soon', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(rows.map((t) => t.ticket_id)).toEqual(['T1', 'T2']);
  });
});

describe('tickets summary', () => {
  test('November 2026, worked by hand', () => {
    const r = run(['tickets', 'summary', '--month', '2026-11', '--format', 'json']);
    expect(r.status).toBe(0);
    const { rows } = JSON.parse(r.stdout) as { rows: Record<string, unknown>[] };
    const total = rows.find((x) => x.by === 'total');
    // received in November: T3; resolved in November: T1 (168 h) and T2 (168 h 1 s);
    // within the legal limit 1 of 2; satisfied 1 of 2; one suggestion, adopted.
    expect(total).toEqual({
      by: 'total', key: null, complaints_received: 1, complaints_resolved: 2, median_resolution_hours: 168, p90_resolution_hours: 168,
      resolved_within_promise: null, resolved_within_legal_limit: 0.5, customer_satisfied: 0.5, suggestions: 1, suggestions_adopted: 1,
    });
    expect(rows.find((x) => x.by === 'department' && x.key === '理赔')).toMatchObject({ complaints_received: 0, complaints_resolved: 1, resolved_within_legal_limit: 0 });
  });
});

describe('stats daily', () => {
  test('counts the complaints overdue and open at the end of the day', () => {
    writeFileSync(join(dir, 'calls.csv'), 'call_id,started_at,outcome\nX1,2026-11-08 10:00:00,answered\n');
    expect(run(['import', 'calls', 'calls.csv']).status).toBe(0);
    const r = run(['stats', 'daily', '--date', '2026-11-08', '--format', 'json']);
    // T3 (promise 11-02 10:00) is overdue and open at 11-08 23:59:59; nothing opened or resolved that day
    expect(JSON.parse(r.stdout).tickets).toEqual({ opened: 0, resolved: 0, overdue_open: 1 });
  });
});
