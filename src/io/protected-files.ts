/**
 * The files a command must never replace with what it writes (--out, --rejects, a backup): the
 * database with its -wal, -shm and -journal, and every file the command reads (the input files,
 * the policy, a mapping, company calendars). Each is registered when the command learns of it;
 * an output target is refused when it is the same file after following links (same device and
 * inode: a symlink or a hard link to it), or, for a file that is not there yet, the same path.
 *
 * The registry is per thread: the import thread registers its database and inputs itself.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** path as registered → how messages name it ("the database", "the input file" …). */
const registry = new Map<string, string>();

/** Registers a file the command reads or keeps its data in: outputs may not replace it. */
export function protectFile(path: string, what: string): void {
  if (path === '' || path === ':memory:' || registry.has(path)) return;
  registry.set(path, what);
}

/** Forgets every registered file: a new run of the command line in the same process starts afresh. */
export function forgetProtectedFiles(): void {
  registry.clear();
}

/** Registers the database at `path` and the files SQLite keeps beside it. */
export function protectDatabase(path: string): void {
  protectFile(path, 'the database');
  protectFile(`${path}-wal`, "the database's WAL file");
  protectFile(`${path}-shm`, "the database's shared-memory file");
  protectFile(`${path}-journal`, "the database's journal");
}

/** The absolute path with every link resolved, as far as the path exists (the rest appended). */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(resolve(path));
    return parent === resolve(path) ? parent : join(canonical(parent), basename(path));
  }
}

function identity(path: string): { dev: number; ino: number } | undefined {
  try {
    const st = statSync(path);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return undefined;
  }
}

/** The registered file that `target` is, if any: [its path as registered, how it is named]. */
export function protectedMatch(target: string): [string, string] | undefined {
  const id = identity(target);
  const path = canonical(target);
  for (const [p, what] of registry) {
    const other = identity(p);
    if (id && other && id.dev === other.dev && id.ino === other.ino) return [p, what];
    if (canonical(p) === path) return [p, what];
  }
  return undefined;
}

/** Refuses (exit 2) an output target that is the database, one of its files, or an input of the command. */
export function refuseProtected(target: string): void {
  const match = protectedMatch(target);
  if (!match) return;
  const [path, what] = match;
  throw new UsageError(`${target}: the same file as ${what} ${path}; hotline never writes an output over it`, {
    hint: 'choose another file to write to',
  });
}
