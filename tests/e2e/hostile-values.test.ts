// Hostile values, round two (issue 18 items 5–8 and the ignored-columns line; issue 17 items 6
// and 16) on the built binary: each class of value that used to go in wrong is now either read
// right or refused as a bad row naming file, line, column and reason, and the database is left
// as it was when the file is refused.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { rows, tableCounts, workspace, zeros } from './support.js';

const { run, write, db } = workspace('hotline-e2e-values-');

/** Nothing imported: no database at all, or one where every table (the ledger included) is empty. */
function expectNothingWritten(name: string): void {
  if (!existsSync(db(name))) return;
  const counts = tableCounts(db(name));
  expect(counts).toEqual(zeros(counts));
}

const ROWS_HINT = 'hint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows';

/** The exact stderr of a file refused for its bad rows. */
const refused = (file: string, lines: string[]): string =>
  [`error: ${file}: ${lines.length} bad row${lines.length > 1 ? 's' : ''}; nothing was imported from this file`, ...lines, ROWS_HINT, ''].join('\n');

const summary = (file: string, n: number, inserted: number, importId: number): string =>
  `${file}: ${n} rows: ${inserted} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #${importId}, utf-8)\n`;

describe('issue 18.5: invisible characters in identifiers', () => {
  test('a no-break space (or an em space) around an operator id is trimmed: one operator 1001, not three', () => {
    write('nbsp.csv', 'call_id,started_at,outcome,operator_id\nC1,2026-10-01 09:00:00,answered,1001\nC2,2026-10-01 09:01:00,answered,1001\u00a0\nC3\u2003,2026-10-01 09:02:00,answered,\u00a01001\n');
    const r = run(['--db', 'nbsp.db', 'import', 'calls', 'nbsp.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: summary('nbsp.csv', 3, 3, 1) });
    expect(rows(db('nbsp.db'), 'SELECT call_id, operator_id FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'C1', operator_id: '1001' },
      { call_id: 'C2', operator_id: '1001' },
      { call_id: 'C3', operator_id: '1001' },
    ]);
  });

  test('C1 followed by a zero-width space is a bad row, not a second call; a word joiner in an operator id too', () => {
    write('zw.csv', 'call_id,started_at,outcome,operator_id\nC1,2026-10-01 09:00:00,answered,1001\nC1\u200b,2026-10-01 09:01:00,answered,1001\nC2,2026-10-01 09:02:00,answered,10\u206001\n');
    const r = run(['--db', 'zw.db', 'import', 'calls', 'zw.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('zw.csv', [
        '  line 3: column 1 (call_id): "C1\u200b": identifier contains an invisible format character U+200B (zero-width space) (retype the value: it holds a character that cannot be seen)',
        '  line 4: column 4 (operator_id): "10\u206001": identifier contains an invisible format character U+2060 (word joiner) (retype the value: it holds a character that cannot be seen)',
      ]),
    });
    expectNothingWritten('zw.db');
  });
});

describe('issue 18.6: impossible UTC offsets', () => {
  test('+99, +25:00 and +0860 are bad values; +14:00 and -12:00 are read', () => {
    write('tz.csv', [
      'call_id,started_at,outcome',
      'T1,2026-10-01T09:00:00+99,answered',
      'T2,2026-10-01T09:00:00+25:00,answered',
      'T3,2026-10-01T09:00:00+0860,answered',
      'T4,2026-10-01T09:00:00+14:00,answered',
      'T5,2026-10-01T09:00:00-12:00,answered',
      '',
    ].join('\n'));
    const hint = '(offsets run from -12:00 to +14:00, with minutes below 60 (e.g. +08:00))';
    const r = run(['--db', 'tz.db', 'import', 'calls', 'tz.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('tz.csv', [
        `  line 2: column 2 (started_at): "2026-10-01T09:00:00+99" has an impossible UTC offset +99 ${hint}`,
        `  line 3: column 2 (started_at): "2026-10-01T09:00:00+25:00" has an impossible UTC offset +25:00 ${hint}`,
        `  line 4: column 2 (started_at): "2026-10-01T09:00:00+0860" has an impossible UTC offset +0860 ${hint}`,
      ]),
    });
    expectNothingWritten('tz.db');
    const ok = run(['--db', 'tz.db', 'import', 'calls', '--skip-invalid', '--rejects', 'tz.rejects.csv', 'tz.csv']);
    expect(ok.status).toBe(0);
    // 09:00 at +14:00 is 19:00 the day before in UTC, 03:00 in Shanghai; 09:00 at -12:00 is 21:00 UTC, 05:00 next day in Shanghai.
    expect(rows(db('tz.db'), 'SELECT call_id, started_at, local_day, local_hour FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'T4', started_at: 1790794800, local_day: '2026-10-01', local_hour: 3 },
      { call_id: 'T5', started_at: 1790888400, local_day: '2026-10-02', local_hour: 5 },
    ]);
  });
});
