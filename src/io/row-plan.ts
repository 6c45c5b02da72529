/**
 * Header mapping and row conversion for the canonical kinds: which file column feeds which
 * field, and how one CSV record becomes the values of one stored row.
 */
import { localDateOf, localHourOf } from '../domain/dates.js';
import { headerMatcher, type TimeUnit } from '../domain/header-units.js';
import { normalizeHeader, storedLayout, type FieldSpec, type KindSpec, type RowContext, type RowValues, type ValueType } from '../domain/kinds.js';
import { InputError } from '../errors.js';
import {
  FieldError,
  parseDate,
  parseMonth,
  parseDateTime,
  parseDecimal,
  parseDuration,
  parseDurationIn,
  parseEnum,
  parseHoursIn,
  parseId,
  parseInteger,
  parsePhone,
  parseText,
  parseYesNo,
} from './values.js';

export interface RowIssue {
  line: number;
  column: string;
  value: string;
  reason: string;
  hint?: string;
}

export interface RowPlan {
  spec: KindSpec;
  /** Stored column names, in the order of `values` in a converted row. */
  columns: string[];
  /**
   * The stored columns this file has (its fields, with their local day and hour): an update of an
   * existing row changes only these; defaults apply to new rows only.
   */
  present: string[];
  /** The file's header cells, as written. */
  headers: string[];
  /** Header cells that map to no field (ignored). */
  ignored: string[];
  fieldIndex: Map<string, number>;
  convert(record: string[], line: number): { values: unknown[] } | { issue: RowIssue };
}

type Parser = (text: string) => unknown;

function synonymMap(values: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, words] of Object.entries(values)) {
    map.set(canonical.toLowerCase(), canonical);
    for (const w of words) map.set(w.toLowerCase(), canonical);
  }
  return map;
}

/** The parser of a value type: returns the stored value or throws FieldError. */
export function parserFor(value: ValueType, zone: string): Parser {
  switch (value.type) {
    case 'id': return parseId;
    case 'text': return parseText;
    case 'phone': return parsePhone;
    case 'datetime': return (t) => parseDateTime(t, zone);
    case 'date': return parseDate;
    case 'month': return parseMonth;
    case 'duration': return parseDuration;
    case 'integer': return (t) => parseInteger(t, value);
    case 'decimal': return (t) => parseDecimal(t, value);
    case 'yesno': return parseYesNo;
    case 'enum': {
      const map = synonymMap(value.values);
      const allowed = Object.keys(value.values).join(', ');
      return (t) => parseEnum(t, map, allowed);
    }
    case 'code-or-text': {
      const map = synonymMap(value.values);
      return (t) => map.get(t.toLowerCase()) ?? t;
    }
  }
}

/**
 * True for a space character (Unicode category Zs): the ASCII space, U+00A0, U+1680,
 * U+2000–U+200A, U+202F, U+205F and the full-width U+3000. An ASCII letter or digit costs one
 * comparison.
 */
function isSpace(c: number): boolean {
  if (c < 0xa0) return c === 32;
  return c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/**
 * Cells lose surrounding spaces (every Unicode space: ASCII, no-break, the full-width U+3000 …)
 * but keep tabs and line breaks, so that what a file holds (a formula payload such as "\t=1"
 * included) is stored verbatim. Invisible format characters (U+200B, U+FEFF) are not spaces:
 * identifiers refuse them (parseId). Most cells have no space at either end: two character
 * reads, no allocation.
 */
export function trimSpaces(cell: string): string {
  const n = cell.length;
  if (n === 0) return cell;
  if (!isSpace(cell.charCodeAt(0)) && !isSpace(cell.charCodeAt(n - 1))) return cell;
  let a = 0;
  let b = n;
  while (a < b && isSpace(cell.charCodeAt(a))) a++;
  while (b > a && isSpace(cell.charCodeAt(b - 1))) b--;
  return cell.slice(a, b);
}

/** Every accepted header name of a field, for messages. */
export function headerNames(field: FieldSpec): string {
  return [field.name, ...field.aliases].join(' / ');
}

/** The parser of a field whose header names a unit of time (durations in seconds, training hours in hours). */
function unitParser(field: FieldSpec, unit: TimeUnit, zone: string): Parser {
  if (field.value.type === 'duration') return unit === 'seconds' ? parseDuration : (t) => parseDurationIn(t, unit);
  if (unit === 'hours') return parserFor(field.value, zone);
  const max = field.value.type === 'decimal' ? (field.value.max ?? Infinity) : Infinity;
  return (t) => parseHoursIn(t, unit, max);
}

/** Maps a header row to the fields of `spec`; throws InputError for duplicate or missing columns, or a unit it cannot read. */
export function buildRowPlan(spec: KindSpec, headers: string[], opts: { file: string; zone: string; sourceZone?: string; workingDays?: RowContext['workingDays'] }): RowPlan {
  const match = headerMatcher(spec);
  const seen = new Map<string, number>();
  const fieldIndex = new Map<string, number>();
  /** Fields whose header names a unit of time other than the stored one. */
  const units = new Map<string, TimeUnit>();
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    const norm = normalizeHeader(h);
    if (norm === '') return;
    const dup = seen.get(norm);
    if (dup !== undefined) {
      throw new InputError(`${opts.file}: line 1: duplicate column "${h}" (columns ${dup + 1} and ${i + 1})`, {
        hint: 'rename or remove one of them; hotline never guesses which one holds the data',
      });
    }
    seen.set(norm, i);
    const found = match(h);
    if (!found) return void ignored.push(h);
    const field = found.field;
    if ('badUnit' in found) {
      throw new InputError(`${opts.file}: line 1: column "${h}": the unit "${found.badUnit}" is not one hotline reads for ${field.name}`, {
        hint: `write the unit as ${found.accepted}, or leave it out`,
      });
    }
    if (found.timeUnit) units.set(field.name, found.timeUnit);
    const other = fieldIndex.get(field.name);
    if (other !== undefined) {
      throw new InputError(`${opts.file}: line 1: columns "${headers[other]}" and "${h}" both mean ${field.name}`, {
        hint: 'remove one of them',
      });
    }
    fieldIndex.set(field.name, i);
  });
  const missing = spec.fields.filter((f) => f.required && !fieldIndex.has(f.name));
  if (missing.length > 0) throw missingColumnsError(spec, headers, missing, opts.file);
  return makePlan(spec, headers, ignored, fieldIndex, { zone: opts.zone, sourceZone: opts.sourceZone ?? opts.zone, units }, { workingDays: opts.workingDays });
}

function missingColumnsError(spec: KindSpec, headers: string[], missing: FieldSpec[], file: string): InputError {
  const found = spec.fields.some((f) => headers.some((h) => [f.name, ...f.aliases].some((n) => normalizeHeader(n) === normalizeHeader(h))));
  const oneColumn = headers.length === 1 && /[;\t|,]/.test(headers[0] ?? '');
  const hint = oneColumn
    ? 'the header is one column: the file may use another delimiter; try --delimiter ";" or --delimiter tab'
    : found
      ? `the ${spec.kind} file must have these columns; see docs/formats.md`
      : 'no known column in the first line: is this a headerless phone-system export? try --profile asterisk-cdr, asterisk-queue-log or freeswitch-cdr (docs/profiles.md)';
  return new InputError(`${file}: line 1: missing required column${missing.length > 1 ? 's' : ''}: ${missing.map((f) => f.name).join(', ')}`, {
    hint,
    details: missing.map((f) => `  ${f.name}: accepted headers ${headerNames(f)}`),
  });
}

function makePlan(spec: KindSpec, headers: string[], ignored: string[], fieldIndex: Map<string, number>, at: { zone: string; sourceZone: string; units: Map<string, TimeUnit> }, ctx: RowContext): RowPlan {
  const { zone, sourceZone, units } = at;
  const steps = spec.fields.map((f) => {
    const unit = units.get(f.name);
    return { field: f, index: fieldIndex.get(f.name) ?? -1, parse: unit ? unitParser(f, unit, sourceZone) : parserFor(f.value, sourceZone) };
  });
  const layout = storedLayout(spec);
  const columns = layout.columns;
  const width = headers.length;
  const present = layout.present((field) => fieldIndex.has(field));
  const borrowed = spec.fields.map((f, i) => ({ i, from: f.defaultFrom ? spec.fields.findIndex((g) => g.name === f.defaultFrom) : -1 })).filter((b) => b.from >= 0);
  const slot = layout.slots;
  const check = spec.checkRow;
  const derivedKey = spec.derivedKey;
  const keySlots = derivedKey?.map((f) => slot[spec.fields.findIndex((g) => g.name === f)] as number);
  // The row check reads the converted values by field name through one reused view: no map is
  // filled per row (a check asks for two or three fields).
  const slotOf = new Map(spec.fields.map((f, i) => [f.name, slot[i] as number]));
  let current: readonly unknown[] = NO_VALUES;
  const view: RowValues = { get: (name) => {
    const i = slotOf.get(name);
    return i === undefined ? undefined : current[i];
  } };
  function convert(record: string[], line: number): { values: unknown[] } | { issue: RowIssue } {
    if (record.length !== width) {
      const which = record.length > width ? 'more' : 'fewer';
      return { issue: { line, column: '', value: '', reason: `${record.length} fields, ${which} than the ${width} columns of the header`, hint: record.length > width ? 'an unquoted delimiter inside a value? quote the value' : undefined } };
    }
    const values: unknown[] = derivedKey ? [null] : [];
    for (const { field, index, parse } of steps) {
      const raw = index < 0 ? '' : trimSpaces(record[index] as string);
      let value: unknown = null;
      if (raw === '') {
        if (field.required) return { issue: { line, column: headers[index] ?? field.name, value: '', reason: `${field.name} is required` } };
        if (field.defaultValue !== undefined) value = field.defaultValue;
      } else {
        if (raw.includes('\ufffd')) return { issue: { line, column: headers[index] as string, value: raw, reason: 'contains U+FFFD (a character lost in an earlier conversion)', hint: 'export the file again from the source system' } };
        try {
          value = parse(raw);
        } catch (e) {
          if (!(e instanceof FieldError)) throw e;
          return { issue: { line, column: headers[index] as string, value: raw, reason: e.message, hint: e.hint } };
        }
      }
      values.push(value);
      if (field.localDay) {
        const at = typeof value === 'number' ? value : null;
        values.push(at === null ? null : localDateOf(at, zone));
        if (field.localDay === 'day-hour') values.push(at === null ? null : localHourOf(at, zone));
      }
    }
    if (keySlots) values[0] = keySlots.map((i) => String(values[i] ?? '')).join('|');
    for (const { i, from } of borrowed) {
      if (values[slot[i] as number] === null) values[slot[i] as number] = values[slot[from] as number];
    }
    if (check) {
      current = values;
      const wrong = check(view, ctx);
      current = NO_VALUES;
      if (wrong) {
        const [column, reason, hint] = wrong;
        const index = fieldIndex.get(column);
        const issue: RowIssue = { line, column: index === undefined ? column : (headers[index] as string), value: index === undefined ? '' : trimSpaces(record[index] ?? ''), reason };
        if (hint !== undefined) issue.hint = hint;
        return { issue };
      }
    }
    return { values };
  }
  return { spec, columns, present, headers, ignored, fieldIndex, convert };
}

/** What a row check's view reads between rows (nothing allocated per row). */
const NO_VALUES: readonly unknown[] = Object.freeze([]);
