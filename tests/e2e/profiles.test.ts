// `hotline import calls --profile …` on the built binary: the synthetic queue_log fixture, a
// hand-written 21-column Master.csv, and the real files in ../shared/data/real (read in place);
// then the JSON summary's `profile` object, the stored rows (`calls list`) and `stats daily`.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES, ROOT, hotline, tempDir, type CliResult } from '../helpers/cli.js';

const REAL = join(ROOT, '..', 'shared', 'data', 'real');
const AST = join(REAL, 'asterisk-testsuite-cdr');
const FS = join(REAL, 'freeswitch-docs-cdr-csv');
const REAL_PRESENT = existsSync(REAL);
if (!REAL_PRESENT) console.warn(`profiles.test.ts: ${REAL} is absent; the imports of real files are skipped`);

let dir: string;
let cleanup: () => void;

function run(args: string[]): CliResult {
  return hotline(args, { cwd: dir, env: { TZ: 'UTC' } });
}

/** `calls list` of a database as objects (customer data shown). */
function listCalls(db: string, extra: string[] = []): Record<string, unknown>[] {
  const r = run(['--db', db, 'calls', 'list', '--format', 'json', '--show-pii', '--reason', 'profile test', ...extra]);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

/** The fields the profiles fill, of each listed call. */
function essentials(calls: Record<string, unknown>[]): unknown[][] {
  return calls.map((c) => [c.call_id, c.started_at, c.operator_id, c.direction, c.outcome, c.wait_seconds, c.talk_seconds, c.customer_phone]);
}

/**
 * A queue call fanned out to members 1001 and 1002 over Local channels, as Asterisk 12+ writes it
 * with every cdr.conf column on (21): quoted text, unquoted numbers, an unquoted empty answer for
 * the legs nobody answered. 1001 answers 18 s after the start and talks 180 s. Then a caller who
 * hangs up in the queue (ANSWERED by Queue(), no member): abandoned after 40 s.
 */
const MASTER_21 = [
  '"","13812345678","95338","from-trunk","""Customer"" <13812345678>","PJSIP/trunk-00000010","Local/1001@agents-00000003;1","Queue","hotline","2026-10-12 09:00:00","2026-10-12 09:00:18","2026-10-12 09:03:18",198,180,"ANSWERED","DOCUMENTATION","1791766800.16","","","1791766800.16",20',
  '"","13812345678","95338","from-trunk","""Customer"" <13812345678>","PJSIP/trunk-00000010","Local/1002@agents-00000004;1","Queue","hotline","2026-10-12 09:00:00",,"2026-10-12 09:00:18",18,0,"NO ANSWER","DOCUMENTATION","1791766800.16","","","1791766800.16",21',
  '"","95338","1001","agents","""Customer"" <13812345678>","Local/1001@agents-00000003;2","PJSIP/1001-00000011","Dial","PJSIP/1001,,","2026-10-12 09:00:02","2026-10-12 09:00:18","2026-10-12 09:03:18",196,180,"ANSWERED","DOCUMENTATION","1791766802.18","","","1791766800.16",22',
  '"","95338","1002","agents","""Customer"" <13812345678>","Local/1002@agents-00000004;2","PJSIP/1002-00000012","Dial","PJSIP/1002,,","2026-10-12 09:00:02",,"2026-10-12 09:00:18",16,0,"NO ANSWER","DOCUMENTATION","1791766802.20","","","1791766800.16",23',
  '"","13912345678","95338","from-trunk","""Customer 2"" <13912345678>","PJSIP/trunk-00000013","","Queue","hotline","2026-10-12 09:10:00","2026-10-12 09:10:00","2026-10-12 09:10:40",40,40,"ANSWERED","DOCUMENTATION","1791767400.21","","","1791767400.21",24',
].join('\n') + '\n';

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-profiles-'));
  copyFileSync(join(FIXTURES, 'profiles', 'queue_log'), join(dir, 'queue_log'));
  writeFileSync(join(dir, 'Master.csv'), MASTER_21);
});

afterAll(() => cleanup());

describe('--profile asterisk-queue-log (the synthetic fixture)', () => {
  test('the JSON summary reports events, calls, merged events, ignored events, missed rings and the unfinished call', () => {
    const r = run(['--db', 'q.db', '--verbose', 'import', 'calls', '--profile', 'asterisk-queue-log', '--format', 'json', 'queue_log']);
    expect(r.status).toBe(0);
    // Issue 20: the member events are presence: 1002 pauses and unpauses without an ADDMEMBER (a static member); a note, shown with --verbose.
    expect(r.stderr).toBe([
      'queue_log: presence of 4 operators rebuilt: 2 logouts, pauses or unpauses while logged out (not counted)',
      'queue_log: 8 rows: 8 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8; asterisk-queue-log: 35 records → 8 calls (15 merged), 4 missed rings, 8 presence events, 1 unfinished call not imported)',
      '',
    ].join('\n'));
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ file: 'queue_log', rows: 8, inserted: 8, rejected: 0, status: 'imported', delimiter: '|' });
    expect(summary.profile).toEqual({
      name: 'asterisk-queue-log', records: 35, calls: 8, merged_records: 15, missed_rings: 4, presence_events: 8,
      ignored_events: { CONFIGRELOAD: 1, DID: 1 },
      unfinished_calls: ['1791767800.135'],
      notes: [
        'times are epoch seconds (UTC)',
        '1 call began before the file (no ENTERQUEUE, log rotated): started_at = end event time − wait (− talk)',
        '1 RINGNOANSWER event with 0 ms (the member could not be rung): not counted as missed rings',
        '1 call whose caller number is withheld or not a phone number: customer_phone left empty',
        '1 call left the queue at its timeout (EXITWITHTIMEOUT): stored as abandoned',
        '1 call left the queue with a key press (EXITWITHKEY): stored as abandoned',
      ],
    });
  });

  test('the stored calls, in Shanghai time (the policy zone)', () => {
    expect(essentials(listCalls('q.db'))).toEqual([
      ['1791766100.90', '2026-10-12T08:49:10', '1002', 'inbound', 'answered', 20, 600, null],
      ['1791766890.101', '2026-10-12T09:01:40', '1001', 'inbound', 'answered', 12, 185, '13812345678'],
      ['1791766950.105', '2026-10-12T09:02:40', '1003', 'inbound', 'answered', 34, 240, '13912345678'],
      ['1791767000.110', '2026-10-12T09:03:30', null, 'inbound', 'abandoned', 25, null, '15012345678'],
      ['1791767100.115', '2026-10-12T09:05:10', null, 'inbound', 'abandoned', 300, null, '13712345678'],
      ['1791767300.120', '2026-10-12T09:08:30', '1001', 'inbound', 'answered', 8, 95, '18612345678'],
      ['1791767500.125', '2026-10-12T09:11:50', '1004', 'inbound', 'answered', 20, 130, null],
      ['1791767600.130', '2026-10-12T09:13:30', null, 'inbound', 'abandoned', 40, null, '13612345678'],
    ]);
  });

  test('stats daily: missed rings per operator come from RINGNOANSWER (1002 twice, 1003 and 1004 once)', () => {
    const r = run(['--db', 'q.db', 'stats', 'daily', '--date', '2026-10-12', '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.by_operator.map((o: Record<string, unknown>) => [o.operator_id, o.answered, o.missed_rings])).toEqual([
      ['1001', 2, 0], ['1002', 1, 2], ['1003', 1, 1], ['1004', 1, 1],
    ]);
    expect(report.totals).toMatchObject({ offered: 8, answered: 5, abandoned: 3, max_wait_seconds: 300, talk_seconds: 1250 });
  });

  test('importing the same file again changes nothing', () => {
    const r = run(['--db', 'q.db', 'import', 'calls', '--profile', 'asterisk-queue-log', 'queue_log']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('queue_log: already imported as import #1; nothing changed\n');
  });
});

describe('--profile asterisk-cdr', () => {
  test('a 21-column Master.csv: the fan-out merged by linkedid; the caller who hung up in the queue is abandoned', () => {
    const r = run(['--db', 'm.db', 'import', 'calls', '--profile', 'asterisk-cdr', '--format', 'json', 'Master.csv']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 2, inserted: 2, rejected: 0, delimiter: ',' });
    expect(summary.profile).toEqual({
      name: 'asterisk-cdr', records: 5, calls: 2, merged_records: 3, missed_rings: 0, presence_events: 0, ignored_events: {}, unfinished_calls: [],
      notes: [
        '21 columns: uniqueid, userfield, peeraccount, linkedid and sequence present (5 records)',
        '5 records grouped into calls by linkedid',
        'times read as Asia/Shanghai wall-clock time (cdr_csv writes no zone; use --source-tz UTC when cdr.conf has usegmtime=yes)',
        '1 call ended in Queue() with no member answering (the queue had answered the caller): stored as abandoned',
      ],
    });
    expect(essentials(listCalls('m.db'))).toEqual([
      ['1791766800.16', '2026-10-12T09:00:00', '1001', 'inbound', 'answered', 18, 180, '13812345678'],
      ['1791767400.21', '2026-10-12T09:10:00', null, 'inbound', 'abandoned', 40, null, '13912345678'],
    ]);
  });

  test.skipIf(!REAL_PRESENT)('the real self_test_Master.csv with --source-tz UTC: 2 records → 2 calls, stored at 08:26:32 Shanghai', () => {
    const r = run(['--db', 'st.db', 'import', 'calls', '--profile', 'asterisk-cdr', '--source-tz', 'UTC', '--format', 'json', join(AST, 'self_test_Master.csv')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).profile).toMatchObject({ records: 2, calls: 2, merged_records: 0 });
    expect(essentials(listCalls('st.db'))).toEqual([
      ['1270167992.0', '2010-04-02T08:26:32', null, 'inbound', 'answered', 0, 7, null],
      ['1270168442.0', '2010-04-02T08:34:02', null, 'inbound', 'answered', 0, 7, null],
    ]);
  });

  test.skipIf(!REAL_PRESENT)('the real malformed asttest_cdrlib_buggy.csv is refused with its line', () => {
    const r = run(['--db', 'bug.db', 'import', 'calls', '--profile', 'asterisk-cdr', join(AST, 'asttest_cdrlib_buggy.csv')]);
    expect(r).toEqual({
      status: 3, stdout: '',
      stderr: 'error: asttest_cdrlib_buggy.csv: line 1: a quoted value opened on line 1 is never closed\nhint: a quoted value is never closed: the whole file is refused; fix the quote and import again\n',
    });
  });

  test.skipIf(!REAL_PRESENT)('the real asttest_cdrlib_good.csv: its 5 records are one call, refused for billsec > duration on line 2', () => {
    const strict = run(['--db', 'good.db', 'import', 'calls', '--profile', 'asterisk-cdr', join(AST, 'asttest_cdrlib_good.csv')]);
    expect(strict).toEqual({
      status: 3, stdout: '',
      stderr: [
        'error: asttest_cdrlib_good.csv: 1 bad row; nothing was imported from this file',
        '  line 2: billsec: billsec 7 is longer than duration 5 (call 1231977075.0: none of its 5 records is imported)',
        'hint: fix the rows and import again, or use --skip-invalid --rejects FILE to import the good rows',
        '',
      ].join('\n'),
    });
    const lenient = run(['--db', 'good.db', 'import', 'calls', '--profile', 'asterisk-cdr', '--skip-invalid', '--rejects', 'good.rejects.csv', '--format', 'json', join(AST, 'asttest_cdrlib_good.csv')]);
    expect(lenient.status).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({ rows: 1, inserted: 0, rejected: 1, profile: { records: 5, calls: 1, merged_records: 4 } });
  });

  test('a cdr_custom file is refused, saying so', () => {
    writeFileSync(join(dir, 'custom.csv'), '"""Alice"" <1001>","1001","100","default","PJSIP/1001-00000000","PJSIP/1002-00000001","Dial","PJSIP/1002","2024-01-27 16:16:36","2024-01-27 16:16:40","2024-01-27 16:17:07","31","27","ANSWERED","DOCUMENTATION","","1706368596.0","",3\n');
    const r = run(['--db', 'c.db', 'import', 'calls', '--profile', 'asterisk-cdr', 'custom.csv']);
    expect(r).toEqual({
      status: 3, stdout: '',
      stderr: 'error: custom.csv: line 1: this is an Asterisk cdr_custom file (cdr-custom/Master.csv: the start time is in column 9 and clid comes first), not cdr_csv\n'
        + 'hint: the asterisk-cdr profile reads only cdr_csv, whose columns are fixed; an Asterisk cdr_csv file is /var/log/asterisk/cdr-csv/Master.csv (enable [csv] in cdr.conf)\n',
    });
  });
});

describe.skipIf(!REAL_PRESENT)('--profile freeswitch-cdr (the real docs sample)', () => {
  test('5 records → 5 unanswered outbound calls from extensions 9007 and 9008', () => {
    const r = run(['--db', 'fs.db', 'import', 'calls', '--profile', 'freeswitch-cdr', '--format', 'json', join(FS, 'Master_example_template.csv')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).profile).toMatchObject({ name: 'freeswitch-cdr', records: 5, calls: 5, merged_records: 0, unfinished_calls: [] });
    expect(essentials(listCalls('fs.db'))).toEqual([
      ['a5c9f6c0-e752-11e3-8bfb-65b6c3cdac7d', '2014-05-29T16:59:50', '9007', 'outbound', 'abandoned', null, null, '0034688886392'],
      ['e29ff0ae-e752-11e3-8bff-65b6c3cdac7d', '2014-05-29T17:01:32', '9008', 'outbound', 'abandoned', null, null, '+34688886392'],
      ['e2fe712e-e752-11e3-8c03-65b6c3cdac7d', '2014-05-29T17:01:33', '9008', 'outbound', 'abandoned', null, null, '34688886392'],
      ['e34619ac-e752-11e3-8c07-65b6c3cdac7d', '2014-05-29T17:01:33', '9008', 'outbound', 'abandoned', null, null, '0034688886392'],
      ['e38cb5b0-e752-11e3-8c0b-65b6c3cdac7d', '2014-05-29T17:01:34', '9008', 'outbound', 'abandoned', null, null, '00034688886392'],
    ]);
  });

  test('given to asterisk-cdr, it is refused naming the right profile', () => {
    const r = run(['--db', 'wrong.db', 'import', 'calls', '--profile', 'asterisk-cdr', join(FS, 'Master_example_template.csv')]);
    expect(r).toEqual({
      status: 3, stdout: '',
      stderr: 'error: Master_example_template.csv: line 1: 15 columns with the start time in column 5: this is a FreeSWITCH Master.csv (example template), not Asterisk cdr_csv\nhint: use --profile freeswitch-cdr\n',
    });
  });
});
