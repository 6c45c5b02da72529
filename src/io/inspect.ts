/**
 * What hotline sees in a file before importing it: encoding, delimiter, header, a few rows, and
 * which canonical field each column maps to for a kind (or which kind fits best).
 */
import { headerMatcher } from '../domain/header-units.js';
import { IMPORT_KINDS, KIND_SPECS, type ImportKind } from '../domain/kinds.js';
import { readRecordBatches, sniffFile, type Encoding } from './csv-read.js';

export interface ColumnMapping {
  column: number;
  header: string;
  field: string | null;
}

export interface Inspection {
  file: string;
  encoding: Encoding;
  delimiter: string;
  notices: string[];
  kind: ImportKind;
  /** How many required fields of each kind the header has: the best fit is chosen when --kind is not given. */
  fits: { kind: ImportKind; required_found: number; required: number; columns_mapped: number }[];
  columns: ColumnMapping[];
  missing_required: { field: string; accepted: string }[];
  sample: string[][];
}

function mapColumns(kind: ImportKind, headers: string[]): ColumnMapping[] {
  // As an import matches them: aliases, with a unit in parentheses (`等待时长(秒)`); a unit hotline cannot read maps to nothing.
  const match = headerMatcher(KIND_SPECS[kind]);
  return headers.map((h, i) => {
    const found = match(h);
    return { column: i + 1, header: h, field: found && !('badUnit' in found) ? found.field.name : null };
  });
}

/** Reads the header and the first `rows` records; never writes anything. */
export async function inspectFile(path: string, file: string, opts: { kind?: ImportKind; encoding?: Encoding; delimiter?: string; rows: number }): Promise<Inspection> {
  const sniffed = sniffFile(path, file, opts);
  const records: string[][] = [];
  for await (const batch of readRecordBatches(path, file, sniffed)) {
    for (const r of batch) records.push(r.record);
    if (records.length > opts.rows) break;
  }
  const headers = records[0] ?? [];
  const fits = IMPORT_KINDS.map((kind) => {
    const mapped = mapColumns(kind, headers).filter((c) => c.field !== null);
    const required = KIND_SPECS[kind].fields.filter((f) => f.required);
    return { kind, required_found: required.filter((f) => mapped.some((c) => c.field === f.name)).length, required: required.length, columns_mapped: mapped.length };
  });
  const best = [...fits].sort((a, b) => b.required_found / b.required - a.required_found / a.required || b.columns_mapped - a.columns_mapped)[0] as (typeof fits)[number];
  const kind = opts.kind ?? best.kind;
  const columns = mapColumns(kind, headers);
  const missing = KIND_SPECS[kind].fields
    .filter((f) => f.required && !columns.some((c) => c.field === f.name))
    .map((f) => ({ field: f.name, accepted: [f.name, ...f.aliases].join(' / ') }));
  return { file, encoding: sniffed.encoding, delimiter: sniffed.delimiter, notices: sniffed.notices, kind, fits, columns, missing_required: missing, sample: records.slice(1, opts.rows + 1) };
}
