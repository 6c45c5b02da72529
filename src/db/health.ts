/**
 * The database's health: integrity, schema version, WAL state, file permissions, file system,
 * ledger consistency; and an online backup through SQLite's backup API (safe while another
 * process writes).
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DbStateError } from '../errors.js';
import { toDbStateError } from './errors.js';
import { networkShareWarning } from './filesystem.js';
import { SCHEMA_VERSION, schemaVersion } from './migrate.js';
import { notHotlineError, schemaKind } from './schema-kind.js';

export type CheckLevel = 'ok' | 'warning' | 'error';

export interface CheckItem {
  check: string;
  level: CheckLevel;
  detail: string;
}

/**
 * Runs every check; never throws for a damaged file (that is an 'error' item), only for a database
 * this user cannot open at all (read-only directory, busy, disk full), which is not damage, and
 * for a sound SQLite file that is not a hotline database (another application's, or empty).
 * `db` must not have been read yet: its first read creates the -wal file this checks for.
 */
export function checkDatabase(db: Database.Database, path: string, opts: { full: boolean }): CheckItem[] {
  const items: CheckItem[] = [];
  const add = (check: string, level: CheckLevel, detail: string): void => void items.push({ check, level, detail });
  // Before the first query: opening a WAL database creates an empty -wal, hiding a lost one.
  const wal = path !== ':memory:' && existsSync(`${path}-wal`);
  const shm = path !== ':memory:' && existsSync(`${path}-shm`);
  try {
    const rows = db.pragma(opts.full ? 'integrity_check' : 'quick_check') as Record<string, string>[];
    const msgs = rows.map((r) => Object.values(r)[0] as string);
    if (msgs.length === 1 && msgs[0] === 'ok') add(opts.full ? 'integrity_check' : 'quick_check', 'ok', 'ok');
    else add(opts.full ? 'integrity_check' : 'quick_check', 'error', msgs.slice(0, 5).join('; '));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const state = toDbStateError(e, path);
    if (state && typeof code === 'string' && !code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB') throw state;
    add('quick_check', 'error', (e as Error).message);
    return items;
  }
  // Not damage, and nothing else to check: another application's file, or one with no schema.
  const found = schemaKind(db);
  if (found.kind !== 'hotline') throw notHotlineError(path, found, path === ':memory:' ? 0 : statSync(path).size);
  const version = schemaVersion(db);
  add('schema', version === SCHEMA_VERSION ? 'ok' : 'warning', `version ${version} (this hotline: ${SCHEMA_VERSION})`);
  const mode = db.pragma('journal_mode', { simple: true }) as string;
  add('journal_mode', mode === 'wal' ? 'ok' : 'warning', mode);
  if (path !== ':memory:') {
    if (!wal && shm) add('wal', 'warning', 'a -shm file without its -wal: the WAL was deleted after a crash; changes not yet checkpointed are lost (restore from a backup if data is missing)');
    else add('wal', 'ok', wal ? `WAL file present (${statSync(`${path}-wal`).size} bytes)` : 'no WAL file');
    const perm = statSync(path).mode & 0o777;
    add('permissions', perm & 0o077 ? 'warning' : 'ok', `mode ${perm.toString(8).padStart(4, '0')}${perm & 0o077 ? ': others can read customer data; chmod 600' : ''}`);
    const share = networkShareWarning(path);
    add('filesystem', share ? 'warning' : 'ok', share ? share.replace(/^warning: /, '') : 'not a network share');
  }
  add('ledger', ...ledgerCheck(db));
  return items;
}

/** Every import in the ledger whose rows are all gone is suspicious (rows deleted by hand?). */
function ledgerCheck(db: Database.Database): [CheckLevel, string] {
  const imports = db.prepare("SELECT id, kind, inserted + updated AS wrote FROM imports WHERE finished_at IS NOT NULL AND kind IN ('operators', 'calls', 'orders', 'leave', 'tickets', 'evaluations', 'trainings', 'attendance', 'presence')").all() as { id: number; kind: string; wrote: number }[];
  const missing: string[] = [];
  for (const i of imports) {
    if (i.wrote === 0) continue;
    const present = db.prepare(`SELECT count(*) FROM ${i.kind} WHERE import_id = ? OR created_import_id = ? OR seen_import_id = ?`).pluck().get(i.id, i.id, i.id) as number;
    if (present === 0) missing.push(`#${i.id} (${i.kind}, ${i.wrote} rows written, none left)`);
  }
  const stray = (['calls', 'orders', 'operators'] as const).map((t) => db.prepare(`SELECT count(*) FROM ${t} WHERE import_id NOT IN (SELECT id FROM imports)`).pluck().get() as number).reduce((a, b) => a + b, 0);
  if (missing.length > 0 || stray > 0) return ['warning', [missing.length ? `imports with no rows left: ${missing.join(', ')}` : '', stray ? `${stray} rows name an import not in the ledger` : ''].filter(Boolean).join('; ')];
  return ['ok', `${imports.length} imports, every one with its rows`];
}

/** Copies the live database to `target` with SQLite's online backup (restarts if another process writes). */
export async function backupDatabase(db: Database.Database, target: string): Promise<void> {
  await db.backup(target);
}

/**
 * Makes a backup copy one file that passes its quick check: rollback-journal mode, so that
 * checking it leaves no -wal or -shm beside it (hotline switches a database back to WAL when it
 * opens it). A copy that fails is a database-state error naming `source`.
 */
export function settleBackupCopy(copyPath: string, source: string): void {
  const copy = new Database(copyPath);
  try {
    copy.pragma('journal_mode = DELETE');
    const ok = copy.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new DbStateError(`backup of ${source} failed its check: ${String(ok)}`);
  } finally {
    copy.close();
  }
}
