// CSV written by hotline (report exports and --rejects files) must quote values that contain a
// line feed: multi-line addresses are valid input (RELIABILITY.md #7) and must survive a round trip.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderCsv } from '../../src/io/render/csv.js';
import type { RenderOptions, ReportTable } from '../../src/io/render/report.js';
import { RejectsWriter } from '../../src/io/rejects.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-csv-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV: RenderOptions = { format: 'csv', lang: 'en', showPii: true, color: false, bom: false };

function rejectsFile(name: string, record: string[]): string {
  const path = join(dir, name);
  const writer = new RejectsWriter(path, ['call_id', 'customer_address'], false);
  writer.write({ line: 3, column: 'call_id', reason: 'call_id is required', record });
  writer.commit();
  return readFileSync(path, 'utf8');
}

describe('renderCsv', () => {
  const table = (topic: string): ReportTable => ({
    columns: [{ key: 'call_id', en: 'call_id', zh: '通话编号' }, { key: 'topic', en: 'topic', zh: '咨询类型' }],
    rows: [{ call_id: 'C1', topic }],
  });

  test('a value with a comma is quoted and a formula neutralised', () => {
    expect([...renderCsv(table('=1+2, then more'), CSV)].join('')).toBe('call_id,topic\r\nC1,"\'=1+2, then more"\r\n');
  });

  // Regression test (found while writing these tests, since fixed).
  test('a value with a line feed is quoted', () => {
    expect([...renderCsv(table('第一行\n第二行'), CSV)].join('')).toBe('call_id,topic\r\nC1,"第一行\n第二行"\r\n');
  });
});

describe('RejectsWriter', () => {
  test('a rejected row is written with its line and reason after a BOM', () => {
    expect(rejectsFile('plain.csv', ['', '北京市朝阳区建国路88号'])).toBe(
      '\ufeffcall_id,customer_address,line,reason\r\n,北京市朝阳区建国路88号,3,call_id: call_id is required\r\n',
    );
  });

  // Regression test (found while writing these tests, since fixed).
  test('a rejected multi-line address is quoted', () => {
    expect(rejectsFile('multiline.csv', ['', '北京市朝阳区\n建国路88号'])).toBe(
      '\ufeffcall_id,customer_address,line,reason\r\n,"北京市朝阳区\n建国路88号",3,call_id: call_id is required\r\n',
    );
  });
});
