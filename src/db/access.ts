/**
 * What SQLite must be able to write for a WAL database, and what this user cannot: the database
 * file, its `-wal` and `-shm` files, and the directory they are created in. Used to say exactly
 * what is read-only instead of SQLite's "attempt to write a readonly database". As root every
 * check passes except on a read-only file system (EROFS).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DbStateError } from '../errors.js';
import { osUser } from '../os-user.js';

export type PartKind = 'database file' | 'directory' | 'WAL file' | 'shared-memory file';

export interface Unwritable {
  what: PartKind;
  path: string;
  /** The errno code access(2) gave: EACCES, EPERM or EROFS. */
  code: string;
}

function denied(path: string, mode: number): string | undefined {
  try {
    accessSync(path, mode);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** The parts of the database at `path` that exist (or must be created) and that this user cannot write. */
export function unwritableParts(path: string): Unwritable[] {
  if (path === ':memory:' || path === '') return [];
  const parts: Unwritable[] = [];
  const dir = resolve(dirname(path));
  const check = (what: PartKind, p: string, mode: number): void => {
    if (!existsSync(p)) return;
    const code = denied(p, mode);
    if (code) parts.push({ what, path: p, code });
  };
  check('database file', path, constants.W_OK);
  check('directory', dir, constants.W_OK | constants.X_OK);
  check('WAL file', `${path}-wal`, constants.W_OK);
  check('shared-memory file', `${path}-shm`, constants.W_OK);
  return parts;
}

/** The DbStateError for a database this user cannot write, naming every part that is read-only. */
export function readOnlyError(path: string, parts: Unwritable[], cause?: unknown): DbStateError {
  const user = osUser() ?? `uid ${process.getuid?.() ?? '?'}`;
  const named = parts.map((p) => `the ${p.what} ${p.path}${p.code === 'EROFS' ? ' (read-only file system)' : ''}`).join(', ');
  const base = basename(path);
  let hint: string;
  if (parts.some((p) => p.what === 'directory')) {
    hint = `SQLite creates ${base}-wal and ${base}-shm next to the database, so even a report needs a writable directory: give user ${user} write access to it, or copy the database to a directory user ${user} can write`;
  } else if (parts.some((p) => p.what !== 'database file')) {
    hint = `a run that could not write left it behind: give user ${user} write access to it (chown or chmod); when no hotline is running, an -shm file may also be deleted (never a -wal file that is not empty)`;
  } else {
    hint = `reports can still read it; to import, run as the file's owner or give user ${user} write access (chown or chmod u+w)`;
  }
  return new DbStateError(`${path}: the database is read-only for user ${user}: cannot write ${named}`, { hint, cause });
}
