// The per-day summary kept by imports (added to from inserted rows, recomputed for days with
// updated rows) gives exactly what the calls themselves give.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hotline, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
const run = (args: string[]) => hotline(['--db', 's.db', ...args], { cwd: dir });
const HEADER = 'call_id,started_at,operator_id,direction,outcome,wait_seconds,talk_seconds,hold_seconds,acw_seconds,category,topic,complaint_reason,satisfaction';

function rows(from: number, to: number, variant = 0): string[] {
  const out: string[] = [];
  const cats = ['consultation', 'complaint', 'order', 'query', ''];
  for (let i = from; i < to; i++) {
    const day = 1 + (i % 9);
    const answered = i % 7 !== 0;
    const cat = answered ? cats[i % 5] : '';
    out.push([
      `S${i}`, `2026-10-0${day} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`, answered ? `10${i % 4}` : '',
      i % 11 === 0 ? 'outbound' : 'inbound', answered ? 'answered' : 'abandoned', String((i * 7 + variant) % 40), answered ? String(60 + i % 300) : '0',
      String(i % 3), String(10 + i % 20), cat, cat === 'consultation' ? `topic${i % 3}` : '', cat === 'complaint' ? ['delay', 'loss', ''][i % 3] : '',
      answered && i % 2 ? String(1 + ((i + variant) % 5)) : '',
    ].join(','));
  }
  return out;
}

function reports(): string[] {
  const out: string[] = [];
  for (const by of ['day', 'hour', 'operator', 'category']) out.push(run(['stats', 'range', '--from', '2026-10-01', '--to', '2026-10-09', '--by', by, '--format', 'json']).stdout);
  for (const d of ['2026-10-01', '2026-10-05', '2026-10-09']) out.push(run(['stats', 'daily', '--date', d, '--format', 'json']).stdout);
  return out;
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, 'a.csv'), [HEADER, ...rows(0, 600)].join('\n') + '\n');
  // overlaps a.csv by 100 rows, 50 of them changed (new waits and ratings), and adds 400 new ones
  writeFileSync(join(dir, 'b.csv'), [HEADER, ...rows(500, 550, 3), ...rows(550, 1000)].join('\n') + '\n');
  expect(run(['import', 'calls', 'a.csv']).status).toBe(0);
  expect(run(['import', 'calls', 'b.csv']).stderr).toBe('b.csv: 500 rows: 400 inserted, 50 updated, 50 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n');
  // only new calls, on the same nine days: their sums are added to the groups already stored
  writeFileSync(join(dir, 'c.csv'), [HEADER, ...rows(1000, 1300)].join('\n') + '\n');
  expect(run(['import', 'calls', 'c.csv']).stderr).toBe('c.csv: 300 rows: 300 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #3, utf-8)\n');
});
afterAll(() => cleanup());

test('statistics from the summary equal statistics from the calls', () => {
  const fromSummary = reports();
  const db = new Database(join(dir, 's.db'));
  expect(db.prepare('SELECT count(*) FROM stats_days').pluck().get()).toBeGreaterThan(0);
  db.prepare("DELETE FROM settings WHERE key = 'stats_summary'").run();
  db.close();
  const fromCalls = reports();
  expect(fromSummary).toEqual(fromCalls);
  expect(JSON.parse(fromCalls[0] as string).rows.reduce((n: number, r: { offered: number }) => n + r.offered, 0)).toBe(1300 - 119); // 119 outbound among S0–S1299 (i % 11 = 0)
});
