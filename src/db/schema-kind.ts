/**
 * Is the SQLite file at --db hotline's? Checked when a database is opened, before anything is
 * written to it (no page size, no WAL switch, no migration): another application's database
 * (tables, views or a user_version, but not hotline's ledger and settings) is refused and left
 * exactly as it was; a database with nothing in it (0 bytes, or an SQLite header and no tables,
 * as a first import leaves it when it fails on a full disk) is given the schema only by a
 * command that may create one (an import, the demo), never by a report.
 */
import type Database from 'better-sqlite3';
import { DbStateError } from '../errors.js';
import { schemaVersion } from './migrate.js';

export type SchemaKind =
  /** hotline's schema (any version: older ones are upgraded, newer refused by migrate). */
  | { kind: 'hotline' }
  /** Nothing in it yet: no table, view or index, user_version 0. */
  | { kind: 'empty' }
  /** Something else: the names of what it holds. */
  | { kind: 'foreign'; names: string[] };

/** What the database holds (one read of sqlite_schema and user_version). */
export function schemaKind(db: Database.Database): SchemaKind {
  const names = db.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND type IN ('table', 'view') ORDER BY name").pluck().all() as string[];
  const version = schemaVersion(db);
  const anything = names.length > 0 || (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) > 0;
  if (!anything && version === 0) return { kind: 'empty' };
  if (version >= 1 && names.includes('imports') && names.includes('settings')) return { kind: 'hotline' };
  return { kind: 'foreign', names };
}

const EMPTY_HINT = 'while a first import is still creating the tables the file looks like this (try again once it has finished); a first import that failed (e.g. on a full disk) leaves such a file: import again once it can succeed (that creates the tables), or point --db / $HOTLINE_DB at your database';

/** The refusal of a database that is not hotline's (foreign), or has no schema yet (empty) where none may be created. */
export function notHotlineError(path: string, found: SchemaKind, sizeBytes: number): DbStateError {
  if (found.kind === 'foreign') {
    const shown = found.names.slice(0, 5).join(', ') + (found.names.length > 5 ? `, … (${found.names.length} in all)` : '');
    const holds = found.names.length > 0 ? `it holds other tables (${shown}) and not hotline's` : "it has a schema version but not hotline's tables";
    return new DbStateError(`${path}: not a hotline database: ${holds}; nothing was changed`, {
      hint: 'check --db / $HOTLINE_DB: hotline never adds its tables to another application\'s database',
    });
  }
  if (sizeBytes === 0) return new DbStateError(`${path}: not a hotline database: an empty file (0 bytes)`, { hint: EMPTY_HINT });
  return new DbStateError(`${path}: not a hotline database yet: an SQLite file with no tables`, { hint: EMPTY_HINT });
}
