import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion, SCHEMA_VERSION, type Migration } from '../../src/db/migrate.js';
import { CALLS, naturalKeyOf, OPERATORS, ORDERS, PRESENCE, storedColumns, type KindSpec } from '../../src/domain/kinds.js';
import { findImport } from '../../src/db/queries/imports.js';
import { DbStateError } from '../../src/errors.js';

function tables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map((r) => r.name);
}

function migrated(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

describe('migrate', () => {
  // No gap: a database upgraded past a missing number would never get that migration.
  test('SCHEMA_VERSION is the last of the migrations, numbered 1, 2, 3 … without a gap', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  test('a new database reaches SCHEMA_VERSION with every table', () => {
    const db = migrated();
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(['appraisal_runs', 'attendance', 'audit_log', 'calls', 'evaluations', 'imports', 'leave', 'missed_rings', 'operators', 'orders', 'presence', 'presence_intervals', 'settings', 'stats_days', 'tickets', 'trainings']);
  });

  test.each([
    { name: 'calls', spec: CALLS },
    { name: 'orders', spec: ORDERS },
    { name: 'operators', spec: OPERATORS },
  ])('$name table columns are the stored columns plus the import tracking', ({ spec }: { spec: KindSpec }) => {
    // Sorted: a later migration's ALTER TABLE ADD COLUMN appends after the tracking columns
    // (calls.ivr_seconds), and inserts name their columns, so only the set matters.
    expect(columnsOf(migrated(), spec.table).sort()).toEqual([...storedColumns(spec), 'import_id', 'created_import_id', 'seen_import_id', 'seen_line'].sort());
  });

  test('running it again changes nothing', () => {
    const db = migrated();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('timezone', 'Asia/Shanghai')`).run();
    migrate(db, ':memory:');
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT value FROM settings').all()).toEqual([{ value: 'Asia/Shanghai' }]);
  });

  test('a database from a newer hotline (user_version 99) is refused and left alone', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    let error: unknown;
    try {
      migrate(db, '/data/hotline.db');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DbStateError);
    expect(error).toMatchObject({
      exitCode: 4,
      message: `/data/hotline.db: the database has schema version 99, newer than this hotline understands (${SCHEMA_VERSION})`,
      hint: 'upgrade hotline (npm install) before using this database',
    });
    expect(schemaVersion(db)).toBe(99);
    expect(tables(db)).toEqual([]);
  });
});

describe('schema 10: missed rings in time order', () => {
  test('the rings of a schema 9 database are kept, once each, with their index', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 9));
    const ring = db.prepare('INSERT INTO missed_rings (operator_id, rang_at, local_day, call_id, ring_seconds, import_id) VALUES (?, ?, ?, ?, ?, ?)');
    ring.run('1001', 1767225757, '2026-01-01', '1767225757.1', 15, 1);
    ring.run('1002', 1767225700, '2026-01-01', '1767225700.4', null, 1);
    ring.run('1001', 1767312000, '2026-01-02', '1767312000.9', 5, 2);
    const before = db.prepare('SELECT * FROM missed_rings ORDER BY operator_id, rang_at').all();
    migrate(db, ':memory:', MIGRATIONS.slice(0, 10));
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT * FROM missed_rings ORDER BY operator_id, rang_at').all()).toEqual(before);
    expect(db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'missed_rings'`).pluck().get()).toMatch(/PRIMARY KEY \(rang_at, operator_id, call_id\)\s*\) WITHOUT ROWID/);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE tbl_name = 'missed_rings' AND type = 'index' AND sql IS NOT NULL`).pluck().all()).toEqual(['missed_rings_by_day']);
    // The same ring again is still kept once (the import inserts with ON CONFLICT DO NOTHING).
    const again = db.prepare('INSERT INTO missed_rings (operator_id, rang_at, local_day, call_id, ring_seconds, import_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
    expect(again.run('1001', 1767225757, '2026-01-01', '1767225757.1', 15, 3).changes).toBe(0);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT operator_id, count(*) FROM missed_rings WHERE local_day BETWEEN '2026-01-01' AND '2026-01-31' GROUP BY operator_id`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('COVERING INDEX missed_rings_by_day');
  });
});

describe('schema 11: a file may be in the ledger more than once (import --again)', () => {
  test('the ledger of a schema 10 database is kept, ids and all; the newest entry of a file is found through an index', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 10));
    const add = db.prepare(`INSERT INTO imports (id, kind, file_name, file_path, sha256, size_bytes, encoding, delimiter, profile, rows, inserted, started_at, finished_at, os_user, hotline_version)
      VALUES (?, ?, 'a.csv', '/d/a.csv', ?, 10, 'utf-8', ',', ?, 3, 3, 1793700000, 1793700001, 'lead', '0.1.0')`);
    add.run(1, 'calls', 'aaa', null);
    add.run(4, 'orders', 'aaa', 'mapping:m.json');
    add.run(7, 'calls', 'bbb', 'asterisk-cdr');
    expect(() => add.run(8, 'calls', 'aaa', null)).toThrow(/UNIQUE constraint failed: imports.kind, imports.sha256/);
    const before = db.prepare('SELECT * FROM imports ORDER BY id').all();
    migrate(db, ':memory:', MIGRATIONS.slice(0, 11));
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT * FROM imports ORDER BY id').all()).toEqual(before);
    migrate(db, ':memory:'); // the queries read the latest schema
    add.run(8, 'calls', 'aaa', null);
    expect(findImport(db, 'calls', 'aaa')?.id).toBe(8);
    expect(findImport(db, 'orders', 'aaa')?.id).toBe(4);
    expect(findImport(db, 'calls', 'ccc')).toBeUndefined();
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM imports WHERE kind = 'calls' AND sha256 = 'aaa' ORDER BY id DESC LIMIT 1`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('imports_by_file');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('schema 15: presence events keyed time first', () => {
  test('the events of a schema 14 database are kept, each under the key an import now gives it, so that importing them again adds none', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 14));
    const add = db.prepare(`INSERT INTO presence (event_id, operator_id, state, at, local_day, reason, queue, import_id, created_import_id, seen_import_id, seen_line)
      VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?)`);
    // Schema 14's keys: operator first.
    add.run('1001|1767225600|login|hotline', '1001', 'login', 1767225600, '2026-01-01', null, 'hotline', 3);
    add.run('1001|1767229200|pause|', '1001', 'pause', 1767229200, '2026-01-01', 'lunch', null, 9);
    add.run('1767225600|1767225600|login|', '1767225600', 'login', 1767225600, '2026-01-01', null, null, 4);
    const columns = 'operator_id, state, at, local_day, reason, queue, import_id, created_import_id, seen_import_id, seen_line';
    const before = db.prepare(`SELECT ${columns} FROM presence ORDER BY operator_id, at`).all();
    migrate(db, ':memory:', MIGRATIONS.slice(0, 15));
    expect(schemaVersion(db)).toBe(15);
    expect(db.prepare(`SELECT ${columns} FROM presence ORDER BY operator_id, at`).all()).toEqual(before);
    expect(db.prepare('SELECT event_id FROM presence ORDER BY event_id').pluck().all()).toEqual([
      '1767225600|1001|login|hotline',
      '1767225600|1767225600|login|',
      '1767229200|1001|pause|',
    ]);
    for (const r of before as Record<string, unknown>[]) {
      expect(db.prepare('SELECT count(*) FROM presence WHERE event_id = ?').pluck().get(naturalKeyOf(PRESENCE, r))).toBe(1);
    }
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE tbl_name = 'presence' AND type = 'index' AND sql IS NOT NULL ORDER BY name`).pluck().all()).toEqual(['presence_by_operator', 'presence_by_time']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('a migration that fails half-way', () => {
  const first: Migration = { version: 1, name: 'first', sql: 'CREATE TABLE a (x INTEGER);' };
  const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (1); INSERT INTO missing VALUES (1);' };
  const fixed: Migration = { version: 2, name: 'fixed', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (1);' };

  test('on a new database: user_version stays 0 and no table is left', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, ':memory:', [{ ...broken, version: 1 }])).toThrow('no such table: missing');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  test('after an applied migration: user_version and schema stay at the earlier version', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', [first]);
    expect(() => migrate(db, ':memory:', [first, broken])).toThrow('no such table: missing');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['a']);
  });

  test('the fixed migration then applies cleanly', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, ':memory:', [first, broken])).toThrow('no such table: missing');
    expect(schemaVersion(db)).toBe(1);
    migrate(db, ':memory:', [first, fixed]);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
    expect(db.prepare('SELECT y FROM b').all()).toEqual([{ y: 1 }]);
  });
});
