// Hostile values, round two (issue 18 items 5–8 and the ignored-columns line; issue 17 items 6
// and 16) on the built binary: each class of value that used to go in wrong is now either read
// right or refused as a bad row naming file, line, column and reason, and the database is left
// as it was when the file is refused.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { inTerminal, rows, tableCounts, withDb, workspace, zeros } from './support.js';

const { run, write, db, dir } = workspace('hotline-e2e-values-');

/** Nothing imported: no database at all, or one where every table (the ledger included) is empty. */
function expectNothingWritten(name: string): void {
  if (!existsSync(db(name))) return;
  const counts = tableCounts(db(name));
  expect(counts).toEqual(zeros(counts));
}

const ROWS_HINT = 'hint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows';

/** The exact stderr of a file refused for its bad rows. */
const refused = (file: string, lines: string[]): string =>
  [`error: ${file}: ${lines.length} bad row${lines.length > 1 ? 's' : ''}; nothing was imported from this file`, ...lines, ROWS_HINT, ''].join('\n');

const summary = (file: string, n: number, inserted: number, importId: number): string =>
  `${file}: ${n} rows: ${inserted} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #${importId}, utf-8)\n`;

describe('issue 18.5: invisible characters in identifiers', () => {
  test('a no-break space (or an em space) around an operator id is trimmed: one operator 1001, not three', () => {
    write('nbsp.csv', 'call_id,started_at,outcome,operator_id\nC1,2026-10-01 09:00:00,answered,1001\nC2,2026-10-01 09:01:00,answered,1001\u00a0\nC3\u2003,2026-10-01 09:02:00,answered,\u00a01001\n');
    const r = run(['--db', 'nbsp.db', 'import', 'calls', 'nbsp.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: summary('nbsp.csv', 3, 3, 1) });
    expect(rows(db('nbsp.db'), 'SELECT call_id, operator_id FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'C1', operator_id: '1001' },
      { call_id: 'C2', operator_id: '1001' },
      { call_id: 'C3', operator_id: '1001' },
    ]);
  });

  test('C1 followed by a zero-width space is a bad row, not a second call; a word joiner in an operator id too', () => {
    write('zw.csv', 'call_id,started_at,outcome,operator_id\nC1,2026-10-01 09:00:00,answered,1001\nC1\u200b,2026-10-01 09:01:00,answered,1001\nC2,2026-10-01 09:02:00,answered,10\u206001\n');
    const r = run(['--db', 'zw.db', 'import', 'calls', 'zw.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('zw.csv', [
        '  line 3: column 1 (call_id): "C1\u200b": identifier contains an invisible format character U+200B (zero-width space) (retype the value: it holds a character that cannot be seen)',
        '  line 4: column 4 (operator_id): "10\u206001": identifier contains an invisible format character U+2060 (word joiner) (retype the value: it holds a character that cannot be seen)',
      ]),
    });
    expectNothingWritten('zw.db');
  });
});

describe('issue 18.6: impossible UTC offsets', () => {
  test('+99, +25:00 and +0860 are bad values; +14:00 and -12:00 are read', () => {
    write('tz.csv', [
      'call_id,started_at,outcome',
      'T1,2026-10-01T09:00:00+99,answered',
      'T2,2026-10-01T09:00:00+25:00,answered',
      'T3,2026-10-01T09:00:00+0860,answered',
      'T4,2026-10-01T09:00:00+14:00,answered',
      'T5,2026-10-01T09:00:00-12:00,answered',
      '',
    ].join('\n'));
    const hint = '(offsets run from -12:00 to +14:00, with minutes below 60 (e.g. +08:00))';
    const r = run(['--db', 'tz.db', 'import', 'calls', 'tz.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('tz.csv', [
        `  line 2: column 2 (started_at): "2026-10-01T09:00:00+99" has an impossible UTC offset +99 ${hint}`,
        `  line 3: column 2 (started_at): "2026-10-01T09:00:00+25:00" has an impossible UTC offset +25:00 ${hint}`,
        `  line 4: column 2 (started_at): "2026-10-01T09:00:00+0860" has an impossible UTC offset +0860 ${hint}`,
      ]),
    });
    expectNothingWritten('tz.db');
    const ok = run(['--db', 'tz.db', 'import', 'calls', '--skip-invalid', '--rejects', 'tz.rejects.csv', 'tz.csv']);
    expect(ok.status).toBe(0);
    // 09:00 at +14:00 is 19:00 the day before in UTC, 03:00 in Shanghai; 09:00 at -12:00 is 21:00 UTC, 05:00 next day in Shanghai.
    expect(rows(db('tz.db'), 'SELECT call_id, started_at, local_day, local_hour FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'T4', started_at: 1790794800, local_day: '2026-10-01', local_hour: 3 },
      { call_id: 'T5', started_at: 1790888400, local_day: '2026-10-02', local_hour: 5 },
    ]);
  });
});

describe('issue 18.7: an abandoned call with talk time or a satisfaction score', () => {
  const CALLS = [
    'call_id,started_at,outcome,wait_seconds,talk_seconds,satisfaction',
    'A1,2026-10-12 09:00:00,answered,5,120,5',
    'A2,2026-10-12 09:01:00,放弃,30,0:01:00,',
    'A3,2026-10-12 09:02:00,abandoned,12,,1',
    'A4,2026-10-12 09:03:00,abandoned,12,0,',
    '',
  ].join('\n');

  test('canonical file: both are bad rows saying why; nothing of them enters talk time or the ratings', () => {
    write('abandoned.csv', CALLS);
    const r = run(['--db', 'ab.db', 'import', 'calls', 'abandoned.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('abandoned.csv', [
        '  line 3: column 5 (talk_seconds): "0:01:00": an abandoned call cannot have talk time (if the call was answered its outcome is wrong, else its talk time is)',
        '  line 4: column 6 (satisfaction): "1": an abandoned call cannot have a satisfaction score (a rating belongs to an answered call: the outcome or the score is wrong)',
      ]),
    });
    expectNothingWritten('ab.db');
    const skip = run(['--db', 'ab.db', 'import', 'calls', '--skip-invalid', '--rejects', 'ab.rejects.csv', 'abandoned.csv']);
    expect(skip.status).toBe(0);
    const day = JSON.parse(run(['--db', 'ab.db', 'stats', 'daily', '--date', '2026-10-12', '--format', 'json']).stdout) as { totals: Record<string, unknown> };
    expect(day.totals).toMatchObject({ offered: 2, answered: 1, abandoned: 1, talk_seconds: 120, satisfaction_avg: 5 });
  });

  test('through a mapping: the same bad rows, named by the file\'s own columns', () => {
    write('vendor.csv', [
      'id,start,result,queue_s,ser_time,rating',
      'M1,2026-10-12 10:00:00,AGENT,5,120,4',
      'M2,2026-10-12 10:01:00,HANG,30,45,',
      'M3,2026-10-12 10:02:00,HANG,12,0,2',
      '',
    ].join('\n'));
    write('vendor.json', JSON.stringify({
      kind: 'calls',
      fields: { call_id: 'id', started_at: 'start', outcome: { column: 'result', map: { AGENT: 'answered', HANG: 'abandoned' } }, wait_seconds: 'queue_s', talk_seconds: 'ser_time', satisfaction: 'rating' },
    }));
    const r = run(['--db', 'abm.db', 'import', 'calls', '--mapping', 'vendor.json', 'vendor.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('vendor.csv', [
        '  line 3: column 5 (ser_time): "45": an abandoned call cannot have talk time (if the call was answered its outcome is wrong, else its talk time is)',
        '  line 4: column 6 (rating): "2": an abandoned call cannot have a satisfaction score (a rating belongs to an answered call: the outcome or the score is wrong)',
      ]),
    });
    expectNothingWritten('abm.db');
  });
});

describe('issue 18.8: values that cannot be', () => {
  test('leave: more days than the period holds, a half day with no working day, a period of eleven centuries', () => {
    write('leave.csv', [
      '工号,类型,开始日期,结束日期,天数',
      '1001,年假,2026-11-02,2026-11-03,3',
      '1002,事假,2026-10-03,2026-10-03,0.5',
      '1003,病假,1900-01-01,2999-12-31,',
      '1004,事假,2026-10-10,2026-10-10,0.5',
      '1005,病假,2026-10-17,2026-10-18,2',
      '',
    ].join('\n'));
    const r = run(['--db', 'leave.db', 'import', 'leave', 'leave.csv']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('leave.csv', [
        '  line 2: column 5 (天数): 3 days do not fit in 2026-11-02 – 2026-11-03 (2 calendar days)',
        '  line 3: column 5 (天数): "0.5": a half day needs a working day, and 2026-10-03 – 2026-10-03 has none',
        '  line 4: column 4 (结束日期): the leave runs 401767 days (1900-01-01 – 2999-12-31); one record covers at most 731 days (two years) (split a longer absence into records of at most two years)',
      ]),
    });
    expectNothingWritten('leave.db');
    // The half day on the swapped working Saturday (国庆节调休 2026-10-10) and two calendar days of sick leave over a weekend go in.
    expect(run(['--db', 'leave.db', 'import', 'leave', '--skip-invalid', '--rejects', 'leave.rejects.csv', 'leave.csv']).status).toBe(0);
    expect(rows(db('leave.db'), 'SELECT operator_id, days FROM leave ORDER BY operator_id')).toEqual([
      { operator_id: '1004', days: 0.5 },
      { operator_id: '1005', days: 2 },
    ]);
  });

  test('tickets: promised before it was opened', () => {
    write('tickets.csv', 'ticket_id,kind,opened_at,operator_id,promised_at\nK1,complaint,2026-10-12 09:00:00,1001,2026-10-11 18:00:00\nK2,complaint,2026-10-12 09:00:00,1001,2026-10-13 18:00:00\n');
    const r = run(['--db', 'tickets.db', 'import', 'tickets', 'tickets.csv']);
    expect(r).toEqual({ status: 3, stdout: '', stderr: refused('tickets.csv', ['  line 2: column 5 (promised_at): "2026-10-11 18:00:00": promised before it was opened']) });
    expectNothingWritten('tickets.db');
  });

  test('evaluations: month 0000-01', () => {
    write('evaluations.csv', 'operator_id,month,metric,score\n1001,0000-01,teamwork,90\n1001,2026-10,teamwork,90\n');
    const r = run(['--db', 'evaluations.db', 'import', 'evaluations', 'evaluations.csv']);
    expect(r).toEqual({ status: 3, stdout: '', stderr: refused('evaluations.csv', ['  line 2: column 2 (month): "0000-01" is not a month (use YYYY-MM, a year from 1900 to 2999)']) });
    expectNothingWritten('evaluations.db');
  });
});

describe('issue 18.8: phone-system logs and mappings that cannot be right', () => {
  test('queue_log: a call whose events go back in time and an agent PJSIP/../../1001 are bad rows; the good call is imported with --skip-invalid', () => {
    write('queue_log', [
      '1791766900|Q.1|hotline|NONE|ENTERQUEUE||13812345678|1',
      '1791766890|Q.1|hotline|PJSIP/1001|CONNECT|12|1791766902.102|10',
      '1791767097|Q.1|hotline|PJSIP/1001|COMPLETECALLER|12|185|1',
      '1791766950|Q.2|hotline|NONE|ENTERQUEUE||13912345678|1',
      '1791766962|Q.2|hotline|PJSIP/../../1001|CONNECT|12|1791766952.103|10',
      '1791767100|Q.2|hotline|PJSIP/../../1001|COMPLETEAGENT|12|138|1',
      '1791767000|Q.3|hotline|NONE|ENTERQUEUE||13712345678|1',
      '1791767005|Q.3|hotline|PJSIP/1002|CONNECT|5|1791767001.104|5',
      '1791767065|Q.3|hotline|PJSIP/1002|COMPLETECALLER|5|60|1',
      '',
    ].join('\n'));
    const r = run(['--db', 'ql.db', 'import', 'calls', '--profile', 'asterisk-queue-log', 'queue_log']);
    expect(r).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('queue_log', [
        '  line 3: time: "1791767097": the events of call Q.1 are out of time order: CONNECT on line 2 (2026-10-12T01:01:30Z) is before ENTERQUEUE on line 1 (2026-10-12T01:01:40Z) (concatenate rotated queue_log files oldest first (queue_log.2, queue_log.1, queue_log))',
        '  line 6: agent: agent "PJSIP/../../1001" is a path, not a queue member (endpoint "..") (call Q.2)',
      ]),
    });
    expectNothingWritten('ql.db');
    expect(run(['--db', 'ql.db', 'import', 'calls', '--profile', 'asterisk-queue-log', '--skip-invalid', '--rejects', 'ql.rejects.csv', 'queue_log']).status).toBe(0);
    expect(rows(db('ql.db'), 'SELECT call_id, operator_id FROM calls ORDER BY call_id')).toEqual([{ call_id: 'Q.3', operator_id: '1002' }]);
  });

  test('a mapping whose date_format is YYYYMD is refused when it is read (exit 2), before any file is touched', () => {
    write('ymd.csv', 'id,day,result\nY1,2026111,AGENT\n');
    write('ymd.json', JSON.stringify({ kind: 'calls', fields: { call_id: 'id', started_at: { column: 'day', date_format: 'YYYYMD' }, outcome: 'result' } }));
    const r = run(['--db', 'ymd.db', 'import', 'calls', '--mapping', 'ymd.json', 'ymd.csv']);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: [
        'error: ymd.json: invalid mapping (1 problem)',
        '  fields.started_at.date_format: "YYYYMD": M and D both take 1 or 2 digits and nothing separates them, so the digits split two ways (111 is 1 and 11, or 11 and 1); use MM and DD, or put a separator between them',
        'hint: see docs/formats.md, "Mapping files"',
        '',
      ].join('\n'),
    });
    expect(existsSync(db('ymd.db'))).toBe(false);
  });
});

describe('issue 18, small ones: a line of 100k ignored column names', () => {
  test('stderr names the first 20 ignored columns and counts the rest; JSON still lists them all', () => {
    const extra = Array.from({ length: 100_000 }, (_, i) => `x${i + 1}`);
    write('wide.csv', `call_id,started_at,outcome,${extra.join(',')}\nW1,2026-10-12 09:00:00,answered${','.repeat(extra.length)}\n`);
    const r = run(['--db', 'wide.db', 'import', 'calls', '--format', 'json', 'wide.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      `wide.csv: ignored columns: ${extra.slice(0, 20).join(', ')} … and 99980 more (100000 in all)`,
      summary('wide.csv', 1, 1, 1).trimEnd(),
      '',
    ].join('\n'));
    expect((JSON.parse(r.stdout) as { ignored_columns: string[] }).ignored_columns).toHaveLength(100_000);
  });

  test('a few ignored columns are all named; a long or multi-line name is cut and quoted, so it cannot forge a line', () => {
    write('few.csv', `call_id,started_at,outcome,备注,"two\nlines",${'y'.repeat(300)}\nF1,2026-10-12 09:00:00,answered,,,\n`);
    const r = run(['--db', 'few.db', 'import', 'calls', 'few.csv']);
    expect(r).toEqual({
      status: 0,
      stdout: '',
      stderr: `few.csv: ignored columns: 备注, "two\\nlines", ${'y'.repeat(60)}…\n` + summary('few.csv', 1, 1, 1).replace('1 rows', '1 rows'),
    });
  });
});

describe('issue 17.16: without --skip-invalid, every bad row is counted, key conflicts further on included', () => {
  test('a bad value on line 3 and a key given twice with different content on line 5: 2 bad rows both ways', () => {
    write('conflict.csv', [
      'call_id,started_at,outcome,wait_seconds',
      'K1,2026-10-12 09:00:00,answered,5',
      'K2,2026-10-12 09:01:00,maybe,5',
      'K3,2026-10-12 09:02:00,answered,7',
      'K1,2026-10-12 09:00:00,answered,9',
      'K3,2026-10-12 09:02:00,answered,7',
      '',
    ].join('\n'));
    const strict = run(['--db', 'conflict.db', 'import', 'calls', 'conflict.csv']);
    expect(strict).toEqual({
      status: 3,
      stdout: '',
      stderr: refused('conflict.csv', [
        '  line 3: column 3 (outcome): "maybe" is not one of answered, abandoned',
        '  line 5: column 1 (call_id): call_id K1 is also on line 2 with different content (keep one of the two lines)',
      ]),
    });
    expectNothingWritten('conflict.db');
    const skip = run(['--db', 'conflict.db', 'import', 'calls', '--skip-invalid', '--rejects', 'conflict.rejects.csv', '--format', 'json', 'conflict.csv']);
    expect(skip.status).toBe(0);
    expect(JSON.parse(skip.stdout)).toMatchObject({ rows: 5, inserted: 2, rejected: 2, skipped: 1 });
  });

  test('25 bad values, then a conflict on the last line: "26 bad rows", the first 20 by line, "… and 6 more"; --skip-invalid rejects 26', () => {
    const lines = ['call_id,started_at,outcome'];
    for (let i = 0; i < 25; i++) lines.push(`B${i},2026-10-12 09:00:00,maybe`);
    lines.push('G1,2026-10-12 09:00:00,answered');
    for (let i = 0; i < 300; i++) lines.push(`N${i},2026-10-12 09:00:00,answered`);
    lines.push('G1,2026-10-12 09:00:00,abandoned');
    write('many.csv', lines.join('\n') + '\n');
    const strict = run(['--db', 'many.db', 'import', 'calls', 'many.csv']);
    expect(strict.status).toBe(3);
    const err = strict.stderr.split('\n');
    expect(err[0]).toBe('error: many.csv: 26 bad rows; nothing was imported from this file');
    expect(err.slice(1, 21)).toEqual(Array.from({ length: 20 }, (_, i) => `  line ${i + 2}: column 3 (outcome): "maybe" is not one of answered, abandoned`));
    expect(err.slice(21)).toEqual(['  … and 6 more', ROWS_HINT, '']);
    expectNothingWritten('many.db');
    const skip = run(['--db', 'many.db', 'import', 'calls', '--skip-invalid', '--rejects', 'many.rejects.csv', '--format', 'json', 'many.csv']);
    expect(JSON.parse(skip.stdout)).toMatchObject({ rows: 327, inserted: 301, rejected: 26 });
  });
});

describe('issue 17.6: headers with a unit, and KPIs a file cannot give', () => {
  /** The day's totals as `stats daily --format json` gives them. */
  const totals = (name: string, date = '2026-10-12'): Record<string, unknown> => {
    const r = run(['--db', name, 'stats', 'daily', '--date', date, '--format', 'json']);
    expect(r.status).toBe(0);
    return (JSON.parse(r.stdout) as { totals: Record<string, unknown> }).totals;
  };

  test('等待时长(秒), 通话时长（分钟）, wait (s), talk (min) are read, minutes converted: the service level is the real one, not 0', () => {
    write('units-zh.csv', [
      '通话编号,来电时间,呼叫结果,等待时长(秒),通话时长（分钟）',
      'U1,2026-10-12 09:00:00,已接听,8,2.5',
      'U2,2026-10-12 09:10:00,已接听,40,0:03:00',
      'U3,2026-10-12 09:20:00,放弃,3,0',
      '',
    ].join('\n'));
    write('units-en.csv', 'call_id,started_at,outcome,wait (s),talk (min)\nU4,2026-10-12 10:00:00,answered,10,1\n');
    const r = run(['--db', 'units.db', 'import', 'calls', 'units-zh.csv', 'units-en.csv']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: summary('units-zh.csv', 3, 3, 1) + summary('units-en.csv', 1, 1, 2) });
    expect(rows(db('units.db'), 'SELECT call_id, wait_seconds, talk_seconds FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'U1', wait_seconds: 8, talk_seconds: 150 },
      { call_id: 'U2', wait_seconds: 40, talk_seconds: 180 },
      { call_id: 'U3', wait_seconds: 3, talk_seconds: 0 },
      { call_id: 'U4', wait_seconds: 10, talk_seconds: 60 },
    ]);
    // A: answered within 15 s (U1, U4) / offered 4 = 0.5; AHT (150 + 180 + 60) / 3 = 130.
    expect(totals('units.db')).toMatchObject({ offered: 4, answered_within_threshold: 2, service_level: 0.5, aht_seconds: 130, talk_seconds: 390 });
  });

  test('a unit hotline cannot read (毫秒) refuses the file at its header, naming the column and the units it reads', () => {
    write('ms.csv', 'call_id,started_at,outcome,通话时长(毫秒)\nM1,2026-10-12 09:00:00,answered,150000\n');
    expect(run(['--db', 'ms.db', 'import', 'calls', 'ms.csv'])).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: ms.csv: line 1: column "通话时长(毫秒)": the unit "毫秒" is not one hotline reads for talk_seconds',
        'hint: write the unit as seconds (s, sec, 秒), minutes (min, 分钟, 分) or hours (h, 小时), or leave it out',
        '',
      ].join('\n'),
    });
    expectNothingWritten('ms.db');
  });

  test('no wait column: service level, within-threshold counts and ASA are null (n/a), never 0, from the summary and from the calls alike', () => {
    write('nowait.csv', 'call_id,started_at,operator_id,outcome,talk_seconds\nN1,2026-10-12 09:00:00,1001,answered,100\nN2,2026-10-12 09:05:00,1001,answered,50\nN3,2026-10-12 09:06:00,,abandoned,0\n');
    // Not at a terminal (a cron job): the summary line only.
    expect(run(['--db', 'nowait.db', 'import', 'calls', 'nowait.csv'])).toEqual({ status: 0, stdout: '', stderr: summary('nowait.csv', 3, 3, 1) });
    const unknown = { service_level: null, answered_within_threshold: null, abandoned_within_threshold: null, short_abandoned: null, asa_seconds: null, max_wait_seconds: null, aht_seconds: 75, talk_seconds: 150 };
    expect(totals('nowait.db')).toMatchObject({ offered: 3, answered: 2, abandoned: 1, ...unknown });
    const range = JSON.parse(run(['--db', 'nowait.db', 'stats', 'range', '--from', '2026-10-12', '--to', '2026-10-12', '--by', 'operator', '--format', 'json']).stdout) as { rows: Record<string, unknown>[] };
    expect(range.rows).toEqual([expect.objectContaining({ period: '1001', answered: 2, service_level: null, answered_within_threshold: null, aht_seconds: 75 })]);
    // The same from the calls themselves (no per-day summary).
    withDb(db('nowait.db'), (d) => d.prepare("DELETE FROM settings WHERE key = 'stats_summary'").run());
    expect(totals('nowait.db')).toMatchObject(unknown);
  });

  test('no talk column: AHT and talk time are null (n/a), never 0', () => {
    write('notalk.csv', 'call_id,started_at,outcome,wait_seconds\nT1,2026-10-12 09:00:00,answered,10\nT2,2026-10-12 09:05:00,answered,20\n');
    expect(run(['--db', 'notalk.db', 'import', 'calls', 'notalk.csv']).status).toBe(0);
    expect(totals('notalk.db')).toMatchObject({ answered: 2, service_level: 0.5, asa_seconds: 15, aht_seconds: null, talk_seconds: null });
  });

  test('import inspect maps a header with a unit as the import does; one with a unit it cannot read maps to nothing', () => {
    write('inspect.csv', 'call_id,started_at,outcome,等待时长(秒),talk (min),通话时长(毫秒)\nI1,2026-10-12 09:00:00,answered,5,1,100\n');
    const r = run(['import', 'inspect', 'inspect.csv', '--kind', 'calls', '--format', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { columns: unknown[] }).columns.slice(3)).toEqual([
      { column: 4, header: '等待时长(秒)', field: 'wait_seconds' },
      { column: 5, header: 'talk (min)', field: 'talk_seconds' },
      { column: 6, header: '通话时长(毫秒)', field: null },
    ]);
  });

  test('at a terminal, the import says which KPIs the file cannot give', () => {
    write('tty.csv', 'call_id,started_at,outcome\nY1,2026-10-12 09:00:00,answered\n');
    const r = inTerminal(['--db', 'tty.db', 'import', 'calls', 'tty.csv'], { cwd: dir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('tty.csv: no wait_seconds column (等待时长, 振铃时长, 排队时长 …): service level, answered within the threshold, ASA and abandon waits of its calls show n/a');
    expect(r.stdout).toContain('tty.csv: no talk_seconds column (通话时长, talk, billsec …): AHT and talk time of its calls show n/a');
  });
});
