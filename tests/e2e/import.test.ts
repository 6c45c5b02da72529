// `hotline import` on the built binary: encodings, bad rows, --skip-invalid, re-imports,
// overlapping exports, repeated keys, the JSON summary and time zones. Each test writes its own
// files into a temp dir and checks what the command printed and what the database holds.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { csv, rows, snapshot, tableCounts, zeros, workspace } from './support.js';

const { run, write, db, dir: workDir } = workspace('hotline-e2e-import-');

describe('encodings', () => {
  // A GBK export from a Windows phone system: Chinese headers and values, CRLF.
  const GBK_TEXT = [
    '通话编号,来电时间,坐席工号,呼叫方向,呼叫结果,等待时长,通话时长,业务类型,咨询类型,投诉原因,客户姓名,客户电话,客户地址,满意度,是否解决',
    'G001,2026-10-01 09:00:00,1001,呼入,已接听,12,300,咨询,运费咨询,,张三,13812341234,上海市浦东新区人民路1号,5,是',
    'G002,2026/10/1 9:05,1002,呼入,放弃,40,0,,,,,13900001111,,,',
    'G003,2026-10-01 10:00,1003,呼入,接通,3,120,投诉,,延误,欧阳娜娜,010-12345678,广东省深圳市南山区科技园路1号,2,否',
  ].join('\r\n') + '\r\n';

  test('a GBK file with Chinese headers imports with a notice (--verbose), and its text is stored as Chinese', () => {
    const file = write('话单-gbk.csv', iconv.encode(GBK_TEXT, 'gbk'));
    expect(readFileSync(join(workDir(), file)).includes(Buffer.from('张三'))).toBe(false); // really not UTF-8
    const r = run(['--db', 'gbk.db', '--verbose', 'import', 'calls', file]);
    expect(r).toEqual({
      status: 0,
      stdout: '',
      stderr:
        '话单-gbk.csv: not UTF-8; decoding as GB18030 (GBK). Use --encoding to choose another.\n' +
        '话单-gbk.csv: 3 rows: 3 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, gb18030)\n',
    });
    const stored = rows(db('gbk.db'), `SELECT call_id, local_day, direction, outcome, wait_seconds, talk_seconds, category, topic, complaint_reason,
      customer_name, customer_phone, customer_address, satisfaction, resolved FROM calls ORDER BY call_id`);
    expect(stored).toEqual([
      { call_id: 'G001', local_day: '2026-10-01', direction: 'inbound', outcome: 'answered', wait_seconds: 12, talk_seconds: 300, category: 'consultation', topic: '运费咨询', complaint_reason: null, customer_name: '张三', customer_phone: '13812341234', customer_address: '上海市浦东新区人民路1号', satisfaction: 5, resolved: 1 },
      { call_id: 'G002', local_day: '2026-10-01', direction: 'inbound', outcome: 'abandoned', wait_seconds: 40, talk_seconds: 0, category: null, topic: null, complaint_reason: null, customer_name: null, customer_phone: '13900001111', customer_address: null, satisfaction: null, resolved: null },
      { call_id: 'G003', local_day: '2026-10-01', direction: 'inbound', outcome: 'answered', wait_seconds: 3, talk_seconds: 120, category: 'complaint', topic: null, complaint_reason: 'delay', customer_name: '欧阳娜娜', customer_phone: '01012345678', customer_address: '广东省深圳市南山区科技园路1号', satisfaction: 2, resolved: 0 },
    ]);
    const everything = JSON.stringify([snapshot(db('gbk.db')), run(['--db', 'gbk.db', 'calls', 'list', '--format', 'csv', '--show-pii', '--reason', 'test']).stdout]);
    expect(everything.includes('\ufffd')).toBe(false);
    expect(rows(db('gbk.db'), 'SELECT file_name, encoding, rows, inserted FROM imports')).toEqual([{ file_name: '话单-gbk.csv', encoding: 'gb18030', rows: 3, inserted: 3 }]);
  });

  test('--encoding gbk reads the same file without the notice', () => {
    const file = write('explicit-gbk.csv', iconv.encode(GBK_TEXT, 'gbk'));
    const r = run(['--db', 'gbk-explicit.db', 'import', 'calls', '--encoding', 'gbk', file]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'explicit-gbk.csv: 3 rows: 3 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, gb18030)\n' });
    expect(rows(db('gbk-explicit.db'), 'SELECT customer_name FROM calls ORDER BY call_id')).toEqual([{ customer_name: '张三' }, { customer_name: null }, { customer_name: '欧阳娜娜' }]);
  });

  test('a UTF-8 BOM does not stick to the first header: an unknown first column is named without it', () => {
    const file = write('bom-note.csv', '\ufeff备注,通话编号,来电时间,呼叫结果\nVIP,B1,2026-10-01 09:00:00,已接听\n');
    const r = run(['--db', 'bom.db', 'import', 'calls', '--format', 'json', file]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('bom-note.csv: ignored columns: 备注\nbom-note.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8)\n');
    expect(JSON.parse(r.stdout).ignored_columns).toEqual(['备注']);
    expect(rows(db('bom.db'), 'SELECT call_id, outcome FROM calls')).toEqual([{ call_id: 'B1', outcome: 'answered' }]);
  });

  test('a UTF-8 BOM before a required first column: header matched, rejects file header has no stray BOM', () => {
    const file = write('bom-first.csv', '\ufeffcall_id,started_at,outcome\nB2,2026-10-01 09:00:00,answered\nB3,2026-10-01 09:01:00,maybe\n');
    const r = run(['--db', 'bom.db', 'import', 'calls', '--skip-invalid', '--rejects', 'bom-first.rejects.csv', file]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'bom-first.csv: 2 rows: 1 inserted, 0 updated, 0 unchanged, 1 rejected, 0 skipped (import #2, utf-8; rejected rows in bom-first.rejects.csv)\n' });
    expect(readFileSync(join(workDir(), 'bom-first.rejects.csv'), 'utf8')).toBe(
      '\ufeffcall_id,started_at,outcome,line,reason\r\nB3,2026-10-01 09:01:00,maybe,3,"outcome: ""maybe"" is not one of answered, abandoned"\r\n',
    );
    const listed = JSON.parse(run(['--db', 'bom.db', 'calls', 'list', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(listed.map((c) => c.call_id)).toEqual(['B1', 'B2']);
    expect(Object.keys(listed[0] as object).filter((k) => k.includes('\ufeff'))).toEqual([]);
  });
});

describe('bad rows', () => {
  // Line 1 is the header; K01 and K07's first 6 cells are fine.
  const BAD = [
    'call_id,started_at,operator_id,outcome,talk_seconds,customer_phone',
    'K01,2026-10-01 09:00:00,1001,answered,60,13812341234',
    'K02,2026-10-01 09:10:00,1002,maybe,60,13812341235', // line 3: outcome
    'K03,2026-02-30 10:00,1003,answered,60,13812341236', // line 4: no 30 February
    'K04,2026-10-01 09:20:00,1004,answered,xx,13812341237', // line 5: duration
    'K05,2026-10-01 09:30:00,1005,answered', // line 6: short record
    'K06,2026-10-01 09:40:00,1006,answered,60,1.38123E+10', // line 7: phone mangled by Excel
    'K07,2026-10-01 09:50:00,1007,answered,60,13812341239,extra', // line 8: long record
  ].join('\n') + '\n';
  const BAD_STDERR = [
    'error: bad.csv: 6 bad rows; nothing was imported from this file',
    '  line 3: column 4 (outcome): "maybe" is not one of answered, abandoned',
    '  line 4: column 2 (started_at): "2026-02-30 10:00" is not a real date',
    '  line 5: column 5 (talk_seconds): "xx" is not a duration (use whole seconds (75) or H:MM:SS (0:01:15))',
    '  line 6: 4 fields, fewer than the 6 columns of the header',
    '  line 7: column 6 (customer_phone): "1.38123E+10" is a phone number mangled by Excel (the column was saved by Excel as a number; format it as text in Excel and export again)',
    '  line 8: 7 fields, more than the 6 columns of the header (an unquoted delimiter inside a value? quote the value)',
    'hint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
    '',
  ].join('\n');

  test('a file with bad rows into a new database: exit 3, every bad line named, nothing written', () => {
    write('bad.csv', BAD);
    const r = run(['--db', 'bad-new.db', 'import', 'calls', 'bad.csv']);
    expect(r).toEqual({ status: 3, stdout: '', stderr: BAD_STDERR });
    const counts = tableCounts(db('bad-new.db'));
    expect(counts).toMatchObject({ imports: 0, calls: 0, settings: 0 });
    expect(counts).toEqual(zeros(counts));
  });

  test('a file with bad rows into a database with data: exit 3 and every row as it was', () => {
    write('bad.csv', BAD);
    write('base.csv', csv(['call_id', 'started_at', 'outcome', 'talk_seconds'], [['K01', '2026-10-01 08:00:00', 'abandoned', 0], ['K99', '2026-10-01 08:30:00', 'answered', 30]]));
    expect(run(['--db', 'bad-old.db', 'import', 'calls', 'base.csv']).status).toBe(0);
    const before = snapshot(db('bad-old.db'));
    expect(tableCounts(db('bad-old.db'))).toMatchObject({ imports: 1, calls: 2 });
    const r = run(['--db', 'bad-old.db', 'import', 'calls', 'bad.csv']);
    expect(r).toEqual({ status: 3, stdout: '', stderr: BAD_STDERR });
    expect(snapshot(db('bad-old.db'))).toEqual(before);
    expect(existsSync(join(workDir(), 'bad.rejects.csv'))).toBe(false);
  });

  test('--skip-invalid --rejects: good rows in, bad rows out with line and reason, counts reconcile', () => {
    // Already there: S1 and S2 (answered, 60 s).
    write('skip-base.csv', csv(['call_id', 'started_at', 'outcome', 'talk_seconds'], [['S1', '2026-10-01 09:00:00', 'answered', 60], ['S2', '2026-10-01 09:05:00', 'answered', 60]]));
    expect(run(['--db', 'skip.db', 'import', 'calls', 'skip-base.csv']).status).toBe(0);
    write('mixed.csv', csv(['call_id', 'started_at', 'outcome', 'talk_seconds'], [
      ['S1', '2026-10-01 09:00:00', 'answered', 60], // line 2: unchanged
      ['S2', '2026-10-01 09:05:00', 'answered', 75], // line 3: updated
      ['S4', '2026-10-01 09:10:00', 'answered', 30], // line 4: inserted
      ['S5', '2026-10-01 09:15:00', 'maybe', 30], // line 5: rejected (outcome)
      ['S4', '2026-10-01 09:10:00', 'answered', 30], // line 6: skipped (same line again)
      ['S6', '2026-10-01 09:20:00', 'abandoned', 0], // line 7: inserted
      ['S6', '2026-10-01 09:20:00', 'answered', 45], // line 8: rejected (S6 again, different)
      ['S7', '2026/13/01 09:25', 'answered', 20], // line 9: rejected (month 13)
    ]));
    const r = run(['--db', 'skip.db', 'import', 'calls', '--skip-invalid', '--rejects', 'mixed-rejects.csv', '--format', 'json', 'mixed.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('mixed.csv: 8 rows: 2 inserted, 1 updated, 1 unchanged, 3 rejected, 1 skipped (import #2, utf-8; rejected rows in mixed-rejects.csv)\n');
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 8, inserted: 2, updated: 1, unchanged: 1, rejected: 3, skipped: 1, status: 'imported', import_id: 2, rejects_file: 'mixed-rejects.csv' });
    expect(summary.inserted + summary.updated + summary.unchanged + summary.rejected + summary.skipped).toBe(summary.rows);
    expect(readFileSync(join(workDir(), 'mixed-rejects.csv'), 'utf8')).toBe(
      '\ufeffcall_id,started_at,outcome,talk_seconds,line,reason\r\n' +
        'S5,2026-10-01 09:15:00,maybe,30,5,"outcome: ""maybe"" is not one of answered, abandoned"\r\n' +
        'S7,2026/13/01 09:25,answered,20,9,"started_at: ""2026/13/01 09:25"" is not a real date"\r\n' +
        // A repeated key is found when the rows are written, after the checks of their batch.
        ',,,,8,call_id: call_id S6 is also on line 7 with different content\r\n',
    );
    expect(rows(db('skip.db'), 'SELECT call_id, outcome, talk_seconds, import_id FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'S1', outcome: 'answered', talk_seconds: 60, import_id: 1 },
      { call_id: 'S2', outcome: 'answered', talk_seconds: 75, import_id: 2 },
      { call_id: 'S4', outcome: 'answered', talk_seconds: 30, import_id: 2 },
      { call_id: 'S6', outcome: 'abandoned', talk_seconds: 0, import_id: 2 },
    ]);
    expect(rows(db('skip.db'), 'SELECT id, rows, inserted, updated, unchanged, rejected, skipped FROM imports ORDER BY id')).toEqual([
      { id: 1, rows: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, skipped: 0 },
      { id: 2, rows: 8, inserted: 2, updated: 1, unchanged: 1, rejected: 3, skipped: 1 },
    ]);
    expect(readdirSync(workDir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--skip-invalid with no bad row leaves no rejects file', () => {
    write('clean.csv', csv(['call_id', 'started_at', 'outcome'], [['N1', '2026-10-01 09:00:00', 'answered']]));
    const r = run(['--db', 'clean.db', 'import', 'calls', '--skip-invalid', 'clean.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'clean.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8)\n' });
    expect(existsSync(join(workDir(), 'clean.rejects.csv'))).toBe(false);
  });

  test('a key twice in one file with different content: exit 3 naming both lines, nothing written', () => {
    // 30 rows: the first 25 go to the database as one multi-row INSERT, the last 5 one by one.
    // R05 is on lines 6 and 18 (both in the first 25), R10 on lines 11 and 30 (one in each part).
    const data = Array.from({ length: 30 }, (_, i) => [`R${String(i + 1).padStart(2, '0')}`, `2026-10-01 09:${String(i).padStart(2, '0')}:00`, 'answered', 60]);
    (data[16] as (string | number)[])[0] = 'R05';
    (data[28] as (string | number)[])[0] = 'R10';
    write('twice.csv', csv(['call_id', 'started_at', 'outcome', 'talk_seconds'], data));
    const r = run(['--db', 'twice.db', 'import', 'calls', 'twice.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: twice.csv: 2 bad rows; nothing was imported from this file',
        '  line 18: column 1 (call_id): call_id R05 is also on line 6 with different content (keep one of the two lines)',
        '  line 30: column 1 (call_id): call_id R10 is also on line 11 with different content (keep one of the two lines)',
        'hint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
        '',
      ].join('\n'),
    });
    const counts = tableCounts(db('twice.db'));
    expect(counts).toMatchObject({ imports: 0, calls: 0 });
    expect(counts).toEqual(zeros(counts));
  });
});

describe('importing again', () => {
  test('the same file again: "already imported as import #N", exit 0, nothing changed', () => {
    write('again.csv', csv(['call_id', 'started_at', 'outcome'], [['A1', '2026-10-01 09:00:00', 'answered'], ['A2', '2026-10-01 09:01:00', 'abandoned']]));
    write('other.csv', csv(['operator_id', 'name', 'hire_date'], [['1001', '张三', '2020-01-01']]));
    expect(run(['--db', 'again.db', 'import', 'operators', 'other.csv']).status).toBe(0);
    expect(run(['--db', 'again.db', 'import', 'calls', 'again.csv']).stderr).toBe('again.csv: 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n');
    const before = snapshot(db('again.db'));
    const r = run(['--db', 'again.db', 'import', 'calls', 'again.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'again.csv: already imported as import #2; nothing changed\n' });
    expect(snapshot(db('again.db'))).toEqual(before);
  });

  test('--again reads a file already imported: a corrected --source-tz updates every row; then the newest import is the one named', () => {
    write('utc.csv', csv(['call_id', 'started_at', 'outcome', 'wait_seconds'], [['U1', '2026-10-01 20:00:00', 'answered', '5'], ['U2', '2026-10-01 09:00:00', 'abandoned', '40']]));
    // Read first as local (Asia/Shanghai) time by mistake: the file's times are UTC.
    expect(run(['--db', 'utc.db', 'import', 'calls', 'utc.csv']).status).toBe(0);
    expect(run(['--db', 'utc.db', 'import', 'calls', '--source-tz', 'UTC', 'utc.csv']).stderr).toBe('utc.csv: already imported as import #1; nothing changed\n');
    const r = run(['--db', 'utc.db', 'import', 'calls', '--again', '--source-tz', 'UTC', '--format', 'json', 'utc.csv']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'imported', import_id: 2, rows: 2, inserted: 0, updated: 2, unchanged: 0 });
    // 20:00 UTC is 04:00 the next day in Shanghai: the call moved to 2026-10-02, and the per-day statistics with it.
    const list = JSON.parse(run(['--db', 'utc.db', 'calls', 'list', '--format', 'json']).stdout);
    expect(list.map((c: { call_id: string; started_at: string }) => [c.call_id, c.started_at]).sort()).toEqual([['U1', '2026-10-02T04:00:00'], ['U2', '2026-10-01T17:00:00']]);
    const offered = (d: string): unknown => JSON.parse(run(['--db', 'utc.db', 'stats', 'daily', '--date', d, '--format', 'json']).stdout).totals.offered;
    expect([offered('2026-10-01'), offered('2026-10-02')]).toEqual([1, 1]);
    expect(run(['--db', 'utc.db', 'import', 'calls', '--source-tz', 'UTC', 'utc.csv']).stderr).toBe('utc.csv: already imported as import #2; nothing changed\n');
    expect(run(['--db', 'utc.db', 'db', 'check']).status).toBe(0);
  });

  // docs/formats.md "Accounting: rows = inserted + updated + unchanged + rejected + skipped" and
  // RELIABILITY.md "rows in the file = inserted + duplicate + changed + rejected": a cron job that
  // sums the JSON summaries must be able to reconcile them. An already-imported file reports rows 0
  // and every count 0.
  test('the already-imported JSON summary still reconciles', () => {
    write('again-json.csv', csv(['call_id', 'started_at', 'outcome'], [['J1', '2026-10-01 09:00:00', 'answered'], ['J2', '2026-10-01 09:01:00', 'answered']]));
    expect(run(['--db', 'again-json.db', 'import', 'calls', 'again-json.csv']).status).toBe(0);
    const r = run(['--db', 'again-json.db', 'import', 'calls', '--format', 'json', 'again-json.csv']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.status).toBe('already_imported');
    expect(s.inserted + s.updated + s.unchanged + s.rejected + s.skipped).toBe(s.rows);
    expect([s.rows, s.inserted, s.updated, s.unchanged, s.rejected, s.skipped]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('overlapping exports: shared rows unchanged, a changed one updated, one row per key', () => {
    // day 1: D001–D060. day 2: D031–D090, where D031–D060 repeat day 1 except D040, D050 and D060,
    // whose talk time changed. 60 rows each, so both files go through the multi-row INSERT.
    const call = (n: number, talk: number): (string | number)[] => {
      const day = n <= 60 ? '2026-10-01' : '2026-10-02';
      const minute = (n - 1) % 60;
      return [`D${String(n).padStart(3, '0')}`, `${day} 10:${String(minute).padStart(2, '0')}:00`, 'answered', 60 + n, talk];
    };
    const header = ['call_id', 'started_at', 'outcome', 'wait_seconds', 'talk_seconds'];
    write('day1.csv', csv(header, Array.from({ length: 60 }, (_, i) => call(i + 1, 100))));
    write('day2.csv', csv(header, Array.from({ length: 60 }, (_, i) => call(i + 31, [40, 50, 60].includes(i + 31) ? 999 : 100))));
    const r1 = run(['--db', 'overlap.db', 'import', 'calls', 'day1.csv']);
    expect(r1).toEqual({ status: 0, stdout: '', stderr: 'day1.csv: 60 rows: 60 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8)\n' });
    const r2 = run(['--db', 'overlap.db', 'import', 'calls', 'day2.csv']);
    expect(r2).toEqual({ status: 0, stdout: '', stderr: 'day2.csv: 60 rows: 30 inserted, 3 updated, 27 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n' });
    expect(rows(db('overlap.db'), 'SELECT count(*) AS n, count(DISTINCT call_id) AS keys, sum(talk_seconds = 999) AS changed FROM calls')).toEqual([{ n: 90, keys: 90, changed: 3 }]);
    expect(rows(db('overlap.db'), "SELECT call_id, talk_seconds, import_id FROM calls WHERE call_id IN ('D030', 'D031', 'D040', 'D061') ORDER BY call_id")).toEqual([
      { call_id: 'D030', talk_seconds: 100, import_id: 1 },
      { call_id: 'D031', talk_seconds: 100, import_id: 1 },
      { call_id: 'D040', talk_seconds: 999, import_id: 2 },
      { call_id: 'D061', talk_seconds: 100, import_id: 2 },
    ]);
    expect(rows(db('overlap.db'), 'SELECT local_day, count(*) AS n FROM calls GROUP BY local_day ORDER BY local_day')).toEqual([
      { local_day: '2026-10-01', n: 60 },
      { local_day: '2026-10-02', n: 30 },
    ]);
    // `imports --format json` uses the CSV column names (import_id, kind, file, … user), not the
    // database's (id, file_name, …).
    const ledger = JSON.parse(run(['--db', 'overlap.db', 'imports', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(ledger.map(({ file, rows: n, inserted, updated, unchanged, rejected, skipped }) => ({ file, n, inserted, updated, unchanged, rejected, skipped }))).toEqual([
      { file: 'day2.csv', n: 60, inserted: 30, updated: 3, unchanged: 27, rejected: 0, skipped: 0 },
      { file: 'day1.csv', n: 60, inserted: 60, updated: 0, unchanged: 0, rejected: 0, skipped: 0 },
    ]);
  });
});

describe('--format json', () => {
  // docs/formats.md lists these keys, in this order.
  const KEYS = ['file', 'sha256', 'kind', 'ignored_columns', 'rejects_file', 'mapping', 'profile', 'rows', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped', 'status', 'import_id', 'encoding', 'delimiter', 'range_start', 'range_end', 'continues_import_id'];
  const documented = (summary: Record<string, unknown>): string[] => Object.keys(summary);

  test('one file: one summary object with the documented keys', () => {
    const text = csv(['call_id', 'started_at', 'outcome', '备注'], [['J1', '2026-10-01 09:00:00', 'answered', 'x']]);
    write('one.csv', text);
    const r = run(['--db', 'json.db', 'import', 'calls', '--format', 'json', 'one.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('one.csv: ignored columns: 备注\none.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8)\n');
    const summary = JSON.parse(r.stdout);
    expect(documented(summary)).toEqual(KEYS);
    expect(summary).toEqual({
      file: 'one.csv', sha256: createHash('sha256').update(text).digest('hex'), kind: 'calls', ignored_columns: ['备注'], rejects_file: null, mapping: null, profile: null,
      rows: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0, skipped: 0, status: 'imported', import_id: 1, encoding: 'utf-8', delimiter: ',',
      range_start: 0, range_end: Buffer.byteLength(text), continues_import_id: null,
    });
  });

  test('several files: one summary per line (JSON Lines, stdout not a terminal), in order', () => {
    write('j2.csv', csv(['call_id', 'started_at', 'outcome'], [['J2', '2026-10-01 09:00:00', 'answered']]));
    write('j3.csv', 'call_id;started_at;outcome\nJ3;2026-10-01 09:00:00;answered\nJ2;2026-10-01 09:00:00;answered\n');
    const r = run(['--db', 'json.db', 'import', 'calls', '--format', 'json', 'j2.csv', 'j3.csv', 'one.csv']);
    expect(r.status).toBe(0);
    const list = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(list.map(documented)).toEqual([KEYS, KEYS, KEYS]);
    expect(list.map(({ file, rows: n, inserted, unchanged, status, import_id, delimiter }) => ({ file, n, inserted, unchanged, status, import_id, delimiter }))).toEqual([
      { file: 'j2.csv', n: 1, inserted: 1, unchanged: 0, status: 'imported', import_id: 2, delimiter: ',' },
      { file: 'j3.csv', n: 2, inserted: 1, unchanged: 1, status: 'imported', import_id: 3, delimiter: ';' },
      // already imported: nothing of it read this time, so rows 0 like every count
      { file: 'one.csv', n: 0, inserted: 0, unchanged: 0, status: 'already_imported', import_id: 1, delimiter: ',' },
    ]);
  });

  test('calls list --format json: canonical column names, local YYYY-MM-DDTHH:mm:ss, null for missing', () => {
    write('list.csv', csv(['通话编号', '来电时间', '坐席工号', '呼叫结果', '等待时长', '通话时长', '客户电话', '满意度', '是否解决'], [
      ['L1', '2026-10-01T01:30:00Z', '1001', '已接听', '0:00:12', '0:05:00', '13812341234', '4', '是'],
      ['L2', '2026/10/1 9:05', '', '放弃', '40', '', '', '', ''],
    ]));
    expect(run(['--db', 'list.db', 'import', 'calls', 'list.csv']).status).toBe(0);
    const r = run(['--db', 'list.db', 'calls', 'list', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      { call_id: 'L2', started_at: '2026-10-01T09:05:00', operator_id: null, direction: 'inbound', outcome: 'abandoned', wait_seconds: 40, talk_seconds: null, hold_seconds: null, acw_seconds: null, category: null, topic: null, complaint_reason: null, customer_name: null, customer_phone: null, customer_address: null, tracking_no: null, satisfaction: null, resolved: null },
      { call_id: 'L1', started_at: '2026-10-01T09:30:00', operator_id: '1001', direction: 'inbound', outcome: 'answered', wait_seconds: 12, talk_seconds: 300, hold_seconds: null, acw_seconds: null, category: null, topic: null, complaint_reason: null, customer_name: null, customer_phone: '138****1234', customer_address: null, tracking_no: null, satisfaction: 4, resolved: 1 },
    ]);
  });
});

describe('time zones', () => {
  // Local (Asia/Shanghai) wall times around midnight of 1 October.
  const LOCAL = csv(['call_id', 'started_at', 'outcome'], [
    ['Z1', '2026-09-30 23:59:59', 'answered'],
    ['Z2', '2026-10-01 00:00:00', 'answered'],
    ['Z3', '2026-10-01 23:30:00', 'answered'],
    ['Z4', '2026-10-02 00:30:00', 'answered'],
  ]);
  const LIST_1_OCT = 'call_id,started_at,outcome\r\nZ2,2026-10-01 00:00:00,answered\r\nZ3,2026-10-01 23:30:00,answered\r\n';

  const listDay = (name: string, tz: string): CliResult => {
    const r = run(['--db', name, 'calls', 'list', '--date', '2026-10-01', '--format', 'csv'], { TZ: tz });
    return { ...r, stdout: r.stdout.split('\r\n').map((l) => l.split(',').filter((_, i) => i === 0 || i === 1 || i === 4).join(',')).join('\r\n') };
  };

  test.each([
    { name: 'Asia/Shanghai', tz: 'Asia/Shanghai' },
    { name: 'UTC', tz: 'UTC' },
  ])('imported and listed under TZ=$name, a call at 23:30 stays on 2026-10-01', ({ tz }) => {
    write(`local-${tz.replace('/', '-')}.csv`, LOCAL);
    const name = `tz-${tz.replace('/', '-')}.db`;
    expect(run(['--db', name, 'import', 'calls', `local-${tz.replace('/', '-')}.csv`], { TZ: tz }).status).toBe(0);
    expect(rows(db(name), 'SELECT call_id, local_day, local_hour FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'Z1', local_day: '2026-09-30', local_hour: 23 },
      { call_id: 'Z2', local_day: '2026-10-01', local_hour: 0 },
      { call_id: 'Z3', local_day: '2026-10-01', local_hour: 23 },
      { call_id: 'Z4', local_day: '2026-10-02', local_hour: 0 },
    ]);
    expect(listDay(name, tz)).toEqual({ status: 0, stdout: LIST_1_OCT, stderr: '' });
    expect(listDay(name, tz === 'UTC' ? 'Asia/Shanghai' : 'UTC')).toEqual({ status: 0, stdout: LIST_1_OCT, stderr: '' });
  });

  test('--source-tz UTC: a UTC export lands on the right local day', () => {
    // 16:00 UTC is midnight in Shanghai: U2 (15:59:59 UTC) is still 1 October, U1 and U3 are 2 October.
    write('pbx-utc.csv', csv(['call_id', 'started_at', 'outcome'], [
      ['U1', '2026-10-01 16:30:00', 'answered'],
      ['U2', '2026-10-01 15:59:59', 'answered'],
      ['U3', '2026-10-01 16:00:00', 'answered'],
      ['U4', '2026-10-01 12:00:00+08:00', 'answered'], // an explicit offset ignores --source-tz
    ]));
    expect(run(['--db', 'source-tz.db', 'import', 'calls', '--source-tz', 'UTC', 'pbx-utc.csv'], { TZ: 'UTC' }).status).toBe(0);
    expect(rows(db('source-tz.db'), 'SELECT call_id, started_at, local_day, local_hour FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'U1', started_at: Date.UTC(2026, 9, 1, 16, 30) / 1000, local_day: '2026-10-02', local_hour: 0 },
      { call_id: 'U2', started_at: Date.UTC(2026, 9, 1, 15, 59, 59) / 1000, local_day: '2026-10-01', local_hour: 23 },
      { call_id: 'U3', started_at: Date.UTC(2026, 9, 1, 16, 0) / 1000, local_day: '2026-10-02', local_hour: 0 },
      { call_id: 'U4', started_at: Date.UTC(2026, 9, 1, 4, 0) / 1000, local_day: '2026-10-01', local_hour: 12 },
    ]);
    const r = run(['--db', 'source-tz.db', 'calls', 'list', '--date', '2026-10-02', '--format', 'json']);
    expect((JSON.parse(r.stdout) as { call_id: string; started_at: string }[]).map((c) => [c.call_id, c.started_at])).toEqual([
      ['U3', '2026-10-02T00:00:00'],
      ['U1', '2026-10-02T00:30:00'],
    ]);
  });
});
