// The one emit path (src/cli/emit.ts): a report written as a table, CSV, JSON, xlsx or ics by the
// output flags, in process with a runtime whose stdout and stderr are captured (not a terminal).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { emitReport, type EmitFlags } from '../../src/cli/emit.js';
import type { Runtime } from '../../src/cli/runtime.js';
import type { Report } from '../../src/io/render/report.js';
import { columns } from '../../src/io/render/vocabulary/columns.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-emit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runtime(): Runtime & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b: Buffer) => (out += b.toString()));
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  return {
    argv: [], env: {}, stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream, stdin: process.stdin,
    now: () => 1_790_000_000, out: () => out, err: () => err,
  };
}

const REPORT: Report = {
  columns: columns('operator_id', 'grade'),
  rows: [{ operator_id: '1001', grade: 'excellent' }, { operator_id: '1002', grade: 'fail' }],
  json: { month: '2026-10', rows: ['as the report says'] },
  notes: (format) => (format === 'json' ? [] : [`above the ${format}`]),
  page: (view) => [`a page in ${view.lang}${view.wide ? ', wide' : ''}\n`],
  sheet: '2026-10',
  calendar: { name: 'hotline training 2026-11', events: [{ uid: 'S1@hotline', start: 1_790_000_000, end: 1_790_003_600, summary: '课程', description: 'internal' }] },
};

async function emitted(report: Report, flags: Partial<EmitFlags>): Promise<{ format: string; out: string; err: string }> {
  const rt = runtime();
  const format = await emitReport(report, { lang: 'en', ...flags }, rt);
  return { format, out: rt.out(), err: rt.err() };
}

describe('emitReport', () => {
  test('CSV (not a terminal, no --format): the rows, the notes for CSV on stderr', async () => {
    expect(await emitted(REPORT, {})).toEqual({ format: 'csv', out: 'operator_id,grade\r\n1001,excellent\r\n1002,fail\r\n', err: 'above the csv\n' });
  });

  test('--lang zh: headers and values in Chinese', async () => {
    expect((await emitted(REPORT, { format: 'csv', lang: 'zh' })).out).toBe('工号,等级\r\n1001,优秀\r\n1002,不合格\r\n');
  });

  test('JSON: the report’s document, not its rows, and no notes', async () => {
    expect(await emitted(REPORT, { format: 'json' })).toEqual({ format: 'json', out: '{"month":"2026-10","rows":["as the report says"]}\n', err: '' });
  });

  test('JSON of a report without a document: its rows, keyed by column', async () => {
    const { json: _j, ...rowsOnly } = REPORT;
    expect((await emitted(rowsOnly, { format: 'json' })).out).toBe('[{"operator_id":"1001","grade":"excellent"},{"operator_id":"1002","grade":"fail"}]\n');
  });

  test('a table: the page, when the report has one', async () => {
    expect(await emitted(REPORT, { format: 'table', lang: 'zh', wide: true })).toEqual({ format: 'table', out: 'a page in zh, wide\n', err: 'above the table\n' });
  });

  test('ics by the --out file’s extension, even with --format json', async () => {
    const out = join(dir, 'plan.ics');
    const r = await emitted(REPORT, { format: 'json', out });
    expect(r.format).toBe('ics');
    expect(readFileSync(out, 'utf8').split('\r\n').filter((l) => l.startsWith('DTSTART') || l.startsWith('SUMMARY') || l.startsWith('X-WR'))).toEqual([
      'X-WR-CALNAME:hotline training 2026-11', 'DTSTART:20260921T141320Z', 'SUMMARY:课程',
    ]);
  });

  test('a report without a calendar writes CSV to a *.ics file', async () => {
    const { calendar: _c, ...plain } = REPORT;
    const out = join(dir, 'plain.ics');
    expect((await emitted(plain, { out })).format).toBe('csv');
    expect(readFileSync(out, 'utf8')).toBe('\ufeffoperator_id,grade\r\n1001,excellent\r\n1002,fail\r\n');
  });

  test('xlsx without --out: exit 2, nothing written', async () => {
    const rt = runtime();
    await expect(emitReport(REPORT, { lang: 'en', format: 'xlsx' }, rt)).rejects.toMatchObject({ exitCode: 2, message: '--format xlsx writes a file: give --out FILE.xlsx' });
    expect(rt.out()).toBe('');
  });

  test('xlsx by the --out file’s extension: a workbook, said on stderr', async () => {
    const out = join(dir, 'sheet.xlsx');
    const r = await emitted(REPORT, { format: 'csv', out });
    expect(r).toEqual({ format: 'xlsx', out: '', err: `wrote ${out}\n` });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  test('an --out file that exists, without --force: exit 2 before any note', async () => {
    const out = join(dir, 'exists.csv');
    writeFileSync(out, 'old');
    const rt = runtime();
    await expect(emitReport(REPORT, { lang: 'en', out }, rt)).rejects.toMatchObject({ exitCode: 2, message: `${out} already exists` });
    expect([rt.err(), readFileSync(out, 'utf8')]).toEqual(['', 'old']);
  });
});
