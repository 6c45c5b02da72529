/**
 * Writes one file's rows in one IMMEDIATE transaction: natural-key upserts with the accounting
 * rows = inserted + updated + unchanged + rejected + skipped, the ledger entry, and all-or-nothing
 * on bad rows (unless the caller accepts rejects).
 */
import type Database from 'better-sqlite3';
import type { KindSpec } from '../domain/kinds.js';
import { InputError, InterruptedError } from '../errors.js';
import type { BadRow, BatchMessage, ReadEnd, StartMessage } from '../io/import-protocol.js';
import { dropResumeState, endImport, findImport, finishImport, insertImport, newestOfInode, setImportHash, type ImportCounts, type LedgerStart } from './queries/imports.js';
import { claimTimeZone } from './queries/settings.js';
import { prepareStatements, writeBatch, type BatchContext, type Statements } from './upsert-rows.js';

/** What the writer reads of the parsing worker's messages (src/io/import-protocol.ts), and the end of the file. */
export type WriteEvent =
  | Pick<StartMessage, 'type' | 'encoding' | 'delimiter' | 'columns' | 'present' | 'headers' | 'keyHeader'>
  | (Pick<BatchMessage, 'type' | 'rows' | 'lines' | 'issues' | 'bytes'> & Partial<Pick<BatchMessage, 'skipped' | 'rings' | 'presence'>>)
  /**
   * `sha256`: of the bytes parsed, for the ledger entry (when it differs from the one it began
   * with); `read`: where the read ended, for an import that continues the file once it has grown.
   */
  | { type: 'end'; rows: number; sha256?: string; read?: ReadEnd };

/** What the rows of a batch are, for a kind's hook. */
export type WriteBatch = Extract<WriteEvent, { type: 'batch' }>;

/**
 * What an import of one kind does besides writing its rows, all inside the file's transaction:
 * one object per kind (src/db/import-kinds.ts).
 */
export interface KindHooks {
  /** Other tables the import fills (missed rings, presence): their secondary indexes are deferred too when they are empty. */
  alsoFills?: string[];
  /** Runs right after BEGIN IMMEDIATE (inside the transaction), with the new ledger entry's id. */
  onBegin?: (db: Database.Database, importId: number) => void;
  /** Runs before a batch's rows are written. */
  onBatch?: (db: Database.Database, batch: WriteBatch, importId: number) => void;
  /** The rows inserted by a batch (new keys only), after it was written. */
  onInserted?: (db: Database.Database, rows: readonly unknown[][]) => void;
  /** Runs in the transaction before COMMIT with the local days whose rows changed (kinds with a local day). */
  beforeCommit?: (db: Database.Database, changedDays: ReadonlySet<string>, importId: number, updatedDays: ReadonlySet<string>) => void;
}

export interface WriteOptions extends KindHooks {
  spec: KindSpec;
  file: string;
  ledger: Omit<LedgerStart, 'encoding' | 'delimiter'>;
  zone: string;
  /** Default true: one bad row and nothing is written. */
  strict: boolean;
  /** Import the file even if the ledger has it (--again): no already-imported check. */
  again?: boolean;
  onReject?: (issue: BadRow) => void;
  onProgress?: (bytes: number) => void;
  isInterrupted?: () => boolean;
  now: () => number;
  /**
   * A key on two lines of the file with different content refuses the whole file, even with
   * rejects accepted (a mapping whose key is not unique): true. Default: the second line is a bad row.
   */
  refuseKeyConflicts?: boolean;
  /** How the key is built, for the refusal message (e.g. "the mapping's fields.call_id"). */
  keySource?: string;
}

export interface WriteResult extends ImportCounts {
  importId: number;
}

/** Thrown (and the transaction rolled back) when the file was imported by another process meanwhile. */
export class AlreadyImported extends Error {
  constructor(readonly importId: number) {
    super(`already imported as import #${importId}`);
  }
}

interface Index {
  name: string;
  sql: string;
}

/**
 * Speed trick (docs/performance.md, "The day-led index kept on a first load"): while a first
 * load's rows come in day order, an index led by the local day is kept and filled at one end
 * (DayOrder). false: every secondary index is built at the end.
 */
const KEEP_DAY_INDEX = true;

/**
 * Into an empty table, rows go faster without the secondary indexes, which are then built once
 * from sorted data at the end of the same transaction (docs/performance.md, "Indexes deferred on
 * a first load"). An index led by the local day is the exception when `dayLed` is set: a file in
 * time order adds to it at one end, which costs the writing thread less than the build would
 * cost at the end, when nothing else runs. It is returned in `dayLed`, to be dropped and
 * deferred after all if the rows turn out not to come in day order (DayOrder).
 */
function deferIndexesOnFirstLoad(db: Database.Database, table: string, dayLed: boolean): { deferred: string[]; dayLed: Index[] } {
  if (db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get()) return { deferred: [], dayLed: [] };
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as Index[];
  const led = dayLed ? indexes.filter((ix) => (db.prepare(`SELECT name FROM pragma_index_info(?) WHERE seqno = 0`).pluck().get(ix.name) as string) === 'local_day') : [];
  const deferred = indexes.filter((ix) => !led.includes(ix));
  for (const ix of deferred) db.exec(`DROP INDEX ${ix.name}`);
  return { deferred: deferred.map((ix) => ix.sql), dayLed: led };
}

/** The secondary indexes of a first load: those dropped to be built at the end, and a day-led one kept while rows come in day order. */
class FirstLoadIndexes {
  private constructor(
    private readonly deferred: string[],
    private readonly dayLed: Index[],
    private order: DayOrder | undefined,
  ) {}

  /** Defers the indexes of `table` (and of the `alsoFills` tables) that are empty; `dayIndex`: local_day's place in a row, or -1. */
  static defer(db: Database.Database, table: string, alsoFills: readonly string[], dayIndex: number): FirstLoadIndexes {
    const first = deferIndexesOnFirstLoad(db, table, KEEP_DAY_INDEX && dayIndex >= 0);
    const deferred = [...first.deferred, ...alsoFills.flatMap((t) => deferIndexesOnFirstLoad(db, t, false).deferred)];
    return new FirstLoadIndexes(deferred, first.dayLed, first.dayLed.length > 0 ? new DayOrder(dayIndex) : undefined);
  }

  /** Before a batch is written: once too many rows came out of day order, the day-led index is dropped and deferred too. */
  watch(db: Database.Database, rows: readonly unknown[][]): void {
    if (!this.order || this.order.add(rows)) return;
    for (const ix of this.dayLed) {
      db.exec(`DROP INDEX ${ix.name}`);
      this.deferred.push(ix.sql);
    }
    this.order = undefined;
  }

  /** Builds the deferred indexes (before COMMIT). */
  build(db: Database.Database): void {
    buildDeferredIndexes(db, this.deferred);
  }
}

/**
 * Watches whether a first load's rows come in day order: "late" rows (a day before one already
 * written) go into the middle of a day-led index. More than 1,000 of them, and more than 1 % of
 * the rows so far, and the index is better built at the end.
 */
export class DayOrder {
  private latest = '';
  private late = 0;
  private rows = 0;

  constructor(private readonly dayIndex: number) {}

  /** Adds a batch's rows (values with the local day at `dayIndex`); false once too many were late. */
  add(rows: readonly unknown[][]): boolean {
    for (const r of rows) {
      const day = r[this.dayIndex] as string;
      if (day < this.latest) this.late++;
      else this.latest = day;
    }
    this.rows += rows.length;
    return this.late <= Math.max(1000, this.rows / 100);
  }
}

/**
 * Runs the deferred CREATE INDEX statements with SQLite's multi-threaded sorter: the parsing
 * worker's core is idle by then. Two helper threads, each sorting runs of at most 4 MiB (the
 * page cache is 16 MiB while importing; a sorter with helpers holds one run per thread), so that
 * the build is shorter without a higher peak RSS (docs/performance.md, "Index builds with the
 * multi-threaded sorter").
 */
function buildDeferredIndexes(db: Database.Database, ddl: readonly string[]): void {
  if (ddl.length === 0) return;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma('threads = 2');
  db.pragma('cache_size = -4096');
  try {
    for (const statement of ddl) db.exec(statement);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`threads = ${threads}`);
  }
}

/** Bad rows listed in the refusal of a strict import. */
const MAX_LISTED = 20;

/** A file's bad rows: counted, the MAX_LISTED with the lowest lines kept in line order (a key conflict is found after its batch's other issues). */
class BadRows {
  count = 0;
  private readonly listed: { line: number; text: string }[] = [];
  /** Headers that bad rows' columns are counted in (the start message's). */
  headers: string[] = [];

  add(issue: BadRow): void {
    this.count++;
    const listed = this.listed;
    if (listed.length < MAX_LISTED || issue.line < (listed[listed.length - 1] as { line: number }).line) {
      let at = listed.length;
      while (at > 0 && (listed[at - 1] as { line: number }).line > issue.line) at--;
      listed.splice(at, 0, { line: issue.line, text: describe(issue, this.headers) });
      if (listed.length > MAX_LISTED) listed.pop();
    }
  }

  /** The refusal of a strict import of `file` with these bad rows. */
  refusal(file: string): InputError {
    const bad = this.count;
    const lines = this.listed.map((l) => l.text);
    return new InputError(`${file}: ${bad} bad row${bad > 1 ? 's' : ''}; nothing was imported from this file`, {
      details: bad > MAX_LISTED ? [...lines, `  … and ${bad - MAX_LISTED} more`] : lines,
      hint: 'fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
    });
  }
}

function describe(issue: BadRow, headers: string[]): string {
  const n = headers.indexOf(issue.column) + 1;
  const col = issue.column ? (n > 0 ? ` column ${n} (${issue.column}):` : ` ${issue.column}:`) : '';
  const value = issue.value && !issue.reason.includes(issue.value) ? ` "${issue.value}":` : '';
  return `  line ${issue.line}:${col}${value} ${issue.reason}${issue.hint ? ` (${issue.hint})` : ''}`;
}

/** What the start of a file opens: the ledger entry, the statements, the first load's indexes, what every batch is written with. */
interface OpenFile {
  importId: number;
  stmts: Statements;
  indexes: FirstLoadIndexes;
  batch: BatchContext;
}

/** Imports the events of one file; throws InputError (and writes nothing) on bad rows when strict. */
export async function writeImport(db: Database.Database, path: string, events: AsyncIterable<WriteEvent>, opts: WriteOptions): Promise<WriteResult> {
  const counts: ImportCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };
  const bad = new BadRows();
  const reject = (issue: BadRow): void => {
    bad.add(issue);
    if (!opts.strict) {
      counts.rejected++;
      opts.onReject?.(issue);
    }
  };
  const changedDays = new Set<string>();
  const updatedDays = new Set<string>();
  let file: OpenFile | undefined;
  try {
    for await (const ev of events) {
      if (opts.isInterrupted?.()) throw new InterruptedError('interrupted: nothing was imported from ' + opts.file);
      if (ev.type === 'start') {
        bad.headers = ev.headers;
        file = begin(db, path, ev, opts, { counts, reject, changedDays, updatedDays });
      } else if (ev.type === 'batch') {
        if (!file) continue;
        opts.onBatch?.(db, ev, file.importId);
        for (const issue of ev.issues) reject(issue);
        counts.skipped += ev.skipped ?? 0;
        // After a bad row a strict import goes on writing (it is rolled back at the end) so that
        // key conflicts further on are found and counted: the error then lists the same bad rows
        // as a --skip-invalid run would reject.
        file.indexes.watch(db, ev.rows);
        const inserted: unknown[][] = (file.batch.inserted = []);
        writeBatch(file.stmts, ev, file.batch);
        if (inserted.length > 0) opts.onInserted?.(db, inserted);
        opts.onProgress?.(ev.bytes);
      } else if (file) {
        counts.rows = ev.rows;
        if (ev.sha256 !== undefined) acceptHash(db, file.importId, ev.sha256, opts);
        if (ev.read) endRead(db, file.importId, ev.read, opts);
      }
    }
    if (!file) throw new Error(`${opts.file}: the file ended before its header`);
    if (opts.strict && bad.count > 0) throw bad.refusal(opts.file);
    file.indexes.build(db);
    opts.beforeCommit?.(db, changedDays, file.importId, updatedDays);
    finishImport(db, file.importId, counts, opts.now());
    db.exec('COMMIT');
    return { ...counts, importId: file.importId };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

/** The start of a file: BEGIN IMMEDIATE, the ledger entry, the first load's indexes, the statements, the kind's onBegin. */
function begin(db: Database.Database, path: string, ev: Extract<WriteEvent, { type: 'start' }>, opts: WriteOptions, batch: Pick<BatchContext, 'counts' | 'reject' | 'changedDays' | 'updatedDays'>): OpenFile {
  db.exec('BEGIN IMMEDIATE');
  // Checked again under the write lock: another process may have imported the same file
  // while this one waited for the lock.
  const done = opts.again || opts.ledger.continues ? undefined : findImport(db, opts.ledger.kind, opts.ledger.sha256);
  if (done) throw new AlreadyImported(done.id);
  const { continues, device, inode } = opts.ledger;
  if (continues) {
    // A continuation of a grown file: unless another process continued the same entry meanwhile.
    const newest = newestOfInode(db, opts.ledger.kind, device as number, inode as number);
    if (newest !== continues) throw new AlreadyImported(newest as number);
  }
  claimTimeZone(db, path, opts.zone);
  const importId = insertImport(db, { ...opts.ledger, encoding: ev.encoding, delimiter: ev.delimiter });
  const dayIndex = ev.columns.indexOf('local_day');
  const indexes = FirstLoadIndexes.defer(db, opts.spec.table, opts.alsoFills ?? [], dayIndex);
  const stmts = prepareStatements(db, opts.spec, ev.columns, ev.present, importId);
  opts.onBegin?.(db, importId);
  const refuse = opts.refuseKeyConflicts ? { file: opts.file, source: opts.keySource } : undefined;
  return { importId, stmts, indexes, batch: { ...batch, importId, columns: ev.columns, key: opts.spec.key, keyHeader: ev.keyHeader, refuse, inserted: [], dayIndex } };
}

/**
 * The bytes the worker parsed are the file: their hash goes into the ledger entry, unless another
 * entry has it (the file was imported meanwhile by another process: AlreadyImported, rolled back).
 */
function acceptHash(db: Database.Database, importId: number, sha256: string, opts: WriteOptions): void {
  if (sha256 === opts.ledger.sha256) return; // the entry has it, checked under the write lock
  // A continuation's hash is of the bytes appended only: not a file's identity (docs/growing-logs.md).
  const prior = opts.again || opts.ledger.continues ? undefined : findImport(db, opts.ledger.kind, sha256);
  if (prior) throw new AlreadyImported(prior.id);
  setImportHash(db, importId, sha256);
}

/** Where the read ended goes into the entry; the entry it continues gives up its profile state (only the newest of a chain keeps one). */
function endRead(db: Database.Database, importId: number, read: ReadEnd, opts: WriteOptions): void {
  endImport(db, importId, { range_end: read.rangeEnd, end_line: read.endLine, head_sha256: read.head, tail_sha256: read.tail, resume_state: read.state });
  if (opts.ledger.continues) dropResumeState(db, opts.ledger.continues);
}
