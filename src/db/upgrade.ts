/**
 * Runs the schema migrations for a command and turns a migration that fails part-way into a
 * DbStateError (exit 4) naming the migration, the SQLite message and the version the database
 * stays at. Each migration runs in its own IMMEDIATE transaction (migrate.ts), so a failed one
 * leaves no trace: its user_version and schema are as before it.
 */
import type Database from 'better-sqlite3';
import { AppError, DbStateError } from '../errors.js';
import { toDbStateError } from './errors.js';
import { MIGRATIONS, migrate, schemaVersion } from './migrate.js';

/** Brings `db` to the latest schema, or throws a DbStateError saying which migration failed. */
export function upgradeSchema(db: Database.Database, path: string): void {
  try {
    migrate(db, path);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const at = schemaVersion(db);
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    const mapped = toDbStateError(e, path); // busy, read-only, disk full, corrupt: said as such
    if (mapped && (e as { code?: string }).code?.startsWith('SQLITE_READONLY')) {
      throw new DbStateError(`${mapped.message} (needed to upgrade its schema from version ${at} to ${latest})`, { hint: mapped.hint, cause: e });
    }
    if (mapped) throw mapped;
    const failed = MIGRATIONS.find((m) => m.version > at);
    if (!failed) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new DbStateError(`${path}: upgrading the database schema failed at migration ${failed.version} (${failed.name}): ${reason}; the database stays at schema version ${at}, unchanged by that migration`, {
      hint: 'the database holds something this hotline does not expect (a table or index made by hand?): restore a backup copy, or keep using the hotline version that wrote it',
      cause: e,
    });
  }
}
