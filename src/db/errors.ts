/** Turns SQLite failures into DbStateError messages a supervisor can act on. */
import { dirname, resolve } from 'node:path';
import { DbStateError } from '../errors.js';
import { readOnlyError, unwritableParts } from './access.js';

/** better-sqlite3's SqliteError, recognised without loading the native module (fast startup). */
function sqliteCode(e: unknown): string | undefined {
  const code = e instanceof Error && e.name === 'SqliteError' ? (e as unknown as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** A DbStateError for a SqliteError, or undefined when `e` is something else. */
export function toDbStateError(e: unknown, path: string): DbStateError | undefined {
  const code = sqliteCode(e);
  if (code === undefined) return undefined;
  if (code.startsWith('SQLITE_BUSY')) {
    return new DbStateError(`${path}: database busy: another hotline process is writing`, {
      hint: 'retry in a moment, or wait longer with --busy-timeout SECONDS',
      cause: e,
    });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    const parts = unwritableParts(path);
    if (parts.length === 0 && code === 'SQLITE_READONLY_DIRECTORY') parts.push({ what: 'directory', path: resolve(dirname(path)), code: 'EACCES' });
    if (parts.length > 0) return readOnlyError(path, parts, e);
    return new DbStateError(`${path}: the database is read-only (${code})`, { hint: 'check the file and directory permissions, or copy it somewhere writable', cause: e });
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DbStateError(`${path}: the database file is corrupt or not a hotline database (${code})`, {
      hint: 'restore it from a backup copy; nothing was written',
      cause: e,
    });
  }
  if (code === 'SQLITE_FULL') {
    return new DbStateError(`${path}: disk full: nothing was written`, { hint: 'free disk space and run the command again', cause: e });
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DbStateError(`${path}: cannot open the database (${code})`, { hint: 'check that the directory exists and is writable', cause: e });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new DbStateError(`${path}: I/O error (${code}): nothing was written`, { hint: 'check the disk and free space', cause: e });
  }
  return undefined;
}
