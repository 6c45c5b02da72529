// Faults of RELIABILITY.md ("Faults to inject") that faults.test.ts and db.test.ts do not cover,
// on the built binary: a full disk during an import and during an export (real, tiny tmpfs
// mounts), a read-only database and a read-only directory (hotline run as the unprivileged user
// nobody, since root ignores file modes), a schema migration that fails half-way, a -wal file
// lost after a crash, and a report while an import holds the write lock. Mounting needs root (CAP_SYS_ADMIN) and running as nobody needs root and
// setpriv: where either is missing those tests are skipped and say why in their names. A clone in
// a directory nobody cannot enter (mktemp -d) runs a copy of hotline nobody can read (helpers/runnable-copy.ts).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../src/db/migrate.js';
import { cliEnv, startHotline, type CliResult } from '../helpers/cli.js';
import { binFor } from '../helpers/runnable-copy.js';
import { csv, exited, generateCalls, integrity, rows, snapshot, value, waitForWriter, workspace } from './support.js';

const { run, write, db, dir } = workspace('hotline-e2e-faults-more-');

/** True when this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in the sandbox and CI). */
function mountWorks(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'hotline-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0) return false;
    return spawnSync('umount', [probe]).status === 0;
  } finally {
    rmdirSync(probe);
  }
}

const NOBODY = { uid: 65534, gid: 65534 };
const SETPRIV = ['--reuid=65534', '--regid=65534', '--clear-groups'];

/** True when hotline can be run as nobody (uid 65534) through setpriv: root dropping privileges. */
function nobodyWorks(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const r = spawnSync('setpriv', [...SETPRIV, 'id', '-u'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === String(NOBODY.uid);
}

const CAN_MOUNT = mountWorks();
/** The hotline nobody runs: this repository's, or a copy it can read when the clone is in a directory closed to it. */
const NOBODY_HOTLINE = nobodyWorks() ? binFor(SETPRIV, 'nobody') : { reason: 'needs root and setpriv to run as an unprivileged user' };
const CAN_DROP = 'bin' in NOBODY_HOTLINE;
afterAll(() => {
  if ('bin' in NOBODY_HOTLINE) NOBODY_HOTLINE.cleanup();
});

const mounted: string[] = [];
/** Mounts a tmpfs of `size` (e.g. "1m") at `name` in the workspace; unmounted after the file's tests. */
function tmpfs(name: string, size: string): string {
  const at = db(name);
  mkdirSync(at);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', at], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mount tmpfs at ${at}: ${r.stderr}`);
  mounted.push(at);
  return name;
}
// Registered before the workspace's own afterAll runs (hooks run in reverse), so the mounts go
// before their directory is removed.
afterAll(() => {
  for (const at of mounted.reverse()) spawnSync('umount', ['-l', at]);
});

/** Runs hotline as the user nobody, in `cwd` (a directory of the workspace). */
function runAsNobody(cwd: string, args: string[]): CliResult {
  if (!('bin' in NOBODY_HOTLINE)) throw new Error(NOBODY_HOTLINE.reason);
  const r = spawnSync('setpriv', [...SETPRIV, process.execPath, NOBODY_HOTLINE.bin, ...args], { cwd, env: cliEnv({ TZ: 'Asia/Shanghai' }), input: '', encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OPERATORS = csv(['operator_id', 'name', 'hire_date'], [['1001', '张三', '2020-01-01']]);
const MORE_OPERATORS = csv(['operator_id', 'name', 'hire_date'], [['1002', '李四', '2021-03-01']]);

beforeAll(() => {
  write('operators.csv', OPERATORS);
  write('more-operators.csv', MORE_OPERATORS);
  generateCalls(db('calls.csv'), 20_000); // about 2.9 MB of CSV; its import writes about 6.7 MB of WAL
});

describe.skipIf(!CAN_MOUNT)(`disk full during an import (a 2 MB tmpfs)${CAN_MOUNT ? '' : ' — skipped: mount -t tmpfs needs root'}`, () => {
  test('SQLITE_FULL: exit 4 "disk full: nothing was written", the database unchanged and still usable', () => {
    // 2 MB: a new database's schema and its first import's WAL must fit at the checkpoint (1 MB
    // did until the presence tables of schema 13); the 20,000-call import (6.7 MB of WAL) does not.
    const full = tmpfs('full-import', '2m');
    const path = `${full}/h.db`;
    expect(run(['--db', path, 'import', 'operators', 'operators.csv']).status).toBe(0);
    const before = snapshot(db(path));
    expect(run(['--db', path, 'import', 'calls', 'calls.csv'])).toEqual({
      status: 4, stdout: '', stderr: `error: ${path}: disk full: nothing was written\nhint: free disk space and run the command again\n`,
    });
    expect(snapshot(db(path))).toEqual(before);
    expect(rows(db(path), 'SELECT id, kind, file_name, rows FROM imports')).toEqual([{ id: 1, kind: 'operators', file_name: 'operators.csv', rows: 1 }]);
    expect(integrity(db(path))).toBe('ok');
    expect(readdirSync(db(full))).toEqual(['h.db']); // the rolled-back WAL went with the connection
    // Still usable: a small import fits, and gets the next import number.
    expect(run(['--db', path, 'import', 'operators', 'more-operators.csv'])).toEqual({
      status: 0, stdout: '', stderr: 'more-operators.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n',
    });
  });

  // Regression test: the commit fits in a 9 MB tmpfs but the checkpoint after it does not. The
  // import is committed, so hotline says so (exit 0 and a warning), never "nothing was written".
  test('the checkpoint after a committed import fails on a full disk: exit 0, a warning, every row there', () => {
    const full = tmpfs('full-checkpoint', '9m');
    const path = `${full}/h.db`;
    const r = run(['--db', path, 'import', 'calls', 'calls.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('calls.csv: 20000 rows: 20000 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8)\n');
    expect(r.stderr).toContain(`warning: ${path}: the imports are committed, but moving them from the -wal file into the database failed`);
    expect(value(db(path), 'SELECT count(*) FROM calls')).toBe(20000);
    expect(integrity(db(path))).toBe('ok');
  });

  // Regression test (found while writing these tests, since fixed): ENOSPC from the rejects file
  // was an "unexpected error" (exit 1).
  test('the --rejects file on a full disk: exit 4 "disk full", nothing imported, no rejects file or temporary left', () => {
    const full = tmpfs('full-rejects', '64k');
    const bad = csv(['call_id', 'started_at', 'outcome', 'customer_address'], Array.from({ length: 4000 }, (_, i) => [`R${i}`, '2026-10-01 09:00:00', i % 2 ? 'answered' : 'bogus', '上海市浦东新区人民路'.repeat(4)]));
    write('half-bad.csv', bad);
    expect(run(['--db', 'rejects.db', 'import', 'operators', 'operators.csv']).status).toBe(0);
    const before = snapshot(db('rejects.db'));
    expect(run(['--db', 'rejects.db', 'import', 'calls', '--skip-invalid', '--rejects', `${full}/bad-rows.csv`, 'half-bad.csv'])).toEqual({
      status: 4, stdout: '', stderr: 'error: disk full (ENOSPC: no space left on device, write)\nhint: free disk space and run the command again\n',
    });
    expect(snapshot(db('rejects.db'))).toEqual(before);
    expect(readdirSync(db(full))).toEqual([]);
  });
});

describe.skipIf(!CAN_MOUNT)(`disk full during an export (a 16 KB tmpfs)${CAN_MOUNT ? '' : ' — skipped: mount -t tmpfs needs root'}`, () => {
  const range = ['stats', 'range', '--from', '2026-01-01', '--to', '2026-03-31', '--by', 'day', '--format', 'json'];
  let full = '';
  beforeAll(() => {
    expect(run(['--db', 'report.db', 'import', 'calls', 'calls.csv']).status).toBe(0);
    full = tmpfs('full-export', '16k');
  });

  // Regression test (found while writing these tests, since fixed): a JSON report is one write;
  // on a nearly full disk write(2) wrote the part that fitted and returned its length without an
  // error, and the truncated file was renamed into place with exit 0.
  test('a one-piece JSON report larger than the free space: exit 4, no file and no temporary left', () => {
    const whole = run(['--db', 'report.db', ...range]);
    expect(whole.status).toBe(0);
    expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(16 * 1024); // does not fit
    expect(run(['--db', 'report.db', ...range, '--out', `${full}/range.json`])).toEqual({
      status: 4, stdout: '', stderr: `error: ${full}/range.json: disk full; the file was not written\nhint: free disk space and run again\n`,
    });
    expect(readdirSync(db(full))).toEqual([]);
  });

  test('a CSV list written in many pieces: exit 4, no file and no temporary left', () => {
    expect(run(['--db', 'report.db', 'calls', 'list', '--limit', '5000', '--out', `${full}/calls.csv`])).toEqual({
      status: 4, stdout: '', stderr: `error: ${full}/calls.csv: disk full; the file was not written\nhint: free disk space and run again\n`,
    });
    expect(readdirSync(db(full))).toEqual([]);
  });

  test('--force over an existing file: the old file is kept whole', () => {
    writeFileSync(db(`${full}/keep.json`), '{"kept": true}\n');
    expect(run(['--db', 'report.db', ...range, '--out', `${full}/keep.json`, '--force'])).toEqual({
      status: 4, stdout: '', stderr: `error: ${full}/keep.json: disk full; the file was not written\nhint: free disk space and run again\n`,
    });
    expect(readFileSync(db(`${full}/keep.json`), 'utf8')).toBe('{"kept": true}\n');
    expect(readdirSync(db(full))).toEqual(['keep.json']);
  });
});

describe.skipIf(!CAN_DROP)(`a read-only database or directory (hotline run as nobody)${'reason' in NOBODY_HOTLINE ? ` — skipped: ${NOBODY_HOTLINE.reason}` : ''}`, () => {
  /** A directory of the workspace holding a copy of a one-operator database, owned as given. */
  function place(name: string, owner: { dir: 'root' | 'nobody'; db: 'root' | 'nobody'; mode: number }): string {
    const at = db(name);
    mkdirSync(at, { mode: 0o755 });
    copyFileSync(db('ro-source.db'), join(at, 'h.db'));
    copyFileSync(db('more-operators.csv'), join(at, 'more-operators.csv'));
    if (owner.dir === 'nobody') chownSync(at, NOBODY.uid, NOBODY.gid);
    if (owner.db === 'nobody') chownSync(join(at, 'h.db'), NOBODY.uid, NOBODY.gid);
    chmodSync(join(at, 'h.db'), owner.mode);
    return realpathSync(at);
  }

  beforeAll(() => {
    chmodSync(dir(), 0o755); // mkdtemp makes it 0700: nobody could not enter
    expect(run(['--db', 'ro-source.db', 'import', 'operators', 'operators.csv']).status).toBe(0);
  });

  test('a database file nobody may not write (0400): the import is refused up front naming the file (exit 4), reports still read it', () => {
    const at = place('ro-file', { dir: 'nobody', db: 'nobody', mode: 0o400 });
    const bytes = readFileSync(join(at, 'h.db'));
    expect(runAsNobody(at, ['--db', 'h.db', 'import', 'operators', 'more-operators.csv'])).toEqual({
      status: 4, stdout: '',
      stderr: 'error: h.db: the database is read-only for user nobody: cannot write the database file h.db\nhint: reports can still read it; to import, run as the file\'s owner or give user nobody write access (chown or chmod u+w)\n',
    });
    expect(readdirSync(at).sort()).toEqual(['h.db', 'more-operators.csv']); // refused before SQLite created -wal or -shm
    expect(readFileSync(join(at, 'h.db')).equals(bytes)).toBe(true);
    const list = runAsNobody(at, ['--db', 'h.db', 'operators', 'list', '--format', 'csv']);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    expect(list.stdout.split('\r\n')[1]).toMatch(/^1001,张三,/);
    expect(readFileSync(join(at, 'h.db')).equals(bytes)).toBe(true);
  });

  // What SQLite does, documented in docs/reliability.md: a reader of a WAL database creates -wal
  // and -shm with the database's mode and cannot delete them, so read-only ones stay behind.
  test('after a report on the read-only file, making the database writable is not enough: the import names the leftover -wal and -shm', () => {
    const at = place('ro-leftovers', { dir: 'nobody', db: 'nobody', mode: 0o400 });
    expect(runAsNobody(at, ['--db', 'h.db', 'operators', 'list', '--format', 'csv']).status).toBe(0);
    expect(readdirSync(at).sort()).toEqual(['h.db', 'h.db-shm', 'h.db-wal', 'more-operators.csv']);
    expect(statSync(join(at, 'h.db-wal')).size).toBe(0);
    chmodSync(join(at, 'h.db'), 0o600);
    expect(runAsNobody(at, ['--db', 'h.db', 'import', 'operators', 'more-operators.csv'])).toEqual({
      status: 4, stdout: '',
      stderr: 'error: h.db: the database is read-only for user nobody: cannot write the WAL file h.db-wal, the shared-memory file h.db-shm\n'
        + 'hint: a run that could not write left it behind: give user nobody write access to it (chown or chmod); when no hotline is running, an -shm file may also be deleted (never a -wal file that is not empty)\n',
    });
    rmSync(join(at, 'h.db-shm'));
    rmSync(join(at, 'h.db-wal')); // empty, as checked above
    expect(runAsNobody(at, ['--db', 'h.db', 'import', 'operators', 'more-operators.csv'])).toEqual({
      status: 0, stdout: '', stderr: 'more-operators.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n',
    });
  });

  test('a directory nobody may not write: imports, reports and db check all exit 4 naming the directory; the file is untouched', () => {
    const at = place('ro-dir', { dir: 'root', db: 'nobody', mode: 0o600 });
    const bytes = readFileSync(join(at, 'h.db'));
    const message = `error: h.db: the database is read-only for user nobody: cannot write the directory ${at}\n`
      + 'hint: SQLite creates h.db-wal and h.db-shm next to the database, so even a report needs a writable directory: give user nobody write access to it, or copy the database to a directory user nobody can write\n';
    for (const args of [['import', 'operators', 'more-operators.csv'], ['operators', 'list'], ['db', 'check']]) {
      const r = runAsNobody(at, ['--db', 'h.db', ...args]);
      expect({ args, ...r }).toEqual({ args, status: 4, stdout: '', stderr: message });
    }
    expect(readdirSync(at).sort()).toEqual(['h.db', 'more-operators.csv']);
    expect(readFileSync(join(at, 'h.db')).equals(bytes)).toBe(true);
  });

  test('a new database in a directory nobody may not write: exit 4 naming the directory, nothing created', () => {
    const at = place('ro-new', { dir: 'root', db: 'root', mode: 0o600 });
    const r = runAsNobody(at, ['--db', 'new.db', 'import', 'operators', 'more-operators.csv']);
    expect(r).toEqual({
      status: 4, stdout: '',
      stderr: `error: new.db: the database is read-only for user nobody: cannot write the directory ${at}\n`
        + 'hint: SQLite creates new.db-wal and new.db-shm next to the database, so even a report needs a writable directory: give user nobody write access to it, or copy the database to a directory user nobody can write\n',
    });
    expect(existsSync(join(at, 'new.db'))).toBe(false);
  });
});

/** Names of the tables a migration creates, in order (not those guarded by IF NOT EXISTS). */
function createdTables(sql: string): string[] {
  return [...sql.matchAll(/CREATE\s+TABLE\s+(?!IF\s+NOT\s+EXISTS)["`]?(\w+)/gi)].map((m) => m[1] as string);
}

describe('a schema migration that fails half-way (no test hook: a table made by hand is in its way)', () => {
  // The first migration after the foundation that creates two tables or more: a hand-made table
  // with the name of its last one makes it fail after its first statements have run.
  const index = MIGRATIONS.findIndex((m, i) => i > 0 && createdTables(m.sql).length >= 2);
  const target = MIGRATIONS[index];
  const older = MIGRATIONS[index - 1];
  const blocker = target ? createdTables(target.sql).at(-1) : undefined;

  test('there is such a migration to break', () => {
    expect(index).toBeGreaterThan(0);
    expect(blocker).toMatch(/^\w+$/);
  });

  test('every command exits 4 naming the migration; user_version and the schema are unchanged; without the table it upgrades', () => {
    if (!target || !older || !blocker) throw new Error('no migration to break');
    const path = db('old.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, path, MIGRATIONS.slice(0, index));
    old.exec(`CREATE TABLE ${blocker} (made_by_hand TEXT)`);
    old.close();
    chmodSync(path, 0o600);
    const before = snapshot(path);
    expect(before.user_version).toBe(older.version);
    const message = `error: old.db: upgrading the database schema failed at migration ${target.version} (${target.name}): table ${blocker} already exists; the database stays at schema version ${older.version}, unchanged by that migration\n`
      + 'hint: the database holds something this hotline does not expect (a table or index made by hand?): restore a backup copy, or keep using the hotline version that wrote it\n';
    for (const args of [['operators', 'list'], ['import', 'operators', 'operators.csv']]) {
      const r = run(['--db', 'old.db', ...args]);
      expect({ args, ...r }).toEqual({ args, status: 4, stdout: '', stderr: message });
      expect(snapshot(path)).toEqual(before);
    }
    expect(integrity(path)).toBe('ok');
    // The statements of the failed migration before the blocker were rolled back with it.
    const earlier = createdTables(target.sql).slice(0, -1);
    expect(earlier.length).toBeGreaterThan(0);
    expect(rows(path, `SELECT name FROM sqlite_schema WHERE name IN (${earlier.map(() => '?').join(', ')})`, ...earlier)).toEqual([]);
    // Take the hand-made table away and the same database upgrades.
    const fixed = new Database(path);
    fixed.exec(`DROP TABLE ${blocker}`);
    fixed.close();
    expect(run(['--db', 'old.db', 'import', 'operators', 'operators.csv'])).toEqual({
      status: 0, stdout: '', stderr: 'operators.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8)\n',
    });
    expect(value(path, 'PRAGMA user_version')).toBe(SCHEMA_VERSION);
  });
});

describe('a -wal file lost after a crash', () => {
  // Regression test (found while writing these tests, since fixed): db check looked for the -wal
  // after its own first read, which creates one, so the warning never showed.
  test('db check warns (exit 0, not repaired); the rows committed only in the WAL are gone', async () => {
    expect(run(['--db', 'lost.db', 'import', 'operators', 'operators.csv']).status).toBe(0);
    const before = snapshot(db('lost.db'));
    // Another process holds a read transaction from before the next import, so that import's
    // pages cannot be checkpointed into lost.db: they exist only in lost.db-wal. Then it dies.
    const holder = spawn(process.execPath, ['-e', [
      `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});`,
      `const db = new Database(${JSON.stringify(db('lost.db'))});`,
      "db.exec('BEGIN'); db.prepare('SELECT count(*) FROM operators').get();",
      "process.stdout.write('ready\\n'); setInterval(() => {}, 1000);",
    ].join('\n')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    expect(run(['--db', 'lost.db', 'import', 'operators', 'more-operators.csv'])).toEqual({
      status: 0, stdout: '', stderr: 'more-operators.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n',
    });
    expect(value(db('lost.db'), 'SELECT count(*) FROM operators')).toBe(2); // committed, read through the WAL
    expect(statSync(db('lost.db-wal')).size).toBeGreaterThan(0);
    const died = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await died;
    rmSync(db('lost.db-wal'));
    expect(existsSync(db('lost.db-shm'))).toBe(true);

    const check = run(['--db', 'lost.db', 'db', 'check', '--format', 'csv']);
    expect(check.stderr).toBe('lost.db: usable, with warnings\n');
    expect(check.status).toBe(0);
    expect(check.stdout.split('\r\n')).toEqual([
      'check,level,detail', 'quick_check,ok,ok', `schema,ok,version ${SCHEMA_VERSION} (this hotline: ${SCHEMA_VERSION})`, 'journal_mode,ok,wal',
      'wal,warning,a -shm file without its -wal: the WAL was deleted after a crash; changes not yet checkpointed are lost (restore from a backup if data is missing)',
      'permissions,ok,mode 0600', 'filesystem,ok,not a network share', 'ledger,ok,"1 imports, every one with its rows"', '',
    ]);
    // The documented consequence: import #2 is gone, row and ledger entry, as if it never ran.
    expect(snapshot(db('lost.db'))).toEqual(before);
    expect(run(['--db', 'lost.db', 'operators', 'list', '--format', 'csv']).stdout.split('\r\n').filter(Boolean).map((l) => l.split(',')[0])).toEqual(['operator_id', '1001']);
    expect(integrity(db('lost.db'))).toBe('ok');
  });
});

describe('a reader during a long import', () => {
  test('a report with --busy-timeout 0 succeeds at once on the last committed state while the import holds the write lock', async () => {
    generateCalls(db('long.csv'), 80_000);
    expect(run(['--db', 'reader.db', 'import', 'operators', 'operators.csv']).status).toBe(0);
    const importer = startHotline(['--db', 'reader.db', 'import', 'calls', 'long.csv'], { cwd: dir() });
    const done = exited(importer);
    await waitForWriter(db('reader.db'), importer);
    const ledger = run(['--db', 'reader.db', '--busy-timeout', '0', 'imports', '--format', 'json']);
    const calls = run(['--db', 'reader.db', '--busy-timeout', '0', 'calls', 'list', '--format', 'csv']);
    const stillImporting = importer.exitCode === null;
    expect(ledger.stderr).toBe('');
    expect(ledger.status).toBe(0);
    expect((JSON.parse(ledger.stdout) as { import_id: number; kind: string }[]).map((r) => [r.import_id, r.kind])).toEqual([[1, 'operators']]);
    expect(calls).toMatchObject({ status: 0, stderr: '' });
    expect(calls.stdout.split('\r\n').filter(Boolean)).toHaveLength(1); // the header: no call committed yet
    expect(stillImporting).toBe(true); // both reports ran while the import was writing
    expect(await done).toMatchObject({ status: 0, stdout: '' });
    expect(value(db('reader.db'), 'SELECT count(*) FROM calls')).toBe(80_000);
  });
});
