// import inspect: what hotline sees in a file, without importing anything.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hotline, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

test('a GBK roster: encoding, delimiter, the field of each column, a sample; no database created', () => {
  writeFileSync(join(dir, 'roster.csv'), iconv.encode('工号,姓名,入职日期,备注\r\n1001,张三,2020-01-01,新人\r\n', 'gbk'));
  const r = hotline(['import', 'inspect', 'roster.csv'], { cwd: dir });
  expect(r.status).toBe(0);
  expect(r.stdout).toBe([
    'roster.csv: gb18030, delimiter ",", 4 columns',
    '  note: roster.csv: not UTF-8; decoding as GB18030 (GBK). Use --encoding to choose another.',
    'kind: operators (best fit: operators 3/3 required, orders 1/3 required, attendance 1/3 required)',
    'columns:',
    '   1  工号  →  operator_id',
    '   2  姓名  →  name',
    '   3  入职日期  →  hire_date',
    '   4  备注  →  (ignored)',
    'every required field is present',
    'sample:',
    '  1001 | 张三 | 2020-01-01 | 新人',
    '',
  ].join('\n'));
  expect(existsSync(join(dir, 'hotline.db'))).toBe(false);
});

test('--kind calls on a file that lacks its columns lists what is missing (JSON)', () => {
  writeFileSync(join(dir, 'x.csv'), 'a;b\n1;2\n');
  const r = hotline(['import', 'inspect', 'x.csv', '--kind', 'calls', '--format', 'json'], { cwd: dir });
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout) as { delimiter: string; missing_required: { field: string }[]; sample: string[][] };
  expect(j.delimiter).toBe(';');
  expect(j.missing_required.map((m) => m.field)).toEqual(['call_id', 'started_at', 'outcome']);
  expect(j.sample).toEqual([['1', '2']]);
});

test('--rows: up to 100 sample rows; a number outside 1–100 or not a number is refused (exit 2), not silently changed', () => {
  writeFileSync(join(dir, 'many.csv'), 'call_id,started_at,outcome\n' + Array.from({ length: 120 }, (_, i) => `C${i},2026-10-01 09:00:00,answered\n`).join(''));
  const sample = (args: string[]): unknown => (JSON.parse(hotline(['import', 'inspect', 'many.csv', '--format', 'json', ...args], { cwd: dir }).stdout) as { sample: string[][] }).sample.length;
  expect([sample([]), sample(['--rows', '1']), sample(['--rows', '100'])]).toEqual([5, 1, 100]);
  for (const bad of ['0', '101', '500', '-3', '2.5', 'ten']) {
    expect(hotline(['import', 'inspect', 'many.csv', '--rows', bad], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: `error: option '--rows <n>' argument '${bad}' is invalid. expected a whole number of rows from 1 to 100\n`,
    });
  }
});
