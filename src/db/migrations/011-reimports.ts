/**
 * Schema 11: the ledger may hold the same file more than once, so that `hotline import --again`
 * can read a file again (for example with a corrected --source-tz, --profile or --mapping). An
 * import without --again still finds the file by its kind and SHA-256 (the newest entry), under
 * the write lock, and reports it as already imported.
 */
export const sql = `
CREATE TABLE imports_11 (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  encoding TEXT NOT NULL,
  delimiter TEXT NOT NULL,
  profile TEXT,
  rows INTEGER NOT NULL DEFAULT 0,
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  os_user TEXT,
  hotline_version TEXT
);
INSERT INTO imports_11 SELECT id, kind, file_name, file_path, sha256, size_bytes, encoding, delimiter, profile, rows, inserted, updated,
  unchanged, rejected, skipped, started_at, finished_at, os_user, hotline_version FROM imports;
DROP TABLE imports;
ALTER TABLE imports_11 RENAME TO imports;
CREATE INDEX imports_by_file ON imports (kind, sha256);
`;
