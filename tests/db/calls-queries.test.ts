// Two small questions asked of the calls table (src/db/queries): whether a month has any call
// (finalizing needs one), and the busiest day of a month (the demo's tour). Calls are inserted
// into a migrated in-memory database with their local day given by hand.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { hasCallsIn } from '../../src/db/queries/appraisal-inputs.js';
import { busiestDay } from '../../src/db/queries/stats.js';

const db = new Database(':memory:');

beforeAll(() => {
  migrate(db, ':memory:');
  const call = db.prepare(`INSERT INTO calls (call_id, started_at, local_day, local_hour, direction, outcome, import_id, created_import_id, seen_import_id, seen_line)
    VALUES (?, 0, ?, 9, ?, 'answered', 1, 1, 1, 1)`);
  let n = 0;
  const add = (day: string, count: number, direction = 'inbound'): void => {
    for (let i = 0; i < count; i++) call.run(`C${++n}`, day, direction);
  };
  add('2026-09-30', 9);
  add('2026-10-01', 3);
  add('2026-10-12', 5);
  add('2026-10-20', 5); // as many as the 12th: the 12th, being earlier, is the busiest
  add('2026-10-31', 9, 'outbound'); // outbound calls do not count
  add('2026-11-01', 7);
});

describe('hasCallsIn', () => {
  test.each([
    { name: 'October', from: '2026-10-01', to: '2026-10-31', expected: true },
    { name: 'a month before the first import', from: '2026-08-01', to: '2026-08-31', expected: false },
    { name: 'the last day of September only', from: '2026-09-30', to: '2026-09-30', expected: true },
    { name: 'an outbound call is a call', from: '2026-10-31', to: '2026-10-31', expected: true },
    { name: 'between two days with calls', from: '2026-10-02', to: '2026-10-11', expected: false },
  ])('$name → $expected', ({ from, to, expected }) => {
    expect(hasCallsIn(db, { from, to })).toBe(expected);
  });
});

describe('busiestDay', () => {
  test.each([
    { name: 'October: the 12th and the 20th have 5 inbound calls each, the 31st only outbound', from: '2026-10-01', to: '2026-10-31', expected: '2026-10-12' },
    { name: 'the range includes the last day of September', from: '2026-09-30', to: '2026-10-31', expected: '2026-09-30' },
    { name: 'a month without calls', from: '2026-08-01', to: '2026-08-31', expected: undefined },
  ])('$name → $expected', ({ from, to, expected }) => {
    expect(busiestDay(db, from, to)).toBe(expected);
  });
});
