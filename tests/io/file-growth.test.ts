// What tells a growing log from another file (src/io/file-growth.ts): the hashes of its first
// block and of the block before an offset, the end of its last complete line; and a file
// replaced by another under its name is a change to the import that reads it (file-stamp.ts).
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, mkdtempSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BLOCK_BYTES, endsLine, identityOf, lastLineEnd, linesByByte, prefixHashes } from '../../src/io/file-growth.js';
import { changeOf } from '../../src/io/file-stamp.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-file-growth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Runs `fn` on `content` written to a file, through an open descriptor. */
function withFile<T>(content: string | Buffer, fn: (fd: number, path: string) => T): T {
  const path = join(dir, `g${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  try {
    return fn(fd, path);
  } finally {
    closeSync(fd);
  }
}

describe('prefixHashes', () => {
  const big = Buffer.from(Array.from({ length: 9000 }, (_, i) => `line ${i}\n`).join(''));

  test('a short prefix: both blocks are the prefix', () => {
    withFile(big, (fd) => expect(prefixHashes(fd, 100)).toEqual({ head: sha(big.subarray(0, 100)), tail: sha(big.subarray(0, 100)) }));
  });

  test('a long prefix: the first 64 KiB, and the 64 KiB before the end', () => {
    expect(big.length).toBeGreaterThan(BLOCK_BYTES + 1000);
    const end = big.length - 500;
    withFile(big, (fd) => expect(prefixHashes(fd, end)).toEqual({ head: sha(big.subarray(0, BLOCK_BYTES)), tail: sha(big.subarray(end - BLOCK_BYTES, end)) }));
  });

  test('a file shorter than the offset: the hash of what is there (never equal to the one recorded)', () => {
    withFile('abc', (fd) => expect(prefixHashes(fd, 10).tail).toBe(sha(Buffer.from('abc'))));
  });
});

describe('lastLineEnd and endsLine', () => {
  test.each([
    { name: 'ends with a line end', text: 'a\nbb\n', from: 0, expected: 5, ends: true },
    { name: 'a last line without its end', text: 'a\nbb\nccc', from: 0, expected: 5, ends: false },
    { name: 'no line end after `from`', text: 'a\nbbbb', from: 2, expected: 2, ends: false },
    { name: 'no line end at all', text: 'abc', from: 0, expected: 0, ends: false },
  ])('$name → $expected', ({ text, from, expected, ends }) => {
    withFile(text, (fd) => {
      expect(lastLineEnd(fd, from, Buffer.byteLength(text))).toBe(expected);
      expect(endsLine(fd, Buffer.byteLength(text))).toBe(ends);
    });
  });

  test('a line end more than one block back is found', () => {
    const text = 'x\n' + 'y'.repeat(3 * BLOCK_BYTES);
    withFile(text, (fd) => expect(lastLineEnd(fd, 0, text.length)).toBe(2));
  });

  test('endsLine at offset 0: a file read from its start begins at a line start', () => {
    withFile('abc', (fd) => expect(endsLine(fd, 0)).toBe(true));
  });
});

test('linesByByte: UTF-8 and GB18030 can be continued at any line start, UTF-16 cannot', () => {
  expect([linesByByte('utf-8'), linesByByte('gb18030'), linesByByte('utf-16le'), linesByByte('utf-16be')]).toEqual([true, true, false, false]);
});

test('identityOf and changeOf: a file replaced by another under its name (a rotation between the decision and the read) is a change', () => {
  const path = join(dir, 'queue_log');
  writeFileSync(path, 'a|b|c|d|e\n');
  const opened = openSync(path, 'r');
  const before = identityOf(opened);
  closeSync(opened);
  expect(before).toEqual({ device: statSync(path).dev, inode: statSync(path).ino, size: 10, mtimeMs: statSync(path).mtimeMs });
  writeFileSync(join(dir, 'queue_log.new'), 'a|b|c|d|e\n');
  renameSync(join(dir, 'queue_log.new'), path);
  const fd = openSync(path, 'r');
  try {
    const stamp = { size: before.size, mtimeMs: statSync(path).mtimeMs, ino: before.inode };
    expect(changeOf(fd, stamp)).toBe('replaced by another file meanwhile');
    expect(changeOf(fd, { ...stamp, ino: statSync(path).ino })).toBeUndefined();
    appendFileSync(path, 'f|g|h|i|j\n');
    // A part of the file read: the bytes read are compared with that part, not with the whole.
    const now = statSync(path);
    expect(changeOf(fd, { size: now.size, mtimeMs: now.mtimeMs, ino: now.ino }, 10, 10)).toBeUndefined();
    expect(changeOf(fd, { size: now.size, mtimeMs: now.mtimeMs, ino: now.ino }, 9, 10)).toBe('9 bytes read of 10');
  } finally {
    closeSync(fd);
  }
});
