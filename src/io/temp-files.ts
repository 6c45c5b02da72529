/**
 * The temporary files that reports (`--out`), rejects files and backups are written to before
 * they are renamed into place: `.NAME.PID.tmp` beside the target. A process killed before the
 * rename (SIGKILL, a power cut) cannot remove its own; the next run for the same target removes
 * those of processes that no longer run.
 *
 * Each is created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW): whatever is already at that name (a
 * symbolic link planted to redirect customer data elsewhere, a file of another run) is refused,
 * never written through. A backup, which SQLite writes itself (with a -journal beside it), goes
 * into a private directory (mode 0700) made the same way.
 */
import { constants, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DbStateError } from '../errors.js';

/** This process's temporary file for `target`. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** The refusal when something is already at this process's temporary name. */
function occupied(path: string, cause: unknown): DbStateError {
  return new DbStateError(`${path}: something is already at hotline's temporary file name (a planted link?); nothing was written through it`, {
    hint: 'remove it and run the command again',
    cause,
  });
}

/** Creates this process's temporary file for `target`, exclusively, with `mode`; returns its path and an fd open for writing. */
export function createTempFile(target: string, mode: number): { path: string; fd: number } {
  const path = tempPathFor(target);
  try {
    return { path, fd: openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ELOOP') throw occupied(path, e);
    throw e;
  }
}

/** Creates this process's temporary directory for `target` (mode 0700: only this user may enter), exclusively; returns its path. */
export function createTempDir(target: string): string {
  const path = tempPathFor(target);
  try {
    mkdirSync(path, { mode: 0o700 });
    return path;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw occupied(path, e);
    throw e;
  }
}

/** Whether a process with this id runs (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files for `target` (and a copy's -journal, -wal and -shm) left by
 * processes that no longer run; returns their names. A file whose process id now belongs to
 * another running process is left alone.
 */
export function removeStaleTemps(target: string): string[] {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.tmp(?:-journal|-wal|-shm)?$/.exec(name.slice(prefix.length));
    const pid = Number(m?.[1]);
    if (!m || !Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || running(pid)) continue;
    rmSync(join(dir, name), { force: true, recursive: true }); // a backup's is a directory; a link is removed, not followed
    removed.push(name);
  }
  return removed;
}
