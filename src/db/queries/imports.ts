/** The import ledger: one row per imported file. */
import type Database from 'better-sqlite3';

export interface LedgerStart {
  kind: string;
  file_name: string;
  file_path: string;
  sha256: string;
  size_bytes: number;
  encoding: string;
  delimiter: string;
  profile: string | null;
  started_at: number;
  os_user: string | null;
  hotline_version: string;
}

export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
}

export interface LedgerRow extends LedgerStart, ImportCounts {
  id: number;
  finished_at: number | null;
}

/** The newest ledger entry of a file already imported as `kind` (--again adds more), if any. */
export function findImport(db: Database.Database, kind: string, sha256: string): LedgerRow | undefined {
  return db.prepare('SELECT * FROM imports WHERE kind = ? AND sha256 = ? ORDER BY id DESC LIMIT 1').get(kind, sha256) as LedgerRow | undefined;
}

/** Whether the ledger has a file of `kind` of exactly `size` bytes (only such a file can be one already imported). */
export function hasImportOfSize(db: Database.Database, kind: string, size: number): boolean {
  return db.prepare('SELECT 1 FROM imports WHERE kind = ? AND size_bytes = ? LIMIT 1').get(kind, size) !== undefined;
}

/** Sets the SHA-256 of a ledger entry started before the file was read to the end (inside the import's transaction). */
export function setImportHash(db: Database.Database, id: number, sha256: string): void {
  db.prepare('UPDATE imports SET sha256 = ? WHERE id = ?').run(sha256, id);
}

/** Starts a ledger entry (inside the import's transaction) and returns its id. */
export function insertImport(db: Database.Database, row: LedgerStart): number {
  const info = db
    .prepare(`INSERT INTO imports (kind, file_name, file_path, sha256, size_bytes, encoding, delimiter, profile, started_at, os_user, hotline_version)
              VALUES (@kind, @file_name, @file_path, @sha256, @size_bytes, @encoding, @delimiter, @profile, @started_at, @os_user, @hotline_version)`)
    .run(row);
  return Number(info.lastInsertRowid);
}

/** Records the final counts of an import. */
export function finishImport(db: Database.Database, id: number, counts: ImportCounts, finishedAt: number): void {
  db.prepare(`UPDATE imports SET rows = @rows, inserted = @inserted, updated = @updated, unchanged = @unchanged,
              rejected = @rejected, skipped = @skipped, finished_at = @finished_at WHERE id = @id`)
    .run({ ...counts, finished_at: finishedAt, id });
}

/** The ledger, newest first. */
export function listImports(db: Database.Database, opts: { kind?: string; limit?: number }): LedgerRow[] {
  return db
    .prepare(`SELECT * FROM imports WHERE (@kind IS NULL OR kind = @kind) ORDER BY id DESC LIMIT @limit`)
    .all({ kind: opts.kind ?? null, limit: opts.limit ?? -1 }) as LedgerRow[];
}
