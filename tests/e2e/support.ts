// Helpers for the end-to-end tests: CSV text from rows, looking inside a database with
// better-sqlite3, waiting for a started process, and running hotline in a shell or a terminal.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { BIN, ROOT, cliEnv, hotline, tempDir, type CliResult } from '../helpers/cli.js';
import type { DemoOutcome } from '../helpers/demo-setup.js';

/** CSV text (LF line ends) of a header and rows; cells with a comma, quote or line break are quoted. */
export function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number): string => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** Runs `fn` on the database at `path` (opened read-write, as the next hotline run would) and closes it. */
export function withDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Rows of `sql` on the database at `path`. */
export function rows<T = Record<string, unknown>>(path: string, sql: string, ...params: unknown[]): T[] {
  return withDb(path, (db) => db.prepare(sql).all(...params) as T[]);
}

/** One value of `sql`. */
export function value(path: string, sql: string, ...params: unknown[]): unknown {
  return withDb(path, (db) => db.prepare(sql).pluck().get(...params));
}

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

/** Row count of every table. */
export function tableCounts(path: string): Record<string, number> {
  return withDb(path, (db) => Object.fromEntries(tables(db).map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number])));
}

/** The same keys as `counts`, every one 0: what a database holds when nothing was ever imported. */
export function zeros(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(counts).map((k) => [k, 0]));
}

/** Every row of every table, and the schema: to compare a database before and after. */
export function snapshot(path: string): Record<string, unknown> {
  return withDb(path, (db) => ({
    user_version: db.pragma('user_version', { simple: true }),
    schema: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all(),
    ...Object.fromEntries(tables(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()])),
  }));
}

/** PRAGMA integrity_check of the database at `path` ('ok' when sound). */
export function integrity(path: string): string {
  return withDb(path, (db) => db.pragma('integrity_check', { simple: true }) as string);
}

export interface Exited extends CliResult {
  signal: NodeJS.Signals | null;
}

/** Collects a started process's output and waits for it to end. */
export function exited(child: ChildProcess): Promise<Exited> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves once some process holds the write lock of the database at `path` (an import has run
 * BEGIN IMMEDIATE and is writing rows): a probe's own BEGIN IMMEDIATE then fails with SQLITE_BUSY.
 */
export async function waitForWriter(path: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('the import ended before it was seen writing');
    const probe = new Database(path, { fileMustExist: true, timeout: 0 });
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) return;
      throw e;
    } finally {
      probe.close();
    }
    await sleep(25);
  }
  throw new Error(`no writer on ${path} within ${timeoutMs} ms`);
}

/** Resolves once `ready()` is true (checked every 25 ms); rejects after `timeoutMs`, or when `child` ends first. */
export async function waitUntil(what: string, ready: () => boolean, child?: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (ready()) return;
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`the process ended before ${what}`);
    await sleep(25);
  }
  throw new Error(`not seen within ${timeoutMs} ms: ${what}`);
}

/** True when the process `pid` has the file at `path` open (Linux: /proc/<pid>/fd). */
export function hasOpen(pid: number, path: string): boolean {
  const target = realpathSync(path);
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === target;
      } catch {
        return false; // closed meanwhile
      }
    });
  } catch {
    return false; // the process is gone
  }
}

/** Bytes the process `pid` has read so far (Linux: rchar of /proc/<pid>/io), 0 once it is gone. */
export function bytesRead(pid: number): number {
  try {
    return Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Resolves once an import `child` that holds the write lock has read another `bytes` of input
 * since then: rows have gone from the file into the open transaction ("some batches are in").
 */
export async function waitForBatches(child: ChildProcess, bytes: number): Promise<void> {
  const pid = child.pid as number;
  const from = bytesRead(pid);
  await waitUntil(`the import read ${bytes} more bytes`, () => bytesRead(pid) - from >= bytes, child);
}

/** Writes `rows` calls in the canonical layout to `out` with the project's generator (keys C000000000…). */
export function generateCalls(out: string, rowCount: number): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate-calls.mjs'), out, String(rowCount)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`generate-calls failed: ${r.stderr}`);
}

/** Runs a bash script in `cwd` with the test environment, where `hotline` runs the built bin/hotline.js. */
export function bash(script: string, opts: { cwd: string; env?: Record<string, string | undefined> }): CliResult {
  const env = cliEnv({ HOTLINE_NODE: process.execPath, HOTLINE_BIN: BIN, ...opts.env });
  const prelude = 'hotline() { "$HOTLINE_NODE" "$HOTLINE_BIN" "$@"; }\n';
  const r = spawnSync('bash', ['-c', prelude + script], { cwd: opts.cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs hotline with stdin, stdout and stderr on a pseudo-terminal (util-linux `script`), as a
 * person at a terminal would; returns everything the terminal received. `columns`: the
 * terminal's width (stty); `stderrTo`: a file that takes stderr instead of the terminal.
 */
export function inTerminal(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; columns?: number; stderrTo?: string }): CliResult {
  const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
  const size = opts.columns ? `stty cols ${opts.columns} rows 50; exec ` : '';
  const command = size + [process.execPath, BIN, ...args].map(quote).join(' ') + (opts.stderrTo ? ` 2>${quote(opts.stderrTo)}` : '');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: opts.cwd, env: cliEnv(opts.env), encoding: 'utf8', input: '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Like inTerminal, answering questions: each time the terminal shows `prompt` (in order), types
 * `keys` (e.g. '\x1b[B' arrow down, '\r' enter). Resolves when the command exits; the result
 * also says how many answers were typed.
 */
export function answerInTerminal(args: string[], answers: readonly (readonly [prompt: string, keys: string])[], opts: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number }): Promise<CliResult & { answered: number }> {
  const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: opts.cwd, env: cliEnv(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let pending = '';
  let answered = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
    pending += d;
    const next = answers[answered];
    if (next && pending.includes(next[0])) {
      pending = '';
      answered++;
      // A moment for the prompt to finish drawing and start reading keys.
      setTimeout(() => child.stdin.write(next[1]), 150);
    }
  });
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: out, stderr: err, answered });
    });
  });
}

/** Byte offsets of ESC (0x1b) in `text`. */
export function escapes(text: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf('\u001b'); i >= 0; i = text.indexOf('\u001b', i + 1)) at.push(i);
  return at;
}

/** Like `hotline()`, but the process is killed after `timeoutMs` (status null then). */
export function hotlineWithin(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; timeoutMs: number }): CliResult & { ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: cliEnv(opts.env), input: '', encoding: 'utf8', timeout: opts.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/**
 * A database with the demo's data at `dir/name`: a copy of the one `hotline demo` of this test run
 * (tests/helpers/demo-setup.ts), as if `hotline --db name demo` had just run there.
 */
export async function demoDatabase(dir: string, name: string): Promise<string> {
  const demo = await sharedDemo();
  const to = join(dir, name);
  copyFileSync(demo.db, to);
  return to;
}

/**
 * The shared demo run of tests/helpers/demo-setup.ts (the e2e project's global setup), once it has
 * ended: its database (to copy, never to write), the name it was given (--db), and its exit status,
 * stdout and stderr. Throws if it failed.
 */
export async function sharedDemo(): Promise<{ db: string; name: string; run: CliResult }> {
  const place = inject('sharedDemo');
  await waitUntil('the shared hotline demo to end', () => existsSync(place.outcome), undefined, 180_000);
  const outcome = JSON.parse(readFileSync(place.outcome, 'utf8')) as DemoOutcome;
  if ('failed' in outcome) throw new Error(outcome.failed);
  return { db: join(place.dir, place.name), name: place.name, run: outcome.run };
}

let builtOnceCount = 0;

/**
 * A starting database that many tests of a file each need a fresh one of: `build(name)` makes it
 * once (at the first call, under a name of its own in `dir`, which no test writes), and each call
 * gets a copy of that file (checkpointed: no -wal beside it) at `dir/name`, instead of the same
 * import run again for each test.
 */
export function builtOnce(dir: () => string, build: (name: string) => void): (name: string) => string {
  const own = `.built-once-${builtOnceCount++}.db`;
  let built = false;
  return (name) => {
    if (!built) {
      build(own);
      withDb(join(dir(), own), (db) => db.pragma('wal_checkpoint(TRUNCATE)'));
      built = true;
    }
    const to = join(dir(), name);
    copyFileSync(join(dir(), own), to);
    return to;
  };
}

/** A temp directory for one test file: run hotline in it (TZ fixed), write files, name paths. */
export interface Workspace {
  dir: () => string;
  run: (args: string[], env?: Record<string, string | undefined>) => CliResult;
  write: (name: string, content: string | Buffer) => string;
  db: (name: string) => string;
}

/** Creates the workspace before the file's tests and removes it after. */
export function workspace(prefix: string): Workspace {
  let dir = '';
  let cleanup = (): void => undefined;
  beforeAll(() => ({ dir, cleanup } = tempDir(prefix)));
  afterAll(() => cleanup());
  return {
    dir: () => dir,
    run: (args, env = {}) => hotline(args, { cwd: dir, env: { TZ: 'Asia/Shanghai', ...env } }),
    write: (name, content) => {
      writeFileSync(join(dir, name), content);
      return name;
    },
    db: (name) => join(dir, name),
  };
}

/**
 * Like hotlineWithin, measuring the process's peak resident memory (maximum RSS, worker threads
 * included) with GNU time (`/usr/bin/time -o FILE -f %M`, kilobytes), reported in MiB.
 */
export function hotlineMeasured(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; timeoutMs: number }): CliResult & { ms: number; peakRssMiB: number } {
  if (!existsSync('/usr/bin/time')) throw new Error('hotlineMeasured needs GNU time at /usr/bin/time (apt-get install time)');
  const report = join(opts.cwd, `.maxrss-${process.pid}-${Date.now()}.txt`);
  const started = Date.now();
  const r = spawnSync('/usr/bin/time', ['-o', report, '-f', '%M', process.execPath, BIN, ...args], { cwd: opts.cwd, env: cliEnv(opts.env), input: '', encoding: 'utf8', timeout: opts.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024 });
  const ms = Date.now() - started;
  // GNU time writes "Command exited with non-zero status N" before the figure when N > 0.
  const kb = Number(/(\d+)\s*$/.exec(readFileSync(report, 'utf8'))?.[1]);
  rmSync(report, { force: true });
  if (!Number.isFinite(kb) || kb <= 0) throw new Error(`no peak RSS measured for hotline ${args.join(' ')}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms, peakRssMiB: Math.round((kb / 1024) * 10) / 10 };
}

/**
 * Writes a file of `header` then `count` lines of `line(i)` followed by `filler` (no allocation of
 * the whole file: one write of each piece), returning its size in bytes.
 */
export function writeLines(path: string, header: string, count: number, line: (i: number) => string, filler: Buffer = Buffer.alloc(0)): number {
  const fd = openSync(path, 'w');
  try {
    let size = writeSync(fd, header);
    for (let i = 0; i < count; i++) {
      size += writeSync(fd, line(i));
      if (filler.length) size += writeSync(fd, filler);
    }
    return size;
  } finally {
    closeSync(fd);
  }
}

/** Pids of every descendant of `pid` (from /proc/PID/stat), children before grandchildren. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "PID (comm) S PPID …": comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const children = parents.get(queue.shift() as number) ?? [];
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

/** The pid of the `node bin/hotline.js …` process started (through a shell) under `ancestor`, if any. */
export function hotlinePidUnder(ancestor: number): number | undefined {
  return descendants(ancestor).find((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv[0] === process.execPath && argv[1] === BIN;
    } catch {
      return false;
    }
  });
}

/**
 * Runs hotline on a pseudo-terminal (util-linux `script`, like inTerminal) and, once the terminal
 * has shown `when` (a text, or a pattern) and `delayMs` more have passed, sends `signal` to the hotline process itself (found under
 * `script` in /proc), as Ctrl-C at the terminal would. Resolves when it exits, with everything the
 * terminal received and the pid signalled (undefined if `when` never came and it ended by itself).
 */
export function interruptInTerminal(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; when: string | RegExp; delayMs?: number; signal?: NodeJS.Signals; timeoutMs?: number }): Promise<CliResult & { signalled: number | undefined }> {
  const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: opts.cwd, env: cliEnv(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let signalled: number | undefined;
  let armed = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
    if (armed || !(typeof opts.when === 'string' ? out.includes(opts.when) : opts.when.test(out))) return;
    armed = true;
    setTimeout(() => {
      signalled = child.pid === undefined ? undefined : hotlinePidUnder(child.pid);
      if (signalled !== undefined) process.kill(signalled, opts.signal ?? 'SIGINT');
    }, opts.delayMs ?? 0);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: out, stderr: err, signalled });
    });
  });
}
