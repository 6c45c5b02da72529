// settleBackupCopy (src/db/health.ts): `db backup` leaves one file that passes its quick check,
// in rollback-journal mode, with no -wal or -shm beside it; a copy that fails says so (exit 4).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { backupDatabase, settleBackupCopy } from '../../src/db/health.js';
import { migrate } from '../../src/db/migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-backup-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('settleBackupCopy', () => {
  test('a copy of a WAL database: one file in rollback-journal mode, nothing beside it, the rows in it', async () => {
    const source = join(dir, 'h.db');
    const db = new Database(source);
    db.pragma('journal_mode = WAL');
    migrate(db, source);
    db.prepare("INSERT INTO settings (key, value) VALUES ('timezone', 'Asia/Shanghai')").run();
    const copy = join(dir, 'copy.db');
    await backupDatabase(db, copy);
    db.close();
    settleBackupCopy(copy, source);
    expect([existsSync(`${copy}-wal`), existsSync(`${copy}-shm`), existsSync(`${copy}-journal`)]).toEqual([false, false, false]);
    const check = new Database(copy, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.prepare("SELECT value FROM settings WHERE key = 'timezone'").pluck().get()).toBe('Asia/Shanghai');
    check.close();
  });

  test('a copy whose pages are damaged: exit 4, naming the source', () => {
    const source = join(dir, 'h2.db');
    const db = new Database(source);
    migrate(db, source);
    db.pragma('journal_mode = DELETE');
    const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, 'x')");
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`k${i}`);
    })();
    db.close();
    const copy = join(dir, 'copy2.db');
    const bytes = readFileSync(source);
    bytes.fill(0x55, 4096 * 3, 4096 * 5); // two pages of the settings table overwritten
    writeFileSync(copy, bytes);
    let error: unknown;
    try {
      settleBackupCopy(copy, source);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ exitCode: 4 });
    expect((error as Error).message.startsWith(`backup of ${source} failed its check: `)).toBe(true);
  });
});
