/**
 * Applies a mapping to the records of one file: each record becomes the text cells of a
 * canonical row (in the order of `canonicalHeaders`), is skipped ("@skip"), or is a bad row. The
 * canonical row then goes through the same validation as a canonical CSV (src/io/row-plan.ts).
 */
import { KIND_SPECS, normalizeHeader } from '../../domain/kinds.js';
import { InputError } from '../../errors.js';
import { trimSpaces, type RowIssue } from '../row-plan.js';
import { canonicalDate, canonicalDateTime, compileDateFormat, type DateFormat, type DateParts } from './date-format.js';
import { SKIP, type ColumnRef, type FieldSource, type Mapping, type ValueMap } from './mapping.js';

export type MappedRecord = { fields: string[] } | { skip: true } | { issue: RowIssue };

export interface MappedConverter {
  /** Canonical field names of the rows it emits. */
  canonicalHeaders: string[];
  /** Column names for the rejects file: the file's header, or "column 1" … for a headerless file. */
  sourceHeaders: string[];
  /** The file's column(s) behind a canonical field, for messages: "outcome", "date + vru_entry → started_at". */
  describe(field: string): string;
  convert(record: string[], line: number): MappedRecord;
}

type Step =
  | { field: string; type: 'column'; index: number; map?: ValueMap; format?: DateFormat; dateOnly: boolean }
  | { field: string; type: 'columns'; indexes: number[]; join: string; map?: ValueMap }
  | { field: string; type: 'date-time'; date: number; dateFormat: DateFormat; time: number; timeFormat?: DateFormat; dateOnly: boolean }
  | { field: string; type: 'value'; value: string };

class Skip {}
const SKIPPED = new Skip();

class Bad {
  constructor(
    readonly index: number,
    readonly value: string,
    readonly reason: string,
  ) {}
}

/** Resolves the mapping's columns against a file's header (null: a headerless file). */
export function createMappedConverter(mapping: Mapping, headers: string[] | null, file: string): MappedConverter {
  const spec = KIND_SPECS[mapping.kind];
  const names = headers ?? [];
  const resolve = (ref: ColumnRef, key: string): number => {
    if (typeof ref === 'number') {
      if (headers && ref > headers.length) {
        throw new InputError(`${file}: line 1: ${mapping.file} ${key} reads column ${ref}, but the header has ${headers.length} columns`, { hint: 'column numbers count from 1' });
      }
      return ref - 1;
    }
    const exact = names.flatMap((h, i) => (h === ref ? [i] : []));
    const loose = exact.length > 0 ? exact : names.flatMap((h, i) => (normalizeHeader(h) === normalizeHeader(ref) ? [i] : []));
    if (loose.length === 1) return loose[0] as number;
    if (loose.length > 1) {
      throw new InputError(`${file}: line 1: ${mapping.file} ${key} "${ref}" matches columns ${loose.map((i) => i + 1).join(' and ')}`, {
        hint: 'use the column number instead of the name',
        details: [`  the header: ${names.join(' | ')}`],
      });
    }
    throw new InputError(`${file}: line 1: ${mapping.file} ${key} "${ref}" is not a column of this file`, {
      hint: 'check the mapping against the header (hotline import inspect shows it)',
      details: [`  the header: ${names.join(' | ')}`],
    });
  };
  const steps: Step[] = [];
  const described = new Map<string, string>();
  const nameOf = (i: number): string => names[i] ?? `column ${i + 1}`;
  for (const [field, source] of mapping.fields) {
    const key = `fields.${field}`;
    const dateOnly = spec.fields.find((f) => f.name === field)?.value.type === 'date';
    const step = toStep(field, source, key, resolve, dateOnly);
    steps.push(step);
    const from = step.type === 'column' ? nameOf(step.index)
      : step.type === 'columns' ? step.indexes.map(nameOf).join(' + ')
        : step.type === 'date-time' ? [step.date, ...(step.time >= 0 ? [step.time] : [])].map(nameOf).join(' + ')
          : `fixed "${step.value}"`;
    // One named column: its header (messages then give its number too); else what feeds the field.
    described.set(field, step.type === 'column' && headers ? from : `${from} → ${field}`);
  }
  const used = steps.flatMap((s) => (s.type === 'column' ? [s.index] : s.type === 'columns' ? s.indexes : s.type === 'date-time' ? [s.date, s.time] : []));
  const needed = Math.max(0, ...used) + 1;
  const width = headers?.length;
  const sourceHeaders = headers ?? Array.from({ length: needed }, (_, i) => `column ${i + 1}`);
  const n = steps.length;

  function cell(step: Step, record: string[]): string | Skip {
    switch (step.type) {
      case 'value':
        return step.value;
      case 'column': {
        const raw = trimSpaces(record[step.index] as string);
        if (step.map?.has(raw)) return mapped(step.map.get(raw) as string | null);
        if (!step.format || raw === '') return raw;
        const parts = step.format.read(raw);
        if (typeof parts === 'string') return new Bad(step.index, raw, `"${raw}" ${parts}`);
        return step.dateOnly ? canonicalDate(parts) : canonicalDateTime(parts);
      }
      case 'columns': {
        const parts = step.indexes.map((i) => trimSpaces(record[i] as string));
        // A composite value with an empty part is empty: a key is never half a key.
        const joined = parts.some((p) => p === '') ? '' : parts.join(step.join);
        if (step.map?.has(joined)) return mapped(step.map.get(joined) as string | null);
        return joined;
      }
      case 'date-time': {
        const date = trimSpaces(record[step.date] as string);
        if (date === '') return '';
        const d = step.dateFormat.read(date);
        if (typeof d === 'string') return new Bad(step.date, date, `"${date}" ${d}`);
        if (step.time < 0) return step.dateOnly ? canonicalDate(d) : canonicalDateTime(d);
        const time = trimSpaces(record[step.time] as string);
        if (time === '') return new Bad(step.time, '', `the time is empty (the date is ${date})`);
        const t = (step.timeFormat as DateFormat).read(time);
        if (typeof t === 'string') return new Bad(step.time, time, `"${time}" ${t}`);
        return canonicalDateTime({ ...d, ...t } as DateParts);
      }
    }
  }

  function convert(record: string[], line: number): MappedRecord {
    if (width !== undefined && record.length !== width) {
      const which = record.length > width ? 'more' : 'fewer';
      return { issue: { line, column: '', value: '', reason: `${record.length} fields, ${which} than the ${width} columns of the header`, hint: record.length > width ? 'an unquoted delimiter inside a value? quote the value' : undefined } };
    }
    if (record.length < needed) {
      return { issue: { line, column: '', value: '', reason: `${record.length} fields; the mapping reads column ${needed}` } };
    }
    const fields = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const step = steps[i] as Step;
      const out = cell(step, record);
      if (out === SKIPPED) return { skip: true };
      if (out instanceof Bad) return { issue: { line, column: described.get(step.field) as string, value: out.value, reason: out.reason } };
      fields[i] = out as string;
    }
    return { fields };
  }

  return {
    canonicalHeaders: steps.map((s) => s.field),
    sourceHeaders,
    describe: (field) => described.get(field) ?? field,
    convert,
  };
}

function mapped(to: string | null): string | Skip {
  if (to === SKIP) return SKIPPED;
  return to ?? '';
}

function toStep(field: string, source: FieldSource, key: string, resolve: (ref: ColumnRef, key: string) => number, dateOnly: boolean): Step {
  switch (source.type) {
    case 'value':
      return { field, type: 'value', value: source.value };
    case 'column':
      return { field, type: 'column', index: resolve(source.column, `${key}.column`), map: source.map, format: source.format && compileDateFormat(source.format.text), dateOnly };
    case 'columns':
      return { field, type: 'columns', indexes: source.columns.map((c, i) => resolve(c, `${key}.columns[${i}]`)), join: source.join, map: source.map };
    case 'date-time':
      return {
        field, type: 'date-time', date: resolve(source.date, `${key}.date_column`), dateFormat: compileDateFormat(source.dateFormat.text),
        time: source.time === undefined ? -1 : resolve(source.time, `${key}.time_column`), timeFormat: source.timeFormat && compileDateFormat(source.timeFormat.text), dateOnly,
      };
  }
}
