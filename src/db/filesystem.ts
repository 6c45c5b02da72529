/**
 * Is the database on a network share? SQLite's WAL mode needs shared memory and POSIX locks that
 * NFS and SMB/CIFS do not provide reliably between machines (https://sqlite.org/wal.html: "WAL
 * does not work over a network filesystem"), so hotline warns, on Linux, when statfs(2) reports
 * one of their file-system magic numbers. A warning, not a refusal: one machine alone on a share
 * usually works, and the supervisor decides.
 */
import { statfsSync } from 'node:fs';

/** statfs(2) f_type of the network file systems hotline warns about (linux/magic.h). */
export const NETWORK_FS_TYPES: ReadonlyMap<number, string> = new Map([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
]);

/** The name of the network file system with this statfs type, or undefined for a local one. */
export function networkFileSystem(type: number | bigint): string | undefined {
  // f_type may arrive sign-extended (a negative 32-bit value): compare its low 32 bits.
  return NETWORK_FS_TYPES.get(Number(BigInt.asUintN(32, BigInt(type))));
}

/** A one-line warning when the database at `path` is on a network share (Linux only), else undefined. */
export function networkShareWarning(path: string, platform: NodeJS.Platform = process.platform, statfs: (p: string) => { type: number | bigint } = statfsSync): string | undefined {
  if (platform !== 'linux' || path === ':memory:' || path === '') return undefined;
  let type: number | bigint;
  try {
    type = statfs(path).type;
  } catch {
    return undefined; // not there yet, or statfs unsupported: nothing to say
  }
  const fs = networkFileSystem(type);
  if (!fs) return undefined;
  return `warning: ${path} is on a network share (${fs}): SQLite's WAL mode is not safe over a network file system; keep the database on a local disk and copy reports to the share`;
}
