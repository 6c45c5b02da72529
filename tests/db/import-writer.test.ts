import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { DayOrder, writeImport, type WriteEvent, type WriteOptions, type WriteResult } from '../../src/db/import-writer.js';
import type { BadRow as WriteIssue } from '../../src/io/import-protocol.js';
import { migrate } from '../../src/db/migrate.js';
import { CALLS, OPERATORS, storedColumns } from '../../src/domain/kinds.js';
import { DbStateError, InputError, InterruptedError } from '../../src/errors.js';
import { buildRowPlan } from '../../src/io/row-plan.js';

const COLUMNS = storedColumns(CALLS);
const HEADERS = ['call_id', 'started_at', 'outcome', 'talk_seconds'];
const NOW = 1793700000;

/** One stored calls row (values in COLUMNS order); unspecified columns are NULL. */
function call(id: string, fields: Record<string, unknown> = {}): unknown[] {
  const row: Record<string, unknown> = { call_id: id, started_at: 1793667900, local_day: '2026-11-03', local_hour: 9, direction: 'inbound', outcome: 'answered', talk_seconds: 60, ...fields };
  return COLUMNS.map((c) => row[c] ?? null);
}

/** `n` calls C01…, on lines 2…n+1. */
function calls(n: number, from = 1): [number, unknown[]][] {
  return Array.from({ length: n }, (_, i) => [from + i + 1, call(`C${String(from + i).padStart(2, '0')}`)]);
}

interface Batch {
  rows: [line: number, values: unknown[]][];
  issues?: WriteIssue[];
}

/** The events of a file with every column: start, its batches, end (rows = good rows + bad rows). */
function file(...batches: Batch[]): AsyncGenerator<WriteEvent> {
  return fileWith(COLUMNS, ...batches);
}

/** The events of a file that provides only the stored columns `present`. */
async function* fileWith(present: string[], ...batches: Batch[]): AsyncGenerator<WriteEvent> {
  yield { type: 'start', encoding: 'utf-8', delimiter: ',', columns: COLUMNS, present, headers: HEADERS, keyHeader: 'call_id' };
  let rows = 0;
  for (const b of batches) {
    rows += b.rows.length + (b.issues?.length ?? 0);
    yield { type: 'batch', rows: b.rows.map(([, v]) => v), lines: b.rows.map(([l]) => l), issues: b.issues ?? [], bytes: 100 };
  }
  yield { type: 'end', rows };
}

function newDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

let sha = 0;
function options(extra: Partial<WriteOptions> = {}): WriteOptions {
  return {
    spec: CALLS,
    file: 'calls.csv',
    ledger: { kind: 'calls', file_name: 'calls.csv', file_path: '/data/calls.csv', sha256: `sha-${++sha}`, size_bytes: 1234, profile: null, started_at: NOW - 60, os_user: 'supervisor', hotline_version: '0.1.0' },
    zone: 'Asia/Shanghai',
    strict: true,
    now: () => NOW,
    ...extra,
  };
}

/** The counts of a result, checked against the accounting rule. */
function counted(result: WriteResult): Omit<WriteResult, 'importId'> {
  const { importId: _, ...counts } = result;
  expect(counts.rows).toBe(counts.inserted + counts.updated + counts.unchanged + counts.rejected + counts.skipped);
  return counts;
}

function tableCounts(db: Database.Database): { calls: number; imports: number } {
  const n = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { calls: n('calls'), imports: n('imports') };
}

function stored(db: Database.Database, id: string): Record<string, unknown> | undefined {
  return db.prepare('SELECT call_id, outcome, talk_seconds, import_id, created_import_id, seen_import_id, seen_line FROM calls WHERE call_id = ?').get(id) as Record<string, unknown> | undefined;
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the import to fail');
}

const ZERO = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };

describe('writeImport counts', () => {
  test('fresh rows → inserted, with the ledger entry', async () => {
    const db = newDb();
    const result = await writeImport(db, ':memory:', file({ rows: calls(3) }), options({ ledger: { ...options().ledger, sha256: 'abc123' } }));
    expect(counted(result)).toEqual({ ...ZERO, rows: 3, inserted: 3 });
    expect(db.prepare('SELECT * FROM imports').all()).toEqual([{
      id: result.importId, kind: 'calls', file_name: 'calls.csv', file_path: '/data/calls.csv', sha256: 'abc123', size_bytes: 1234,
      encoding: 'utf-8', delimiter: ',', profile: null, rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, skipped: 0,
      started_at: NOW - 60, finished_at: NOW, os_user: 'supervisor', hotline_version: '0.1.0',
      // Schema 14 (growing logs): what the read of a file gives the writer goes there; these events carry none.
      device: null, inode: null, range_start: 0, range_end: null, end_line: null, head_sha256: null, tail_sha256: null, continues: null, resume_state: null,
    }]);
    expect(stored(db, 'C02')).toEqual({ call_id: 'C02', outcome: 'answered', talk_seconds: 60, import_id: 1, created_import_id: 1, seen_import_id: 1, seen_line: 3 });
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'timezone'`).get()).toEqual({ value: 'Asia/Shanghai' });
  });

  test('the same rows from a new import → unchanged, and marked as seen by it', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: calls(3) }), options());
    const result = await writeImport(db, ':memory:', file({ rows: calls(3) }), options());
    expect(counted(result)).toEqual({ ...ZERO, rows: 3, unchanged: 3 });
    expect(tableCounts(db)).toEqual({ calls: 3, imports: 2 });
    expect(stored(db, 'C01')).toEqual({ call_id: 'C01', outcome: 'answered', talk_seconds: 60, import_id: 1, created_import_id: 1, seen_import_id: 2, seen_line: 2 });
  });

  test('one changed value → updated, never a second row', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: calls(3) }), options());
    const result = await writeImport(db, ':memory:', file({ rows: [[2, call('C01')], [3, call('C02', { talk_seconds: 61 })], [4, call('C03')]] }), options());
    expect(counted(result)).toEqual({ ...ZERO, rows: 3, updated: 1, unchanged: 2 });
    expect(tableCounts(db)).toEqual({ calls: 3, imports: 2 });
    expect(stored(db, 'C02')).toEqual({ call_id: 'C02', outcome: 'answered', talk_seconds: 61, import_id: 2, created_import_id: 1, seen_import_id: 2, seen_line: 3 });
  });

  test('a changed value from NULL to a value counts as updated', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: [[2, call('C01', { talk_seconds: null })]] }), options());
    const result = await writeImport(db, ':memory:', file({ rows: [[2, call('C01', { talk_seconds: 0 })]] }), options());
    expect(counted(result)).toEqual({ ...ZERO, rows: 1, updated: 1 });
    expect(stored(db, 'C01')?.talk_seconds).toBe(0);
  });

  test('a file without a column leaves that column of existing rows alone', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: calls(2) }), options());
    const withoutTalk = COLUMNS.filter((c) => c !== 'talk_seconds');
    const partial = (): Batch => ({ rows: [[2, call('C01', { talk_seconds: null, outcome: 'abandoned' })], [3, call('C02', { talk_seconds: null })]] });
    expect(counted(await writeImport(db, ':memory:', fileWith(withoutTalk, partial()), options()))).toEqual({ ...ZERO, rows: 2, updated: 1, unchanged: 1 });
    expect(stored(db, 'C01')).toMatchObject({ outcome: 'abandoned', talk_seconds: 60 });
    expect(stored(db, 'C02')).toMatchObject({ outcome: 'answered', talk_seconds: 60 });
  });

  test('an identical duplicate key within one file → skipped', async () => {
    const db = newDb();
    const result = await writeImport(db, ':memory:', file({ rows: [[2, call('C01')], [3, call('C02')], [4, call('C01')]] }), options());
    expect(counted(result)).toEqual({ ...ZERO, rows: 3, inserted: 2, skipped: 1 });
    expect(stored(db, 'C01')?.seen_line).toBe(2);
  });

  test('an existing row twice in a new file → unchanged once, then skipped', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: calls(1) }), options());
    const result = await writeImport(db, ':memory:', file({ rows: [[5, call('C01')]] }, { rows: [[9, call('C01')]] }), options());
    expect(counted(result)).toEqual({ ...ZERO, rows: 2, unchanged: 1, skipped: 1 });
  });

  test('a time zone other than the database one is refused and nothing is written', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: calls(1) }), options());
    const e = await failure(writeImport(db, ':memory:', file({ rows: calls(2, 5) }), options({ zone: 'UTC' })));
    expect(e).toBeInstanceOf(DbStateError);
    expect(e).toMatchObject({ exitCode: 4, message: ":memory:: this database's local days are in Asia/Shanghai, but the policy time zone is UTC" });
    expect(tableCounts(db)).toEqual({ calls: 1, imports: 1 });
  });
});

describe('conflicting duplicates within one file', () => {
  const conflicting = (): Batch => ({ rows: [[2, call('C01')], [3, call('C02')], [4, call('C01', { outcome: 'abandoned' })]] });

  test('strict: InputError naming both lines, and nothing is written', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: [[2, call('C99')]] }), options());
    expect(tableCounts(db)).toEqual({ calls: 1, imports: 1 });
    const e = await failure(writeImport(db, ':memory:', file(conflicting()), options()));
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({
      exitCode: 3,
      message: 'calls.csv: 1 bad row; nothing was imported from this file',
      details: ['  line 4: column 1 (call_id): call_id C01 is also on line 2 with different content (keep one of the two lines)'],
      hint: 'fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
    });
    expect(tableCounts(db)).toEqual({ calls: 1, imports: 1 });
    expect(stored(db, 'C01')).toBeUndefined();
    expect(db.inTransaction).toBe(false);
  });

  test('non-strict: the later line is rejected through onReject, the first one kept', async () => {
    const db = newDb();
    const rejected: WriteIssue[] = [];
    const result = await writeImport(db, ':memory:', file(conflicting()), options({ strict: false, onReject: (i) => rejected.push(i) }));
    expect(counted(result)).toEqual({ ...ZERO, rows: 3, inserted: 2, rejected: 1 });
    expect(rejected).toEqual([{ line: 4, column: 'call_id', value: 'C01', reason: 'call_id C01 is also on line 2 with different content', hint: 'keep one of the two lines', record: [] }]);
    expect(stored(db, 'C01')?.outcome).toBe('answered');
    expect(db.prepare('SELECT rows, inserted, rejected FROM imports').get()).toEqual({ rows: 3, inserted: 2, rejected: 1 });
  });
});

describe('rows the converter already rejected', () => {
  const issue = (line: number): WriteIssue => ({
    line, column: 'started_at', value: '45963', reason: '"45963" is an Excel date serial number, not a date',
    hint: 'format the column as yyyy-mm-dd hh:mm:ss in Excel and export again', record: [`C${line}`, '45963', 'answered', '60'],
  });

  test('strict: the file is refused with the line, column number and reason', async () => {
    const db = newDb();
    const e = await failure(writeImport(db, ':memory:', file({ rows: calls(2), issues: [issue(7)] }), options()));
    expect(e).toMatchObject({
      message: 'calls.csv: 1 bad row; nothing was imported from this file',
      details: ['  line 7: column 2 (started_at): "45963" is an Excel date serial number, not a date (format the column as yyyy-mm-dd hh:mm:ss in Excel and export again)'],
    });
    expect(tableCounts(db)).toEqual({ calls: 0, imports: 0 });
  });

  test('strict: the first 20 bad rows are listed, then a count', async () => {
    const db = newDb();
    const issues = Array.from({ length: 23 }, (_, i) => issue(i + 2));
    const e = (await failure(writeImport(db, ':memory:', file({ rows: [], issues }), options()))) as InputError;
    expect(e.message).toBe('calls.csv: 23 bad rows; nothing was imported from this file');
    expect(e.details).toHaveLength(21);
    expect(e.details[19]).toMatch(/^ {2}line 21: column 2 \(started_at\): /);
    expect(e.details[20]).toBe('  … and 3 more');
  });

  test('non-strict: counted as rejected and passed on with the record', async () => {
    const db = newDb();
    const rejected: WriteIssue[] = [];
    const result = await writeImport(db, ':memory:', file({ rows: calls(2), issues: [issue(7)] }), options({ strict: false, onReject: (i) => rejected.push(i) }));
    expect(counted(result)).toEqual({ ...ZERO, rows: 3, inserted: 2, rejected: 1 });
    expect(rejected).toEqual([issue(7)]);
  });
});

describe('chunked inserts (more than 25 rows in a batch)', () => {
  test('30 rows over 10 existing: each row classified', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: calls(10) }), options());
    const rows = calls(30).map(([line, values]): [number, unknown[]] => {
      const id = values[0] as string;
      return id === 'C03' || id === 'C07' ? [line, call(id, { outcome: 'abandoned' })] : [line, values];
    });
    const result = await writeImport(db, ':memory:', file({ rows }), options());
    expect(counted(result)).toEqual({ ...ZERO, rows: 30, inserted: 20, updated: 2, unchanged: 8 });
    expect(tableCounts(db)).toEqual({ calls: 30, imports: 2 });
    expect(stored(db, 'C03')).toEqual({ call_id: 'C03', outcome: 'abandoned', talk_seconds: 60, import_id: 2, created_import_id: 1, seen_import_id: 2, seen_line: 4 });
    expect(stored(db, 'C05')).toEqual({ call_id: 'C05', outcome: 'answered', talk_seconds: 60, import_id: 1, created_import_id: 1, seen_import_id: 2, seen_line: 6 });
    expect(stored(db, 'C15')).toEqual({ call_id: 'C15', outcome: 'answered', talk_seconds: 60, import_id: 2, created_import_id: 2, seen_import_id: 2, seen_line: 16 });
    expect(stored(db, 'C30')).toEqual({ call_id: 'C30', outcome: 'answered', talk_seconds: 60, import_id: 2, created_import_id: 2, seen_import_id: 2, seen_line: 31 });
  });

  test('50 new rows (two full chunks) → all inserted', async () => {
    const db = newDb();
    const result = await writeImport(db, ':memory:', file({ rows: calls(50) }), options());
    expect(counted(result)).toEqual({ ...ZERO, rows: 50, inserted: 50 });
    expect(tableCounts(db).calls).toBe(50);
  });

  test('an identical duplicate inside one chunk → skipped', async () => {
    const db = newDb();
    const rows = calls(26);
    rows[19] = [21, call('C05')];
    const result = await writeImport(db, ':memory:', file({ rows }), options());
    expect(counted(result)).toEqual({ ...ZERO, rows: 26, inserted: 25, skipped: 1 });
    expect(stored(db, 'C05')?.seen_line).toBe(6);
  });

  test('a conflicting duplicate inside one chunk → rejected (non-strict) naming both lines', async () => {
    const db = newDb();
    const rows = calls(26);
    rows[19] = [21, call('C05', { talk_seconds: 99 })];
    const rejected: WriteIssue[] = [];
    const result = await writeImport(db, ':memory:', file({ rows }), options({ strict: false, onReject: (i) => rejected.push(i) }));
    expect(counted(result)).toEqual({ ...ZERO, rows: 26, inserted: 25, rejected: 1 });
    expect(rejected.map((i) => [i.line, i.reason])).toEqual([[21, 'call_id C05 is also on line 6 with different content']]);
    expect(stored(db, 'C05')?.talk_seconds).toBe(60);
  });

  test('a conflicting duplicate inside one chunk → strict refuses the file', async () => {
    const db = newDb();
    const rows = calls(26);
    rows[19] = [21, call('C05', { talk_seconds: 99 })];
    const e = await failure(writeImport(db, ':memory:', file({ rows }), options()));
    expect(e).toMatchObject({ message: 'calls.csv: 1 bad row; nothing was imported from this file', details: ['  line 21: column 1 (call_id): call_id C05 is also on line 6 with different content (keep one of the two lines)'] });
    expect(tableCounts(db)).toEqual({ calls: 0, imports: 0 });
  });
});

describe('all or nothing', () => {
  /** The calls table's secondary indexes: the day, the operator and day, and schema 12's phone and tracking number (repeat calls). */
  const CALL_INDEXES = ['calls_by_day', 'calls_by_operator_day', 'calls_by_phone', 'calls_by_tracking'];
  const indexes = (db: Database.Database): string[] =>
    (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'calls' AND sql IS NOT NULL ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

  test('an interrupted import throws InterruptedError and leaves the tables empty', async () => {
    const db = newDb();
    let checks = 0;
    // Interrupted when the second batch arrives (checks: start, batch 1, batch 2).
    const e = await failure(writeImport(db, ':memory:', file({ rows: calls(30) }, { rows: calls(5, 31) }), options({ isInterrupted: () => ++checks >= 3 })));
    expect(e).toBeInstanceOf(InterruptedError);
    expect(e).toMatchObject({ exitCode: 130, message: 'interrupted: nothing was imported from calls.csv' });
    expect(checks).toBe(3);
    expect(tableCounts(db)).toEqual({ calls: 0, imports: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    expect(db.inTransaction).toBe(false);
  });

  test('the secondary indexes dropped for a first load come back after a failure', async () => {
    const db = newDb();
    expect(indexes(db)).toEqual(CALL_INDEXES);
    await failure(writeImport(db, ':memory:', file({ rows: calls(3), issues: [{ line: 5, column: 'outcome', value: 'x', reason: 'bad', record: [] }] }), options()));
    expect(indexes(db)).toEqual(CALL_INDEXES);
  });

  test('the secondary indexes are rebuilt after a successful first load', async () => {
    const db = newDb();
    await writeImport(db, ':memory:', file({ rows: calls(30) }), options());
    expect(indexes(db)).toEqual(CALL_INDEXES);
  });

  test('after the rebuild (sorter threads, a smaller cache) both settings are back and the indexes are used', async () => {
    const db = newDb();
    db.pragma('cache_size = -16384');
    const seen: Array<{ threads: unknown; cache: unknown }> = [];
    await writeImport(db, ':memory:', file({ rows: calls(30) }), options({
      beforeCommit: (d) => void seen.push({ threads: d.pragma('threads', { simple: true }), cache: d.pragma('cache_size', { simple: true }) }),
    }));
    expect(seen).toEqual([{ threads: 0, cache: -16384 }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM calls WHERE operator_id = 'A01' AND local_day = '2026-01-05'`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('calls_by_operator_day');
  });

  /** `n` calls on lines 2…, one day each from 2026-01-01 on, in the order `order` gives (day offsets). */
  const daysOf = (order: number[]): [number, unknown[]][] =>
    order.map((d, i) => [i + 2, call(`D${String(i).padStart(5, '0')}`, { local_day: new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10), operator_id: `A${d % 7}` })]);
  /** The DROP and CREATE INDEX statements a first load runs, and whether calls had rows at each. */
  const ddlOf = async (rows: [number, unknown[]][], batch = 250): Promise<string[]> => {
    const db = newDb();
    const exec = db.exec.bind(db);
    const ran: string[] = [];
    db.exec = (sql: string) => {
      if (/^(DROP|CREATE) INDEX/.test(sql)) ran.push(`${sql.split(' ON ')[0]} (${(db.prepare('SELECT count(*) FROM calls').pluck().get() as number) > 0 ? 'rows' : 'empty'})`);
      return exec(sql);
    };
    const batches: Batch[] = [];
    for (let i = 0; i < rows.length; i += batch) batches.push({ rows: rows.slice(i, i + batch) });
    await writeImport(db, ':memory:', file(...batches), options());
    expect(indexes(db)).toEqual(CALL_INDEXES);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The day index answers for every row, whichever way it was built.
    for (const day of ['2026-01-01', '2026-01-31']) {
      const q = db.prepare(`SELECT count(*) FROM calls INDEXED BY calls_by_day WHERE local_day = ?`).pluck();
      expect(q.get(day)).toBe(rows.filter(([, v]) => v[COLUMNS.indexOf('local_day')] === day).length);
    }
    return ran;
  };

  test('a first load in day order keeps the day index and builds the others at the end', async () => {
    const inOrder = Array.from({ length: 3000 }, (_, i) => Math.floor(i / 100));
    expect(await ddlOf(daysOf(inOrder))).toEqual([
      'DROP INDEX calls_by_operator_day (empty)', 'DROP INDEX calls_by_phone (empty)', 'DROP INDEX calls_by_tracking (empty)',
      'CREATE INDEX calls_by_operator_day (rows)', 'CREATE INDEX calls_by_phone (rows)', 'CREATE INDEX calls_by_tracking (rows)',
    ]);
  });

  test('rows out of day order: the day index is dropped once they are many, and built at the end', async () => {
    // 3,000 rows cycling through 30 days: after the first cycle almost every row is late.
    const cycling = Array.from({ length: 3000 }, (_, i) => i % 30);
    expect(await ddlOf(daysOf(cycling))).toEqual([
      'DROP INDEX calls_by_operator_day (empty)',
      'DROP INDEX calls_by_phone (empty)',
      'DROP INDEX calls_by_tracking (empty)',
      'DROP INDEX calls_by_day (rows)',
      'CREATE INDEX calls_by_operator_day (rows)',
      'CREATE INDEX calls_by_phone (rows)',
      'CREATE INDEX calls_by_tracking (rows)',
      'CREATE INDEX calls_by_day (rows)',
    ]);
  });

  test('a few late rows (calls around midnight written after the next day began) keep the day index', async () => {
    const order = Array.from({ length: 3000 }, (_, i) => Math.floor(i / 100));
    for (let i = 100; i < 3000; i += 100) [order[i - 1], order[i]] = [order[i] as number, order[i - 1] as number];
    expect(await ddlOf(daysOf(order))).toEqual([
      'DROP INDEX calls_by_operator_day (empty)', 'DROP INDEX calls_by_phone (empty)', 'DROP INDEX calls_by_tracking (empty)',
      'CREATE INDEX calls_by_operator_day (rows)', 'CREATE INDEX calls_by_phone (rows)', 'CREATE INDEX calls_by_tracking (rows)',
    ]);
  });

  test('DayOrder: late rows over 1,000 and over 1 % of the rows so far', () => {
    const rows = (days: string[]): unknown[][] => days.map((d) => [d]);
    const order = new DayOrder(0);
    expect(order.add(rows(['2026-01-02', '2026-01-02', '2026-01-03']))).toBe(true);
    expect(order.add(rows(Array(1000).fill('2026-01-01')))).toBe(true);
    expect(order.add(rows(['2026-01-01']))).toBe(false);
    const big = new DayOrder(0);
    expect(big.add(rows([...Array(200_000).fill('2026-01-09'), ...Array(2000).fill('2026-01-08')]))).toBe(true);
    expect(big.add(rows(Array(21).fill('2026-01-08')))).toBe(false);
  });

  test('a failed import can be retried with the same file hash', async () => {
    const db = newDb();
    const ledger = { ...options().ledger, sha256: 'same-file' };
    await failure(writeImport(db, ':memory:', file({ rows: calls(3), issues: [{ line: 5, column: 'outcome', value: 'x', reason: 'bad', record: [] }] }), options({ ledger })));
    const result = await writeImport(db, ':memory:', file({ rows: calls(3) }), options({ ledger }));
    expect(counted(result)).toEqual({ ...ZERO, rows: 3, inserted: 3 });
    expect(tableCounts(db)).toEqual({ calls: 3, imports: 1 });
  });
});

describe('operators: columns defaulted from another column', () => {
  /** Imports one operators file (headers + records) through buildRowPlan, as `hotline import` does. */
  async function importOperators(db: Database.Database, headers: string[], records: string[][]): Promise<WriteResult> {
    const plan = buildRowPlan(OPERATORS, headers, { file: 'operators.csv', zone: 'Asia/Shanghai' });
    const rows = records.map((r, i) => {
      const out = plan.convert(r, i + 2);
      if ('issue' in out) throw new Error(JSON.stringify(out.issue));
      return out.values;
    });
    async function* events(): AsyncGenerator<WriteEvent> {
      yield { type: 'start', encoding: 'utf-8', delimiter: ',', columns: plan.columns, present: plan.present, headers, keyHeader: '工号' };
      yield { type: 'batch', rows, lines: rows.map((_, i) => i + 2), issues: [], bytes: 100 };
      yield { type: 'end', rows: rows.length };
    }
    return writeImport(db, ':memory:', events(), options({ spec: OPERATORS, file: 'operators.csv' }));
  }
  const wages = (db: Database.Database): unknown =>
    db.prepare('SELECT operator_id, team, hire_date, work_start_date, base_salary, monthly_wage FROM operators').all();

  test('a new operator without 参加工作日期 or 月平均工资 takes the hire date and base salary', async () => {
    const db = newDb();
    await importOperators(db, ['工号', '姓名', '入职日期', '基本工资'], [['1001', '张三', '2024-03-01', '5000']]);
    expect(wages(db)).toEqual([{ operator_id: '1001', team: null, hire_date: '2024-03-01', work_start_date: '2024-03-01', base_salary: 5000, monthly_wage: 5000 }]);
  });

  // Regression test (found while writing these tests, since fixed).
  test('a later file without those columns keeps the stored values', async () => {
    const db = newDb();
    await importOperators(db, ['工号', '姓名', '入职日期', '参加工作日期', '基本工资', '月平均工资'], [['1001', '张三', '2024-03-01', '2015-07-01', '5000', '6000']]);
    await importOperators(db, ['工号', '姓名', '入职日期', '班组', '基本工资'], [['1001', '张三', '2024-03-01', 'A组', '5500']]);
    expect(wages(db)).toEqual([{ operator_id: '1001', team: 'A组', hire_date: '2024-03-01', work_start_date: '2015-07-01', base_salary: 5500, monthly_wage: 6000 }]);
  });
});
