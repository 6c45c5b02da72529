// One read of a file (src/io/file-stamp.ts with readRecordBatches): the digest is that of the bytes
// parsed, and a file changed while it is read is seen as changed once it has been read to the end.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, appendFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readRecordBatches, sniffFile } from '../../src/io/csv-read.js';
import { changedWhileRead, changeOf, ReadDigest, type FileStamp } from '../../src/io/file-stamp.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-file-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 40,000 lines of 25 bytes after the header: 1,000,008 bytes. */
function bigFile(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, 'id,text\n' + Array.from({ length: 40_000 }, (_, i) => `C${String(i).padStart(7, '0')},aaaaaaaaaaaaaaa\n`).join(''));
  return path;
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads `path` through one descriptor as the import's worker does, running `during` after the
 * first batch (the stream has read only a few chunks ahead then); returns the records, the digest,
 * and the change seen at the end.
 */
async function readOnce(path: string, during: (path: string) => void = () => undefined): Promise<{ records: number; sha256: string; bytes: number; change: string | undefined }> {
  const { size, mtimeMs } = statSync(path);
  const stamp: FileStamp = { size, mtimeMs };
  const fd = openSync(path, 'r');
  try {
    const digest = new ReadDigest();
    let records = 0;
    let first = true;
    for await (const batch of readRecordBatches(path, 'f.csv', sniffFile(fd, 'f.csv', {}), { fd, digest })) {
      records += batch.length;
      if (first) during(path);
      first = false;
    }
    // The descriptor is still open after the stream is done: the worker checks the file through it.
    expect(fstatSync(fd).size).toBeGreaterThan(0);
    return { records, bytes: digest.bytes, sha256: digest.hex(), change: changeOf(fd, stamp, digest.bytes) };
  } finally {
    closeSync(fd);
  }
}

describe('a file read once', () => {
  test('unchanged: every record, the SHA-256 of the whole file, no change', async () => {
    const path = bigFile('same.csv');
    expect(await readOnce(path)).toEqual({ records: 40_001, bytes: 1_000_008, sha256: sha(readFileSync(path)), change: undefined });
  });

  test('truncated while read: the digest is that of the bytes parsed, and the change names both sizes', async () => {
    const path = bigFile('cut.csv');
    const r = await readOnce(path, (p) => truncateSync(p, 500_008));
    expect(r).toEqual({ records: 20_001, bytes: 500_008, sha256: sha(readFileSync(path)), change: '1000008 bytes when the import began, 500008 bytes at the end of reading' });
  });

  test('appended to while read: the appended lines are read too, and the change names both sizes', async () => {
    const path = bigFile('grow.csv');
    const r = await readOnce(path, (p) => appendFileSync(p, 'Z0000001,bbbbbbbbbbbbbbb\n'));
    expect(r).toMatchObject({ records: 40_002, bytes: 1_000_033, change: '1000008 bytes when the import began, 1000033 bytes at the end of reading' });
  });

  test('rewritten at the same size: the new modification time is seen', async () => {
    const path = bigFile('rewrite.csv');
    const r = await readOnce(path, (p) => {
      const before = statSync(p);
      writeFileSync(p, readFileSync(p, 'utf8').replaceAll('aaaa', 'bbbb'));
      utimesSync(p, before.atime, new Date(before.mtimeMs + 2000));
    });
    expect(r.change).toBe('written to during the import, at the same size');
  });

  test('fewer bytes read than stamped (a stamp the file never matched): named too', () => {
    const path = bigFile('short.csv');
    const { mtimeMs } = statSync(path);
    const fd = openSync(path, 'r');
    try {
      expect(changeOf(fd, { size: 1_000_008, mtimeMs }, 999_000)).toBe('999000 bytes read of 1000008');
      expect(changeOf(fd, { size: 1_000_008, mtimeMs }, 1_000_008)).toBeUndefined();
    } finally {
      closeSync(fd);
    }
  });

  test('the refusal: exit 3, the file and the reason', () => {
    const e = changedWhileRead('calls.csv', '10 bytes when the import began, 5 bytes at the end of reading');
    expect({ message: e.message, hint: e.hint, exitCode: e.exitCode }).toEqual({
      message: 'calls.csv: changed while being read (10 bytes when the import began, 5 bytes at the end of reading): nothing was imported',
      hint: 'import it again once the program that writes it has finished',
      exitCode: 3,
    });
  });
});
