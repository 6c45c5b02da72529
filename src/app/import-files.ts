/**
 * `hotline import <kind> FILE...`: each file checked, hashed, parsed in a worker and written in
 * one transaction; returns one summary per file.
 */
import { basename, resolve } from 'node:path';
import { osUser } from '../os-user.js';
import type Database from 'better-sqlite3';
import { KIND_SPECS, type ImportKind } from '../domain/kinds.js';
import { AlreadyImported, writeImport, type WriteEvent, type WriteIssue } from '../db/import-writer.js';
import { buildRowPlan, type RowPlan } from '../io/row-plan.js';
import { findImport } from '../db/queries/imports.js';
import { beginIncremental, rebuildSummary, refreshSummary, SummaryAccumulator, summaryThresholds, type SummaryThresholds } from '../db/queries/stats-days.js';
import { storedColumns as columnsOf } from '../domain/kinds.js';
import type { Encoding } from '../io/csv-read.js';
import { openImportSource } from '../io/import-source.js';
import { RejectsWriter } from '../io/rejects.js';
import { checkInputFile, sha256File } from './file-checks.js';
import { VERSION } from '../version.js';
import { PROFILES } from '../io/profiles/index.js';
import type { MissedRing, ProfileName, ProfileOutput, ProfileReport } from '../io/profiles/types.js';
import { insertMissedRings } from '../db/queries/missed-rings.js';
import { assertNoOverlaps } from '../db/queries/leave.js';
import type { Mapping } from '../io/mapping/mapping.js';
import { createMappedConverter, type MappedConverter } from '../io/mapping/converter.js';

export interface ImportOptions {
  kind: ImportKind;
  files: string[];
  encoding?: Encoding;
  delimiter?: string;
  /** Zone of date-times without an offset (default: the policy zone). */
  sourceZone?: string;
  zone: string;
  /** KPI thresholds for the per-day statistics summary kept up to date by call imports. */
  kpi: SummaryThresholds;
  skipInvalid: boolean;
  rejects?: string;
  force: boolean;
  /** A phone-system export read through its profile (calls only). */
  profile?: ProfileName;
  /** Any other export, read through a mapping file (--mapping). */
  mapping?: Mapping;
}

export interface ImportSummary {
  file: string;
  sha256: string;
  kind: ImportKind;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  status: 'imported' | 'already_imported';
  import_id: number;
  encoding: string | null;
  delimiter: string | null;
  ignored_columns: string[];
  rejects_file: string | null;
  /** The mapping file used (--mapping), or null. */
  mapping: string | null;
  /** What the profile saw (records, merged records, ignored events, unfinished calls), when one was used. */
  profile: (ProfileReport & { name: ProfileName; missed_rings: number }) | null;
}

export interface ImportHooks {
  db: Database.Database;
  dbPath: string;
  now: () => number;
  notice: (line: string) => void;
  progress?: (file: string, bytes: number, total: number) => void;
  isInterrupted: () => boolean;
}


/**
 * Validates and converts a batch of records: rows to write, and the bad ones. With a mapping, each
 * record is mapped first ("@skip" rows counted); its bad rows keep the file's record.
 */
function convertBatch(plan: RowPlan, records: string[][], lines: number[], mc?: MappedConverter): { rows: unknown[][]; lines: number[]; issues: WriteIssue[]; blank: number; skipped: number } {
  const rows: unknown[][] = [];
  const good: number[] = [];
  const issues: WriteIssue[] = [];
  let blank = 0;
  let skipped = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string[];
    const line = lines[i] as number;
    if (record[0]?.trim() === '' && record.every((f) => f.trim() === '')) {
      blank++;
      continue;
    }
    let cells = record;
    if (mc) {
      const mapped = mc.convert(record, line);
      if ('skip' in mapped) {
        skipped++;
        continue;
      }
      if ('issue' in mapped) {
        issues.push({ ...mapped.issue, record });
        continue;
      }
      cells = mapped.fields;
    }
    const out = plan.convert(cells, line);
    if ('values' in out) {
      rows.push(out.values);
      good.push(line);
    } else {
      issues.push({ ...out.issue, column: mc && out.issue.column ? mc.describe(out.issue.column) : out.issue.column, record });
    }
  }
  return { rows, lines: good, issues, blank, skipped };
}

function collect(outputs: ProfileOutput[]): ProfileOutput {
  const all: ProfileOutput = { rows: [], issues: [], missedRings: [] };
  for (const o of outputs) {
    for (const r of o.rows) all.rows.push(r);
    for (const i of o.issues) all.issues.push(i);
    for (const m of o.missedRings) all.missedRings.push(m);
  }
  return all;
}

/** Validates a profile's canonical rows like a canonical file's records. */
function convertProfileRows(plan: RowPlan, out: ProfileOutput): { rows: unknown[][]; lines: number[]; issues: WriteIssue[] } {
  const converted = convertBatch(plan, out.rows.map((r) => r.fields), out.rows.map((r) => r.line));
  return { rows: converted.rows, lines: converted.lines, issues: [...out.issues, ...converted.issues] };
}

/** Imports one file and returns its summary. */
export async function importFile(file: string, opts: ImportOptions, hooks: ImportHooks): Promise<ImportSummary> {
  const { size } = checkInputFile(file, hooks.dbPath);
  const sha256 = await sha256File(file);
  const done = findImport(hooks.db, opts.kind, sha256);
  const mapping = opts.mapping;
  const base = { file, sha256, kind: opts.kind, ignored_columns: [] as string[], rejects_file: null, mapping: mapping?.file ?? null, profile: null };
  if (done) {
    return { ...base, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, status: 'already_imported', import_id: done.id, encoding: done.encoding, delimiter: done.delimiter };
  }
  const spec = KIND_SPECS[opts.kind];
  const profile = opts.profile ? PROFILES[opts.profile] : undefined;
  const source = openImportSource({
    path: file, file: basename(file), encoding: opts.encoding ?? mapping?.encoding, delimiter: profile?.delimiter ?? opts.delimiter ?? mapping?.delimiter,
    headerless: profile !== undefined || mapping?.header === false, quoted: profile?.quoted, batchSize: 2000,
  });
  const sourceZone = opts.sourceZone ?? mapping?.sourceZone ?? opts.zone;
  const converter = profile?.create({ file: basename(file), sourceZone });
  let mapped: MappedConverter | undefined;
  const missedRings: MissedRing[] = [];
  let incremental = false;
  let accumulator: SummaryAccumulator | undefined;
  const rejectsPath = opts.skipInvalid ? (opts.rejects ?? `${basename(file).replace(/\.[^.]*$/, '')}.rejects.csv`) : undefined;
  let rejects: RejectsWriter | undefined;
  let encoding: string | null = null;
  let delimiter: string | null = null;
  let ignored: string[] = [];
  async function* events(): AsyncGenerator<WriteEvent> {
    let plan: RowPlan | undefined;
    let rows = 0;
    for await (const m of source) {
      if (m.type === 'start') {
        encoding = m.encoding;
        delimiter = m.delimiter;
        for (const n of m.notices) hooks.notice(n);
        if (mapping) mapped = createMappedConverter(mapping, mapping.header ? m.headers : null, basename(file));
        const headers = profile ? [...profile.canonicalHeaders] : mapped ? mapped.canonicalHeaders : m.headers;
        plan = buildRowPlan(spec, headers, { file: basename(file), zone: opts.zone, sourceZone });
        ignored = plan.ignored;
        if (ignored.length > 0) hooks.notice(`${basename(file)}: ignored columns: ${ignored.join(', ')}`);
        if (rejectsPath) rejects = new RejectsWriter(rejectsPath, mapped ? mapped.sourceHeaders : headers, opts.force);
        const keyHeader = mapped ? mapped.describe(spec.key) : headers[plan.fieldIndex.get(spec.key) as number] ?? spec.key;
        // Bad rows of a mapped file are described by the file's own columns.
        const issueHeaders = mapped ? (mapping?.header ? m.headers : []) : headers;
        yield { type: 'start', encoding: m.encoding, delimiter: m.delimiter, columns: plan.columns, present: plan.present, headers: issueHeaders, keyHeader };
      } else if (m.type === 'batch' && plan) {
        if (converter) {
          const out = collect(m.records.map((r, i) => converter.push(r, m.lines[i] as number)));
          missedRings.push(...out.missedRings);
          rows += out.rows.length + out.issues.length;
          yield { type: 'batch', bytes: m.bytes, ...convertProfileRows(plan, out) };
        } else {
          const converted = convertBatch(plan, m.records, m.lines, mapped);
          rows += m.records.length - converted.blank;
          yield { type: 'batch', bytes: m.bytes, ...converted };
        }
      } else if (m.type === 'end') {
        if (converter && plan) {
          const out = converter.end();
          missedRings.push(...out.missedRings);
          rows += out.rows.length + out.issues.length;
          yield { type: 'batch', bytes: size, ...convertProfileRows(plan, out) };
        }
        yield { type: 'end', rows };
      }
    }
  }
  try {
    let result;
    try {
      result = await writeImport(hooks.db, hooks.dbPath, events(), {
      spec,
      file: basename(file),
      zone: opts.zone,
      strict: !opts.skipInvalid,
      refuseKeyConflicts: mapping !== undefined,
      keySource: mapping ? `the mapping's fields.${spec.derivedKey ? spec.derivedKey.join(' + fields.') : spec.key}` : undefined,
      ledger: { kind: opts.kind, file_name: basename(file), file_path: resolve(file), sha256, size_bytes: size, profile: opts.profile ?? (mapping ? `mapping:${basename(mapping.file)}` : null), started_at: hooks.now(), os_user: osUser(), hotline_version: VERSION },
      onReject: (issue: WriteIssue) => rejects?.write(issue),
      onProgress: (bytes) => hooks.progress?.(file, bytes, size),
      isInterrupted: hooks.isInterrupted,
      now: hooks.now,
      onBegin: opts.kind === 'calls' ? (db) => void (incremental = beginIncremental(db, opts.kpi)) : undefined,
      onInserted: opts.kind === 'calls' ? (db, rows) => {
        if (!incremental) return;
        accumulator ??= new SummaryAccumulator(opts.kpi, columnsOf(spec));
        accumulator.add(rows);
        if (accumulator.size > 25_000) accumulator.flush(db, new Set());
      } : undefined,
      beforeCommit: opts.kind === 'leave' ? (db, _days, importId) => assertNoOverlaps(db, importId, basename(file)) : opts.kind === 'calls' ? (db, days, importId, updatedDays) => {
        if (missedRings.length > 0) insertMissedRings(db, missedRings, opts.zone, importId);
        if (incremental) {
          // Days with updated rows are recomputed from the calls; the others get the new rows' sums added.
          rebuildSummary(db, updatedDays, opts.kpi);
          accumulator?.flush(db, updatedDays);
          return;
        }
        const before = summaryThresholds(db);
        if (refreshSummary(db, days, opts.kpi) === 'all' && before) {
          hooks.notice(`rebuilt the per-day statistics summary for the policy's thresholds (${opts.kpi.threshold_seconds} s, short abandon ${opts.kpi.short_abandon_seconds} s)`);
        }
      } : undefined,
      });
    } catch (e) {
      if (!(e instanceof AlreadyImported)) throw e;
      return { ...base, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, status: 'already_imported', import_id: e.importId, encoding, delimiter };
    }
    rejects?.commit();
    const { importId, ...counts } = result;
    const profileReport = converter && opts.profile ? { name: opts.profile, ...converter.report(), missed_rings: missedRings.length } : null;
    return { ...base, ...counts, status: 'imported', import_id: importId, encoding, delimiter, ignored_columns: ignored, rejects_file: rejects && counts.rejected > 0 ? rejectsPath ?? null : null, profile: profileReport };
  } finally {
    rejects?.discard();
    await source.close();
  }
}
