// The import thread's job (dist/cli/import-thread.js runJob, as built: its parser, from dist, runs
// in this thread for these small files, docs/performance.md) is plain import options: the command resolves the database
// path, the policy's zone, thresholds and calendars, and reads the mapping file once; the thread
// reads no flag, no environment and no mapping file.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { runJob as RunJob, ThreadMessage } from '../../src/cli/import-thread.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';
import { loadMapping } from '../../src/io/mapping/mapping.js';

const { runJob } = (await import('../../dist/cli/import-thread.js' as string)) as { runJob: typeof RunJob };

const dir = mkdtempSync(join(tmpdir(), 'hotline-import-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = 1_790_000_000;

describe('runJob: the import thread takes plain import options', () => {
  test('a mapped calls file: the mapping travels in the options, and its file is not read again', async () => {
    const mappingFile = join(dir, 'acd.mapping.json');
    writeFileSync(mappingFile, JSON.stringify({ kind: 'calls', fields: { call_id: 'ID', started_at: { column: 'Start', date_format: 'DD/MM/YYYY HH:mm' }, outcome: { column: 'Result', map: { OK: 'answered', LOST: 'abandoned' } } } }));
    const mapping = loadMapping(mappingFile, 'calls');
    rmSync(mappingFile);
    const file = join(dir, 'acd.csv');
    writeFileSync(file, 'ID,Start,Result\nA1,16/10/2026 09:05,OK\nA2,16/10/2026 21:40,LOST\n');
    const db = join(dir, 'h.db');
    const posted: ThreadMessage[] = [];
    await runJob({
      db: { path: db, busyTimeoutMs: 5000 },
      options: { kind: 'calls', files: [file], zone: DEFAULT_POLICY.timezone, kpi: DEFAULT_POLICY.kpi, skipInvalid: false, force: false, mapping, calendars: DEFAULT_POLICY.calendars },
      interrupt: new SharedArrayBuffer(4),
      now: NOW,
    }, (m) => posted.push(m));
    const summaries = posted.flatMap((m) => (m.type === 'summary' ? [m.summary] : []));
    expect(summaries.map((s) => [s.rows, s.inserted, s.mapping, s.status])).toEqual([[2, 2, mappingFile, 'imported']]);
    const check = new Database(db, { readonly: true });
    try {
      expect(check.prepare('SELECT call_id, local_day, local_hour, outcome FROM calls ORDER BY call_id').all()).toEqual([
        { call_id: 'A1', local_day: '2026-10-16', local_hour: 9, outcome: 'answered' },
        { call_id: 'A2', local_day: '2026-10-16', local_hour: 21, outcome: 'abandoned' },
      ]);
      // The ledger's clock starts at the job's `now` (and runs on from there while the import runs).
      const entry = check.prepare('SELECT profile, started_at FROM imports').get() as { profile: string; started_at: number };
      expect(entry.profile).toBe('mapping:acd.mapping.json');
      expect(entry.started_at - NOW).toBeGreaterThanOrEqual(0);
      expect(entry.started_at - NOW).toBeLessThan(60);
    } finally {
      check.close();
    }
  });
});
