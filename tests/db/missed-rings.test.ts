// insertMissedRings (src/db/queries/missed-rings.ts): rings go in 50 to a statement, the rest
// one by one; the same ring twice (operator, time, call) is kept once. In a migrated in-memory
// database, under a ledger entry made by insertImport.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { insertImport } from '../../src/db/queries/imports.js';
import { insertMissedRings } from '../../src/db/queries/missed-rings.js';

function newDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

/** A ledger entry to hang the rings on. */
function ledger(db: Database.Database): number {
  return insertImport(db, { kind: 'calls', file_name: 'q.log', file_path: '/q.log', sha256: 'x', size_bytes: 1, encoding: 'utf-8', delimiter: '|', profile: 'asterisk-queue-log', started_at: 0, os_user: 'test', hotline_version: '0' });
}

/** n rings of operators 1001..1003 in turn, one a minute from epoch 1_790_020_000 (03:46:40 on 2026-09-22 in Shanghai; all 123 on that local day). */
function rings(n: number): unknown[] {
  const flat: unknown[] = [];
  for (let i = 0; i < n; i++) flat.push(`${1001 + (i % 3)}`, 1_790_020_000 + 60 * i, '2026-09-22', `call-${i}`, i % 4 === 0 ? null : 15);
  return flat;
}

describe('insertMissedRings', () => {
  test('123 rings: two statements of 50 and 23 single inserts, every value stored', () => {
    const db = newDb();
    const id = ledger(db);
    insertMissedRings(db, rings(123), id);
    expect(db.prepare('SELECT count(*) FROM missed_rings').pluck().get()).toBe(123);
    expect(db.prepare('SELECT count(*) FROM missed_rings WHERE import_id = ?').pluck().get(id)).toBe(123);
    // Ring 0 (operator 1001, no ring time), ring 49 (last of the first statement), ring 122 (the last single insert).
    expect(db.prepare('SELECT operator_id, rang_at, local_day, call_id, ring_seconds FROM missed_rings WHERE call_id IN (?, ?, ?) ORDER BY rang_at').all('call-0', 'call-49', 'call-122')).toEqual([
      { operator_id: '1001', rang_at: 1_790_020_000, local_day: '2026-09-22', call_id: 'call-0', ring_seconds: null },
      { operator_id: '1002', rang_at: 1_790_020_000 + 60 * 49, local_day: '2026-09-22', call_id: 'call-49', ring_seconds: 15 },
      { operator_id: '1003', rang_at: 1_790_020_000 + 60 * 122, local_day: '2026-09-22', call_id: 'call-122', ring_seconds: 15 },
    ]);
  });

  test('the same rings again, inside a chunk and one by one, are kept once', () => {
    const db = newDb();
    const id = ledger(db);
    const first = rings(60);
    insertMissedRings(db, first, id);
    // 60 again plus 1 new: the chunk of 50 and 11 singles, of which only the new one is stored.
    insertMissedRings(db, [...first, '1001', 1_790_030_000, '2026-09-22', 'call-new', 3], id);
    expect(db.prepare('SELECT count(*) FROM missed_rings').pluck().get()).toBe(61);
  });

  test('nothing to insert: no error, no row', () => {
    const db = newDb();
    insertMissedRings(db, [], ledger(db));
    expect(db.prepare('SELECT count(*) FROM missed_rings').pluck().get()).toBe(0);
  });
});
