// Where an import parses its file (issue 19, item 6; docs/performance.md, "Small files are parsed
// in the import thread"): a file with under 1 MiB to read is parsed in the import thread itself,
// a larger one in a parsing worker of its own (src/io/import-source.ts). Which it was is seen in
// the modules the process loaded (tests/helpers/trace-loads.mjs sees every thread's): the worker's
// entry, dist/io/import-worker.js, is loaded only by a parsing worker. The import thread keeps
// what the worker does: the summary, "changed while being read", Ctrl-C between batches.
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { ROOT, hotlineProcess, startHotline } from '../helpers/cli.js';
import { csv, exited, generateCalls, hasOpen, integrity, rows, snapshot, waitUntil, workspace } from './support.js';

const { run, write, db, dir } = workspace('hotline-e2e-parse-path-');
const MiB = 1024 * 1024;
const TRACE = pathToFileURL(join(ROOT, 'tests', 'helpers', 'trace-loads.mjs')).href;
let traces = 0;

/** Environment that records the modules a hotline process loads in `file` (every thread's). */
function tracing(): { env: Record<string, string>; parsedBy: () => 'import thread' | 'parsing worker' | 'not parsed' } {
  const file = join(dir(), `loads-${traces++}.txt`);
  writeFileSync(file, '');
  const dist = (name: string): string => pathToFileURL(join(ROOT, 'dist', 'io', name)).href;
  return {
    env: { NODE_OPTIONS: `--import=${TRACE}`, TRACE_LOADS_FILE: file },
    parsedBy: () => {
      const loaded = new Set(readFileSync(file, 'utf8').split('\n'));
      if (loaded.has(dist('import-worker.js'))) return 'parsing worker';
      return loaded.has(dist('import-parse.js')) ? 'import thread' : 'not parsed';
    },
  };
}

const summary = (file: string, n: number, importId: number): string =>
  `${file}: ${n} rows: ${n} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #${importId}, utf-8)\n`;

/** A database holding two operators (import #1): the state a refusal must leave alone. */
function seeded(name: string): Record<string, unknown> {
  write('operators.csv', csv(['operator_id', 'name', 'hire_date'], [['1001', '张三', '2020-01-01'], ['1002', '李四', '2021-03-01']]));
  expect(run(['--db', name, 'import', 'operators', 'operators.csv']).status).toBe(0);
  return snapshot(db(name));
}

describe('a small file is parsed in the import thread, a large one in a worker', () => {
  test('199 rows (29 KB): parsed in the import thread; the same summary and rows', () => {
    generateCalls(db('small.csv'), 199);
    expect(statSync(db('small.csv')).size).toBeLessThan(MiB);
    const t = tracing();
    expect(hotlineProcess(['--db', 'small.db', 'import', 'calls', 'small.csv'], { cwd: dir(), env: t.env })).toEqual({ status: 0, stdout: '', stderr: summary('small.csv', 199, 1) });
    expect(t.parsedBy()).toBe('import thread');
    expect(rows(db('small.db'), 'SELECT count(*) AS n, min(call_id) AS first, max(call_id) AS last FROM calls')).toEqual([{ n: 199, first: 'C000000000', last: 'C000000198' }]);
  });

  test('7,300 rows (over 1 MiB): parsed in a worker thread of its own', () => {
    generateCalls(db('large.csv'), 7300);
    expect(statSync(db('large.csv')).size).toBeGreaterThanOrEqual(MiB);
    const t = tracing();
    expect(hotlineProcess(['--db', 'large.db', 'import', 'calls', 'large.csv'], { cwd: dir(), env: t.env })).toEqual({ status: 0, stdout: '', stderr: summary('large.csv', 7300, 1) });
    expect(t.parsedBy()).toBe('parsing worker');
    expect(rows(db('large.db'), 'SELECT count(*) AS n, max(call_id) AS last FROM calls')).toEqual([{ n: 7300, last: 'C000007299' }]);
  });
});

describe('in the import thread too: a file that changes while it is read, Ctrl-C between batches', () => {
  /** Calls in the file: more than the parsing reads ahead of the writer (12 batches of 250), under 1 MiB. */
  const ROWS = 6000;

  /**
   * Holds the write lock while hotline starts, so that its writer waits at BEGIN IMMEDIATE after
   * the first batches are parsed; once the file is open, `meanwhile` runs, then the lock is
   * released. The parsing cannot reach the end of the file before (its batches are not acknowledged).
   */
  async function importHeld(name: string, file: string, meanwhile: (child: ReturnType<typeof startHotline>) => void): Promise<{ status: number | null; stdout: string; stderr: string; parsedBy: string }> {
    const holder = new Database(db(name));
    holder.exec('BEGIN IMMEDIATE');
    let released = false;
    const t = tracing();
    try {
      const child = startHotline(['--db', name, '--busy-timeout', '60', 'import', 'calls', file], { cwd: dir(), env: t.env });
      const done = exited(child);
      await waitUntil(`${file} open`, () => hasOpen(child.pid as number, db(file)), child);
      meanwhile(child);
      holder.exec('ROLLBACK');
      released = true;
      const { status, stdout, stderr } = await done;
      return { status, stdout, stderr, parsedBy: t.parsedBy() };
    } finally {
      if (!released) holder.exec('ROLLBACK');
      holder.close();
    }
  }

  test('truncated while read: exit 3 "changed while being read", nothing imported', async () => {
    const before = seeded('cut.db');
    generateCalls(db('cut.csv'), ROWS);
    const size = statSync(db('cut.csv')).size;
    expect(size).toBeLessThan(MiB);
    const r = await importHeld('cut.db', 'cut.csv', () => truncateSync(db('cut.csv'), 70_000));
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: cut.csv: changed while being read (${size} bytes when the import began, 70000 bytes at the end of reading): nothing was imported\nhint: import it again once the program that writes it has finished\n`,
      parsedBy: 'import thread',
    });
    expect(snapshot(db('cut.db'))).toEqual(before);
  });

  test('SIGINT while the first batches wait: exit 130, "interrupted", nothing committed', async () => {
    const before = seeded('int.db');
    generateCalls(db('int.csv'), ROWS);
    expect(statSync(db('int.csv')).size).toBeLessThan(MiB);
    const r = await importHeld('int.db', 'int.csv', (child) => child.kill('SIGINT'));
    expect(r).toEqual({ status: 130, stdout: '', stderr: 'error: interrupted: nothing was imported from int.csv\n', parsedBy: 'import thread' });
    expect(snapshot(db('int.db'))).toEqual(before);
    expect(integrity(db('int.db'))).toBe('ok');
  });
});
