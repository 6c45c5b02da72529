#!/usr/bin/env node
// npm run bench:report — `hotline report month` on the demo database as a whole process (issue 22,
// target < 2 s), against `hotline stats range --by day` of the same month (the same start-up,
// policy and database: what the report adds is its other figures, echarts and drawing 10 charts).
//
// Builds bench/out/report-demo.db once (`hotline demo`), then runs the two commands alternately,
// 5 times each (`--runs N`), and prints every run's wall time and CPU time (user + system, from
// /usr/bin/time when it is there), their medians, and the ratio of the medians.
// Usage: npm run bench:report [-- --runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'hotline.js');
const DB = join(OUT, 'report-demo.db');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
mkdirSync(OUT, { recursive: true });

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
if (!existsSync(DB)) execFileSync(process.execPath, [BIN, 'demo', '--db', DB], { cwd: OUT, stdio: ['ignore', 'ignore', 'inherit'] });

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** One whole process: wall time (ms) and, with /usr/bin/time, CPU time (ms). */
function once(args) {
  const times = join(OUT, 'report-bench-time.txt');
  rmSync(times, { force: true });
  const [cmd, argv] = TIME ? [TIME, ['-f', '%U %S', '-o', times, process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { cwd: OUT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`hotline ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = TIME ? readFileSync(times, 'utf8').trim().split(/\s+/).slice(-2).reduce((s, x) => s + Number(x) * 1000, 0) : NaN;
  return { wall, cpu };
}

const report = ['--db', DB, 'report', 'month', '--month', '2026-10', '--out', join(OUT, 'report-month.html'), '--force'];
const reference = ['--db', DB, 'stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'day', '--format', 'csv'];
const sides = { report: [], reference: [] };
for (let i = 0; i < RUNS; i++) {
  sides.report.push(once(report));
  sides.reference.push(once(reference));
}

const ms = (v) => (Number.isNaN(v) ? 'n/a' : `${Math.round(v)}`);
console.log(`node ${process.version}; ${RUNS} runs each, alternating; load average before the last run: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
for (const [name, args] of [['report', report], ['reference', reference]]) {
  const runs = sides[name];
  console.log(`hotline ${args.join(' ')}`);
  console.log(`  wall ms: ${runs.map((r) => ms(r.wall)).join(' / ')}  median ${ms(median(runs.map((r) => r.wall)))}`);
  console.log(`  cpu ms:  ${runs.map((r) => ms(r.cpu)).join(' / ')}  median ${ms(median(runs.map((r) => r.cpu)))}`);
}
console.log(`ratio report / stats range (median wall): ${(median(sides.report.map((r) => r.wall)) / median(sides.reference.map((r) => r.wall))).toFixed(2)}×`);
