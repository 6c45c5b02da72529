/**
 * Mapping files (`hotline import <kind> --mapping FILE`): a JSON description of how the columns
 * of any export become the canonical fields of a kind (docs/formats.md, "Mapping files").
 * Reading one validates every key and names the key that is wrong.
 */
import { isValidTimeZone } from '../../domain/dates.js';
import { IMPORT_KINDS, KIND_SPECS, type FieldSpec, type ImportKind } from '../../domain/kinds.js';
import { UsageError } from '../../errors.js';
import { DELIMITER_NAMES, ENCODING_NAMES, type Encoding } from '../encodings.js';
import { compileDateFormat, type DateFormatText } from './date-format.js';
import { readConfigFile } from '../config-file.js';
import { protectFile } from '../protected-files.js';

/** A column by header name (files with a header) or by number, 1 = first. */
export type ColumnRef = string | number;

/** Value → replacement; null means empty, SKIP skips the whole row. */
export type ValueMap = ReadonlyMap<string, string | null>;

export const SKIP = '@skip';

export type FieldSource =
  | { type: 'column'; column: ColumnRef; map?: ValueMap; format?: DateFormatText }
  | { type: 'columns'; columns: ColumnRef[]; join: string; map?: ValueMap }
  | { type: 'date-time'; date: ColumnRef; dateFormat: DateFormatText; time?: ColumnRef; timeFormat?: DateFormatText }
  | { type: 'value'; value: string };

/**
 * A checked mapping file. It is plain data (maps, sets, text, numbers): read and checked once, by
 * the command, it goes to the import thread and the parsing worker as it is (a structured clone).
 */

export interface Mapping {
  /** The mapping file as the user named it, for messages. */
  file: string;
  kind: ImportKind;
  header: boolean;
  delimiter?: string;
  encoding?: Encoding;
  /** Zone of the file's date-times (the policy zone when absent). */
  sourceZone?: string;
  /** Canonical field → where its value comes from, in the kind's field order. */
  fields: Map<string, FieldSource>;
}

const TOP_KEYS = new Set(['kind', 'header', 'delimiter', 'encoding', 'source_tz', 'fields', 'description', 'comment']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates parsed JSON; returns the mapping or every problem found, each naming its key. */
export function validateMapping(json: unknown, file: string): { ok: true; mapping: Mapping } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(json)) return { ok: false, errors: ['(top level): a mapping is a JSON object such as {"kind": "calls", "fields": {…}}'] };
  for (const k of Object.keys(json)) if (!TOP_KEYS.has(k)) errors.push(`${k}: unknown key (known: ${[...TOP_KEYS].join(', ')})`);
  const kind = json.kind;
  if (typeof kind !== 'string' || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    errors.push(`kind: ${kind === undefined ? 'missing' : JSON.stringify(kind) + ' is not a kind'}; use one of ${IMPORT_KINDS.join(', ')}`);
  }
  const header = json.header ?? true;
  if (typeof header !== 'boolean') errors.push('header: true (the first line names the columns) or false');
  let delimiter: string | undefined;
  if (json.delimiter !== undefined) {
    delimiter = typeof json.delimiter === 'string' ? DELIMITER_NAMES[json.delimiter.toLowerCase()] : undefined;
    if (!delimiter) errors.push(`delimiter: ${JSON.stringify(json.delimiter)}: use ",", ";", "\\t" (or "tab") or "|"`);
  }
  let encoding: Encoding | undefined;
  if (json.encoding !== undefined) {
    encoding = typeof json.encoding === 'string' ? ENCODING_NAMES[json.encoding.toLowerCase()] : undefined;
    if (!encoding) errors.push(`encoding: ${JSON.stringify(json.encoding)}: use utf-8, gbk, gb18030, utf-16le or utf-16be`);
  }
  let sourceZone: string | undefined;
  if (json.source_tz !== undefined) {
    if (typeof json.source_tz === 'string' && isValidTimeZone(json.source_tz)) sourceZone = json.source_tz;
    else errors.push(`source_tz: ${JSON.stringify(json.source_tz)} is not an IANA time zone (e.g. UTC, Asia/Shanghai)`);
  }
  for (const k of ['description', 'comment']) if (json[k] !== undefined && typeof json[k] !== 'string') errors.push(`${k}: a string`);
  const fields = new Map<string, FieldSource>();
  if (!isObject(json.fields)) {
    errors.push('fields: missing; an object of canonical field → column, e.g. {"call_id": "id"}');
  } else if (typeof kind === 'string' && (IMPORT_KINDS as readonly string[]).includes(kind)) {
    const spec = KIND_SPECS[kind as ImportKind];
    const byName = new Map(spec.fields.map((f) => [f.name, f]));
    for (const [name, raw] of Object.entries(json.fields)) {
      const field = byName.get(name);
      if (!field) {
        errors.push(`fields.${name}: not a field of ${kind}; the fields are ${spec.fields.map((f) => f.name).join(', ')}`);
        continue;
      }
      // A wrong "header" value is reported once above; columns are checked as if it were true.
      const source = fieldSource(raw, field, `fields.${name}`, header !== false, errors);
      if (source) fields.set(name, source);
    }
    for (const f of spec.fields) {
      if (f.required && !(f.name in json.fields)) errors.push(`fields.${f.name}: missing; ${kind} need it (give the column that holds it, or a fixed {"value": …})`);
    }
    // Keep the kind's field order: the canonical row is built in it.
    const ordered = new Map<string, FieldSource>();
    for (const f of spec.fields) if (fields.has(f.name)) ordered.set(f.name, fields.get(f.name) as FieldSource);
    if (errors.length === 0) return { ok: true, mapping: { file, kind: kind as ImportKind, header: header as boolean, delimiter, encoding, sourceZone, fields: ordered } };
  }
  return { ok: false, errors };
}

function columnRef(raw: unknown, key: string, header: boolean, errors: string[]): ColumnRef | undefined {
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 1) return raw;
    errors.push(`${key}: ${raw}: a column number is a whole number from 1 (the first column)`);
    return undefined;
  }
  if (typeof raw === 'string' && raw.trim() !== '') {
    if (!header) {
      errors.push(`${key}: "${raw}": the file has no header ("header": false), so columns are numbers (1 = the first)`);
      return undefined;
    }
    return raw;
  }
  errors.push(`${key}: a column name (as in the header) or number (1 = the first column)`);
  return undefined;
}

function valueMap(raw: unknown, key: string, errors: string[]): ValueMap | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    errors.push(`${key}: an object of file value → value, e.g. {"HANG": "abandoned", "TEST": "@skip", "NONE": null}`);
    return undefined;
  }
  const map = new Map<string, string | null>();
  for (const [from, to] of Object.entries(raw)) {
    if (to === null || typeof to === 'string') map.set(from.trim(), to);
    else if (typeof to === 'number') map.set(from.trim(), String(to));
    else errors.push(`${key}.${from}: a value (text), null (empty) or "@skip" (skip the row)`);
  }
  return map;
}

/** The format `raw`, checked by compiling it; kept as its text and parts (the converter compiles it again where it reads rows). */
function dateFormat(raw: unknown, key: string, errors: string[]): DateFormatText | undefined {
  if (typeof raw !== 'string') {
    errors.push(`${key}: a format such as "YYYY-MM-DD HH:mm:ss", "YYMMDD" or "H:mm:ss"`);
    return undefined;
  }
  try {
    const { text, parts } = compileDateFormat(raw);
    return { text, parts };
  } catch (e) {
    errors.push(`${key}: "${raw}": ${(e as Error).message}`);
    return undefined;
  }
}

function unknownKeys(raw: Record<string, unknown>, allowed: string[], key: string, errors: string[]): void {
  for (const k of Object.keys(raw)) if (!allowed.includes(k)) errors.push(`${key}.${k}: unknown key here (allowed: ${allowed.join(', ')})`);
}

const DATE_PARTS = ['year', 'month', 'day'] as const;

/** Checks that formats read what the field needs: a date needs Y M D, a date-time also H and m. */
function checkFormats(field: FieldSpec, key: string, date: DateFormatText, time: DateFormatText | undefined, errors: string[]): void {
  const isDate = field.value.type === 'date';
  const missing = DATE_PARTS.filter((p) => !date.parts.has(p));
  if (missing.length > 0) errors.push(`${key}: the date format "${date.text}" has no ${missing.join(', ')}`);
  const timeParts = new Set([...(time ? time.parts : []), ...[...date.parts].filter((p) => !(DATE_PARTS as readonly string[]).includes(p))]);
  if (time) for (const p of time.parts) if ((DATE_PARTS as readonly string[]).includes(p)) errors.push(`${key}.time_format: "${time.text}" reads a ${p}; a time format has only H/HH, mm and ss`);
  if (isDate && timeParts.size > 0) errors.push(`${key}: ${field.name} is a date; its format reads a time of day`);
  if (!isDate && (!timeParts.has('hour') || !timeParts.has('minute'))) {
    errors.push(`${key}: ${field.name} is a date-time: the format${time ? 's' : ''} must read hours (H or HH) and minutes (mm)${time ? '' : ', or add a "time_column"'}`);
  }
}

function fieldSource(raw: unknown, field: FieldSpec, key: string, header: boolean, errors: string[]): FieldSource | undefined {
  const isTime = field.value.type === 'date' || field.value.type === 'datetime';
  if (typeof raw === 'string' || typeof raw === 'number') {
    const column = columnRef(raw, key, header, errors);
    return column === undefined ? undefined : { type: 'column', column };
  }
  if (!isObject(raw)) {
    errors.push(`${key}: a column, or an object with "column", "columns", "date_column" or "value"`);
    return undefined;
  }
  if ('value' in raw) {
    unknownKeys(raw, ['value'], key, errors);
    if (typeof raw.value === 'string' || typeof raw.value === 'number') return { type: 'value', value: String(raw.value) };
    errors.push(`${key}.value: a fixed text or number`);
    return undefined;
  }
  if ('date_column' in raw) {
    unknownKeys(raw, ['date_column', 'date_format', 'time_column', 'time_format'], key, errors);
    if (!isTime) {
      errors.push(`${key}: ${field.name} is not a date; "date_column" is for date and date-time fields`);
      return undefined;
    }
    const date = columnRef(raw.date_column, `${key}.date_column`, header, errors);
    const df = dateFormat(raw.date_format, `${key}.date_format`, errors);
    let time: ColumnRef | undefined;
    let tf: DateFormatText | undefined;
    if (raw.time_column !== undefined) {
      time = columnRef(raw.time_column, `${key}.time_column`, header, errors);
      tf = dateFormat(raw.time_format ?? 'H:mm:ss', `${key}.time_format`, errors);
    } else if (raw.time_format !== undefined) errors.push(`${key}.time_format: goes with "time_column"`);
    if (date === undefined || !df || (raw.time_column !== undefined && (time === undefined || !tf))) return undefined;
    const before = errors.length;
    checkFormats(field, key, df, tf, errors);
    return errors.length > before ? undefined : { type: 'date-time', date, dateFormat: df, time, timeFormat: tf };
  }
  if ('columns' in raw) {
    unknownKeys(raw, ['columns', 'join', 'map'], key, errors);
    if (!Array.isArray(raw.columns) || raw.columns.length === 0) {
      errors.push(`${key}.columns: a list of columns to join, e.g. ["line", "call_id"]`);
      return undefined;
    }
    const columns = raw.columns.map((c, i) => columnRef(c, `${key}.columns[${i}]`, header, errors));
    const join = raw.join ?? '';
    if (typeof join !== 'string') errors.push(`${key}.join: the text put between the columns, e.g. "-"`);
    const map = valueMap(raw.map, `${key}.map`, errors);
    if (columns.some((c) => c === undefined) || typeof join !== 'string') return undefined;
    return { type: 'columns', columns: columns as ColumnRef[], join, map };
  }
  if ('column' in raw) {
    unknownKeys(raw, isTime ? ['column', 'map', 'date_format'] : ['column', 'map'], key, errors);
    const column = columnRef(raw.column, `${key}.column`, header, errors);
    const map = valueMap(raw.map, `${key}.map`, errors);
    let format: DateFormatText | undefined;
    if (isTime && raw.date_format !== undefined) {
      format = dateFormat(raw.date_format, `${key}.date_format`, errors);
      if (format) checkFormats(field, key, format, undefined, errors);
    }
    return column === undefined ? undefined : { type: 'column', column, map, format };
  }
  errors.push(`${key}: give "column", "columns", "date_column" or "value"`);
  return undefined;
}

/** Reads and validates a mapping file for `kind` (once per import); a bad one is a usage error listing every problem. */
export function loadMapping(path: string, kind: ImportKind): Mapping {
  protectFile(path, 'the mapping file');
  let text: string;
  try {
    text = readConfigFile(path, { what: 'mapping file', docs: 'docs/formats.md, "Mapping files"' });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: cannot read the mapping file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON: ${(e as Error).message}`, { hint: 'see docs/formats.md, "Mapping files"' });
  }
  const checked = validateMapping(json, path);
  if (!checked.ok) {
    throw new UsageError(`${path}: invalid mapping (${checked.errors.length} problem${checked.errors.length > 1 ? 's' : ''})`, {
      details: checked.errors.map((m) => `  ${m}`),
      hint: 'see docs/formats.md, "Mapping files"',
    });
  }
  if (checked.mapping.kind !== kind) {
    throw new UsageError(`${path}: this mapping is for ${checked.mapping.kind}, not ${kind}`, { hint: `run hotline import ${checked.mapping.kind} --mapping ${path} …` });
  }
  return checked.mapping;
}
