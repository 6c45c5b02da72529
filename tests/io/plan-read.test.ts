// What an import reads of a file (src/app/import-continuation.ts, planRead): the stamp the end of
// reading is checked against is taken before the file is opened, so that a change in the instant
// between the open and its fstat is not taken for the file as it was (the e2e test "truncated while
// read" waits for the file to be open, and could truncate it in that instant).
import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { planRead } from '../../src/app/import-continuation.js';
import { migrate } from '../../src/db/migrate.js';
import { changeOf } from '../../src/io/file-stamp.js';

/** Runs once, as the next openSync of `onOpen.path` returns: the change a writer makes at that instant. */
const onOpen: { path?: string; change?: (path: string) => void } = {};

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const hooked = ((...args: Parameters<typeof fs.openSync>) => {
    const fd = fs.openSync(...args);
    if (onOpen.change && args[0] === onOpen.path) {
      const change = onOpen.change;
      onOpen.change = undefined;
      change(String(args[0]));
    }
    return fd;
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync: hooked }, openSync: hooked };
});

const dir = mkdtempSync(join(tmpdir(), 'hotline-plan-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BODY = 'call_id,started_at\n' + Array.from({ length: 1000 }, (_, i) => `C${String(i).padStart(6, '0')},2026-10-01 09:00:00\n`).join('');

function ledger(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

/** The change the end of reading sees in the file `plan` was made from, read through a new descriptor as the parsing worker reads it. */
function changeAtEnd(path: string, stamp: Parameters<typeof changeOf>[1]): string | undefined {
  const fd = openSync(path, 'r');
  try {
    return changeOf(fd, stamp);
  } finally {
    closeSync(fd);
  }
}

describe('planRead: the stamp is the file before it was opened', () => {
  test.each([
    { name: 'truncated', change: (p: string) => truncateSync(p, 7000), seen: `${BODY.length} bytes when the import began, 7000 bytes at the end of reading` },
    { name: 'appended to', change: (p: string) => appendFileSync(p, 'C999999,2026-10-01 09:00:00\n'), seen: `${BODY.length} bytes when the import began, ${BODY.length + 28} bytes at the end of reading` },
  ])('a CSV $name as it is opened: planned from the size it had, and the change seen at the end of reading', ({ name, change, seen }) => {
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, BODY);
    Object.assign(onOpen, { path, change });
    const plan = planRead(ledger(), path, { kind: 'calls', source: null, lineEnds: false, again: false });
    expect(onOpen.change).toBeUndefined();
    if (plan.mode !== 'whole') throw new Error(`planned ${plan.mode}`);
    expect({ size: plan.stamp.size, to: plan.to, fileSize: plan.file.size }).toEqual({ size: BODY.length, to: BODY.length, fileSize: BODY.length });
    expect(changeAtEnd(path, plan.stamp)).toBe(seen);
  });

  test('a phone-system log appended to as it is opened: read up to the last line end it had', () => {
    const path = join(dir, 'queue.log');
    const lines = '1767225600|NONE|NONE|NONE|QUEUESTART|\n1767225876|MANAGER|hotline|PJSIP/2045|ADDMEMBER|\n';
    writeFileSync(path, lines);
    Object.assign(onOpen, { path, change: (p: string) => appendFileSync(p, '1767225979|NONE|hotline|Agent/1116|PAUSE|\n') });
    const plan = planRead(ledger(), path, { kind: 'calls', source: 'asterisk-queue-log', lineEnds: true, again: false });
    if (plan.mode !== 'whole') throw new Error(`planned ${plan.mode}`);
    expect({ size: plan.stamp.size, to: plan.to }).toEqual({ size: lines.length, to: lines.length });
  });

  test('a file that does not change: the stamp is the file as it is', () => {
    const path = join(dir, 'same.csv');
    writeFileSync(path, BODY);
    const plan = planRead(ledger(), path, { kind: 'calls', source: null, lineEnds: false, again: false });
    if (plan.mode !== 'whole') throw new Error(`planned ${plan.mode}`);
    expect(plan.stamp.size).toBe(BODY.length);
    expect(changeAtEnd(path, plan.stamp)).toBeUndefined();
  });
});
