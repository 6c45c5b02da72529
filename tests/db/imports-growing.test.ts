// The import ledger's record of growing logs (schema 13, src/db/queries/imports.ts): the entries
// of a file by inode and by path, a continuation never taken for a file's identity, and the
// profile state kept on the newest entry of a chain only.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersion } from '../../src/db/migrate.js';
import { dropResumeState, endImport, findImport, hasImportOfSize, insertImport, newestOfFile, newestOfInode, type LedgerStart } from '../../src/db/queries/imports.js';

function migrated(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

const entry = (over: Partial<LedgerStart> = {}): LedgerStart => ({
  kind: 'calls', file_name: 'queue_log', file_path: '/var/log/asterisk/queue_log', sha256: 'aaa', size_bytes: 1000, encoding: 'utf-8', delimiter: '|',
  profile: 'asterisk-queue-log', started_at: 1793700000, os_user: 'cron', hotline_version: '0.1.0', device: 2049, inode: 77, ...over,
});

const END = { range_end: 1000, end_line: 20, head_sha256: 'h', tail_sha256: 't', resume_state: '{"seq":20}' };

describe('schema 13', () => {
  test('the ledger of a schema 11 database is kept; its entries have no range and are still found by their SHA-256', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 11));
    db.prepare(`INSERT INTO imports (id, kind, file_name, file_path, sha256, size_bytes, encoding, delimiter, profile, rows, inserted, started_at, finished_at, os_user, hotline_version)
      VALUES (3, 'calls', 'a.csv', '/d/a.csv', 'aaa', 10, 'utf-8', ',', NULL, 3, 3, 1793700000, 1793700001, 'lead', '0.1.0')`).run();
    migrate(db, ':memory:');
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION); // 13, then the migrations after it
    expect(db.prepare('SELECT id, device, inode, range_start, range_end, end_line, head_sha256, tail_sha256, continues, resume_state FROM imports').all()).toEqual([
      { id: 3, device: null, inode: null, range_start: null, range_end: null, end_line: null, head_sha256: null, tail_sha256: null, continues: null, resume_state: null },
    ]);
    expect(findImport(db, 'calls', 'aaa')?.id).toBe(3);
    expect(hasImportOfSize(db, 'calls', 10)).toBe(true);
    // Never a candidate to continue: no inode.
    expect(newestOfFile(db, 'calls', { device: 2049, inode: 77, path: '/d/a.csv' })).toEqual({ byInode: undefined, byPath: undefined });
  });
});

describe('entries of a growing file', () => {
  test('the newest entry by inode and by path; a continuation is not the identity of a file of the same bytes', () => {
    const db = migrated();
    const first = insertImport(db, entry());
    endImport(db, first, END);
    const next = insertImport(db, entry({ sha256: 'bbb', size_bytes: 1500, range_start: 1000, continues: first }));
    endImport(db, next, { ...END, range_end: 1500, end_line: 30 });
    insertImport(db, entry({ kind: 'orders', sha256: 'ccc' }));
    const found = newestOfFile(db, 'calls', { device: 2049, inode: 77, path: '/var/log/asterisk/queue_log' });
    expect([found.byInode?.id, found.byInode?.range_start, found.byInode?.range_end, found.byInode?.end_line, found.byInode?.continues]).toEqual([next, 1000, 1500, 30, first]);
    expect(found.byPath?.id).toBe(next);
    // The log rotated: a new inode at the same path.
    expect(newestOfFile(db, 'calls', { device: 2049, inode: 78, path: '/var/log/asterisk/queue_log' })).toMatchObject({ byInode: undefined, byPath: { id: next } });
    // The same inode on another device is another file.
    expect(newestOfFile(db, 'calls', { device: 2050, inode: 77, path: '/other' })).toEqual({ byInode: undefined, byPath: undefined });
    expect(newestOfInode(db, 'calls', 2049, 77)).toBe(next);
    // The continuation's hash is of the bytes appended: a file holding just those is not "already imported".
    expect(findImport(db, 'calls', 'bbb')).toBeUndefined();
    expect(hasImportOfSize(db, 'calls', 1500)).toBe(false);
    expect(findImport(db, 'calls', 'aaa')?.id).toBe(first);
  });

  test('the state of an entry that another continues is dropped: only the newest of a chain keeps one', () => {
    const db = migrated();
    const first = insertImport(db, entry());
    endImport(db, first, END);
    dropResumeState(db, first);
    expect(db.prepare('SELECT range_end, end_line, resume_state FROM imports WHERE id = ?').get(first)).toEqual({ range_end: 1000, end_line: 20, resume_state: null });
  });

  test('the newest entry of an inode is found through an index', () => {
    const db = migrated();
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM imports WHERE kind = 'calls' AND inode = 77 AND device = 2049 ORDER BY id DESC LIMIT 1`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('imports_by_inode');
  });
});
