/** The actions of `db check` and `db backup`. */
import { existsSync, renameSync, rmSync, chmodSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { resolveDbPath } from '../../db/path.js';
import { backupDatabase, checkDatabase, settleBackupCopy, type CheckItem } from '../../db/health.js';
import { notHotlineError, schemaKind } from '../../db/schema-kind.js';
import { DbStateError } from '../../errors.js';
import { checkTable } from '../../app/db-check.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';
import { createTempDir, removeStaleTemps } from '../../io/temp-files.js';
import { checkOutputTarget } from '../../io/output.js';
import { protectDatabase } from '../../io/protected-files.js';

export type CheckFlags = OutputFlags & { full?: boolean };

function openExisting(globals: GlobalOptions, rt: Runtime, readonly: boolean): { db: Database.Database; path: string } {
  const path = resolveDbPath(globals.db, rt.env);
  if (!existsSync(path)) throw new DbStateError(`${path}: no database here`, { hint: 'point --db or $HOTLINE_DB at your database' });
  try {
    const db = new Database(path, { readonly, fileMustExist: true, timeout: Math.round((globals.busyTimeout ?? 5) * 1000) });
    return { db, path };
  } catch (e) {
    throw new DbStateError(`${path}: cannot open: ${(e as Error).message}`, { hint: 'restore it from a backup copy' });
  }
}

export async function runCheck(flags: CheckFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { db, path } = openExisting(globals, rt, false);
  let items: CheckItem[];
  try {
    items = checkDatabase(db, path, { full: flags.full ?? false });
  } finally {
    db.close();
  }
  await emitReport(checkTable(items), flags, rt);
  const errors = items.filter((i) => i.level === 'error');
  if (errors.length > 0) throw new DbStateError(`${path}: ${errors.map((e) => `${e.check} failed`).join(', ')}`, { hint: 'restore it from a backup copy (hotline db backup makes them); imports refuse this database' });
  say(rt, `${path}: ${items.some((i) => i.level === 'warning') ? 'usable, with warnings' : 'ok'}`);
}

/** A full disk (or quota) while writing the backup is the target's, not the database's: said so. */
function targetFull(e: unknown, target: string, source: string): DbStateError | undefined {
  const code = (e as { code?: unknown }).code;
  if (code !== 'SQLITE_FULL' && code !== 'ENOSPC' && code !== 'EDQUOT') return undefined;
  return new DbStateError(`${target}: disk full: the backup was not written (${source} is unchanged)`, { hint: 'free disk space where the backup goes, or back up to another disk', cause: e });
}

export async function runBackup(target: string, flags: { force?: boolean }, globals: GlobalOptions, rt: Runtime): Promise<void> {
  protectDatabase(resolveDbPath(globals.db, rt.env));
  checkOutputTarget(target, flags.force ?? false, 'file');
  const { db, path } = openExisting(globals, rt, false);
  let dir: string | undefined;
  try {
    const found = schemaKind(db);
    if (found.kind !== 'hotline') throw notHotlineError(path, found, statSync(path).size);
    for (const name of removeStaleTemps(target)) say(rt, `removed ${name}, an unfinished backup of an earlier run that was stopped`);
    // SQLite writes the copy, and a -journal beside it, itself: both go into a directory of this
    // process's (mode 0700, created exclusively), so no link planted beside the target can
    // redirect them and no other user can read the copy before it is complete.
    dir = createTempDir(target);
    const tmp = join(dir, basename(target));
    await backupDatabase(db, tmp);
    chmodSync(tmp, 0o600);
    settleBackupCopy(tmp, path);
    renameSync(tmp, target);
    say(rt, `backed up ${path} to ${target} (quick_check ok)`);
  } catch (e) {
    throw targetFull(e, target, path) ?? e;
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    db.close();
  }
}
