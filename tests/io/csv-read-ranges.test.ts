// Reading part of a file (src/io/csv-read.ts readRecordBatches with `from` and `to`, issue 23):
// a continuation of a growing file begins at a line start with that line's number, stops at a
// given offset, counts the lines it read, and names bytes and lines of the whole file in errors.
// And the last line of a UTF-8 file, ended by a character of several bytes and no line end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readRecordBatches, sniffFile, type ReadOptions, type ReadTally } from '../../src/io/csv-read.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-csv-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function fixture(content: string | Buffer): string {
  const path = join(dir, `r${++counter}.csv`);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, opts: ReadOptions = {}, quoted = true): Promise<{ line: number; record: string[] }[]> {
  const out: { line: number; record: string[] }[] = [];
  // The encoding given (--encoding utf-8): the reader's own check, not the first 64 KiB's, is what these tests look at.
  const sniffed = sniffFile(path, 'f.csv', { quoted, encoding: 'utf-8' });
  for await (const batch of readRecordBatches(path, 'f.csv', sniffed, { quoted, ...opts })) for (const r of batch) out.push({ line: r.line, record: r.record });
  return out;
}

describe('a UTF-8 file whose last line ends in a character of several bytes, with no line end', () => {
  test.each([
    { name: 'quoted format (csv-parse)', quoted: true },
    { name: 'unquoted format (lines split)', quoted: false },
  ])('$name: the last record is read whole', async ({ quoted }) => {
    const path = fixture('name,address\n张三,深圳市南山区\n李四,广州市天河区');
    expect(await readAll(path, {}, quoted)).toEqual([
      { line: 1, record: ['name', 'address'] },
      { line: 2, record: ['张三', '深圳市南山区'] },
      { line: 3, record: ['李四', '广州市天河区'] },
    ]);
  });

  test('a character cut in two at the end of the file is still refused, naming its line and byte', async () => {
    const bytes = Buffer.from('name,address\n张三,深圳市南山区\n李四,广州市天河区');
    const path = fixture(bytes.subarray(0, bytes.length - 1));
    const error = await readAll(path).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`f.csv: line 3: byte ${bytes.length - 3}: invalid UTF-8 bytes`);
  });
});

describe('a part of a file', () => {
  const text = 'id,name\nC1,甲\nC2,乙\n\nC3,丙\nC4,丁\n';
  const offset = (s: string): number => Buffer.byteLength(text.slice(0, text.indexOf(s)));

  test.each([
    { name: 'from a line start to the end', from: { offset: offset('C2'), line: 3 }, to: undefined, lines: [3, 5, 6], tally: { lines: 6, lastRecordLine: 6 } },
    { name: 'from the start to a line end', from: undefined, to: offset('C2'), lines: [1, 2], tally: { lines: 2, lastRecordLine: 2 } },
    { name: 'a blank line counts', from: { offset: offset('C2'), line: 3 }, to: offset('C4'), lines: [3, 5], tally: { lines: 5, lastRecordLine: 5 } },
    { name: 'nothing between `from` and `to`', from: { offset: offset('C3'), line: 5 }, to: offset('C3'), lines: [], tally: { lines: 4, lastRecordLine: 0 } },
  ])('$name: records with their lines in the whole file, and the lines read', async ({ from, to, lines, tally }) => {
    const path = fixture(text);
    const seen: ReadTally = { lines: -1, lastRecordLine: -1 };
    const records = await readAll(path, { from, to, tally: seen });
    expect(records.map((r) => r.line)).toEqual(lines);
    expect(seen).toEqual(tally);
  });

  test('a last line without its end: counted, the line its record began on told', async () => {
    const path = fixture('id,name\nC1,"甲\n乙"\nC2,丙');
    const seen: ReadTally = { lines: -1, lastRecordLine: -1 };
    expect((await readAll(path, { tally: seen })).map((r) => r.line)).toEqual([1, 2, 4]);
    expect(seen).toEqual({ lines: 4, lastRecordLine: 4 });
  });

  test('a bad byte after `from` is named by its line and byte in the whole file', async () => {
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from('C5,'), Buffer.from([0xff]), Buffer.from('\n')]);
    const path = fixture(bytes);
    const error = await readAll(path, { from: { offset: offset('C3'), line: 5 } }).then(() => undefined, (e: unknown) => e);
    expect((error as InputError).message).toBe(`f.csv: line 7: byte ${Buffer.byteLength(text) + 3}: invalid UTF-8 bytes`);
  });
});
