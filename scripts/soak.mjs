#!/usr/bin/env node
// Soak test (issue #8 item 4): the real CLI, several processes at once, killed at random.
//
//   npm run soak                                   # 10 minutes, 4 workers
//   npm run soak -- --minutes 2 --workers 4 --seed 7
//   options: --minutes N (default 10)  --workers K (default 4)  --seed S (default 1)
//            --files N (pool size, default 12)  --universe N (call keys, default 200000)
//            --kill-every S (mean seconds between random kills, default 6)
//            --distinct-files (never import one file in two processes at once)
//            --keep (keep the work directory)  --build (run tsc first)
//
// K workers run `node bin/hotline.js --db <soak db> --busy-timeout T ...` in a loop, at random:
// import calls (a pool of overlapping deterministic call CSVs of 3k–50k rows; a committed file is
// replaced by a new one now and then), stats daily, calls list, imports, db backup (then db check
// on the backup) and db check. A killer sends SIGKILL (sometimes SIGINT) to running children, and
// some imports are killed the moment they print their summary (after COMMIT, before exit).
// Expected outcomes: exit 0; exit 4 "busy"; death by the signal sent (or exit 130 after SIGINT);
// exit 4 "no database here" for a report started before the first import created the database,
// or "not a hotline database yet" (an SQLite file with no tables: the first import has created the
// file and not yet committed its tables, or was killed before it did) before any import succeeded.
// Anything else is a failure. At the end: db check --full on the soak db; the calls table against
// a model (the ledger's committed imports applied in ledger order as upserts: count, checksum
// over call_id + content columns, and the tracking columns); the ledger's counts against the
// model; no duplicate call_id; no row naming an import missing from the ledger; every ledger row
// explained by a run; the per-day statistics summary against the model; every backup checked
// (db check) and compared with the model at its own ledger. Figures are printed and written to
// bench/out/soak-<timestamp>.json; exit 1 on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInfo } from '../bench/build-info.mjs';
import { CallsModel, CONTENT_COLUMNS, TRACKING_COLUMNS, digestDbRows, writeCallFile } from './soak/calls-pool.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench', 'out');
const rel = (p) => relative(root, p) || '.';

// ---------- arguments ----------
function parseArgs(argv) {
  const o = { minutes: 10, workers: 4, seed: 1, files: 12, universe: 200_000, killEvery: 6, distinctFiles: false, keep: false, build: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) die(`${flag} needs a value`);
      const n = Number(v.replace(/_/g, ''));
      if (!Number.isFinite(n) || n <= 0) die(`${flag} must be a positive number`);
      return n;
    };
    if (flag === '--minutes') o.minutes = val();
    else if (flag === '--workers') o.workers = val();
    else if (flag === '--seed') o.seed = val();
    else if (flag === '--files') o.files = val();
    else if (flag === '--universe') o.universe = val();
    else if (flag === '--kill-every') o.killEvery = val();
    else if (flag === '--distinct-files') o.distinctFiles = true;
    else if (flag === '--keep') o.keep = true;
    else if (flag === '--build') o.build = true;
    else if (flag === '-h' || flag === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 25).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else die(`unknown argument ${a} (try --help)`);
  }
  for (const k of ['workers', 'seed', 'files', 'universe']) if (!Number.isInteger(o[k])) die(`--${k} must be a whole number`);
  if (o.universe < 60_000) die('--universe must be at least 60000');
  return o;
}
function die(msg) {
  console.error(`soak: ${msg}`);
  process.exit(2);
}
const opts = parseArgs(process.argv.slice(2));

// ---------- seeded randomness for the schedule (the timing itself is not reproducible) ----------
let rs = (opts.seed * 2654435761) | 0;
const rand = () => {
  rs = (rs + 0x6d2b79f5) | 0;
  let t = Math.imul(rs ^ (rs >>> 15), 1 | rs);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rand() * a.length)];
const weighted = (pairs) => {
  let x = rand() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------- work directory, build snapshot ----------
const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
const work = join(outDir, `soak-${stamp}`);
const poolDir = join(work, 'pool');
const backupDir = join(work, 'backups');
mkdirSync(poolDir, { recursive: true });
mkdirSync(backupDir, { recursive: true });
const dbPath = join(work, 'soak.db');
const runLog = join(work, 'runs.jsonl');

if (opts.build || !existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('soak: building (npx tsc -p tsconfig.json) …');
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) die(`build failed (exit ${r.status})`);
}
// A copy of bin/ + dist/ taken now: a rebuild of dist/ by someone else during the soak cannot mix versions.
const { distHash, distTime, newerSrc } = buildInfo(root);
const build = join(work, 'build');
cpSync(join(root, 'dist'), join(build, 'dist'), { recursive: true });
cpSync(join(root, 'bin'), join(build, 'bin'), { recursive: true });
copyFileSync(join(root, 'package.json'), join(build, 'package.json'));
const bin = join(build, 'bin', 'hotline.js');
const gitHead = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || '?';
const gitDirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).stdout?.trim() ? ' + uncommitted src/ changes' : '';

// Children run in the work directory (no hotline.policy.json there) without HOTLINE_* variables.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HOTLINE_')));
childEnv.TERM = 'dumb';

// ---------- the file pool ----------
const files = new Map(); // k → { k, name, path, sha256, rows, bytes, users, retired, deleted }
const bySha = new Map();
let nextK = 0;
function newFile() {
  const f = writeCallFile(poolDir, opts.seed, opts.universe, nextK++);
  Object.assign(f, { users: 0, retired: false, deleted: false });
  files.set(f.k, f);
  bySha.set(f.sha256, f);
  return f;
}
const slots = [];

// ---------- running children ----------
const running = new Set();
const runs = [];
let runSeq = 0;
/** When the first import ended with exit 0 (its tables committed); Infinity until then. */
let firstImportOkAt = Infinity;
const WATCHDOG_MS = 5 * 60_000;

/** Runs the CLI; resolves with the run record once it has exited and its pipes are closed. */
function cli(type, args, extra = {}) {
  const run = { n: ++runSeq, type, args, ...extra, start: Date.now(), dbExisted: existsSync(dbPath), sent: [], code: null, signal: null, stdout: '', stderr: '' };
  runs.push(run);
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    run.pid = child.pid;
    run.child = child;
    run.exited = false;
    running.add(run);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => {
      err.push(d);
      // An armed import is killed the moment it prints its summary: after COMMIT, before exit.
      if (run.killOnSummary && run.sent.length === 0 && !run.exited && /\(import #\d+/.test(Buffer.concat(err).toString())) {
        signal(run, run.killOnSummary, 'after-commit');
      }
    });
    const watchdog = setTimeout(() => {
      if (!run.exited) {
        run.hung = true;
        signal(run, 'SIGKILL', 'watchdog');
      }
    }, WATCHDOG_MS);
    child.on('exit', () => {
      run.exited = true;
    });
    child.on('error', (e) => {
      run.spawnError = e.message;
    });
    child.on('close', (code, sig) => {
      clearTimeout(watchdog);
      run.exited = true;
      running.delete(run);
      delete run.child;
      run.code = code;
      run.signal = sig;
      run.end = Date.now();
      run.stdout = Buffer.concat(out).toString();
      run.stderr = Buffer.concat(err).toString();
      classify(run);
      appendFileSync(runLog, JSON.stringify({ ...run, stdout: run.outcome === 'failure' ? run.stdout.slice(0, 2000) : undefined, stderr: run.stderr.slice(0, 2000) }) + '\n');
      resolvePromise(run);
    });
  });
}

function signal(run, sig, why) {
  if (run.exited || !run.child) return;
  run.sent.push({ sig, why, at: Date.now() - run.start });
  try {
    process.kill(run.pid, sig);
  } catch {
    /* already gone */
  }
}

const failures = [];
function fail(what, detail = {}) {
  failures.push({ what, ...detail });
  console.error(`soak: FAILURE: ${what}${detail.stderr ? `\n  ${detail.stderr.trim().split('\n').slice(0, 4).join('\n  ')}` : ''}`);
}

/** outcome: ok | busy | killed | nodb | failure */
function classify(run) {
  const sentKill = run.sent.some((s) => s.sig === 'SIGKILL');
  const sentInt = run.sent.some((s) => s.sig === 'SIGINT');
  const brief = { run: run.n, type: run.type, cmd: `node bin/hotline.js ${run.args.join(' ')}`, code: run.code, signal: run.signal, sent: run.sent, stderr: run.stderr.slice(0, 1500) };
  if (run.hung) {
    run.outcome = 'failure';
    return fail(`${run.type} still running after ${WATCHDOG_MS / 1000} s (killed)`, brief);
  }
  if (run.signal === 'SIGKILL' && sentKill) run.outcome = 'killed';
  else if (sentInt && (run.code === 130 || run.signal === 'SIGINT')) run.outcome = 'killed';
  else if (run.code === 0) {
    run.outcome = 'ok';
    if (sentInt) run.lateSigint = true;
    try {
      run.json = run.stdout.trim() ? JSON.parse(run.stdout) : null;
    } catch (e) {
      run.outcome = 'failure';
      return fail(`${run.type}: exit 0 but stdout is not JSON (${e.message})`, { ...brief, stdout: run.stdout.slice(0, 500) });
    }
    if (run.type === 'import' && !(run.json && (run.json.status === 'imported' || run.json.status === 'already_imported'))) {
      run.outcome = 'failure';
      return fail('import: exit 0 without a summary on stdout', brief);
    }
    if (run.type === 'import') firstImportOkAt = Math.min(firstImportOkAt, Date.now());
  } else if (run.code === 4 && /busy/i.test(run.stderr)) run.outcome = 'busy';
  // A report before the first import has created the database.
  else if (run.code === 4 && !run.dbExisted && run.args[1] === dbPath && /no database here/.test(run.stderr)) run.outcome = 'nodb';
  // A report while the first import is creating the database (or after it was killed doing so).
  else if (run.code === 4 && run.start < firstImportOkAt && run.args[1] === dbPath && /not a hotline database (yet: an SQLite file with no tables|: an empty file \(0 bytes\))/.test(run.stderr)) run.outcome = 'nodb';
  else {
    run.outcome = 'failure';
    const why = run.signal ? `killed by ${run.signal}, which the soak did not send` : `exit ${run.code}`;
    fail(`${run.type}: ${why}`, brief);
  }
}

// ---------- the actions ----------
let deadline = 0;
let backupSeq = 0;
const backups = [];
const DAYS = (() => {
  const out = [];
  for (let t = Date.UTC(2026, 8, 1); t <= Date.UTC(2026, 9, 31); t += 86400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
})();
const IMPORT_BUSY = ['0.5', '2', '8'];

async function doImport() {
  const candidates = opts.distinctFiles ? slots.filter((f) => f.users === 0) : slots;
  if (candidates.length === 0) return doReport();
  const f = pick(candidates);
  f.users++;
  const armed = rand() < 0.15 ? (rand() < 0.75 ? 'SIGKILL' : 'SIGINT') : undefined;
  const run = await cli('import', ['--db', dbPath, '--busy-timeout', pick(IMPORT_BUSY), 'import', 'calls', f.path, '--format', 'json'], { file: f.k, sha256: f.sha256, killOnSummary: armed });
  f.users--;
  // A file known to be in the ledger is retired now and then: a new file takes its place.
  if (run.outcome === 'ok' && !f.retired && rand() < 0.5) {
    f.retired = true;
    slots[slots.indexOf(f)] = newFile();
  }
  for (const g of files.values()) {
    if (g.retired && g.users === 0 && !g.deleted) {
      rmSync(g.path, { force: true });
      g.deleted = true;
    }
  }
}

async function doReport() {
  const kind = weighted([['stats', 4], ['calls', 3], ['imports', 3]]);
  const g = ['--db', dbPath, '--busy-timeout', '2'];
  if (kind === 'stats') await cli('stats', [...g, 'stats', 'daily', '--date', pick(DAYS), '--format', 'json']);
  else if (kind === 'calls') await cli('calls', [...g, 'calls', 'list', '--limit', '5', '--format', 'json']);
  else await cli('imports', [...g, 'imports', '--format', 'json']);
}

async function doBackup() {
  const n = ++backupSeq;
  const target = join(backupDir, `backup-${String(n).padStart(3, '0')}.db`);
  const b = { n, path: target, made: false, checked: false };
  backups.push(b);
  const run = await cli('backup', ['--db', dbPath, '--busy-timeout', '5', 'db', 'backup', target]);
  b.backupOutcome = run.outcome;
  if (!existsSync(target)) return;
  b.made = run.outcome === 'ok';
  const check = await cli('backup-check', ['--db', target, 'db', 'check', '--format', 'json']);
  if (check.outcome === 'ok') b.checked = true;
}

async function doCheck() {
  await cli('check', ['--db', dbPath, '--busy-timeout', '5', 'db', 'check', '--format', 'json']);
}

async function worker() {
  while (Date.now() < deadline) {
    const what = weighted([['import', 55], ['report', 33], ['backup', 5], ['check', 4]]);
    if (what === 'import') await doImport();
    else if (what === 'report') await doReport();
    else if (what === 'backup') await doBackup();
    else await doCheck();
  }
}

let kills = 0;
async function killer() {
  while (Date.now() < deadline) {
    await sleep(Math.min(-Math.log(1 - rand()) * opts.killEvery * 1000, deadline - Date.now()));
    if (Date.now() >= deadline) break;
    // Imports armed to be killed after COMMIT are left to reach it.
    const victims = [...running].filter((r) => !r.exited && r.sent.length === 0 && r.child && !r.killOnSummary);
    if (victims.length === 0) continue;
    const v = weighted(victims.map((r) => [r, r.type === 'import' ? 3 : 1]));
    signal(v, rand() < 0.75 ? 'SIGKILL' : 'SIGINT', 'random');
    kills++;
  }
}

// ---------- go ----------
console.error(`soak: ${opts.minutes} min, ${opts.workers} workers, seed ${opts.seed}, pool of ${opts.files} files, ${opts.universe} call keys; work dir ${rel(work)}`);
console.error(`soak: build under test: commit ${gitHead}${gitDirty}, dist ${distHash} built ${new Date(distTime).toISOString()}${newerSrc.length ? ` (note: ${newerSrc.length} src/ file(s) newer than dist/, e.g. ${rel(newerSrc[0])}; --build rebuilds)` : ''}`);
for (let i = 0; i < opts.files; i++) slots.push(newFile());
console.error(`soak: pool written (${slots.map((f) => f.rows).join(', ')} rows)`);
const t0 = Date.now();
deadline = t0 + opts.minutes * 60_000;
const progress = setInterval(() => {
  const by = (o) => runs.filter((r) => r.outcome === o).length;
  console.error(`soak: ${((Date.now() - t0) / 60_000).toFixed(1)} min: ${runs.length} runs (${by('ok')} ok, ${by('busy')} busy, ${by('killed')} killed, ${failures.length} failures), ${files.size} files made`);
}, 30_000);
await Promise.all([...Array.from({ length: opts.workers }, worker), killer()]);
clearInterval(progress);
const soakMs = Date.now() - t0;
console.error(`soak: ${(soakMs / 60_000).toFixed(2)} min of runs done; verifying …`);

// ---------- verification ----------
const { default: Database } = await import('better-sqlite3');
const verify = { dbCheck: null, ledger: null, calls: null, stats: null, backups: [] };

// 1. db check --full on the soak db
{
  const r = await cli('final-check', ['--db', dbPath, 'db', 'check', '--full', '--format', 'json']);
  verify.dbCheck = { outcome: r.outcome, items: r.json ?? null };
  if (r.outcome !== 'ok') fail('db check --full on the soak db did not pass', { stderr: r.stderr });
}

function readLedger(db) {
  return db.prepare('SELECT id, kind, sha256, file_name, rows, inserted, updated, unchanged, rejected, skipped, finished_at FROM imports ORDER BY id').all();
}
function readCalls(db) {
  return digestDbRows(db.prepare(`SELECT ${[...CONTENT_COLUMNS, ...TRACKING_COLUMNS].join(', ')} FROM calls ORDER BY call_id`).raw().iterate());
}

const db = new Database(dbPath, { readonly: true });
const ledger = readLedger(db);
const dbDigest = readCalls(db);
const dupIds = db.prepare('SELECT count(*) - count(DISTINCT call_id) FROM calls').pluck().get();
const stray = db.prepare(`SELECT count(*) FROM calls WHERE import_id NOT IN (SELECT id FROM imports) OR created_import_id NOT IN (SELECT id FROM imports) OR seen_import_id NOT IN (SELECT id FROM imports)`).pluck().get();
const strayRings = db.prepare('SELECT count(*) FROM missed_rings').pluck().get();
db.close();

// 2. the ledger replayed through the model; backups' ledgers must be prefixes of it
const backupLedgers = [];
for (const b of backups) {
  if (!existsSync(b.path)) continue;
  if (!b.checked) {
    const r = await cli('backup-check', ['--db', b.path, 'db', 'check', '--format', 'json'], { atEnd: true });
    b.checked = r.outcome === 'ok';
    b.checkedAtEnd = true;
  }
  const bdb = new Database(b.path, { readonly: true });
  try {
    b.ledger = readLedger(bdb);
    b.digest = readCalls(bdb);
  } finally {
    bdb.close();
  }
  backupLedgers.push(b);
}
const model = new CallsModel(opts.seed, opts.universe);
const ledgerProblems = [];
const prefixDigests = new Map(); // ledger length → model digest
const wantPrefix = new Set(backupLedgers.map((b) => b.ledger.length));
for (let i = 0; i <= ledger.length; i++) {
  if (wantPrefix.has(i)) prefixDigests.set(i, model.digest());
  if (i === ledger.length) break;
  const row = ledger[i];
  const f = bySha.get(row.sha256);
  if (row.kind !== 'calls' || !f) {
    ledgerProblems.push(`import #${row.id}: ${row.kind} ${row.file_name} is not a file of this soak`);
    continue;
  }
  if (row.finished_at === null) ledgerProblems.push(`import #${row.id} (${f.name}): committed without finished_at`);
  const want = model.apply(row.id, f.k);
  row.k = f.k;
  const got = { rows: row.rows, inserted: row.inserted, updated: row.updated, unchanged: row.unchanged, rejected: row.rejected, skipped: row.skipped };
  if (JSON.stringify(got) !== JSON.stringify(want)) ledgerProblems.push(`import #${row.id} (${f.name}): ledger says ${JSON.stringify(got)}, model ${JSON.stringify(want)}`);
}
const modelDigest = model.digest();
for (const p of ledgerProblems) fail(`ledger: ${p}`);

// 3. the calls table against the model
verify.calls = { db: dbDigest, model: modelDigest, duplicateCallIds: dupIds, rowsNamingNoLedgerImport: stray, missedRings: strayRings };
if (dbDigest.count !== modelDigest.count) fail(`calls: ${dbDigest.count} rows in the db, the model has ${modelDigest.count}`);
if (dbDigest.content !== modelDigest.content) fail('calls: checksum over call_id + content columns differs from the model');
if (dbDigest.tracking !== modelDigest.tracking) fail('calls: checksum over import_id, created_import_id, seen_import_id, seen_line differs from the model');
if (dupIds !== 0 || dbDigest.outOfOrder !== 0) fail(`calls: ${dupIds} duplicated call_id (${dbDigest.outOfOrder} out of order in ORDER BY call_id)`);
if (stray !== 0) fail(`calls: ${stray} rows name an import that is not in the ledger (left by a killed import?)`);
if (strayRings !== 0) fail(`missed_rings: ${strayRings} rows (no soak file writes any)`);
if (dbDigest.content !== modelDigest.content || dbDigest.count !== modelDigest.count) {
  // Name a few differing keys.
  const d2 = new Database(dbPath, { readonly: true });
  const seen = new Set();
  const diffs = [];
  for (const row of d2.prepare(`SELECT ${CONTENT_COLUMNS.join(', ')} FROM calls ORDER BY call_id`).raw().iterate()) {
    seen.add(row[0]);
    const m = model.rows.get(row[0]);
    const c = JSON.stringify(row.slice(1));
    if (!m) diffs.push(`${row[0]} in the db, not in the model`);
    else if (m.content !== c) diffs.push(`${row[0]}: db ${c} model ${m.content}`);
    if (diffs.length >= 5) break;
  }
  for (const id of model.rows.keys()) if (diffs.length < 10 && !seen.has(id) && seen.size === dbDigest.count) diffs.push(`${id} in the model, not in the db`);
  d2.close();
  verify.calls.firstDifferences = diffs;
  console.error(`  first differences:\n  ${diffs.join('\n  ')}`);
}

// 4. db check's ledger item: a warning only where the model says an import has no row left
if (verify.dbCheck.items) {
  const have = model.idsWithRows();
  const noRows = ledger.filter((r) => r.inserted + r.updated > 0 && !have.has(r.id)).map((r) => r.id);
  verify.dbCheck.importsWithNoRowLeft = noRows;
  for (const item of verify.dbCheck.items) {
    if (item.level === 'error') fail(`db check: ${item.check}: ${item.detail}`);
    else if (item.level === 'warning' && !(item.check === 'ledger' && noRows.length > 0 && /no rows left/.test(item.detail) && !/not in the ledger/.test(item.detail))) fail(`db check warning: ${item.check}: ${item.detail}`);
  }
  if (noRows.length > 0 && !verify.dbCheck.items.some((i) => i.check === 'ledger' && i.level === 'warning')) fail(`db check: the model says imports ${noRows.join(', ')} have no row left, db check's ledger item does not warn`);
}

// 5. every ledger row explained by a run; every run's report matches the ledger
const importRuns = runs.filter((r) => r.type === 'import');
const ledgerById = new Map(ledger.map((r) => [r.id, r]));
let committedByKilled = 0;
for (const row of ledger) {
  const reported = importRuns.filter((r) => r.outcome === 'ok' && r.json?.status === 'imported' && r.json.import_id === row.id);
  if (reported.length > 1) fail(`import #${row.id}: ${reported.length} runs say they imported it (runs ${reported.map((r) => r.n).join(', ')})`);
  for (const r of reported) {
    if (r.json.sha256 !== row.sha256) fail(`run ${r.n} says it imported ${r.json.sha256.slice(0, 12)} as #${row.id}, the ledger has ${row.sha256.slice(0, 12)}`);
    const keys = ['rows', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped'];
    if (keys.some((k) => r.json[k] !== row[k])) fail(`run ${r.n}: its summary ${JSON.stringify(Object.fromEntries(keys.map((k) => [k, r.json[k]])))} differs from ledger #${row.id}`);
  }
  if (reported.length === 0) {
    const killed = importRuns.filter((r) => r.outcome === 'killed' && r.sha256 === row.sha256);
    if (killed.length === 0) fail(`import #${row.id} (${row.file_name}) is in the ledger but no run imported it and no run of that file was killed`);
    else {
      committedByKilled++;
      row.committedByKilledRun = killed.map((r) => r.n);
    }
  }
}
for (const r of importRuns) {
  if (r.outcome !== 'ok') continue;
  const row = ledgerById.get(r.json.import_id);
  if (!row || row.sha256 !== r.json.sha256) fail(`run ${r.n}: reports ${r.json.status} as import #${r.json.import_id}, which the ledger ${row ? 'has for another file' : 'does not have'}`);
}
// Imports killed after their summary (after COMMIT) must be in the ledger.
for (const r of importRuns) {
  if (r.outcome === 'killed' && r.sent.some((s) => s.why === 'after-commit') && !ledger.some((row) => row.sha256 === r.sha256)) fail(`run ${r.n} printed its summary (committed), was killed, and its file is not in the ledger`);
}

// 6. the per-day statistics summary against the model
{
  const days = model.days();
  const all = [...days.keys()].sort();
  if (all.length > 0) {
    const r = await cli('final-stats', ['--db', dbPath, 'stats', 'range', '--from', all[0], '--to', all[all.length - 1], '--by', 'day', '--format', 'json']);
    const bad = [];
    if (r.outcome === 'ok') {
      for (const row of r.json.rows) {
        const m = days.get(row.period) ?? { offered: 0, answered: 0, abandoned: 0, talk_seconds: 0 };
        for (const k of ['offered', 'answered', 'abandoned', 'talk_seconds']) if (row[k] !== m[k]) bad.push(`${row.period} ${k}: stats ${row[k]}, model ${m[k]}`);
      }
      if (bad.length) fail(`stats range --by day differs from the model on ${bad.length} figures: ${bad.slice(0, 5).join('; ')}`);
    }
    verify.stats = { days: all.length, from: all[0], to: all[all.length - 1], outcome: r.outcome, differences: bad.length };
  }
}

// 7. backups: db check passed, ledger a prefix of the final one, calls equal to the model at that prefix
for (const b of backupLedgers) {
  const problems = [];
  if (!b.checked) problems.push('db check on the backup did not pass');
  const prefix = ledger.slice(0, b.ledger.length);
  if (b.ledger.some((row, i) => prefix[i]?.id !== row.id || prefix[i]?.sha256 !== row.sha256 || prefix[i]?.inserted !== row.inserted)) problems.push('its ledger is not a prefix of the final ledger');
  const want = prefixDigests.get(b.ledger.length);
  if (!want || want.count !== b.digest.count || want.content !== b.digest.content || want.tracking !== b.digest.tracking) problems.push(`calls differ from the model at its ${b.ledger.length} imports (backup ${b.digest.count} rows, model ${want?.count})`);
  verify.backups.push({ n: b.n, imports: b.ledger.length, rows: b.digest.count, checked: b.checked, checkedAtEnd: !!b.checkedAtEnd, verified: problems.length === 0, problems });
  for (const p of problems) fail(`backup ${b.n}: ${p}`);
}

// Files that db backup left beside its targets (temporary copies, their -wal/-shm): reported, not failures.
const backupLeftovers = readdirSync(backupDir).filter((n) => !/^backup-\d+\.db(-wal|-shm)?$/.test(n));

// ---------- figures ----------
const count = (xs, f) => xs.filter(f).length;
const runTypes = ['import', 'stats', 'calls', 'imports', 'backup', 'backup-check', 'check'];
const soakRuns = runs.filter((r) => runTypes.includes(r.type) && !r.atEnd);
const sentAll = soakRuns.flatMap((r) => r.sent);
const figures = {
  date: new Date().toISOString(),
  command: `node scripts/soak.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  options: opts,
  build: { gitHead: gitHead + gitDirty, dist: distHash, distBuiltAt: new Date(distTime).toISOString(), srcNewerThanDist: newerSrc.length },
  machine: { nproc: availableParallelism(), node: process.version },
  minutes: +(soakMs / 60_000).toFixed(2),
  runs: {
    total: soakRuns.length,
    byType: Object.fromEntries(runTypes.map((t) => [t, count(soakRuns, (r) => r.type === t)])),
    byOutcome: Object.fromEntries(['ok', 'busy', 'killed', 'nodb', 'failure'].map((o) => [o, count(soakRuns, (r) => r.outcome === o)])),
    busyByType: Object.fromEntries(runTypes.map((t) => [t, count(soakRuns, (r) => r.type === t && r.outcome === 'busy')])),
  },
  kills: {
    sent: sentAll.length,
    SIGKILL: count(sentAll, (s) => s.sig === 'SIGKILL'),
    SIGINT: count(sentAll, (s) => s.sig === 'SIGINT'),
    afterCommit: count(sentAll, (s) => s.why === 'after-commit'),
    killedRuns: count(soakRuns, (r) => r.outcome === 'killed'),
    sigintButFinished: count(soakRuns, (r) => r.lateSigint),
    killedByType: Object.fromEntries(runTypes.map((t) => [t, count(soakRuns, (r) => r.type === t && r.outcome === 'killed')])),
  },
  imports: {
    runs: importRuns.length,
    committed: ledger.length,
    committedReportedByRun: count(importRuns, (r) => r.outcome === 'ok' && r.json?.status === 'imported'),
    committedByKilledRun: committedByKilled,
    alreadyImported: count(importRuns, (r) => r.outcome === 'ok' && r.json?.status === 'already_imported'),
    busy: count(importRuns, (r) => r.outcome === 'busy'),
    killed: count(importRuns, (r) => r.outcome === 'killed'),
    failed: count(importRuns, (r) => r.outcome === 'failure'),
    filesMade: files.size,
    rowsWritten: ledger.reduce((a, r) => ({ inserted: a.inserted + r.inserted, updated: a.updated + r.updated, unchanged: a.unchanged + r.unchanged, skipped: a.skipped + r.skipped }), { inserted: 0, updated: 0, unchanged: 0, skipped: 0 }),
  },
  rowsInDb: dbDigest.count,
  backups: {
    attempted: backups.length,
    made: count(backups, (b) => b.made),
    filesLeft: backupLedgers.length,
    checked: count(backupLedgers, (b) => b.checked),
    verifiedAgainstModel: count(verify.backups, (b) => b.verified),
    leftoverFiles: backupLeftovers.length,
    leftoverExamples: backupLeftovers.slice(0, 6),
  },
  verify,
  failures: failures.length,
  failureList: failures,
  workDir: rel(work),
};
const resultFile = join(outDir, `soak-${stamp}.json`);
writeFileSync(resultFile, JSON.stringify(figures, null, 2) + '\n');

const f = figures;
const lines = [
  '',
  `soak: ${f.minutes} min, ${opts.workers} workers, seed ${opts.seed} (build ${f.build.gitHead}, dist ${distHash})`,
  `runs: ${f.runs.total} — ${runTypes.map((t) => `${t} ${f.runs.byType[t]}`).join(', ')}`,
  `      ok ${f.runs.byOutcome.ok}, busy ${f.runs.byOutcome.busy}, killed ${f.runs.byOutcome.killed}, no database yet ${f.runs.byOutcome.nodb}, failed ${f.runs.byOutcome.failure}`,
  `kills: ${f.kills.sent} signals sent (SIGKILL ${f.kills.SIGKILL}, SIGINT ${f.kills.SIGINT}; ${f.kills.afterCommit} right after an import's summary); ${f.kills.killedRuns} runs died of them, ${f.kills.sigintButFinished} finished despite SIGINT`,
  `imports: ${f.imports.runs} runs: committed ${f.imports.committed} (${f.imports.committedReportedByRun} reported by their run, ${f.imports.committedByKilledRun} by a run killed after COMMIT), already imported ${f.imports.alreadyImported}, busy ${f.imports.busy}, killed ${f.imports.killed}, failed ${f.imports.failed}; ${f.imports.filesMade} files made`,
  `         rows written by committed imports: ${f.imports.rowsWritten.inserted} inserted, ${f.imports.rowsWritten.updated} updated, ${f.imports.rowsWritten.unchanged} unchanged, ${f.imports.rowsWritten.skipped} skipped`,
  `rows in db: ${f.rowsInDb} (model ${modelDigest.count}; content checksum ${dbDigest.content === modelDigest.content ? 'matches' : 'DIFFERS'}, tracking ${dbDigest.tracking === modelDigest.tracking ? 'matches' : 'DIFFERS'}; ${dupIds} duplicate call_id; ${stray} rows naming no ledger import)`,
  `db check --full: ${verify.dbCheck.outcome}${verify.dbCheck.items ? ` (${verify.dbCheck.items.map((i) => `${i.check} ${i.level}`).join(', ')})` : ''}; stats range by day vs model: ${verify.stats ? `${verify.stats.days} days, ${verify.stats.differences} differences` : 'n/a'}`,
  `backups: ${f.backups.attempted} attempted, ${f.backups.made} made, ${f.backups.checked} of ${f.backups.filesLeft} files passed db check, ${f.backups.verifiedAgainstModel} equal to the model at their ledger; ${f.backups.leftoverFiles} other files left in the backup directory${f.backups.leftoverFiles ? ` (e.g. ${f.backups.leftoverExamples.slice(0, 3).join(', ')})` : ''}`,
  `failures: ${f.failures}`,
  ...summarizeFailures(failures),
  `results: ${rel(resultFile)}`,
];
console.log(lines.join('\n'));

function summarizeFailures(list) {
  const groups = new Map();
  for (const x of list) {
    const key = `${x.what}${x.stderr ? ` — ${x.stderr.trim().split('\n').slice(0, 2).join(' / ')}` : ''}`.replace(/\d{3,}/g, 'N').replace(/#\d+/g, '#N');
    const g = groups.get(key) ?? { n: 0, example: x };
    g.n++;
    groups.set(key, g);
  }
  return [...groups.entries()].map(([k, g]) => `  ${g.n} × ${k}${g.example.cmd ? `\n      e.g. run ${g.example.run}: ${g.example.cmd}` : ''}`);
}

// ---------- clean up ----------
rmSync(poolDir, { recursive: true, force: true });
rmSync(backupDir, { recursive: true, force: true });
if (failures.length === 0 && !opts.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept for inspection: ${rel(work)} (soak.db, runs.jsonl; the pool is regenerated from --seed ${opts.seed})`);
process.exit(failures.length > 0 ? 1 : 0);
