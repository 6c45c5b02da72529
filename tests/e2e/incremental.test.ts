// Incremental import of growing logs (issue 23, docs/growing-logs.md): a file that only grew
// since the ledger read it is read from where that import ended. A log written in random chunks
// (cuts in the middle of a line and of a call's events) and imported after each chunk gives the
// rows, missed rings, per-day summary and `stats daily` of one import of the whole file; a
// rotated, truncated or rewritten file is read whole with a one-line notice; --again reads it
// whole; the ledger shows each import's byte range.
import { appendFileSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { random } from '../helpers/random.js';
import { local, pad, queueLog, T0 } from './pbx-logs.js';
import { csv, rows, workspace } from './support.js';

const ws = workspace('hotline-e2e-incremental-');
const path = (name: string): string => join(ws.dir(), name);

/**
 * A 21-column cdr_csv Master.csv of `n` calls, the records of a call written together when it
 * ends: half of them queue calls rung on two members over Local channels (four records sharing
 * a linkedid), the others one record answered by a member or left in the queue.
 */
function masterCsv(seed: number, n: number): string {
  const rand = random(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;
  let sequence = 100;
  const record = (f: { src: string; dst: string; ctx: string; channel: string; dstchannel: string; app: string; start: number; answer: number | null; end: number; disposition: string; uniqueid: string; linkedid: string }): string => {
    const bill = f.answer === null ? 0 : f.end - f.answer;
    return [q(''), q(f.src), q(f.dst), q(f.ctx), q(`"Customer" <${f.src}>`), q(f.channel), q(f.dstchannel), q(f.app), q('hotline'), q(local(f.start)),
      f.answer === null ? '' : q(local(f.answer)), q(local(f.end)), String(f.end - f.start), String(bill), q(f.disposition), q('DOCUMENTATION'),
      q(f.uniqueid), q(''), q(''), q(f.linkedid), String(sequence++)].join(',') + '\n';
  };
  let out = '';
  for (let i = 0; i < n; i++) {
    const start = T0 + 3600 + i * 300 + int(0, 30);
    const caller = `1${int(30, 89)}${pad(int(0, 99_999_999), 8)}`;
    const uid = `${start}.${i}`;
    const trunk = `PJSIP/trunk-${pad(i, 8)}`;
    const wait = int(3, 40);
    const end = start + wait + int(20, 200);
    const kind = rand();
    const m1 = 1001 + int(0, 3);
    const m2 = m1 + 4;
    if (kind < 0.5) {
      const a = `Local/${m1}@agents-${pad(i, 8)}`;
      const b = `Local/${m2}@agents-${pad(i, 8)}`;
      out += record({ src: caller, dst: '95338', ctx: 'from-trunk', channel: trunk, dstchannel: `${a};1`, app: 'Queue', start, answer: start + wait, end, disposition: 'ANSWERED', uniqueid: uid, linkedid: uid });
      out += record({ src: caller, dst: '95338', ctx: 'from-trunk', channel: trunk, dstchannel: `${b};1`, app: 'Queue', start, answer: null, end: start + wait, disposition: 'NO ANSWER', uniqueid: uid, linkedid: uid });
      out += record({ src: '95338', dst: String(m1), ctx: 'agents', channel: `${a};2`, dstchannel: `PJSIP/${m1}-${pad(i, 8)}`, app: 'Dial', start: start + 2, answer: start + wait, end, disposition: 'ANSWERED', uniqueid: `${start + 2}.${i}1`, linkedid: uid });
      out += record({ src: '95338', dst: String(m2), ctx: 'agents', channel: `${b};2`, dstchannel: `PJSIP/${m2}-${pad(i, 8)}`, app: 'Dial', start: start + 2, answer: null, end: start + wait, disposition: 'NO ANSWER', uniqueid: `${start + 2}.${i}2`, linkedid: uid });
    } else if (kind < 0.8) {
      out += record({ src: caller, dst: '95338', ctx: 'from-trunk', channel: trunk, dstchannel: `PJSIP/${m1}-${pad(i, 8)}`, app: 'Queue', start, answer: start + wait, end, disposition: 'ANSWERED', uniqueid: uid, linkedid: uid });
    } else {
      out += record({ src: caller, dst: '95338', ctx: 'from-trunk', channel: trunk, dstchannel: '', app: 'Queue', start, answer: start, end: start + wait, disposition: 'ANSWERED', uniqueid: uid, linkedid: uid });
    }
  }
  return out;
}

/** A canonical calls CSV of `n` rows; the last column is an address, some with a comma, one over two lines. */
function callsCsv(seed: number, n: number): string {
  const rand = random(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const data = Array.from({ length: n }, (_, i) => {
    const answered = rand() < 0.85;
    const address = i === Math.floor(n / 3) ? '深圳市南山区\n科技园路1号' : rand() < 0.3 ? `广州市天河区, ${int(1, 99)}号` : `上海市浦东新区${int(1, 999)}号`;
    return [`C${pad(i, 6)}`, local(T0 + 3600 + i * 450 + int(0, 300)), answered ? String(1001 + int(0, 7)) : '', answered ? 'answered' : 'abandoned',
      int(1, 120), answered ? int(30, 900) : 0, `1${int(30, 89)}${pad(int(0, 99_999_999), 8)}`, address];
  });
  return csv(['call_id', 'started_at', 'operator_id', 'outcome', 'wait_seconds', 'talk_seconds', 'customer_phone', 'customer_address'], data);
}

/** Random cut points of `text` (chunks of 1 byte to `max` bytes, most of them small). */
function cutsOf(text: Buffer, seed: number, max: number): number[] {
  const rand = random(seed);
  const cuts: number[] = [];
  for (let at = 0; at < text.length; ) {
    at = Math.min(text.length, at + 1 + Math.floor(rand() * rand() * max));
    cuts.push(at);
  }
  return cuts;
}

/** What a database holds of the calls it imported: every stored column but the ledger ids, the missed rings, the per-day summary. */
function contents(db: string): { calls: unknown[]; missed_rings: unknown[]; stats_days: unknown[] } {
  const calls = rows(db, 'SELECT * FROM calls ORDER BY call_id').map(({ import_id, created_import_id, seen_import_id, ...rest }) => rest);
  return {
    calls,
    missed_rings: rows(db, 'SELECT operator_id, rang_at, local_day, call_id, ring_seconds FROM missed_rings ORDER BY rang_at, operator_id, call_id'),
    stats_days: rows(db, 'SELECT * FROM stats_days ORDER BY local_day, dim, key, direction'),
  };
}

/** `stats daily` (JSON) of every day the database has calls on. */
function daily(db: string): string[] {
  const days = rows<{ local_day: string }>(db, 'SELECT DISTINCT local_day FROM calls ORDER BY local_day').map((r) => r.local_day);
  return days.map((d) => {
    const r = ws.run(['--db', db, 'stats', 'daily', '--date', d, '--format', 'json']);
    expect(r.status).toBe(0);
    return r.stdout;
  });
}

interface Growth {
  results: { cut: number; result: CliResult }[];
  /** Cuts that fell inside a line. */
  midLine: number;
}

/** Writes `text` to `name` chunk by chunk (appending to the one file), importing after each chunk with `args`. */
function growAndImport(name: string, text: Buffer, cuts: number[], args: string[]): Growth {
  writeFileSync(path(name), '');
  const results: Growth['results'] = [];
  let from = 0;
  for (const cut of cuts) {
    appendFileSync(path(name), text.subarray(from, cut));
    from = cut;
    results.push({ cut, result: ws.run([...args, '--format', 'json', name]) });
  }
  return { results, midLine: cuts.filter((c) => text[c - 1] !== 0x0a).length };
}

/** The line number `cut` falls in (1-based). */
const lineAt = (text: Buffer, cut: number): number => text.subarray(0, cut).toString('latin1').split('\n').length;

describe('a queue_log imported as it grows, in random chunks', () => {
  const text = Buffer.from(queueLog(23, 300));
  const cuts = cutsOf(text, 2301, text.length / 6);
  const args = (db: string): string[] => ['--db', db, 'import', 'calls', '--profile', 'asterisk-queue-log'];

  test('every import reads only what was appended, and the end is one whole import: calls, missed rings, per-day summary, stats daily', () => {
    writeFileSync(path('whole.log'), text);
    const whole = ws.run([...args('whole.db'), 'whole.log']);
    expect(whole.status).toBe(0);
    const growth = growAndImport('queue_log', text, cuts, args('grown.db'));
    // The cuts this seed gives: in the middle of lines, and between the first and last event of calls.
    expect([cuts.length, growth.midLine]).toEqual([23, 22]);
        const ends = text.toString().split('\n').filter((l) => /\|(COMPLETECALLER|COMPLETEAGENT)\|/.test(l)).map((l) => l.split('|')[1]);
    const callLines = (id: string): number[] => text.toString().split('\n').flatMap((l, i) => (l.split('|')[1] === id ? [i + 1] : []));
    const straddled = cuts.filter((c) => ends.some((id) => {
      const at = callLines(id as string);
      const line = lineAt(text, c);
      return (at[0] as number) < line && line <= (at[at.length - 1] as number);
    }));
    expect(straddled.length).toBe(19);
    for (const { result } of growth.results) expect({ status: result.status, stderr: result.stderr.split('\n').filter((l) => l.startsWith('error')) }).toEqual({ status: 0, stderr: [] });

    // Each import after the first read from where the one before ended (a line start), up to the end of the last complete line.
    const ledger = rows<{ id: number; range_start: number; range_end: number; end_line: number; continues: number | null }>(path('grown.db'), 'SELECT id, range_start, range_end, end_line, continues FROM imports ORDER BY id');
    expect(ledger[0]).toMatchObject({ id: 1, range_start: 0, continues: null });
    for (let i = 1; i < ledger.length; i++) {
      const [prev, entry] = [ledger[i - 1], ledger[i]] as [(typeof ledger)[0], (typeof ledger)[0]];
      expect(entry).toMatchObject({ range_start: prev.range_end, continues: prev.id });
      expect(text[entry.range_end - 1]).toBe(0x0a);
      expect(entry.end_line).toBe(lineAt(text, entry.range_end) - 1);
    }
    expect(ledger[ledger.length - 1]?.range_end).toBe(text.length);
    // Cuts with nothing complete appended (the same line not yet ended) made no entry: "already imported".
    const imported = growth.results.filter((g) => JSON.parse(g.result.stdout).status === 'imported');
    expect(imported.length).toBe(ledger.length);
    // Only the newest entry keeps the profile's state.
    expect(rows(path('grown.db'), 'SELECT id FROM imports WHERE resume_state IS NOT NULL')).toEqual([{ id: ledger[ledger.length - 1]?.id }]);

    const expected = contents(path('whole.db'));
    // 300 calls, some on to a second queue and some cut by the restart (the part after it stored as callid#2), missed rings.
    expect([expected.calls.length, (expected.calls as { call_id: string }[]).filter((c) => c.call_id.endsWith('#2')).length, expected.missed_rings.length]).toEqual([335, 37, 84]);
    expect(contents(path('grown.db'))).toEqual(expected);
    expect(daily(path('grown.db'))).toEqual(daily(path('whole.db')));
  });

  test('the summary of a continuation names its bytes and the import it continues; the ledger shows them', () => {
    const db = path('grown.db');
    const last = rows<{ id: number; range_start: number; range_end: number; continues: number }>(db, 'SELECT id, range_start, range_end, continues FROM imports ORDER BY id DESC LIMIT 1')[0] as { id: number; range_start: number; range_end: number; continues: number };
    const appended = `${T0 + 999_000}|9.1|hotline|NONE|ENTERQUEUE||13800000000|1\n${T0 + 999_010}|9.1|hotline|NONE|ABANDON|1|1|10\n`;
    appendFileSync(path('queue_log'), appended);
    const r = ws.run(['--db', 'grown.db', 'import', 'calls', '--profile', 'asterisk-queue-log', 'queue_log']);
    expect(r.status).toBe(0);
    const end = text.length + appended.length;
    expect(r.stderr).toBe(`queue_log: 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #${last.id + 1}, utf-8, bytes ${text.length}–${end} appended since import #${last.id}; asterisk-queue-log: 2 records → 1 call (1 merged), 1 unfinished call not imported)\n`);
    const ledger = ws.run(['--db', 'grown.db', 'imports', '--limit', '2', '--format', 'json']);
    expect(JSON.parse(ledger.stdout).map((e: Record<string, unknown>) => [e.import_id, e.rows, e.range_start, e.range_end, e.continues])).toEqual([
      [last.id + 1, 1, text.length, end, last.id],
      [last.id, expect.any(Number), last.range_start, last.range_end, last.continues],
    ]);
    const again = ws.run(['--db', 'grown.db', 'import', 'calls', '--profile', 'asterisk-queue-log', 'queue_log']);
    expect(again).toEqual({ status: 0, stdout: '', stderr: `queue_log: already imported as import #${last.id + 1}; nothing changed\n` });
  });

  test('a line without its end yet is left for the next import, which reads it once it is complete', () => {
    const line = `${T0 + 999_100}|9.2|hotline|NONE|ENTERQUEUE||13800000001|1\n`;
    appendFileSync(path('queue_log'), line.slice(0, 17));
    const r = ws.run(['--db', 'grown.db', '--verbose', 'import', 'calls', '--profile', 'asterisk-queue-log', '--format', 'json', 'queue_log']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^queue_log: the last 17 bytes are a line without its end yet: left for the next import\nqueue_log: already imported as import #\d+; nothing changed\n$/);
    appendFileSync(path('queue_log'), line.slice(17) + `${T0 + 999_130}|9.2|hotline|NONE|ABANDON|1|1|30\n`);
    const done = ws.run(['--db', 'grown.db', 'import', 'calls', '--profile', 'asterisk-queue-log', '--format', 'json', 'queue_log']);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'imported', rows: 1, inserted: 1, profile: { records: 2, calls: 1 } });
    expect(rows(path('grown.db'), `SELECT call_id, outcome, wait_seconds FROM calls WHERE call_id = '9.2'`)).toEqual([{ call_id: '9.2', outcome: 'abandoned', wait_seconds: 30 }]);
  });

  test('--again reads the whole file as a new entry: every row unchanged', () => {
    const r = ws.run(['--db', 'grown.db', 'import', 'calls', '--profile', 'asterisk-queue-log', '--again', '--format', 'json', 'queue_log']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    const calls = rows(path('grown.db'), 'SELECT count(*) AS n FROM calls')[0] as { n: number };
    expect(s).toMatchObject({ status: 'imported', range_start: 0, continues_import_id: null, inserted: 0, updated: 0, unchanged: calls.n, rows: calls.n });
    expect(s.range_end).toBe(readFileSync(path('queue_log')).length);
  });
});

describe('a file that did not only grow is read whole, with a one-line notice', () => {
  const text = Buffer.from(queueLog(7, 60));
  const half = text.indexOf('\n', text.length / 2) + 1;
  const args = ['import', 'calls', '--profile', 'asterisk-queue-log', '--format', 'json'];

  /** The database after one import of `content` as `name`, for the comparison. */
  function wholeImport(db: string, name: string, content: Buffer): ReturnType<typeof contents> {
    writeFileSync(path(name), content);
    expect(ws.run(['--db', db, ...args, name]).status).toBe(0);
    return contents(path(db));
  }

  test('rotated (renamed, a new file at its name): the new file read whole; the old one, grown before it was renamed, continued', () => {
    writeFileSync(path('rot.log'), text.subarray(0, half));
    expect(ws.run(['--db', 'rot.db', ...args, 'rot.log']).status).toBe(0);
    appendFileSync(path('rot.log'), text.subarray(half, half + 700));
    renameSync(path('rot.log'), path('rot.log.1'));
    const next = Buffer.from(queueLog(8, 20));
    writeFileSync(path('rot.log'), next);
    const r = ws.run(['--db', 'rot.db', ...args, 'rot.log']);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('rot.log: not the file import #1 read (a new file: rotated or replaced): reading it whole');
    expect(JSON.parse(r.stdout)).toMatchObject({ import_id: 2, range_start: 0, continues_import_id: null });
    const old = ws.run(['--db', 'rot.db', ...args, 'rot.log.1']);
    expect(JSON.parse(old.stdout)).toMatchObject({ import_id: 3, range_start: half, continues_import_id: 1 });
    expect(old.stderr).not.toContain('reading it whole');
    wholeImport('rot-ref.db', 'rot-ref.1', text.subarray(0, half + 700));
    expect(contents(path('rot.db'))).toEqual(wholeImport('rot-ref.db', 'rot-ref.0', next));
  });

  test('truncated and written again (copytruncate): shorter than what was read, read whole', () => {
    writeFileSync(path('trunc.log'), text);
    expect(ws.run(['--db', 'trunc.db', ...args, 'trunc.log']).status).toBe(0);
    truncateSync(path('trunc.log'), 0);
    appendFileSync(path('trunc.log'), text.subarray(0, half));
    const r = ws.run(['--db', 'trunc.db', ...args, 'trunc.log']);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`trunc.log: ${half} bytes, shorter than the ${text.length} import #1 read (truncated or rewritten): reading it whole`);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'imported', range_start: 0, continues_import_id: null, unchanged: expect.any(Number), inserted: 0 });
  });

  test('a changed byte in the part already read (in its first 64 KiB, or in the 64 KiB before its end): read whole, the changed call updated', () => {
    const big = Buffer.from(queueLog(9, 800));
    const end = big.indexOf('\n', big.length / 2) + 1;
    expect(end).toBeGreaterThan(64 * 1024 + 4096);
    // The last digit of the caller's number of calls that ended before `end`: the first one, and one in the last block.
    const lines = big.subarray(0, end).toString().split('\n');
    const lastLine = new Map(lines.map((l, i) => [l.split('|')[1], i]));
    let offset = 0;
    const phones: number[] = [];
    lines.forEach((l, i) => {
      const m = /\|ENTERQUEUE\|\|1\d{10}\|/.exec(l);
      if (m && (lastLine.get(l.split('|')[1]) as number) > i && /COMPLETE|ABANDON/.test(lines[lastLine.get(l.split('|')[1]) as number] as string)) phones.push(offset + m.index + '|ENTERQUEUE||'.length + 10);
      offset += Buffer.byteLength(l) + 1;
    });
    const head = phones[0] as number;
    const tail = phones.filter((p) => p > end - 64 * 1024 + 100 && p > 64 * 1024)[0] as number;
    expect(tail).toBeLessThan(end);
    for (const [name, at] of [['head.log', head], ['tail.log', tail]] as const) {
      writeFileSync(path(name), big.subarray(0, end));
      expect(ws.run(['--db', `${name}.db`, ...args, name]).status).toBe(0);
      const changed = Buffer.from(big);
      changed[at] = changed[at] === 0x31 ? 0x32 : 0x31;
      writeFileSync(path(name), changed.subarray(0, end));
      appendFileSync(path(name), changed.subarray(end));
      const r = ws.run(['--db', `${name}.db`, ...args, name]);
      expect(r.status).toBe(0);
      expect(r.stderr.split('\n')[0]).toBe(`${name}: its first ${end} bytes changed since import #1 read them: reading it whole`);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'imported', range_start: 0, continues_import_id: null, updated: 1 });
      expect(contents(path(`${name}.db`))).toEqual(wholeImport(`${name}-ref.db`, `${name}.ref`, changed));
    }
  });
});

describe('Master.csv (asterisk-cdr) imported as it grows, in random chunks', () => {
  test('a call whose records straddle a cut is completed from the records after it: the end is one whole import', () => {
    const text = Buffer.from(masterCsv(11, 300));
    const cuts = cutsOf(text, 1101, text.length / 6);
    const args = (db: string): string[] => ['--db', db, 'import', 'calls', '--profile', 'asterisk-cdr'];
    writeFileSync(path('Master-whole.csv'), text);
    expect(ws.run([...args('cdr-whole.db'), 'Master-whole.csv']).status).toBe(0);
    const growth = growAndImport('Master.csv', text, cuts, args('cdr-grown.db'));
        // Imports that ended between two records of one call (a linkedid on both sides of the last line end before the cut).
    const lines = text.toString().split('\n');
    const linked = (n: number): string | undefined => lines[n - 1]?.split(',')[19];
    const between = cuts.filter((c) => {
      const next = lineAt(text, text.lastIndexOf(0x0a, c - 1) + 1);
      return linked(next - 1) === linked(next);
    });
    expect([cuts.length, growth.midLine, between.length]).toEqual([20, 19, 9]);
    for (const { result } of growth.results) expect(result.status).toBe(0);
    const ledger = rows<{ range_start: number; continues: number | null }>(path('cdr-grown.db'), 'SELECT range_start, continues FROM imports ORDER BY id');
    expect(ledger.filter((e) => e.continues !== null).length).toBe(ledger.length - 1);
    const expected = contents(path('cdr-whole.db'));
    expect(expected.calls.length).toBe(300);
    expect(contents(path('cdr-grown.db'))).toEqual(expected);
    expect(daily(path('cdr-grown.db'))).toEqual(daily(path('cdr-whole.db')));
  });
});

describe('a canonical calls CSV imported as it grows, in random chunks', () => {
  test('the header read from the start, rows from where the last import ended; a line not ended yet left for the next import', () => {
    const text = Buffer.from(callsCsv(5, 400));
    // The program that writes it wrote its header and first rows, then the rest in random chunks.
    const cuts = cutsOf(text, 501, text.length / 8);
    cuts[0] = text.indexOf('\n', cuts[0] as number) + 1;
    writeFileSync(path('calls-whole.csv'), text);
    expect(ws.run(['--db', 'csv-whole.db', 'import', 'calls', 'calls-whole.csv']).status).toBe(0);
    const growth = growAndImport('calls.csv', text, cuts, ['--db', 'csv-grown.db', 'import', 'calls']);
    expect([cuts.length, growth.midLine]).toEqual([28, 26]);
    // The one refusal a cut can give: inside the quoted address written over two lines (its line
    // end is there, the closing quote not yet); the next import reads it from the same place.
    const split = lineAt(text, text.indexOf('深圳市南山区'));
    for (const { cut, result } of growth.results) {
      if (lineAt(text, cut) === split + 1 && text[cut - 1] !== 0x0a) {
        expect(result.status).toBe(3);
        expect(result.stderr).toMatch(new RegExp(`^error: calls.csv: line ${split}: a quoted value opened on line ${split} is never closed\n`));
      } else expect({ cut, status: result.status, stderr: result.stderr }).toEqual({ cut, status: 0, stderr: expect.any(String) });
    }
    const ledger = rows<{ range_start: number; range_end: number; continues: number | null }>(path('csv-grown.db'), 'SELECT range_start, range_end, continues FROM imports ORDER BY id');
    expect([ledger.length, ledger.filter((e) => e.continues !== null && e.range_start > 0).length]).toEqual([28, 27]);
    const expected = contents(path('csv-whole.db'));
    expect(expected.calls.length).toBe(400);
    expect(contents(path('csv-grown.db'))).toEqual(expected);
    expect(daily(path('csv-grown.db'))).toEqual(daily(path('csv-whole.db')));
  });

  test('a CSV whose last row has no line end is read to its end; rows appended later are read from the start of that row', () => {
    const text = callsCsv(6, 6);
    writeFileSync(path('export.csv'), text.slice(0, -1));
    const first = ws.run(['--db', 'export.db', 'import', 'calls', '--format', 'json', 'export.csv']);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'imported', rows: 6, inserted: 6 });
    const lastRow = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
    expect(JSON.parse(first.stdout)).toMatchObject({ range_start: 0, range_end: lastRow });
    appendFileSync(path('export.csv'), '\nC100001,2026-10-13 09:00:00,1001,answered,10,100,13800000001,深圳市\nC100002,2026-10-13 09:05:00,,abandoned,30,0,13800000002,广州市\n');
    const next = ws.run(['--db', 'export.db', 'import', 'calls', '--format', 'json', 'export.csv']);
    expect(JSON.parse(next.stdout)).toMatchObject({ status: 'imported', range_start: lastRow, continues_import_id: 1, rows: 3, inserted: 2, unchanged: 1 });
    expect(rows(path('export.db'), 'SELECT count(*) AS n FROM calls')).toEqual([{ n: 8 }]);
  });
});
