// Reading mapping files (src/io/mapping/mapping.ts): validateMapping on parsed JSON, one problem
// line per wrong key, naming the key; and loadMapping on files: unreadable, not JSON, invalid
// (a usage error listing every problem), for another kind; and what a valid mapping becomes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadMapping, validateMapping, type FieldSource, type Mapping } from '../../src/io/mapping/mapping.js';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-mapping-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The problems validateMapping finds ([] when the mapping is valid). */
function problems(json: unknown): string[] {
  const r = validateMapping(json, 'm.json');
  return r.ok ? [] : r.errors;
}

/** The mapping validateMapping returns; fails the test when it finds problems. */
function valid(json: unknown): Mapping {
  const r = validateMapping(json, 'm.json');
  if (!r.ok) throw new Error(`expected a valid mapping, got:\n${r.errors.join('\n')}`);
  return r.mapping;
}

/** The source of one field of a valid mapping. */
function source(json: unknown, field: string): FieldSource | undefined {
  return valid(json).fields.get(field);
}

const KINDS = 'operators, calls, orders, leave, tickets, evaluations, trainings, attendance, presence';
const TOP_KEYS = 'kind, header, delimiter, encoding, source_tz, fields, description, comment';
const OPERATOR_FIELDS = 'operator_id, name, team, hire_date, work_start_date, termination_date, level, base_salary, performance_base, monthly_wage';
const TOKENS = '(tokens: YYYY YY MM M DD D HH H mm ss)';

/** A valid operators mapping; `fields` adds to (or replaces) its fields. */
function operators(fields: Record<string, unknown> = {}, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'operators', ...top, fields: { operator_id: '工号', name: '姓名', hire_date: '入职日期', ...fields } };
}

/** A valid calls mapping; `fields` adds to (or replaces) its fields. */
function calls(fields: Record<string, unknown> = {}, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'calls', ...top, fields: { call_id: 'id', started_at: 'start', outcome: 'result', ...fields } };
}

describe('validateMapping: the top level', () => {
  test.each([
    { name: 'null', json: null },
    { name: 'an array', json: [{ kind: 'calls' }] },
    { name: 'a string', json: 'calls' },
  ])('$name is not a mapping', ({ json }) => {
    expect(problems(json)).toEqual(['(top level): a mapping is a JSON object such as {"kind": "calls", "fields": {…}}']);
  });

  test.each([
    { name: 'an unknown top-level key', json: calls({}, { mapping: 'x' }), want: [`mapping: unknown key (known: ${TOP_KEYS})`] },
    { name: 'two unknown top-level keys', json: calls({}, { Kind: 'calls', delimeter: ',' }), want: [`Kind: unknown key (known: ${TOP_KEYS})`, `delimeter: unknown key (known: ${TOP_KEYS})`] },
    { name: 'no kind', json: { fields: { call_id: 'id' } }, want: [`kind: missing; use one of ${KINDS}`] },
    { name: 'a kind that is not one', json: calls({}, { kind: 'call' }), want: [`kind: "call" is not a kind; use one of ${KINDS}`] },
    { name: 'a kind that is not text', json: calls({}, { kind: 1 }), want: [`kind: 1 is not a kind; use one of ${KINDS}`] },
    { name: 'header neither true nor false (columns by number)', json: { kind: 'operators', header: 'yes', fields: { operator_id: 1, name: 2, hire_date: 3 } }, want: ['header: true (the first line names the columns) or false'] },
    { name: 'an unknown delimiter', json: calls({}, { delimiter: ':' }), want: ['delimiter: ":": use ",", ";", "\\t" (or "tab") or "|"'] },
    { name: 'a delimiter that is not text', json: calls({}, { delimiter: 9 }), want: ['delimiter: 9: use ",", ";", "\\t" (or "tab") or "|"'] },
    { name: 'two characters as the delimiter', json: calls({}, { delimiter: ',;' }), want: ['delimiter: ",;": use ",", ";", "\\t" (or "tab") or "|"'] },
    { name: 'an unknown encoding', json: calls({}, { encoding: 'latin1' }), want: ['encoding: "latin1": use utf-8, gbk, gb18030, utf-16le or utf-16be'] },
    { name: 'a zone that is not an IANA zone', json: calls({}, { source_tz: 'Mars/Olympus' }), want: ['source_tz: "Mars/Olympus" is not an IANA time zone (e.g. UTC, Asia/Shanghai)'] },
    { name: 'a zone that is not text', json: calls({}, { source_tz: 8 }), want: ['source_tz: 8 is not an IANA time zone (e.g. UTC, Asia/Shanghai)'] },
    { name: 'a description that is not text', json: calls({}, { description: 5 }), want: ['description: a string'] },
    { name: 'a comment that is not text', json: calls({}, { comment: ['a'] }), want: ['comment: a string'] },
    { name: 'no fields', json: { kind: 'calls' }, want: ['fields: missing; an object of canonical field → column, e.g. {"call_id": "id"}'] },
    { name: 'fields as a list', json: { kind: 'calls', fields: ['id', 'start', 'result'] }, want: ['fields: missing; an object of canonical field → column, e.g. {"call_id": "id"}'] },
  ])('$name', ({ json, want }) => {
    expect(problems(json)).toEqual(want);
  });

  test('every top-level problem is listed, each once, in one pass', () => {
    expect(problems({ kind: 'calls', delimiter: 'x', encoding: 'ebcdic', source_tz: 'nowhere', extra: true })).toEqual([
      `extra: unknown key (known: ${TOP_KEYS})`,
      'delimiter: "x": use ",", ";", "\\t" (or "tab") or "|"',
      'encoding: "ebcdic": use utf-8, gbk, gb18030, utf-16le or utf-16be',
      'source_tz: "nowhere" is not an IANA time zone (e.g. UTC, Asia/Shanghai)',
      'fields: missing; an object of canonical field → column, e.g. {"call_id": "id"}',
    ]);
  });

  // A bad "header" is one problem; the string columns are not wrong for a file whose "header"
  // is not false.
  test('a bad "header" with named columns is one problem, not one more per column', () => {
    expect(problems(operators({}, { header: 'yes' }))).toEqual(['header: true (the first line names the columns) or false']);
  });
});

describe('validateMapping: the fields of the kind', () => {
  test.each([
    { name: 'a field the kind does not have', json: operators({ phone: 'tel' }), want: [`fields.phone: not a field of operators; the fields are ${OPERATOR_FIELDS}`] },
    { name: 'a field of another kind', json: operators({ call_id: 'id' }), want: [`fields.call_id: not a field of operators; the fields are ${OPERATOR_FIELDS}`] },
    { name: 'a required field left out', json: { kind: 'operators', fields: { operator_id: 'id', name: 'n' } }, want: ['fields.hire_date: missing; operators need it (give the column that holds it, or a fixed {"value": …})'] },
    {
      name: 'every required field left out',
      json: { kind: 'calls', fields: { topic: 'type' } },
      want: [
        'fields.call_id: missing; calls need it (give the column that holds it, or a fixed {"value": …})',
        'fields.started_at: missing; calls need it (give the column that holds it, or a fixed {"value": …})',
        'fields.outcome: missing; calls need it (give the column that holds it, or a fixed {"value": …})',
      ],
    },
    { name: 'leave: a required field left out', json: { kind: 'leave', fields: { operator_id: 'id', type: 't', start_date: 's' } }, want: ['fields.end_date: missing; leave need it (give the column that holds it, or a fixed {"value": …})'] },
  ])('$name', ({ json, want }) => {
    expect(problems(json)).toEqual(want);
  });
});

describe('validateMapping: field forms', () => {
  test.each([
    // Columns by name or number.
    { name: 'column 0', fields: { name: 0 }, want: ['fields.name: 0: a column number is a whole number from 1 (the first column)'] },
    { name: 'a negative column', fields: { name: -2 }, want: ['fields.name: -2: a column number is a whole number from 1 (the first column)'] },
    { name: 'a fractional column', fields: { name: 1.5 }, want: ['fields.name: 1.5: a column number is a whole number from 1 (the first column)'] },
    { name: 'an empty column name', fields: { name: '' }, want: ['fields.name: a column name (as in the header) or number (1 = the first column)'] },
    { name: 'a blank column name', fields: { name: '  ' }, want: ['fields.name: a column name (as in the header) or number (1 = the first column)'] },
    { name: 'true', fields: { name: true }, want: ['fields.name: a column, or an object with "column", "columns", "date_column" or "value"'] },
    { name: 'null', fields: { team: null }, want: ['fields.team: a column, or an object with "column", "columns", "date_column" or "value"'] },
    { name: 'a list', fields: { team: ['a', 'b'] }, want: ['fields.team: a column, or an object with "column", "columns", "date_column" or "value"'] },
    { name: 'an empty object', fields: { team: {} }, want: ['fields.team: give "column", "columns", "date_column" or "value"'] },
    { name: '"column" with a bad column', fields: { team: { column: 0 } }, want: ['fields.team.column: 0: a column number is a whole number from 1 (the first column)'] },
    { name: '"column" missing its value', fields: { team: { column: null } }, want: ['fields.team.column: a column name (as in the header) or number (1 = the first column)'] },
    { name: 'an unknown key beside "column"', fields: { team: { column: 'g', colour: 'red' } }, want: ['fields.team.colour: unknown key here (allowed: column, map)'] },
    { name: '"date_format" on a text field', fields: { team: { column: 'g', date_format: 'YYYY' } }, want: ['fields.team.date_format: unknown key here (allowed: column, map)'] },
    { name: 'an unknown key beside "column" of a date field', fields: { hire_date: { column: 'h', format: 'DD/MM/YYYY' } }, want: ['fields.hire_date.format: unknown key here (allowed: column, map, date_format)'] },
    // Fixed values.
    { name: 'a fixed null', fields: { team: { value: null } }, want: ['fields.team.value: a fixed text or number'] },
    { name: 'a fixed object', fields: { team: { value: { a: 1 } } }, want: ['fields.team.value: a fixed text or number'] },
    { name: 'a fixed value with a column', fields: { team: { value: 'A', column: 'g' } }, want: ['fields.team.column: unknown key here (allowed: value)'] },
    // Value maps.
    { name: 'a map that is a list', fields: { team: { column: 'g', map: ['A'] } }, want: ['fields.team.map: an object of file value → value, e.g. {"HANG": "abandoned", "TEST": "@skip", "NONE": null}'] },
    { name: 'a map that is text', fields: { team: { column: 'g', map: 'A=B' } }, want: ['fields.team.map: an object of file value → value, e.g. {"HANG": "abandoned", "TEST": "@skip", "NONE": null}'] },
    {
      name: 'map values that are neither text, number nor null',
      fields: { team: { column: 'g', map: { A: true, B: 'b', C: ['c'], D: { d: 1 } } } },
      want: [
        'fields.team.map.A: a value (text), null (empty) or "@skip" (skip the row)',
        'fields.team.map.C: a value (text), null (empty) or "@skip" (skip the row)',
        'fields.team.map.D: a value (text), null (empty) or "@skip" (skip the row)',
      ],
    },
    { name: 'a bad column and a bad map together', fields: { team: { column: 0, map: { A: false } } }, want: ['fields.team.column: 0: a column number is a whole number from 1 (the first column)', 'fields.team.map.A: a value (text), null (empty) or "@skip" (skip the row)'] },
  ])('operators: $name', ({ fields, want }) => {
    expect(problems(operators(fields))).toEqual(want);
  });

  test.each([
    // Joined columns.
    { name: 'no columns to join', fields: { call_id: { columns: [] } }, want: ['fields.call_id.columns: a list of columns to join, e.g. ["line", "call_id"]'] },
    { name: '"columns" as text', fields: { call_id: { columns: 'line,id' } }, want: ['fields.call_id.columns: a list of columns to join, e.g. ["line", "call_id"]'] },
    { name: 'a bad column among the joined', fields: { call_id: { columns: ['line', 0, ''] } }, want: ['fields.call_id.columns[1]: 0: a column number is a whole number from 1 (the first column)', 'fields.call_id.columns[2]: a column name (as in the header) or number (1 = the first column)'] },
    { name: 'a join that is not text', fields: { call_id: { columns: ['line', 'id'], join: 1 } }, want: ['fields.call_id.join: the text put between the columns, e.g. "-"'] },
    { name: 'an unknown key beside "columns"', fields: { call_id: { columns: ['line', 'id'], join: '-', separator: '-' } }, want: ['fields.call_id.separator: unknown key here (allowed: columns, join, map)'] },
    { name: 'a bad map of joined columns', fields: { call_id: { columns: ['line', 'id'], map: { 'A-1': 1.5, 'A-2': false } } }, want: ['fields.call_id.map.A-2: a value (text), null (empty) or "@skip" (skip the row)'] },
    // Date and time columns.
    { name: '"date_column" for a field that is not a date', fields: { operator_id: { date_column: 'd', date_format: 'YYMMDD' } }, want: ['fields.operator_id: operator_id is not a date; "date_column" is for date and date-time fields'] },
    { name: '"date_column" without "date_format"', fields: { started_at: { date_column: 'd' } }, want: ['fields.started_at.date_format: a format such as "YYYY-MM-DD HH:mm:ss", "YYMMDD" or "H:mm:ss"'] },
    { name: 'a "date_format" that is not text', fields: { started_at: { date_column: 'd', date_format: 990201 } }, want: ['fields.started_at.date_format: a format such as "YYYY-MM-DD HH:mm:ss", "YYMMDD" or "H:mm:ss"'] },
    { name: 'an unknown key beside "date_column"', fields: { started_at: { date_column: 'd', date_format: 'YYYY-MM-DD HH:mm', zone: 'UTC' } }, want: ['fields.started_at.zone: unknown key here (allowed: date_column, date_format, time_column, time_format)'] },
    { name: 'a date-time read from a date only', fields: { started_at: { date_column: 'd', date_format: 'YYMMDD' } }, want: ['fields.started_at: started_at is a date-time: the format must read hours (H or HH) and minutes (mm), or add a "time_column"'] },
    { name: 'a date-time column whose format has no minutes', fields: { started_at: { column: 's', date_format: 'YYYY-MM-DD HH' } }, want: ['fields.started_at: started_at is a date-time: the format must read hours (H or HH) and minutes (mm), or add a "time_column"'] },
    { name: 'a date-time column whose format is a date', fields: { started_at: { column: 's', date_format: 'DD/MM/YYYY' } }, want: ['fields.started_at: started_at is a date-time: the format must read hours (H or HH) and minutes (mm), or add a "time_column"'] },
    { name: 'a time column whose format has no minutes', fields: { started_at: { date_column: 'd', date_format: 'YYMMDD', time_column: 't', time_format: 'HH' } }, want: ['fields.started_at: started_at is a date-time: the formats must read hours (H or HH) and minutes (mm)'] },
    { name: 'a time format that reads a year', fields: { started_at: { date_column: 'd', date_format: 'YYMMDD', time_column: 't', time_format: 'YYYY HH:mm' } }, want: ['fields.started_at.time_format: "YYYY HH:mm" reads a year; a time format has only H/HH, mm and ss'] },
    { name: 'a "time_format" without "time_column"', fields: { started_at: { date_column: 'd', date_format: 'YYYY-MM-DD HH:mm', time_format: 'H:mm' } }, want: ['fields.started_at.time_format: goes with "time_column"'] },
    { name: 'a bad "time_column"', fields: { started_at: { date_column: 'd', date_format: 'YYMMDD', time_column: 0 } }, want: ['fields.started_at.time_column: 0: a column number is a whole number from 1 (the first column)'] },
    { name: 'a bad "date_column"', fields: { started_at: { date_column: '', date_format: 'YYYY-MM-DD HH:mm' } }, want: ['fields.started_at.date_column: a column name (as in the header) or number (1 = the first column)'] },
    { name: 'a lower-case "hh" in a date format', fields: { started_at: { column: 's', date_format: 'YYYY-MM-DD hh:mm' } }, want: [`fields.started_at.date_format: "YYYY-MM-DD hh:mm": "h" at position 12 is not a token ${TOKENS}`] },
    { name: 'a letter in a time format', fields: { started_at: { date_column: 'd', date_format: 'YYMMDD', time_column: 't', time_format: 'h:mm a' } }, want: [`fields.started_at.time_format: "h:mm a": "h" at position 1 is not a token ${TOKENS}`] },
    { name: 'a repeated part', fields: { started_at: { column: 's', date_format: 'DD/MM/YYYY HH:mm MM' } }, want: ['fields.started_at.date_format: "DD/MM/YYYY HH:mm MM": "MM" repeats the month already in the format'] },
    { name: 'an empty date format', fields: { started_at: { column: 's', date_format: '' } }, want: ['fields.started_at.date_format: "": the format is empty'] },
  ])('calls: $name', ({ fields, want }) => {
    expect(problems(calls(fields))).toEqual(want);
  });

  test.each([
    { name: 'a date format that reads a time', fields: { hire_date: { column: 'h', date_format: 'DD/MM/YYYY HH:mm' } }, want: ['fields.hire_date: hire_date is a date; its format reads a time of day'] },
    { name: 'a date format without the year', fields: { hire_date: { column: 'h', date_format: 'DD/MM' } }, want: ['fields.hire_date: the date format "DD/MM" has no year'] },
    { name: 'a date column with a time format only', fields: { hire_date: { column: 'h', date_format: 'HH:mm' } }, want: ['fields.hire_date: the date format "HH:mm" has no year, month, day', 'fields.hire_date: hire_date is a date; its format reads a time of day'] },
    { name: 'a date with a time column', fields: { hire_date: { date_column: 'h', date_format: 'DD/MM/YYYY', time_column: 't' } }, want: ['fields.hire_date: hire_date is a date; its format reads a time of day'] },
    { name: 'date_column: a date format without the month', fields: { termination_date: { date_column: 'l', date_format: 'YYYY' } }, want: ['fields.termination_date: the date format "YYYY" has no month, day'] },
  ])('operators: $name', ({ fields, want }) => {
    expect(problems(operators(fields))).toEqual(want);
  });

  test('"header": false: columns are numbers; every name is a problem', () => {
    expect(problems({ kind: 'operators', header: false, fields: { operator_id: 1, name: '姓名', hire_date: { column: 'h', date_format: 'DD/MM/YYYY' }, team: { columns: [4, 'g'] } } })).toEqual([
      'fields.name: "姓名": the file has no header ("header": false), so columns are numbers (1 = the first)',
      'fields.hire_date.column: "h": the file has no header ("header": false), so columns are numbers (1 = the first)',
      'fields.team.columns[1]: "g": the file has no header ("header": false), so columns are numbers (1 = the first)',
    ]);
    expect(problems({ kind: 'calls', header: false, fields: { call_id: 1, started_at: { date_column: 2, date_format: 'YYMMDD', time_column: 'vru_entry' }, outcome: 3 } })).toEqual([
      'fields.started_at.time_column: "vru_entry": the file has no header ("header": false), so columns are numbers (1 = the first)',
    ]);
  });

  test('problems of several fields and of the top level are all listed', () => {
    expect(problems({ kind: 'operators', header: true, delimiter: '\t', shape: 'wide', fields: { operator_id: 0, name: { column: 'n', map: 3 }, team: 'g', hire_date: { column: 'h', date_format: 'dd/MM/yyyy' }, salary: 'pay' } })).toEqual([
      `shape: unknown key (known: ${TOP_KEYS})`,
      'fields.operator_id: 0: a column number is a whole number from 1 (the first column)',
      'fields.name.map: an object of file value → value, e.g. {"HANG": "abandoned", "TEST": "@skip", "NONE": null}',
      `fields.hire_date.date_format: "dd/MM/yyyy": "d" at position 1 is not a token ${TOKENS}`,
      `fields.salary: not a field of operators; the fields are ${OPERATOR_FIELDS}`,
    ]);
  });
});

describe('validateMapping: what a valid mapping becomes', () => {
  test('defaults: a header, no delimiter, encoding or zone of its own; description and comment are ignored', () => {
    const m = valid(operators({}, { description: 'our HR export', comment: 'checked 2026-01' }));
    expect({ file: m.file, kind: m.kind, header: m.header, delimiter: m.delimiter, encoding: m.encoding, sourceZone: m.sourceZone }).toEqual({
      file: 'm.json', kind: 'operators', header: true, delimiter: undefined, encoding: undefined, sourceZone: undefined,
    });
  });

  test.each([
    [',', ','], [';', ';'], ['\t', '\t'], ['tab', '\t'], ['TAB', '\t'], ['\\t', '\t'], ['|', '|'],
  ])('delimiter %j is %j', (given, delimiter) => {
    expect(valid(calls({}, { delimiter: given })).delimiter).toBe(delimiter);
  });

  test.each([
    ['utf-8', 'utf-8'], ['UTF-8', 'utf-8'], ['gbk', 'gb18030'], ['gb18030', 'gb18030'], ['utf-16le', 'utf-16le'], ['utf-16be', 'utf-16be'],
  ])('encoding %j is %j', (given, encoding) => {
    expect(valid(calls({}, { encoding: given })).encoding).toBe(encoding);
  });

  test('source_tz and "header": false are kept', () => {
    const m = valid({ kind: 'calls', header: false, source_tz: 'Asia/Jerusalem', fields: { call_id: 1, started_at: 2, outcome: 3 } });
    expect([m.header, m.sourceZone]).toEqual([false, 'Asia/Jerusalem']);
  });

  test('fields come out in the kind\'s field order, whatever the JSON order', () => {
    const m = valid({ kind: 'calls', fields: { topic: 'type', outcome: 'result', ivr_seconds: 'vru', started_at: 'start', call_id: 'id', direction: { value: 'inbound' } } });
    expect([...m.fields.keys()]).toEqual(['call_id', 'started_at', 'direction', 'outcome', 'topic', 'ivr_seconds']);
  });

  test('a name or a number is a column', () => {
    expect(source(operators({ team: 'Team' }), 'team')).toEqual({ type: 'column', column: 'Team' });
    expect(source(operators({ team: 4 }), 'team')).toEqual({ type: 'column', column: 4 });
    expect(source(operators({ team: { column: 4 } }), 'team')).toEqual({ type: 'column', column: 4, map: undefined, format: undefined });
  });

  test('a fixed value is text (a number becomes its text)', () => {
    expect(source(operators({ team: { value: 'A' } }), 'team')).toEqual({ type: 'value', value: 'A' });
    expect(source(operators({ base_salary: { value: 5000 } }), 'base_salary')).toEqual({ type: 'value', value: '5000' });
    expect(source(operators({ team: { value: '' } }), 'team')).toEqual({ type: 'value', value: '' });
  });

  test('map keys are trimmed; numbers become text; null and "@skip" are kept', () => {
    const s = source(calls({ outcome: { column: 'result', map: { ' AGENT ': 'answered', HANG: 'abandoned', PHANTOM: '@skip', NONE: null, '1': 2 } } }), 'outcome');
    expect(s?.type).toBe('column');
    const map = (s as { map?: ReadonlyMap<string, string | null> }).map;
    // (JSON object keys that are integers come first in JavaScript: compare sorted.)
    expect(map && [...map].sort(([a], [b]) => a.localeCompare(b))).toEqual([['1', '2'], ['AGENT', 'answered'], ['HANG', 'abandoned'], ['NONE', null], ['PHANTOM', '@skip']]);
  });

  test('joined columns: join defaults to nothing', () => {
    expect(source(calls({ call_id: { columns: ['line', 2] } }), 'call_id')).toEqual({ type: 'columns', columns: ['line', 2], join: '', map: undefined });
    const withJoin = source(calls({ call_id: { columns: ['line', 'id'], join: '-' } }), 'call_id');
    expect(withJoin).toMatchObject({ type: 'columns', columns: ['line', 'id'], join: '-' });
  });

  test('date and time columns: time_format defaults to H:mm:ss', () => {
    const s = source(calls({ started_at: { date_column: 'date', date_format: 'YYMMDD', time_column: 'time' } }), 'started_at');
    expect(s).toMatchObject({ type: 'date-time', date: 'date', time: 'time' });
    const dt = s as Extract<FieldSource, { type: 'date-time' }>;
    expect([dt.dateFormat.text, dt.timeFormat?.text]).toEqual(['YYMMDD', 'H:mm:ss']);
  });

  test('a date-time in one column with its format; a date with its format; a date without time_column', () => {
    expect((source(calls({ started_at: { column: 's', date_format: 'DD/MM/YYYY HH:mm' } }), 'started_at') as { format?: { text: string } }).format?.text).toBe('DD/MM/YYYY HH:mm');
    expect((source(operators({ hire_date: { column: 'h', date_format: 'DD/MM/YYYY' } }), 'hire_date') as { format?: { text: string } }).format?.text).toBe('DD/MM/YYYY');
    expect(source(operators({ hire_date: { date_column: 'h', date_format: 'YYYYMMDD' } }), 'hire_date')).toMatchObject({ type: 'date-time', date: 'h', time: undefined, timeFormat: undefined });
    expect(source(calls({ started_at: { date_column: 's', date_format: 'YYYYMMDDHHmm' } }), 'started_at')).toMatchObject({ type: 'date-time', date: 's', time: undefined });
  });

  test('every kind takes a mapping of its required fields', () => {
    const required: Record<string, Record<string, unknown>> = {
      operators: { operator_id: 1, name: 2, hire_date: 3 },
      calls: { call_id: 1, started_at: 2, outcome: 3 },
      orders: { order_id: 1, created_at: 2, operator_id: 3 },
      leave: { operator_id: 1, type: 2, start_date: 3, end_date: 4 },
      tickets: { ticket_id: 1, kind: 2, opened_at: 3, operator_id: 4 },
      evaluations: { operator_id: 1, month: 2, metric: 3, score: 4 },
      trainings: { session_id: 1, date: 2, topic: 3, kind: 4 },
      attendance: { session_id: 1, operator_id: 2, status: 3 },
    };
    for (const [kind, fields] of Object.entries(required)) {
      expect(problems({ kind, fields }), kind).toEqual([]);
      expect(valid({ kind, fields }).kind).toBe(kind);
    }
  });

  test('the Technion example in docs/examples is valid', () => {
    const m = loadMapping(join(ROOT, 'docs', 'examples', 'technion-anonymous-bank.mapping.json'), 'calls');
    expect({ kind: m.kind, header: m.header, delimiter: m.delimiter, sourceZone: m.sourceZone }).toEqual({ kind: 'calls', header: true, delimiter: '\t', sourceZone: 'Asia/Jerusalem' });
    expect([...m.fields.keys()]).toEqual(['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds', 'topic', 'ivr_seconds']);
    expect(m.fields.get('call_id')).toEqual({ type: 'columns', columns: ['vru+line', 'call_id'], join: '-', map: undefined });
    expect(m.fields.get('direction')).toEqual({ type: 'value', value: 'inbound' });
  });
});

describe('loadMapping', () => {
  let n = 0;
  /** Writes a mapping file and returns its path. */
  function file(content: string): string {
    const path = join(dir, `m${++n}.mapping.json`);
    writeFileSync(path, content);
    return path;
  }

  /** The UsageError loadMapping throws, as plain data. */
  function usage(path: string, kind: Parameters<typeof loadMapping>[1]): { message: string; details: string[]; hint?: string; exitCode: number } {
    try {
      loadMapping(path, kind);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      return { message: e.message, details: e.details, hint: e.hint, exitCode: e.exitCode };
    }
    throw new Error('expected a UsageError');
  }

  test('a valid file is read; a BOM before the JSON is fine', () => {
    const path = file('\ufeff' + JSON.stringify(operators({ team: 'g' })));
    const m = loadMapping(path, 'operators');
    expect(m.file).toBe(path);
    expect([...m.fields.keys()]).toEqual(['operator_id', 'name', 'team', 'hire_date']);
  });

  test('a file that is not there', () => {
    const path = join(dir, 'absent.json');
    expect(usage(path, 'calls')).toEqual({ message: `${path}: cannot read the mapping file: ENOENT`, details: [], hint: undefined, exitCode: 2 });
  });

  test.each([
    ['{"kind": "calls", fields: {}}'],
    ['{"kind": "calls", "fields": {"call_id": "id",}}'],
    [''],
    ["{'kind': 'calls'}"],
  ])('not JSON: %j', (text) => {
    const path = file(text);
    const e = usage(path, 'calls');
    expect(e.message.startsWith(`${path}: not valid JSON: `)).toBe(true);
    expect(e.exitCode).toBe(2);
    expect(e.hint).toBe('see docs/formats.md, "Mapping files"');
  });

  test('one problem', () => {
    const path = file(JSON.stringify(calls({ started_at: { column: 'start', date_format: 'YYYY-MM-DD hh:mm:ss' } })));
    expect(usage(path, 'calls')).toEqual({
      message: `${path}: invalid mapping (1 problem)`,
      details: [`  fields.started_at.date_format: "YYYY-MM-DD hh:mm:ss": "h" at position 12 is not a token ${TOKENS}`],
      hint: 'see docs/formats.md, "Mapping files"',
      exitCode: 2,
    });
  });

  test('several problems, one line each', () => {
    const path = file(JSON.stringify({ kind: 'calls', delimiter: 'comma!', fields: { call_id: 'id', started_at: { date_column: 'd', date_format: 'YYMMDD' }, agent: 'server' } }));
    expect(usage(path, 'calls')).toEqual({
      message: `${path}: invalid mapping (4 problems)`,
      details: [
        '  delimiter: "comma!": use ",", ";", "\\t" (or "tab") or "|"',
        '  fields.started_at: started_at is a date-time: the format must read hours (H or HH) and minutes (mm), or add a "time_column"',
        `  fields.agent: not a field of calls; the fields are ${['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds', 'hold_seconds', 'acw_seconds', 'category', 'topic', 'complaint_reason', 'customer_name', 'customer_phone', 'customer_address', 'tracking_no', 'satisfaction', 'resolved', 'ivr_seconds'].join(', ')}`,
        '  fields.outcome: missing; calls need it (give the column that holds it, or a fixed {"value": …})',
      ],
      hint: 'see docs/formats.md, "Mapping files"',
      exitCode: 2,
    });
  });

  test('a mapping for another kind names the command to run', () => {
    const path = file(JSON.stringify(calls()));
    expect(usage(path, 'operators')).toEqual({
      message: `${path}: this mapping is for calls, not operators`,
      details: [],
      hint: `run hotline import calls --mapping ${path} …`,
      exitCode: 2,
    });
  });

  test('an invalid mapping for another kind lists its problems first', () => {
    const path = file(JSON.stringify(calls({ wait: 'q' })));
    const e = usage(path, 'operators');
    expect(e.message).toBe(`${path}: invalid mapping (1 problem)`);
    expect(e.details).toHaveLength(1);
    expect(e.details[0]?.startsWith('  fields.wait: not a field of calls; the fields are call_id, ')).toBe(true);
  });
});
