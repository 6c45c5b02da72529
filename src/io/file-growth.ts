/**
 * What tells a growing log from another file (docs/growing-logs.md): its device and inode, the
 * SHA-256 of its first block and of the last block an import read, and where its last complete
 * line ends. An import that continues a file compares these with the ledger's before it reads
 * only what was appended.
 */
import { createHash } from 'node:crypto';
import { fstatSync, readSync } from 'node:fs';
import type { Encoding } from './encodings.js';

/** The blocks hashed at the start of a file and before the end of a read. */
export const BLOCK_BYTES = 64 * 1024;

/** A file as it is now: identity, size and modification time. */
export interface FileIdentity {
  device: number;
  inode: number;
  size: number;
  mtimeMs: number;
}

export function identityOf(fd: number): FileIdentity {
  const st = fstatSync(fd);
  return { device: st.dev, inode: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

/** Hashes of the blocks that stand for the first `end` bytes of a file: its first block, and the last block before `end`. */
export interface PrefixHashes {
  head: string;
  tail: string;
}

export function prefixHashes(fd: number, end: number): PrefixHashes {
  return { head: hashRange(fd, 0, Math.min(BLOCK_BYTES, end)), tail: hashRange(fd, Math.max(0, end - BLOCK_BYTES), end) };
}

function hashRange(fd: number, from: number, to: number): string {
  const buf = Buffer.alloc(to - from);
  let at = 0;
  while (at < buf.length) {
    const n = readSync(fd, buf, at, buf.length - at, from + at);
    if (n === 0) break; // the file is shorter now: the hash differs from the one recorded
    at += n;
  }
  return createHash('sha256').update(buf.subarray(0, at)).digest('hex');
}

const LF = 0x0a;

/** The offset just after the last line feed in bytes `from` to `to` of the file, or `from` when there is none. */
export function lastLineEnd(fd: number, from: number, to: number): number {
  const buf = Buffer.alloc(Math.min(BLOCK_BYTES, Math.max(0, to - from)));
  for (let end = to; end > from; ) {
    const start = Math.max(from, end - buf.length);
    const n = readSync(fd, buf, 0, end - start, start);
    const at = buf.subarray(0, n).lastIndexOf(LF);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return from;
}

/** Whether the byte at `offset - 1` is a line feed (a read that ends there ends at a line end). */
export function endsLine(fd: number, offset: number): boolean {
  if (offset === 0) return true;
  const b = Buffer.alloc(1);
  return readSync(fd, b, 0, 1, offset - 1) === 1 && b[0] === LF;
}

/**
 * Encodings in which byte 0x0A is always a line feed (never part of another character): a read
 * can begin at any line start. UTF-16 files are read whole.
 */
export function linesByByte(encoding: Encoding): boolean {
  return encoding === 'utf-8' || encoding === 'gb18030';
}
