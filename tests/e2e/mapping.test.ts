// `hotline import <kind> --mapping FILE` on the built binary: small exports written here (joined
// keys, date + time columns, value maps with null and "@skip", fixed values, headerless files),
// the mapping's own problems (exit 2), columns the file lacks (exit 3), bad rows in strict mode
// and with --skip-invalid (the rejects file keeps the file's own header and records), keys the
// mapping builds that are not unique, the flags that override the mapping, other kinds, and the
// Technion "Anonymous Bank" sample under ../shared/data/real (skipped when absent).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { rows, snapshot, value, workspace } from './support.js';

const { run, write, db, dir: workDir } = workspace('hotline-e2e-mapping-');

const json = (v: unknown): string => JSON.stringify(v, null, 2);
const read = (name: string): string => readFileSync(join(workDir(), name), 'utf8');
const count = (dbName: string, table: string): number => value(db(dbName), `SELECT count(*) FROM ${table}`) as number;

/** Every counter of a JSON import summary adds up: rows = inserted + updated + unchanged + rejected + skipped. */
function addsUp(s: { rows: number; inserted: number; updated: number; unchanged: number; rejected: number; skipped: number }): boolean {
  return s.rows === s.inserted + s.updated + s.unchanged + s.rejected + s.skipped;
}

// A PBX export with its own column names: the key is line + call number, the start is a date and a
// time of day in two columns, results and agents need translating, TEST calls are not calls.
const PBX_MAPPING = {
  kind: 'calls',
  description: 'our PBX export',
  comment: 'times are local',
  fields: {
    call_id: { columns: ['Line', 'Call No'], join: '-' },
    started_at: { date_column: 'Date', date_format: 'DD/MM/YYYY', time_column: 'Time', time_format: 'H:mm' },
    outcome: { column: 'Result', map: { OK: 'answered', LOST: 'abandoned', TEST: '@skip' } },
    operator_id: { column: 'Agent', map: { '-': null } },
    wait_seconds: 'queue_s', // the header says "Queue s": matched after normalisation
    talk_seconds: 'Talk s',
    direction: { value: 'inbound' },
  },
};
const PBX_HEADER = 'Line,Call No,Date,Time,Result,Agent,Queue s,Talk s,Note';

/** Writes the PBX mapping (or a variant) and returns its name. */
function pbxMapping(name = 'pbx.mapping.json', change: (m: typeof PBX_MAPPING & Record<string, unknown>) => unknown = (m) => m): string {
  return write(name, json(change(structuredClone(PBX_MAPPING))));
}

/** A PBX export of `lines` (after the header). */
function pbx(name: string, lines: string[]): string {
  return write(name, [PBX_HEADER, ...lines].join('\n') + '\n');
}

// 2026-10-01 09:05 in Shanghai (the workspace's zone) is 01:05 UTC: 1790816700. 09:30 → 1790818200;
// 2026-10-02 23:59 → 1790956740.
describe('a PBX export through a mapping', () => {
  test('joined key, date + time columns, maps (null and @skip), a fixed value; summary, stored rows and ledger', () => {
    mkdirSync(join(workDir(), 'maps'), { recursive: true });
    pbxMapping(join('maps', 'pbx.mapping.json'));
    const file = pbx('pbx-1.csv', [
      'L1,1,01/10/2026,9:05,OK,1001,12,300,',
      'L1,2,01/10/2026,9:30,LOST,-,40,0,caller hung up',
      'L2,1,01/10/2026,10:00,TEST,1002,0,0,test call',
      'L2,2,02/10/2026,23:59,OK,1003,5,60,',
    ]);
    const r = run(['--db', 'pbx.db', 'import', 'calls', '--mapping', 'maps/pbx.mapping.json', '--format', 'json', file]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('pbx-1.csv: 4 rows: 3 inserted, 0 updated, 0 unchanged, 0 rejected, 1 skipped (import #1, utf-8; mapping maps/pbx.mapping.json)\n');
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ file: 'pbx-1.csv', kind: 'calls', mapping: 'maps/pbx.mapping.json', profile: null, rows: 4, inserted: 3, updated: 0, unchanged: 0, rejected: 0, skipped: 1, status: 'imported', import_id: 1, delimiter: ',', ignored_columns: [] });
    expect(addsUp(summary)).toBe(true);
    expect(rows(db('pbx.db'), 'SELECT call_id, started_at, local_day, local_hour, operator_id, direction, outcome, wait_seconds, talk_seconds FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'L1-1', started_at: 1790816700, local_day: '2026-10-01', local_hour: 9, operator_id: '1001', direction: 'inbound', outcome: 'answered', wait_seconds: 12, talk_seconds: 300 },
      { call_id: 'L1-2', started_at: 1790818200, local_day: '2026-10-01', local_hour: 9, operator_id: null, direction: 'inbound', outcome: 'abandoned', wait_seconds: 40, talk_seconds: 0 },
      { call_id: 'L2-2', started_at: 1790956740, local_day: '2026-10-02', local_hour: 23, operator_id: '1003', direction: 'inbound', outcome: 'answered', wait_seconds: 5, talk_seconds: 60 },
    ]);
    expect(rows(db('pbx.db'), 'SELECT kind, file_name, profile, rows, inserted, rejected, skipped FROM imports')).toEqual([
      { kind: 'calls', file_name: 'pbx-1.csv', profile: 'mapping:pbx.mapping.json', rows: 4, inserted: 3, rejected: 0, skipped: 1 },
    ]);
  });

  test('a second, overlapping export: unchanged, updated, new, rejected and skipped rows add up', () => {
    pbxMapping();
    const file = pbx('pbx-2.csv', [
      'L1,1,01/10/2026,9:05,OK,1001,12,300,', // unchanged
      'L1,2,01/10/2026,9:30,OK,1004,40,20,', // updated: answered by 1004 after all
      'L3,1,02/10/2026,8:00,LOST,-,90,0,', // new
      'L3,2,02/10/2026,8:10,TRANSFER,-,0,0,', // rejected: TRANSFER is not mapped and is not an outcome
      'L3,3,02/10/2026,8:20,TEST,-,0,0,', // skipped
      'L1,1,01/10/2026,9:05,OK,1001,12,300,', // the same line again: skipped
    ]);
    const r = run(['--db', 'pbx.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', '--skip-invalid', '--rejects', 'pbx-2.rejects.csv', '--format', 'json', file]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 6, inserted: 1, updated: 1, unchanged: 1, rejected: 1, skipped: 2, mapping: 'pbx.mapping.json', rejects_file: 'pbx-2.rejects.csv' });
    expect(addsUp(summary)).toBe(true);
    expect(read('pbx-2.rejects.csv')).toBe(`\ufeff${PBX_HEADER},line,reason\r\nL3,2,02/10/2026,8:10,TRANSFER,'-,0,0,,5,"Result: ""TRANSFER"" is not one of answered, abandoned"\r\n`);
    expect(rows(db('pbx.db'), "SELECT call_id, operator_id, outcome, talk_seconds FROM calls WHERE call_id IN ('L1-2', 'L3-1') ORDER BY call_id")).toEqual([
      { call_id: 'L1-2', operator_id: '1004', outcome: 'answered', talk_seconds: 20 },
      { call_id: 'L3-1', operator_id: null, outcome: 'abandoned', talk_seconds: 0 },
    ]);
    expect(rows(db('pbx.db'), 'SELECT id, profile, rows, inserted, updated, unchanged, rejected, skipped FROM imports ORDER BY id')).toEqual([
      { id: 1, profile: 'mapping:pbx.mapping.json', rows: 4, inserted: 3, updated: 0, unchanged: 0, rejected: 0, skipped: 1 },
      { id: 2, profile: 'mapping:pbx.mapping.json', rows: 6, inserted: 1, updated: 1, unchanged: 1, rejected: 1, skipped: 2 },
    ]);
  });
});

describe('bad rows', () => {
  const BAD_LINES = [
    'L1,1,01/10/2026,9:05,OK,1001,12,300,', // line 2: fine
    'L1,2,01/10/2026,9:30,MAYBE,-,40,0,', // line 3: not an outcome
    'L2,1,31/02/2026,10:00,OK,1002,0,0,x', // line 4: 31 February
    ',2,02/10/2026,23:59,OK,1003,5,60,', // line 5: no line, so no key
    'L2,3,02/10/2026,23:59,OK,1003,5,-3,', // line 6: negative talk time
    'L2,4,02/10/2026,,OK,1003,5,3,', // line 7: a date without its time
    'L2,5,02/10/2026,24:00,OK,1003,5,3,', // line 8: 24:00 is not a time of day
    'L2,6,02/10/2026,8:00,,1003,5,3,', // line 9: no result
    'L2,7,02/10/2026,8:01,TEST,1003,5,-9,', // line 10: skipped before it is validated
  ];

  test('strict: exit 3, each bad row named by the file\'s own columns, nothing written', () => {
    pbxMapping();
    const file = pbx('bad.csv', BAD_LINES);
    const r = run(['--db', 'bad.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', file]);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: bad.csv: 7 bad rows; nothing was imported from this file',
        '  line 3: column 5 (Result): "MAYBE" is not one of answered, abandoned',
        '  line 4: Date + Time → started_at: "31/02/2026" is not a real date (format DD/MM/YYYY)',
        '  line 5: Line + Call No → call_id: call_id is required',
        '  line 6: column 8 (Talk s): "-3" is negative; a duration cannot be',
        '  line 7: Date + Time → started_at: the time is empty (the date is 02/10/2026)',
        '  line 8: Date + Time → started_at: "24:00" is not a real time of day (format H:mm)',
        '  line 9: column 5 (Result): outcome is required',
        'hint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
        '',
      ].join('\n'),
    });
    expect([count('bad.db', 'calls'), count('bad.db', 'imports')]).toEqual([0, 0]);
  });

  test('--skip-invalid --rejects: the rejects file holds the file\'s header and records, with line and reason', () => {
    pbxMapping();
    const file = pbx('bad-2.csv', BAD_LINES);
    const r = run(['--db', 'bad-2.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', '--skip-invalid', '--rejects', 'bad-2.rejects.csv', '--format', 'json', file]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 9, inserted: 1, rejected: 7, skipped: 1, rejects_file: 'bad-2.rejects.csv' });
    expect(addsUp(summary)).toBe(true);
    // The cells are the file's, not the canonical row's (formulas neutralised as in every rejects file: '-, '-3).
    expect(read('bad-2.rejects.csv')).toBe('\ufeff' + [
      'Line,Call No,Date,Time,Result,Agent,Queue s,Talk s,Note,line,reason',
      "L1,2,01/10/2026,9:30,MAYBE,'-,40,0,,3,\"Result: \"\"MAYBE\"\" is not one of answered, abandoned\"",
      'L2,1,31/02/2026,10:00,OK,1002,0,0,x,4,"Date + Time → started_at: ""31/02/2026"" is not a real date (format DD/MM/YYYY)"',
      ',2,02/10/2026,23:59,OK,1003,5,60,,5,Line + Call No → call_id: call_id is required',
      "L2,3,02/10/2026,23:59,OK,1003,5,'-3,,6,\"Talk s: \"\"-3\"\" is negative; a duration cannot be\"",
      'L2,4,02/10/2026,,OK,1003,5,3,,7,Date + Time → started_at: the time is empty (the date is 02/10/2026)',
      'L2,5,02/10/2026,24:00,OK,1003,5,3,,8,"Date + Time → started_at: ""24:00"" is not a real time of day (format H:mm)"',
      'L2,6,02/10/2026,8:00,,1003,5,3,,9,Result: outcome is required',
    ].join('\r\n') + '\r\n');
    expect(rows(db('bad-2.db'), 'SELECT call_id FROM calls')).toEqual([{ call_id: 'L1-1' }]);
  });
});

describe('a key the mapping builds must be unique', () => {
  test('two lines with one key and different content refuse the file, even with --skip-invalid; nothing written', () => {
    pbxMapping();
    expect(run(['--db', 'dup.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', pbx('dup-base.csv', ['L9,9,01/10/2026,8:00,OK,1001,1,1,'])]).status).toBe(0);
    const before = snapshot(db('dup.db'));
    const file = pbx('dup.csv', [
      'L1,1,01/10/2026,9:05,OK,1001,12,300,',
      'L9,9,01/10/2026,8:00,OK,1001,1,1,',
      'L1,2,01/10/2026,9:30,LOST,-,40,0,',
      'L1,1,01/10/2026,9:06,OK,1001,12,300,', // line 5: L1-1 again, one minute later
      'L1,3,01/10/2026,9:40,LOST,-,40,0,',
    ]);
    for (const extra of [[], ['--skip-invalid', '--rejects', 'dup.rejects.csv']]) {
      const r = run(['--db', 'dup.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', ...extra, file]);
      expect(r).toEqual({
        status: 3,
        stdout: '',
        stderr:
          'error: dup.csv: call_id is not unique: lines 2 and 5 both have call_id L1-1 with different content; nothing was imported from this file\n' +
          'hint: the mapping\'s fields.call_id must identify one row: build it from more columns (e.g. "columns": ["line", "call_id"], "join": "-")\n',
      });
    }
    expect(snapshot(db('dup.db'))).toEqual(before);
    expect(count('dup.db', 'imports')).toBe(1);
    expect(existsSync(join(workDir(), 'dup.rejects.csv'))).toBe(false);
  });

  test('a key already stored, then twice in the file with different content: refused too', () => {
    pbxMapping();
    expect(run(['--db', 'dup-2.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', pbx('dup-2-base.csv', ['L1,1,01/10/2026,9:05,OK,1001,12,300,'])]).status).toBe(0);
    const before = snapshot(db('dup-2.db'));
    const file = pbx('dup-2.csv', ['L1,1,01/10/2026,9:05,OK,1001,12,300,', 'L1,1,01/10/2026,9:05,OK,1001,12,301,']);
    const r = run(['--db', 'dup-2.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', '--skip-invalid', '--rejects', 'dup-2.rejects.csv', file]);
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe('error: dup-2.csv: call_id is not unique: lines 2 and 3 both have call_id L1-1 with different content; nothing was imported from this file');
    expect(snapshot(db('dup-2.db'))).toEqual(before);
  });

  test('the same line twice is a duplicate: skipped, not refused', () => {
    pbxMapping();
    const file = pbx('twice.csv', ['L1,1,01/10/2026,9:05,OK,1001,12,300,', 'L1,2,01/10/2026,9:30,LOST,-,40,0,', 'L1,1,01/10/2026,9:05,OK,1001,12,300,']);
    const r = run(['--db', 'twice.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', '--format', 'json', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 3, inserted: 2, skipped: 1, rejected: 0 });
    expect(rows(db('twice.db'), 'SELECT call_id, seen_line FROM calls ORDER BY call_id')).toEqual([{ call_id: 'L1-1', seen_line: 2 }, { call_id: 'L1-2', seen_line: 3 }]);
  });

  test('two lines whose differing columns the mapping does not read are the same row: skipped', () => {
    pbxMapping();
    const file = pbx('note-only.csv', ['L1,1,01/10/2026,9:05,OK,1001,12,300,first note', 'L1,1,01/10/2026,9:05,OK,1001,12,300,second note']);
    const r = run(['--db', 'note-only.db', 'import', 'calls', '--mapping', 'pbx.mapping.json', '--format', 'json', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, inserted: 1, skipped: 1 });
  });

  test('leave: the key built from operator and start date', () => {
    const mapping = write('leave-key.mapping.json', json({ kind: 'leave', fields: { operator_id: 'Badge', type: { value: 'annual' }, start_date: { column: 'From', date_format: 'DD/MM/YYYY' }, end_date: { column: 'To', date_format: 'DD/MM/YYYY' } } }));
    const file = write('leave-key.csv', 'Badge,From,To\n1001,02/03/2026,03/03/2026\n1001,02/03/2026,04/03/2026\n');
    const r = run(['--db', 'leave-key.db', 'import', 'leave', '--mapping', mapping, '--skip-invalid', '--rejects', 'leave-key.rejects.csv', file]);
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe('error: leave-key.csv: leave_id is not unique: lines 2 and 3 both have leave_id 1001|2026-03-02 with different content; nothing was imported from this file');
    expect([count('leave-key.db', 'leave'), count('leave-key.db', 'imports')]).toEqual([0, 0]);
  });
});

describe('the mapping file itself (exit 2, nothing opened)', () => {
  test('an invalid mapping lists every problem, naming its key', () => {
    const mapping = write('bad.mapping.json', json({
      kind: 'calls', delimiter: ':', fields: { call_id: 'id', started_at: { column: 'start', date_format: 'YYYY-MM-DD hh:mm' }, outcome: 'result', agent: 'server' },
    }));
    const r = run(['--db', 'never.db', 'import', 'calls', '--mapping', mapping, pbx('any.csv', [])]);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: [
        'error: bad.mapping.json: invalid mapping (3 problems)',
        '  delimiter: ":": use ",", ";", "\\t" (or "tab") or "|"',
        '  fields.started_at.date_format: "YYYY-MM-DD hh:mm": "h" at position 12 is not a token (tokens: YYYY YY MM M DD D HH H mm ss)',
        '  fields.agent: not a field of calls; the fields are call_id, started_at, operator_id, direction, outcome, wait_seconds, talk_seconds, hold_seconds, acw_seconds, category, topic, complaint_reason, customer_name, customer_phone, customer_address, tracking_no, satisfaction, resolved, ivr_seconds',
        'hint: see docs/formats.md, "Mapping files"',
        '',
      ].join('\n'),
    });
    expect(existsSync(db('never.db'))).toBe(false);
  });

  test.each([
    { name: 'a string column name with "header": false', mapping: { kind: 'calls', header: false, fields: { call_id: 1, started_at: 'start', outcome: 3 } }, line: '  fields.started_at: "start": the file has no header ("header": false), so columns are numbers (1 = the first)' },
    { name: 'a required field missing', mapping: { kind: 'calls', fields: { call_id: 'id', started_at: 'start' } }, line: '  fields.outcome: missing; calls need it (give the column that holds it, or a fixed {"value": …})' },
    { name: 'an unknown top-level key', mapping: { ...PBX_MAPPING, columns: {} }, line: '  columns: unknown key (known: kind, header, delimiter, encoding, source_tz, fields, description, comment)' },
    { name: 'a bad map value', mapping: { ...PBX_MAPPING, fields: { ...PBX_MAPPING.fields, outcome: { column: 'Result', map: { OK: true } } } }, line: '  fields.outcome.map.OK: a value (text), null (empty) or "@skip" (skip the row)' },
    { name: 'a date field that reads a time', mapping: { kind: 'operators', fields: { operator_id: 1, name: 2, hire_date: { column: 3, date_format: 'DD/MM/YYYY HH:mm' } } }, line: '  fields.hire_date: hire_date is a date; its format reads a time of day' },
    { name: 'a date-time without hours and minutes', mapping: { ...PBX_MAPPING, fields: { ...PBX_MAPPING.fields, started_at: { date_column: 'Date', date_format: 'DD/MM/YYYY' } } }, line: '  fields.started_at: started_at is a date-time: the format must read hours (H or HH) and minutes (mm), or add a "time_column"' },
    { name: 'a bad zone', mapping: { ...PBX_MAPPING, source_tz: 'Israel/Haifa' }, line: '  source_tz: "Israel/Haifa" is not an IANA time zone (e.g. UTC, Asia/Shanghai)' },
  ])('$name: one problem', ({ mapping, line }) => {
    const kind = (mapping as { kind: string }).kind;
    const name = write('one-problem.mapping.json', json(mapping));
    const r = run(['--db', 'never.db', 'import', kind, '--mapping', name, pbx('any.csv', [])]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `error: one-problem.mapping.json: invalid mapping (1 problem)\n${line}\nhint: see docs/formats.md, "Mapping files"\n` });
    expect(existsSync(db('never.db'))).toBe(false);
  });

  test('JSON that does not parse', () => {
    const name = write('broken.mapping.json', '{"kind": "calls", "fields": {"call_id": "id",}}');
    const r = run(['--db', 'never.db', 'import', 'calls', '--mapping', name, pbx('any.csv', [])]);
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith('error: broken.mapping.json: not valid JSON: ')).toBe(true);
    expect(r.stderr.endsWith('hint: see docs/formats.md, "Mapping files"\n')).toBe(true);
    expect(existsSync(db('never.db'))).toBe(false);
  });

  test('a mapping file that is not there', () => {
    const r = run(['--db', 'never.db', 'import', 'calls', '--mapping', 'nowhere.json', pbx('any.csv', [])]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'error: nowhere.json: cannot read the mapping file: ENOENT\n' });
  });

  test('a mapping for another kind names the command to run', () => {
    const name = pbxMapping();
    const r = run(['--db', 'never.db', 'import', 'operators', '--mapping', name, pbx('any.csv', [])]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'error: pbx.mapping.json: this mapping is for calls, not operators\nhint: run hotline import calls --mapping pbx.mapping.json …\n' });
    expect(existsSync(db('never.db'))).toBe(false);
  });

  test('--mapping with --profile', () => {
    const name = pbxMapping();
    const r = run(['--db', 'never.db', 'import', 'calls', '--mapping', name, '--profile', 'asterisk-cdr', pbx('any.csv', [])]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: --mapping and --profile do not go together');
    expect(existsSync(db('never.db'))).toBe(false);
  });
});

describe('columns the file does not have (exit 3, nothing written)', () => {
  test('a name that is no column: the header is listed', () => {
    pbxMapping('no-col.mapping.json', (m) => ({ ...m, fields: { ...m.fields, talk_seconds: 'Billsec' } }));
    const r = run(['--db', 'cols.db', 'import', 'calls', '--mapping', 'no-col.mapping.json', pbx('cols.csv', ['L1,1,01/10/2026,9:05,OK,1001,12,300,'])]);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: cols.csv: line 1: no-col.mapping.json fields.talk_seconds.column "Billsec" is not a column of this file',
        '  the header: Line | Call No | Date | Time | Result | Agent | Queue s | Talk s | Note',
        'hint: check the mapping against the header (hotline import inspect shows it)',
        '',
      ].join('\n'),
    });
    expect([count('cols.db', 'calls'), count('cols.db', 'imports')]).toEqual([0, 0]);
  });

  const AMBIGUOUS = 'call_id,start,outcome,CALL-ID\nA1,2026-10-01 09:00:00,answered,x\n';
  test('a name that matches two columns', () => {
    const mapping = write('amb.mapping.json', json({ kind: 'calls', fields: { call_id: 'Call Id', started_at: 'start', outcome: 'outcome' } }));
    const r = run(['--db', 'amb.db', 'import', 'calls', '--mapping', mapping, write('amb.csv', AMBIGUOUS)]);
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe('error: amb.csv: line 1: amb.mapping.json fields.call_id.column "Call Id" matches columns 1 and 4');
    expect([count('amb.db', 'calls'), count('amb.db', 'imports')]).toEqual([0, 0]);
  });

  // The spec: "a name matching two columns or none → exit 3 with the header listed".
  test('a name that matches two columns: the header is listed', () => {
    const mapping = write('amb-2.mapping.json', json({ kind: 'calls', fields: { call_id: 'Call Id', started_at: 'start', outcome: 'outcome' } }));
    const r = run(['--db', 'amb-2.db', 'import', 'calls', '--mapping', mapping, write('amb-2.csv', AMBIGUOUS)]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('  the header: call_id | start | outcome | CALL-ID\n');
  });

  test('a column number beyond the header', () => {
    const mapping = write('far.mapping.json', json({ kind: 'calls', fields: { call_id: 1, started_at: 2, outcome: 3, topic: 9 } }));
    const r = run(['--db', 'far.db', 'import', 'calls', '--mapping', mapping, write('far.csv', 'id,start,result\nA1,2026-10-01 09:00:00,answered\n')]);
    expect(r).toEqual({ status: 3, stdout: '', stderr: 'error: far.csv: line 1: far.mapping.json fields.topic.column reads column 9, but the header has 3 columns\nhint: column numbers count from 1\n' });
    expect(count('far.db', 'imports')).toBe(0);
  });
});

describe('files without a header', () => {
  const MAPPING = { kind: 'calls', header: false, delimiter: '|', fields: { call_id: 1, started_at: { column: 2, date_format: 'YYYYMMDDHHmmss' }, outcome: { column: 4, map: { Y: 'answered', N: 'abandoned' } }, talk_seconds: 3 } };
  const LINES = ['H1|20261001090500|300|Y', 'H2|20261001093000|0|N|extra', 'H3|20261001100000|0'];

  test('strict: a record with fewer fields than the highest column used is a bad row', () => {
    const mapping = write('headerless.mapping.json', json(MAPPING));
    const r = run(['--db', 'hl.db', 'import', 'calls', '--mapping', mapping, write('headerless.txt', LINES.join('\n') + '\n')]);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: 'error: headerless.txt: 1 bad row; nothing was imported from this file\n  line 3: 3 fields; the mapping reads column 4\nhint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows\n',
    });
    expect(count('hl.db', 'calls')).toBe(0);
  });

  test('--skip-invalid: the first line is a record; the rejects file names the columns by number', () => {
    const mapping = write('headerless.mapping.json', json(MAPPING));
    const r = run(['--db', 'hl-2.db', 'import', 'calls', '--mapping', mapping, '--skip-invalid', '--rejects', 'hl.rejects.csv', '--format', 'json', write('headerless-2.txt', LINES.join('\n') + '\n')]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 3, inserted: 2, rejected: 1, skipped: 0, delimiter: '|' });
    expect(addsUp(summary)).toBe(true);
    expect(rows(db('hl-2.db'), 'SELECT call_id, started_at, outcome, talk_seconds, seen_line FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'H1', started_at: 1790816700, outcome: 'answered', talk_seconds: 300, seen_line: 1 },
      { call_id: 'H2', started_at: 1790818200, outcome: 'abandoned', talk_seconds: 0, seen_line: 2 },
    ]);
    expect(read('hl.rejects.csv')).toBe('\ufeffcolumn 1,column 2,column 3,column 4,line,reason\r\nH3,20261001100000,0,,3,3 fields; the mapping reads column 4\r\n');
  });
});

describe('flags override the mapping', () => {
  const LINE = 'L1,1,01/10/2026,9:05,OK,1001,12,300,';

  test('--delimiter over the mapping\'s "delimiter"', () => {
    const mapping = pbxMapping('semicolon.mapping.json', (m) => ({ ...m, delimiter: ';' }));
    const file = pbx('comma.csv', [LINE]);
    const wrong = run(['--db', 'delim.db', 'import', 'calls', '--mapping', mapping, file]);
    expect(wrong.status).toBe(3); // read with ";", the header is one column: "Line" is not a column of it
    expect(wrong.stderr.split('\n')[0]).toBe('error: comma.csv: line 1: semicolon.mapping.json fields.call_id.columns[0] "Line" is not a column of this file');
    const r = run(['--db', 'delim.db', 'import', 'calls', '--mapping', mapping, '--delimiter', ',', '--format', 'json', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 1, delimiter: ',' });
  });

  test('--source-tz over the mapping\'s "source_tz"', () => {
    const mapping = pbxMapping('jerusalem.mapping.json', (m) => ({ ...m, source_tz: 'Asia/Jerusalem' }));
    // 2026-10-01 09:05 is 06:05 UTC in Jerusalem (IDT, +3) and 09:05 UTC under --source-tz UTC.
    expect(run(['--db', 'tz-mapping.db', 'import', 'calls', '--mapping', mapping, pbx('tz.csv', [LINE])]).status).toBe(0);
    expect(value(db('tz-mapping.db'), 'SELECT started_at FROM calls')).toBe(1790834700);
    expect(run(['--db', 'tz-flag.db', 'import', 'calls', '--mapping', mapping, '--source-tz', 'UTC', 'tz.csv']).status).toBe(0);
    expect(rows(db('tz-flag.db'), 'SELECT started_at, local_day, local_hour FROM calls')).toEqual([{ started_at: 1790845500, local_day: '2026-10-01', local_hour: 17 }]);
  });

  test('the mapping\'s "encoding" is used, and --encoding overrides it', () => {
    const mapping = write('gbk.mapping.json', json({ kind: 'calls', encoding: 'gbk', fields: { call_id: '编号', started_at: '时间', outcome: { column: '结果', map: { 接通: 'answered' } }, customer_name: '客户' } }));
    const text = '编号,时间,结果,客户\nG1,2026-10-01 09:05:00,接通,张三\n';
    const gbk = write('gbk.csv', iconv.encode(text, 'gbk'));
    const r = run(['--db', 'enc.db', 'import', 'calls', '--mapping', mapping, gbk]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'gbk.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, gb18030; mapping gbk.mapping.json)\n' });
    expect(rows(db('enc.db'), 'SELECT call_id, outcome, customer_name FROM calls')).toEqual([{ call_id: 'G1', outcome: 'answered', customer_name: '张三' }]);
    // The same text in UTF-8: read as GBK (the mapping) the header is garbled; --encoding utf-8 reads it.
    const utf8 = write('utf8.csv', text.replace('G1', 'U1'));
    expect(run(['--db', 'enc.db', 'import', 'calls', '--mapping', mapping, utf8]).status).toBe(3);
    const fixed = run(['--db', 'enc.db', 'import', 'calls', '--mapping', mapping, '--encoding', 'utf-8', utf8]);
    expect(fixed.status).toBe(0);
    expect(fixed.stderr).toBe('utf8.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8; mapping gbk.mapping.json)\n');
    expect(value(db('enc.db'), "SELECT customer_name FROM calls WHERE call_id = 'U1'")).toBe('张三');
  });
});

describe('other kinds', () => {
  test('operators: DD/MM/YYYY dates, a ";" file, a fixed team; a bad date is a bad row', () => {
    const mapping = write('hr.mapping.json', json({
      kind: 'operators', delimiter: ';',
      fields: { operator_id: 'Badge', name: 'Full name', team: { value: 'North' }, hire_date: { column: 'Hired', date_format: 'DD/MM/YYYY' }, termination_date: { column: 'Left', date_format: 'DD/MM/YYYY', map: { 'n/a': null } }, base_salary: 'Pay' },
    }));
    const good = write('hr.csv', 'Badge;Full name;Hired;Left;Pay\n1001;Li Na;05/03/2024;n/a;5200\n1002;Wang Wei;29/02/2024;31/12/2025;4800\n');
    const r = run(['--db', 'hr.db', 'import', 'operators', '--mapping', mapping, '--format', 'json', good]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'operators', rows: 2, inserted: 2, mapping: 'hr.mapping.json', delimiter: ';' });
    expect(rows(db('hr.db'), 'SELECT operator_id, name, team, hire_date, work_start_date, termination_date, base_salary, monthly_wage FROM operators ORDER BY operator_id')).toEqual([
      { operator_id: '1001', name: 'Li Na', team: 'North', hire_date: '2024-03-05', work_start_date: '2024-03-05', termination_date: null, base_salary: 5200, monthly_wage: 5200 },
      { operator_id: '1002', name: 'Wang Wei', team: 'North', hire_date: '2024-02-29', work_start_date: '2024-02-29', termination_date: '2025-12-31', base_salary: 4800, monthly_wage: 4800 },
    ]);
    expect(value(db('hr.db'), 'SELECT profile FROM imports')).toBe('mapping:hr.mapping.json');
    const bad = write('hr-bad.csv', 'Badge;Full name;Hired;Left;Pay\n1003;Zhao Li;05/03/2024;n/a;5000\n1004;Sun Yu;30/02/2025;n/a;5000\n1005;Zhou Ke;2025-03-01;n/a;5000\n');
    expect(run(['--db', 'hr.db', 'import', 'operators', '--mapping', mapping, bad])).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: hr-bad.csv: 2 bad rows; nothing was imported from this file',
        '  line 3: column 3 (Hired): "30/02/2025" is not a real date (format DD/MM/YYYY)',
        '  line 4: column 3 (Hired): "2025-03-01" does not match the format DD/MM/YYYY',
        'hint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
        '',
      ].join('\n'),
    });
    expect(count('hr.db', 'operators')).toBe(2);
  });

  test('orders: a date-time in one column (YYYY/M/D H:mm), a two-digit-year date', () => {
    const mapping = write('orders.mapping.json', json({
      kind: 'orders', delimiter: 'tab',
      fields: { order_id: 'No', created_at: { column: 'Created', date_format: 'YYYY/M/D H:mm' }, operator_id: 'Clerk', weight_kg: 'kg', status: { column: 'State', map: { '0': 'open', '1': 'shipped', X: '@skip' } } },
    }));
    const file = write('orders.tsv', 'No\tCreated\tClerk\tkg\tState\nO1\t2026/10/1 9:05\t1001\t1.5\t0\nO2\t2026/10/2 23:59\t1002\t0.3\t1\nO3\t2026/10/2 23:59\t1002\t0.3\tX\n');
    const r = run(['--db', 'orders.db', 'import', 'orders', '--mapping', mapping, '--format', 'json', file]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ kind: 'orders', rows: 3, inserted: 2, skipped: 1, delimiter: '\t' });
    expect(addsUp(summary)).toBe(true);
    expect(rows(db('orders.db'), 'SELECT order_id, created_at, local_day, operator_id, weight_kg, status FROM orders ORDER BY order_id')).toEqual([
      { order_id: 'O1', created_at: 1790816700, local_day: '2026-10-01', operator_id: '1001', weight_kg: 1.5, status: 'open' },
      { order_id: 'O2', created_at: 1790956740, local_day: '2026-10-02', operator_id: '1002', weight_kg: 0.3, status: 'shipped' },
    ]);
    expect(value(db('orders.db'), 'SELECT profile FROM imports')).toBe('mapping:orders.mapping.json');
  });

  test('leave: D.M.YYYY dates and mapped leave types', () => {
    const mapping = write('leave.mapping.json', json({
      kind: 'leave',
      fields: { operator_id: 'Badge', type: { column: 'Kind', map: { AL: 'annual', SL: 'sick' } }, start_date: { column: 'From', date_format: 'D.M.YYYY' }, end_date: { column: 'To', date_format: 'D.M.YYYY' }, days: 'Days' },
    }));
    const file = write('leave.csv', 'Badge,Kind,From,To,Days\n1001,AL,2.3.2026,3.3.2026,2\n1002,SL,10.3.2026,10.3.2026,1\n');
    const r = run(['--db', 'leave.db', 'import', 'leave', '--mapping', mapping, '--format', 'json', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'leave', rows: 2, inserted: 2, mapping: 'leave.mapping.json' });
    expect(rows(db('leave.db'), 'SELECT leave_id, operator_id, type, start_date, end_date, days FROM leave ORDER BY leave_id')).toEqual([
      { leave_id: '1001|2026-03-02', operator_id: '1001', type: 'annual', start_date: '2026-03-02', end_date: '2026-03-03', days: 2 },
      { leave_id: '1002|2026-03-10', operator_id: '1002', type: 'sick', start_date: '2026-03-10', end_date: '2026-03-10', days: 1 },
    ]);
  });
});

// The Technion "Anonymous Bank" sample (../shared/data/real/technion-anonymous-bank/PROVENANCE.md):
// 9,007 records: AGENT 7,429 · HANG 1,519 · PHANTOM 59. Eight records have a negative vru_time
// (all AGENT; lines 824, 942, 1477, 1849, 4715, 4751, 5245, 6301 counting the header as line 1),
// and 125 AGENT records have server NO_SERVER (none of them among the eight). Fourteen HANG
// records have a ser_time above 0 (lines 1019 … 8168 below): an abandoned call with talk time,
// a bad row since issue 18.7 (awk -F'\t' '$13=="HANG" && $16>0'). So with the example mapping:
// 59 skipped, 8 + 14 = 22 rejected, 9007 − 59 − 22 = 8926 inserted; answered 7429 − 8 = 7421 (125
// of them without an operator), abandoned 1519 − 14 = 1505 (every HANG record has NO_SERVER). The first record, AA0101 34536, entered the VRU
// on 990201 at 7:02:47, Israel winter time (UTC+2): 1999-02-01 05:02:47 UTC = 917845367.
// call_id alone is not unique: 34925 is on lines 386 (AA0101) and 1780 (AA0105), the first such
// pair in file order among the records that are not PHANTOM.
const TECHNION_DIR = join(ROOT, '..', 'shared', 'data', 'real', 'technion-anonymous-bank');
const TECHNION = join(TECHNION_DIR, 'anonymous_bank_1999-02-01_to_07.tsv');
const TECHNION_MAPPING = join(ROOT, 'docs', 'examples', 'technion-anonymous-bank.mapping.json');
const TECHNION_PRESENT = existsSync(TECHNION);
if (!TECHNION_PRESENT) console.warn(`mapping.test.ts: ${TECHNION} is absent; the Technion tests are skipped`);
const NEGATIVE_LINES = [824, 942, 1477, 1849, 4715, 4751, 5245, 6301];
const HANG_TALK_LINES = [1019, 1430, 3042, 3219, 3533, 4119, 4226, 4232, 6684, 6858, 7442, 7566, 7825, 8168];
const REJECTED_LINES = [...NEGATIVE_LINES, ...HANG_TALK_LINES].sort((a, b) => a - b);

describe.skipIf(!TECHNION_PRESENT)('the Technion "Anonymous Bank" sample with docs/examples/technion-anonymous-bank.mapping.json', () => {
  test('--skip-invalid: 8926 inserted, 22 rejected (8 negative vru_time, 14 HANG with a ser_time), 59 skipped (PHANTOM)', () => {
    copyFileSync(TECHNION_MAPPING, join(workDir(), 'technion.mapping.json'));
    const r = run(['--db', 'technion.db', 'import', 'calls', '--mapping', 'technion.mapping.json', '--skip-invalid', '--rejects', 'technion.rejects.csv', '--format', 'json', TECHNION]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 9007, inserted: 8926, updated: 0, unchanged: 0, rejected: 22, skipped: 59, mapping: 'technion.mapping.json', delimiter: '\t', encoding: 'utf-8', rejects_file: 'technion.rejects.csv' });
    expect(addsUp(summary)).toBe(true);
    expect(rows(db('technion.db'), 'SELECT outcome, count(*) AS n, sum(operator_id IS NULL) AS no_operator FROM calls GROUP BY outcome ORDER BY outcome')).toEqual([
      { outcome: 'abandoned', n: 1505, no_operator: 1505 },
      { outcome: 'answered', n: 7421, no_operator: 125 },
    ]);
    expect(rows(db('technion.db'), "SELECT call_id, started_at, local_day, operator_id, direction, ivr_seconds, wait_seconds, talk_seconds, topic FROM calls WHERE call_id = 'AA0101-34536'")).toEqual([
      { call_id: 'AA0101-34536', started_at: 917845367, local_day: '1999-02-01', operator_id: 'DORIT', direction: 'inbound', ivr_seconds: 9, wait_seconds: 0, talk_seconds: 166, topic: 'PS' },
    ]);
    expect(rows(db('technion.db'), 'SELECT profile, rows, inserted, rejected, skipped FROM imports')).toEqual([{ profile: 'mapping:technion.mapping.json', rows: 9007, inserted: 8926, rejected: 22, skipped: 59 }]);

    // The rejects file: the TSV's own header and records (as CSV), the line and the reason.
    const tsv = readFileSync(TECHNION, 'utf8').split('\r\n');
    const rejects = read('technion.rejects.csv').replace(/^\ufeff/, '').split('\r\n').filter((l) => l !== '');
    expect(rejects[0]).toBe(`${(tsv[0] as string).split('\t').join(',')},line,reason`);
    expect(rejects.slice(1).map((l) => Number(l.split(',')[17]))).toEqual(REJECTED_LINES);
    for (const [k, line] of REJECTED_LINES.entries()) {
      const cells = (tsv[line - 1] as string).split('\t');
      const vru = cells[8] as string;
      if (NEGATIVE_LINES.includes(line)) {
        expect(vru.startsWith('-')).toBe(true);
        // The leading "-" of vru_time is neutralised for spreadsheets, as in every rejects file.
        const expected = [...cells.slice(0, 8), `'${vru}`, ...cells.slice(9), String(line), `"vru_time: ""${vru}"" is negative; a duration cannot be"`].join(',');
        expect(rejects[k + 1]).toBe(expected);
      } else {
        expect([cells[12], Number(cells[15]) > 0]).toEqual(['HANG', true]);
        expect(rejects[k + 1]).toBe([...cells, String(line), 'ser_time: an abandoned call cannot have talk time'].join(','));
      }
    }
  });

  test('strict: exit 3 listing the first 20 of the 22 lines, nothing written', () => {
    const r = run(['--db', 'technion-strict.db', 'import', 'calls', '--mapping', TECHNION_MAPPING, TECHNION]);
    expect(r.status).toBe(3);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('error: anonymous_bank_1999-02-01_to_07.tsv: 22 bad rows; nothing was imported from this file');
    const listed = lines.slice(1, 21).map((l) =>
      /^ {2}line (\d+): (?:column 9 \(vru_time\): "-\d+" is negative; a duration cannot be|column 16 \(ser_time\): "\d+": an abandoned call cannot have talk time \(if the call was answered its outcome is wrong, else its talk time is\))$/.exec(l)?.[1]);
    expect(listed.map(Number)).toEqual(REJECTED_LINES.slice(0, 20));
    expect(lines[21]).toBe('  … and 2 more');
    expect(lines[22]?.startsWith('hint: ')).toBe(true);
    expect([count('technion-strict.db', 'calls'), count('technion-strict.db', 'imports')]).toEqual([0, 0]);
  });

  test('a mapping whose call_id is just "call_id": lines 386 and 1780 collide, the file is refused', () => {
    const mapping = JSON.parse(readFileSync(TECHNION_MAPPING, 'utf8'));
    mapping.fields.call_id = 'call_id';
    writeFileSync(join(workDir(), 'technion-call-id.mapping.json'), json(mapping));
    const r = run(['--db', 'technion-key.db', 'import', 'calls', '--mapping', 'technion-call-id.mapping.json', '--skip-invalid', '--rejects', 'technion-key.rejects.csv', TECHNION]);
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe('error: anonymous_bank_1999-02-01_to_07.tsv: call_id is not unique: lines 386 and 1780 both have call_id 34925 with different content; nothing was imported from this file');
    expect([count('technion-key.db', 'calls'), count('technion-key.db', 'imports')]).toEqual([0, 0]);
    expect(existsSync(join(workDir(), 'technion-key.rejects.csv'))).toBe(false);
  });
});
