// A new database gets 8 KiB pages (src/db/connection.ts); a database made with another page
// size keeps it, and is read and written as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-page-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a new database: 8 KiB pages, in WAL mode', () => {
  const handle = openDatabase({ path: join(dir, 'new.db'), create: true, durable: true });
  expect(handle.db.pragma('page_size', { simple: true })).toBe(8192);
  expect(handle.db.pragma('journal_mode', { simple: true })).toBe('wal');
  handle.close();
});

test('a database made with 4 KiB pages keeps them, and takes writes', () => {
  const path = join(dir, 'old.db');
  const old = new Database(path);
  old.pragma('page_size = 4096');
  old.pragma('journal_mode = WAL');
  // An older hotline's database (hotline's schema: a file without it is refused as not hotline's).
  migrate(old, path);
  old.close();
  const handle = openDatabase({ path, create: true, durable: true });
  expect(handle.db.pragma('page_size', { simple: true })).toBe(4096);
  handle.db.prepare("INSERT INTO settings (key, value) VALUES ('kept', '1')").run();
  expect(handle.db.pragma('integrity_check', { simple: true })).toBe('ok');
  handle.close();
});
