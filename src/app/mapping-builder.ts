/**
 * `hotline import inspect --save-mapping`: builds a mapping file from what inspect found (the
 * columns whose headers hotline knows) and, through an Asker, from a person's answers for what
 * it could not find: the column of a missing required field, the layout of dates hotline cannot
 * read, and the meaning of codes such as "HANG". Without an Asker it never asks and reports what
 * is still missing.
 */
import { KIND_SPECS, type FieldSpec, type ImportKind } from '../domain/kinds.js';
import { FieldError } from '../io/values.js';
import { parserFor, trimSpaces } from '../io/row-plan.js';
import { compileDateFormat, type DateFormat } from '../io/mapping/date-format.js';
import { validateMapping } from '../io/mapping/mapping.js';

/** Where a field comes from, as the person chose. */
export type ColumnChoice = { column: number } | { value: string } | 'none';

export interface Asker {
  /** The column (0-based) that holds `field`, a fixed value, or none. */
  column(field: FieldSpec, headers: string[], sample: string[][]): Promise<ColumnChoice>;
  /** The layout of dates such as `examples` (checked by `check`: a reason, or null when it fits). */
  dateFormat(field: FieldSpec, examples: string[], check: (format: string) => string | null): Promise<string>;
  /** The column holding the time of day, when the date column has none (0-based), and its layout. */
  timeColumn(field: FieldSpec, headers: string[], sample: string[][], check: (column: number, format: string) => string | null): Promise<{ column: number; format: string }>;
  /** What a code in the file means: one of `choices`, null (empty) or "@skip". */
  code(field: FieldSpec, value: string, choices: string[]): Promise<string | null>;
}

export interface BuildInput {
  kind: ImportKind;
  headers: string[];
  /** Up to a few hundred records after the header. */
  sample: string[][];
  /** Field of each column (inspect's automatic mapping), null when none. */
  columnFields: (string | null)[];
  encoding: string;
  delimiter: string;
  zone: string;
}

export interface BuiltMapping {
  /** The mapping file's JSON. */
  json: Record<string, unknown>;
  /** Required fields still without a source (only without an Asker, or when the person said none). */
  missing: string[];
  /** Without an Asker: mapped fields whose sample values hotline cannot read as they are. */
  unreadable: { field: string; column: string; values: string[] }[];
}

const valuesOf = (sample: string[][], column: number): string[] => {
  const seen = new Set<string>();
  for (const r of sample) {
    const v = trimSpaces(r[column] ?? '');
    if (v !== '') seen.add(v);
  }
  return [...seen];
};

function rejects(field: FieldSpec, values: string[], zone: string): string[] {
  const parse = parserFor(field.value, zone);
  return values.filter((v) => {
    try {
      parse(v);
      return false;
    } catch (e) {
      if (e instanceof FieldError) return true;
      throw e;
    }
  });
}

/** Why `format` is not a format, breaks `rule`, or does not read one of `values`; null when it fits. */
function checkFormat(format: string, values: string[], rule: (f: DateFormat) => string | null): string | null {
  let f: DateFormat;
  try {
    f = compileDateFormat(format);
  } catch (e) {
    return (e as Error).message;
  }
  const broken = rule(f);
  if (broken) return broken;
  for (const v of values.slice(0, 50)) {
    const r = f.read(v);
    if (typeof r === 'string') return `"${v}" ${r}`;
  }
  return null;
}

/** Why `format` does not read `values` as the date (or date and time) of `field`, or null. */
export function checkDateFormat(field: FieldSpec, format: string, values: string[]): string | null {
  return checkFormat(format, values, (f) => {
    for (const p of ['year', 'month', 'day'] as const) if (!f.parts.has(p)) return `the format has no ${p}`;
    if (field.value.type === 'date' && (f.parts.has('hour') || f.parts.has('minute'))) return `${field.name} is a date; the format reads a time of day`;
    return null;
  });
}

/** Builds the mapping; asks only through `ask`. */
export async function buildMapping(input: BuildInput, ask?: Asker): Promise<BuiltMapping> {
  const spec = KIND_SPECS[input.kind];
  const fields: Record<string, unknown> = {};
  const columnOf = new Map<string, number>();
  input.columnFields.forEach((f, i) => {
    if (f && !columnOf.has(f)) columnOf.set(f, i);
  });
  const missing: string[] = [];
  const unreadable: BuiltMapping['unreadable'] = [];
  for (const field of spec.fields) {
    let column = columnOf.get(field.name);
    if (column === undefined) {
      if (!field.required) continue;
      const choice = ask ? await ask.column(field, input.headers, input.sample) : 'none';
      if (choice === 'none') {
        missing.push(field.name);
        continue;
      }
      if ('value' in choice) {
        fields[field.name] = { value: choice.value };
        continue;
      }
      column = choice.column;
    }
    const header = input.headers[column] as string;
    const values = valuesOf(input.sample, column);
    const bad = rejects(field, values, input.zone);
    if (bad.length === 0 || !ask) {
      if (bad.length > 0) unreadable.push({ field: field.name, column: header, values: bad.slice(0, 3) });
      fields[field.name] = header;
      continue;
    }
    if (field.value.type === 'date' || field.value.type === 'datetime') {
      const format = await ask.dateFormat(field, bad.slice(0, 5), (f) => checkDateFormat(field, f, values));
      const parts = compileDateFormat(format).parts;
      if (field.value.type === 'datetime' && !parts.has('hour')) {
        const time = await ask.timeColumn(field, input.headers, input.sample, (c, tf) => checkTimeFormat(tf, valuesOf(input.sample, c)));
        fields[field.name] = { date_column: header, date_format: format, time_column: input.headers[time.column], time_format: time.format };
      } else {
        fields[field.name] = { column: header, date_format: format };
      }
      continue;
    }
    if (field.value.type === 'enum') {
      const choices = Object.keys(field.value.values);
      const map: Record<string, string | null> = {};
      for (const v of bad.slice(0, 30)) map[v] = await ask.code(field, v, choices);
      fields[field.name] = { column: header, map };
      continue;
    }
    // Other types (numbers, durations, phones): the import reports the bad rows.
    fields[field.name] = header;
  }
  const json: Record<string, unknown> = { kind: input.kind, header: true, delimiter: input.delimiter, encoding: input.encoding, fields };
  if (missing.length === 0) {
    // What is written must be a mapping hotline reads back: check it the way --mapping will.
    const checked = validateMapping(json, 'the new mapping');
    if (!checked.ok) throw new Error(`built an invalid mapping: ${checked.errors.join('; ')}`);
  }
  return { json, missing, unreadable };
}

/** Why a time format does not read the time column's values, or null. */
export function checkTimeFormat(format: string, values: string[]): string | null {
  return checkFormat(format, values, (f) => {
    if (!f.parts.has('hour') || !f.parts.has('minute')) return 'a time format reads hours (H or HH) and minutes (mm)';
    if (f.parts.has('year') || f.parts.has('month') || f.parts.has('day')) return 'a time format has only H/HH, mm and ss';
    return null;
  });
}
