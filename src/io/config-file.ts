/**
 * Reading the small JSON files hotline is configured with (policy, mapping, company calendars):
 * only regular files of at most 1 MiB. The file is opened without blocking (a FIFO nobody writes
 * to would otherwise hang the open) and checked with fstat before a byte is read, so /dev/zero,
 * a pipe or a directory is refused at once instead of being read until memory runs out.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UsageError } from '../errors.js';

/** The most bytes a policy, mapping or calendar file may have. */
export const CONFIG_FILE_LIMIT = 1024 * 1024;

/** What a file that is not a regular file is, for messages: "a directory", "a FIFO" … */
export function fileTypeName(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

export interface ConfigFileKind {
  /** How messages name it: "policy file", "mapping file" … */
  what: string;
  /** Added after the path in messages, e.g. " (policy.calendars)". */
  note?: string;
  /** Where its layout is documented, for the hint. */
  docs: string;
}

/**
 * The text (UTF-8, BOM removed) of a configuration file; a UsageError naming the file and why when
 * it is not a regular file of at most 1 MiB. A file that cannot be opened throws open(2)'s error.
 */
export function readConfigFile(path: string, kind: ConfigFileKind): string {
  const name = `${kind.what} ${path}${kind.note ?? ''}`;
  const hint = `a ${kind.what} is a JSON file of at most 1 MiB (${kind.docs})`;
  // An error opening it (ENOENT, EACCES) is the caller's to word.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${name}: not a regular file (${fileTypeName(st)})`, { hint });
    if (st.size > CONFIG_FILE_LIMIT) throw new UsageError(`${name}: too large (${st.size} bytes; at most ${CONFIG_FILE_LIMIT})`, { hint });
    // Read one byte more than the limit: a file that grew since fstat is refused too.
    const buf = Buffer.alloc(CONFIG_FILE_LIMIT + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buf.length; length += n) n = readSync(fd, buf, length, buf.length - length, null);
    if (length > CONFIG_FILE_LIMIT) throw new UsageError(`${name}: too large (more than ${CONFIG_FILE_LIMIT} bytes)`, { hint });
    return buf.subarray(0, length).toString('utf8').replace(/^\ufeff/, '');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${name}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { hint });
  } finally {
    closeSync(fd);
  }
}
