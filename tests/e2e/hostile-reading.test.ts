// Reading a file on the built binary (issue 18 items 2–4, issue 17 item 14): a file that changes
// while it is read, line ends other than LF and CRLF, a file that mixes encodings, a file with a
// header and no rows, and a day with no calls. Every refusal names the file and the reason, exits 3
// and leaves the database exactly as it was (a snapshot of every table, the ledger included).
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { startHotline } from '../helpers/cli.js';
import { csv, exited, generateCalls, rows, snapshot, value, workspace } from './support.js';

const { run, write, db, dir } = workspace('hotline-e2e-reading-');

const summary = (file: string, n: number, inserted: number, importId: number, encoding = 'utf-8'): string =>
  `${file}: ${n} rows: ${inserted} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #${importId}, ${encoding})\n`;

/** A database holding two operators (import #1): the state a refusal must leave alone. */
function seeded(name: string): Record<string, unknown> {
  write('operators.csv', csv(['operator_id', 'name', 'hire_date'], [['1001', '张三', '2020-01-01'], ['1002', '李四', '2021-03-01']]));
  expect(run(['--db', name, 'import', 'operators', 'operators.csv']).status).toBe(0);
  return snapshot(db(name));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once the process `pid` has `path` open (a descriptor in /proc/PID/fd points at it). */
async function waitForOpen(pid: number, path: string, timeoutMs = 20_000): Promise<void> {
  const target = realpathSync(path);
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return;
      } catch {
        // closed while we looked
      }
    }
    await sleep(10);
  }
  throw new Error(`process ${pid} did not open ${path} within ${timeoutMs} ms`);
}

/** Calls in the generated file: far more than the parsing worker reads ahead of the writer (12 batches of 250). */
const BIG_ROWS = 20_000;

describe('18.2: a file that changes while it is read', () => {
  /**
   * Holds the write lock while hotline starts, so that its writer waits at BEGIN IMMEDIATE and its
   * parsing worker stops 12 batches into the file; once the file is open, `change` alters it, and
   * the lock is released. No timing is involved: the worker cannot reach the end of the file
   * before the lock is released.
   */
  async function importWhileChanging(name: string, file: string, change: (path: string) => void): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const holder = new Database(db(name));
    holder.exec('BEGIN IMMEDIATE');
    let released = false;
    try {
      const child = startHotline(['--db', name, '--busy-timeout', '60', 'import', 'calls', file], { cwd: dir() });
      const done = exited(child);
      await waitForOpen(child.pid as number, join(dir(), file));
      change(join(dir(), file));
      holder.exec('ROLLBACK');
      released = true;
      const { status, stdout, stderr } = await done;
      return { status, stdout, stderr };
    } finally {
      if (!released) holder.exec('ROLLBACK');
      holder.close();
    }
  }

  test('truncated while read: exit 3 "changed while being read", nothing imported, and the whole file imports afterwards', async () => {
    const before = seeded('cut.db');
    generateCalls(join(dir(), 'whole.csv'), BIG_ROWS);
    copyFileSync(join(dir(), 'whole.csv'), join(dir(), 'cut.csv'));
    const size = statSync(join(dir(), 'cut.csv')).size;
    const r = await importWhileChanging('cut.db', 'cut.csv', (path) => truncateSync(path, 70_000));
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: cut.csv: changed while being read (${size} bytes when the import began, 70000 bytes at the end of reading): nothing was imported\nhint: import it again once the program that writes it has finished\n`,
    });
    expect(snapshot(db('cut.db'))).toEqual(before);
    // The whole file back: every row goes in (before, the ledger held the whole file's hash for a
    // part of its rows, and the whole file was "already imported").
    copyFileSync(join(dir(), 'whole.csv'), join(dir(), 'cut.csv'));
    expect(run(['--db', 'cut.db', 'import', 'calls', 'cut.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('cut.csv', BIG_ROWS, BIG_ROWS, 2) });
    expect(value(db('cut.db'), 'SELECT count(*) FROM calls')).toBe(BIG_ROWS);
  });

  test('appended to while read: exit 3, nothing imported', async () => {
    const before = seeded('grow.db');
    generateCalls(join(dir(), 'grow.csv'), BIG_ROWS);
    const size = statSync(join(dir(), 'grow.csv')).size;
    const more = 'Z000000001,2026-12-31 23:59:00,1001,inbound,answered,5,60,0,0,,,,,,,,,\n';
    const r = await importWhileChanging('grow.db', 'grow.csv', (path) => appendFileSync(path, more));
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: grow.csv: changed while being read (${size} bytes when the import began, ${size + more.length} bytes at the end of reading): nothing was imported\nhint: import it again once the program that writes it has finished\n`,
    });
    expect(snapshot(db('grow.db'))).toEqual(before);
  });

  test('a file that does not change: the ledger holds the SHA-256 of its bytes, and the same file again is "already imported"', () => {
    seeded('same.db');
    generateCalls(join(dir(), 'same.csv'), 300);
    expect(run(['--db', 'same.db', 'import', 'calls', 'same.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('same.csv', 300, 300, 2) });
    expect(rows(db('same.db'), 'SELECT id, sha256, size_bytes FROM imports WHERE id = 2')).toEqual([
      { id: 2, sha256: createHash('sha256').update(readFileSync(join(dir(), 'same.csv'))).digest('hex'), size_bytes: statSync(join(dir(), 'same.csv')).size },
    ]);
    expect(run(['--db', 'same.db', 'import', 'calls', 'same.csv'])).toEqual({ status: 0, stdout: '', stderr: 'same.csv: already imported as import #2; nothing changed\n' });
    // Another file of the same size (hashed before it is read, as a retry could be): imported, with its own hash.
    const other = readFileSync(join(dir(), 'same.csv'), 'utf8').replace('C000000299,', 'X000000299,');
    write('same-size.csv', other);
    expect(statSync(join(dir(), 'same-size.csv')).size).toBe(statSync(join(dir(), 'same.csv')).size);
    expect(run(['--db', 'same.db', 'import', 'calls', 'same-size.csv'])).toEqual({ status: 0, stdout: '', stderr: 'same-size.csv: 300 rows: 1 inserted, 0 updated, 299 unchanged, 0 rejected, 0 skipped (import #3, utf-8)\n' });
    expect(value(db('same.db'), 'SELECT sha256 FROM imports WHERE id = 3')).toBe(createHash('sha256').update(other).digest('hex'));
  });
});
