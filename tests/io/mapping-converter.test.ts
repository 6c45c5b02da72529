// Applying a mapping to the records of a file (src/io/mapping/converter.ts): columns resolved
// against the header (exactly, then normalised; ambiguous, absent and out-of-range columns
// refused), joined columns, value maps (null, "@skip", mapped values used as they are), date and
// time formats, fixed values, headerless files, and the bad rows each of these can give.
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { createMappedConverter, type MappedConverter, type MappedRecord } from '../../src/io/mapping/converter.js';
import { validateMapping, type Mapping } from '../../src/io/mapping/mapping.js';
import type { RowIssue } from '../../src/io/row-plan.js';

/** A mapping from JSON; fails the test when it is not valid. */
function mapping(json: unknown): Mapping {
  const r = validateMapping(json, 'm.json');
  if (!r.ok) throw new Error(`invalid mapping in the test:\n${r.errors.join('\n')}`);
  return r.mapping;
}

/** A converter of `json` for a file with `headers` (null: no header). */
function converter(json: unknown, headers: string[] | null): MappedConverter {
  return createMappedConverter(mapping(json), headers, 'export.csv');
}

/** The canonical row of a record as { field: text }; fails on a skip or an issue. */
function row(mc: MappedConverter, record: string[], line = 2): Record<string, string> {
  const out = mc.convert(record, line);
  if (!('fields' in out)) throw new Error(`expected fields, got ${JSON.stringify(out)}`);
  return Object.fromEntries(mc.canonicalHeaders.map((h, i) => [h, out.fields[i] as string]));
}

/** The issue of a record; fails when it converts or is skipped. */
function issue(mc: MappedConverter, record: string[], line = 2): RowIssue {
  const out: MappedRecord = mc.convert(record, line);
  if (!('issue' in out)) throw new Error(`expected an issue, got ${JSON.stringify(out)}`);
  return out.issue;
}

/** The InputError createMappedConverter throws, as plain data. */
function refusal(json: unknown, headers: string[] | null): { message: string; hint?: string; details: string[]; exitCode: number } {
  try {
    converter(json, headers);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { message: e.message, hint: e.hint, details: e.details, exitCode: e.exitCode };
  }
  throw new Error('expected an InputError');
}

// The header and first record of the Technion "Anonymous Bank" sample, with its example mapping.
const TECHNION_HEADER = ['vru+line', 'call_id', 'customer_id', 'priority', 'type', 'date', 'vru_entry', 'vru_exit', 'vru_time', 'q_start', 'q_exit', 'q_time', 'outcome', 'ser_start', 'ser_exit', 'ser_time', 'server'];
const TECHNION_MAPPING = {
  kind: 'calls', delimiter: '\t', source_tz: 'Asia/Jerusalem',
  fields: {
    call_id: { columns: ['vru+line', 'call_id'], join: '-' },
    started_at: { date_column: 'date', date_format: 'YYMMDD', time_column: 'vru_entry', time_format: 'H:mm:ss' },
    outcome: { column: 'outcome', map: { AGENT: 'answered', HANG: 'abandoned', PHANTOM: '@skip' } },
    operator_id: { column: 'server', map: { NO_SERVER: null } },
    direction: { value: 'inbound' },
    ivr_seconds: 'vru_time',
    wait_seconds: 'q_time',
    talk_seconds: 'ser_time',
    topic: 'type',
  },
};
/** A Technion record with some cells changed. */
function technion(changes: Partial<Record<(typeof TECHNION_HEADER)[number], string>> = {}): string[] {
  const first = ['AA0101', '34536', '0', '0', 'PS', '990201', '7:02:47', '7:02:56', '9', '0:00:00', '0:00:00', '0', 'AGENT', '7:02:55', '7:05:41', '166', 'DORIT'];
  return TECHNION_HEADER.map((h, i) => changes[h] ?? (first[i] as string));
}

describe('the Technion example', () => {
  const mc = converter(TECHNION_MAPPING, TECHNION_HEADER);

  test('canonical headers in the kind\'s order; the file\'s header for rejects', () => {
    expect(mc.canonicalHeaders).toEqual(['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds', 'topic', 'ivr_seconds']);
    expect(mc.sourceHeaders).toEqual(TECHNION_HEADER);
  });

  test('the first record of the sample', () => {
    expect(row(mc, technion())).toEqual({
      call_id: 'AA0101-34536', started_at: '1999-02-01 07:02:47', operator_id: 'DORIT', direction: 'inbound', outcome: 'answered',
      wait_seconds: '0', talk_seconds: '166', topic: 'PS', ivr_seconds: '9',
    });
  });

  test('NO_SERVER → an empty operator; HANG → abandoned; a two-digit hour', () => {
    expect(row(mc, technion({ server: 'NO_SERVER', outcome: 'HANG', vru_entry: '17:12:19' }))).toMatchObject({ operator_id: '', outcome: 'abandoned', started_at: '1999-02-01 17:12:19' });
  });

  test('PHANTOM skips the row', () => {
    expect(mc.convert(technion({ outcome: 'PHANTOM' }), 7)).toEqual({ skip: true });
  });

  test('values the map does not name pass through, to be validated as canonical cells', () => {
    expect(row(mc, technion({ outcome: 'TRANSFER', server: 'MICHAL', vru_time: '-57' }))).toMatchObject({ outcome: 'TRANSFER', operator_id: 'MICHAL', ivr_seconds: '-57' });
  });

  test('cells are trimmed before the map and the formats', () => {
    expect(row(mc, technion({ outcome: ' HANG ', server: 'NO_SERVER ', date: ' 990207', vru_entry: '9:48:14 ' }))).toMatchObject({ outcome: 'abandoned', operator_id: '', started_at: '1999-02-07 09:48:14' });
  });

  test('describe: the column behind a field, or what feeds it', () => {
    expect(mc.describe('outcome')).toBe('outcome');
    expect(mc.describe('ivr_seconds')).toBe('vru_time');
    expect(mc.describe('call_id')).toBe('vru+line + call_id → call_id');
    expect(mc.describe('started_at')).toBe('date + vru_entry → started_at');
    expect(mc.describe('direction')).toBe('fixed "inbound" → direction');
    expect(mc.describe('hold_seconds')).toBe('hold_seconds');
  });

  test('an empty part of a joined key makes the key empty, not half a key', () => {
    expect(row(mc, technion({ 'vru+line': '' })).call_id).toBe('');
    expect(row(mc, technion({ call_id: ' ' })).call_id).toBe('');
  });

  test('a date that is not a date: the issue names the value, the format and the columns', () => {
    expect(issue(mc, technion({ date: '990230' }), 12)).toEqual({ line: 12, column: 'date + vru_entry → started_at', value: '990230', reason: '"990230" is not a real date (format YYMMDD)' });
    expect(issue(mc, technion({ date: '1999-02-01' }), 13)).toEqual({ line: 13, column: 'date + vru_entry → started_at', value: '1999-02-01', reason: '"1999-02-01" does not match the format YYMMDD' });
  });

  test('a time that is not a time of day, or no time', () => {
    expect(issue(mc, technion({ vru_entry: '24:00:00' }))).toEqual({ line: 2, column: 'date + vru_entry → started_at', value: '24:00:00', reason: '"24:00:00" is not a real time of day (format H:mm:ss)' });
    expect(issue(mc, technion({ vru_entry: '7:02' }))).toEqual({ line: 2, column: 'date + vru_entry → started_at', value: '7:02', reason: '"7:02" does not match the format H:mm:ss' });
    expect(issue(mc, technion({ vru_entry: '' }))).toEqual({ line: 2, column: 'date + vru_entry → started_at', value: '', reason: 'the time is empty (the date is 990201)' });
  });

  test('no date: an empty started_at (the required check comes later)', () => {
    expect(row(mc, technion({ date: '', vru_entry: '' })).started_at).toBe('');
  });

  test('a record with fewer or more fields than the header', () => {
    expect(issue(mc, technion().slice(0, 16), 5)).toEqual({ line: 5, column: '', value: '', reason: '16 fields, fewer than the 17 columns of the header', hint: undefined });
    expect(issue(mc, [...technion(), 'x'], 6)).toEqual({ line: 6, column: '', value: '', reason: '18 fields, more than the 17 columns of the header', hint: 'an unquoted delimiter inside a value? quote the value' });
  });
});

describe('value maps', () => {
  const HEADER = ['ID', 'Start', 'Result', 'Agent'];
  const json = {
    kind: 'calls',
    fields: {
      call_id: 'ID',
      started_at: { column: 'Start', date_format: 'DD/MM/YYYY HH:mm', map: { unknown: null, 'day one': '2026-10-01 00:00:00', 'bad day': 'yesterday' } },
      outcome: { column: 'Result', map: { OK: 'answered', LOST: 'abandoned', TEST: '@skip', '': 'abandoned' } },
      operator_id: { column: 'Agent', map: { '-': null, SYSTEM: '@skip', '0': '9999' } },
    },
  };
  const mc = converter(json, HEADER);

  test('a mapped value replaces the cell', () => {
    expect(row(mc, ['C1', '01/10/2026 09:05', 'OK', '1001'])).toEqual({ call_id: 'C1', started_at: '2026-10-01 09:05:00', operator_id: '1001', outcome: 'answered' });
    expect(row(mc, ['C1', '01/10/2026 09:05', 'LOST', '0'])).toMatchObject({ outcome: 'abandoned', operator_id: '9999' });
  });

  test('null makes the field empty', () => {
    expect(row(mc, ['C1', '01/10/2026 09:05', 'OK', '-']).operator_id).toBe('');
    expect(row(mc, ['C1', 'unknown', 'OK', '1001']).started_at).toBe('');
  });

  test('"@skip" in any field skips the row', () => {
    expect(mc.convert(['C1', '01/10/2026 09:05', 'TEST', '1001'], 3)).toEqual({ skip: true });
    expect(mc.convert(['C1', '01/10/2026 09:05', 'OK', 'SYSTEM'], 3)).toEqual({ skip: true });
  });

  test('a mapped value is used as it is: the date format is not applied to it', () => {
    expect(row(mc, ['C1', 'day one', 'OK', '1001']).started_at).toBe('2026-10-01 00:00:00');
    expect(row(mc, ['C1', 'bad day', 'OK', '1001']).started_at).toBe('yesterday');
  });

  test('an empty cell can be mapped', () => {
    expect(row(mc, ['C1', '01/10/2026 09:05', '', '1001']).outcome).toBe('abandoned');
  });

  test('the map matches whole values, case and all; other values pass through', () => {
    expect(row(mc, ['C1', '01/10/2026 09:05', 'ok', '1001']).outcome).toBe('ok');
    expect(row(mc, ['C1', '01/10/2026 09:05', 'OK!', '1001']).outcome).toBe('OK!');
  });

  test('a cell the date format does not read is a bad row naming the column', () => {
    expect(issue(mc, ['C1', '2026-10-01 09:05', 'OK', '1001'], 4)).toEqual({ line: 4, column: 'Start', value: '2026-10-01 09:05', reason: '"2026-10-01 09:05" does not match the format DD/MM/YYYY HH:mm' });
    expect(issue(mc, ['C1', '31/09/2026 09:05', 'OK', '1001'], 5)).toEqual({ line: 5, column: 'Start', value: '31/09/2026 09:05', reason: '"31/09/2026 09:05" is not a real date (format DD/MM/YYYY HH:mm)' });
  });

  test('a map on joined columns applies to the joined value', () => {
    const joined = converter({ kind: 'calls', fields: { call_id: { columns: ['Line', 'ID'], join: '/', map: { 'L9/0': '@skip', 'L1/1': 'FIRST' } }, started_at: 'Start', outcome: 'Result' } }, ['Line', 'ID', 'Start', 'Result']);
    expect(row(joined, ['L1', '1', '2026-10-01 09:00:00', 'answered']).call_id).toBe('FIRST');
    expect(row(joined, ['L1', '2', '2026-10-01 09:00:00', 'answered']).call_id).toBe('L1/2');
    expect(joined.convert(['L9', '0', '2026-10-01 09:00:00', 'answered'], 2)).toEqual({ skip: true });
  });

  test('join defaults to nothing between the columns', () => {
    const joined = converter({ kind: 'calls', fields: { call_id: { columns: ['Line', 'ID'] }, started_at: 'Start', outcome: 'Result' } }, ['Line', 'ID', 'Start', 'Result']);
    expect(row(joined, ['L1', '7', '2026-10-01 09:00:00', 'answered']).call_id).toBe('L17');
  });
});

describe('date formats on date fields', () => {
  const HEADER = ['Badge', 'Full name', 'Hired', 'Left'];
  const mc = converter({
    kind: 'operators',
    fields: {
      operator_id: 'Badge', name: 'Full name',
      hire_date: { column: 'Hired', date_format: 'DD/MM/YYYY' },
      termination_date: { date_column: 'Left', date_format: 'YYMMDD' },
      team: { value: 'North' },
    },
  }, HEADER);

  test('a date becomes YYYY-MM-DD; an empty date stays empty', () => {
    expect(row(mc, ['1001', 'Li Na', '05/03/2026', '261231'])).toEqual({ operator_id: '1001', name: 'Li Na', team: 'North', hire_date: '2026-03-05', termination_date: '2026-12-31' });
    expect(row(mc, ['1001', 'Li Na', '05/03/2026', '']).termination_date).toBe('');
    expect(row(mc, ['1001', 'Li Na', '', '']).hire_date).toBe('');
  });

  test('YY: 69–99 are 19xx, 00–68 are 20xx', () => {
    expect(row(mc, ['1', 'a', '01/01/2000', '690101']).termination_date).toBe('1969-01-01');
    expect(row(mc, ['1', 'a', '01/01/2000', '680101']).termination_date).toBe('2068-01-01');
  });

  test('30 February is a bad row naming the value and the format', () => {
    expect(issue(mc, ['1001', 'Li Na', '30/02/2026', ''], 9)).toEqual({ line: 9, column: 'Hired', value: '30/02/2026', reason: '"30/02/2026" is not a real date (format DD/MM/YYYY)' });
    expect(issue(mc, ['1001', 'Li Na', '05/03/2026', '260230'], 9)).toEqual({ line: 9, column: 'Left → termination_date', value: '260230', reason: '"260230" is not a real date (format YYMMDD)' });
  });
});

describe('columns by name', () => {
  const json = (id: unknown): unknown => ({ kind: 'calls', fields: { call_id: id, started_at: 'start', outcome: 'outcome' } });

  test('an exact name wins over names equal after normalisation', () => {
    const mc = converter(json('call_id'), ['Call ID', 'call_id', 'start', 'outcome']);
    expect(row(mc, ['X', 'Y', '2026-10-01 09:00:00', 'answered']).call_id).toBe('Y');
  });

  test.each([
    ['CALL_ID', 'Call ID'],
    ['call id', 'Call-ID'],
    ['callid', 'call.id'],
    ['Call ID', 'ＣＡＬＬ＿ＩＤ'],
    ['call_id', ' Call Id '],
  ])('%j finds the column %j (case, width, spaces and _ - . do not count)', (ref, header) => {
    const mc = converter(json(ref), ['start', header, 'outcome']);
    expect(row(mc, ['2026-10-01 09:00:00', 'K1', 'answered']).call_id).toBe('K1');
    expect(mc.describe('call_id')).toBe(header);
  });

  test('a name that matches two columns is refused', () => {
    expect(refusal(json('Call Id'), ['call_id', 'start', 'CALL-ID', 'outcome'])).toMatchObject({
      message: 'export.csv: line 1: m.json fields.call_id.column "Call Id" matches columns 1 and 3',
      hint: 'use the column number instead of the name',
      exitCode: 3,
    });
  });

  // A name matching two columns or none is refused with the header listed.
  test('a name that matches two columns is refused, listing the header', () => {
    expect(refusal(json('Call Id'), ['call_id', 'start', 'CALL-ID', 'outcome']).details).toEqual(['  the header: call_id | start | CALL-ID | outcome']);
  });

  test('two columns with exactly the same name: the name is ambiguous', () => {
    expect(refusal(json('start'), ['call_id', 'start', 'start', 'outcome']).message).toBe('export.csv: line 1: m.json fields.call_id.column "start" matches columns 2 and 3');
  });

  test('a name that matches no column is refused, listing the header', () => {
    expect(refusal(json({ column: 'uniqueid' }), ['call_id', 'start', 'outcome'])).toEqual({
      message: 'export.csv: line 1: m.json fields.call_id.column "uniqueid" is not a column of this file',
      hint: 'check the mapping against the header (hotline import inspect shows it)',
      details: ['  the header: call_id | start | outcome'],
      exitCode: 3,
    });
    expect(refusal(json({ columns: ['line', 'call_id'], join: '-' }), ['call_id', 'start', 'outcome']).message).toBe('export.csv: line 1: m.json fields.call_id.columns[0] "line" is not a column of this file');
    expect(refusal({ kind: 'calls', fields: { call_id: 'call_id', started_at: { date_column: 'start', date_format: 'YYMMDD', time_column: 'time' }, outcome: 'outcome' } }, ['call_id', 'start', 'outcome']).message).toBe('export.csv: line 1: m.json fields.started_at.time_column "time" is not a column of this file');
  });

  test('a column number beyond the header is refused', () => {
    expect(refusal(json(4), ['call_id', 'start', 'outcome'])).toEqual({
      message: 'export.csv: line 1: m.json fields.call_id.column reads column 4, but the header has 3 columns',
      hint: 'column numbers count from 1',
      details: [],
      exitCode: 3,
    });
  });

  test('a column number within the header is read, and messages give its header', () => {
    const mc = converter(json(3), ['start', 'outcome', 'uniqueid']);
    expect(row(mc, ['2026-10-01 09:00:00', 'answered', 'U1']).call_id).toBe('U1');
    expect(mc.describe('call_id')).toBe('uniqueid');
  });
});

describe('files without a header ("header": false)', () => {
  const mc = converter({
    kind: 'calls', header: false,
    fields: { call_id: { columns: [1, 2], join: '.' }, started_at: { column: 3, date_format: 'YYYY/M/D H:mm' }, outcome: { column: 5, map: { '1': 'answered', '0': 'abandoned' } }, talk_seconds: 4 },
  }, null);

  test('columns by number; the rejects header is "column 1" … up to the last column read', () => {
    expect(mc.sourceHeaders).toEqual(['column 1', 'column 2', 'column 3', 'column 4', 'column 5']);
    expect(row(mc, ['A', '7', '2026/10/1 9:05', '60', '1'], 1)).toEqual({ call_id: 'A.7', started_at: '2026-10-01 09:05:00', outcome: 'answered', talk_seconds: '60' });
  });

  test('a record with more fields than the mapping reads is fine', () => {
    expect(row(mc, ['A', '8', '2026/10/1 9:06', '0', '0', 'extra', 'more'], 2)).toMatchObject({ call_id: 'A.8', outcome: 'abandoned' });
  });

  test('a record with fewer fields than the highest column read is a bad row', () => {
    expect(issue(mc, ['A', '9', '2026/10/1 9:07', '30'], 3)).toEqual({ line: 3, column: '', value: '', reason: '4 fields; the mapping reads column 5' });
    expect(issue(mc, ['A'], 4)).toEqual({ line: 4, column: '', value: '', reason: '1 fields; the mapping reads column 5' });
  });

  test('fields are described by column number', () => {
    expect(mc.describe('outcome')).toBe('column 5 → outcome');
    expect(mc.describe('call_id')).toBe('column 1 + column 2 → call_id');
    expect(issue(mc, ['A', '7', '2026/13/1 9:05', '60', '1'], 5)).toEqual({ line: 5, column: 'column 3 → started_at', value: '2026/13/1 9:05', reason: '"2026/13/1 9:05" is not a real date (format YYYY/M/D H:mm)' });
  });

  test('a fixed value alone reads no column', () => {
    const fixed = converter({ kind: 'attendance', header: false, fields: { session_id: { value: 'S1' }, operator_id: 2, status: { value: 'present' } } }, null);
    expect(fixed.sourceHeaders).toEqual(['column 1', 'column 2']);
    expect(row(fixed, ['x', '1001'], 1)).toEqual({ session_id: 'S1', operator_id: '1001', status: 'present' });
  });
});
