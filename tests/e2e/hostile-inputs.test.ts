// Bad and hostile CSV inputs on the built binary: /work/shared/RELIABILITY.md section (a), the
// rows not already covered end-to-end by import.test.ts / faults.test.ts / output.test.ts.
// Every test writes its fixture inline into a temp dir, imports it into its own database, and
// checks the exit code, the exact message, and that nothing was written when nothing should be.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { hotlineWithin, rows, snapshot, tableCounts, zeros, workspace } from './support.js';

const { run, write, db, dir: workDir } = workspace('hotline-e2e-hostile-');

/** Nothing imported: no database at all, or one where every table (the ledger included) is empty. */
function expectNothingWritten(name: string): void {
  if (!existsSync(db(name))) return;
  const counts = tableCounts(db(name));
  expect(counts).toMatchObject({ imports: 0, calls: 0, orders: 0 });
  expect(counts).toEqual(zeros(counts));
}

/** The ledger as `hotline imports --format json` shows it. */
function ledger(name: string): Record<string, unknown>[] {
  const r = run(['--db', name, 'imports', '--format', 'json']);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

const summary = (file: string, n: number, inserted: number, importId: number, encoding = 'utf-8', rejected = 0, rejects = ''): string =>
  `${file}: ${n} rows: ${inserted} inserted, 0 updated, 0 unchanged, ${rejected} rejected, 0 skipped (import #${importId}, ${encoding}${rejects ? `; rejected rows in ${rejects}` : ''})\n`;

const ROWS_HINT = 'hint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows';
const CALLS_HEADER_LINES = [
  '  call_id: accepted headers call_id / 通话编号 / 流水号 / 呼叫编号 / 通话id / uniqueid',
  '  started_at: accepted headers started_at / 来电时间 / 开始时间 / 呼叫时间 / start_time / start',
  '  outcome: accepted headers outcome / 呼叫结果 / 接听状态 / 通话结果 / status / result',
];

/** `count` well-formed call lines, 36 bytes each: `C00000,2026-10-01 09:00:00,answered\n`. */
const callLines = (count: number): string => Array.from({ length: count }, (_, i) => `C${String(i).padStart(5, '0')},2026-10-01 09:00:00,answered\n`).join('');

describe('row 4: UTF-16LE with a BOM, tab-delimited (Excel "Unicode text")', () => {
  const TEXT = '通话编号\t来电时间\t呼叫结果\t客户姓名\r\nU1\t2026-10-01 09:00:00\t已接听\t张三\r\nU2\t2026-10-01 09:05:00\t放弃\t\r\n';
  const utf16 = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')]);

  test('the BOM selects UTF-16LE, tab is detected, Chinese headers and values are stored as written', () => {
    write('unicode-text.csv', utf16());
    const r = run(['--db', 'u16.db', 'import', 'calls', '--format', 'json', 'unicode-text.csv']);
    expect(r.stderr).toBe(summary('unicode-text.csv', 2, 2, 1, 'utf-16le'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', ignored_columns: [], rows: 2, inserted: 2 });
    expect(rows(db('u16.db'), 'SELECT call_id, outcome, customer_name FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'U1', outcome: 'answered', customer_name: '张三' },
      { call_id: 'U2', outcome: 'abandoned', customer_name: null },
    ]);
    expect(JSON.stringify(snapshot(db('u16.db'))).includes('\ufeff')).toBe(false);
  });

  test('with --delimiter , forced the header is one column: exit 3 with the delimiter hint, nothing written', () => {
    write('unicode-forced.csv', utf16());
    const r = run(['--db', 'u16-forced.db', 'import', 'calls', '--delimiter', ',', 'unicode-forced.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: unicode-forced.csv: line 1: missing required columns: call_id, started_at, outcome',
        ...CALLS_HEADER_LINES,
        'hint: the header is one column: the file may use another delimiter; try --delimiter ";" or --delimiter tab',
        '',
      ].join('\n'),
    });
    expectNothingWritten('u16-forced.db');
  });
});

describe('row 5: invalid UTF-8 bytes past the first 64 KiB', () => {
  test('refused with line and byte offset, exit 3, no row and no ledger entry', () => {
    const head = 'call_id,started_at,outcome\n' + callLines(3000); // 108 027 bytes of clean UTF-8
    const prefix = Buffer.from(head + 'X1,2026-10-01 09:00:00,ans');
    expect(prefix.length).toBeGreaterThan(64 * 1024);
    write('late.csv', Buffer.concat([prefix, Buffer.from([0xff, 0xfe]), Buffer.from('wered\n')]));
    const r = run(['--db', 'late.db', 'import', 'calls', '--skip-invalid', 'late.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: late.csv: line 3002: byte ${prefix.length}: invalid UTF-8 bytes\nhint: the file mixes encodings or is not UTF-8; try --encoding gb18030\n`,
    });
    expectNothingWritten('late.db');
  });
});

describe('rows 8–10: quoting errors refuse the whole file, even with --skip-invalid', () => {
  test('row 8: an unclosed quote: exit 3 naming the line it opens on, no rejects file, nothing written', () => {
    write('unclosed.csv', 'call_id,started_at,outcome,customer_address\nQ0,2026-10-01 08:00:00,answered,x\nQ1,2026-10-01 09:00:00,answered,"上海市浦东\nQ2,2026-10-01 09:00:00,answered,x\n');
    for (const extra of [[], ['--skip-invalid']]) {
      const r = run(['--db', 'unclosed.db', 'import', 'calls', ...extra, 'unclosed.csv']);
      expect(r).toEqual({
        status: 3,
        stdout: '',
        stderr: 'error: unclosed.csv: line 3: a quoted value opened on line 3 is never closed\nhint: a quoted value is never closed: the whole file is refused; fix the quote and import again\n',
      });
    }
    expect(existsSync(join(workDir(), 'unclosed.rejects.csv'))).toBe(false);
    expectNothingWritten('unclosed.db');
  });

  test('row 8/26: an unclosed quote near the top of a big file stops at the 4 MiB record limit, quickly', () => {
    write('unclosed-big.csv', 'call_id,started_at,outcome,customer_address\nQ1,2026-10-01 09:00:00,answered,"上海市\n' + 'Q2,2026-10-01 09:00:00,answered,x\n'.repeat(200_000));
    const r = hotlineWithin(['--db', 'unclosed-big.db', 'import', 'calls', '--skip-invalid', 'unclosed-big.csv'], { cwd: workDir(), env: { TZ: 'Asia/Shanghai' }, timeoutMs: 20_000 });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    // The line the record (the quote) starts on, and where csv-parse gave up: 4 MiB of 34-byte lines further.
    expect(r.stderr).toBe('error: unclosed-big.csv: line 2: the record starting on this line is larger than 4 MiB (reading stopped at line 123363)\nhint: one record is larger than 4 MiB: probably an unclosed quote\n');
    expect(r.ms).toBeLessThan(20_000);
    expectNothingWritten('unclosed-big.db');
  });

  test('row 9: a stray quote inside an unquoted value (5"号楼): exit 3 at line 2, even with --skip-invalid', () => {
    write('stray.csv', 'call_id,started_at,outcome,customer_address\nQ1,2026-10-01 09:00:00,answered,5"号楼\nQ2,2026-10-01 09:00:00,answered,x\n');
    const r = run(['--db', 'stray.db', 'import', 'calls', '--skip-invalid', 'stray.csv']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: stray\.csv: line 2: /);
    expect(r.stderr).toMatch(/\nhint: a quote inside an unquoted value; quote the whole value and double the inner quote \(""\)\n$/);
    expect(existsSync(join(workDir(), 'stray.rejects.csv'))).toBe(false);
    expectNothingWritten('stray.db');
  });

  test('row 10: text after a closing quote ("x"y): exit 3 at line 2, even with --skip-invalid', () => {
    write('badclose.csv', 'call_id,started_at,outcome,customer_address\nQ1,2026-10-01 09:00:00,answered,"x"y\n');
    const r = run(['--db', 'badclose.db', 'import', 'calls', '--skip-invalid', 'badclose.csv']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: badclose\.csv: line 2: /);
    expect(r.stderr).toMatch(/\nhint: text after a closing quote; double the quote \(""\) inside a quoted value\n$/);
    expectNothingWritten('badclose.db');
  });
});

describe('rows 11–12: records with more or fewer fields than the header', () => {
  const TEXT = 'call_id,started_at,outcome,customer_address\nE1,2026-10-01 09:00:00,answered,上海市\nE2,2026-10-01 09:00:00,answered,上海市,浦东\nE3,2026-10-01 09:00:00\nE4,2026-10-01 09:10:00,abandoned,\n';

  test('strict: exit 3, both lines named, nothing written', () => {
    write('fields.csv', TEXT);
    expect(run(['--db', 'fields.db', 'import', 'calls', 'fields.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: fields.csv: 2 bad rows; nothing was imported from this file',
        '  line 3: 5 fields, more than the 4 columns of the header (an unquoted delimiter inside a value? quote the value)',
        '  line 4: 2 fields, fewer than the 4 columns of the header',
        ROWS_HINT,
        '',
      ].join('\n'),
    });
    expectNothingWritten('fields.db');
  });

  test('--skip-invalid: both quarantined with line and reason, never filled with blanks, counts reconcile', () => {
    write('fields-skip.csv', TEXT);
    const r = run(['--db', 'fields-skip.db', 'import', 'calls', '--skip-invalid', '--rejects', 'fields.rejects.csv', '--format', 'json', 'fields-skip.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(summary('fields-skip.csv', 4, 2, 1, 'utf-8', 2, 'fields.rejects.csv'));
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ rows: 4, inserted: 2, rejected: 2, rejects_file: 'fields.rejects.csv' });
    expect(s.inserted + s.updated + s.unchanged + s.rejected + s.skipped).toBe(s.rows);
    expect(readFileSync(join(workDir(), 'fields.rejects.csv'), 'utf8')).toBe(
      '\ufeffcall_id,started_at,outcome,customer_address,line,reason\r\n' +
        'E2,2026-10-01 09:00:00,answered,上海市,3,"5 fields, more than the 4 columns of the header [extra fields: 浦东]"\r\n' +
        'E3,2026-10-01 09:00:00,,,4,"2 fields, fewer than the 4 columns of the header"\r\n',
    );
    expect(rows(db('fields-skip.db'), 'SELECT call_id FROM calls ORDER BY call_id')).toEqual([{ call_id: 'E1' }, { call_id: 'E4' }]);
    expect(ledger('fields-skip.db').map(({ rows: n, inserted, rejected }) => ({ n, inserted, rejected }))).toEqual([{ n: 4, inserted: 2, rejected: 2 }]);
  });
});

describe('row 13: the same header twice', () => {
  test.each([
    { name: 'an unknown column (电话)', header: '电话,call_id,started_at,outcome,电话', row: '1,D1,2026-10-01 09:00:00,answered,2', msg: 'line 1: duplicate column "电话" (columns 1 and 5)' },
    { name: 'a known column (客户电话)', header: 'call_id,started_at,客户电话,outcome,客户电话', row: 'D1,2026-10-01 09:00:00,138,answered,139', msg: 'line 1: duplicate column "客户电话" (columns 3 and 5)' },
    { name: 'the same column spelled two ways (call_id, CALL ID)', header: 'call_id,started_at,CALL ID,outcome', row: 'D1,2026-10-01 09:00:00,D2,answered', msg: 'line 1: duplicate column "CALL ID" (columns 1 and 3)' },
  ])('$name: exit 3, both columns named, nothing written', ({ header, row, msg }) => {
    const name = `dup-${header.length}`;
    write(`${name}.csv`, `${header}\n${row}\n`);
    expect(run(['--db', `${name}.db`, 'import', 'calls', '--skip-invalid', `${name}.csv`])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: ${name}.csv: ${msg}\nhint: rename or remove one of them; hotline never guesses which one holds the data\n`,
    });
    expectNothingWritten(`${name}.db`);
  });
});

describe('rows 15–16: header spelling and hostile header names', () => {
  test('row 15: spaces, U+3000, zero-width characters, case and full-width letters are normalised', () => {
    write('spelling.csv', ' Call\u3000ID ,START\u200bED_AT,Out\u200dcome,ｃｕｓｔｏｍｅｒ＿ｐｈｏｎｅ,\u200bDIRECTION\u3000\nH1,2026-10-01 09:00:00,answered,13812341234,OUT\n');
    const r = run(['--db', 'spelling.db', 'import', 'calls', '--format', 'json', 'spelling.csv']);
    expect(r.stderr).toBe(summary('spelling.csv', 1, 1, 1));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ignored_columns).toEqual([]);
    expect(rows(db('spelling.db'), 'SELECT call_id, outcome, customer_phone, direction FROM calls')).toEqual([
      { call_id: 'H1', outcome: 'answered', customer_phone: '13812341234', direction: 'outbound' },
    ]);
  });

  test('row 16: __proto__, constructor, toString, hasOwnProperty are ignored and listed; the row is intact', () => {
    write('proto.csv', '__proto__,call_id,constructor,started_at,toString,outcome,hasOwnProperty\nx,P1,y,2026-10-01 09:00:00,z,answered,w\n');
    const r = run(['--db', 'proto.db', 'import', 'calls', '--format', 'json', 'proto.csv']);
    expect(r.stderr).toBe('proto.csv: ignored columns: __proto__, constructor, toString, hasOwnProperty\n' + summary('proto.csv', 1, 1, 1));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ignored_columns).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    const listed = JSON.parse(run(['--db', 'proto.db', 'calls', 'list', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ call_id: 'P1', started_at: '2026-10-01T09:00:00', outcome: 'answered', direction: 'inbound' });
    expect(Object.keys(listed[0] as object).filter((k) => ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].includes(k))).toEqual([]);
  });

  test('row 16: __proto__ twice is a duplicate column: exit 3, nothing written', () => {
    write('proto-dup.csv', '__proto__,call_id,__proto__,started_at,outcome\nx,P1,y,2026-10-01 09:00:00,answered\n');
    expect(run(['--db', 'proto-dup.db', 'import', 'calls', 'proto-dup.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: 'error: proto-dup.csv: line 1: duplicate column "__proto__" (columns 1 and 3)\nhint: rename or remove one of them; hotline never guesses which one holds the data\n',
    });
    expectNothingWritten('proto-dup.db');
  });
});

describe('rows 19–21: phones and long identifiers', () => {
  test('row 19: phone spellings are stored normalised, leading zeros kept, masked in reports', () => {
    write('phones.csv', [
      'call_id,started_at,outcome,customer_phone',
      'P1,2026-10-01 09:00:00,answered,13812341234',
      'P2,2026-10-01 09:01:00,answered,+86 138 1234 5678',
      'P3,2026-10-01 09:02:00,answered,138-1234-5678',
      'P4,2026-10-01 09:03:00,answered,010-12345678',
      'P5,2026-10-01 09:04:00,answered,0755 1234 5678',
      'P6,2026-10-01 09:05:00,answered,１３８１２３４１２３４',
    ].join('\n') + '\n');
    const r = run(['--db', 'phones.db', 'import', 'calls', 'phones.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: summary('phones.csv', 6, 6, 1) });
    expect(rows(db('phones.db'), 'SELECT call_id, customer_phone FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'P1', customer_phone: '13812341234' },
      { call_id: 'P2', customer_phone: '13812345678' },
      { call_id: 'P3', customer_phone: '13812345678' },
      { call_id: 'P4', customer_phone: '01012345678' },
      { call_id: 'P5', customer_phone: '075512345678' },
      { call_id: 'P6', customer_phone: '13812341234' },
    ]);
    const listed = JSON.parse(run(['--db', 'phones.db', 'calls', 'list', '--format', 'json']).stdout) as { customer_phone: string }[];
    expect(listed.every((c) => c.customer_phone.includes('****'))).toBe(true);
  });

  test('row 20: a phone mangled by Excel (1.38123E+10): exit 3 with the Excel hint, nothing written', () => {
    write('excel-phone.csv', 'call_id,started_at,outcome,customer_phone\nP1,2026-10-01 09:00:00,answered,1.38123E+10\n');
    expect(run(['--db', 'excel-phone.db', 'import', 'calls', 'excel-phone.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: excel-phone.csv: 1 bad row; nothing was imported from this file',
        '  line 2: column 4 (customer_phone): "1.38123E+10" is a phone number mangled by Excel (the column was saved by Excel as a number; format it as text in Excel and export again)',
        ROWS_HINT,
        '',
      ].join('\n'),
    });
    expectNothingWritten('excel-phone.db');
  });

  test('row 21: 18–19 digit order numbers round-trip exactly through orders list --format json', () => {
    const ids = ['1234567890123456789', '202610010000000001', '0012345678901234567', '9999999999999999999'];
    write('long-ids.csv', 'order_id,created_at,operator_id\n' + ids.map((id, i) => `${id},2026-10-01 09:0${i}:00,1001\n`).join(''));
    expect(run(['--db', 'long-ids.db', 'import', 'orders', 'long-ids.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('long-ids.csv', 4, 4, 1) });
    const r = run(['--db', 'long-ids.db', 'orders', 'list', '--format', 'json']);
    expect(r.status).toBe(0);
    for (const id of ids) expect(r.stdout).toContain(`"order_id":"${id}"`);
    expect((JSON.parse(r.stdout) as { order_id: unknown }[]).map((o) => o.order_id).sort()).toEqual([...ids].sort());
    expect(rows(db('long-ids.db'), 'SELECT order_id, typeof(order_id) AS t FROM orders ORDER BY order_id').map((o) => o.t)).toEqual(['text', 'text', 'text', 'text']);
  });
});

describe('rows 22–23: dates and numbers', () => {
  const DATES = [
    'call_id,started_at,outcome',
    'T1,2026/11/3 9:05,answered',
    'T2,2026-11-03 09:05:00,answered',
    'T3,2020/2/10 22:41,answered',
    'T4,45963,answered',
    'T5,03/04/2026,answered',
    'T6,2026-02-30 10:00,answered',
    'T7,03/04/2026 10:00,answered',
  ].join('\n') + '\n';
  const DATE_ERRORS = [
    '  line 5: column 2 (started_at): "45963" is an Excel date serial number, not a date (format the column as yyyy-mm-dd hh:mm:ss in Excel and export again)',
    '  line 6: column 2 (started_at): "03/04/2026" is ambiguous (day and month order unknown) (use YYYY-MM-DD HH:mm:ss)',
    '  line 7: column 2 (started_at): "2026-02-30 10:00" is not a real date',
    '  line 8: column 2 (started_at): "03/04/2026 10:00" is ambiguous (day and month order unknown) (use YYYY-MM-DD HH:mm:ss)',
  ];

  test('row 22 strict: the Excel serial, ambiguous and impossible dates are named by line, nothing written', () => {
    write('dates.csv', DATES);
    expect(run(['--db', 'dates.db', 'import', 'calls', 'dates.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: ['error: dates.csv: 4 bad rows; nothing was imported from this file', ...DATE_ERRORS, ROWS_HINT, ''].join('\n'),
    });
    expectNothingWritten('dates.db');
  });

  test('row 22 --skip-invalid under TZ=UTC: the documented forms land in Asia/Shanghai local time', () => {
    write('dates-skip.csv', DATES);
    const r = run(['--db', 'dates-skip.db', 'import', 'calls', '--skip-invalid', '--rejects', 'dates.rejects.csv', 'dates-skip.csv'], { TZ: 'UTC' });
    expect(r).toEqual({ status: 0, stdout: '', stderr: summary('dates-skip.csv', 7, 3, 1, 'utf-8', 4, 'dates.rejects.csv') });
    expect(rows(db('dates-skip.db'), 'SELECT call_id, started_at, local_day, local_hour FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'T1', started_at: Date.UTC(2026, 10, 3, 1, 5) / 1000, local_day: '2026-11-03', local_hour: 9 },
      { call_id: 'T2', started_at: Date.UTC(2026, 10, 3, 1, 5) / 1000, local_day: '2026-11-03', local_hour: 9 },
      { call_id: 'T3', started_at: Date.UTC(2020, 1, 10, 14, 41) / 1000, local_day: '2020-02-10', local_hour: 22 },
    ]);
    const rejects = readFileSync(join(workDir(), 'dates.rejects.csv'), 'utf8');
    expect(rejects.split('\r\n').filter(Boolean).map((l) => l.split(',')[0])).toEqual(['\ufeffcall_id', 'T4', 'T5', 'T6', 'T7']);
  });

  test('row 23: 1,234.50, NaN and "-" in a number are refused with reasons; full-width digits and empty cells are fine', () => {
    const text = [
      'order_id,created_at,operator_id,fee,weight_kg',
      'N1,2026-10-01 09:00:00,1001,"1,234.50",1',
      'N2,2026-10-01 09:00:00,1001,NaN,1',
      'N3,2026-10-01 09:00:00,1001,-,1',
      'N4,2026-10-01 09:00:00,1001,１２３,',
    ].join('\n') + '\n';
    write('numbers.csv', text);
    expect(run(['--db', 'numbers.db', 'import', 'orders', 'numbers.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: numbers.csv: 3 bad rows; nothing was imported from this file',
        '  line 2: column 4 (fee): "1,234.50" has a thousands separator (write it as 1234.50)',
        '  line 3: column 4 (fee): "NaN" is not a number',
        '  line 4: column 4 (fee): "-" is not a number',
        ROWS_HINT,
        '',
      ].join('\n'),
    });
    expectNothingWritten('numbers.db');
    write('numbers-skip.csv', text);
    expect(run(['--db', 'numbers-skip.db', 'import', 'orders', '--skip-invalid', '--rejects', 'numbers.rejects.csv', 'numbers-skip.csv']).status).toBe(0);
    // The empty weight is NULL, never 0 (Number('') === 0).
    expect(rows(db('numbers-skip.db'), 'SELECT order_id, fee, weight_kg FROM orders')).toEqual([{ order_id: 'N4', fee: 123, weight_kg: null }]);
  });

  test('row 23: negative, over-24-hour and NaN durations are refused with reasons, nothing written', () => {
    write('durations.csv', [
      'call_id,started_at,outcome,talk_seconds',
      'R1,2026-10-01 09:00:00,answered,-5',
      'R2,2026-10-01 09:00:00,answered,86401',
      'R3,2026-10-01 09:00:00,answered,24:00:01',
      'R4,2026-10-01 09:00:00,answered,NaN',
      'R5,2026-10-01 09:00:00,answered,86400',
    ].join('\n') + '\n');
    expect(run(['--db', 'durations.db', 'import', 'calls', 'durations.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: durations.csv: 4 bad rows; nothing was imported from this file',
        '  line 2: column 4 (talk_seconds): "-5" is negative; a duration cannot be',
        '  line 3: column 4 (talk_seconds): "86401" is longer than 24 hours',
        '  line 4: column 4 (talk_seconds): "24:00:01" is longer than 24 hours',
        '  line 5: column 4 (talk_seconds): "NaN" is not a duration (use whole seconds (75) or H:MM:SS (0:01:15))',
        ROWS_HINT,
        '',
      ].join('\n'),
    });
    expectNothingWritten('durations.db');
  });
});

describe('row 24: empty, BOM-only and header-only files', () => {
  test('0 bytes: exit 3 "the file is empty", even with --skip-invalid, nothing written', () => {
    write('empty.csv', '');
    expect(run(['--db', 'empty.db', 'import', 'calls', '--skip-invalid', 'empty.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: 'error: empty.csv: the file is empty (0 bytes)\nhint: export the data again; a file needs at least a header line\n',
    });
    expectNothingWritten('empty.db');
  });

  test.each([
    { name: 'bom-only.csv', content: '\ufeff' },
    { name: 'blank-only.csv', content: '\r\n\n  \n' },
  ])('$name: exit 3 "no header line", nothing written', ({ name, content }) => {
    write(name, content);
    expect(run(['--db', `${name}.db`, 'import', 'calls', name])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: ${name}: the file has no header line (only a byte-order mark or blank lines)\n`,
    });
    expectNothingWritten(`${name}.db`);
  });

  test('header only: exit 0, 0 rows, a ledger entry, and a warning (issue 17.14)', () => {
    write('header-only.csv', '\ufeffcall_id,started_at,outcome\r\n');
    const r = run(['--db', 'header-only.db', 'import', 'calls', 'header-only.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: summary('header-only.csv', 0, 0, 1) + 'warning: header-only.csv: no data rows, only a header (--require-rows makes this an error)\n' });
    expect(ledger('header-only.db').map(({ import_id, kind, file, rows: n }) => ({ import_id, kind, file, n }))).toEqual([{ import_id: 1, kind: 'calls', file: 'header-only.csv', n: 0 }]);
    expect(tableCounts(db('header-only.db'))).toMatchObject({ imports: 1, calls: 0 });
  });
});

describe('row 25: blank lines and trailing delimiters', () => {
  test('blank, space-only and delimiter-only lines in the middle and at the end are skipped; line numbers stay physical', () => {
    write('blanks.csv', 'call_id,started_at,outcome\nB1,2026-10-01 09:00:00,answered\n\n   \n,,\nB2,2026-10-01 09:00:00,answered\n\n\nB3,2026-10-01 09:00:00,maybe\n\n\n');
    expect(run(['--db', 'blanks.db', 'import', 'calls', 'blanks.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: ['error: blanks.csv: 1 bad row; nothing was imported from this file', '  line 9: column 3 (outcome): "maybe" is not one of answered, abandoned', ROWS_HINT, ''].join('\n'),
    });
    expectNothingWritten('blanks.db');
    write('blanks-ok.csv', 'call_id,started_at,outcome\r\nB1,2026-10-01 09:00:00,answered\r\n\r\n   \r\n,,\r\nB2,2026-10-01 09:00:00,answered\r\n\r\n\r\n');
    expect(run(['--db', 'blanks-ok.db', 'import', 'calls', 'blanks-ok.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('blanks-ok.csv', 2, 2, 1) });
    expect(rows(db('blanks-ok.db'), 'SELECT call_id FROM calls ORDER BY call_id')).toEqual([{ call_id: 'B1' }, { call_id: 'B2' }]);
  });

  // Regression test (found while writing these tests, since fixed).
  test('blank lines before the header are skipped too', () => {
    write('lead-blanks.csv', '\n\n  \ncall_id,started_at,outcome\nA1,2026-10-01 09:00:00,answered\n');
    expect(run(['--db', 'lead-blanks.db', 'import', 'calls', 'lead-blanks.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('lead-blanks.csv', 1, 1, 1) });
  });

  test('a trailing delimiter on every line, header included: the empty column is ignored silently', () => {
    write('trailing.csv', 'call_id,started_at,outcome,\nB1,2026-10-01 09:00:00,answered,\nB2,2026-10-01 09:00:00,abandoned,\n');
    const r = run(['--db', 'trailing.db', 'import', 'calls', '--format', 'json', 'trailing.csv']);
    expect(r.stderr).toBe(summary('trailing.csv', 2, 2, 1));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ignored_columns).toEqual([]);
    expect(rows(db('trailing.db'), 'SELECT call_id, outcome FROM calls ORDER BY call_id')).toEqual([{ call_id: 'B1', outcome: 'answered' }, { call_id: 'B2', outcome: 'abandoned' }]);
  });

  test('a trailing delimiter on every row but not the header: every row errors consistently, nothing written', () => {
    write('trailing-rows.csv', 'call_id,started_at,outcome\nB1,2026-10-01 09:00:00,answered,\nB2,2026-10-01 09:00:00,answered,\n');
    const more = (line: number): string => `  line ${line}: 4 fields, more than the 3 columns of the header (an unquoted delimiter inside a value? quote the value)`;
    expect(run(['--db', 'trailing-rows.db', 'import', 'calls', 'trailing-rows.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: ['error: trailing-rows.csv: 2 bad rows; nothing was imported from this file', more(2), more(3), ROWS_HINT, ''].join('\n'),
    });
    expectNothingWritten('trailing-rows.db');
  });
});

describe('row 28: binary input', () => {
  const EXCEL_HINT = 'hint: open it in Excel and save as "CSV UTF-8 (Comma delimited)"';

  test('an .xlsx renamed .csv: exit 3 "Excel workbook", nothing written', () => {
    write('book.csv', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.alloc(300, 0x41)]));
    expect(run(['--db', 'book.db', 'import', 'calls', '--skip-invalid', 'book.csv'])).toEqual({
      status: 3, stdout: '', stderr: `error: book.csv: this is an Excel workbook (.xlsx), not a CSV file\n${EXCEL_HINT}\n`,
    });
    expectNothingWritten('book.db');
  });

  test('an .xls: exit 3 "old Excel workbook", nothing written', () => {
    write('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(300, 0)]));
    expect(run(['--db', 'xls.db', 'import', 'calls', 'old.xls'])).toEqual({
      status: 3, stdout: '', stderr: `error: old.xls: this is an old Excel workbook (.xls), not a CSV file\n${EXCEL_HINT}\n`,
    });
    expectNothingWritten('xls.db');
  });

  test('a NUL byte in the first 64 KiB: exit 3 with line and byte, nothing written', () => {
    const before = 'call_id,started_at,outcome\nN1,2026-10-01 09:00:00,ans';
    write('nul.csv', Buffer.concat([Buffer.from(before), Buffer.from([0]), Buffer.from('wered\n')]));
    expect(run(['--db', 'nul.db', 'import', 'calls', 'nul.csv'])).toEqual({
      status: 3, stdout: '', stderr: `error: nul.csv: line 2: byte ${before.length}: NUL byte: this is a binary file, not a CSV text export\nhint: export the data as CSV text\n`,
    });
    expectNothingWritten('nul.db');
  });

  test('UTF-16 without a BOM is refused as binary (NUL bytes)', () => {
    write('u16-nobom.csv', iconv.encode('call_id,started_at,outcome\nU1,2026-10-01 09:00:00,answered\n', 'utf16le'));
    expect(run(['--db', 'u16-nobom.db', 'import', 'calls', 'u16-nobom.csv'])).toEqual({
      status: 3, stdout: '', stderr: 'error: u16-nobom.csv: line 1: byte 1: NUL byte: this is a binary file, not a CSV text export\nhint: export the data as CSV text\n',
    });
    expectNothingWritten('u16-nobom.db');
  });

  // Regression test (found while writing these tests, since fixed).
  test('a NUL byte past the first 64 KiB: exit 3 with line and byte, nothing written', () => {
    const head = 'call_id,started_at,outcome,customer_address\n' + callLines(3000).replaceAll('answered\n', 'answered,x\n');
    const prefix = Buffer.from(head + 'X1,2026-10-01 09:00:00,answered,a');
    expect(prefix.length).toBeGreaterThan(64 * 1024);
    write('late-nul.csv', Buffer.concat([prefix, Buffer.from([0]), Buffer.from('b\n')]));
    const r = run(['--db', 'late-nul.db', 'import', 'calls', 'late-nul.csv']);
    expect(rows<{ customer_address: string | null }>(db('late-nul.db'), 'SELECT customer_address FROM calls').filter((c) => c.customer_address?.includes('\0'))).toEqual([]);
    expect(r).toEqual({
      status: 3, stdout: '', stderr: `error: late-nul.csv: line 3002: byte ${prefix.length}: NUL byte: this is a binary file, not a CSV text export\nhint: export the data as CSV text\n`,
    });
    expectNothingWritten('late-nul.db');
  });
});

describe('row 29: other delimiters', () => {
  test('a semicolon-delimited file is detected', () => {
    write('semi.csv', 'call_id;started_at;outcome;customer_address\nS1;2026-10-01 09:00:00;answered;"上海市;浦东"\n');
    const r = run(['--db', 'semi.db', 'import', 'calls', '--format', 'json', 'semi.csv']);
    expect(r.stderr).toBe(summary('semi.csv', 1, 1, 1));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ delimiter: ';', rows: 1, inserted: 1 });
    expect(rows(db('semi.db'), 'SELECT call_id, customer_address FROM calls')).toEqual([{ call_id: 'S1', customer_address: '上海市;浦东' }]);
  });

  test('--delimiter , on a semicolon file: one-column header, exit 3 with the --delimiter hint, nothing written', () => {
    write('semi-forced.csv', 'call_id;started_at;outcome\nS1;2026-10-01 09:00:00;answered\n');
    expect(run(['--db', 'semi-forced.db', 'import', 'calls', '--delimiter', ',', 'semi-forced.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: semi-forced.csv: line 1: missing required columns: call_id, started_at, outcome',
        ...CALLS_HEADER_LINES,
        'hint: the header is one column: the file may use another delimiter; try --delimiter ";" or --delimiter tab',
        '',
      ].join('\n'),
    });
    expectNothingWritten('semi-forced.db');
  });
});

describe('row 33: hostile paths', () => {
  const ONE = 'call_id,started_at,outcome\nR1,2026-10-01 09:00:00,answered\n';
  const NOT_REGULAR = (f: string): string => `error: ${f}: not a regular file (a directory, pipe or device)\nhint: import a CSV file saved on disk\n`;

  test('a file named -rf.csv: after -- it is imported; without -- it is an unknown option (exit 2), nothing deleted', () => {
    write('-rf.csv', ONE);
    expect(run(['--db', 'dash.db', 'import', 'calls', '-rf.csv'])).toEqual({ status: 2, stdout: '', stderr: "error: unknown option '-rf.csv'\n" });
    expectNothingWritten('dash.db');
    expect(run(['--db', 'dash.db', 'import', 'calls', '--', '-rf.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('-rf.csv', 1, 1, 1) });
    expect(existsSync(join(workDir(), '-rf.csv'))).toBe(true);
    expect(ledger('dash.db').map((l) => l.file)).toEqual(['-rf.csv']);
  });

  test('a path with spaces and Chinese', () => {
    mkdirSync(join(workDir(), '十月 导出'), { recursive: true });
    write('十月 导出/话单 第1批.csv', ONE);
    expect(run(['--db', 'zh path.db', 'import', 'calls', '十月 导出/话单 第1批.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('十月 导出/话单 第1批.csv', 1, 1, 1) });
    expect(rows(db('zh path.db'), 'SELECT call_id FROM calls')).toEqual([{ call_id: 'R1' }]);
    expect(ledger('zh path.db').map((l) => l.file)).toEqual(['话单 第1批.csv']);
  });

  test('a FIFO is refused without hanging (nobody ever writes to it)', () => {
    expect(spawnSync('mkfifo', [join(workDir(), 'pipe.csv')]).status).toBe(0);
    const r = hotlineWithin(['--db', 'fifo.db', 'import', 'calls', 'pipe.csv'], { cwd: workDir(), env: { TZ: 'Asia/Shanghai' }, timeoutMs: 10_000 });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 3, stdout: '', stderr: NOT_REGULAR('pipe.csv') });
    expect(r.ms).toBeLessThan(10_000);
    expectNothingWritten('fifo.db');
  });

  test('/dev/zero and a directory are refused quickly, nothing written', () => {
    for (const path of ['/dev/zero', '/dev/null']) {
      const r = hotlineWithin(['--db', 'dev.db', 'import', 'calls', path], { cwd: workDir(), env: { TZ: 'Asia/Shanghai' }, timeoutMs: 10_000 });
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 3, stdout: '', stderr: NOT_REGULAR(path) });
    }
    mkdirSync(join(workDir(), 'a-dir.csv'), { recursive: true });
    expect(run(['--db', 'dev.db', 'import', 'calls', 'a-dir.csv'])).toEqual({ status: 3, stdout: '', stderr: NOT_REGULAR('a-dir.csv') });
    expectNothingWritten('dev.db');
  });

  test('the database itself, by name, by ./ path and through a symlink: exit 2, database unchanged', () => {
    write('seed.csv', ONE);
    expect(run(['--db', 'self.db', 'import', 'calls', 'seed.csv']).status).toBe(0);
    symlinkSync(db('self.db'), join(workDir(), 'self-link.csv'));
    const before = snapshot(db('self.db'));
    const bytes = readFileSync(db('self.db'));
    for (const path of ['self.db', './self.db', db('self.db'), 'self-link.csv']) {
      expect(run(['--db', 'self.db', 'import', 'calls', path])).toEqual({ status: 2, stdout: '', stderr: `error: ${path}: this is the hotline database itself, not an export\n` });
    }
    expect(snapshot(db('self.db'))).toEqual(before);
    expect(readFileSync(db('self.db')).equals(bytes)).toBe(true);
  });
});
