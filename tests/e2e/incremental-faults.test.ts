// Growing logs under faults (issue 23, docs/growing-logs.md "Guarantees"): two processes that
// continue the same ledger entry at once import what was appended once; a file appended to while
// a continuation reads it is refused, and the next import reads everything from where the last
// committed one ended. Real processes: the point is two of them, and a write during a read.
import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { ROOT, startHotline } from '../helpers/cli.js';
import { exited, generateCalls, rows, value, waitForBatches, waitForWriter, workspace } from './support.js';

const ROWS = 80_000;
const FIRST = 1_000;
const ws = workspace('hotline-e2e-incremental-faults-');
let all: Buffer;
/** The byte after the header and the first FIRST rows. */
let cut: number;

beforeAll(() => {
  generateCalls(join(ws.dir(), 'all.csv'), ROWS);
  all = readFileSync(join(ws.dir(), 'all.csv'));
  cut = 0;
  for (let i = 0; i <= FIRST; i++) cut = all.indexOf(0x0a, cut) + 1;
});

/** A database that imported the first rows of `name`, which then grew to the whole file. */
function grown(db: string, name: string): void {
  writeFileSync(join(ws.dir(), name), all.subarray(0, cut));
  expect(ws.run(['--db', db, 'import', 'calls', name]).status).toBe(0);
  appendFileSync(join(ws.dir(), name), all.subarray(cut));
}

test('two processes continue the same entry at once: the second waits, then says "already imported" (exit 0); the rows are there once', async () => {
  grown('two.db', 'two.csv');
  const first = startHotline(['--db', 'two.db', 'import', 'calls', 'two.csv'], { cwd: ws.dir() });
  const firstDone = exited(first);
  await waitForWriter(ws.db('two.db'), first);
  const second = exited(startHotline(['--db', 'two.db', '--busy-timeout', '120', 'import', 'calls', 'two.csv'], { cwd: ws.dir() }));
  const [a, b] = await Promise.all([firstDone, second]);
  expect(a.status).toBe(0);
  expect(a.stderr).toBe(`two.csv: ${ROWS - FIRST} rows: ${ROWS - FIRST} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8, bytes ${cut}–${all.length} appended since import #1)\n`);
  expect(b).toEqual({ status: 0, signal: null, stdout: '', stderr: 'two.csv: already imported as import #2; nothing changed\n' });
  expect(value(ws.db('two.db'), 'SELECT count(*) FROM calls')).toBe(ROWS);
  expect(rows(ws.db('two.db'), 'SELECT id, range_start, range_end, continues FROM imports ORDER BY id')).toEqual([
    { id: 1, range_start: 0, range_end: cut, continues: null },
    { id: 2, range_start: cut, range_end: all.length, continues: 1 },
  ]);
});

test('appended to while a continuation reads it: refused, nothing written; the next import reads everything from where the last one ended', async () => {
  grown('write.db', 'write.csv');
  const child = startHotline(['--db', 'write.db', 'import', 'calls', 'write.csv'], { cwd: ws.dir() });
  const done = exited(child);
  await waitForWriter(ws.db('write.db'), child);
  await waitForBatches(child, 512 * 1024);
  const more = 'X000000001,2026-12-01 09:00:00,1001,inbound,answered,10,100,0,0,,,,,13800000001,,,,\n';
  appendFileSync(join(ws.dir(), 'write.csv'), more);
  const r = await done;
  expect(r.status).toBe(3);
  expect(r.stderr).toBe(`error: write.csv: changed while being read (${all.length} bytes when the import began, ${all.length + more.length} bytes at the end of reading): nothing was imported\nhint: import it again once the program that writes it has finished\n`);
  expect(rows(ws.db('write.db'), 'SELECT id FROM imports')).toEqual([{ id: 1 }]);
  expect(value(ws.db('write.db'), 'SELECT count(*) FROM calls')).toBe(FIRST);
  const next = ws.run(['--db', 'write.db', 'import', 'calls', '--format', 'json', 'write.csv']);
  expect(JSON.parse(next.stdout)).toMatchObject({ status: 'imported', range_start: cut, range_end: all.length + more.length, continues_import_id: 1, inserted: ROWS - FIRST + 1 });
  expect(value(ws.db('write.db'), 'SELECT count(*) FROM calls')).toBe(ROWS + 1);
});

test('a phone-system log appended to while it is read (Asterisk writing): the lines up to the size it had are imported, the rest left for the next import', async () => {
  const log = join(ws.dir(), 'queue_log');
  const gen = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate-pbx.mjs'), 'asterisk-queue-log', log, '60000'], { encoding: 'utf8' });
  expect(gen.status).toBe(0);
  const size = readFileSync(log).length;
  // The database exists (import #1), for the probe that sees the import write.
  writeFileSync(join(ws.dir(), 'one.csv'), 'call_id,started_at,outcome\nZ1,2026-10-12 09:00:00,answered\n');
  expect(ws.run(['--db', 'live.db', 'import', 'calls', 'one.csv']).status).toBe(0);
  const child = startHotline(['--db', 'live.db', '--verbose', 'import', 'calls', '--profile', 'asterisk-queue-log', '--format', 'json', 'queue_log'], { cwd: ws.dir() });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const done = exited(child);
  await waitForWriter(ws.db('live.db'), child);
  await waitForBatches(child, 1024 * 1024);
  const more = '1798761700|9.1|hotline|NONE|ENTERQUEUE||13800000001|1\n1798761730|9.1|hotline|NONE|ABANDON|1|1|30\n';
  appendFileSync(log, more);
  const r = await done;
  expect(r.status).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ status: 'imported', inserted: 60000, range_start: 0, range_end: size });
  expect(r.stderr).toContain(`queue_log: ${more.length} bytes were appended while it was read: left for the next import\n`);
  const next = ws.run(['--db', 'live.db', 'import', 'calls', '--profile', 'asterisk-queue-log', '--format', 'json', 'queue_log']);
  expect(JSON.parse(next.stdout)).toMatchObject({ status: 'imported', inserted: 1, range_start: size, range_end: size + more.length, continues_import_id: 2 });
});

test('a phone-system log rewritten while it is read (a byte of its first block changed, then lines appended): refused as before', async () => {
  const log = join(ws.dir(), 'queue_log.rw');
  const gen = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate-pbx.mjs'), 'asterisk-queue-log', log, '60000'], { encoding: 'utf8' });
  expect(gen.status).toBe(0);
  writeFileSync(join(ws.dir(), 'one.csv'), 'call_id,started_at,outcome\nZ1,2026-10-12 09:00:00,answered\n');
  expect(ws.run(['--db', 'rw.db', 'import', 'calls', 'one.csv']).status).toBe(0);
  const size = readFileSync(log).length;
  const child = startHotline(['--db', 'rw.db', 'import', 'calls', '--profile', 'asterisk-queue-log', 'queue_log.rw'], { cwd: ws.dir() });
  const done = exited(child);
  await waitForWriter(ws.db('rw.db'), child);
  await waitForBatches(child, 1024 * 1024);
  const fd = openSync(log, 'r+');
  writeSync(fd, Buffer.from('2'), 0, 1, 0);
  closeSync(fd);
  const line = '1798761700|9.1|hotline|NONE|ENTERQUEUE||13800000001|1\n';
  appendFileSync(log, line);
  const r = await done;
  expect(r.status).toBe(3);
  expect(r.stderr).toBe(`error: queue_log.rw: changed while being read (${size} bytes when the import began, ${size + line.length} bytes at the end of reading): nothing was imported\nhint: import it again once the program that writes it has finished\n`);
  expect(rows(ws.db('rw.db'), 'SELECT id FROM imports')).toEqual([{ id: 1 }]);
});
