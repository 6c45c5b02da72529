// Each kind's import hooks as one object (src/db/import-kinds.ts kindHooks), run by writeImport
// (src/db/import-writer.ts) on a migrated in-memory database: calls keep the per-day summary and
// store a profile's missed rings, leave refuses overlapping records, other kinds only write their
// rows. And the writer's own end of a file: the hash of the bytes read goes into the ledger entry,
// unless another entry has it.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { kindHooks, type KindImportContext } from '../../src/db/import-kinds.js';
import { AlreadyImported, writeImport, type WriteEvent, type WriteOptions } from '../../src/db/import-writer.js';
import { migrate } from '../../src/db/migrate.js';
import { CALLS, LEAVE, OPERATORS, storedColumns, type ImportKind, type KindSpec } from '../../src/domain/kinds.js';
import { InputError } from '../../src/errors.js';

const NOW = 1_793_700_000;
const KPI = { threshold_seconds: 20, short_abandon_seconds: 5 };

function newDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

/** A stored row of `spec` from { column: value } (others NULL). */
function row(spec: KindSpec, values: Record<string, unknown>): unknown[] {
  return storedColumns(spec).map((c) => values[c] ?? null);
}

/** The events of one file of `spec`: start, one batch of `rows` (lines 2…), end. */
async function* file(spec: KindSpec, rows: unknown[][], extra: { rings?: unknown[]; sha256?: string } = {}): AsyncGenerator<WriteEvent> {
  const columns = storedColumns(spec);
  yield { type: 'start', encoding: 'utf-8', delimiter: ',', columns, present: columns, headers: columns, keyHeader: spec.key };
  yield { type: 'batch', rows, lines: rows.map((_, i) => i + 2), issues: [], bytes: 100, rings: extra.rings };
  yield { type: 'end', rows: rows.length, sha256: extra.sha256 };
}

let n = 0;
function options(kind: ImportKind, spec: KindSpec, ctx: Partial<KindImportContext> = {}, extra: Partial<WriteOptions> = {}): WriteOptions {
  const name = `${kind}-${++n}.csv`;
  return {
    ...kindHooks(kind, { file: name, kpi: KPI, profile: false, notice: () => undefined, ...ctx }),
    spec, file: name, zone: 'Asia/Shanghai', strict: true, now: () => NOW,
    ledger: { kind, file_name: name, file_path: `/data/${name}`, sha256: `sha-${n}`, size_bytes: 10, profile: null, started_at: NOW, os_user: 'hr', hotline_version: '0' },
    ...extra,
  };
}

/** An answered inbound call at 09:xx on 2026-11-03 (Shanghai). */
function call(id: string, minute: number): unknown[] {
  return row(CALLS, { call_id: id, started_at: 1_793_667_600 + 60 * minute, local_day: '2026-11-03', local_hour: 9, direction: 'inbound', outcome: 'answered', wait_seconds: 10, talk_seconds: 60 });
}

describe('kindHooks', () => {
  test('a kind with nothing to do besides its rows has no hooks', () => {
    expect(kindHooks('operators', { file: 'ops.csv', kpi: KPI, profile: false, notice: () => undefined })).toEqual({});
  });

  test('calls: the rows inserted are added to the per-day summary in the same transaction', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file(CALLS, [call('C1', 1), call('C2', 2), call('C3', 3)]), options('calls', CALLS));
    expect(db.prepare("SELECT offered, answered, answered_within_threshold FROM stats_days WHERE local_day = '2026-11-03' AND dim = 'total' AND direction = 'inbound'").get())
      .toEqual({ offered: 3, answered: 3, answered_within_threshold: 3 });
  });

  test('calls from a profile: the missed rings of a batch are stored under the import, and their index is deferred like the calls\'', async () => {
    const db = newDb();
    const rings = ['1001', 1_793_667_640, '2026-11-03', 'C1', 15, '1002', 1_793_667_700, '2026-11-03', 'C2', null];
    const hooks = options('calls', CALLS, { profile: true });
    expect(hooks.alsoFills).toEqual(['missed_rings', 'presence', 'presence_intervals']); // and the presence events and the intervals built from them (issue 20)
    const result = await writeImport(db, ':memory:', file(CALLS, [call('C1', 1), call('C2', 2)], { rings }), hooks);
    expect(db.prepare('SELECT operator_id, call_id, ring_seconds, import_id FROM missed_rings ORDER BY rang_at').all()).toEqual([
      { operator_id: '1001', call_id: 'C1', ring_seconds: 15, import_id: result.importId },
      { operator_id: '1002', call_id: 'C2', ring_seconds: null, import_id: result.importId },
    ]);
  });

  test('calls from a canonical file: no missed-rings table to defer', () => {
    expect(options('calls', CALLS).alsoFills).toBeUndefined();
  });

  test('leave: a record overlapping one already stored refuses the file, naming both, and nothing is written', async () => {
    const db = newDb();
    const leave = (id: string, start: string, end: string, type = 'sick'): unknown[] => row(LEAVE, { leave_id: id, operator_id: '1001', type, start_date: start, end_date: end });
    await writeImport(db, ':memory:', file(LEAVE, [leave('1001|2026-11-02', '2026-11-02', '2026-11-04')]), options('leave', LEAVE));
    const second = options('leave', LEAVE);
    const e = await writeImport(db, ':memory:', file(LEAVE, [leave('1001|2026-11-04', '2026-11-04', '2026-11-05', 'annual')]), second).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({
      message: `${second.file}: 1 overlapping leave record; nothing was imported from this file`,
      details: ['  operator 1001: sick 2026-11-02–2026-11-04 (already in the database (import #1)) overlaps annual 2026-11-04–2026-11-05 (line 2)'],
    });
    expect(db.prepare('SELECT count(*) FROM leave').pluck().get()).toBe(1);
  });
});

describe('writeImport: the hash of the bytes read, at the end of the file', () => {
  test('it replaces the hash the ledger entry began with', async () => {
    const db = newDb();
    const result = await writeImport(db, ':memory:', file(OPERATORS, [row(OPERATORS, { operator_id: '1001', name: '张三', hire_date: '2024-03-01' })], { sha256: 'read-hash' }), options('operators', OPERATORS));
    expect(db.prepare('SELECT sha256 FROM imports WHERE id = ?').pluck().get(result.importId)).toBe('read-hash');
  });

  test('another entry with that hash (imported meanwhile): AlreadyImported with its id, and nothing written', async () => {
    const db = newDb();
    const first = await writeImport(db, ':memory:', file(OPERATORS, [row(OPERATORS, { operator_id: '1001', name: '张三', hire_date: '2024-03-01' })], { sha256: 'same-bytes' }), options('operators', OPERATORS));
    const e = await writeImport(db, ':memory:', file(OPERATORS, [row(OPERATORS, { operator_id: '1002', name: '李四', hire_date: '2024-03-16' })], { sha256: 'same-bytes' }), options('operators', OPERATORS)).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(AlreadyImported);
    expect((e as AlreadyImported).importId).toBe(first.importId);
    expect(db.prepare('SELECT count(*) FROM operators').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
  });

  test('with --again the same hash is imported once more, as a new entry', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file(OPERATORS, [row(OPERATORS, { operator_id: '1001', name: '张三', hire_date: '2024-03-01' })], { sha256: 'same-bytes' }), options('operators', OPERATORS));
    await writeImport(db, ':memory:', file(OPERATORS, [row(OPERATORS, { operator_id: '1002', name: '李四', hire_date: '2024-03-16' })], { sha256: 'same-bytes' }), options('operators', OPERATORS, {}, { again: true }));
    expect(db.prepare("SELECT count(*) FROM imports WHERE sha256 = 'same-bytes'").pluck().get()).toBe(2);
  });
});
