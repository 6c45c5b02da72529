// Start-up of the report commands (docs/performance.md, `calls list`): what a run loads, and the
// policy still found and validated as before. zod and the policy schema are loaded only when a
// policy file is read (the built-in defaults are a constant); cli-table3 only for a table,
// csv-stringify only for CSV, chalk only for colour on a terminal (startup-colour.test.ts), so
// never here; exceljs, inquirer, cli-progress, csv-parse,
// iconv-lite and echarts (report month|day only: report-month.test.ts) not for a listing at all.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../src/domain/policy-defaults.js';
import { ROOT, hotline, hotlineProcess, tempDir, type CliResult } from '../helpers/cli.js';
import { csv } from './support.js';

let dir: string;
let cleanup: () => void;
let traces = 0;

const TRACE = pathToFileURL(join(ROOT, 'tests', 'helpers', 'trace-loads.mjs')).href;

const CALLS = csv(['call_id', 'started_at', 'operator_id', 'outcome', 'wait_seconds', 'talk_seconds', 'customer_name', 'customer_phone'], [
  ['S1', '2026-10-12 09:00:05', '1001', 'answered', '10', '120', '张三', '13812341234'],
  ['S2', '2026-10-12 09:10:00', '', 'abandoned', '40', '0', '', '13900001111'],
  ['S3', '2026-10-12 10:00:00', '1002', 'answered', '3', '300', '李四', '010-12345678'],
]);

const HEAVY = ['zod', 'chalk', 'cli-table3', 'csv-stringify', 'exceljs', '@inquirer/prompts', 'cli-progress', 'csv-parse', 'iconv-lite', 'echarts'];

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-startup-'));
  writeFileSync(join(dir, 'calls.csv'), CALLS);
  expect(hotline(['--db', 'calls.db', 'import', 'calls', 'calls.csv'], { cwd: dir }).status).toBe(0);
  writeFileSync(join(dir, 'empty.json'), '{}');
  writeFileSync(join(dir, 'no-reason.json'), '\ufeff' + JSON.stringify({ privacy: { require_reason: false } }));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ kpi: { threshold: 20 } }));
  writeFileSync(join(dir, 'broken.json'), '{oops');
});
afterAll(() => cleanup());

/** The npm packages a module list names (node_modules/<name> or node_modules/@scope/<name>). */
function packages(lines: string): Set<string> {
  return new Set([...lines.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1] as string));
}

/** Runs hotline as a process of its own in `cwd` (default: the workspace) and returns what it did and the packages it loaded. */
function traced(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult & { loaded: Set<string> } {
  const file = join(dir, `loads-${traces++}.txt`);
  writeFileSync(file, '');
  const r = hotlineProcess(args, { cwd: opts.cwd ?? dir, env: { NODE_OPTIONS: `--import=${TRACE}`, TRACE_LOADS_FILE: file, ...opts.env } });
  return { ...r, loaded: packages(readFileSync(file, 'utf8')) };
}

describe('calls list without a policy file loads only what it uses', () => {
  test('--format json: no zod, no renderer libraries', () => {
    const r = traced(['--db', 'calls.db', 'calls', 'list', '--limit', '10', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((c: { call_id: string }) => c.call_id)).toEqual(['S1', 'S2', 'S3']);
    expect(r.loaded).toContain('better-sqlite3');
    expect(r.loaded).toContain('commander');
    expect(HEAVY.filter((p) => r.loaded.has(p))).toEqual([]);
  });

  test('--format csv: csv-stringify and nothing else of the list', () => {
    const r = traced(['--db', 'calls.db', 'calls', 'list', '--limit', '10', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')[1]).toBe('S1,2026-10-12 09:00:05,1001,inbound,answered,10,120,,,,,,张*,138****1234,,,,');
    expect(HEAVY.filter((p) => r.loaded.has(p))).toEqual(['csv-stringify']);
  });

  test('--format table: cli-table3, and no chalk', () => {
    const r = traced(['--db', 'calls.db', 'calls', 'list', '--limit', '10', '--format', 'table']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('│ S1      │ 2026-10-12 09:00:05 │');
    expect(HEAVY.filter((p) => r.loaded.has(p))).toEqual(['cli-table3']);
  });

  test('--help loads neither zod nor a renderer', () => {
    const r = traced(['--help']);
    expect(r.status).toBe(0);
    expect(HEAVY.filter((p) => r.loaded.has(p))).toEqual([]);
  });
});

describe('a policy file is still read and validated', () => {
  test('--policy FILE: zod loaded, the file applied (privacy.require_reason false, BOM skipped)', () => {
    const args = ['--db', 'calls.db', 'calls', 'list', '--format', 'json', '--show-pii'];
    expect(traced(args).status).toBe(2); // the default policy wants --reason
    const r = traced(['--policy', 'no-reason.json', ...args]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].customer_phone).toBe('13812341234');
    expect(r.loaded).toContain('zod');
  });

  test('./hotline.policy.json in the working directory is found', () => {
    const sub = join(dir, 'with-policy');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'hotline.policy.json'), JSON.stringify({ kpi: { threshold: 20 } }));
    try {
      const r = traced(['--db', join(dir, 'calls.db'), 'calls', 'list', '--format', 'json'], { cwd: sub });
      expect(r).toMatchObject({ status: 2, stdout: '', stderr: 'error: ./hotline.policy.json: invalid policy\n  kpi.threshold: unknown key\nhint: see docs/policy.md\n' });
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  test('$HOTLINE_POLICY: an invalid file is refused with its keys named (exit 2)', () => {
    const r = traced(['--db', 'calls.db', 'calls', 'list'], { env: { HOTLINE_POLICY: 'bad.json' } });
    expect(r).toMatchObject({ status: 2, stdout: '', stderr: 'error: bad.json: invalid policy\n  kpi.threshold: unknown key\nhint: see docs/policy.md\n' });
  });

  test('a named file that is missing or not JSON: exit 2, as before', () => {
    expect(traced(['--policy', 'nope.json', '--db', 'calls.db', 'calls', 'list'])).toMatchObject({
      status: 2, stdout: '', stderr: 'error: policy file nope.json not found\nhint: check --policy or $HOTLINE_POLICY\n',
    });
    const broken = traced(['--policy', 'broken.json', '--db', 'calls.db', 'calls', 'list']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^error: broken\.json: not valid JSON: /);
  });

  test('policy check FILE', () => {
    expect(traced(['policy', 'check', 'no-reason.json'])).toMatchObject({ status: 0, stdout: '', stderr: 'no-reason.json: valid\n' });
    expect(traced(['policy', 'check', 'bad.json'])).toMatchObject({ status: 2, stderr: 'error: bad.json: invalid policy\n  kpi.threshold: unknown key\nhint: see docs/policy.md\n' });
    expect(traced(['policy', 'check', 'nope.json'])).toMatchObject({ status: 2, stderr: 'error: nope.json: no such file\n' });
  });

  test('policy show: the built-in defaults print exactly as an empty policy file does', () => {
    const builtIn = traced(['policy', 'show']);
    const empty = traced(['--policy', 'empty.json', 'policy', 'show']);
    expect(builtIn).toMatchObject({ status: 0, stderr: 'policy: the built-in defaults (no policy file found)\n' });
    expect(empty).toMatchObject({ status: 0, stderr: 'policy: empty.json over the defaults\n' });
    expect(builtIn.stdout).toBe(empty.stdout);
    expect(JSON.parse(builtIn.stdout)).toStrictEqual(DEFAULT_POLICY);
  });
});
