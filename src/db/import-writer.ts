/**
 * Writes one file's rows in one IMMEDIATE transaction: natural-key upserts with the accounting
 * rows = inserted + updated + unchanged + rejected + skipped, the ledger entry, and all-or-nothing
 * on bad rows (unless the caller accepts rejects).
 */
import type Database from 'better-sqlite3';
import type { KindSpec } from '../domain/kinds.js';
import { InputError, InterruptedError } from '../errors.js';
import type { BadRow, BatchMessage, StartMessage } from '../io/import-protocol.js';
import { findImport, finishImport, insertImport, setImportHash, type ImportCounts, type LedgerStart } from './queries/imports.js';
import { claimTimeZone } from './queries/settings.js';

/** What the writer reads of the parsing worker's messages (src/io/import-protocol.ts), and the end of the file. */
export type WriteEvent =
  | Pick<StartMessage, 'type' | 'encoding' | 'delimiter' | 'columns' | 'present' | 'headers' | 'keyHeader'>
  | (Pick<BatchMessage, 'type' | 'rows' | 'lines' | 'issues' | 'bytes'> & Partial<Pick<BatchMessage, 'skipped' | 'rings'>>)
  /** `sha256`: of the bytes parsed, for the ledger entry (when it differs from the one it began with). */
  | { type: 'end'; rows: number; sha256?: string };

/** What the rows of a batch are, for a kind's hook. */
export type WriteBatch = Extract<WriteEvent, { type: 'batch' }>;

/**
 * What an import of one kind does besides writing its rows, all inside the file's transaction:
 * one object per kind (src/db/import-kinds.ts).
 */
export interface KindHooks {
  /** Other tables the import fills (missed rings): their secondary indexes are deferred too when they are empty. */
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

const MAX_LISTED = 20;

/** Rows in one INSERT (docs/performance.md, "25 rows per INSERT"). */
const CHUNK = 25;

interface Statements {
  insert: Database.Statement;
  /** CHUNK rows in one INSERT. */
  insertChunk: Database.Statement;
  seen: Database.Statement;
  update: Database.Statement;
  lookup: Database.Statement;
  touch: Database.Statement;
  /** The stored local day of a key (kinds with a local day). */
  dayOf?: Database.Statement;
  content: string[];
}

function prepareStatements(db: Database.Database, spec: KindSpec, columns: string[], present: string[], importId: number): Statements {
  const { table, key } = spec;
  // Columns the file does not have keep their stored values when a row is updated.
  const content = present.filter((c) => c !== key);
  const all = [...columns, 'import_id', 'created_import_id', 'seen_import_id', 'seen_line'];
  // The import's id is the same in every row: written into the statement (an integer this code
  // made), it is not bound three times a row.
  if (!Number.isSafeInteger(importId)) throw new Error(`import id ${importId} is not an integer`);
  const tuple = `(${columns.map(() => '?').join(', ')}, ${importId}, ${importId}, ${importId}, ?)`;
  const insert = db.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES ${tuple} ON CONFLICT (${key}) DO NOTHING`);
  const insertChunk = db.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES ${Array(CHUNK).fill(tuple).join(', ')} ON CONFLICT (${key}) DO NOTHING`);
  const seen = db.prepare(`SELECT seen_import_id, seen_line FROM ${table} WHERE ${key} = ?`);
  const update = db.prepare(
    `UPDATE ${table} SET ${content.map((c) => `${c} = @${c}`).join(', ')}, import_id = @import_id, seen_import_id = @import_id, seen_line = @line
     WHERE ${key} = @${key} AND seen_import_id IS NOT @import_id AND (${content.map((c) => `${c} IS NOT @${c}`).join(' OR ')})`,
  );
  const lookup = db.prepare(`SELECT seen_import_id, seen_line, (${content.map((c) => `${c} IS @${c}`).join(' AND ')}) AS same FROM ${table} WHERE ${key} = @${key}`);
  const touch = db.prepare(`UPDATE ${table} SET seen_import_id = ?, seen_line = ? WHERE ${key} = ?`);
  const dayOf = columns.includes('local_day') ? db.prepare(`SELECT local_day FROM ${table} WHERE ${key} = ?`) : undefined;
  return { insert, insertChunk, seen, update, lookup, touch, dayOf, content };
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
 * a first load"). An index led by the local day is the
 * exception when `dayLed` is set: a file in time order adds to it at one end, which costs the
 * writing thread less than the build would cost at the end, when nothing else runs. It is
 * returned in `dayLed`, to be dropped and deferred after all if the rows turn out not to come in
 * day order (DayOrder).
 */
function deferIndexesOnFirstLoad(db: Database.Database, table: string, dayLed: boolean): { deferred: string[]; dayLed: Index[] } {
  if (db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get()) return { deferred: [], dayLed: [] };
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as Index[];
  const led = dayLed ? indexes.filter((ix) => (db.prepare(`SELECT name FROM pragma_index_info(?) WHERE seqno = 0`).pluck().get(ix.name) as string) === 'local_day') : [];
  const deferred = indexes.filter((ix) => !led.includes(ix));
  for (const ix of deferred) db.exec(`DROP INDEX ${ix.name}`);
  return { deferred: deferred.map((ix) => ix.sql), dayLed: led };
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

function describe(issue: BadRow, headers: string[]): string {
  const n = headers.indexOf(issue.column) + 1;
  const col = issue.column ? (n > 0 ? ` column ${n} (${issue.column}):` : ` ${issue.column}:`) : '';
  const value = issue.value && !issue.reason.includes(issue.value) ? ` "${issue.value}":` : '';
  return `  line ${issue.line}:${col}${value} ${issue.reason}${issue.hint ? ` (${issue.hint})` : ''}`;
}

/** Imports the events of one file; throws InputError (and writes nothing) on bad rows when strict. */
export async function writeImport(db: Database.Database, path: string, events: AsyncIterable<WriteEvent>, opts: WriteOptions): Promise<WriteResult> {
  const counts: ImportCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };
  /** The MAX_LISTED bad rows with the lowest lines, in line order (a key conflict is found after the batch's other issues). */
  const listed: { line: number; text: string }[] = [];
  let bad = 0;
  let headers: string[] = [];
  let stmts: Statements | undefined;
  let importId = 0;
  let columns: string[] = [];
  let keyHeader = opts.spec.key;
  let deferredIndexes: string[] = [];
  /** Day-led indexes kept during a first load while the rows come in day order. */
  let dayLed: Index[] = [];
  let dayOrder: DayOrder | undefined;
  /** Index of local_day in a row's values, or -1. */
  let dayIndex = -1;
  const changedDays = new Set<string>();
  const updatedDays = new Set<string>();
  const reject = (issue: BadRow): void => {
    bad++;
    if (listed.length < MAX_LISTED || issue.line < (listed[listed.length - 1] as { line: number }).line) {
      let at = listed.length;
      while (at > 0 && (listed[at - 1] as { line: number }).line > issue.line) at--;
      listed.splice(at, 0, { line: issue.line, text: describe(issue, headers) });
      if (listed.length > MAX_LISTED) listed.pop();
    }
    if (!opts.strict) {
      counts.rejected++;
      opts.onReject?.(issue);
    }
  };
  try {
    for await (const ev of events) {
      if (opts.isInterrupted?.()) throw new InterruptedError('interrupted: nothing was imported from ' + opts.file);
      if (ev.type === 'start') {
        headers = ev.headers;
        keyHeader = ev.keyHeader;
        columns = ev.columns;
        db.exec('BEGIN IMMEDIATE');
        // Checked again under the write lock: another process may have imported the same file
        // while this one waited for the lock.
        const done = opts.again ? undefined : findImport(db, opts.ledger.kind, opts.ledger.sha256);
        if (done) throw new AlreadyImported(done.id);
        claimTimeZone(db, path, opts.zone);
        importId = insertImport(db, { ...opts.ledger, encoding: ev.encoding, delimiter: ev.delimiter });
        dayIndex = columns.indexOf('local_day');
        const first = deferIndexesOnFirstLoad(db, opts.spec.table, KEEP_DAY_INDEX && dayIndex >= 0);
        deferredIndexes = [...first.deferred, ...(opts.alsoFills ?? []).flatMap((t) => deferIndexesOnFirstLoad(db, t, false).deferred)];
        dayLed = first.dayLed;
        if (dayLed.length > 0) dayOrder = new DayOrder(dayIndex);
        stmts = prepareStatements(db, opts.spec, ev.columns, ev.present, importId);
        opts.onBegin?.(db, importId);
      } else if (ev.type === 'batch') {
        opts.onBatch?.(db, ev, importId);
        for (const issue of ev.issues) reject(issue);
        counts.skipped += ev.skipped ?? 0;
        // After a bad row a strict import goes on writing (it is rolled back at the end) so that
        // key conflicts further on are found and counted: the error then lists the same bad rows
        // as a --skip-invalid run would reject.
        if (!stmts) continue;
        if (dayOrder && !dayOrder.add(ev.rows)) {
          for (const ix of dayLed) {
            db.exec(`DROP INDEX ${ix.name}`);
            deferredIndexes.push(ix.sql);
          }
          dayOrder = undefined;
        }
        const inserted: unknown[][] = [];
        writeBatch(stmts, ev, { importId, columns, key: opts.spec.key, keyHeader, counts, reject: (i) => reject(i), refuse: opts.refuseKeyConflicts ? { file: opts.file, source: opts.keySource } : undefined, changedDays, updatedDays, inserted, dayIndex });
        if (inserted.length > 0) opts.onInserted?.(db, inserted);
        opts.onProgress?.(ev.bytes);
      } else {
        counts.rows = ev.rows;
        if (ev.sha256 !== undefined) acceptHash(db, importId, ev.sha256, opts);
      }
    }
    if (opts.strict && bad > 0) {
      throw new InputError(`${opts.file}: ${bad} bad row${bad > 1 ? 's' : ''}; nothing was imported from this file`, {
        details: bad > MAX_LISTED ? [...listed.map((l) => l.text), `  … and ${bad - MAX_LISTED} more`] : listed.map((l) => l.text),
        hint: 'fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
      });
    }
    buildDeferredIndexes(db, deferredIndexes);
    opts.beforeCommit?.(db, changedDays, importId, updatedDays);
    finishImport(db, importId, counts, opts.now());
    db.exec('COMMIT');
    return { ...counts, importId };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

/**
 * The bytes the worker parsed are the file: their hash goes into the ledger entry, unless another
 * entry has it (the file was imported meanwhile by another process: AlreadyImported, rolled back).
 */
function acceptHash(db: Database.Database, importId: number, sha256: string, opts: WriteOptions): void {
  if (sha256 === opts.ledger.sha256) return; // the entry has it, checked under the write lock
  const prior = opts.again ? undefined : findImport(db, opts.ledger.kind, sha256);
  if (prior) throw new AlreadyImported(prior.id);
  setImportHash(db, importId, sha256);
}

interface BatchContext {
  /** Local days of rows inserted or updated (and the former day of an updated row). */
  changedDays: Set<string>;
  /** Local days of updated rows only (and their former days). */
  updatedDays: Set<string>;
  /** Rows this batch inserted. */
  inserted: unknown[][];
  /** Index of local_day in a row's values, or -1. */
  dayIndex: number;
  importId: number;
  columns: string[];
  /** The key's header in the file, for messages. */
  keyHeader: string;
  key: string;
  counts: ImportCounts;
  reject: (issue: BadRow) => void;
  /** Set: a key conflict refuses the file (see WriteOptions.refuseKeyConflicts). */
  refuse?: { file: string; source?: string };
}

function writeBatch(s: Statements, ev: { rows: unknown[][]; lines: number[] }, ctx: BatchContext): void {
  const { importId, counts } = ctx;
  const n = ev.rows.length;
  const width = ctx.columns.length + 1;
  const params = new Array<unknown>(CHUNK * width);
  let i = 0;
  for (; i + CHUNK <= n; i += CHUNK) {
    let p = 0;
    for (let k = i; k < i + CHUNK; k++) {
      const values = ev.rows[k] as unknown[];
      for (let j = 0; j < values.length; j++) params[p++] = values[j];
      params[p++] = ev.lines[k];
    }
    const inserted = s.insertChunk.run(params).changes;
    if (ctx.dayIndex >= 0 && inserted > 0) for (let k = i; k < i + CHUNK; k++) ctx.changedDays.add((ev.rows[k] as unknown[])[ctx.dayIndex] as string);
    if (inserted === CHUNK) {
      counts.inserted += CHUNK;
      for (let k = i; k < i + CHUNK; k++) ctx.inserted.push(ev.rows[k] as unknown[]);
      continue;
    }
    // Some keys were already there: find which rows this chunk inserted (they carry its line).
    const keyIndex = ctx.columns.indexOf(ctx.key);
    for (let k = i; k < i + CHUNK; k++) {
      const values = ev.rows[k] as unknown[];
      const mark = s.seen.get(values[keyIndex]) as { seen_import_id: number; seen_line: number };
      if (mark.seen_import_id === importId && mark.seen_line === ev.lines[k]) {
        counts.inserted++;
        ctx.inserted.push(values);
      } else writeExisting(s, values, ev.lines[k] as number, ctx);
    }
  }
  for (; i < n; i++) {
    const values = ev.rows[i] as unknown[];
    const line = ev.lines[i] as number;
    if (s.insert.run(...values, line).changes === 1) {
      counts.inserted++;
      ctx.inserted.push(values);
      if (ctx.dayIndex >= 0) ctx.changedDays.add(values[ctx.dayIndex] as string);
    } else writeExisting(s, values, line, ctx);
  }
}

/** A key already in the table: updated, unchanged, a duplicate line, or a conflicting line. */
function writeExisting(s: Statements, values: unknown[], line: number, ctx: BatchContext): void {
  const named: Record<string, unknown> = { import_id: ctx.importId, line };
  ctx.columns.forEach((c, j) => (named[c] = values[j]));
  const before = ctx.dayIndex >= 0 ? (s.dayOf?.get(named[ctx.key]) as { local_day: string } | undefined) : undefined;
  if (s.update.run(named).changes === 1) {
    if (before) {
      ctx.changedDays.add(before.local_day);
      ctx.updatedDays.add(before.local_day);
    }
    if (ctx.dayIndex >= 0) {
      ctx.changedDays.add(values[ctx.dayIndex] as string);
      ctx.updatedDays.add(values[ctx.dayIndex] as string);
    }
    return void ctx.counts.updated++;
  }
  const lookupParams = Object.fromEntries([ctx.key, ...s.content].map((c) => [c, named[c]]));
  const prior = s.lookup.get(lookupParams) as { seen_import_id: number; seen_line: number; same: number };
  const keyValue = String(named[ctx.key]);
  if (prior.seen_import_id !== ctx.importId) {
    ctx.counts.unchanged++;
    s.touch.run(ctx.importId, line, named[ctx.key]);
  } else if (prior.same) {
    ctx.counts.skipped++;
  } else if (ctx.refuse) {
    throw new InputError(`${ctx.refuse.file}: ${ctx.key} is not unique: lines ${prior.seen_line} and ${line} both have ${ctx.key} ${keyValue} with different content; nothing was imported from this file`, {
      hint: `${ctx.refuse.source ?? ctx.key} must identify one row: build it from more columns (e.g. "columns": ["line", "call_id"], "join": "-")`,
    });
  } else {
    ctx.reject({ line, column: ctx.keyHeader, value: keyValue, reason: `${ctx.key} ${keyValue} is also on line ${prior.seen_line} with different content`, hint: 'keep one of the two lines', record: [] });
  }
}
