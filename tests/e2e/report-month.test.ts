// `hotline report month` and `report day` on the demo database (issue 22): one self-contained
// HTML file (nothing fetched: no script, link, URL, src or href), every section with its charts
// as inline SVG, the tables under them equal to what stats range, appraise run and tickets
// summary print for the same month, no customer data; the --out refusals and exit codes of
// every other --out writer; echarts loaded by this command only.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, hotline, hotlineProcess, tempDir, type CliResult } from '../helpers/cli.js';
import { demoDatabase, integrity, rows } from './support.js';

let dir: string;
let cleanup: () => void;
let zh: string;
let en: string;

const run = (args: string[], opts: { columns?: number } = {}): CliResult => hotline(['--db', 'demo.db', ...args], { cwd: dir, ...opts });
const file = (name: string): string => readFileSync(join(dir, name), 'utf8');

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('hotline-e2e-report-'));
  await demoDatabase(dir, 'demo.db');
  expect(run(['report', 'month', '--month', '2026-10', '--lang', 'zh', '--out', '月报-2026-10.html'])).toEqual({ status: 0, stdout: '', stderr: '' });
  expect(run(['report', 'month', '--month', '2026-10', '--out', 'month.html'])).toEqual({ status: 0, stdout: '', stderr: '' });
  [zh, en] = [file('月报-2026-10.html'), file('month.html')];
});
afterAll(() => cleanup());

/** Each section's charts: `<svg>` elements inside its pages (data-section). */
function chartsPerSection(html: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of html.matchAll(/<section class="page"[^>]*data-section="([^"]+)">([\s\S]*?)<\/section>/g)) out[m[1] as string] = (out[m[1] as string] ?? 0) + (m[2]?.match(/<svg[\s>]/g)?.length ?? 0);
  return out;
}

/** The tables of a file: header cells and rows of cell texts. */
function tables(html: string): { head: string[]; rows: string[][] }[] {
  const text = (s: string): string => s.replace(/<[^>]+>/g, '').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => ({
    head: [...(t[1] as string).matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) => text(c[1] as string)),
    rows: [...(t[1] as string).matchAll(/<tr>((?:<td[\s\S]*?)?)<\/tr>/g)].filter((r) => r[1]).map((r) => [...(r[1] as string).matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1] as string))),
  }));
}

/** CSV text as objects by header. */
function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  return lines.map((l) => Object.fromEntries((head as string[]).map((h, i) => [h, l[i] ?? ''])));
}

const pct = (v: string | number | null): string => (v === '' || v === null ? 'n/a' : `${(Number(v) * 100).toFixed(1)}%`);

describe('report month writes one self-contained HTML file', () => {
  test('nothing in it is fetched: no script, stylesheet link, URL, src or href', () => {
    for (const html of [zh, en]) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang=')).toBe(true);
      expect(html).not.toMatch(/https?:|\/\/[\w.-]+\//i);
      expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b/i);
      expect(html).not.toMatch(/<[^>]*\s(src|href|xlink:href|srcset|action|poster)\s*=/i);
      expect(html).not.toMatch(/url\((?!#)|@import|@font-face/i); // url(#id): a clip path inside the SVG
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    }
  });

  test('every section has its charts as inline SVG, in both languages', () => {
    const expected = { service: 3, demand: 2, operators: 3, complaints: 2, definitions: 0 };
    expect(chartsPerSection(zh)).toEqual(expected);
    expect(chartsPerSection(en)).toEqual(expected);
    expect(zh).toContain('<h1 id="title">客服热线月报 2026-10</h1>');
    expect(en).toContain('<h1 id="title">Hotline month report 2026-10</h1>');
    expect(zh).toMatch(/<text [^>]*>每日来电与服务水平<\/text>/);
    expect(zh).toMatch(/<text [^>]*>考核得分排名<\/text>/);
  });

  test('the daily table is stats range --by day', () => {
    const days = tables(en)[0];
    expect(days?.head).toEqual(['day', 'offered', 'answered', 'abandoned', 'service_level', 'asa_seconds', 'aht_seconds', 'abandonment_rate']);
    const range = csvRows(run(['stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'day', '--format', 'csv']).stdout);
    expect(range).toHaveLength(31);
    expect(days?.rows).toEqual(range.map((r) => [r.day, r.offered, r.answered, r.abandoned, pct(r.service_level as string), r.asa_seconds, r.aht_seconds, pct(r.abandonment_rate as string)]));
  });

  test("the operators' table is appraise run (the finalized run), best first", () => {
    const appraisal = JSON.parse(run(['appraise', 'run', '--month', '2026-10', '--format', 'json']).stdout) as { operator_id: string; score: number; grade: string; action: string | null }[];
    const ops = tables(en).find((t) => t.head[0] === 'operator_id' && t.head.includes('score'));
    expect(ops?.rows).toHaveLength(30);
    const ranked = [...appraisal].sort((a, b) => b.score - a.score || a.operator_id.localeCompare(b.operator_id));
    expect(ops?.rows.map((r) => [r[0], Number(r[6]), r[7], r[9]])).toEqual(ranked.map((a) => [a.operator_id, a.score, a.grade, a.action ?? '']));
    // In Chinese: the grades' and actions' labels.
    const opsZh = tables(zh).find((t) => t.head[0] === '工号' && t.head.includes('总分'));
    expect(opsZh?.rows.at(-1)?.slice(7)).toEqual(['不合格', '', '调岗评估']);
  });

  test('the complaints table is tickets summary per department, then the total', () => {
    const summary = csvRows(run(['tickets', 'summary', '--month', '2026-10', '--format', 'csv']).stdout).filter((r) => r.by !== 'operator');
    const t = tables(en).find((x) => x.head[0] === 'department');
    expect(t?.rows.map((r) => r.slice(0, 3))).toEqual(summary.map((r) => [r.by === 'total' ? 'total' : r.key, r.complaints_received, r.complaints_resolved]));
    expect(t?.rows.at(-1)).toEqual(['total', '1465', '1479', '18.14', '45.37', '92.4%', '100.0%', '80.0%', '554', '201']);
  });

  test('no customer data: no phone number, tracking number or customer name of the calls', () => {
    const customers = rows<{ phone: string; tracking: string | null; name: string | null }>(join(dir, 'demo.db'), 'SELECT customer_phone AS phone, tracking_no AS tracking, customer_name AS name FROM calls WHERE customer_phone IS NOT NULL ORDER BY call_id LIMIT 500');
    const operators = rows<{ name: string }>(join(dir, 'demo.db'), 'SELECT name FROM operators').map((o) => o.name);
    for (const html of [zh, en]) {
      expect(html).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      for (const c of customers) {
        expect(html).not.toContain(c.phone);
        if (c.tracking) expect(html).not.toContain(c.tracking);
        // (a customer's name may be part of an operator's: 王洋 of 王洋亮)
        if (c.name && !operators.some((o) => o.includes(c.name as string))) expect(html).not.toContain(c.name);
      }
    }
  });

  test('--team: the team\'s operators, and the whole hotline\'s calls', () => {
    expect(run(['report', 'month', '--month', '2026-10', '--team', '一组', '--out', 'team.html'])).toEqual({ status: 0, stdout: '', stderr: '' });
    const html = file('team.html');
    const ops = tables(html).find((t) => t.head[0] === 'operator_id' && t.head.includes('score'));
    expect(new Set(ops?.rows.map((r) => r[2]))).toEqual(new Set(['一组']));
    expect(ops?.rows).toHaveLength(10);
    expect(tables(html)[0]?.rows).toEqual(tables(en)[0]?.rows);
    expect(html).toContain('<h1 id="title">Hotline month report 2026-10 · 一组</h1>');
  });
});

describe('where the file goes, and refusals', () => {
  test('an existing --out is kept without --force (exit 2), replaced with it', () => {
    writeFileSync(join(dir, 'old.html'), 'keep me');
    expect(run(['report', 'month', '--month', '2026-10', '--out', 'old.html'])).toEqual({
      status: 2, stdout: '', stderr: 'error: old.html already exists\nhint: choose another --out file, or add --force to replace it\n',
    });
    expect(file('old.html')).toBe('keep me');
    expect(run(['report', 'month', '--month', '2026-10', '--out', 'old.html', '--force']).status).toBe(0);
    expect(chartsPerSection(file('old.html')).service).toBe(3);
  });

  test('never over the database, even with --force; not into a directory that does not exist', () => {
    const size = statSync(join(dir, 'demo.db')).size;
    const r = run(['report', 'month', '--month', '2026-10', '--out', 'demo.db', '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: demo\.db: the same file as the database /);
    expect(statSync(join(dir, 'demo.db')).size).toBe(size);
    expect(integrity(join(dir, 'demo.db'))).toBe('ok');
    expect(run(['report', 'month', '--month', '2026-10', '--out', 'nowhere/m.html'])).toEqual({
      status: 2, stdout: '', stderr: 'error: nowhere/m.html: the directory nowhere does not exist\nhint: create it first (mkdir -p nowhere), or choose another --out file\n',
    });
  });

  test('without --out: to stdout when it is not a terminal; refused on a terminal (exit 2)', () => {
    const piped = run(['report', 'month', '--month', '2026-10']);
    expect(piped.status).toBe(0);
    expect(chartsPerSection(piped.stdout)).toEqual(chartsPerSection(en));
    expect(run(['report', 'month', '--month', '2026-10'], { columns: 80 })).toEqual({
      status: 2, stdout: '', stderr: 'error: report month writes an HTML file: give --out FILE.html\nhint: e.g. hotline report month … --out report.html, or redirect stdout to a file\n',
    });
  });

  test('usage errors: a bad month, an unknown team (the teams named)', () => {
    const bad = run(['report', 'month', '--month', '2026-13', '--out', 'x.html']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("error: option '--month <month>' argument '2026-13' is invalid. expected a month YYYY-MM");
    expect(run(['report', 'month', '--month', '2026-10', '--team', '四组', '--out', 'x.html'])).toEqual({
      status: 2, stdout: '', stderr: 'error: no operator of demo.db is in team "四组"\nhint: the teams are: 一组, 三组, 二组\n',
    });
  });

  test('a month before the first import: written, with a warning', () => {
    expect(run(['report', 'month', '--month', '2026-07', '--out', 'july.html'])).toEqual({
      status: 0, stdout: '', stderr: "warning: no calls in 2026-07 in demo.db: the report's call charts are empty\n",
    });
    expect(chartsPerSection(file('july.html'))).toEqual({ service: 3, demand: 2, operators: 3, complaints: 2, definitions: 0 });
  });

  test('a database that is not there: exit 4, no file', () => {
    const r = hotline(['--db', 'missing.db', 'report', 'month', '--month', '2026-10', '--out', 'none.html'], { cwd: dir });
    expect(r.status).toBe(4);
    expect(() => statSync(join(dir, 'none.html'))).toThrow();
  });
});

describe('report day', () => {
  test("the day's sections, its hourly table as stats range --by hour of the day", () => {
    expect(run(['report', 'day', '--date', '2026-10-12', '--lang', 'zh', '--out', 'day.html'])).toEqual({ status: 0, stdout: '', stderr: '' });
    const html = file('day.html');
    expect(chartsPerSection(html)).toEqual({ service: 2, demand: 2, operators: 1, complaints: 1, definitions: 0 });
    expect(html).toContain('<h1 id="title">客服热线日报 2026-10-12</h1>');
    const hours = csvRows(run(['stats', 'range', '--from', '2026-10-12', '--to', '2026-10-12', '--by', 'hour', '--format', 'csv']).stdout);
    expect(tables(html)[0]?.rows.map((r) => r.slice(0, 4))).toEqual(hours.map((h) => [h.hour, h.offered, h.answered, h.abandoned]));
  });

  test('a date that is not one: exit 3', () => {
    expect(run(['report', 'day', '--date', '2026-02-30', '--out', 'd.html'])).toEqual({ status: 3, stdout: '', stderr: 'error: "2026-02-30" is not a date\nhint: use YYYY-MM-DD, today or yesterday\n' });
  });
});

describe('start-up: echarts is loaded by the report only', () => {
  const TRACE = pathToFileURL(join(ROOT, 'tests', 'helpers', 'trace-loads.mjs')).href;
  const loads = (args: string[], name: string): string => {
    const trace = join(dir, `loads-${name}.txt`);
    writeFileSync(trace, '');
    expect(hotlineProcess(['--db', 'demo.db', ...args], { cwd: dir, env: { NODE_OPTIONS: `--import=${TRACE}`, TRACE_LOADS_FILE: trace } }).status).toBe(0);
    return readFileSync(trace, 'utf8');
  };
  test('report month loads echarts (its one bundled file); stats range does not', () => {
    const report = loads(['report', 'month', '--month', '2026-10', '--out', 'traced.html'], 'report');
    expect(report.match(/node_modules\/echarts\/\S+/g)).toEqual(['node_modules/echarts/dist/echarts.js']);
    expect(loads(['stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'csv'], 'stats')).not.toContain('echarts');
  });
});
