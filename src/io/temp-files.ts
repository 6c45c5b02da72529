/**
 * The temporary files that reports (`--out`), rejects files and backups are written to before
 * they are renamed into place: `.NAME.PID.tmp` beside the target. A process killed before the
 * rename (SIGKILL, a power cut) cannot remove its own; the next run for the same target removes
 * those of processes that no longer run.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** This process's temporary file for `target`. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
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
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
