// Faults on the built binary: two imports at once, a busy database (given up, or waited for),
// kill -9, Ctrl-C (also at a terminal, with the progress bar) and SIGTERM
// in the middle of an import, and the exit codes of usage, input and database-state errors.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { hotline, startHotline, tempDir, type CliResult } from '../helpers/cli.js';
import { builtOnce, csv, escapes, exited, generateCalls, hasOpen, integrity, interruptInTerminal, rows, snapshot, tableCounts, value, waitForBatches, waitForWriter, waitUntil, withDb } from './support.js';

/** Rows of the generated file: big enough that an import takes a few seconds. */
const BIG_ROWS = 80_000;

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-faults-'));
  generateCalls(join(dir, 'big.csv'), BIG_ROWS);
  writeFileSync(join(dir, 'operators.csv'), csv(['operator_id', 'name', 'hire_date'], [['1001', '张三', '2020-01-01'], ['1002', '李四', '2021-03-01']]));
});
afterAll(() => cleanup());

function run(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  return hotline(args, { cwd: dir, env });
}

const db = (name: string): string => join(dir, name);

/** A database holding two operators (import #1): the state a later failure must leave alone. */
const seededDb = builtOnce(() => dir, (name) => {
  expect(run(['--db', name, 'import', 'operators', 'operators.csv']).status).toBe(0);
});
function seeded(name: string): Record<string, unknown> {
  return snapshot(seededDb(name));
}

/** `count` calls with keys `<prefix>00001`… on 2026-10-05, one a second from 08:00. */
function callsFile(name: string, prefix: string, count: number): string {
  const data = Array.from({ length: count }, (_, i) => {
    const t = new Date(Date.UTC(2026, 9, 5, 8, 0, i));
    const at = `2026-10-05 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}:${String(t.getUTCSeconds()).padStart(2, '0')}`;
    return [`${prefix}${String(i + 1).padStart(5, '0')}`, at, i % 7 === 0 ? 'abandoned' : 'answered', i % 60];
  });
  writeFileSync(join(dir, name), csv(['call_id', 'started_at', 'outcome', 'wait_seconds'], data));
  return name;
}

describe('two writers', () => {
  test('two imports of different files at once: each succeeds or gives up busy, and the rows are exactly the successful ones', async () => {
    const files = [callsFile('pa.csv', 'PA', 6000), callsFile('pb.csv', 'PB', 6000)];
    seeded('two.db');
    const results = await Promise.all(files.map((f) => exited(startHotline(['--db', 'two.db', 'import', 'calls', f], { cwd: dir }))));
    const done: string[] = [];
    results.forEach((r, i) => {
      const file = files[i] as string;
      if (r.status === 0) {
        expect(r.stderr).toMatch(new RegExp(`^${file}: 6000 rows: 6000 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped \\(import #[23], utf-8\\)\\n$`));
        done.push(file);
      } else {
        expect(r).toMatchObject({ status: 4, stdout: '', stderr: 'error: two.db: database busy: another hotline process is writing\nhint: retry in a moment, or wait longer with --busy-timeout SECONDS\n' });
      }
    });
    expect(done.length).toBeGreaterThan(0);
    expect(rows(db('two.db'), 'SELECT kind, file_name, rows, inserted FROM imports ORDER BY file_name')).toEqual([
      { kind: 'operators', file_name: 'operators.csv', rows: 2, inserted: 2 },
      ...done.sort().map((f) => ({ kind: 'calls', file_name: f, rows: 6000, inserted: 6000 })),
    ]);
    expect(rows(db('two.db'), 'SELECT substr(call_id, 1, 2) AS file, count(*) AS n FROM calls GROUP BY 1 ORDER BY 1')).toEqual(
      done.sort().map((f) => ({ file: f.slice(0, 2).toUpperCase(), n: 6000 })),
    );
    expect(integrity(db('two.db'))).toBe('ok');
  });

  test('a second import with --busy-timeout 0 while one is writing: exit 4 "database busy", nothing of it written', async () => {
    const before = seeded('busy.db');
    callsFile('small.csv', 'SM', 10);
    const first = startHotline(['--db', 'busy.db', 'import', 'calls', 'big.csv'], { cwd: dir });
    const firstDone = exited(first);
    await waitForWriter(db('busy.db'), first);
    const second = run(['--db', 'busy.db', '--busy-timeout', '0', 'import', 'calls', 'small.csv']);
    expect(second).toEqual({ status: 4, stdout: '', stderr: 'error: busy.db: database busy: another hotline process is writing\nhint: retry in a moment, or wait longer with --busy-timeout SECONDS\n' });
    first.kill('SIGTERM');
    expect(await firstDone).toEqual({ status: 130, signal: null, stdout: '', stderr: 'error: interrupted: nothing was imported from big.csv\n' });
    expect(snapshot(db('busy.db'))).toEqual(before);
    expect(integrity(db('busy.db'))).toBe('ok');
  });
});

describe('two writers with a long --busy-timeout', () => {
  const BUSY = 'error: {db}: database busy: another hotline process is writing\nhint: retry in a moment, or wait longer with --busy-timeout SECONDS\n';

  test('a second import started while the first is writing waits (--busy-timeout 120) and succeeds: both files\' rows, both in the ledger', async () => {
    seeded('wait.db');
    callsFile('wa.csv', 'WA', 3000);
    const first = startHotline(['--db', 'wait.db', 'import', 'calls', 'big.csv'], { cwd: dir });
    const firstDone = exited(first);
    await waitForWriter(db('wait.db'), first);
    // Started while the first holds the write lock: with --busy-timeout 0 it would exit 4 (the test above).
    const second = exited(startHotline(['--db', 'wait.db', '--busy-timeout', '120', 'import', 'calls', 'wa.csv'], { cwd: dir }));
    const [a, b] = await Promise.all([firstDone, second]);
    expect(a).toEqual({ status: 0, signal: null, stdout: '', stderr: `big.csv: ${BIG_ROWS} rows: ${BIG_ROWS} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n` });
    // import #3: it committed after the first, which held the lock when it started.
    expect(b).toEqual({ status: 0, signal: null, stdout: '', stderr: 'wa.csv: 3000 rows: 3000 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #3, utf-8)\n' });
    expect(rows(db('wait.db'), 'SELECT id, kind, file_name, rows, inserted FROM imports ORDER BY id')).toEqual([
      { id: 1, kind: 'operators', file_name: 'operators.csv', rows: 2, inserted: 2 },
      { id: 2, kind: 'calls', file_name: 'big.csv', rows: BIG_ROWS, inserted: BIG_ROWS },
      { id: 3, kind: 'calls', file_name: 'wa.csv', rows: 3000, inserted: 3000 },
    ]);
    expect(rows(db('wait.db'), "SELECT substr(call_id, 1, 2) AS file, count(*) AS n FROM calls GROUP BY 1 ORDER BY 1")).toEqual([{ file: 'C0', n: BIG_ROWS }, { file: 'WA', n: 3000 }]);
    expect(integrity(db('wait.db'))).toBe('ok');
  });

  test('docs/reliability.md\'s procedure: another connection holds BEGIN IMMEDIATE; --busy-timeout 1 gives up busy, --busy-timeout 10 waits and succeeds', async () => {
    const before = seeded('hold.db');
    callsFile('hold.csv', 'HD', 500);
    const holder = new Database(db('hold.db'), { fileMustExist: true });
    try {
      holder.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      const short = await exited(startHotline(['--db', 'hold.db', '--busy-timeout', '1', 'import', 'calls', 'hold.csv'], { cwd: dir }));
      const shortMs = Date.now() - started;
      expect(short).toEqual({ status: 4, signal: null, stdout: '', stderr: BUSY.replace('{db}', 'hold.db') });
      expect(shortMs).toBeGreaterThanOrEqual(1000); // it did wait its second
      expect(snapshot(db('hold.db'))).toEqual(before);

      const long = startHotline(['--db', 'hold.db', '--busy-timeout', '10', 'import', 'calls', 'hold.csv'], { cwd: dir });
      const longDone = exited(long);
      // Once it has the database open it is waiting for the lock; the lock is then kept 1.5 s more,
      // longer than --busy-timeout 1 waited above, and let go.
      await waitUntil('the import opened hold.db', () => hasOpen(long.pid as number, db('hold.db')), long);
      const waitingSince = Date.now();
      await new Promise((r) => setTimeout(r, 1500));
      expect({ exitCode: long.exitCode, signalCode: long.signalCode }).toEqual({ exitCode: null, signalCode: null }); // still waiting
      expect(Date.now() - waitingSince).toBeGreaterThanOrEqual(1500);
      holder.exec('COMMIT');
      expect(await longDone).toEqual({ status: 0, signal: null, stdout: '', stderr: 'hold.csv: 500 rows: 500 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n' });
    } finally {
      if (holder.inTransaction) holder.exec('ROLLBACK');
      holder.close();
    }
    expect(rows(db('hold.db'), 'SELECT id, file_name, rows, inserted FROM imports ORDER BY id')).toEqual([
      { id: 1, file_name: 'operators.csv', rows: 2, inserted: 2 },
      { id: 2, file_name: 'hold.csv', rows: 500, inserted: 500 },
    ]);
    expect(value(db('hold.db'), "SELECT count(*) FROM calls WHERE call_id LIKE 'HD%'")).toBe(500);
    expect(integrity(db('hold.db'))).toBe('ok');
  });
});

test('the same file imported by two processes at once: the second waits, then says "already imported" (exit 0)', async () => {
  seeded('same.db');
  const first = startHotline(['--db', 'same.db', 'import', 'calls', 'big.csv'], { cwd: dir });
  const firstDone = exited(first);
  await waitForWriter(db('same.db'), first);
  const second = exited(startHotline(['--db', 'same.db', '--busy-timeout', '120', 'import', 'calls', 'big.csv'], { cwd: dir }));
  const [a, b] = await Promise.all([firstDone, second]);
  expect(a.status).toBe(0);
  expect(a.stderr).toMatch(new RegExp(`^big\\.csv: ${BIG_ROWS} rows: ${BIG_ROWS} inserted, .*\\(import #2, utf-8\\)\\n$`));
  expect(b).toEqual({ status: 0, signal: null, stdout: '', stderr: 'big.csv: already imported as import #2; nothing changed\n' });
  expect(value(db('same.db'), 'SELECT count(*) FROM calls')).toBe(BIG_ROWS);
  expect(rows(db('same.db'), 'SELECT id, file_name FROM imports ORDER BY id')).toEqual([{ id: 1, file_name: 'operators.csv' }, { id: 2, file_name: 'big.csv' }]);
});

describe('killed and interrupted imports', () => {
  test('kill -9 mid-import: no row and no ledger entry from the file, integrity ok, and a rerun imports everything', async () => {
    const before = seeded('kill.db');
    const child = startHotline(['--db', 'kill.db', 'import', 'calls', 'big.csv'], { cwd: dir });
    const done = exited(child);
    await waitForWriter(db('kill.db'), child);
    await waitForBatches(child, 2 * 1024 * 1024); // some batches are in
    child.kill('SIGKILL');
    expect(await done).toMatchObject({ status: null, signal: 'SIGKILL', stdout: '' });
    expect(existsSync(db('kill.db-wal'))).toBe(true); // the crash left its journal behind
    expect(integrity(db('kill.db'))).toBe('ok');
    expect(snapshot(db('kill.db'))).toEqual(before);
    expect(tableCounts(db('kill.db'))).toMatchObject({ imports: 1, calls: 0 });
    const rerun = run(['--db', 'kill.db', 'import', 'calls', 'big.csv']);
    expect(rerun).toEqual({ status: 0, stdout: '', stderr: `big.csv: ${BIG_ROWS} rows: ${BIG_ROWS} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n` });
    expect(rows(db('kill.db'), 'SELECT count(*) AS n, min(call_id) AS first, max(call_id) AS last FROM calls')).toEqual([{ n: BIG_ROWS, first: 'C000000000', last: `C${String(BIG_ROWS - 1).padStart(9, '0')}` }]);
    expect(value(db('kill.db'), "SELECT count(*) FROM imports WHERE file_name = 'big.csv'")).toBe(1);
    expect(integrity(db('kill.db'))).toBe('ok');
  });

  test.each([
    { signal: 'SIGINT' as const },
    { signal: 'SIGTERM' as const },
  ])('$signal mid-import: exit 130, "interrupted", nothing committed', async ({ signal }) => {
    const name = `${signal}.db`;
    const before = seeded(name);
    const child = startHotline(['--db', name, 'import', 'calls', 'big.csv'], { cwd: dir });
    const done = exited(child);
    await waitForWriter(db(name), child);
    await waitForBatches(child, 1024 * 1024);
    child.kill(signal);
    expect(await done).toEqual({ status: 130, signal: null, stdout: '', stderr: 'error: interrupted: nothing was imported from big.csv\n' });
    expect(snapshot(db(name))).toEqual(before);
    expect(integrity(db(name))).toBe('ok');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

/**
 * What a terminal shows after `output`: its lines (trailing spaces and empty lines dropped) and
 * whether the cursor is visible. Knows the sequences cli-progress and Node's readline write
 * (ESC 7/8, ESC[?25l/h, ESC[?7l/h, ESC[nG, ESC[nA/B/C/D, ESC[K/0K/1K/2K, ESC[J); any other is an error.
 */
function screen(output: string): { lines: string[]; cursorVisible: boolean } {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  let saved = { row: 0, col: 0 };
  let cursorVisible = true;
  const line = (): string[] => (lines[row] ??= []);
  for (let i = 0; i < output.length; i++) {
    const ch = output[i] as string;
    if (ch === '\r') col = 0;
    else if (ch === '\n') row++;
    else if (ch === '\u001b') {
      const m = /^\u001b(?:([78])|\[(\?)?(\d*)([A-Za-z]))/.exec(output.slice(i));
      if (!m) throw new Error(`unknown escape sequence at ${i}: ${JSON.stringify(output.slice(i, i + 12))}`);
      i += m[0].length - 1;
      const [, save, priv, num, cmd] = m;
      const n = num === '' || num === undefined ? undefined : Number(num);
      if (save === '7') saved = { row, col };
      else if (save === '8') ({ row, col } = saved);
      else if (priv) {
        if (n === 25) cursorVisible = cmd === 'h';
        else if (n !== 7) throw new Error(`unknown mode ${m[0]}`);
      } else if (cmd === 'G') col = (n ?? 1) - 1;
      else if (cmd === 'A') row = Math.max(0, row - (n ?? 1));
      else if (cmd === 'B') row += n ?? 1;
      else if (cmd === 'C') col += n ?? 1;
      else if (cmd === 'D') col = Math.max(0, col - (n ?? 1));
      else if (cmd === 'K') {
        if ((n ?? 0) === 0) line().length = Math.min(line().length, col);
        else if (n === 1) line().fill(' ', 0, col + 1);
        else line().length = 0;
      } else if (cmd === 'J') {
        line().length = Math.min(line().length, col);
        lines.length = row + 1;
      } else throw new Error(`unknown escape sequence ${JSON.stringify(m[0])}`);
    } else {
      const l = line();
      while (l.length < col) l.push(' ');
      l[col++] = ch;
    }
  }
  const text = Array.from(lines, (l) => (l ?? []).join('').trimEnd());
  while (text.length > 0 && text[text.length - 1] === '') text.pop();
  return { lines: text, cursorVisible };
}

describe('Ctrl-C at a terminal', () => {
  test('the progress bar is drawn, then on SIGINT cleared: the screen shows only "interrupted", the cursor is shown again, exit 130, nothing committed', async () => {
    const before = seeded('ctrlc.db');
    const r = await interruptInTerminal(['--db', 'ctrlc.db', 'import', 'calls', 'big.csv'], {
      cwd: dir,
      env: { TERM: 'xterm-256color', NO_COLOR: undefined },
      // A frame past 0 %: some batches are in (the first frames, "0% 0s" then "0% NFs", can stay
      // on screen longer than any fixed delay when the machine is busy).
      when: /big\.csv \[[█░]{40}\] [1-9]\d*% (?:\d+m)?\d+s/,
      delayMs: 200,
    });
    expect(r.signalled).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(130);
    // The control: the bar really was on the terminal and hid the cursor (cli-progress hideCursor).
    expect(r.stdout).toContain('\u001b[?25l');
    expect(r.stdout).toMatch(/big\.csv \[[█░]{40}\] \d+%/);
    expect(r.stdout).not.toMatch(/big\.csv \[█{40}\] 100%/); // interrupted before the end
    // After the last frame: the show-cursor sequence, the line cleared, then the message.
    const lastHide = r.stdout.lastIndexOf('\u001b[?25l');
    expect(r.stdout.indexOf('\u001b[?25h', lastHide)).toBeGreaterThan(lastHide);
    expect(escapes(r.stdout).length).toBeGreaterThan(0);
    expect(screen(r.stdout)).toEqual({ lines: ['error: interrupted: nothing was imported from big.csv'], cursorVisible: true });
    // The control for screen(): cut just before the clean-up, the bar is on the screen and the cursor hidden.
    const cut = screen(r.stdout.slice(0, r.stdout.lastIndexOf('\u001b[?25h')));
    expect(cut.cursorVisible).toBe(false);
    expect(cut.lines).toHaveLength(1);
    // cli-progress's {eta_formatted}: 42s, or 1m5s when the machine is busy.
    expect(cut.lines[0]).toMatch(/^big\.csv \[[█░]{40}\] \d+% (?:\d+m)?\d+s$/);
    expect(snapshot(db('ctrlc.db'))).toEqual(before);
    expect(integrity(db('ctrlc.db'))).toBe('ok');
  });
});

describe('exit codes', () => {
  test('an unknown option: exit 2 and the option named', () => {
    expect(run(['--db', 'x.db', 'calls', 'list', '--bogus'])).toEqual({ status: 2, stdout: '', stderr: "error: unknown option '--bogus'\n" });
    expect(run(['--bogus'])).toEqual({ status: 2, stdout: '', stderr: "error: unknown option '--bogus'\n(run with --help for usage)\n" });
    expect(run(['nosuch'])).toEqual({ status: 2, stdout: '', stderr: "error: unknown command 'nosuch'\n(run with --help for usage)\n" });
  });

  test('a bad option value: exit 2 with what is accepted', () => {
    writeFileSync(join(dir, 'tz.csv'), 'call_id,started_at,outcome\nT1,2026-10-01 09:00,answered\n');
    expect(run(['--db', 'opt.db', 'import', 'calls', '--source-tz', 'Mars/Olympus', 'tz.csv'])).toEqual({
      status: 2, stdout: '', stderr: "error: option '--source-tz <zone>' argument 'Mars/Olympus' is invalid. not an IANA time zone (e.g. UTC, Asia/Shanghai)\n",
    });
    expect(run(['--db', 'opt.db', 'import', 'calls', '--rejects', 'r.csv', 'tz.csv'])).toEqual({
      status: 2, stdout: '', stderr: 'error: --rejects goes with --skip-invalid\nhint: add --skip-invalid to import the good rows and write the bad ones to --rejects\n',
    });
    expect(existsSync(db('opt.db'))).toBe(false);
  });

  // PRODUCT.md §4: 2 usage, 3 bad input data. docs/formats.md lists "FILE: no such file" under 2.
  test('a missing input file: exit 2, "no such file", the database as it was', () => {
    const before = seeded('missing.db');
    expect(run(['--db', 'missing.db', 'import', 'calls', 'nope.csv'])).toEqual({ status: 2, stdout: '', stderr: 'error: nope.csv: no such file\n' });
    expect(snapshot(db('missing.db'))).toEqual(before);
  });

  // Regression test (found while writing these tests, since fixed).
  test('a missing input file does not create a database', () => {
    expect(run(['--db', 'created.db', 'import', 'calls', 'nope.csv']).status).toBe(2);
    expect(existsSync(db('created.db'))).toBe(false);
  });

  test('a report on a database that does not exist: exit 4, and none is created', () => {
    expect(run(['--db', 'absent.db', 'calls', 'list'])).toEqual({
      status: 4, stdout: '', stderr: 'error: absent.db: no database here\nhint: import data first (hotline import …), or point --db / $HOTLINE_DB at your database\n',
    });
    expect(existsSync(db('absent.db'))).toBe(false);
  });

  test('a database from a newer hotline (user_version 99): exit 4 "newer", for reports and imports, file untouched', () => {
    seeded('newer.db');
    withDb(db('newer.db'), (d) => d.pragma('user_version = 99'));
    const before = readFileSync(db('newer.db'));
    const message = (v: number): string => `error: newer.db: the database has schema version 99, newer than this hotline understands (${v})\nhint: upgrade hotline (npm install) before using this database\n`;
    const list = run(['--db', 'newer.db', 'operators', 'list']);
    expect(list.status).toBe(4);
    expect(list.stdout).toBe('');
    const known = Number(/understands \((\d+)\)/.exec(list.stderr)?.[1]);
    expect(known).toBeGreaterThanOrEqual(1);
    expect(known).toBeLessThan(99);
    expect(list.stderr).toBe(message(known));
    expect(run(['--db', 'newer.db', 'import', 'calls', 'tz.csv'])).toEqual({ status: 4, stdout: '', stderr: message(known) });
    expect(readFileSync(db('newer.db')).equals(before)).toBe(true);
  });

  test('a text file as --db: exit 4 "not a hotline database", file untouched, no journal left', () => {
    const text = 'this is not a database, just notes from the night shift\n'.repeat(80).slice(0, 4096);
    writeFileSync(db('notes.db'), text);
    const message = 'error: notes.db: the database file is corrupt or not a hotline database (SQLITE_NOTADB)\nhint: restore it from a backup copy; nothing was written\n';
    expect(run(['--db', 'notes.db', 'imports'])).toEqual({ status: 4, stdout: '', stderr: message });
    expect(run(['--db', 'notes.db', 'import', 'operators', 'operators.csv'])).toEqual({ status: 4, stdout: '', stderr: message });
    expect(readFileSync(db('notes.db'), 'utf8')).toBe(text);
    expect(readdirSync(dir).filter((f) => f.startsWith('notes.db'))).toEqual(['notes.db']);
  });

  // Regression test (found while writing these tests, since fixed).
  test('`hotline import` without a kind, stdin not a terminal: exit 2', () => {
    const r = run(['--db', 'nokind.db', 'import']);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });
});
