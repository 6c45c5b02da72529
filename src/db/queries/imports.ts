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
  /** The file's identity and where the read began (0 for a whole read), and the entry it continues (issue 23). */
  device?: number | null;
  inode?: number | null;
  range_start?: number;
  continues?: number | null;
}

export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
}

/**
 * Where a read ended (docs/growing-logs.md): the bytes read up to `range_end`, the physical lines
 * before it (null when it is not at a line end: nothing can continue from there), the hashes of
 * the file's first block and of the last block read, and a profile's state there (JSON).
 */
export interface LedgerEnd {
  range_end: number;
  end_line: number | null;
  head_sha256: string;
  tail_sha256: string;
  resume_state: string | null;
}

export interface LedgerRow extends LedgerStart, ImportCounts, Partial<Nullable<LedgerEnd>> {
  id: number;
  finished_at: number | null;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** A whole read, or an entry of a version before schema 13 (no range): only such an entry is a file's identity by its SHA-256. */
const WHOLE = 'COALESCE(range_start, 0) = 0';

/** The newest ledger entry of a file already imported as `kind` (--again adds more), if any. */
export function findImport(db: Database.Database, kind: string, sha256: string): LedgerRow | undefined {
  return db.prepare(`SELECT * FROM imports WHERE kind = ? AND sha256 = ? AND ${WHOLE} ORDER BY id DESC LIMIT 1`).get(kind, sha256) as LedgerRow | undefined;
}

/** Whether the ledger has a file of `kind` of exactly `size` bytes (only such a file can be one already imported). */
export function hasImportOfSize(db: Database.Database, kind: string, size: number): boolean {
  return db.prepare(`SELECT 1 FROM imports WHERE kind = ? AND size_bytes = ? AND ${WHOLE} LIMIT 1`).get(kind, size) !== undefined;
}

/** Sets the SHA-256 of a ledger entry started before the file was read to the end (inside the import's transaction). */
export function setImportHash(db: Database.Database, id: number, sha256: string): void {
  db.prepare('UPDATE imports SET sha256 = ? WHERE id = ?').run(sha256, id);
}

/** Starts a ledger entry (inside the import's transaction) and returns its id. */
export function insertImport(db: Database.Database, row: LedgerStart): number {
  const info = db
    .prepare(`INSERT INTO imports (kind, file_name, file_path, sha256, size_bytes, encoding, delimiter, profile, started_at, os_user, hotline_version, device, inode, range_start, continues)
              VALUES (@kind, @file_name, @file_path, @sha256, @size_bytes, @encoding, @delimiter, @profile, @started_at, @os_user, @hotline_version, @device, @inode, @range_start, @continues)`)
    .run({ ...row, device: row.device ?? null, inode: row.inode ?? null, range_start: row.range_start ?? 0, continues: row.continues ?? null });
  return Number(info.lastInsertRowid);
}

/** Records the final counts of an import. */
export function finishImport(db: Database.Database, id: number, counts: ImportCounts, finishedAt: number): void {
  db.prepare(`UPDATE imports SET rows = @rows, inserted = @inserted, updated = @updated, unchanged = @unchanged,
              rejected = @rejected, skipped = @skipped, finished_at = @finished_at WHERE id = @id`)
    .run({ ...counts, finished_at: finishedAt, id });
}

/** Records where the read of an import ended (inside its transaction). */
export function endImport(db: Database.Database, id: number, end: LedgerEnd): void {
  db.prepare(`UPDATE imports SET range_end = @range_end, end_line = @end_line, head_sha256 = @head_sha256, tail_sha256 = @tail_sha256,
              resume_state = @resume_state WHERE id = @id`).run({ ...end, id });
}

/**
 * The newest entry of `kind` for the file with this device and inode, and the newest for this
 * path (which may be another file: the log was rotated), among entries that recorded them.
 */
export function newestOfFile(db: Database.Database, kind: string, file: { device: number; inode: number; path: string }): { byInode?: LedgerRow; byPath?: LedgerRow } {
  const byInode = db.prepare('SELECT * FROM imports WHERE kind = ? AND inode = ? AND device = ? ORDER BY id DESC LIMIT 1').get(kind, file.inode, file.device) as LedgerRow | undefined;
  const byPath = db.prepare('SELECT * FROM imports WHERE kind = ? AND file_path = ? AND inode IS NOT NULL ORDER BY id DESC LIMIT 1').get(kind, file.path) as LedgerRow | undefined;
  return { byInode, byPath };
}

/** The newest entry of `kind` for the file with this device and inode (under the write lock: has another import continued it?). */
export function newestOfInode(db: Database.Database, kind: string, device: number, inode: number): number | undefined {
  return db.prepare('SELECT id FROM imports WHERE kind = ? AND inode = ? AND device = ? ORDER BY id DESC LIMIT 1').pluck().get(kind, inode, device) as number | undefined;
}

/** The profile state an entry keeps (the newest of a chain), or null. */
export function resumeStateOf(db: Database.Database, id: number): string | null {
  return (db.prepare('SELECT resume_state FROM imports WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}

/** Drops the profile state of an entry once another continues it: only the newest entry of a chain keeps one. */
export function dropResumeState(db: Database.Database, id: number): void {
  db.prepare('UPDATE imports SET resume_state = NULL WHERE id = ?').run(id);
}

/** The ledger, newest first. */
export function listImports(db: Database.Database, opts: { kind?: string; limit?: number }): LedgerRow[] {
  return db
    .prepare(`SELECT id, kind, file_name, file_path, sha256, size_bytes, encoding, delimiter, profile, rows, inserted, updated, unchanged, rejected, skipped,
              started_at, finished_at, os_user, hotline_version, range_start, range_end, continues
              FROM imports WHERE (@kind IS NULL OR kind = @kind) ORDER BY id DESC LIMIT @limit`)
    .all({ kind: opts.kind ?? null, limit: opts.limit ?? -1 }) as LedgerRow[];
}
