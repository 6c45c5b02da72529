// Temporary files of processes that were stopped before renaming them into place are removed by
// the next run for the same target (src/io/temp-files.ts); other files are not touched.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeOutput } from '../../src/io/output.js';
import { RejectsWriter } from '../../src/io/rejects.js';
import { createTempDir, createTempFile, removeStaleTemps, tempPathFor } from '../../src/io/temp-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-temps-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;
const files = (): string[] => readdirSync(dir).sort();

test('only the temporary files of processes that no longer run, for this target, are removed', () => {
  const dead = deadPid();
  const names = [
    `.r.csv.${dead}.tmp`, `.r.csv.${dead}.tmp-journal`, `.r.csv.${dead}.tmp-wal`, `.r.csv.${dead}.tmp-shm`, // removed
    `.r.csv.${process.pid}.tmp`, // this process
    `.r.csv.${process.ppid}.tmp`, // a running process
    `.other.csv.${dead}.tmp`, `.r.csv.x${dead}.tmp`, `.r.csv.${dead}.tmpx`, `r.csv.${dead}.tmp`, `.r.csv.0.tmp`, 'r.csv', // not ours or not this target's
  ];
  for (const n of names) writeFileSync(join(dir, n), n);
  expect(removeStaleTemps(join(dir, 'r.csv')).sort()).toEqual(names.slice(0, 4).sort());
  expect(files()).toEqual(names.slice(4).sort());
});

test('a directory that cannot be listed: nothing removed, no error', () => {
  expect(removeStaleTemps(join(dir, 'missing', 'r.csv'))).toEqual([]);
});

test('tempPathFor: .NAME.PID.tmp beside the target', () => {
  expect(tempPathFor(join(dir, 'r.csv'))).toBe(join(dir, `.r.csv.${process.pid}.tmp`));
});

test('--out and the rejects file clear what a stopped run left before writing', () => {
  const dead = deadPid();
  writeFileSync(join(dir, `.r.csv.${dead}.tmp`), 'half a report');
  writeFileSync(join(dir, `.x.rejects.csv.${dead}.tmp`), 'half a rejects file');
  writeOutput(['a,b\n'], { out: join(dir, 'r.csv'), force: false, stdout: process.stdout });
  const rejects = new RejectsWriter(join(dir, 'x.rejects.csv'), ['a'], false);
  rejects.write({ line: 2, column: 'a', reason: 'bad', record: ['1'] });
  rejects.commit();
  expect(files()).toEqual(['r.csv', 'x.rejects.csv']);
});

test('createTempFile: exclusive, with the mode asked; a link or file already at the name is refused, never written through', () => {
  const target = join(dir, 'r.csv');
  const { path, fd } = createTempFile(target, 0o600);
  closeSync(fd);
  expect(path).toBe(tempPathFor(target));
  expect(statSync(path).mode & 0o777).toBe(0o600);
  expect(() => createTempFile(target, 0o600)).toThrow(`${path}: something is already at hotline's temporary file name (a planted link?); nothing was written through it`);
  rmSync(path);
  writeFileSync(join(dir, 'victim'), 'precious');
  symlinkSync('victim', path);
  expect(() => createTempFile(target, 0o600)).toThrow('a planted link?');
  symlinkSync('nowhere', tempPathFor(join(dir, 'dangling.csv')));
  expect(() => createTempFile(join(dir, 'dangling.csv'), 0o600)).toThrow('a planted link?');
  expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('precious');
  expect(files()).toEqual([`.dangling.csv.${process.pid}.tmp`, `.r.csv.${process.pid}.tmp`, 'victim']);
});

test('createTempDir: mode 0700, exclusive; a link at the name is refused', () => {
  const path = createTempDir(join(dir, 'b.db'));
  expect(statSync(path).isDirectory()).toBe(true);
  expect(statSync(path).mode & 0o777).toBe(0o700);
  mkdirSync(join(dir, 'elsewhere'));
  symlinkSync('elsewhere', tempPathFor(join(dir, 'c.db')));
  expect(() => createTempDir(join(dir, 'c.db'))).toThrow('a planted link?');
  expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
});

test('a stale backup directory is removed whole; a stale name that is a link is removed without following it', () => {
  const dead = deadPid();
  mkdirSync(join(dir, `.b.db.${dead}.tmp`));
  writeFileSync(join(dir, `.b.db.${dead}.tmp`, 'b.db'), 'half a backup');
  mkdirSync(join(dir, 'kept'));
  writeFileSync(join(dir, 'kept', 'data'), 'kept');
  symlinkSync('kept', join(dir, `.c.db.${dead}.tmp`));
  expect(removeStaleTemps(join(dir, 'b.db'))).toEqual([`.b.db.${dead}.tmp`]);
  expect(removeStaleTemps(join(dir, 'c.db'))).toEqual([`.c.db.${dead}.tmp`]);
  expect(files()).toEqual(['kept']);
  expect(readFileSync(join(dir, 'kept', 'data'), 'utf8')).toBe('kept');
});
