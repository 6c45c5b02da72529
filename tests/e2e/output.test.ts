// What the list commands write: masked customer data, neutralised formulas, --out files, `| head`,
// and no escape codes where a terminal cannot show them.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir, type CliResult } from '../helpers/cli.js';
import { bash, csv, escapes, generateCalls, hotlineWithin, inTerminal, rows } from './support.js';

let dir: string;
let cleanup: () => void;

/** Customer data with formula payloads (RELIABILITY.md table row 18) and phones in several forms. */
const PAYLOADS = csv(['call_id', 'started_at', 'outcome', 'customer_name', 'customer_phone', 'customer_address', 'topic'], [
  ['F1', '2026-10-01 09:00:00', 'answered', '=HYPERLINK("http://x")', '13812341234', '@SUM(A1)', '+1'],
  ['F2', '2026-10-01 09:01:00', 'answered', '张三', '+86 139 0000 1111', '-2+3', '\t=1'],
  ['F3', '2026-10-01 09:02:00', 'answered', '欧阳娜娜', '010-12345678', '上海市浦东新区人民路1号', '＝1+1'],
  ['F4', '2026-10-01 09:03:00', 'answered', "-2+3+cmd|' /C calc'!A0", '', '=1+2";=1+2', '-5'],
  // A carriage return or line feed before the formula (written quoted, so they stay in the cell).
  ['F5', '2026-10-01 09:04:00', 'answered', '\r=1', '', '\n=1', '\r=1'],
  ['F6', '2026-10-01 09:05:00', 'answered', '\n=1', '', '\r=1', '\n=1'],
]);

const HEADER = 'call_id,started_at,operator_id,direction,outcome,wait_seconds,talk_seconds,hold_seconds,acw_seconds,category,topic,complaint_reason,customer_name,customer_phone,customer_address,tracking_no,satisfaction,resolved';

const MASKED = [
  HEADER,
  "F1,2026-10-01 09:00:00,,inbound,answered,,,,,,'+1,,'=*********************,138****1234,'@SU****,,,",
  "F2,2026-10-01 09:01:00,,inbound,answered,,,,,,'\t=1,,张*,139****1111,'-2+****,,,",
  "F3,2026-10-01 09:02:00,,inbound,answered,,,,,,'＝1+1,,欧***,010****5678,上海市****,,,",
  "F4,2026-10-01 09:03:00,,inbound,answered,,,,,,'-5,,'-*********************,,'=1+****,,,",
  `F5,2026-10-01 09:04:00,,inbound,answered,,,,,,"'\r=1",,"'\r**",,"'\n=****",,,`,
  `F6,2026-10-01 09:05:00,,inbound,answered,,,,,,"'\n=1",,"'\n**",,"'\r=****",,,`,
  '',
].join('\r\n');

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-output-'));
  writeFileSync(join(dir, 'payloads.csv'), PAYLOADS);
  expect(run(['--db', 'pii.db', 'import', 'calls', 'payloads.csv']).status).toBe(0);
  generateCalls(join(dir, 'year.csv'), 4000);
  expect(run(['--db', 'year.db', 'import', 'calls', 'year.csv']).status).toBe(0);
  writeFileSync(join(dir, 'operators.csv'), csv(['工号', '姓名', '班组', '入职日期'], [['1001', '张三', '一组', '2020-01-01'], ['1002', '李四', '二组', '2021-03-01']]));
  expect(run(['--db', 'pii.db', 'import', 'operators', 'operators.csv']).status).toBe(0);
});
afterAll(() => cleanup());

function run(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  return hotline(args, { cwd: dir, env });
}

const tmpFiles = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('customer data and formulas in CSV', () => {
  test('stored as written (cells trimmed of spaces, tabs kept, phones normalised)', () => {
    expect(rows(join(dir, 'pii.db'), 'SELECT call_id, customer_name, customer_phone, customer_address, topic FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'F1', customer_name: '=HYPERLINK("http://x")', customer_phone: '13812341234', customer_address: '@SUM(A1)', topic: '+1' },
      // Cells lose surrounding spaces (ASCII and U+3000) but keep tabs (trimSpaces in
      // src/io/row-plan.ts), so the "\t=1" payload is stored verbatim (RELIABILITY.md row 18).
      { call_id: 'F2', customer_name: '张三', customer_phone: '13900001111', customer_address: '-2+3', topic: '\t=1' },
      { call_id: 'F3', customer_name: '欧阳娜娜', customer_phone: '01012345678', customer_address: '上海市浦东新区人民路1号', topic: '＝1+1' },
      { call_id: 'F4', customer_name: "-2+3+cmd|' /C calc'!A0", customer_phone: null, customer_address: '=1+2";=1+2', topic: '-5' },
      { call_id: 'F5', customer_name: '\r=1', customer_phone: null, customer_address: '\n=1', topic: '\r=1' },
      { call_id: 'F6', customer_name: '\n=1', customer_phone: null, customer_address: '\r=1', topic: '\n=1' },
    ]);
  });

  test('calls list --format csv: phones 138****1234, names 张*, every formula cell prefixed with \'', () => {
    expect(run(['--db', 'pii.db', 'calls', 'list', '--format', 'csv'])).toEqual({ status: 0, stdout: MASKED, stderr: '' });
  });

  test('--show-pii: the raw values, still neutralised', () => {
    expect(run(['--db', 'pii.db', 'calls', 'list', '--format', 'csv', '--show-pii', '--reason', 'test'])).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        HEADER,
        `F1,2026-10-01 09:00:00,,inbound,answered,,,,,,'+1,,"'=HYPERLINK(""http://x"")",13812341234,'@SUM(A1),,,`,
        "F2,2026-10-01 09:01:00,,inbound,answered,,,,,,'\t=1,,张三,13900001111,'-2+3,,,",
        "F3,2026-10-01 09:02:00,,inbound,answered,,,,,,'＝1+1,,欧阳娜娜,01012345678,上海市浦东新区人民路1号,,,",
        `F4,2026-10-01 09:03:00,,inbound,answered,,,,,,'-5,,'-2+3+cmd|' /C calc'!A0,,"'=1+2"";=1+2",,,`,
        `F5,2026-10-01 09:04:00,,inbound,answered,,,,,,"'\r=1",,"'\r=1",,"'\n=1",,,`,
        `F6,2026-10-01 09:05:00,,inbound,answered,,,,,,"'\n=1",,"'\n=1",,"'\r=1",,,`,
        '',
      ].join('\r\n'),
    });
  });

  test('--format json masks too, and leaves text as it is (JSON is not opened by Excel)', () => {
    const r = run(['--db', 'pii.db', 'calls', 'list', '--format', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((c) => [c.customer_name, c.customer_phone, c.customer_address, c.topic])).toEqual([
      ['=*********************', '138****1234', '@SU****', '+1'],
      ['张*', '139****1111', '-2+****', '\t=1'],
      ['欧***', '010****5678', '上海市****', '＝1+1'],
      ['-*********************', null, '=1+****', '-5'],
      ['\r**', null, '\n=****', '\r=1'],
      ['\n**', null, '\r=****', '\n=1'],
    ]);
  });
});

describe('formula payloads in xlsx (bonus --format xlsx, the only xlsx export)', () => {
  // Every payload of RELIABILITY.md row 18, as an operator's name and (shifted by one) team: the
  // bonus sheet shows both unmasked, so the cell should hold the payload exactly as imported.
  const FORMULAS = ['=HYPERLINK("http://x","y")', '@SUM(A1)', "-2+3+cmd|' /C calc'!A0", '\t=1', '\r=1', '\n=1', '＝1+1', '=1+2";=1+2'];
  const ids = FORMULAS.map((_, i) => String(1001 + i));
  const team = (i: number): string => FORMULAS[(i + 1) % FORMULAS.length] as string;
  /** The payload cells (name, team) of the sheet: where each is, what it should hold, what it holds. */
  let cells: { row: number; col: number; expected: string; cell: ExcelJS.Cell }[] = [];
  let sheetXml = '';

  beforeAll(async () => {
    writeFileSync(join(dir, 'roster-payloads.csv'), csv(['operator_id', 'name', 'team', 'hire_date', 'base_salary', 'performance_base'], FORMULAS.map((f, i) => [ids[i] as string, f, team(i), '2020-01-01', 4000, 2000])));
    expect(run(['--db', 'xlsx.db', 'import', 'operators', 'roster-payloads.csv'])).toEqual({ status: 0, stdout: '', stderr: 'roster-payloads.csv: 8 rows: 8 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8)\n' });
    expect(rows(join(dir, 'xlsx.db'), 'SELECT name, team FROM operators ORDER BY operator_id')).toEqual(FORMULAS.map((f, i) => ({ name: f, team: team(i) })));
    // A month is finalized only with calls in it (issue 17): one call, and the scores not entered.
    writeFileSync(join(dir, 'one-call.csv'), csv(['call_id', 'started_at', 'operator_id', 'outcome'], [['X1', '2026-10-12 10:00:00', '1001', 'answered']]));
    expect(run(['--db', 'xlsx.db', 'import', 'calls', 'one-call.csv']).status).toBe(0);
    expect(run(['--db', 'xlsx.db', 'appraise', 'run', '--month', '2026-10', '--finalize', '--allow-missing', '--format', 'json']).status).toBe(0);
    expect(run(['--db', 'xlsx.db', 'bonus', '--month', '2026-10', '--format', 'xlsx', '--out', 'payloads.xlsx'])).toEqual({ status: 0, stdout: '', stderr: 'wrote payloads.xlsx\n' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'payloads.xlsx'));
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['operator_id', 'name', 'team']);
    expect(FORMULAS.map((_, i) => ws.getCell(i + 2, 1).value)).toEqual(ids);
    cells = FORMULAS.flatMap((f, i) => [
      { row: i + 2, col: 2, expected: f, cell: ws.getCell(i + 2, 2) },
      { row: i + 2, col: 3, expected: team(i), cell: ws.getCell(i + 2, 3) },
    ]);
    const sheet = spawnSync('unzip', ['-p', join(dir, 'payloads.xlsx'), 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    expect(sheet.status).toBe(0);
    sheetXml = sheet.stdout;
  });

  test('every payload is a string cell, never a formula, with the text as stored', () => {
    expect(cells).toHaveLength(16);
    for (const { row, col, expected, cell } of cells) {
      expect({ row, col, type: cell.type, formula: cell.formula, value: cell.value }).toEqual({ row, col, type: ExcelJS.ValueType.String, formula: undefined, value: expected });
    }
    // The sheet's own XML: each payload cell is a shared-string cell (t="s"), and no cell of the
    // sheet has an <f> (formula) element.
    expect(sheetXml).toContain('<sheetData>');
    for (const { row, col } of cells) expect(sheetXml).toMatch(new RegExp(`<c r="${'ABC'[col - 1]}${row}"[^>]* t="s"><v>\\d+</v></c>`));
    expect(sheetXml).not.toMatch(/<f[ >\/]/);
  });

  // exceljs writes a carriage return raw into sharedStrings.xml, and every XML reader turns a raw
  // CR into LF (XML 1.0 §2.11), so hotline writes it as _x000D_, as Excel does.
  test('a carriage return in a payload survives the round trip ("\\r=1" is read back as "\\r=1")', () => {
    const withCr = cells.filter((c) => c.expected.includes('\r'));
    expect(withCr).toHaveLength(2);
    for (const { row, col, expected, cell } of withCr) expect({ row, col, value: cell.value }).toEqual({ row, col, value: expected });
  });
});

describe('--out', () => {
  test('writes a UTF-8 BOM CSV (the same rows as stdout), atomically, and --force replaces it', () => {
    const r = run(['--db', 'pii.db', 'calls', 'list', '--out', 'calls.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'calls.csv'), 'utf8')).toBe('\ufeff' + MASKED);
    expect(tmpFiles()).toEqual([]);
    const forced = run(['--db', 'pii.db', 'calls', 'list', '--out', 'calls.csv', '--force', '--limit', '1']);
    expect(forced).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'calls.csv'), 'utf8')).toBe('\ufeff' + MASKED.split('\r\n').slice(0, 2).join('\r\n') + '\r\n');
    expect(tmpFiles()).toEqual([]);
  });

  test('an existing --out file is kept without --force (operators list): exit 2', () => {
    writeFileSync(join(dir, 'roster.csv'), 'keep me\n');
    expect(run(['--db', 'pii.db', 'operators', 'list', '--out', 'roster.csv'])).toEqual({
      status: 2, stdout: '', stderr: 'error: roster.csv already exists\nhint: choose another --out file, or add --force to replace it\n',
    });
    expect(readFileSync(join(dir, 'roster.csv'), 'utf8')).toBe('keep me\n');
    expect(tmpFiles()).toEqual([]);
  });

  // Regression test (found while writing these tests, since fixed).
  test('calls list and orders list refuse an existing --out file without --force: exit 2', () => {
    writeFileSync(join(dir, 'existing.csv'), 'keep me\n');
    for (const list of ['calls', 'orders']) {
      const r = run(['--db', 'pii.db', list, 'list', '--out', 'existing.csv']);
      expect(readFileSync(join(dir, 'existing.csv'), 'utf8')).toBe('keep me\n');
      expect(tmpFiles()).toEqual([]);
      expect({ list, ...r }).toEqual({ list, status: 2, stdout: '', stderr: 'error: existing.csv already exists\nhint: choose another --out file, or add --force to replace it\n' });
    }
  });

  // Regression test (found while writing these tests, since fixed).
  // A usage error, not a database problem (issue 17.8; it was exit 4 "cannot write (ENOENT)").
  test('calls list --out into a missing directory: exit 2 naming the directory', () => {
    const r = run(['--db', 'pii.db', 'calls', 'list', '--out', 'no-such-dir/calls.csv']);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'error: no-such-dir/calls.csv: the directory no-such-dir does not exist\nhint: create it first (mkdir -p no-such-dir), or choose another --out file\n' });
  });
});

describe('the ledger as JSON', () => {
  // Regression test (found while writing these tests, since fixed).
  test('imports --format json uses the same column names as the CSV', () => {
    const header = run(['--db', 'pii.db', 'imports', '--format', 'csv']).stdout.split('\r\n')[0]?.split(',');
    expect(header).toEqual(['import_id', 'kind', 'file', 'sha256', 'encoding', 'rows', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped', 'imported_at', 'user', 'range_start', 'range_end', 'continues']);
    const ledger = JSON.parse(run(['--db', 'pii.db', 'imports', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(ledger.map((r) => r.file)).toEqual(['operators.csv', 'payloads.csv']);
    expect(Object.keys(ledger[0] as object)).toEqual(header);
  });
});

describe('pipes', () => {
  test.each([
    { format: 'csv', head: 'head -1', first: HEADER + '\r' }, // CSV lines end in CRLF
    // Piped, a JSON report is one line (JSON Lines): its first byte, then head goes.
    { format: 'json', head: '{ head -c 1; echo; }', first: '[' },
  ])('calls list --format $format | $head: hotline exits 0 with no EPIPE stack', ({ format, head, first }) => {
    // 4000 rows are about 650 KB, far more than a pipe holds: head exits while hotline still writes.
    const r = bash(`hotline --db year.db calls list --format ${format} 2>err.txt | ${head}; echo "status=\${PIPESTATUS[0]}"; cat err.txt`, { cwd: dir });
    expect(r).toEqual({ status: 0, stdout: `${first}\nstatus=0\n`, stderr: '' });
  });

  test('piped, a table has no colour even without NO_COLOR', () => {
    const r = bash('hotline --db pii.db operators list --format table | cat; echo "status=${PIPESTATUS[0]}"', { cwd: dir, env: { NO_COLOR: undefined, TERM: 'xterm-256color', FORCE_COLOR: undefined } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('│ 1001        │ 张三 │ 一组 │ 2020-01-01 │');
    expect(r.stdout.endsWith('status=0\n')).toBe(true);
    expect(escapes(r.stdout)).toEqual([]);
  });
});

describe('escape codes on a terminal', () => {
  const tableCommands = [
    ['--db', 'pii.db', 'operators', 'list'],
    ['--db', 'pii.db', 'calls', 'list', '--limit', '2'],
    ['--db', 'pii.db', 'imports'],
  ];

  test('a terminal table has colour by default (the control for the tests below)', () => {
    const r = inTerminal(tableCommands[0] as string[], { cwd: dir, env: { NO_COLOR: undefined, TERM: 'xterm-256color', FORCE_COLOR: undefined } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1001');
    expect(escapes(r.stdout).length).toBeGreaterThan(0);
  });

  test.each([
    { name: 'NO_COLOR=1', env: { NO_COLOR: '1', TERM: 'xterm-256color' } },
    { name: 'TERM=dumb', env: { NO_COLOR: undefined, TERM: 'dumb' } },
  ])('$name: no ESC byte in any table', ({ env }) => {
    for (const args of tableCommands) {
      const r = inTerminal(args, { cwd: dir, env: { FORCE_COLOR: undefined, ...env } });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('┌');
      expect(escapes(r.stdout)).toEqual([]);
    }
  });

  // Regression test (found while writing these tests, since fixed).
  test('TERM=dumb: an import writes no ESC byte', () => {
    const r = inTerminal(['--db', 'progress.db', 'import', 'calls', 'payloads.csv'], { cwd: dir, env: { NO_COLOR: '1', TERM: 'dumb' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('payloads.csv: 6 rows: 6 inserted');
    expect(escapes(r.stdout)).toEqual([]);
  });
});

describe('terminal tables of many calls', () => {
  // The default on a terminal is a table (PRODUCT.md §4), and cli-table3's layout time grows
  // faster than its rows (once 1000 calls ~3 s, 4000 ~9 s, 300000 "Maximum call stack size
  // exceeded"). A terminal table now draws at most 500 rows (MAX_TABLE_ROWS in
  // src/io/render/table.ts) and says how many it left out: a 2500-row request is fast and capped.
  test('a 2500-row table is rendered within 3 seconds, capped at 500 rows with a note', () => {
    const r = hotlineWithin(['--db', 'year.db', 'calls', 'list', '--format', 'table', '--limit', '2500'], { cwd: dir, timeoutMs: 3000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.ms).toBeLessThan(3000);
    const lines = r.stdout.split('\n');
    // top border, header, separator, 500 rows, bottom border, the note, and the final line end
    expect(lines.length).toBe(500 + 4 + 1 + 1);
    expect(lines.filter((l) => l.startsWith('│ C')).length).toBe(500);
    expect(lines[3]?.startsWith('│ C000000000 │')).toBe(true);
    expect(lines[502]?.startsWith('│ C000000499 │')).toBe(true);
    expect(lines[503]?.startsWith('└')).toBe(true);
    expect(lines.slice(-2)).toEqual(['(… and 2000 more rows: a terminal table shows 500; use --limit, or --format csv)', '']);
  });
});
