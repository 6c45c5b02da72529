// import inspect --save-mapping: a mapping file built from the header hotline knows and, in a
// terminal, from a person's answers; without a terminal it never asks.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir } from '../helpers/cli.js';
import { answerInTerminal, rows } from './support.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  // An ACD export hotline does not know: no call-id header it recognises, dates as YYMMDD with
  // the time in another column, outcome codes of its own.
  writeFileSync(join(dir, 'acd.tsv'), [
    'id\tday\tclock\tresult\tagent\twait',
    '1\t261001\t9:05:00\tAGENT\t1001\t3',
    '2\t261001\t10:15:30\tHANG\t\t20',
    '3\t261001\t11:00:00\tTEST\t1001\t0',
    '4\t261002\t8:00:07\tAGENT\t1002\t7',
    '',
  ].join('\n'));
});
afterAll(() => cleanup());

const DOWN = '\u001b[B';
const ENTER = '\r';

describe('without a terminal', () => {
  test('a file with no column for a required field: exit 2, nothing asked, nothing written', () => {
    const r = hotline(['import', 'inspect', '--kind', 'calls', '--save-mapping', 'no-tty.json', 'acd.tsv'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error: acd.tsv: no column for call_id, started_at (required for calls); no-tty.json was not written');
    expect(r.stderr).toContain('hint: run it in a terminal to choose the columns');
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'no-tty.json'))).toBe(false);
  });

  test('a file whose headers hotline knows: the mapping is written; values it cannot read are warned about', () => {
    writeFileSync(join(dir, 'known.csv'), 'call_id,started_at,result\nK1,2026-10-01 09:00:00,answered\nK2,2026-10-01 09:01:00,HANG\n');
    const r = hotline(['import', 'inspect', '--save-mapping', 'known.json', 'known.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'known.json'), 'utf8'))).toEqual({
      kind: 'calls', header: true, delimiter: ',', encoding: 'utf-8', fields: { call_id: 'call_id', started_at: 'started_at', outcome: 'result' },
    });
    expect(r.stderr).toContain('warning: outcome (column result): hotline cannot read "HANG"');
    expect(r.stderr).toContain('wrote known.json; import with: hotline import calls --mapping known.json known.csv');
  });

  test('an existing file is kept without --force', () => {
    writeFileSync(join(dir, 'taken.json'), '{}');
    const r = hotline(['import', 'inspect', '--save-mapping', 'taken.json', 'acd.tsv'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('taken.json already exists');
    expect(readFileSync(join(dir, 'taken.json'), 'utf8')).toBe('{}');
  });
});

describe('in a terminal', () => {
  test('asks for the missing columns, the date layout, the time column and the codes; the mapping imports the file', async () => {
    const r = await answerInTerminal(['import', 'inspect', '--kind', 'calls', '--save-mapping', 'acd.json', 'acd.tsv'], [
      ['Which column holds call_id', ENTER], // 1. id
      ['Which column holds started_at', DOWN + ENTER], // 2. day
      ['Their layout', 'YYMMDD' + ENTER],
      ['Which column holds the time', DOWN + DOWN + ENTER], // 3. clock
      ['Its layout', ENTER], // the default H:mm:ss
      ['"AGENT" mean', ENTER], // answered
      ['"HANG" mean', DOWN + ENTER], // abandoned
      ['"TEST" mean', DOWN + DOWN + ENTER], // @skip
    ], { cwd: dir });
    expect(r.answered).toBe(8);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('wrote acd.json');
    expect(JSON.parse(readFileSync(join(dir, 'acd.json'), 'utf8'))).toEqual({
      kind: 'calls',
      header: true,
      delimiter: '\t',
      encoding: 'utf-8',
      fields: {
        call_id: 'id',
        started_at: { date_column: 'day', date_format: 'YYMMDD', time_column: 'clock', time_format: 'H:mm:ss' },
        operator_id: 'agent',
        outcome: { column: 'result', map: { AGENT: 'answered', HANG: 'abandoned', TEST: '@skip' } },
        wait_seconds: 'wait',
      },
    });

    const imported = hotline(['--db', 'acd.db', 'import', 'calls', '--mapping', 'acd.json', '--format', 'json', 'acd.tsv'], { cwd: dir });
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 4, inserted: 3, skipped: 1, rejected: 0, mapping: 'acd.json' });
    // 2026-10-01 09:05:00 in Asia/Shanghai (UTC+8) is 01:05:00 UTC.
    expect(rows(join(dir, 'acd.db'), 'SELECT call_id, started_at, local_day, local_hour, operator_id, outcome, wait_seconds FROM calls ORDER BY call_id')).toEqual([
      { call_id: '1', started_at: Date.UTC(2026, 9, 1, 1, 5, 0) / 1000, local_day: '2026-10-01', local_hour: 9, operator_id: '1001', outcome: 'answered', wait_seconds: 3 },
      { call_id: '2', started_at: Date.UTC(2026, 9, 1, 2, 15, 30) / 1000, local_day: '2026-10-01', local_hour: 10, operator_id: null, outcome: 'abandoned', wait_seconds: 20 },
      { call_id: '4', started_at: Date.UTC(2026, 9, 2, 0, 0, 7) / 1000, local_day: '2026-10-02', local_hour: 8, operator_id: '1002', outcome: 'answered', wait_seconds: 7 },
    ]);
  }, 60_000);

  test('a date layout that does not fit the file is refused and asked again', async () => {
    const r = await answerInTerminal(['import', 'inspect', '--kind', 'calls', '--save-mapping', 'retry.json', 'acd.tsv'], [
      ['Which column holds call_id', ENTER],
      ['Which column holds started_at', DOWN + ENTER],
      ['Their layout', 'YYYY-MM-DD' + ENTER], // "261001" does not match it
      ['does not match', '\u0015' + 'YYMMDD' + ENTER], // ^U clears the line
      ['Which column holds the time', DOWN + DOWN + ENTER],
      ['Its layout', ENTER],
      ['"AGENT" mean', ENTER],
      ['"HANG" mean', DOWN + ENTER],
      ['"TEST" mean', DOWN + DOWN + ENTER],
    ], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.answered).toBe(9);
    expect(JSON.parse(readFileSync(join(dir, 'retry.json'), 'utf8')).fields.started_at.date_format).toBe('YYMMDD');
  }, 60_000);
});
