/**
 * Which bytes of a file an import reads (docs/growing-logs.md): a file the ledger has read before
 * and that has only grown since (same device and inode, its first block and the last block read
 * unchanged) is read from where that import ended, at a line start; anything else is read whole,
 * with a one-line notice when the file was rotated, truncated or changed. A phone-system log,
 * and what was appended to any file, is read up to the end of its last complete line: a line
 * without its end there is still being written, and is left for the next import. A CSV read for
 * the first time is read to its end (many exports end their last row without a line end).
 */
import { closeSync, openSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { newestOfFile, type LedgerRow } from '../db/queries/imports.js';
import type { Encoding, ReadStart } from '../io/csv-read.js';
import { identityOf, lastLineEnd, linesByByte, prefixHashes, type FileIdentity, type PrefixHashes } from '../io/file-growth.js';
import type { FileStamp } from '../io/file-stamp.js';

/** What an import of one file reads. */
export type ReadPlan =
  /** From the start. `notice`: why a file the ledger has was not continued. */
  | { mode: 'whole'; file: FileIdentity; stamp: FileStamp; to: number; notice?: string; guard?: PrefixHashes }
  /** What was appended since `previous`. */
  | { mode: 'continue'; file: FileIdentity; stamp: FileStamp; from: ReadStart; to: number; previous: LedgerRow; guard?: PrefixHashes }
  /** Nothing complete was appended since `previous`; `pending`: bytes of a line not ended yet. */
  | { mode: 'nothing-new'; previous: LedgerRow; pending: number };

export interface PlanOptions {
  kind: string;
  /** The ledger's `profile` of this import (a profile's name, `mapping:FILE`, or null). */
  source: string | null;
  /** A phone-system log: read up to the end of its last complete line even when it is read whole. */
  lineEnds: boolean;
  /** --again: read it whole, as a new entry. */
  again: boolean;
}

/** Decides what to read of `path`, from the file as it is now and the ledger. */
export function planRead(db: Database.Database, path: string, opts: PlanOptions): ReadPlan {
  // The stamp is taken before the file is opened, and everything is planned from its size: a
  // change at any moment after that, even between the open and its fstat, is seen at the end of
  // reading (changeOf) and the file refused.
  const before = statSync(path);
  const fd = openSync(path, 'r');
  try {
    const file: FileIdentity = { ...identityOf(fd), size: before.size, mtimeMs: before.mtimeMs };
    const stamp: FileStamp = { size: before.size, mtimeMs: before.mtimeMs, ino: before.ino };
    // A phone-system log is only ever appended to: lines written while it is read lie beyond `to`
    // and are left for the next import, as long as the bytes up to `to` stay as they are (guard).
    const guarded = (to: number): PrefixHashes | undefined => (opts.lineEnds ? prefixHashes(fd, to) : undefined);
    const whole = (notice?: string): ReadPlan => {
      const to = opts.lineEnds ? lastLineEnd(fd, 0, file.size) : file.size;
      return { mode: 'whole', file, stamp, to, notice, guard: guarded(to) };
    };
    if (opts.again) return whole();
    const name = basename(path);
    const { byInode, byPath } = newestOfFile(db, opts.kind, { device: file.device, inode: file.inode, path: resolve(path) });
    if (!byInode) return whole(byPath ? `${name}: not the file import #${byPath.id} read (a new file: rotated or replaced): reading it whole` : undefined);
    const prev = byInode;
    const end = prev.range_end;
    if (end === null || end === undefined || prev.profile !== opts.source || !linesByByte(prev.encoding as Encoding)) return whole();
    if (file.size < end) return whole(`${name}: ${file.size} bytes, shorter than the ${end} import #${prev.id} read (truncated or rewritten): reading it whole`);
    const now = prefixHashes(fd, end);
    if (now.head !== prev.head_sha256 || now.tail !== prev.tail_sha256) return whole(`${name}: its first ${end} bytes changed since import #${prev.id} read them: reading it whole`);
    if (prev.end_line === null || prev.end_line === undefined) {
      return file.size === end ? whole() : whole(`${name}: import #${prev.id} ended in the middle of a line: reading it whole`);
    }
    const to = lastLineEnd(fd, end, file.size);
    if (to === end) return { mode: 'nothing-new', previous: prev, pending: file.size - end };
    return { mode: 'continue', file, stamp, from: { offset: end, line: prev.end_line + 1 }, to, previous: prev, guard: guarded(to) };
  } finally {
    closeSync(fd);
  }
}
