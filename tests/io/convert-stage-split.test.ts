// A profile's calls are checked by the parsing worker or left to the writing thread depending on
// the writer's backlog (ConvertStage.checkedByWriter; docs/performance.md, "Checks split between
// the threads"): either way the rows and issues must be the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConvertStage, type ConvertedBatch } from '../../src/io/convert-stage.js';
import { FIXTURES } from '../helpers/cli.js';

const RECORDS = readFileSync(join(FIXTURES, 'profiles', 'queue_log'), 'utf8').trimEnd().split('\n').map((l) => l.split('|'));

function stage(): ConvertStage {
  const s = new ConvertStage({ kind: 'calls', file: 'queue_log', zone: 'Asia/Shanghai', sourceZone: 'UTC', profile: 'asterisk-queue-log' });
  s.start([]);
  return s;
}

/** The fixture through a stage in chunks of 4 records, each chunk checked by the writer or not as `byWriter` says. */
function convert(byWriter: (chunk: number) => boolean): Omit<ConvertedBatch, 'cells' | 'cellLines'> {
  const s = stage();
  const out: ConvertedBatch[] = [];
  for (let i = 0; i < RECORDS.length; i += 4) {
    const lines = RECORDS.slice(i, i + 4).map((_, k) => i + k + 1);
    out.push(s.check(s.batch(RECORDS.slice(i, i + 4), lines, byWriter(i / 4))));
  }
  out.push(s.check(s.end().batch));
  const all = { rows: out.flatMap((b) => b.rows), lines: out.flatMap((b) => b.lines), issues: out.flatMap((b) => b.issues), records: 0, skipped: 0, rings: out.flatMap((b) => b.rings), presence: out.flatMap((b) => b.presence) };
  all.records = out.reduce((n, b) => n + b.records, 0);
  return all;
}

describe('a queue_log profile: checks by the worker, by the writer, or mixed', () => {
  test('the same rows, lines, issues, missed rings and presence events', () => {
    const worker = convert(() => false);
    expect(worker.rows.length).toBeGreaterThan(5);
    expect(worker.presence.length).toBeGreaterThan(0);
    expect(convert(() => true)).toEqual(worker);
    expect(convert((chunk) => chunk % 2 === 1)).toEqual(worker);
  });

  test('left to the writer while fewer than 3 batches wait for it, checked by the worker otherwise; a file of its own records: every third chunk', () => {
    const s = stage();
    expect([0, 1, 2, 3, 12].map((backlog) => s.checkedByWriter(1, backlog))).toEqual([true, true, true, false, false]);
    const plain = new ConvertStage({ kind: 'calls', file: 'calls.csv', zone: 'Asia/Shanghai', sourceZone: 'Asia/Shanghai' });
    expect([1, 2, 3, 4, 5, 6].map((chunk) => plain.checkedByWriter(chunk, 0))).toEqual([false, false, true, false, false, true]);
  });

  test('a batch left to the writer carries cells; one checked by the worker carries rows', () => {
    const s = stage();
    const byWriter = s.batch(RECORDS, RECORDS.map((_, i) => i + 1), true);
    expect(byWriter.rows).toEqual([]);
    expect(byWriter.cells?.length).toBeGreaterThan(0);
    const t = stage();
    const byWorker = t.batch(RECORDS, RECORDS.map((_, i) => i + 1), false);
    expect(byWorker.cells).toBeUndefined();
    expect(byWorker.rows.length).toBe(byWriter.cells?.length);
  });
});
