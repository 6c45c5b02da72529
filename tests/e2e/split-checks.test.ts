// Files larger than a few input chunks (32 KiB each): the parsing worker checks two chunks of
// three and leaves every third chunk's checks to the import thread (src/io/import-parse.ts,
// ConvertStage.check). Whichever thread checks a row, the accounting, the messages, the rejects
// file and a mapping's skips must be the same; these files put bad, duplicate and skipped rows
// in every chunk.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rows, value, workspace } from './support.js';

const { run, write, db, dir } = workspace('hotline-e2e-split-');

const HEADER = 'call_id,started_at,operator_id,direction,outcome,wait_seconds,talk_seconds,topic';
/** 40,000 rows of about 100 bytes: 4 MB, four or five input chunks. */
const N = 40_000;
const PAD = 'x'.repeat(40);

/** Row i: every 1,000th has a bad wait ("soon"), every 1,000th (offset 500) repeats call C(i-1) with other content. */
function line(i: number): string {
  const id = i % 1000 === 500 ? `C${i - 1}` : `C${i}`;
  const wait = i % 1000 === 0 ? 'soon' : String(i % 60);
  const minute = String(i % 60).padStart(2, '0');
  return `${id},2026-10-01 10:${minute}:00,${1000 + (i % 30)},inbound,answered,${wait},${i % 600},${PAD}`;
}

function bigFile(name: string): string {
  const lines = [HEADER];
  for (let i = 1; i <= N; i++) lines.push(line(i));
  return write(name, lines.join('\n') + '\n');
}

describe('a file of several input chunks', () => {
  test('--skip-invalid: every bad and repeated row is rejected with its own line, whichever thread checked it', () => {
    const file = bigFile('big.csv');
    const r = run(['--db', 'big.db', 'import', 'calls', '--skip-invalid', '--rejects', 'big.rejects.csv', '--format', 'json', file]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    // 40 bad waits (i = 1000, 2000, …, 40000) and 40 repeats (i = 500, 1500, …, 39500): lines i + 1.
    expect({ rows: summary.rows, inserted: summary.inserted, rejected: summary.rejected, skipped: summary.skipped }).toEqual({ rows: N, inserted: N - 80, rejected: 80, skipped: 0 });
    expect(value(db('big.db'), 'SELECT count(*) FROM calls')).toBe(N - 80);
    // The rejects file: the record's 8 columns, then line and reason.
    const rejects = (parse(readFileSync(join(dir(), 'big.rejects.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[]);
    const byLine = new Map(rejects.map((r) => [Number(r.line), r.reason]));
    const expected: number[] = [];
    for (let i = 500; i <= N; i += 500) expected.push(i + 1);
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual(expected);
    // A repeat names the line of the first occurrence (C499 on line 500 for the repeat on line 501).
    expect(byLine.get(501)).toContain('is also on line 500');
    expect(byLine.get(39501)).toContain('is also on line 39500');
    expect(byLine.get(1001)).toContain('wait_seconds');
    expect(byLine.get(40001)).toContain('wait_seconds');
    // The per-day summary counts the inserted calls once each.
    expect(value(db('big.db'), "SELECT offered FROM stats_days WHERE dim = 'total' AND direction = 'inbound'")).toBe(N - 80);
  });

  test('strict: every bad row is counted, repeats included, and the first 20 are listed in file order; nothing is written', () => {
    const file = bigFile('strict.csv');
    const r = run(['--db', 'strict.db', 'import', 'calls', file]);
    expect(r.status).toBe(3);
    // A strict import goes on writing after a bad row (and rolls back at the end) so that the
    // repeats further on are found too (issue 17.16): the same 80 bad rows as --skip-invalid
    // rejects, the 40 repeats (lines 501, 1501, …) and the 40 bad waits (lines 1001, 2001, …),
    // of which the 20 lowest lines are listed: 501, 1001, 1501, …, 10001.
    const listed = r.stderr.split('\n').filter((l) => l.startsWith('  line ')).map((l) => Number(/line (\d+)/.exec(l)?.[1]));
    expect(listed).toEqual(Array.from({ length: 20 }, (_, k) => 501 + 500 * k));
    expect(r.stderr).toContain('line 501: column 1 (call_id): call_id C499 is also on line 500 with different content (keep one of the two lines)');
    expect(r.stderr).toContain('strict.csv: 80 bad rows; nothing was imported from this file');
    expect(r.stderr).toContain('… and 60 more');
    expect(value(db('strict.db'), 'SELECT count(*) FROM calls')).toBe(0);
  });

  test('a mapping: its skips and its bad rows are counted in every chunk', () => {
    const lines = ['id;when;agent;result;queue_s;talk_s;note'];
    for (let i = 1; i <= N; i++) {
      const result = i % 1000 === 0 ? 'TEST' : i % 1000 === 1 ? 'WHAT' : 'AGENT';
      lines.push(`M${i};2026-10-01 09:00:00;${1000 + (i % 30)};${result};${i % 60};${i % 600};${PAD}`);
    }
    const file = write('mapped.csv', lines.join('\n') + '\n');
    write('m.json', JSON.stringify({
      kind: 'calls', delimiter: ';',
      fields: {
        call_id: { column: 'id' }, started_at: { column: 'when' }, operator_id: { column: 'agent' },
        outcome: { column: 'result', map: { AGENT: 'answered', TEST: '@skip' } },
        wait_seconds: { column: 'queue_s' }, talk_seconds: { column: 'talk_s' },
      },
    }));
    const r = run(['--db', 'mapped.db', 'import', 'calls', '--mapping', 'm.json', '--skip-invalid', '--rejects', 'mapped.rejects.csv', '--format', 'json', file]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    // 40 TEST rows skipped (i = 1000, …), 40 WHAT rows rejected (i = 1, 1001, …): an outcome the mapping does not map.
    expect({ rows: summary.rows, inserted: summary.inserted, rejected: summary.rejected, skipped: summary.skipped }).toEqual({ rows: N, inserted: N - 80, rejected: 40, skipped: 40 });
    expect(rows(db('mapped.db'), "SELECT count(*) AS n FROM calls WHERE call_id LIKE 'M%000'")).toEqual([{ n: 0 }]);
    // The rejects file keeps the file's own columns; the 40 WHAT rows, lines i + 1.
    const rejects = (parse(readFileSync(join(dir(), 'mapped.rejects.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[]);
    expect(Object.keys(rejects[0] ?? {})).toEqual(['id', 'when', 'agent', 'result', 'queue_s', 'talk_s', 'note', 'line', 'reason']);
    expect(rejects.map((x) => Number(x.line))).toEqual(Array.from({ length: 40 }, (_, k) => 2 + 1000 * k));
    expect(rejects.every((x) => x.result === 'WHAT')).toBe(true);
  });
});
