/**
 * `hotline import <kind> FILE...`: each file checked, hashed, parsed in a worker and written in
 * one transaction; returns one summary per file.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { osUser } from '../os-user.js';
import type Database from 'better-sqlite3';
import { KIND_SPECS, type ImportKind } from '../domain/kinds.js';
import { AlreadyImported, writeImport, type WriteEvent, type WriteIssue } from '../db/import-writer.js';
import { findImport, hasImportOfSize, setImportHash } from '../db/queries/imports.js';
import { beginIncremental, rebuildSummary, refreshSummary, SummaryAccumulator, summaryThresholds, type SummaryThresholds } from '../db/queries/stats-days.js';
import { storedColumns as columnsOf } from '../domain/kinds.js';
import type { Encoding } from '../io/csv-read.js';
import { openImportSource } from '../io/import-source.js';
import { RejectsWriter } from '../io/rejects.js';
import { checkInputFile, sha256File } from './file-checks.js';
import { VERSION } from '../version.js';
import { PROFILES } from '../io/profiles/index.js';
import type { ProfileName, ProfileReport } from '../io/profiles/types.js';
import { insertMissedRings } from '../db/queries/missed-rings.js';
import { assertNoOverlaps } from '../db/queries/leave.js';
import type { Mapping } from '../io/mapping/mapping.js';
import { ConvertStage, RING_WIDTH, type ConvertedBatch } from '../io/convert-stage.js';
import { InputError } from '../errors.js';

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
  /** Import the file even if the ledger has it (--again). */
  again?: boolean;
  /** A phone-system export read through its profile (calls only). */
  profile?: ProfileName;
  /** Any other export, read through a mapping file (--mapping). */
  mapping?: Mapping;
  /** The policy's company calendars (policy.calendars), for the working days of leave rows. */
  calendars?: readonly string[];
  /** A file with no data rows is refused (exit 3) instead of imported with a warning (--require-rows). */
  requireRows?: boolean;
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
  /** A message for stderr; `note`: information only (the encoding a file was read in), not a warning. */
  notice: (line: string, note?: boolean) => void;
  progress?: (file: string, bytes: number, total: number) => void;
  isInterrupted: () => boolean;
}


/** Imports one file and returns its summary. */
export async function importFile(file: string, opts: ImportOptions, hooks: ImportHooks): Promise<ImportSummary> {
  checkInputFile(file, hooks.dbPath);
  // The file as it is before anything reads it: the parsing worker checks it again at the end.
  const { size, mtimeMs } = statSync(file);
  const mapping = opts.mapping;
  const spec = KIND_SPECS[opts.kind];
  const profile = opts.profile ? PROFILES[opts.profile] : undefined;
  const sourceZone = opts.sourceZone ?? mapping?.sourceZone ?? opts.zone;
  const convert = { kind: opts.kind, file: basename(file), zone: opts.zone, sourceZone, profile: opts.profile, mapping, calendars: opts.calendars };
  // The parsing worker leaves some batches' checks to this thread (ConvertStage.check).
  const stage = new ConvertStage(convert);
  // The worker reads the file once: it hashes the bytes it parses (the ledger's SHA-256) and
  // checks at the end that the file did not change meanwhile. It is stopped unread (finally,
  // below) when the file was imported before.
  const source = openImportSource({
    path: file, file: basename(file), encoding: opts.encoding ?? mapping?.encoding, delimiter: profile?.delimiter ?? opts.delimiter ?? mapping?.delimiter,
    // Small batches: see MAX_IN_FLIGHT in src/io/import-worker.ts.
    headerless: profile !== undefined || mapping?.header === false, quoted: profile?.quoted, batchSize: 250,
    convert, stamp: { size, mtimeMs },
  });
  let missedRings = 0;
  let ledgerId = 0;
  let profileReport: ProfileReport | null = null;
  let incremental = false;
  let accumulator: SummaryAccumulator | undefined;
  const rejectsPath = opts.skipInvalid ? (opts.rejects ?? `${basename(file).replace(/\.[^.]*$/, '')}.rejects.csv`) : undefined;
  let rejects: RejectsWriter | undefined;
  let encoding: string | null = null;
  let delimiter: string | null = null;
  let ignored: string[] = [];
  let rows = 0;
  /** The SHA-256 taken before reading (only for a file that may have been imported before), and that of the bytes read. */
  let known: string | undefined;
  let sha256 = '';
  /**
   * The bytes the worker parsed are the file: their hash goes into the ledger entry (in the
   * transaction), unless another ledger entry has it (imported meanwhile by another process:
   * rolled back, "already imported").
   */
  const acceptRead = (read: { sha256: string }): void => {
    sha256 = read.sha256;
    if (read.sha256 === known) return; // the entry has it, checked under the write lock
    const prior = opts.again ? undefined : findImport(hooks.db, opts.kind, read.sha256);
    if (prior) throw new AlreadyImported(prior.id);
    setImportHash(hooks.db, ledgerId, read.sha256);
  };
  /** The writer's event for a converted batch; missed rings go in with it (the transaction is open by then). */
  const batchEvent = (batch: ConvertedBatch, bytes: number): WriteEvent => {
    const b = stage.check(batch);
    rows += b.records;
    if (b.rings.length > 0) {
      insertMissedRings(hooks.db, b.rings, ledgerId);
      missedRings += b.rings.length / RING_WIDTH;
    }
    return { type: 'batch', bytes, rows: b.rows, lines: b.lines, issues: b.issues, skipped: b.skipped };
  };
  async function* events(): AsyncGenerator<WriteEvent> {
    for await (const m of source) {
      if (m.type === 'start') {
        encoding = m.encoding;
        delimiter = m.delimiter;
        for (const n of m.notices) hooks.notice(n, true);
        stage.start(m.start.headers);
        ignored = m.start.ignored;
        for (const n of m.start.notices) hooks.notice(n);
        for (const n of m.start.terminalNotices) hooks.notice(n, true);
        if (rejectsPath) rejects = new RejectsWriter(rejectsPath, m.start.rejectsHeaders, opts.force);
        yield { type: 'start', encoding: m.encoding, delimiter: m.delimiter, columns: m.start.columns, present: m.start.present, headers: m.start.issueHeaders, keyHeader: m.start.keyHeader };
      } else if (m.type === 'batch') {
        yield batchEvent(m.batch, m.bytes);
      } else {
        profileReport = m.report;
        acceptRead(m);
        const last = batchEvent(m.batch, size);
        if (rows === 0 && opts.requireRows) {
          throw new InputError(`${basename(file)}: no data rows, only a header: nothing was imported (--require-rows)`, { hint: 'the export may have run before the data was there; export it again' });
        }
        yield last;
        yield { type: 'end', rows };
      }
    }
  }
  try {
    // A retry of a file imported before is answered without reading it. Only a file of the size of
    // a ledger entry can be one: only such a file is hashed first; any other is hashed once, by
    // the worker, as it is read.
    known = opts.again || !hasImportOfSize(hooks.db, opts.kind, size) ? undefined : await sha256File(file);
    const done = known === undefined ? undefined : findImport(hooks.db, opts.kind, known);
    const base = { file, sha256: '', kind: opts.kind, ignored_columns: [] as string[], rejects_file: null, mapping: mapping?.file ?? null, profile: null };
    if (done) {
      return { ...base, sha256: known as string, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, status: 'already_imported', import_id: done.id, encoding: done.encoding, delimiter: done.delimiter };
    }
    let result;
    try {
      result = await writeImport(hooks.db, hooks.dbPath, events(), {
      spec,
      file: basename(file),
      zone: opts.zone,
      strict: !opts.skipInvalid,
      again: opts.again,
      refuseKeyConflicts: mapping !== undefined,
      keySource: mapping ? `the mapping's fields.${spec.derivedKey ? spec.derivedKey.join(' + fields.') : spec.key}` : undefined,
      // Until the file is read to the end, the entry's hash is the one taken before (or none yet).
      ledger: { kind: opts.kind, file_name: basename(file), file_path: resolve(file), sha256: known ?? 'pending', size_bytes: size, profile: opts.profile ?? (mapping ? `mapping:${basename(mapping.file)}` : null), started_at: hooks.now(), os_user: osUser(), hotline_version: VERSION },
      onReject: (issue: WriteIssue) => rejects?.write(issue),
      onProgress: (bytes) => hooks.progress?.(file, bytes, size),
      isInterrupted: hooks.isInterrupted,
      now: hooks.now,
      alsoFills: profile ? ['missed_rings'] : undefined,
      onBegin: (db, id) => {
        ledgerId = id;
        if (opts.kind === 'calls') incremental = beginIncremental(db, opts.kpi);
      },
      onInserted: opts.kind === 'calls' ? (db, rows) => {
        if (!incremental) return;
        accumulator ??= new SummaryAccumulator(opts.kpi, columnsOf(spec));
        accumulator.add(rows);
        if (accumulator.size > 25_000) accumulator.flush(db, new Set());
      } : undefined,
      beforeCommit: opts.kind === 'leave' ? (db, _days, importId) => assertNoOverlaps(db, importId, basename(file)) : opts.kind === 'calls' ? (db, days, importId, updatedDays) => {
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
      return { ...base, sha256, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, status: 'already_imported', import_id: e.importId, encoding, delimiter };
    }
    rejects?.commit();
    const { importId, ...counts } = result;
    const report = profileReport as ProfileReport | null;
    const profileSummary = report && opts.profile ? { name: opts.profile, ...report, missed_rings: missedRings } : null;
    return { ...base, sha256, ...counts, status: 'imported', import_id: importId, encoding, delimiter, ignored_columns: ignored, rejects_file: rejects && counts.rejected > 0 ? rejectsPath ?? null : null, profile: profileSummary };
  } finally {
    rejects?.discard();
    await source.close();
  }
}
