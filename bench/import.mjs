#!/usr/bin/env node
// Import benchmark: hotline vs the sqlite3 shell's `.import` of the same call CSV.
//
//   npm run bench:import                       # 1,000,000 rows (bench/out/calls-1m.csv)
//   npm run bench:import -- --rows 5000000     # or BENCH_ROWS=5000000 npm run bench:import
//   npm run bench:import -- --profiles         # also a 1M-call Asterisk queue_log and Master.csv through --profile
//   options: --rows N  --runs N (default 3)  --startup-runs N (default 5)  --build (force tsc)
//            --no-late-index (skip the "indexes after .import" shell variant)
//            --profile asterisk-queue-log|asterisk-cdr (repeatable, or comma-separated; --profiles = both):
//              also import a generated PBX export of N calls (bench/generate-pbx.mjs) with
//              `hotline import calls --profile …`, against the shell's .import of the N canonical rows
//            --idle-wait S (before each run, wait up to S s, default 120, for other processes to go quiet)
//            --no-snapshot (run bin/hotline.js in place instead of a copy of bin/ + dist/ taken at start)
//            env BENCH_ROWS=N (same as --rows), BENCH_RSS=proc (poll /proc even if /usr/bin/time exists)
//   npm run bench:import -- --grown asterisk-queue-log   # only this: a grown log (issue 23, docs/growing-logs.md):
//              a --rows-call PBX file (default 1 M) imported once, then --grow more calls (default 30,000)
//              appended to the same file; times the import of the grown file (reads only what was
//              appended) against a file of those appended lines alone into a fresh database
//              (target ≤ 1.5×), and, for information, that file alone into a copy of the first
//              import's database. --grown asterisk-cdr does the same for Master.csv (both: comma-separated).
//
// Each side runs --runs times on fresh database files, alternating (hotline, shell,
// hotline --profile …, shell with late indexes, hotline, ...). Reports the median wall time, rows/s,
// hotline/sqlite3 and peak RSS (from /usr/bin/time -v, else by polling VmHWM in /proc/PID/status).
// Also times `hotline --help` and `hotline calls list --limit 10` on the imported database. Exits
// non-zero if anything fails. Generated files live in bench/out/ (gitignored); results also go to
// bench/out/import-<label>.json.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInfo } from './build-info.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench', 'out');
const SQLITE3 = existsSync('/usr/bin/sqlite3') ? '/usr/bin/sqlite3' : 'sqlite3';
const TIME = '/usr/bin/time';
/** Phone-system profiles bench/generate-pbx.mjs can write, and the file each one gets. */
const PBX_PROFILES = ['asterisk-queue-log', 'asterisk-cdr'];
const PBX_EXT = { 'asterisk-queue-log': 'log', 'asterisk-cdr': 'csv' };
/** Extra import options: cdr_csv times are UTC when cdr.conf has usegmtime=yes (the generator writes UTC). */
const PBX_ARGS = { 'asterisk-queue-log': [], 'asterisk-cdr': ['--source-tz', 'UTC'] };
const PBX_TARGET = 2.5;

// ---------- arguments ----------
function parseArgs(argv) {
  const opts = { rows: Number(process.env.BENCH_ROWS ?? process.env.ROWS ?? 1_000_000), runs: 3, startupRuns: 5, build: false, lateIndex: true, idleWait: 120, snapshot: true, profiles: [], grown: [], grow: 30_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) die(`${a} needs a value`);
      return v;
    };
    if (a === '--rows' || a.startsWith('--rows=')) opts.rows = Number(val().replace(/_/g, ''));
    else if (a === '--runs' || a.startsWith('--runs=')) opts.runs = Number(val());
    else if (a === '--startup-runs' || a.startsWith('--startup-runs=')) opts.startupRuns = Number(val());
    else if (a === '--idle-wait' || a.startsWith('--idle-wait=')) opts.idleWait = Number(val());
    else if (a === '--build') opts.build = true;
    else if (a === '--no-snapshot') opts.snapshot = false;
    else if (a === '--no-late-index') opts.lateIndex = false;
    else if (a === '--profiles') opts.profiles.push(...PBX_PROFILES);
    else if (a === '--grow' || a.startsWith('--grow=')) opts.grow = Number(val().replace(/_/g, ''));
    else if (a === '--grown' || a.startsWith('--grown=')) {
      for (const p of val().split(',')) {
        if (!PBX_PROFILES.includes(p)) die(`--grown must be one of ${PBX_PROFILES.join(', ')} (got ${p})`);
        opts.grown.push(p);
      }
    }
    else if (a === '--profile' || a.startsWith('--profile=')) {
      for (const p of val().split(',')) {
        if (!PBX_PROFILES.includes(p)) die(`--profile must be one of ${PBX_PROFILES.join(', ')} (got ${p})`);
        opts.profiles.push(p);
      }
    }
    else if (a === '-h' || a === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 27).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else die(`unknown argument ${a} (try --help)`);
  }
  for (const k of ['rows', 'runs', 'startupRuns', 'grow']) if (!Number.isInteger(opts[k]) || opts[k] < 1) die(`--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} must be a positive integer`);
  if (!(opts.idleWait >= 0)) die('--idle-wait must be a number of seconds (0 = do not wait)');
  opts.profiles = [...new Set(opts.profiles)];
  opts.grown = [...new Set(opts.grown)];
  return opts;
}

function die(msg) {
  console.error(`bench: ${msg}`);
  process.exit(2);
}

// ---------- helpers ----------
const rel = (p) => relative(root, p) || '.';
const quote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const cmdline = (cmd, args) => [cmd, ...args].map((a) => quote(a.startsWith(root + '/') ? rel(a) : a)).join(' ');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtS = (ms) => (ms / 1000).toFixed(2);
const label = (rows) => (rows % 1_000_000 === 0 ? `${rows / 1_000_000}m` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows));
const rmDb = (p) => {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(p + s, { force: true });
};

/** Runs a command to completion, collecting its output. Returns { code, signal, stdout, stderr, ms }. */
function run(cmd, args, { input, cwd = root } = {}) {
  return new Promise((resolvePromise, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      resolvePromise({ code: code ?? 128, signal, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), ms, pid: child.pid });
    });
    child.stdin.end(input ?? '');
  });
}

// BENCH_RSS=proc forces the /proc polling method (to test it, or where /usr/bin/time misbehaves).
let haveTime = existsSync(TIME) && process.env.BENCH_RSS !== 'proc';

/** Busy and total CPU time of the whole machine so far, in seconds (from /proc/stat). */
function cpuSnapshot() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0) / 100;
    const idle = (f[3] + f[4]) / 100;
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to maxWaitS) until other processes use less than 0.25 of a core over one second. */
async function waitForQuiet(maxWaitS) {
  const t0 = Date.now();
  let warned = false;
  for (;;) {
    const a = cpuSnapshot();
    await sleep(1000);
    const b = cpuSnapshot();
    if (!a || !b) return NaN;
    const cores = (b.busy - a.busy) / ((b.total - a.total) / availableParallelism());
    if (cores < 0.25 || Date.now() - t0 > maxWaitS * 1000) {
      if (cores >= 0.25) console.error(`  (machine still busy: ${cores.toFixed(2)} cores used by other processes; running anyway)`);
      return cores;
    }
    if (!warned) console.error(`  (waiting for the machine to be idle: ${cores.toFixed(2)} cores used by other processes)`);
    warned = true;
  }
}

/**
 * Runs a command and measures its wall time and peak RSS (of the measured process: with
 * /usr/bin/time -v, the largest descendant; otherwise VmHWM polled every 20 ms).
 */
async function measured(cmd, args, opts = {}) {
  if (haveTime) {
    const r = await run(TIME, ['-v', cmd, ...args], opts);
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const rssKiB = m ? Number(m[1]) : NaN;
    const num = (re) => Number(re.exec(r.stderr)?.[1] ?? NaN);
    const cpuS = num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/);
    const stderr = r.stderr.replace(/\n?\s*(Command being timed|Command exited with)[\s\S]*$/, '');
    return { ...r, stderr, rssKiB, cpuS };
  }
  const t0 = process.hrtime.bigint();
  const child = spawn(cmd, args, { cwd: opts.cwd ?? root, stdio: ['pipe', 'pipe', 'pipe'] });
  let hwm = 0;
  let cpuS = NaN;
  const poll = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) hwm = Math.max(hwm, Number(m[1]));
      // utime + stime (fields 14, 15) in clock ticks of 1/100 s, as of the last poll
      const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      cpuS = (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      /* exited */
    }
  };
  const timer = setInterval(poll, 20);
  const out = [];
  const err = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => err.push(d));
  child.stdin.end(opts.input ?? '');
  const [code, signal] = await new Promise((r, j) => {
    child.on('error', j);
    child.on('exit', (c, s) => r([c, s]));
  });
  clearInterval(timer);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  await new Promise((r) => (child.stdout.readableEnded ? r() : child.stdout.on('end', r)));
  return { code: code ?? 128, signal, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), ms, rssKiB: hwm || NaN, cpuS };
}

function fail(what, r, cmd) {
  console.error(`\nbench: ${what} failed (exit ${r.code}${r.signal ? `, signal ${r.signal}` : ''})\n  $ ${cmd}`);
  if (r.stderr.trim()) console.error(r.stderr.trim().split('\n').slice(-20).map((l) => '  ' + l).join('\n'));
  if (r.stdout.trim()) console.error(r.stdout.trim().split('\n').slice(-5).map((l) => '  ' + l).join('\n'));
  process.exit(1);
}

// ---------- the shell side ----------
const SHELL_TABLE = `CREATE TABLE calls (
  call_id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  operator_id TEXT,
  direction TEXT NOT NULL,
  outcome TEXT NOT NULL,
  wait_seconds INTEGER,
  talk_seconds INTEGER,
  hold_seconds INTEGER,
  acw_seconds INTEGER,
  category TEXT,
  topic TEXT,
  complaint_reason TEXT,
  customer_name TEXT,
  customer_phone TEXT,
  customer_address TEXT,
  tracking_no TEXT,
  satisfaction INTEGER,
  resolved TEXT
);`;
const SHELL_INDEXES = `CREATE INDEX calls_by_day ON calls (started_at);
CREATE INDEX calls_by_operator_day ON calls (operator_id, started_at);`;
const shellScript = (csv, indexesFirst) =>
  [SHELL_TABLE, indexesFirst ? SHELL_INDEXES : '', `.import --csv --skip 1 ${quote(csv)} calls`, indexesFirst ? '' : SHELL_INDEXES, '']
    .filter((l) => l !== '')
    .join('\n');

// ---------- main ----------
const opts = parseArgs(process.argv.slice(2));
const L = label(opts.rows);
mkdirSync(outDir, { recursive: true });
const commands = [];
const note = (c) => {
  if (!commands.includes(c)) commands.push(c);
};

// 1. build
if (opts.build || !existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  const c = 'npx tsc -p tsconfig.json';
  console.error(`bench: building (${c}) …`);
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench: build failed (exit ${r.status})`);
    process.exit(1);
  }
  note(c);
}

// The build under test: a copy of bin/ + dist/ + package.json taken now, so that a rebuild of
// dist/ by someone else during the (minutes-long) benchmark cannot mix two versions.
const { distHash, distTime, newerSrc } = buildInfo(root);
if (newerSrc.length) console.error(`bench: note: ${newerSrc.length} file(s) in src/ are newer than dist/ (e.g. ${rel(newerSrc[0])}); pass --build to rebuild first`);
let hotlineBin = join(root, 'bin', 'hotline.js');
if (opts.snapshot) {
  const snap = join(outDir, `hotline-build-${L}`);
  rmSync(snap, { recursive: true, force: true });
  mkdirSync(snap, { recursive: true });
  cpSync(join(root, 'dist'), join(snap, 'dist'), { recursive: true });
  cpSync(join(root, 'bin'), join(snap, 'bin'), { recursive: true });
  copyFileSync(join(root, 'package.json'), join(snap, 'package.json'));
  hotlineBin = join(snap, 'bin', 'hotline.js');
  note(`mkdir -p ${rel(snap)} && cp -r bin dist package.json ${rel(snap)}/   # the build under test (dist ${distHash})`);
}
const gitHead = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || '?';
const gitDirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).stdout?.trim() ? ' + uncommitted src/ changes' : '';

if (opts.grown.length > 0) {
  for (const p of opts.grown) await grownBench(p);
  process.exit(0);
}

// 2. data
const csv = join(outDir, `calls-${L}.csv`);
if (!existsSync(csv)) {
  const tmp = `${csv}.tmp-${process.pid}`;
  const args = [join(root, 'bench', 'generate-calls.mjs'), tmp, String(opts.rows)];
  console.error(`bench: generating ${rel(csv)} (${fmtInt(opts.rows)} rows) …`);
  const r = await run(process.execPath, args);
  if (r.code !== 0) {
    rmSync(tmp, { force: true });
    fail('generating the CSV', r, cmdline('node', args));
  }
  renameSync(tmp, csv);
}
note(cmdline('node', [join(root, 'bench', 'generate-calls.mjs'), csv, String(opts.rows)]));
const csvBytes = statSync(csv).size;
// Warm the page cache so the first run is not penalised for reading the file from disk.
spawnSync('cat', [csv], { stdio: 'ignore' });

// 2b. phone-system exports of the same number of calls (--profile): generated if missing or older
// than the generator.
const pbxGenerator = join(root, 'bench', 'generate-pbx.mjs');
const pbxFiles = {};
for (const p of opts.profiles) {
  const file = join(outDir, `pbx-${p}-${L}.${PBX_EXT[p]}`);
  const args = [pbxGenerator, p, file, String(opts.rows)];
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(pbxGenerator).mtimeMs) {
    const tmp = `${file}.tmp-${process.pid}`;
    console.error(`bench: generating ${rel(file)} (${fmtInt(opts.rows)} calls, ${p}) …`);
    const r = await run(process.execPath, [pbxGenerator, p, tmp, String(opts.rows)]);
    if (r.code !== 0) {
      rmSync(tmp, { force: true });
      fail(`generating the ${p} file`, r, cmdline('node', args));
    }
    renameSync(tmp, file);
  }
  note(cmdline('node', args));
  pbxFiles[p] = { file, bytes: statSync(file).size };
  spawnSync('cat', [file], { stdio: 'ignore' });
}

// 3. /usr/bin/time
if (!haveTime && process.env.BENCH_RSS !== 'proc') {
  console.error('bench: /usr/bin/time not found; trying apt-get install -y time …');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const r = spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', 'time'], { stdio: 'ignore' });
  haveTime = r.status === 0 && existsSync(TIME);
  if (!haveTime) console.error('bench: could not install it; measuring peak RSS by polling /proc/PID/status VmHWM');
}
const rssMethod = haveTime ? '/usr/bin/time -v (max RSS)' : 'VmHWM from /proc/PID/status, polled every 20 ms';

// 4. machine
const sqliteVersion = spawnSync(SQLITE3, ['--version'], { encoding: 'utf8' });
if (sqliteVersion.status !== 0) {
  console.error(`bench: ${SQLITE3} not found — install it: apt-get install -y sqlite3`);
  process.exit(1);
}
let bsqliteVersion = '?';
try {
  const { default: Database } = await import('better-sqlite3');
  const mem = new Database(':memory:');
  bsqliteVersion = mem.prepare('select sqlite_version() v').get().v;
  mem.close();
} catch {
  /* reported as ? */
}
const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? '?',
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  sqlite3Shell: sqliteVersion.stdout.trim().split(' ').slice(0, 2).join(' '),
  betterSqlite3Sqlite: bsqliteVersion,
};

// 5. the import runs
const hotlineDb = join(outDir, `hotline-${L}.db`);
const shellDb = join(outDir, `sqlite3-${L}.db`);
const shellLateDb = join(outDir, `sqlite3-late-${L}.db`);
const hotlineArgs = [hotlineBin, '--db', hotlineDb, 'import', 'calls', csv, '--format', 'json'];
const sides = [
  {
    key: 'hotline',
    name: 'hotline import calls',
    db: hotlineDb,
    cmd: process.execPath,
    args: hotlineArgs,
    show: cmdline('node', hotlineArgs),
    check(r) {
      const s = JSON.parse(r.stdout);
      const summary = Array.isArray(s) ? s[0] : s;
      if (summary.inserted !== opts.rows || summary.rejected !== 0) throw new Error(`summary says inserted ${summary.inserted}, rejected ${summary.rejected}; expected ${opts.rows}, 0`);
    },
  },
  {
    key: 'sqlite3',
    name: 'sqlite3 .import (indexes first)',
    db: shellDb,
    cmd: SQLITE3,
    args: ['-bail', shellDb],
    input: shellScript(csv, true),
    show: `${cmdline(SQLITE3, ['-bail', shellDb])} <<'SQL'\n${shellScript(rel(csv), true)}\nSQL`,
  },
];
for (const p of opts.profiles) {
  const db = join(outDir, `hotline-${p}-${L}.db`);
  const args = [hotlineBin, '--db', db, 'import', 'calls', '--profile', p, ...PBX_ARGS[p], pbxFiles[p].file, '--format', 'json'];
  sides.push({
    key: `hotline-${p}`,
    name: `hotline --profile ${p}`,
    profile: p,
    db,
    cmd: process.execPath,
    args,
    show: cmdline('node', args),
    check(r) {
      const s = JSON.parse(r.stdout);
      const summary = Array.isArray(s) ? s[0] : s;
      const pr = summary.profile ?? {};
      if (summary.inserted !== opts.rows || summary.rejected !== 0) throw new Error(`summary says inserted ${summary.inserted}, rejected ${summary.rejected}; expected ${opts.rows}, 0`);
      if (pr.calls !== opts.rows || (pr.unfinished_calls ?? []).length !== 0) throw new Error(`profile summary says ${pr.calls} calls, ${(pr.unfinished_calls ?? []).length} unfinished; expected ${opts.rows}, 0`);
      this.profileSummary = { records: pr.records, calls: pr.calls, merged_records: pr.merged_records, missed_rings: pr.missed_rings, presence_events: pr.presence_events, ignored_events: pr.ignored_events, notes: pr.notes };
    },
  });
}
if (opts.lateIndex)
  sides.push({
    key: 'sqlite3-late',
    name: 'sqlite3 .import, then indexes',
    db: shellLateDb,
    cmd: SQLITE3,
    args: ['-bail', shellLateDb],
    input: shellScript(csv, false),
    show: `${cmdline(SQLITE3, ['-bail', shellLateDb])} <<'SQL'\n${shellScript(rel(csv), false)}\nSQL`,
  });
for (const s of sides) {
  s.times = [];
  s.rss = [];
  s.cpu = [];
  s.other = [];
  note(s.show);
}

console.error(`bench: ${fmtInt(opts.rows)} rows, ${(csvBytes / 2 ** 20).toFixed(0)} MiB; ${opts.runs} runs per side …`);
for (let i = 0; i < opts.runs; i++) {
  for (const s of sides) {
    rmDb(s.db);
    await waitForQuiet(opts.idleWait);
    const c0 = cpuSnapshot();
    const r = await measured(s.cmd, s.args, { input: s.input });
    const c1 = cpuSnapshot();
    // CPU used by everything else on the machine during the run, in cores (0 = quiet machine)
    const otherCores = c0 && c1 ? Math.max(0, (c1.busy - c0.busy - r.cpuS) / (r.ms / 1000)) : NaN;
    if (r.code !== 0 || (!s.key.startsWith('hotline') && r.stderr.trim())) fail(`${s.name} (run ${i + 1})`, r, s.show);
    try {
      s.check?.(r);
    } catch (e) {
      fail(`${s.name} (run ${i + 1}): ${e.message}`, r, s.show);
    }
    s.times.push(r.ms);
    s.rss.push(r.rssKiB);
    s.cpu.push(r.cpuS);
    s.other.push(otherCores);
    console.error(`  run ${i + 1}  ${s.name.padEnd(36)} ${fmtS(r.ms).padStart(7)} s   CPU ${r.cpuS.toFixed(2)} s   peak RSS ${(r.rssKiB / 1024).toFixed(0)} MiB   other load ${otherCores.toFixed(2)} cores`);
  }
}

// 6. verify row counts (the last run of each side is kept)
const counts = {};
for (const s of sides) {
  const r = spawnSync(SQLITE3, [s.db, 'SELECT count(*) FROM calls;'], { encoding: 'utf8' });
  counts[s.key] = Number(r.stdout.trim());
  if (r.status !== 0 || counts[s.key] !== opts.rows) {
    console.error(`bench: ${rel(s.db)} has ${r.stdout.trim() || '?'} rows in calls, expected ${fmtInt(opts.rows)} ${r.stderr}`);
    process.exit(1);
  }
}
const dbSizes = Object.fromEntries(sides.map((s) => [s.key, statSync(s.db).size]));

// 7. startup times
const helpArgs = [hotlineBin, '--help'];
const listArgs = [hotlineBin, '--db', hotlineDb, 'calls', 'list', '--limit', '10'];
const startup = [
  { name: 'hotline --help', args: helpArgs, times: [] },
  { name: 'hotline calls list --limit 10', args: listArgs, times: [] },
];
for (const st of startup) {
  note(cmdline('node', st.args));
  await waitForQuiet(opts.idleWait);
  for (let i = 0; i < opts.startupRuns; i++) {
    const r = await run(process.execPath, st.args);
    if (r.code !== 0) fail(st.name, r, cmdline('node', st.args));
    st.times.push(r.ms);
  }
}

// 8. report
const med = Object.fromEntries(sides.map((s) => [s.key, median(s.times)]));
const results = {
  date: new Date().toISOString(),
  rows: opts.rows,
  csv: rel(csv),
  csvBytes,
  runs: opts.runs,
  machine,
  build: { gitHead: gitHead + gitDirty, distSha256: distHash, distBuiltAt: new Date(distTime).toISOString(), srcNewerThanDist: newerSrc.length },
  rssMethod,
  profiles: Object.fromEntries(opts.profiles.map((p) => [p, { file: rel(pbxFiles[p].file), bytes: pbxFiles[p].bytes }])),
  sides: sides.map((s) => ({
    key: s.key,
    name: s.name,
    ...(s.profile ? { profile: s.profile, file: rel(pbxFiles[s.profile].file), fileBytes: pbxFiles[s.profile].bytes, profileSummary: s.profileSummary, targetRatio: PBX_TARGET } : {}),
    timesMs: s.times.map((t) => Math.round(t)),
    medianMs: Math.round(med[s.key]),
    bestMs: Math.round(Math.min(...s.times)),
    rowsPerSec: Math.round(opts.rows / (med[s.key] / 1000)),
    ratioVsSqlite3: +(med[s.key] / med.sqlite3).toFixed(2),
    cpuSeconds: s.cpu.map((c) => +c.toFixed(2)),
    otherLoadCores: s.other.map((c) => +c.toFixed(2)),
    peakRssMiB: s.rss.map((k) => Math.round(k / 1024)),
    maxPeakRssMiB: Math.round(Math.max(...s.rss) / 1024),
    dbBytes: dbSizes[s.key],
    rowsInDb: counts[s.key],
  })),
  startup: startup.map((st) => ({ name: st.name, timesMs: st.times.map((t) => Math.round(t)), medianMs: Math.round(median(st.times)) })),
  commands,
};
writeFileSync(join(outDir, `import-${L}.json`), JSON.stringify(results, null, 2) + '\n');

const table = (head, rows) => {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
};
const hot = results.sides[0];
const out = [];
out.push(`\nImport of ${fmtInt(opts.rows)} call rows (${rel(csv)}, ${(csvBytes / 2 ** 20).toFixed(0)} MiB), median of ${opts.runs} runs each, fresh databases, alternating`);
out.push(`machine: ${machine.nproc} CPUs (${machine.cpu}), ${machine.memGiB} GiB; node ${machine.node}; sqlite3 shell ${machine.sqlite3Shell}; better-sqlite3's SQLite ${machine.betterSqlite3Sqlite}`);
out.push(`hotline build: commit ${gitHead}${gitDirty}; dist/ built ${new Date(distTime).toISOString()}, sha256 ${distHash}${newerSrc.length ? ` (${newerSrc.length} src/ file(s) newer than dist/)` : ''}`);
out.push('');
out.push(
  table(
    ['side', 'runs (s)', 'median (s)', 'best (s)', 'rows/s', 'vs sqlite3', 'CPU user+sys (s)', 'peak RSS (MiB)', 'rows in db'],
    results.sides.map((s) => [s.name, s.timesMs.map((t) => fmtS(t)).join(' / '), fmtS(s.medianMs), fmtS(s.bestMs), fmtInt(s.rowsPerSec), `${s.ratioVsSqlite3.toFixed(2)}×`, s.cpuSeconds.map((c) => c.toFixed(1)).join(' / '), s.peakRssMiB.join(' / '), fmtInt(s.rowsInDb)]),
  ),
);
out.push('');
out.push(`hotline / sqlite3 (indexes created before .import): ${hot.ratioVsSqlite3.toFixed(2)}×   (target ≤ 2×: ${hot.ratioVsSqlite3 <= 2 ? 'met' : 'NOT met'})`);
const late = results.sides.find((s) => s.key === 'sqlite3-late');
if (late) out.push(`hotline / sqlite3 (indexes created after .import):  ${(hot.medianMs / late.medianMs).toFixed(2)}×   (for information)`);
out.push(`best run against best run (least disturbed by other load): hotline / sqlite3 ${(hot.bestMs / results.sides[1].bestMs).toFixed(2)}×${late ? `, hotline / sqlite3 late indexes ${(hot.bestMs / late.bestMs).toFixed(2)}×` : ''}`);
for (const ps of results.sides.filter((x) => x.profile)) {
  const sum = ps.profileSummary;
  out.push(
    `${ps.name} (${ps.file}, ${(ps.fileBytes / 2 ** 20).toFixed(0)} MiB) / sqlite3 .import of the same number of canonical rows: ${ps.ratioVsSqlite3.toFixed(2)}×   (target ≤ ${PBX_TARGET}×: ${ps.ratioVsSqlite3 <= PBX_TARGET ? 'met' : 'NOT met'}; best against best ${(ps.bestMs / results.sides[1].bestMs).toFixed(2)}×; peak RSS ${ps.maxPeakRssMiB} MiB)`,
  );
  out.push(`  profile summary: ${fmtInt(sum.records)} records → ${fmtInt(sum.calls)} calls (${fmtInt(sum.merged_records)} merged)${sum.missed_rings ? `, ${fmtInt(sum.missed_rings)} missed rings` : ''}${sum.presence_events ? `, ${fmtInt(sum.presence_events)} presence events` : ''}; ${fmtInt(ps.rowsInDb)} calls in the database`);
}
const maxOther = Math.max(...results.sides.flatMap((s) => s.otherLoadCores));
if (maxOther > 0.2) out.push(`warning: other processes used up to ${maxOther.toFixed(2)} cores during some runs (per run: ${results.sides.map((s) => `${s.key} ${s.otherLoadCores.join('/')}`).join('; ')}); the figures are noisy`);
out.push(`hotline peak RSS: ${hot.maxPeakRssMiB} MiB, max of ${opts.runs} runs; ${rssMethod}   (target < 200 MB: ${hot.maxPeakRssMiB * 1.048576 < 200 ? 'met' : 'NOT met'})`);
out.push('');
out.push(
  table(
    ['startup', 'runs (ms)', 'median (ms)', 'target < 300 ms'],
    results.startup.map((st) => [st.name, st.timesMs.join(' / '), st.medianMs, st.medianMs < 300 ? 'met' : 'NOT met']),
  ),
);
out.push('');
out.push('commands (run from the repository root; each import on a fresh database file):');
for (const c of commands) out.push(c.split('\n').map((l, i) => (i === 0 ? `  $ ${l}` : `    ${l}`)).join('\n'));
out.push('');
out.push(`results: ${rel(join(outDir, `import-${L}.json`))}`);
console.log(out.join('\n'));

// ---------- --grown: a log that grew since its last import (issue 23) ----------
/**
 * A PBX file of opts.rows calls imported once (untimed), then opts.grow more calls appended to the
 * same file (same inode, so the next import continues it). Times, alternating, each on a fresh
 * copy: (a) the import of the grown file, which reads only what was appended; (b) a file of the
 * appended bytes alone into a fresh database; (c) that file into a copy of the first import's
 * database (for information: the same database work as (a), without the ledger's continuation).
 */
async function grownBench(p) {
  const total = opts.rows + opts.grow;
  const ext = PBX_EXT[p];
  const full = join(outDir, `pbx-${p}-${label(total)}.${ext}`);
  const genArgs = [join(root, 'bench', 'generate-pbx.mjs'), p, full, String(total)];
  if (!existsSync(full) || statSync(full).mtimeMs < statSync(genArgs[0]).mtimeMs) {
    console.error(`bench: generating ${rel(full)} (${fmtInt(total)} calls, ${p}) …`);
    const r = await run(process.execPath, [genArgs[0], p, `${full}.tmp-${process.pid}`, String(total)]);
    if (r.code !== 0) fail(`generating the ${p} file`, r, cmdline('node', genArgs));
    renameSync(`${full}.tmp-${process.pid}`, full);
  }
  note(cmdline('node', genArgs));
  // The cut: the first line end after the share of the bytes the first rows take (calls are
  // spread evenly over the file); what follows holds about opts.grow calls.
  const size = statSync(full).size;
  const cut = lineEndAfter(full, Math.floor((size * opts.rows) / total));
  const grown = join(outDir, `grown-${p}-${L}.${ext}`);
  const tail = join(outDir, `grown-${p}-${label(opts.grow)}-alone.${ext}`);
  const baseDb = join(outDir, `grown-${p}-${L}-base.db`);
  rmSync(grown, { force: true });
  await copyRange(full, grown, 0, cut);
  await copyRange(full, tail, cut, size);
  rmDb(baseDb);
  const importArgs = (db, file) => [hotlineBin, '--db', db, 'import', 'calls', '--profile', p, ...PBX_ARGS[p], file, '--format', 'json'];
  console.error(`bench: --grown ${p}: first import of ${rel(grown)} (${(cut / 2 ** 20).toFixed(0)} MiB, about ${fmtInt(opts.rows)} calls; untimed) …`);
  const first = await run(process.execPath, importArgs(baseDb, grown));
  if (first.code !== 0) fail('the first import', first, cmdline('node', importArgs(baseDb, grown)));
  note(`head -c ${cut} ${rel(full)} > ${rel(grown)} && ${cmdline('node', importArgs(baseDb, grown))}`);
  // Appended to the same file: the next import of it continues the first.
  await copyRange(full, grown, cut, size, 'a');
  note(`tail -c +${cut + 1} ${rel(full)} >> ${rel(grown)}   # the same inode: grown by about ${fmtInt(opts.grow)} calls`);
  note(`tail -c +${cut + 1} ${rel(full)} > ${rel(tail)}`);
  spawnSync('cat', [grown, tail], { stdio: 'ignore' });
  const runDb = join(outDir, `grown-${p}-${L}-run.db`);
  const freshDb = join(outDir, `grown-${p}-alone-fresh.db`);
  const intoDb = join(outDir, `grown-${p}-alone-into-base.db`);
  const copyBase = (to) => {
    rmDb(to);
    copyFileSync(baseDb, to);
    // hotline checkpoints and removes the -wal when it closes; a copy is whole with one left too.
    if (existsSync(`${baseDb}-wal`)) copyFileSync(`${baseDb}-wal`, `${to}-wal`);
  };
  const sides = [
    { key: 'grown', name: `grown file, continued (reads ${fmtInt(size - cut)} bytes)`, prepare: () => copyBase(runDb), args: importArgs(runDb, grown),
      check: (s) => {
        if (s.continues_import_id !== 1 || s.range_start !== cut) throw new Error(`not a continuation of import #1 from byte ${cut}: continues ${s.continues_import_id}, range_start ${s.range_start}`);
      } },
    { key: 'alone', name: 'appended part alone, fresh database', prepare: () => rmDb(freshDb), args: importArgs(freshDb, tail), check: () => undefined },
    { key: 'alone-into-base', name: 'appended part alone, into the first import\'s database', prepare: () => copyBase(intoDb), args: importArgs(intoDb, tail), check: () => undefined },
  ];
  for (const side of sides) {
    Object.assign(side, { times: [], rss: [], cpu: [], other: [], summaries: [] });
    note(`${side.key === 'alone' ? `rm -f ${rel(freshDb)}` : `cp ${rel(baseDb)} ${rel(side.key === 'grown' ? runDb : intoDb)}`} && ${cmdline('node', side.args)}`);
  }
  for (let i = 0; i < opts.runs; i++) {
    for (const side of sides) {
      side.prepare();
      await waitForQuiet(opts.idleWait);
      const c0 = cpuSnapshot();
      const r = await measured(process.execPath, side.args);
      const c1 = cpuSnapshot();
      const other = c0 && c1 ? Math.max(0, (c1.busy - c0.busy - r.cpuS) / (r.ms / 1000)) : NaN;
      if (r.code !== 0) fail(`${side.name} (run ${i + 1})`, r, cmdline('node', side.args));
      let summary;
      try {
        summary = JSON.parse(r.stdout);
        side.check(summary);
      } catch (e) {
        fail(`${side.name} (run ${i + 1}): ${e.message}`, r, cmdline('node', side.args));
      }
      side.times.push(r.ms);
      side.rss.push(r.rssKiB);
      side.cpu.push(r.cpuS);
      side.other.push(other);
      side.summaries.push({ rows: summary.rows, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, calls: summary.profile?.calls, unfinished: summary.profile?.unfinished_calls?.length });
      console.error(`  run ${i + 1}  ${side.name.padEnd(58)} ${fmtS(r.ms).padStart(7)} s   CPU ${r.cpuS.toFixed(2)} s   peak RSS ${(r.rssKiB / 1024).toFixed(0)} MiB   other load ${other.toFixed(2)} cores`);
    }
  }
  const med = Object.fromEntries(sides.map((side) => [side.key, median(side.times)]));
  const ratio = med.grown / med.alone;
  const results = {
    date: new Date().toISOString(), profile: p, firstCalls: opts.rows, grownBy: opts.grow, file: rel(full), bytes: size, cut, appendedBytes: size - cut, runs: opts.runs,
    build: { gitHead: gitHead + gitDirty, distSha256: distHash, distBuiltAt: new Date(distTime).toISOString() }, rssMethod: haveTime ? '/usr/bin/time -v' : '/proc VmHWM',
    sides: sides.map((side) => ({ key: side.key, name: side.name, timesMs: side.times.map(Math.round), medianMs: Math.round(med[side.key]), cpuSeconds: side.cpu.map((c) => +c.toFixed(2)), peakRssMiB: side.rss.map((k) => Math.round(k / 1024)), otherLoadCores: side.other.map((c) => +c.toFixed(2)), summaries: side.summaries })),
    ratioGrownVsAlone: +ratio.toFixed(2), target: 1.5, commands,
  };
  const file = join(outDir, `import-grown-${p}-${L}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  const out = [`\nA ${p} file of about ${fmtInt(opts.rows)} calls (${(cut / 2 ** 20).toFixed(0)} MiB) imported, then grown by about ${fmtInt(opts.grow)} calls (${((size - cut) / 2 ** 20).toFixed(1)} MiB); median of ${opts.runs} runs each, alternating`];
  for (const side of results.sides) out.push(`  ${side.name.padEnd(58)} ${side.timesMs.map((t) => fmtS(t)).join(' / ')} s   median ${fmtS(side.medianMs)} s   CPU ${side.cpuSeconds.join(' / ')} s   peak RSS ${side.peakRssMiB.join(' / ')} MiB   ${JSON.stringify(side.summaries[0])}`);
  out.push(`grown / appended part alone (fresh database): ${ratio.toFixed(2)}×   (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'}); grown / appended part into the same database: ${(med.grown / med['alone-into-base']).toFixed(2)}×`);
  const maxOther = Math.max(...results.sides.flatMap((side) => side.otherLoadCores));
  if (maxOther > 0.2) out.push(`warning: other processes used up to ${maxOther.toFixed(2)} cores during some runs; the figures are noisy`);
  out.push('commands (from the repository root):');
  for (const c of commands) out.push(`  $ ${c}`);
  out.push(`results: ${rel(file)}`);
  console.log(out.join('\n'));
}

/** The offset just after the first line feed at or after `at` in `path`. */
function lineEndAfter(path, at) {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    for (let pos = at; ; pos += buf.length) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return pos;
      const i = buf.subarray(0, n).indexOf(0x0a);
      if (i >= 0) return pos + i + 1;
    }
  } finally {
    closeSync(fd);
  }
}

/** Copies bytes [from, to) of `src` to `dest` (`flags` 'a': appended to it, the same file). */
async function copyRange(src, dest, from, to, flags = 'w') {
  if (to <= from) return;
  await pipeline(createReadStream(src, { start: from, end: to - 1 }), createWriteStream(dest, { flags }));
}
