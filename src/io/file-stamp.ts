/**
 * A file read once: the SHA-256 that the import ledger stores is taken from the very bytes the
 * parser consumes, and the file's size and modification time, taken before it was opened, are
 * checked again once it has been read to the end. A file truncated, appended to or rewritten while
 * it is read is refused: its rows would not be the rows of the bytes hashed.
 */
import { createHash } from 'node:crypto';
import { fstatSync } from 'node:fs';
import { InputError } from '../errors.js';

/** What a file looked like before an import opened it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** The inode, when known: a file replaced by another under the same name is a change. */
  ino?: number;
}

/** The SHA-256 and the length of the bytes a reader consumed, fed one chunk at a time. */
export class ReadDigest {
  private readonly hash = createHash('sha256');
  bytes = 0;

  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  /** The hex digest (once, at the end). */
  hex(): string {
    return this.hash.digest('hex');
  }
}

/**
 * How the open file `fd` differs from `before` (and the `bytesRead` from the `expected` bytes, by
 * default the whole file, when given), or undefined.
 */
export function changeOf(fd: number, before: FileStamp, bytesRead?: number, expected = before.size): string | undefined {
  const now = fstatSync(fd);
  if (before.ino !== undefined && now.ino !== before.ino) return 'replaced by another file meanwhile';
  if (now.size !== before.size) return `${before.size} bytes when the import began, ${now.size} bytes at the end of reading`;
  if (now.mtimeMs !== before.mtimeMs) return 'written to during the import, at the same size';
  if (bytesRead !== undefined && bytesRead !== expected) return `${bytesRead} bytes read of ${expected}`;
  return undefined;
}

/** The refusal of a file that changed while it was read. */
export function changedWhileRead(file: string, detail: string): InputError {
  return new InputError(`${file}: changed while being read (${detail}): nothing was imported`, {
    hint: 'import it again once the program that writes it has finished',
  });
}
