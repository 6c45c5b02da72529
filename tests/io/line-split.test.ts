// LineSplitter: the records of a format without quoting (queue_log), a line each.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { LineSplitter } from '../../src/io/line-split.js';
import { InputError } from '../../src/errors.js';

async function split(chunks: (string | Buffer)[], delimiter = '|', maxLine = 1024): Promise<string[][]> {
  const out: string[][] = [];
  const splitter = new LineSplitter(delimiter, 'q.log', maxLine);
  const done = Readable.from(chunks, { objectMode: true }).pipe(splitter);
  for await (const r of done) out.push(r as string[]);
  return out;
}

describe('LineSplitter', () => {
  test('a line is a record; quotes and commas are ordinary characters; CRLF and LF; no newline at the end', async () => {
    expect(await split(['1|a"b|x,y\r\n2||\n', '3|last'])).toEqual([['1', 'a"b', 'x,y'], ['2', '', ''], ['3', 'last']]);
  });

  test('records cut anywhere between chunks, a multi-byte character included', async () => {
    const text = Buffer.from('1|张三|ok\n2|李四|ok\n');
    const cuts = [Buffer.from(text.subarray(0, 4)), Buffer.from(text.subarray(4, 5)), Buffer.from(text.subarray(5, 13)), Buffer.from(text.subarray(13))];
    expect(await split(cuts)).toEqual([['1', '张三', 'ok'], ['2', '李四', 'ok']]);
  });

  test('a blank line is one empty field (the reader skips it), a BOM is dropped', async () => {
    expect(await split(['\ufeffa|b\n\nc|d\n'])).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  test('a line longer than the limit is refused with its line number', async () => {
    const error = await split(['ok|1\n', 'x'.repeat(2000), '\n']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('q.log: line 2: the line is longer than 1024 characters');
  });
});
