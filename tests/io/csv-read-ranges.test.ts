// The last line of a UTF-8 file, ended by a character of several bytes and no line end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readRecordBatches, sniffFile, type ReadOptions } from '../../src/io/csv-read.js';

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
