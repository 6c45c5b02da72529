// hotline under cron (issue 17, item 13): the README's cron recipes, run for real and run again;
// --format json as JSON Lines when stdout is not a terminal (an import of several files, every
// report); notes such as the encoding of a GBK file only on a terminal or with --verbose; and
// `stats daily --format csv` as the summary table.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { bash, csv, demoDatabase, inTerminal, workspace } from './support.js';

const ws = workspace('hotline-e2e-cron-');
const TZ = 'Asia/Shanghai';

beforeAll(async () => {
  await demoDatabase(ws.dir(), 'demo.db');
});

/** The crontab lines of the README's "In cron" section, as shell commands (schedule dropped, `\%` unescaped). */
function cronRecipes(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## In cron\n'), readme.indexOf('\n## ', readme.indexOf('\n## In cron\n') + 5));
  const blocks = [...section.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  return blocks.flatMap((b) => b.replace(/\\\n\s*/g, '').split('\n').filter((l) => l.trim() && !l.startsWith('#')))
    .map((line) => line.trim().split(/\s+/).slice(5).join(' ').replaceAll('\\%', '%'));
}

/** The recipes as they would run on the server, in `dir` for /srv/hotline, with `mail` recorded in mail.log. */
function cronScript(dir: string): string {
  const recipes = cronRecipes().map((r) => r.replaceAll('/srv/hotline', dir).replaceAll('npx hotline', 'hotline'));
  return ['mail() { { echo "mail $*"; cat; } >> mail.log; }', ...recipes.map((r) => `( ${r} )`)].join('\n');
}

/** Yesterday in the policy zone, as the recipes' `date -d yesterday +%F` says it. */
function yesterday(): string {
  return bash('date -d yesterday +%F', { cwd: ws.dir(), env: { TZ } }).stdout.trim();
}

/** A GBK export of three calls on `day` with Chinese headers, as a Windows phone system writes it. */
function gbkExport(day: string, extra = ''): Buffer {
  return iconv.encode([
    '通话编号,来电时间,坐席工号,呼叫结果,等待时长,通话时长,业务类型',
    `Y1,${day} 09:00:00,1001,已接听,12,300,咨询`,
    `Y2,${day} 09:05:00,1002,放弃,40,0,`,
    `Y3,${day} 10:00:00,1001,已接听,3,120,投诉`,
  ].join('\r\n') + '\r\n' + extra, 'gbk');
}

describe("the README's cron recipes", () => {
  test('there are two: the nightly import and the morning statistics', () => {
    expect(cronRecipes()).toEqual([
      'cd /srv/hotline && HOTLINE_DB=/srv/hotline/hotline.db npx hotline import calls --format json exports/calls-$(date -d yesterday +%F).csv >> logs/import.jsonl 2> logs/import.err || mail -s "hotline import failed ($?)" lead@example.com < logs/import.err',
      "cd /srv/hotline && npx hotline stats daily --format csv --out 'reports/daily-{date}.csv' --force && npx hotline stats daily --format json > reports/latest.json",
    ]);
  });

  test('run twice, as a retry would: quiet, a valid JSON Lines log, the day\'s files replaced, no mail', () => {
    const srv = join(ws.dir(), 'srv');
    for (const d of ['exports', 'logs', 'reports']) mkdirSync(join(srv, d), { recursive: true });
    const day = yesterday();
    writeFileSync(join(srv, 'exports', `calls-${day}.csv`), gbkExport(day));
    const script = cronScript(srv);

    const first = bash(script, { cwd: srv, env: { TZ } });
    // cron mails whatever a job prints: nothing, when all went well
    expect(first).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(srv, 'logs', 'import.err'), 'utf8')).toBe(`exports/calls-${day}.csv: 3 rows: 3 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, gb18030)\n`);
    const csvFile = join(srv, 'reports', `daily-${day}.csv`);
    const daily = readFileSync(csvFile, 'utf8');
    expect(daily.split('\r\n').slice(0, 4)).toEqual(['\ufeffmeasure,label,value', 'offered,来电量,3', 'answered,接听量,2', 'abandoned,放弃量,1']);
    const latest = readFileSync(join(srv, 'reports', 'latest.json'), 'utf8');
    expect(latest.split('\n')).toHaveLength(2); // one line, then the line end
    expect(JSON.parse(latest)).toMatchObject({ date: day, totals: { offered: 3, answered: 2, abandoned: 1 } });

    writeFileSync(csvFile, 'yesterday\'s file, to be replaced\r\n');
    const second = bash(script, { cwd: srv, env: { TZ } });
    expect(second).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(csvFile, 'utf8')).toBe(daily);
    const log = readFileSync(join(srv, 'logs', 'import.jsonl'), 'utf8').split('\n');
    expect(log).toHaveLength(3);
    expect(log[2]).toBe('');
    const entries = log.slice(0, 2).map((l) => JSON.parse(l) as { file: string; status: string; inserted: number; import_id: number; encoding: string });
    expect(entries.map(({ file, status, inserted, import_id, encoding }) => ({ file, status, inserted, import_id, encoding }))).toEqual([
      { file: `exports/calls-${day}.csv`, status: 'imported', inserted: 3, import_id: 1, encoding: 'gb18030' },
      { file: `exports/calls-${day}.csv`, status: 'already_imported', inserted: 0, import_id: 1, encoding: 'gb18030' },
    ]);
    expect(existsSync(join(srv, 'mail.log'))).toBe(false);
  });

  test('a bad export: the error is mailed, nothing is logged as imported; the corrected export goes in on the retry', () => {
    const srv = join(ws.dir(), 'srv-bad');
    for (const d of ['exports', 'logs', 'reports']) mkdirSync(join(srv, d), { recursive: true });
    const day = yesterday();
    const file = join(srv, 'exports', `calls-${day}.csv`);
    writeFileSync(file, gbkExport(day, `Y4,${day} 25:00:00,1001,已接听,3,120,咨询\r\n`));
    const importRecipe = cronScript(srv).split('\n').slice(0, 2).join('\n');
    expect(bash(importRecipe, { cwd: srv, env: { TZ } })).toEqual({ status: 0, stdout: '', stderr: '' });
    const mail = readFileSync(join(srv, 'mail.log'), 'utf8');
    expect(mail.split('\n').slice(0, 2)).toEqual([
      'mail -s hotline import failed (3) lead@example.com',
      `error: calls-${day}.csv: 1 bad row; nothing was imported from this file`,
    ]);
    expect(readFileSync(join(srv, 'logs', 'import.jsonl'), 'utf8')).toBe('');

    writeFileSync(file, gbkExport(day));
    expect(bash(importRecipe, { cwd: srv, env: { TZ } })).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((JSON.parse(readFileSync(join(srv, 'logs', 'import.jsonl'), 'utf8')) as { status: string; inserted: number })).toMatchObject({ status: 'imported', inserted: 3 });
    expect(readFileSync(join(srv, 'mail.log'), 'utf8')).toBe(mail); // no second mail
  });
});

describe('--format json is JSON Lines when stdout is not a terminal', () => {
  test('an import of several files: one summary per line, in order, as each file is done', () => {
    ws.write('a.csv', csv(['call_id', 'started_at', 'outcome'], [['A1', '2026-10-01 09:00:00', 'answered']]));
    ws.write('b.csv', csv(['call_id', 'started_at', 'outcome'], [['B1', '2026-10-01 09:00:00', 'abandoned'], ['B2', '2026-10-01 09:01:00', 'answered']]));
    const r = ws.run(['--db', 'lines.db', 'import', 'calls', '--format', 'json', 'a.csv', 'b.csv', 'a.csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines.slice(0, 3).map((l) => JSON.parse(l) as { file: string; status: string; rows: number }).map(({ file, status, rows }) => [file, status, rows])).toEqual([
      ['a.csv', 'imported', 1], ['b.csv', 'imported', 2], ['a.csv', 'already_imported', 0],
    ]);
  });

  const REPORTS: string[][] = [
    ['imports'], ['operators', 'list'], ['operators', 'promotions', '--as-of', '2026-10'],
    ['calls', 'list', '--date', '2026-10-12', '--limit', '5'], ['orders', 'list', '--date', '2026-10-12', '--limit', '5'],
    ['stats', 'daily', '--date', '2026-10-08'], ['stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'week'],
    ['leave', 'balance', '--year', '2026', '--as-of', '2026-10-31'], ['leave', 'settle', '--operator', '1017'],
    ['leave', 'calendar', '--operator', '1012', '--year', '2026'], ['calendar', 'show', '--month', '2026-10'], ['calendar', 'check', '--year', '2026'],
    ['appraise', 'run', '--month', '2026-10'], ['appraise', 'explain', '--month', '2026-10', '--operator', '1020'],
    ['appraise', 'history', '--operator', '1020', '--months', '3', '--to', '2026-10'], ['bonus', '--month', '2026-10'],
    ['tickets', 'list', '--as-of', '2026-10-31', '--status', 'overdue'], ['tickets', 'summary', '--month', '2026-10'],
    ['training', 'plan', '--month', '2026-11'], ['training', 'compliance', '--month', '2026-10'], ['audit'], ['db', 'check'],
  ];

  test.each(REPORTS.map((args) => ({ report: args.filter((a) => !a.startsWith('--') && !/^[\d-]+$/.test(a)).join(' '), args })))('$report: one JSON value on one line', ({ args }) => {
    const r = ws.run(['--db', 'demo.db', ...args, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.slice(0, -1)).not.toContain('\n');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  test('a JSON report written to a file is one line too; appended twice, it is two JSON Lines', () => {
    const r = bash('hotline --db demo.db stats daily --date 2026-10-08 --format json >> daily.jsonl && hotline --db demo.db stats daily --date 2026-10-09 --format json >> daily.jsonl', { cwd: ws.dir(), env: { TZ } });
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    const lines = readFileSync(join(ws.dir(), 'daily.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { date: string });
    expect(lines.map((l) => l.date)).toEqual(['2026-10-08', '2026-10-09']);
  });

  test('on a terminal, JSON is indented for a person: a row a line, or a value over several lines', () => {
    const rows = inTerminal(['--db', 'demo.db', 'appraise', 'history', '--operator', '1020', '--months', '1', '--to', '2026-10', '--format', 'json'], { cwd: ws.dir(), env: { TZ } });
    expect(rows.status).toBe(0);
    expect(rows.stdout.replaceAll('\r', '')).toBe('[\n  {"month":"2026-10","score":43.95,"grade":"fail","commendation":false,"action":"reassignment_review","status":"finalized"}\n]\n');
    const value = inTerminal(['--db', 'demo.db', 'leave', 'settle', '--operator', '1017', '--format', 'json'], { cwd: ws.dir(), env: { TZ } });
    expect(value.stdout.replaceAll('\r', '').split('\n').slice(0, 3)).toEqual(['{', '  "operator_id": "1017",', '  "termination_date": "2026-10-20",']);
  });
});

describe('notes only on a terminal or with --verbose', () => {
  const day = '2026-11-02';
  const NOTE = 'gbk.csv: not UTF-8; decoding as GB18030 (GBK). Use --encoding to choose another.';
  const SUMMARY = 'gbk.csv: 3 rows: 3 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, gb18030)';

  test('the encoding of a GBK file is not printed for cron: the summary says gb18030', () => {
    ws.write('gbk.csv', gbkExport(day));
    expect(ws.run(['--db', 'gbk-quiet.db', 'import', 'calls', 'gbk.csv'])).toEqual({ status: 0, stdout: '', stderr: `${SUMMARY}\n` });
  });

  test('--verbose prints it', () => {
    expect(ws.run(['--db', 'gbk-verbose.db', '--verbose', 'import', 'calls', 'gbk.csv'])).toEqual({ status: 0, stdout: '', stderr: `${NOTE}\n${SUMMARY}\n` });
  });

  test('a terminal shows it', () => {
    const r = inTerminal(['--db', 'gbk-tty.db', 'import', 'calls', 'gbk.csv'], { cwd: ws.dir(), env: { TZ, TERM: 'dumb' } });
    expect(r.status).toBe(0);
    expect(r.stdout.replaceAll('\r', '')).toBe(`${NOTE}\n${SUMMARY}\n`);
  });

  test('stats daily --out: "wrote FILE" only with --verbose', () => {
    expect(ws.run(['--db', 'demo.db', 'stats', 'daily', '--date', '2026-10-08', '--out', 'q-{date}.csv'])).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(ws.run(['--db', 'demo.db', 'stats', 'daily', '--date', '2026-10-08', '--out', 'q-{date}.csv', '--force', '--verbose'])).toEqual({ status: 0, stdout: '', stderr: 'wrote q-2026-10-08.csv\n' });
  });
});

describe('stats daily --format csv', () => {
  test('without --by: the summary table', () => {
    const r = ws.run(['--db', 'demo.db', 'stats', 'daily', '--date', '2026-10-08', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n').slice(0, 3)).toEqual(['measure,label,value', 'offered,来电量,1483', 'answered,接听量,1385']);
    expect(r.stdout).toBe(ws.run(['--db', 'demo.db', 'stats', 'daily', '--date', '2026-10-08', '--format', 'csv', '--by', 'summary']).stdout);
  });
});
