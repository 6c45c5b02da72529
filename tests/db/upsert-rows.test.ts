// The natural-key upsert of one batch (src/db/upsert-rows.ts), on a migrated in-memory database
// with a ledger entry: each row counted once as inserted, updated, unchanged or skipped, a
// conflicting line a bad row, and the local days that changed (the former day of a moved call too).
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { insertImport } from '../../src/db/queries/imports.js';
import { prepareStatements, writeBatch, type BatchContext } from '../../src/db/upsert-rows.js';
import { CALLS, storedColumns } from '../../src/domain/kinds.js';
import type { BadRow } from '../../src/io/import-protocol.js';

const COLUMNS = storedColumns(CALLS);

function call(id: string, day: string, talk = 60): unknown[] {
  const row: Record<string, unknown> = { call_id: id, started_at: 1_793_667_900, local_day: day, local_hour: 9, direction: 'inbound', outcome: 'answered', talk_seconds: talk };
  return COLUMNS.map((c) => row[c] ?? null);
}

function ledger(db: Database.Database): number {
  return insertImport(db, { kind: 'calls', file_name: 'c.csv', file_path: '/c.csv', sha256: `s${Math.random()}`, size_bytes: 1, encoding: 'utf-8', delimiter: ',', profile: null, started_at: 0, os_user: 'test', hotline_version: '0' });
}

/** Writes `rows` (lines 2…) as one batch of a new import; returns its context and the bad rows. */
function write(db: Database.Database, rows: unknown[][], present = COLUMNS): { ctx: BatchContext; bad: BadRow[] } {
  const importId = ledger(db);
  const bad: BadRow[] = [];
  const ctx: BatchContext = {
    counts: { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 }, reject: (i) => bad.push(i),
    changedDays: new Set(), updatedDays: new Set(), inserted: [], dayIndex: COLUMNS.indexOf('local_day'),
    importId, columns: COLUMNS, key: 'call_id', keyHeader: '通话编号',
  };
  writeBatch(prepareStatements(db, CALLS, COLUMNS, present, importId), { rows, lines: rows.map((_, i) => i + 2) }, ctx);
  return { ctx, bad };
}

describe('writeBatch', () => {
  test('30 new rows: one chunk of 25 and 5 single inserts, all inserted, their day changed', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:');
    const { ctx } = write(db, Array.from({ length: 30 }, (_, i) => call(`C${i}`, '2026-11-03')));
    expect(ctx.counts).toMatchObject({ inserted: 30, updated: 0, unchanged: 0, skipped: 0 });
    expect(ctx.inserted).toHaveLength(30);
    expect([...ctx.changedDays]).toEqual(['2026-11-03']);
    expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(30);
  });

  test('a second import: the same row unchanged, a moved call updated (both days changed), a repeated line skipped, a conflicting one a bad row', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:');
    write(db, [call('A', '2026-11-03'), call('B', '2026-11-03')]);
    const { ctx, bad } = write(db, [call('A', '2026-11-03'), call('B', '2026-11-04'), call('B', '2026-11-04'), call('B', '2026-11-04', 99)]);
    expect(ctx.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, skipped: 1 });
    expect([...ctx.updatedDays].sort()).toEqual(['2026-11-03', '2026-11-04']);
    expect(bad).toEqual([{ line: 5, column: '通话编号', value: 'B', reason: 'call_id B is also on line 3 with different content', hint: 'keep one of the two lines', record: [] }]);
  });

  // Columns a file does not have are left out of the INSERT (the table's NULL default fills them),
  // unless a row of the chunk has a value there after all: then every column is bound.
  test('a file of a few columns: rows stored exactly as with every column bound, a value in a column the file lacks kept', () => {
    const few = ['call_id', 'started_at', 'local_day', 'local_hour', 'outcome', 'talk_seconds'];
    const rows = Array.from({ length: 60 }, (_, i) => call(`C${i}`, '2026-11-03', i));
    // Row 40 (the second chunk) and row 55 (a single insert) carry a category though the file has none, as a converter could give.
    const category = COLUMNS.indexOf('category');
    (rows[40] as unknown[])[category] = 'query';
    (rows[55] as unknown[])[category] = 'complaint';
    const lean = new Database(':memory:');
    migrate(lean, ':memory:');
    const whole = new Database(':memory:');
    migrate(whole, ':memory:');
    expect(write(lean, rows, few).ctx.counts).toMatchObject({ inserted: 60 });
    expect(write(whole, rows).ctx.counts).toMatchObject({ inserted: 60 });
    const all = (db: Database.Database): unknown[] => db.prepare('SELECT * FROM calls ORDER BY call_id').all();
    expect(all(lean)).toEqual(all(whole));
    expect(lean.prepare('SELECT call_id, category FROM calls WHERE category IS NOT NULL ORDER BY call_id').all()).toEqual([
      { call_id: 'C40', category: 'query' },
      { call_id: 'C55', category: 'complaint' },
    ]);
  });
});
