import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, test } from 'vitest';
import { CALLS } from '../../src/domain/kinds.js';
import { InputError } from '../../src/errors.js';
import { readRecordBatches, sniffFile, type Sniffed } from '../../src/io/csv-read.js';
import { buildRowPlan } from '../../src/io/row-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-csv-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** Writes `content` to a new file in the temp dir and returns its path. */
function fixture(content: string | Buffer): string {
  const path = join(dir, `f${++counter}.csv`);
  writeFileSync(path, content);
  return path;
}

/** Every record of a file as { line, record }, after sniffing it. */
async function readAll(path: string, sniffed: Sniffed = sniffFile(path, 'calls.csv', {})): Promise<{ line: number; record: string[] }[]> {
  const out: { line: number; record: string[] }[] = [];
  for await (const batch of readRecordBatches(path, 'calls.csv', sniffed)) for (const r of batch) out.push({ line: r.line, record: r.record });
  return out;
}

/** The InputError of a sync or async call, as plain data. */
async function inputError(run: () => unknown): Promise<{ message: string; hint: string | undefined; exitCode: number }> {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { message: e.message, hint: e.hint, exitCode: e.exitCode };
  }
  throw new Error('expected an InputError');
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const EXCEL_HINT = 'open it in Excel and save as "CSV UTF-8 (Comma delimited)"';

describe('sniffFile', () => {
  test.each([
    { name: 'UTF-8 with BOM', bytes: Buffer.concat([BOM, Buffer.from('流水号,来电时间\nC1,2026-11-03 09:05\n')]), expected: { encoding: 'utf-8', delimiter: ',', notices: [] } },
    { name: 'UTF-8 without BOM', bytes: Buffer.from('流水号,来电时间\nC1,2026-11-03 09:05\n'), expected: { encoding: 'utf-8', delimiter: ',', notices: [] } },
    {
      name: 'GBK without BOM',
      bytes: iconv.encode('流水号,客户姓名\r\nC1,张三\r\n', 'gbk'),
      expected: { encoding: 'gb18030', delimiter: ',', notices: ['calls.csv: not UTF-8; decoding as GB18030 (GBK). Use --encoding to choose another.'] },
    },
    { name: 'UTF-16LE with BOM, tab-delimited', bytes: Buffer.concat([UTF16LE_BOM, Buffer.from('流水号\t客户姓名\r\nC1\t张三\r\n', 'utf16le')]), expected: { encoding: 'utf-16le', delimiter: '\t', notices: [] } },
    { name: 'semicolon', bytes: Buffer.from('call_id;started_at;outcome\n'), expected: { encoding: 'utf-8', delimiter: ';', notices: [] } },
    { name: 'tab', bytes: Buffer.from('call_id\tstarted_at\toutcome\n'), expected: { encoding: 'utf-8', delimiter: '\t', notices: [] } },
    { name: 'pipe', bytes: Buffer.from('call_id|started_at|outcome\n'), expected: { encoding: 'utf-8', delimiter: '|', notices: [] } },
    { name: 'commas inside a quoted header do not count', bytes: Buffer.from('"a,b,c";d;e\n'), expected: { encoding: 'utf-8', delimiter: ';', notices: [] } },
    { name: 'only the first line counts', bytes: Buffer.from('call_id;outcome\n1,2,3,4,5\n'), expected: { encoding: 'utf-8', delimiter: ';', notices: [] } },
  ])('$name → $expected.encoding', ({ bytes, expected }) => {
    expect(sniffFile(fixture(bytes), 'calls.csv', {})).toEqual(expected);
  });

  test('--encoding and --delimiter override detection, with no notice', () => {
    const path = fixture(iconv.encode('流水号;客户姓名\r\nC1;张三\r\n', 'gbk'));
    expect(sniffFile(path, 'calls.csv', { encoding: 'gb18030', delimiter: ',' })).toEqual({ encoding: 'gb18030', delimiter: ',', notices: [] });
  });

  test('a UTF-8 sample cut in the middle of a character is still UTF-8', () => {
    // 'id,text\n1,' is 10 bytes; 65536 - 10 is not a multiple of 3, so the 64 KiB sample ends inside a 中.
    const path = fixture(`id,text\n1,${'中'.repeat(30000)}\n`);
    expect(sniffFile(path, 'calls.csv', {}).encoding).toBe('utf-8');
  });

  test.each([
    { name: '0-byte file', bytes: Buffer.alloc(0), expected: 'calls.csv: the file is empty (0 bytes)', hint: 'export the data again; a file needs at least a header line' },
    { name: 'BOM-only file', bytes: BOM, expected: 'calls.csv: the file has no header line (only a byte-order mark or blank lines)', hint: undefined },
    { name: 'BOM and blank lines', bytes: Buffer.concat([BOM, Buffer.from('\r\n\r\n')]), expected: 'calls.csv: the file has no header line (only a byte-order mark or blank lines)', hint: undefined },
    { name: '.xlsx renamed .csv', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), expected: 'calls.csv: this is an Excel workbook (.xlsx), not a CSV file', hint: EXCEL_HINT },
    { name: '.xls renamed .csv', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), expected: 'calls.csv: this is an old Excel workbook (.xls), not a CSV file', hint: EXCEL_HINT },
    { name: 'PDF', bytes: Buffer.from('%PDF-1.4\n'), expected: 'calls.csv: this is a PDF file, not a CSV file', hint: undefined },
    { name: 'NUL byte on line 2', bytes: Buffer.from('call_id,outcome\nC1,ans\0wered\n'), expected: 'calls.csv: line 2: byte 22: NUL byte: this is a binary file, not a CSV text export', hint: 'export the data as CSV text' },
    { name: 'UTF-16LE without BOM', bytes: Buffer.from('a\tb\r\n', 'utf16le'), expected: 'calls.csv: line 1: byte 1: NUL byte: this is a binary file, not a CSV text export', hint: 'export the data as CSV text' },
  ])('$name → $expected', async ({ bytes, expected, hint }) => {
    expect(await inputError(() => sniffFile(fixture(bytes), 'calls.csv', {}))).toEqual({ message: expected, hint, exitCode: 3 });
  });
});

describe('readRecordBatches', () => {
  test('CRLF line endings', async () => {
    expect(await readAll(fixture('a,b\r\n1,2\r\n3,4\r\n'))).toEqual([
      { line: 1, record: ['a', 'b'] },
      { line: 2, record: ['1', '2'] },
      { line: 3, record: ['3', '4'] },
    ]);
  });

  test('mixed CRLF and LF line endings', async () => {
    expect(await readAll(fixture('a,b\r\n1,2\n3,4\r\n5,6\n'))).toEqual([
      { line: 1, record: ['a', 'b'] },
      { line: 2, record: ['1', '2'] },
      { line: 3, record: ['3', '4'] },
      { line: 4, record: ['5', '6'] },
    ]);
  });

  test('a quoted field with an embedded newline is one record; the next starts on its physical line', async () => {
    expect(await readAll(fixture('id,addr\n1,"上海市浦东新区\n世纪大道100号"\n2,x\n'))).toEqual([
      { line: 1, record: ['id', 'addr'] },
      { line: 2, record: ['1', '上海市浦东新区\n世纪大道100号'] },
      { line: 4, record: ['2', 'x'] },
    ]);
  });

  test('an embedded CRLF is kept and counted as one line', async () => {
    expect(await readAll(fixture('id,addr\r\n1,"a\r\nb\r\nc"\r\n2,x\r\n'))).toEqual([
      { line: 1, record: ['id', 'addr'] },
      { line: 2, record: ['1', 'a\r\nb\r\nc'] },
      { line: 5, record: ['2', 'x'] },
    ]);
  });

  test('blank lines are skipped and line numbers stay physical', async () => {
    expect(await readAll(fixture('a,b\n1,2\n\n3,4\n\n\n'))).toEqual([
      { line: 1, record: ['a', 'b'] },
      { line: 2, record: ['1', '2'] },
      { line: 4, record: ['3', '4'] },
    ]);
    expect(await readAll(fixture('a,b\r\n\r\n1,2\r\n'))).toEqual([
      { line: 1, record: ['a', 'b'] },
      { line: 3, record: ['1', '2'] },
    ]);
  });

  test('the BOM never reaches the first header', async () => {
    expect((await readAll(fixture(Buffer.concat([BOM, Buffer.from('流水号,来电时间\n')]))))[0]).toEqual({ line: 1, record: ['流水号', '来电时间'] });
  });

  test.each([
    { name: 'GBK', bytes: iconv.encode('流水号,客户姓名\r\nC1,欧阳娜娜\r\n', 'gbk') },
    { name: 'UTF-16LE with BOM', bytes: Buffer.concat([UTF16LE_BOM, Buffer.from('流水号\t客户姓名\r\nC1\t欧阳娜娜\r\n', 'utf16le')]) },
    { name: 'UTF-16BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('流水号\t客户姓名\r\nC1\t欧阳娜娜\r\n', 'utf16le').swap16()]) },
  ])('$name → decoded Chinese text', async ({ bytes }) => {
    expect(await readAll(fixture(bytes))).toEqual([
      { line: 1, record: ['流水号', '客户姓名'] },
      { line: 2, record: ['C1', '欧阳娜娜'] },
    ]);
  });

  test('an unclosed quote refuses the whole file', async () => {
    const path = fixture('流水号,客户地址\nC1,北京市\nC2,"上海市浦东新区\nC3,广州市\nC4,深圳市\n');
    const e = await inputError(() => readAll(path));
    expect(e.hint).toBe('a quoted value is never closed: the whole file is refused; fix the quote and import again');
    expect(e.exitCode).toBe(3);
  });

  // Regression test (found while writing these tests, since fixed).
  test('an unclosed quote names the line where the quote opens', async () => {
    const path = fixture('流水号,客户地址\nC1,北京市\nC2,"上海市浦东新区\nC3,广州市\nC4,深圳市\n');
    expect((await inputError(() => readAll(path))).message).toMatch(/^calls\.csv: line 3: /);
  });

  test.each([
    { name: 'stray quote in an unquoted field', content: 'id,addr\nC1,5"号楼\n', line: 2, hint: 'a quote inside an unquoted value; quote the whole value and double the inner quote ("")' },
    { name: 'text after a closing quote', content: 'id,addr\nC1,2\n"x"y,2\n', line: 3, hint: 'text after a closing quote; double the quote ("") inside a quoted value' },
  ])('$name → InputError on line $line', async ({ content, line, hint }) => {
    const e = await inputError(() => readAll(fixture(content)));
    expect(e.message.startsWith(`calls.csv: line ${line}: `)).toBe(true);
    expect(e.hint).toBe(hint);
  });
});

describe('invalid bytes past the sniffed sample', () => {
  // 'call_id,topic\n' is 14 bytes; each row 'C00001,咨询运费\n' is 20 bytes (7 + 12 + 1).
  const HEADER = 'call_id,topic\n';
  const row = (i: number): string => `C${String(i).padStart(5, '0')},咨询运费\n`;
  /** rows 1..total, with row `bad` replaced by `badRow`. */
  function build(total: number, bad: number, badRow: Buffer): Buffer {
    const parts: Buffer[] = [Buffer.from(HEADER)];
    for (let i = 1; i <= total; i++) parts.push(i === bad ? badRow : Buffer.from(row(i)));
    return Buffer.concat(parts);
  }
  const UTF8_HINT = 'the file mixes encodings or is not UTF-8; try --encoding gb18030';

  test.each([
    // Row 3501 is line 3502; 0xff follows 'C03501,咨询' (7 + 6 bytes) at 14 + 3500 × 20 + 13 = 70027.
    { name: '0xff at byte 70027 (first stream chunk)', total: 4000, bad: 3501, badRow: Buffer.concat([Buffer.from('C03501,咨询'), Buffer.from([0xff]), Buffer.from('运费\n')]), expected: 'calls.csv: line 3502: byte 70027: invalid UTF-8 bytes' },
    // Row 55001 is line 55002; 0xff at 14 + 55000 × 20 + 13 = 1100027, past the first 1 MiB chunk.
    { name: '0xff at byte 1100027 (second stream chunk)', total: 60000, bad: 55001, badRow: Buffer.concat([Buffer.from('C55001,咨询'), Buffer.from([0xff]), Buffer.from('运费\n')]), expected: 'calls.csv: line 55002: byte 1100027: invalid UTF-8 bytes' },
    // A GBK-encoded row in a UTF-8 file: its first GBK byte is at 14 + 3500 × 20 + 7 = 70021.
    { name: 'a GBK row in a UTF-8 file', total: 4000, bad: 3501, badRow: Buffer.concat([Buffer.from('C03501,'), iconv.encode('咨询运费', 'gbk'), Buffer.from('\n')]), expected: 'calls.csv: line 3502: byte 70021: invalid UTF-8 bytes' },
  ])('$name → $expected', async ({ total, bad, badRow, expected }) => {
    const path = fixture(build(total, bad, badRow));
    const sniffed = sniffFile(path, 'calls.csv', {});
    expect(sniffed.encoding).toBe('utf-8');
    expect(await inputError(() => readAll(path, sniffed))).toEqual({ message: expected, hint: UTF8_HINT, exitCode: 3 });
  });

  test('valid UTF-8 whose 1 MiB stream chunk ends inside a character reads completely', async () => {
    // With an 8-byte header, byte 1 MiB falls 1 byte into the 咨 of a row.
    const header = 'id,text\n';
    expect(((1 << 20) - header.length) % 20).toBe(8);
    const parts = [header];
    for (let i = 1; i <= 60000; i++) parts.push(row(i));
    const records = await readAll(fixture(parts.join('')));
    expect(records).toHaveLength(60001);
    expect(records.filter((r) => r.record[1] !== '咨询运费').map((r) => r.line)).toEqual([1]);
    expect(records[60000]).toEqual({ line: 60001, record: ['C60000', '咨询运费'] });
  });

  // Regression test (found while writing these tests, since fixed).
  test('an invalid byte in a GB18030 file names its line and byte', async () => {
    const bytes = Buffer.concat([iconv.encode('流水号,客户姓名\nC1,张三\nC2,', 'gbk'), Buffer.from([0xff]), Buffer.from('x\n')]);
    const path = fixture(bytes);
    expect(sniffFile(path, 'calls.csv', {}).encoding).toBe('gb18030');
    expect((await inputError(() => readAll(path))).message).toBe('calls.csv: line 3: byte 27: invalid gb18030 bytes');
  });
});

describe('fixtures/csv/variants: every encoding and dialect gives the same rows', () => {
  const variants = fileURLToPath(new URL('../fixtures/csv/variants/', import.meta.url));
  const files = readdirSync(variants).sort();
  const expected = [
    {
      line: 2,
      row: {
        call_id: 'C20261103001', started_at: 1793667900, local_day: '2026-11-03', local_hour: 9, operator_id: '1001',
        direction: 'inbound', outcome: 'answered', wait_seconds: null, talk_seconds: 185, hold_seconds: null, acw_seconds: null,
        category: 'complaint', topic: null, complaint_reason: null, customer_name: '张三', customer_phone: '13812345678',
        customer_address: '广东省深圳市南山区科技园路1号, 3栋', tracking_no: null, satisfaction: null, resolved: null, ivr_seconds: null,
      },
    },
    {
      line: 3,
      row: {
        call_id: 'C20261103002', started_at: 1793668620, local_day: '2026-11-03', local_hour: 9, operator_id: '1002',
        direction: 'inbound', outcome: 'abandoned', wait_seconds: null, talk_seconds: 0, hold_seconds: null, acw_seconds: null,
        category: 'consultation', topic: null, complaint_reason: null, customer_name: '欧阳娜娜', customer_phone: '01012345678',
        customer_address: '北京市朝阳区\n建国路88号', tracking_no: null, satisfaction: null, resolved: null, ivr_seconds: null,
      },
    },
    {
      line: 5,
      row: {
        call_id: 'C20261103003', started_at: 1793721599, local_day: '2026-11-03', local_hour: 23, operator_id: '1001',
        direction: 'inbound', outcome: 'answered', wait_seconds: null, talk_seconds: 75, hold_seconds: null, acw_seconds: null,
        category: 'query', topic: null, complaint_reason: null, customer_name: '李四', customer_phone: '13900001111',
        customer_address: '上海市浦东新区"世纪"大道100号', tracking_no: null, satisfaction: null, resolved: null, ivr_seconds: null,
      },
    },
  ];

  test('the variants directory holds the six fixtures', () => {
    expect(files).toEqual(['calls-gbk-crlf.csv', 'calls-semicolon.csv', 'calls-tab.txt', 'calls-utf16le-tab.txt', 'calls-utf8-bom.csv', 'calls-utf8-crlf.csv']);
  });

  test.each([
    { name: 'calls-gbk-crlf.csv', expected: { encoding: 'gb18030', delimiter: ',' } },
    { name: 'calls-semicolon.csv', expected: { encoding: 'utf-8', delimiter: ';' } },
    { name: 'calls-tab.txt', expected: { encoding: 'utf-8', delimiter: '\t' } },
    { name: 'calls-utf16le-tab.txt', expected: { encoding: 'utf-16le', delimiter: '\t' } },
    { name: 'calls-utf8-bom.csv', expected: { encoding: 'utf-8', delimiter: ',' } },
    { name: 'calls-utf8-crlf.csv', expected: { encoding: 'utf-8', delimiter: ',' } },
  ])('$name is sniffed as $expected.encoding', ({ name, expected }) => {
    expect(sniffFile(join(variants, name), name, {})).toMatchObject(expected);
  });

  test.each(files.map((name) => ({ name, expected: 'the 3 canonical calls' })))('$name → $expected', async ({ name }) => {
    const path = join(variants, name);
    const [header, ...records] = await readAll(path, sniffFile(path, name, {}));
    const plan = buildRowPlan(CALLS, header?.record ?? [], { file: name, zone: 'Asia/Shanghai' });
    expect(plan.ignored).toEqual([]);
    const rows = records.map(({ line, record }) => {
      const out = plan.convert(record, line);
      return { line, row: 'values' in out ? Object.fromEntries(plan.columns.map((c, i) => [c, out.values[i]])) : out.issue };
    });
    expect(rows).toEqual(expected);
  });
});
