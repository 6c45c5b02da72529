// Terminal tables that fit the terminal (src/io/render/width.ts, table.ts): display widths with
// Chinese characters two columns wide, wrapping, and the column widths chosen for a width.
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { fitColumns } from '../../src/io/render/fit-columns.js';
import { displayWidth, wrapLine, wrapText } from '../../src/io/render/width.js';
import { renderTable } from '../../src/io/render/table.js';
import type { ReportTable } from '../../src/io/render/report.js';

// The measure cli-table3 draws with (its dependency string-width): the two must agree.
const stringWidth = createRequire(import.meta.url)('string-width') as (s: string) => number;

describe('displayWidth', () => {
  test.each([
    { text: 'operator_id', expected: 11 },
    { text: '周勇丹', expected: 6 },
    { text: '等待时长(秒)', expected: 12 },
    { text: '（分钟）', expected: 8 },
    { text: '2026-10-12 04:53:08', expected: 19 },
    { text: '≤T → 10 █░ …', expected: 12 },
    { text: '\u001b[1mbold\u001b[22m', expected: 4 },
    { text: 'two\nlines 周', expected: 8 },
  ])('$text → $expected', ({ text, expected }) => {
    expect(displayWidth(text)).toBe(expected);
    expect(Math.max(...text.split('\n').map(stringWidth))).toBe(expected);
  });
});

describe('wrapLine', () => {
  test.each([
    { name: 'fits', text: 'abandoned', width: 9, expected: ['abandoned'] },
    { name: 'at a space', text: '2026-10-12 04:53:08', width: 12, expected: ['2026-10-12', '04:53:08'] },
    { name: 'after _', text: 'reassignment_review', width: 14, expected: ['reassignment_', 'review'] },
    { name: 'between Chinese characters, two columns each', text: '诫勉谈话与培训辅导', width: 8, expected: ['诫勉谈话', '与培训辅', '导'] },
    { name: 'a Chinese character never split across the edge', text: 'ab周勇丹', width: 5, expected: ['ab周', '勇丹'] },
    { name: 'not inside a number or a fraction', text: '3565/365 = 9.76 → 9', width: 9, expected: ['3565/365', '= 9.76 →', '9'] },
    { name: 'after a dot before letters', text: 'evaluations.csv', width: 12, expected: ['evaluations.', 'csv'] },
    { name: 'a word longer than the width is cut', text: 'C20261012000001', width: 6, expected: ['C20261', '012000', '001'] },
  ])('$name', ({ text, width, expected }) => {
    const lines = wrapLine(text, width);
    expect(lines).toEqual(expected);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
  });

  test('wrapText leaves text alone without a width', () => {
    expect(wrapText('a b c', undefined)).toBe('a b c');
    expect(wrapText('aaa bbb\nccc', 4)).toBe('aaa\nbbb\nccc');
  });
});

describe('fitColumns', () => {
  const width = (ws: readonly number[]): number => ws.reduce((s, w) => s + w + 3, 1);

  test('a table that fits keeps its natural widths', () => {
    expect(fitColumns([{ header: 'id', cells: ['1001'], breakable: true }, { header: 'name', cells: ['周勇丹'], breakable: true }], 80)).toEqual([4, 6]);
  });

  test('a header wraps at _ before any cell does', () => {
    // natural: 11 + 12 + 19 + 10 = 52 columns; 45 asked: wait_seconds → wait_/seconds, operator_id → operator_/id
    const ws = fitColumns([
      { header: 'operator_id', cells: ['1001', '1002'], breakable: true },
      { header: 'wait_seconds', cells: ['8', '120'], breakable: false },
      { header: 'started_at', cells: ['2026-10-12 04:53:08', '2026-10-12 04:55:57'], breakable: true },
    ], 45);
    expect(ws).toEqual([9, 7, 19]);
    expect(width(ws)).toBe(45);
  });

  test('then text wraps at spaces; numbers keep their width; a word is cut last', () => {
    const columns = [
      { header: 'call_id', cells: ['C20261012000001'], breakable: true },
      { header: 'started_at', cells: ['2026-10-12 04:53:08'], breakable: true },
      { header: 'talk', cells: ['1234567'], breakable: false },
    ];
    expect(fitColumns(columns, 42)).toEqual([15, 10, 7]); // the date-time on two lines
    expect(fitColumns(columns, 40)).toEqual([13, 10, 7]); // and the ID cut: nothing else was left
    expect(fitColumns(columns, 10)).toEqual([1, 1, 7]); // narrower than possible: the narrowest layout (numbers whole)
  });

  test('a short name is not split while a longer text can wrap instead', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `full year at band 10 → 10; carried over ${i} from 2025 (used first)`);
    const ws = fitColumns([{ header: 'name', cells: rows.map(() => '周勇丹'), breakable: true }, { header: 'basis', cells: rows, breakable: true }], 40);
    expect(ws).toEqual([6, 27]);
    expect(width(ws)).toBe(40);
  });
});

describe('renderTable with a width', () => {
  const report: ReportTable = {
    columns: [
      { key: 'operator_id', en: 'operator_id', zh: '工号' },
      { key: 'name', en: 'name', zh: '姓名' },
      { key: 'action', en: 'action', zh: '处理', values: 'action' },
      { key: 'score', en: 'score', zh: '总分', type: 'number' },
      { key: 'basis', en: 'basis', zh: '计算依据' },
    ],
    rows: [
      { operator_id: '1020', name: '韦文云', action: 'reassignment_review', score: 45.93, basis: 'hired 2026-04-20: 256/365 × 5 = 3.50 → 3; owed max(0, 3 − 1.5 taken) = 1.5' },
      { operator_id: '1021', name: '许俊娟', action: null, score: null, basis: 'full year at band 5 → 5' },
    ],
  };
  const opts = { format: 'table' as const, showPii: false, color: false, bom: false };

  test('--lang en in 60 columns: headers wrap at _, the working at spaces, the name stays whole', () => {
    expect(renderTable(report, { ...opts, lang: 'en', width: 60 })).toBe([
      '┌───────────┬────────┬───────────────┬───────┬─────────────┐',
      '│ operator_ │ name   │ action        │ score │ basis       │',
      '│ id        │        │               │       │             │',
      '├───────────┼────────┼───────────────┼───────┼─────────────┤',
      '│ 1020      │ 韦文云 │ reassignment_ │ 45.93 │ hired       │',
      '│           │        │ review        │       │ 2026-04-20: │',
      '│           │        │               │       │ 256/365 × 5 │',
      '│           │        │               │       │ = 3.50 → 3; │',
      '│           │        │               │       │ owed max(0, │',
      '│           │        │               │       │ 3 − 1.5     │',
      '│           │        │               │       │ taken) =    │',
      '│           │        │               │       │ 1.5         │',
      '│ 1021      │ 许俊娟 │               │   n/a │ full year   │',
      '│           │        │               │       │ at band 5 → │',
      '│           │        │               │       │ 5           │',
      '└───────────┴────────┴───────────────┴───────┴─────────────┘',
      '',
    ].join('\n'));
  });

  test('--lang zh in 60 columns: the action in Chinese, two columns a character', () => {
    const text = renderTable(report, { ...opts, lang: 'zh', width: 60 });
    expect(text.split('\n').slice(0, 5)).toEqual([
      '┌──────┬────────┬──────────┬───────┬───────────────────────┐',
      '│ 工号 │ 姓名   │ 处理     │  总分 │ 计算依据              │',
      '├──────┼────────┼──────────┼───────┼───────────────────────┤',
      '│ 1020 │ 韦文云 │ 调岗评估 │ 45.93 │ hired 2026-04-20:     │',
      '│      │        │          │       │ 256/365 × 5 = 3.50 →  │',
    ]);
    for (const line of text.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });

  test('without a width the table is as wide as its cells', () => {
    const text = renderTable(report, { ...opts, lang: 'en' });
    expect(text.split('\n')[1]).toBe('│ operator_id │ name   │ action              │ score │ basis                                                                      │');
  });
});
