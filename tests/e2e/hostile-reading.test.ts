// Reading a file on the built binary (issue 18 items 2–4, issue 17 item 14): a file that changes
// while it is read, line ends other than LF and CRLF, a file that mixes encodings, a file with a
// header and no rows, and a day with no calls. Every refusal names the file and the reason, exits 3
// and leaves the database exactly as it was (a snapshot of every table, the ledger included).
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { FIXTURES, startHotline } from '../helpers/cli.js';
import { builtOnce, csv, exited, generateCalls, rows, snapshot, value, workspace } from './support.js';

const { run, write, db, dir } = workspace('hotline-e2e-reading-');

const summary = (file: string, n: number, inserted: number, importId: number, encoding = 'utf-8'): string =>
  `${file}: ${n} rows: ${inserted} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #${importId}, ${encoding})\n`;

/** A database holding two operators (import #1): the state a refusal must leave alone. */
const seededDb = builtOnce(dir, (name) => {
  write('operators.csv', csv(['operator_id', 'name', 'hire_date'], [['1001', '张三', '2020-01-01'], ['1002', '李四', '2021-03-01']]));
  expect(run(['--db', name, 'import', 'operators', 'operators.csv']).status).toBe(0);
});
function seeded(name: string): Record<string, unknown> {
  return snapshot(seededDb(name));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once the process `pid` has `path` open (a descriptor in /proc/PID/fd points at it). */
async function waitForOpen(pid: number, path: string, timeoutMs = 20_000): Promise<void> {
  const target = realpathSync(path);
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return;
      } catch {
        // closed while we looked
      }
    }
    await sleep(10);
  }
  throw new Error(`process ${pid} did not open ${path} within ${timeoutMs} ms`);
}

/** Calls in the generated file: far more than the parsing worker reads ahead of the writer (12 batches of 250). */
const BIG_ROWS = 20_000;

describe('18.2: a file that changes while it is read', () => {
  /**
   * Holds the write lock while hotline starts, so that its writer waits at BEGIN IMMEDIATE and its
   * parsing worker stops 12 batches into the file; once the file is open, `change` alters it, and
   * the lock is released. No timing is involved: the worker cannot reach the end of the file
   * before the lock is released.
   */
  async function importWhileChanging(name: string, file: string, change: (path: string) => void): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const holder = new Database(db(name));
    holder.exec('BEGIN IMMEDIATE');
    let released = false;
    try {
      const child = startHotline(['--db', name, '--busy-timeout', '60', 'import', 'calls', file], { cwd: dir() });
      const done = exited(child);
      await waitForOpen(child.pid as number, join(dir(), file));
      change(join(dir(), file));
      holder.exec('ROLLBACK');
      released = true;
      const { status, stdout, stderr } = await done;
      return { status, stdout, stderr };
    } finally {
      if (!released) holder.exec('ROLLBACK');
      holder.close();
    }
  }

  test('truncated while read: exit 3 "changed while being read", nothing imported, and the whole file imports afterwards', async () => {
    const before = seeded('cut.db');
    generateCalls(join(dir(), 'whole.csv'), BIG_ROWS);
    copyFileSync(join(dir(), 'whole.csv'), join(dir(), 'cut.csv'));
    const size = statSync(join(dir(), 'cut.csv')).size;
    const r = await importWhileChanging('cut.db', 'cut.csv', (path) => truncateSync(path, 70_000));
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: cut.csv: changed while being read (${size} bytes when the import began, 70000 bytes at the end of reading): nothing was imported\nhint: import it again once the program that writes it has finished\n`,
    });
    expect(snapshot(db('cut.db'))).toEqual(before);
    // The whole file back: every row goes in (before, the ledger held the whole file's hash for a
    // part of its rows, and the whole file was "already imported").
    copyFileSync(join(dir(), 'whole.csv'), join(dir(), 'cut.csv'));
    expect(run(['--db', 'cut.db', 'import', 'calls', 'cut.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('cut.csv', BIG_ROWS, BIG_ROWS, 2) });
    expect(value(db('cut.db'), 'SELECT count(*) FROM calls')).toBe(BIG_ROWS);
  });

  test('appended to while read: exit 3, nothing imported', async () => {
    const before = seeded('grow.db');
    generateCalls(join(dir(), 'grow.csv'), BIG_ROWS);
    const size = statSync(join(dir(), 'grow.csv')).size;
    const more = 'Z000000001,2026-12-31 23:59:00,1001,inbound,answered,5,60,0,0,,,,,,,,,\n';
    const r = await importWhileChanging('grow.db', 'grow.csv', (path) => appendFileSync(path, more));
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: grow.csv: changed while being read (${size} bytes when the import began, ${size + more.length} bytes at the end of reading): nothing was imported\nhint: import it again once the program that writes it has finished\n`,
    });
    expect(snapshot(db('grow.db'))).toEqual(before);
  });

  test('a file that does not change: the ledger holds the SHA-256 of its bytes, and the same file again is "already imported"', () => {
    seeded('same.db');
    generateCalls(join(dir(), 'same.csv'), 300);
    expect(run(['--db', 'same.db', 'import', 'calls', 'same.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('same.csv', 300, 300, 2) });
    expect(rows(db('same.db'), 'SELECT id, sha256, size_bytes FROM imports WHERE id = 2')).toEqual([
      { id: 2, sha256: createHash('sha256').update(readFileSync(join(dir(), 'same.csv'))).digest('hex'), size_bytes: statSync(join(dir(), 'same.csv')).size },
    ]);
    expect(run(['--db', 'same.db', 'import', 'calls', 'same.csv'])).toEqual({ status: 0, stdout: '', stderr: 'same.csv: already imported as import #2; nothing changed\n' });
    // Another file of the same size (hashed before it is read, as a retry could be): imported, with its own hash.
    const other = readFileSync(join(dir(), 'same.csv'), 'utf8').replace('C000000299,', 'X000000299,');
    write('same-size.csv', other);
    expect(statSync(join(dir(), 'same-size.csv')).size).toBe(statSync(join(dir(), 'same.csv')).size);
    expect(run(['--db', 'same.db', 'import', 'calls', 'same-size.csv'])).toEqual({ status: 0, stdout: '', stderr: 'same-size.csv: 300 rows: 1 inserted, 0 updated, 299 unchanged, 0 rejected, 0 skipped (import #3, utf-8)\n' });
    expect(value(db('same.db'), 'SELECT sha256 FROM imports WHERE id = 3')).toBe(createHash('sha256').update(other).digest('hex'));
  });
});

describe('18.3: line ends other than LF and CRLF', () => {
  const HINT = `hint: save the file again as "CSV UTF-8 (Comma delimited)", or turn every CR into LF: tr '\\r' '\\n' < IN.csv > OUT.csv (the blank lines this leaves are skipped)`;
  const CR_FIRST = (file: string): string => `error: ${file}: line 1 ends with a bare CR (carriage return): lines must end with LF or CRLF, not CR alone (the old Mac line end)\n${HINT}\n`;

  test('CR-only line ends: exit 3 naming the file and the reason, nothing imported (before: the whole file was the header, 0 rows, exit 0)', () => {
    const before = seeded('cr.db');
    write('cr.csv', 'call_id,started_at,outcome,customer_name\rC1,2026-10-01 09:00:00,answered,x\rC2,2026-10-01 09:05:00,abandoned,y\r');
    for (const extra of [[], ['--skip-invalid']]) {
      expect(run(['--db', 'cr.db', 'import', 'calls', ...extra, 'cr.csv'])).toEqual({ status: 3, stdout: '', stderr: CR_FIRST('cr.csv') });
    }
    expect(snapshot(db('cr.db'))).toEqual(before);
    expect(existsSync(join(dir(), 'cr.rejects.csv'))).toBe(false);
  });

  test('a headerless --profile asterisk-queue-log file with CR line ends: refused the same way (before: one garbage call, exit 0)', () => {
    const before = seeded('cr-ql.db');
    write('queue_log-cr', readFileSync(join(FIXTURES, 'profiles', 'queue_log'), 'utf8').replaceAll('\n', '\r'));
    expect(run(['--db', 'cr-ql.db', 'import', 'calls', '--profile', 'asterisk-queue-log', 'queue_log-cr'])).toEqual({ status: 3, stdout: '', stderr: CR_FIRST('queue_log-cr') });
    expect(snapshot(db('cr-ql.db'))).toEqual(before);
  });

  test('mixed: a header ending with CR alone, then LF lines: refused at line 1', () => {
    const before = seeded('cr-head.db');
    write('cr-head.csv', 'call_id,started_at,outcome\rC1,2026-10-01 09:00:00,answered\nC2,2026-10-01 09:05:00,abandoned\n');
    expect(run(['--db', 'cr-head.db', 'import', 'calls', 'cr-head.csv'])).toEqual({ status: 3, stdout: '', stderr: CR_FIRST('cr-head.csv') });
    expect(snapshot(db('cr-head.db'))).toEqual(before);
  });

  test('mixed: LF and CRLF lines, then one ending with CR alone: exit 3 naming that line', () => {
    const before = seeded('cr-mid.db');
    write('cr-mid.csv', 'call_id,started_at,outcome\r\nC1,2026-10-01 09:00:00,answered\nC2,2026-10-01 09:05:00,abandoned\rC3,2026-10-01 09:06:00,answered\n');
    expect(run(['--db', 'cr-mid.db', 'import', 'calls', 'cr-mid.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: cr-mid.csv: line 3: a bare CR (carriage return) outside quotes: lines must end with LF or CRLF, and a value holding a line break must be quoted\n${HINT}\n`,
    });
    expect(snapshot(db('cr-mid.db'))).toEqual(before);
  });

  test('a header cell holding a quoted bare CR is never a header: exit 3', () => {
    const before = seeded('cr-cell.db');
    write('cr-cell.csv', 'call_id,started_at,outcome,"customer\rname"\nC1,2026-10-01 09:00:00,answered,x\n');
    expect(run(['--db', 'cr-cell.db', 'import', 'calls', 'cr-cell.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: 'error: cr-cell.csv: line 1: column 4 of the header holds a bare CR (carriage return): this is not a header line\nhint: a column name cannot hold a line break: remove it from the first line\n',
    });
    expect(snapshot(db('cr-cell.db'))).toEqual(before);
  });

  test('still read: CRLF and LF mixed, and a CR or CRLF inside a quoted value (kept in the value)', () => {
    write('ok-ends.csv', 'call_id,started_at,outcome,customer_address\r\nK1,2026-10-01 09:00:00,answered,"a\rb"\nK2,2026-10-01 09:05:00,abandoned,"c\r\nd"\r\nK3,2026-10-01 09:06:00,answered,e\n');
    expect(run(['--db', 'ok-ends.db', 'import', 'calls', 'ok-ends.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('ok-ends.csv', 3, 3, 1) });
    expect(rows(db('ok-ends.db'), 'SELECT call_id, customer_address FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'K1', customer_address: 'a\rb' },
      { call_id: 'K2', customer_address: 'c\r\nd' },
      { call_id: 'K3', customer_address: 'e' },
    ]);
  });

  test('a bare CR past the first 64 KiB is never silently merged: the two lines make one bad row, named by its line', () => {
    const before = seeded('cr-late.db');
    const lines = Array.from({ length: 2000 }, (_, i) => `L${String(i).padStart(5, '0')},2026-10-01 09:00:00,answered\n`).join('');
    const head = 'call_id,started_at,outcome\n' + lines;
    expect(Buffer.byteLength(head)).toBeGreaterThan(64 * 1024);
    write('cr-late.csv', head + 'M1,2026-10-01 10:00:00,answered\rM2,2026-10-01 10:01:00,answered\n');
    expect(run(['--db', 'cr-late.db', 'import', 'calls', 'cr-late.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: 'error: cr-late.csv: 1 bad row; nothing was imported from this file\n  line 2002: 5 fields, more than the 3 columns of the header (an unquoted delimiter inside a value? quote the value)\nhint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows\n',
    });
    expect(snapshot(db('cr-late.db'))).toEqual(before);
  });
});

describe('18.4: a file that mixes encodings', () => {
  const HINT = 'hint: export the file again in one encoding (UTF-8), or say which encoding it is in with --encoding utf-8 or --encoding gbk';
  /** UTF-8 with 张三 on line 2 and one Latin-1 byte (é in "Renée") on line 3. */
  const MIXED = Buffer.concat([Buffer.from('call_id,started_at,outcome,customer_name\nC1,2026-10-01 09:00:00,answered,张三\nC2,2026-10-01 09:05:00,answered,Ren'), Buffer.from([0xe9]), Buffer.from('e\n')]);
  const AT = MIXED.indexOf(0xe9);

  test('UTF-8 with one Latin-1 byte in the first 64 KiB: exit 3 naming the line and byte (before: decoded whole as GB18030, 张三 stored as 寮犱笁, exit 0)', () => {
    const before = seeded('mixed.db');
    write('mixed.csv', MIXED);
    expect(run(['--db', 'mixed.db', 'import', 'calls', 'mixed.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: mixed.csv: line 3: byte ${AT}: not UTF-8, though line 2 is UTF-8 text: the file mixes encodings\n${HINT}\n`,
    });
    expect(snapshot(db('mixed.db'))).toEqual(before);
  });

  test('with --encoding the file is read in that encoding: utf-8 stops at the byte, gbk reads it all as asked', () => {
    write('mixed-enc.csv', MIXED);
    expect(run(['--db', 'mixed-enc.db', 'import', 'calls', '--encoding', 'utf-8', 'mixed-enc.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: mixed-enc.csv: line 3: byte ${AT}: invalid UTF-8 bytes\nhint: the file mixes encodings or is not UTF-8; try --encoding gb18030\n`,
    });
    expect(existsSync(db('mixed-enc.db')) ? value(db('mixed-enc.db'), 'SELECT count(*) FROM imports') : 0).toBe(0);
    expect(run(['--db', 'mixed-enc.db', 'import', 'calls', '--encoding', 'gbk', 'mixed-enc.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('mixed-enc.csv', 2, 2, 1, 'gb18030') });
  });

  // Regression test too (found while writing it, since fixed): the byte offset left out the BOM's 3 bytes.
  test('a UTF-8 byte-order mark, then a Latin-1 byte: read as UTF-8 and refused at the byte (before: read as GB18030, "missing required column")', () => {
    const before = seeded('bom-latin.db');
    const bytes = Buffer.concat([Buffer.from('\ufeffcall_id,started_at,outcome,customer_name\nC1,2026-10-01 09:00:00,answered,Ren'), Buffer.from([0xe9]), Buffer.from('e\n')]);
    write('bom-latin.csv', bytes);
    expect(run(['--db', 'bom-latin.db', 'import', 'calls', 'bom-latin.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: bom-latin.csv: line 2: byte ${bytes.indexOf(0xe9)}: invalid UTF-8 bytes\nhint: the file mixes encodings or is not UTF-8; try --encoding gb18030\n`,
    });
    expect(snapshot(db('bom-latin.db'))).toEqual(before);
  });

  test('GBK rows and UTF-8 rows in one file (two exports joined): refused as mixed', () => {
    const before = seeded('joined.db');
    const gbk = iconv.encode('call_id,started_at,outcome,customer_name\nG1,2026-10-01 09:00:00,answered,王小明\nG2,2026-10-01 09:01:00,answered,李四\n', 'gbk');
    const utf8 = Buffer.from('U1,2026-10-01 09:02:00,answered,陈大文\n');
    write('joined.csv', Buffer.concat([gbk, utf8]));
    expect(run(['--db', 'joined.db', 'import', 'calls', 'joined.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: joined.csv: line 2: byte ${gbk.indexOf(iconv.encode('王', 'gbk'))}: not UTF-8, though line 4 is UTF-8 text: the file mixes encodings\n${HINT}\n`,
    });
    expect(snapshot(db('joined.db'))).toEqual(before);
  });

  test('a GBK file full of Chinese (names, addresses, topics) is still read as GB18030, with the notice', () => {
    const names = ['王小明', '李四', '张三丰', '刘德华', '陈奕迅', '杨过', '赵敏', '黄蓉', '周芷若', '吴三桂', '郭靖', '欧阳锋'];
    const places = ['广东省深圳市南山区科技园', '上海市浦东新区世纪大道', '北京市海淀区中关村大街', '浙江省杭州市西湖区文三路', '四川省成都市武侯区人民南路'];
    const topics = ['快递延误', '包裹破损', '查询运单', '投诉态度', '修改地址', '催件', '退件', '运费咨询'];
    const data = Array.from({ length: 1500 }, (_, i) => [`G${String(i).padStart(5, '0')}`, `2026-10-01 ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`, i % 5 === 0 ? '放弃' : '已接听', names[i % names.length] as string, places[i % places.length] as string, topics[i % topics.length] as string]);
    const text = csv(['通话编号', '来电时间', '呼叫结果', '客户姓名', '客户地址', '主题'], data);
    write('big-gbk.csv', iconv.encode(text, 'gbk'));
    expect(statSync(join(dir(), 'big-gbk.csv')).size).toBeGreaterThan(64 * 1024);
    // The notice is for people (a terminal, or --verbose), not for cron's mail (issue 17 item 13).
    const r = run(['--db', 'big-gbk.db', '--verbose', 'import', 'calls', 'big-gbk.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: [
      'big-gbk.csv: not UTF-8; decoding as GB18030 (GBK). Use --encoding to choose another.',
      'big-gbk.csv: no wait_seconds column (等待时长, 振铃时长, 排队时长 …): service level, answered within the threshold, ASA and abandon waits of its calls show n/a',
      'big-gbk.csv: no talk_seconds column (通话时长, talk, billsec …): AHT and talk time of its calls show n/a',
      summary('big-gbk.csv', 1500, 1500, 1, 'gb18030'),
    ].join('\n') });
    expect(rows(db('big-gbk.db'), "SELECT customer_name, topic FROM calls WHERE call_id = 'G00002'")).toEqual([{ customer_name: '张三丰', topic: '查询运单' }]);
  });

  test('an invalid byte past the first 64 KiB of a UTF-8 file: exit 3 naming its line and byte, with the --encoding hint; never stored as U+FFFD', () => {
    const before = seeded('late-latin.db');
    const head = Buffer.from('call_id,started_at,outcome,customer_name\n' + Array.from({ length: 1600 }, (_, i) => `L${String(i).padStart(5, '0')},2026-10-01 09:00:00,answered,张三\n`).join('') + 'X1,2026-10-01 09:00:00,answered,Ren');
    expect(head.length).toBeGreaterThan(64 * 1024);
    write('late-latin.csv', Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('e\n')]));
    expect(run(['--db', 'late-latin.db', 'import', 'calls', '--skip-invalid', 'late-latin.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: late-latin.csv: line 1602: byte ${head.length}: invalid UTF-8 bytes\nhint: the file mixes encodings or is not UTF-8; try --encoding gb18030\n`,
    });
    expect(snapshot(db('late-latin.db'))).toEqual(before);
  });
});

describe('17.14: no data rows and no calls, for cron', () => {
  test('a file with a header and no rows: imported (exit 0, a ledger entry) with a warning after its summary', () => {
    write('empty-day.csv', 'call_id,started_at,outcome\r\n');
    expect(run(['--db', 'empty-day.db', 'import', 'calls', 'empty-day.csv'])).toEqual({
      status: 0,
      stdout: '',
      stderr: summary('empty-day.csv', 0, 0, 1) + 'warning: empty-day.csv: no data rows, only a header (--require-rows makes this an error)\n',
    });
    expect(rows(db('empty-day.db'), 'SELECT id, file_name, rows FROM imports')).toEqual([{ id: 1, file_name: 'empty-day.csv', rows: 0 }]);
  });

  test('--require-rows: a file with no rows exits 3 and writes nothing, not even a ledger entry; a file with rows imports as usual', () => {
    const before = seeded('require.db');
    write('empty-2.csv', 'call_id,started_at,outcome\n\n');
    expect(run(['--db', 'require.db', 'import', 'calls', '--require-rows', 'empty-2.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: 'error: empty-2.csv: no data rows, only a header: nothing was imported (--require-rows)\nhint: the export may have run before the data was there; export it again\n',
    });
    expect(snapshot(db('require.db'))).toEqual(before);
    write('one-row.csv', 'call_id,started_at,outcome\nR1,2026-10-01 09:00:00,answered\n');
    expect(run(['--db', 'require.db', 'import', 'calls', '--require-rows', 'one-row.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('one-row.csv', 1, 1, 2) });
  });

  test('stats daily --require-calls: exit 3 on a day without calls, nothing written; a day with calls as usual', () => {
    write('day.csv', 'call_id,started_at,outcome,operator_id\nD1,2026-10-01 09:00:00,answered,1001\n');
    expect(run(['--db', 'stats.db', 'import', 'calls', 'day.csv']).status).toBe(0);
    expect(run(['--db', 'stats.db', 'stats', 'daily', '--date', '2026-10-02', '--require-calls', '--format', 'csv', '--out', 'daily-{date}.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: 'error: no calls on 2026-10-02 in stats.db: nothing was written (--require-calls)\nhint: import the day\'s calls first; without --require-calls the report is written with zeros and a warning\n',
    });
    expect(existsSync(join(dir(), 'daily-2026-10-02.csv'))).toBe(false);
    const ok = run(['--db', 'stats.db', 'stats', 'daily', '--date', '2026-10-01', '--require-calls', '--format', 'json']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).totals).toMatchObject({ offered: 1, answered: 1 });
  });
});
