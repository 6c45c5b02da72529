// RELIABILITY.md "Power loss": not simulable cheaply, so check the setting that makes a commit
// survive one. The job that `hotline import` runs in its import thread (dist/cli/import-thread.js
// runJob, as built: its parser, from dist, runs in this thread for a small file) runs here in-process on
// a real file; the connection it opens is observed (openDatabase wrapped, nothing replaced) and
// must be in synchronous=FULL (2), so SQLite syncs the WAL at every commit. Reports, which do not
// write, stay at NORMAL (1).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { HotlineDb, OpenOptions } from '../../src/db/connection.js';
import type { Runtime } from '../../src/cli/runtime.js';
import type { runJob as RunJob, ThreadMessage } from '../../src/cli/import-thread.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';
import type { listOperators as ListOperators } from '../../src/cli/actions/lists.js';

/** PRAGMA synchronous and journal_mode of every connection hotline opened, read right after opening. */
const opened: { synchronous: unknown; journal: unknown }[] = [];

vi.mock('../../dist/db/connection.js', async (importOriginal) => {
  const real = await importOriginal<{ openDatabase: (opts: OpenOptions) => HotlineDb }>();
  return {
    ...real,
    openDatabase: (opts: OpenOptions) => {
      const handle = real.openDatabase(opts);
      opened.push({ synchronous: handle.db.pragma('synchronous', { simple: true }), journal: handle.db.pragma('journal_mode', { simple: true }) });
      return handle;
    },
  };
});

const { runJob } = (await import('../../dist/cli/import-thread.js' as string)) as { runJob: typeof RunJob };
const { listOperators } = (await import('../../dist/cli/actions/lists.js' as string)) as { listOperators: typeof ListOperators };

const dir = mkdtempSync(join(tmpdir(), 'hotline-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runtime(): Runtime & { err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  stdout.resume();
  return {
    argv: [], env: { TZ: 'Asia/Shanghai' }, stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: process.stdin, now: () => 1_790_000_000, err: () => err,
  };
}

describe('synchronous on the connections hotline opens', () => {
  test('an import: synchronous=FULL (2) in WAL mode', async () => {
    const file = join(dir, 'operators.csv');
    writeFileSync(file, 'operator_id,name,hire_date\n1001,张三,2020-01-01\n');
    const posted: ThreadMessage[] = [];
    opened.length = 0;
    await runJob({
      db: { path: join(dir, 'h.db'), busyTimeoutMs: 5000 },
      options: { kind: 'operators', files: [file], zone: DEFAULT_POLICY.timezone, kpi: DEFAULT_POLICY.kpi, skipInvalid: false, force: false, calendars: DEFAULT_POLICY.calendars },
      interrupt: new SharedArrayBuffer(4), now: 1_790_000_000,
    }, (m) => posted.push(m));
    expect(posted.filter((m) => m.type === 'summary').map((m) => m.type === 'summary' && [m.summary.rows, m.summary.inserted])).toEqual([[1, 1]]);
    expect(opened).toEqual([{ synchronous: 2, journal: 'wal' }]);
  });

  test('a report (the control): synchronous=NORMAL (1)', () => {
    const rt = runtime();
    opened.length = 0;
    listOperators({ format: 'csv', lang: 'en' }, { db: join(dir, 'h.db') }, rt);
    expect(opened).toEqual([{ synchronous: 1, journal: 'wal' }]);
  });
});
