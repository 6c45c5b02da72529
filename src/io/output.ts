/**
 * Where report text goes: stdout (stopping quietly when the reader goes away, as `| head` does)
 * or --out FILE, written to a temporary file in the same directory and renamed into place, so a
 * file is never half-written; an existing file is kept unless --force.
 */
import { closeSync, fsyncSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DbStateError, UsageError } from '../errors.js';
import { fileTypeName } from './config-file.js';
import { refuseProtected } from './protected-files.js';
import { createTempFile, removeStaleTemps } from './temp-files.js';

export interface OutputTarget {
  out?: string;
  force: boolean;
  /** File mode of --out (0600 when it holds unmasked customer data). */
  mode?: number;
  stdout: NodeJS.WritableStream & { fd?: number; isTTY?: boolean };
}

/** True once stdout's reader has gone (EPIPE): writers stop and the command exits 0. */
let stdoutClosed = false;

/** Marks stdout closed on EPIPE instead of crashing; installed once by main. */
export function guardStdout(stdout: NodeJS.WritableStream): void {
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') stdoutClosed = true;
    else throw e;
  });
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `buf` to a file descriptor, waiting on a full non-blocking pipe; false once the reader is gone. */
function writeAllSync(fd: number, buf: Buffer): boolean {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2);
      else if (code === 'EPIPE') return false;
      else throw e;
    }
  }
  return true;
}

/**
 * Report text to stdout. A pipe or file is written with writeSync, so that a reader that goes
 * away (`| head`) is noticed at once (EPIPE) and rendering stops; a terminal uses the stream.
 */
function writeToStdout(chunks: Iterable<string | Uint8Array>, stdout: NodeJS.WritableStream & { fd?: number; isTTY?: boolean }): void {
  const fd = typeof stdout.fd === 'number' && !stdout.isTTY ? stdout.fd : undefined;
  for (const chunk of chunks) {
    if (stdoutClosed) return;
    if (fd === undefined) stdout.write(chunk);
    else if (!writeAllSync(fd, typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) {
      stdoutClosed = true;
      return;
    }
  }
}

/**
 * Refuses (exit 2) a file hotline is about to write (--out, --rejects, a backup): in a directory
 * that does not exist; the database, one of its files, or an input of the command; something
 * other than a regular file (a device, a FIFO, a directory), even with --force; an existing file
 * without --force. `name` is how the hint calls it ("--out file").
 */
export function checkOutputTarget(path: string, force: boolean, name: string): void {
  const dir = dirname(path);
  let isDir = true; // when it cannot be looked at (EACCES), the write says so, naming the file
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: the directory ${dir} does not exist`, { hint: `create it first (mkdir -p ${dir}), or choose another ${name}` });
    if (code === 'ENOTDIR') isDir = false;
  }
  if (!isDir) throw new UsageError(`${path}: ${dir} is not a directory`, { hint: `choose another ${name}` });
  refuseProtected(path);
  let st;
  try {
    st = statSync(path);
  } catch {
    return; // not there (or a dangling link, which the rename replaces)
  }
  if (!st.isFile()) {
    throw new UsageError(`${path}: ${fileTypeName(st)}, not a regular file; hotline replaces only regular files, even with --force`, { hint: `choose another ${name}` });
  }
  if (!force) throw new UsageError(`${path} already exists`, { hint: `choose another ${name}, or add --force to replace it` });
}

/** Refuses an unusable --out file (see checkOutputTarget), checked before any work is done. */
export function checkOutPath(out: string | undefined, force: boolean): void {
  if (out) checkOutputTarget(out, force, '--out file');
}

/**
 * Writes every byte of `chunk` to a file. write(2) may write only part of a buffer (it does when a
 * disk fills up: the part that fits, then ENOSPC on the next call), so loop until all is written.
 */
export function writeChunk(fd: number, chunk: string | Uint8Array): void {
  const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let off = 0; off < buf.byteLength; ) {
    const n = writeSync(fd, buf, off, buf.byteLength - off);
    if (n <= 0) throw Object.assign(new Error(`write returned ${n}`), { code: 'EIO' });
    off += n;
  }
}

function writeToFile(chunks: Iterable<string | Uint8Array>, target: OutputTarget & { out: string }): void {
  checkOutPath(target.out, target.force);
  removeStaleTemps(target.out);
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    ({ path: tmp, fd } = createTempFile(target.out, target.mode ?? 0o644));
    for (const chunk of chunks) writeChunk(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target.out);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (tmp !== undefined) rmSync(tmp, { force: true }); // never what was at the name before: creating it failed then
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new DbStateError(`${target.out}: disk full; the file was not written`, { hint: 'free disk space and run again' });
    if (code === 'EACCES' || code === 'ENOENT' || code === 'EROFS') {
      throw new DbStateError(`${target.out}: cannot write (${code})`, { hint: 'check that the directory exists and is writable' });
    }
    throw e;
  }
}

/** Writes report text to --out or stdout. */
export function writeOutput(chunks: Iterable<string | Uint8Array>, target: OutputTarget): void {
  if (target.out) writeToFile(chunks, { ...target, out: target.out });
  else writeToStdout(chunks, target.stdout);
}
