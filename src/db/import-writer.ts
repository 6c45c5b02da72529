/**
 * Writes one file's rows in one IMMEDIATE transaction: natural-key upserts with the accounting
 * rows = inserted + updated + unchanged + rejected + skipped, the ledger entry, and all-or-nothing
 * on bad rows (unless the caller accepts rejects).
 */
import type Database from 'better-sqlite3';
import type { KindSpec } from '../domain/kinds.js';
import { InputError, InterruptedError } from '../errors.js';
import { finishImport, insertImport, type ImportCounts, type LedgerStart } from './queries/imports.js';
import { claimTimeZone } from './queries/settings.js';

export interface WriteIssue {
  line: number;
  column: string;
  value: string;
  reason: string;
  hint?: string;
  record: string[];
}

export type WriteEvent =
  | { type: 'start'; encoding: string; delimiter: string; columns: string[]; headers: string[] }
  | { type: 'batch'; rows: unknown[][]; lines: number[]; issues: WriteIssue[]; bytes: number }
  | { type: 'end'; rows: number };

export interface WriteOptions {
  spec: KindSpec;
  file: string;
  ledger: Omit<LedgerStart, 'encoding' | 'delimiter'>;
  zone: string;
  /** Default true: one bad row and nothing is written. */
  strict: boolean;
  onReject?: (issue: WriteIssue) => void;
  onProgress?: (bytes: number) => void;
  isInterrupted?: () => boolean;
  now: () => number;
}

export interface WriteResult extends ImportCounts {
  importId: number;
}

const MAX_LISTED = 20;

interface Statements {
  upsert: Database.Statement;
  lookup: Database.Statement;
  touch: Database.Statement;
}

function prepareStatements(db: Database.Database, spec: KindSpec, columns: string[]): Statements {
  const { table, key } = spec;
  const content = columns.filter((c) => c !== key);
  const all = [...columns, 'import_id', 'created_import_id', 'seen_import_id', 'seen_line'];
  const upsert = db.prepare(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})
     ON CONFLICT (${key}) DO UPDATE SET ${[...content, 'import_id', 'seen_import_id', 'seen_line'].map((c) => `${c} = excluded.${c}`).join(', ')}
     WHERE ${table}.seen_import_id IS NOT excluded.seen_import_id AND (${content.map((c) => `${table}.${c} IS NOT excluded.${c}`).join(' OR ')})
     RETURNING created_import_id`,
  );
  const lookup = db.prepare(
    `SELECT seen_import_id, seen_line, (${content.map((c) => `${c} IS ?`).join(' AND ')}) AS same FROM ${table} WHERE ${key} = ?`,
  );
  const touch = db.prepare(`UPDATE ${table} SET seen_import_id = ?, seen_line = ? WHERE ${key} = ?`);
  return { upsert, lookup, touch };
}

function describe(issue: WriteIssue, headers: string[]): string {
  const col = issue.column ? ` column ${headers.indexOf(issue.column) + 1 || '?'} (${issue.column}):` : '';
  return `  line ${issue.line}:${col} ${issue.reason}${issue.hint ? ` (${issue.hint})` : ''}`;
}

/** Imports the events of one file; throws InputError (and writes nothing) on bad rows when strict. */
export async function writeImport(db: Database.Database, path: string, events: AsyncIterable<WriteEvent>, opts: WriteOptions): Promise<WriteResult> {
  const counts: ImportCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };
  const listed: string[] = [];
  let bad = 0;
  let headers: string[] = [];
  let stmts: Statements | undefined;
  let importId = 0;
  let keyIndex = 0;
  const reject = (issue: WriteIssue): void => {
    bad++;
    if (listed.length < MAX_LISTED) listed.push(describe(issue, headers));
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
        stmts = prepareStatements(db, opts.spec, ev.columns);
        keyIndex = ev.columns.indexOf(opts.spec.key);
        db.exec('BEGIN IMMEDIATE');
        claimTimeZone(db, path, opts.zone);
        importId = insertImport(db, { ...opts.ledger, encoding: ev.encoding, delimiter: ev.delimiter });
      } else if (ev.type === 'batch') {
        for (const issue of ev.issues) reject(issue);
        if (!stmts || (opts.strict && bad > 0)) continue;
        writeBatch(stmts, ev, { importId, keyIndex, key: opts.spec.key, counts, reject: (i) => reject(i) });
        opts.onProgress?.(ev.bytes);
      } else {
        counts.rows = ev.rows;
      }
    }
    if (opts.strict && bad > 0) {
      throw new InputError(`${opts.file}: ${bad} bad row${bad > 1 ? 's' : ''}; nothing was imported from this file`, {
        details: bad > MAX_LISTED ? [...listed, `  … and ${bad - MAX_LISTED} more`] : listed,
        hint: 'fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
      });
    }
    finishImport(db, importId, counts, opts.now());
    db.exec('COMMIT');
    return { ...counts, importId };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

interface BatchContext {
  importId: number;
  keyIndex: number;
  key: string;
  counts: ImportCounts;
  reject: (issue: WriteIssue) => void;
}

function writeBatch(s: Statements, ev: { rows: unknown[][]; lines: number[] }, ctx: BatchContext): void {
  const { importId, keyIndex, counts } = ctx;
  for (let i = 0; i < ev.rows.length; i++) {
    const values = ev.rows[i] as unknown[];
    const line = ev.lines[i] as number;
    const changed = s.upsert.get(...values, importId, importId, importId, line) as { created_import_id: number } | undefined;
    if (changed) {
      if (changed.created_import_id === importId) counts.inserted++;
      else counts.updated++;
      continue;
    }
    const keyValue = values[keyIndex];
    const content = values.filter((_, j) => j !== keyIndex);
    const prior = s.lookup.get(...content, keyValue) as { seen_import_id: number; seen_line: number; same: number };
    if (prior.seen_import_id !== importId) {
      counts.unchanged++;
      s.touch.run(importId, line, keyValue);
    } else if (prior.same) {
      counts.skipped++;
    } else {
      ctx.reject({ line, column: ctx.key, value: String(keyValue), reason: `${ctx.key} ${String(keyValue)} is also on line ${prior.seen_line} with different content`, hint: 'keep one of the two lines', record: [] });
    }
  }
}
