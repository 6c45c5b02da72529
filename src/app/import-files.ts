/**
 * `hotline import <kind> FILE...`: each file checked, parsed and converted in a worker, and written
 * in one transaction with its kind's hooks (src/db/import-kinds.ts); returns one summary per file.
 */
import { basename, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { KIND_SPECS, type ImportKind } from '../domain/kinds.js';
import { kindHooks } from '../db/import-kinds.js';
import { AlreadyImported, writeImport, type WriteOptions, type WriteResult } from '../db/import-writer.js';
import { findImport, hasImportOfSize, type ImportCounts } from '../db/queries/imports.js';
import type { SummaryThresholds } from '../db/queries/stats-days.js';
import { ConvertStage, type ConvertJob } from '../io/convert-stage.js';
import type { Encoding } from '../io/csv-read.js';
import type { SourceJob } from '../io/import-protocol.js';
import { openImportSource } from '../io/import-source.js';
import type { Mapping } from '../io/mapping/mapping.js';
import { PROFILES } from '../io/profiles/index.js';
import type { ProfileName, ProfileReport } from '../io/profiles/types.js';
import { osUser } from '../os-user.js';
import { VERSION } from '../version.js';
import { checkInputFile, sha256File } from './file-checks.js';
import { planRead, type ReadPlan } from './import-continuation.js';
import { FileReading } from './import-reading.js';

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

/** What `hotline import` says of one file (its JSON summary): the ledger's counts and what was read. */
export interface ImportSummary extends ImportCounts {
  file: string;
  sha256: string;
  kind: ImportKind;
  status: 'imported' | 'already_imported';
  import_id: number;
  encoding: string | null;
  delimiter: string | null;
  ignored_columns: string[];
  rejects_file: string | null;
  /** The mapping file used (--mapping), or null. */
  mapping: string | null;
  /** What the profile saw (records, merged records, ignored events, unfinished calls), when one was used. */
  profile: (ProfileReport & { name: ProfileName; missed_rings: number; presence_events: number }) | null;
  /** The bytes read: from 0 for a whole read, from where import `continues_import_id` ended for a grown file (docs/growing-logs.md). */
  range_start: number | null;
  range_end: number | null;
  continues_import_id: number | null;
}

/** What importFile works with: the database, the clock, stderr, progress and Ctrl-C. */
export interface ImportEnv {
  db: Database.Database;
  dbPath: string;
  now: () => number;
  /** A message for stderr; `note`: information only (the encoding a file was read in), not a warning. */
  notice: (line: string, note?: boolean) => void;
  progress?: (file: string, bytes: number, total: number) => void;
  isInterrupted: () => boolean;
}

/** Rows per batch the parsing worker posts (docs/performance.md, "Small reads, small batches, many in flight"). */
const BATCH_ROWS = 250;

/** Imports one file and returns its summary. */
export async function importFile(file: string, opts: ImportOptions, env: ImportEnv): Promise<ImportSummary> {
  checkInputFile(file, env.dbPath);
  // The file as it is before anything reads it (the parsing worker checks it again at the end),
  // and what to read of it: all of it, or what was appended since the ledger's last read.
  const plan = planRead(env.db, file, { kind: opts.kind, source: ledgerSource(opts), lineEnds: opts.profile !== undefined, again: opts.again ?? false });
  if (plan.mode === 'nothing-new') {
    if (plan.pending > 0) env.notice(`${basename(file)}: the last ${plan.pending} bytes are a line without its end yet: left for the next import`, true);
    const prev = plan.previous;
    return alreadyImported(file, opts, { sha256: prev.sha256, importId: prev.id, encoding: prev.encoding, delimiter: prev.delimiter });
  }
  if (plan.mode === 'whole' && plan.notice) env.notice(plan.notice);
  if (plan.to < plan.stamp.size) env.notice(`${basename(file)}: the last ${plan.stamp.size - plan.to} bytes are a line without its end yet: left for the next import`, true);
  const job = sourceJob(file, opts, plan);
  // The worker reads the file once: it hashes the bytes it parses (the ledger's SHA-256) and checks
  // at the end that the file did not change meanwhile. It starts at once, and is stopped unread
  // (finally, below) when the file was imported before.
  const source = openImportSource(job);
  const reading = new FileReading(opts, env, new ConvertStage(job.convert), job.file, plan.mode === 'continue');
  try {
    // A retry of a file imported before is answered without reading it. Only a file of the size of
    // a ledger entry can be one: only such a file is hashed first; any other is hashed once, by
    // the worker, as it is read.
    const size = plan.stamp.size;
    const known = opts.again || plan.mode === 'continue' || !hasImportOfSize(env.db, opts.kind, size) ? undefined : await sha256File(file);
    const done = known === undefined ? undefined : findImport(env.db, opts.kind, known);
    if (done) return alreadyImported(file, opts, { sha256: known as string, importId: done.id, encoding: done.encoding, delimiter: done.delimiter });
    let result: WriteResult;
    try {
      result = await writeImport(env.db, env.dbPath, reading.events(source), writeOptions(file, opts, env, reading, { plan, known }));
    } catch (e) {
      if (!(e instanceof AlreadyImported)) throw e;
      return alreadyImported(file, opts, { sha256: reading.sha256, importId: e.importId, encoding: reading.start?.encoding ?? null, delimiter: reading.start?.delimiter ?? null });
    }
    reading.rejects?.commit();
    return imported(file, opts, reading, result, plan);
  } finally {
    reading.rejects?.discard();
    await source.close();
  }
}

/** How the ledger names what read the file: the profile, `mapping:FILE`, or null (the file's own header). */
function ledgerSource(opts: ImportOptions): string | null {
  return opts.profile ?? (opts.mapping ? `mapping:${basename(opts.mapping.file)}` : null);
}

/** What the parsing worker is asked to do with `file`. */
function sourceJob(file: string, opts: ImportOptions, plan: Exclude<ReadPlan, { mode: 'nothing-new' }>): SourceJob {
  const { mapping } = opts;
  const profile = opts.profile ? PROFILES[opts.profile] : undefined;
  const convert: ConvertJob = {
    kind: opts.kind, file: basename(file), zone: opts.zone, sourceZone: opts.sourceZone ?? mapping?.sourceZone ?? opts.zone,
    profile: opts.profile, mapping, calendars: opts.calendars,
  };
  const job: SourceJob = {
    path: file, file: basename(file), encoding: opts.encoding ?? mapping?.encoding, delimiter: profile?.delimiter ?? opts.delimiter ?? mapping?.delimiter,
    headerless: profile !== undefined || mapping?.header === false, quoted: profile?.quoted, batchSize: BATCH_ROWS,
    convert, stamp: plan.stamp, guard: plan.guard,
  };
  if (plan.mode === 'whole') return { ...job, range: { from: { offset: 0, line: 1 }, to: plan.to } };
  // A continuation is read as the file was: in the encoding and with the delimiter found then.
  const prev = plan.previous;
  return { ...job, encoding: prev.encoding as Encoding, delimiter: prev.delimiter, range: { from: plan.from, to: plan.to }, resume: prev.resume_state ?? undefined };
}

/** How the writer writes `file`: the kind's hooks, the ledger entry, strictness, rejects and progress. */
function writeOptions(file: string, opts: ImportOptions, env: ImportEnv, reading: FileReading, at: { plan: Exclude<ReadPlan, { mode: 'nothing-new' }>; known?: string }): WriteOptions {
  const { mapping } = opts;
  const spec = KIND_SPECS[opts.kind];
  const name = basename(file);
  const { plan } = at;
  const from = plan.mode === 'continue' ? plan.from.offset : 0;
  return {
    ...kindHooks(opts.kind, { file: name, kpi: opts.kpi, profile: opts.profile !== undefined, notice: (line, note) => env.notice(line, note) }),
    spec,
    file: name,
    zone: opts.zone,
    strict: !opts.skipInvalid,
    again: opts.again,
    refuseKeyConflicts: mapping !== undefined,
    keySource: mapping ? `the mapping's fields.${spec.derivedKey ? spec.derivedKey.join(' + fields.') : spec.key}` : undefined,
    // Until the file is read to the end, the entry's hash is the one taken before (or none yet).
    ledger: {
      kind: opts.kind, file_name: name, file_path: resolve(file), sha256: at.known ?? 'pending', size_bytes: plan.stamp.size, profile: ledgerSource(opts), started_at: env.now(), os_user: osUser(), hotline_version: VERSION,
      device: plan.file.device, inode: plan.file.inode, range_start: from, continues: plan.mode === 'continue' ? plan.previous.id : null,
    },
    onReject: (issue) => reading.rejects?.write(issue),
    onProgress: (bytes) => env.progress?.(file, bytes, plan.to - from),
    isInterrupted: env.isInterrupted,
    now: env.now,
  };
}

/** The summary of a file the ledger already has (nothing read or written). */
function alreadyImported(file: string, opts: ImportOptions, entry: { sha256: string; importId: number; encoding: string | null; delimiter: string | null }): ImportSummary {
  return {
    file, sha256: entry.sha256, kind: opts.kind, ignored_columns: [], rejects_file: null, mapping: opts.mapping?.file ?? null, profile: null,
    rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, status: 'already_imported', import_id: entry.importId, encoding: entry.encoding, delimiter: entry.delimiter,
    range_start: null, range_end: null, continues_import_id: null,
  };
}

/** The summary of a file imported. */
function imported(file: string, opts: ImportOptions, reading: FileReading, result: WriteResult, plan: Exclude<ReadPlan, { mode: 'nothing-new' }>): ImportSummary {
  const { importId, ...counts } = result;
  return {
    file, sha256: reading.sha256, kind: opts.kind, ignored_columns: reading.start?.ignored ?? [],
    rejects_file: reading.rejects && counts.rejected > 0 ? reading.rejects.path : null,
    mapping: opts.mapping?.file ?? null,
    profile: reading.report && opts.profile ? { name: opts.profile, ...reading.report } : null,
    ...counts, status: 'imported', import_id: importId, encoding: reading.start?.encoding ?? null, delimiter: reading.start?.delimiter ?? null,
    range_start: plan.mode === 'continue' ? plan.from.offset : 0, range_end: reading.read?.rangeEnd ?? null, continues_import_id: plan.mode === 'continue' ? plan.previous.id : null,
  };
}
