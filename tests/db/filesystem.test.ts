// The network-share check of src/db/filesystem.ts (RELIABILITY.md "DB on a network share"): the
// classification of statfs(2) magic numbers, and the warning built from it.
import { describe, expect, test } from 'vitest';
import { networkFileSystem, networkShareWarning } from '../../src/db/filesystem.js';

describe('networkFileSystem', () => {
  test.each([
    { type: 0x6969, expected: 'NFS' },
    { type: 0x517b, expected: 'SMB' },
    { type: 0xff534d42, expected: 'CIFS' },
    { type: 0xfe534d42, expected: 'SMB2' },
    { type: 0xff534d42 | 0, expected: 'CIFS' }, // the same magic sign-extended from 32 bits (-11317950)
    { type: 0xfe534d42n, expected: 'SMB2' }, // as a bigint (statfsSync(p, { bigint: true }))
    { type: 0xef53, expected: undefined }, // ext2/3/4
    { type: 0x58465342, expected: undefined }, // xfs
    { type: 0x9123683e, expected: undefined }, // btrfs
    { type: 0x01021994, expected: undefined }, // tmpfs
    { type: 0x794c7630, expected: undefined }, // overlayfs (containers)
    { type: 0, expected: undefined },
  ])('$type → $expected', ({ type, expected }) => {
    expect(networkFileSystem(type)).toBe(expected);
  });
});

describe('networkShareWarning', () => {
  const statfsOf = (type: number) => (): { type: number } => ({ type });

  test('a database on NFS: one warning line naming the path and the file system', () => {
    expect(networkShareWarning('/mnt/share/hotline.db', 'linux', statfsOf(0x6969))).toBe(
      "warning: /mnt/share/hotline.db is on a network share (NFS): SQLite's WAL mode is not safe over a network file system; keep the database on a local disk and copy reports to the share",
    );
  });

  test('a database on CIFS as f_type comes from a 32-bit kernel field: the same warning', () => {
    expect(networkShareWarning('h.db', 'linux', statfsOf(0xff534d42 | 0))).toMatch(/^warning: h\.db is on a network share \(CIFS\): /);
  });

  test('a local file system: no warning', () => {
    expect(networkShareWarning('h.db', 'linux', statfsOf(0xef53))).toBeUndefined();
  });

  test('only on Linux: the magic numbers mean nothing elsewhere', () => {
    expect(networkShareWarning('h.db', 'darwin', statfsOf(0x6969))).toBeUndefined();
  });

  test('a path statfs cannot read (not created yet): no warning, no error', () => {
    const missing = (): { type: number } => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    expect(networkShareWarning('/nowhere/h.db', 'linux', missing)).toBeUndefined();
  });

  test(':memory: is never statted', () => {
    expect(networkShareWarning(':memory:', 'linux', () => {
      throw new Error('statted');
    })).toBeUndefined();
  });
});
