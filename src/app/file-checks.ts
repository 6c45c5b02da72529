/** Checks on an input file before an import reads it: exists, regular, not the database. */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';

/** Refuses missing files, directories, FIFOs and devices, and the database itself. */
export function checkInputFile(path: string, dbPath: string): { size: number } {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  const st = statSync(path);
  if (!st.isFile()) {
    throw new InputError(`${path}: not a regular file (a directory, pipe or device)`, { hint: 'import a CSV file saved on disk' });
  }
  if (existsSync(dbPath)) {
    const real = realpathSync(path);
    const db = realpathSync(dbPath);
    if (real === db || real === db + '-wal' || real === db + '-shm') {
      throw new UsageError(`${path}: this is the hotline database itself, not an export`);
    }
  }
  return { size: st.size };
}

/** SHA-256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
