// asterisk-cdr: hand-made cdr_csv records fed straight to the converter. Times are wall-clock
// 2026-10-12 in the source zone; each expected wait/talk is worked out next to its records.
import { describe, expect, test } from 'vitest';
import { createAsteriskCdrConverter } from '../../../src/io/profiles/asterisk-cdr.js';
import { cdr16, cdr18, cdr21, feed, inputError, type CdrFields } from './support.js';

const conv = (window?: number, sourceZone = 'Asia/Shanghai') => createAsteriskCdrConverter({ file: 'Master.csv', sourceZone, window });

/**
 * A queue call fanned out to two members over Local channels (Asterisk 12+): the caller's two
 * pairings with the Local ;1 halves, and the ;2 halves ringing the phones. 1001 answers at
 * 09:00:18 after 18 s; they talk 180 s.
 */
const FANOUT: CdrFields[] = [
  { channel: 'PJSIP/trunk-00000010', dstchannel: 'Local/1001@agents-00000003;1', lastapp: 'Queue', start: '2026-10-12 09:00:00', answer: '2026-10-12 09:00:18', end: '2026-10-12 09:03:18', duration: 198, billsec: 180, disposition: 'ANSWERED', uniqueid: '1791766800.16', linkedid: '1791766800.16', sequence: 20 },
  { channel: 'PJSIP/trunk-00000010', dstchannel: 'Local/1002@agents-00000004;1', lastapp: 'Queue', start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:18', duration: 18, billsec: 0, disposition: 'NO ANSWER', uniqueid: '1791766800.16', linkedid: '1791766800.16', sequence: 21 },
  { src: '95338', channel: 'Local/1001@agents-00000003;2', dstchannel: 'PJSIP/1001-00000011', lastapp: 'AppDial', start: '2026-10-12 09:00:02', answer: '2026-10-12 09:00:18', end: '2026-10-12 09:03:18', duration: 196, billsec: 180, disposition: 'ANSWERED', uniqueid: '1791766802.18', linkedid: '1791766800.16', sequence: 22 },
  { src: '95338', channel: 'Local/1002@agents-00000004;2', dstchannel: 'PJSIP/1002-00000012', lastapp: 'AppDial', start: '2026-10-12 09:00:02', end: '2026-10-12 09:00:18', duration: 16, billsec: 0, disposition: 'NO ANSWER', uniqueid: '1791766802.20', linkedid: '1791766800.16', sequence: 23 },
];

const FANOUT_CALL = {
  call_id: '1791766800.16', started_at: '2026-10-12 09:00:00', operator_id: '1001', direction: 'inbound', outcome: 'answered',
  wait_seconds: '18', talk_seconds: '180', customer_phone: '13812345678',
};

describe('merging the records of one call', () => {
  test('21 columns: four records of a queue fan-out share a linkedid → one call, 3 merged', () => {
    const fed = feed(conv(), FANOUT.map(cdr21));
    expect(fed.rows).toEqual([{ ...FANOUT_CALL, line: '4' }]);
    expect(fed.issues).toEqual([]);
    expect(fed.report).toMatchObject({ records: 4, calls: 1, merged_records: 3 });
    expect(fed.report.notes).toContain('21 columns: uniqueid, userfield, peeraccount, linkedid and sequence present (4 records)');
    expect(fed.report.notes).toContain('4 records grouped into calls by linkedid');
  });

  test('18 columns (no linkedid): uniqueid joins the caller\'s records, the Local ;1/;2 names join the phone legs, in any order', () => {
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]]) {
      const fed = feed(conv(), order.map((i) => cdr18(FANOUT[i] as CdrFields)));
      expect(fed.rows.map(({ line: _line, ...r }) => r)).toEqual([FANOUT_CALL]);
      expect(fed.report).toMatchObject({ records: 4, calls: 1, merged_records: 3 });
    }
  });

  test('a transfer: two answered records of one linkedid; talk runs from the first answer to the last answered end', () => {
    // 1001 answers at 09:00:10 (wait 10) and talks 60 s, then transfers to 1002, who talks until 09:02:40.
    const fed = feed(conv(), [
      cdr21({ dstchannel: 'PJSIP/1001-00000001', start: '2026-10-12 09:00:00', answer: '2026-10-12 09:00:10', end: '2026-10-12 09:01:10', duration: 70, billsec: 60, disposition: 'ANSWERED', uniqueid: '1791766800.1', linkedid: '1791766800.1' }),
      cdr21({ channel: 'PJSIP/1001-00000001', dstchannel: 'PJSIP/1002-00000003', start: '2026-10-12 09:01:00', answer: '2026-10-12 09:01:10', end: '2026-10-12 09:02:40', duration: 100, billsec: 90, disposition: 'ANSWERED', uniqueid: '1791766860.3', linkedid: '1791766800.1' }),
    ]);
    expect(fed.rows).toEqual([{ call_id: '1791766800.1', started_at: '2026-10-12 09:00:00', operator_id: '1001', direction: 'inbound', outcome: 'answered', wait_seconds: '10', talk_seconds: '150', customer_phone: '13812345678', line: '2' }]);
  });

  test('a call is emitted once `window` records have passed without one of its records, and at the end', () => {
    const c = conv(2);
    const rec = (id: string, line: number) => cdr18({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:30', duration: 30, billsec: 0, disposition: 'NO ANSWER', uniqueid: id, src: `1381234567${line}` });
    // A, B, A, C, D: A is last seen at record 3 → emitted with record 5; B (record 2) with record 4.
    const fed = feed(c, [rec('A.1', 1), rec('B.1', 2), rec('A.1', 3), rec('C.1', 4), rec('D.1', 5)]);
    expect(fed.perPush).toEqual([0, 0, 0, 1, 1]);
    expect(fed.rows.map((r) => [r.call_id, r.line])).toEqual([['B.1', '2'], ['A.1', '3'], ['C.1', '4'], ['D.1', '5']]);
    expect(fed.report).toMatchObject({ records: 5, calls: 4, merged_records: 1 });
  });

  test('a record that comes after its call was emitted is rejected with the line of the call', () => {
    const rec = (id: string) => cdr18({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:30', duration: 30, billsec: 0, disposition: 'NO ANSWER', uniqueid: id });
    const fed = feed(conv(2), [rec('A.1'), rec('B.1'), rec('C.1'), rec('A.1')]);
    expect(fed.rows.map((r) => r.call_id)).toEqual(['A.1', 'B.1', 'C.1']);
    expect(fed.issues).toEqual([expect.objectContaining({ line: 4, reason: 'this record belongs to a call already emitted at line 1, more than 2 records earlier' })]);
    expect(fed.report.notes).toContain('1 record came more than the merge window after their call had been emitted: rejected');
  });
});

describe('outcome, wait and operator of single records', () => {
  const base = { start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:40', duration: 40 };
  test.each([
    { name: 'ANSWERED by a member', f: { dstchannel: 'SIP/1003-0a1b2c3d', answer: '2026-10-12 09:00:07', billsec: 33, disposition: 'ANSWERED' }, expected: ['answered', '1003', '7', '33'] },
    { name: 'NO ANSWER', f: { dstchannel: 'PJSIP/1001-00000001', billsec: 0, disposition: 'NO ANSWER' }, expected: ['abandoned', '', '40', ''] },
    { name: 'BUSY', f: { dstchannel: 'PJSIP/1001-00000001', billsec: 0, disposition: 'BUSY' }, expected: ['abandoned', '', '40', ''] },
    { name: 'FAILED', f: { billsec: 0, disposition: 'FAILED' }, expected: ['abandoned', '', '40', ''] },
    { name: 'CONGESTION', f: { billsec: 0, disposition: 'CONGESTION' }, expected: ['abandoned', '', '40', ''] },
    { name: 'CANCEL', f: { billsec: 0, disposition: 'CANCEL' }, expected: ['abandoned', '', '40', ''] },
    { name: 'UNKNOWN', f: { billsec: 0, disposition: 'UNKNOWN' }, expected: ['abandoned', '', '40', ''] },
    { name: 'NO ANSWER keeps no answer time even if one is written', f: { answer: '2026-10-12 09:00:05', billsec: 0, disposition: 'NO ANSWER' }, expected: ['abandoned', '', '40', ''] },
    // Issue 18.7, decided for profiles: the billsec of a leg nobody answered (the dialplan had answered the channel: IVR, music) is not talk: abandoned, all of it wait.
    { name: 'NO ANSWER with billsec 35 (the IVR had answered): abandoned with no talk, the 40 s are wait', f: { answer: '2026-10-12 09:00:05', billsec: 35, disposition: 'NO ANSWER' }, expected: ['abandoned', '', '40', ''] },
    { name: 'ANSWERED by Queue() with no member (caller hung up in the queue)', f: { lastapp: 'Queue', answer: '2026-10-12 09:00:00', billsec: 40, disposition: 'ANSWERED' }, expected: ['abandoned', '', '40', ''] },
    { name: 'ANSWERED by the dialplan (IVR), no destination channel', f: { lastapp: 'Playback', answer: '2026-10-12 09:00:01', billsec: 39, disposition: 'ANSWERED' }, expected: ['answered', '', '1', '39'] },
  ])('$name → $expected', ({ f, expected }) => {
    const fed = feed(conv(), [cdr18({ ...base, ...f } as CdrFields)]);
    expect(fed.issues).toEqual([]);
    const r = fed.rows[0];
    expect([r?.outcome, r?.operator_id, r?.wait_seconds, r?.talk_seconds]).toEqual(expected);
  });

  test.each([
    { name: 'an answering channel PJSIP/../../1001-0000000a', f: { dstchannel: 'PJSIP/../../1001-0000000a', answer: '2026-10-12 09:00:07', billsec: 33, disposition: 'ANSWERED' }, column: 'dstchannel', reason: 'dstchannel "PJSIP/../../1001-0000000a" is a path, not a channel (endpoint "..")' },
    { name: 'an outbound calling channel SIP/./1001-0000000b', f: { src: '1001', dst: '13912345678', dcontext: 'from-internal', channel: 'SIP/./1001-0000000b', dstchannel: 'PJSIP/trunk-00000006', answer: '2026-10-12 09:00:12', billsec: 28, disposition: 'ANSWERED' }, column: 'channel', reason: 'channel "SIP/./1001-0000000b" is a path, not a channel (endpoint ".")' },
  ])('$name is a bad row, not operator ".." (issue 18.8)', ({ f, column, reason }) => {
    const fed = feed(conv(), [cdr18({ ...base, ...f } as CdrFields)]);
    expect(fed.rows).toEqual([]);
    expect(fed.issues).toEqual([expect.objectContaining({ line: 1, column, reason })]);
  });

  test('outbound: an extension dials a mobile; the operator is the calling channel, the customer the number dialled', () => {
    const fed = feed(conv(), [cdr18({ src: '1001', dst: '13912345678', dcontext: 'from-internal', channel: 'PJSIP/1001-00000005', dstchannel: 'PJSIP/trunk-00000006', start: '2026-10-12 10:00:00', answer: '2026-10-12 10:00:12', end: '2026-10-12 10:01:12', duration: 72, billsec: 60, disposition: 'ANSWERED' })]);
    expect(fed.rows).toEqual([{ call_id: '1791766800.1', started_at: '2026-10-12 10:00:00', operator_id: '1001', direction: 'outbound', outcome: 'answered', wait_seconds: '', talk_seconds: '60', customer_phone: '13912345678', line: '1' }]);
    expect(fed.report.notes).toContain('1 call outbound (outbound context, or an extension dialled an outside number): operator from the calling channel');
  });

  test('wait is computed in the source zone: across the spring-forward hour in Europe/Berlin, 01:59:50 → 03:00:10 is 20 s', () => {
    const fed = feed(conv(undefined, 'Europe/Berlin'), [cdr18({ dstchannel: 'PJSIP/1001-00000001', start: '2026-03-29 01:59:50', answer: '2026-03-29 03:00:10', end: '2026-03-29 03:01:10', duration: 80, billsec: 60, disposition: 'ANSWERED' })]);
    expect(fed.rows[0]?.wait_seconds).toBe('20');
    expect(fed.report.notes).toContain('times read as Europe/Berlin wall-clock time (cdr_csv writes no zone; use --source-tz UTC when cdr.conf has usegmtime=yes)');
  });

  test('a caller number that is not a phone number is left out', () => {
    const fed = feed(conv(), [cdr18({ src: 'test', start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:05', duration: 5, billsec: 0, disposition: 'BUSY' })]);
    expect(fed.rows[0]?.customer_phone).toBe('');
    expect(fed.report.notes).toContain('1 call whose caller number is withheld or not a phone number (e.g. a SIP user name): customer_phone left empty');
  });
});

describe('column layouts (16 to 21)', () => {
  const f: CdrFields = { start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:05', duration: 5, billsec: 0, disposition: 'NO ANSWER', channel: 'SIP/1001-0000000a' };
  test.each([
    { n: 16, record: cdr16(f), id: 'SIP/1001-0000000a@2026-10-12 09:00:00', label: '16 columns: no uniqueid, userfield or linkedid' },
    { n: 17, record: [...cdr16(f), 'pbx1-1791766800.7'], id: 'pbx1-1791766800.7', label: '17 columns: uniqueid present (loguniqueid=yes)' },
    { n: 17, record: [...cdr16(f), 'VIP customer'], id: 'SIP/1001-0000000a@2026-10-12 09:00:00', label: '17 columns: userfield present (loguserfield=yes)' },
    { n: 18, record: cdr18({ ...f, uniqueid: '1791766800.7' }), id: '1791766800.7', label: '18 columns: uniqueid and userfield present' },
    { n: 19, record: [...cdr16(f), '', '1791766800.9', '3'], id: '1791766800.9', label: '19 columns: peeraccount, linkedid and sequence present (newcdrcolumns=yes)' },
    { n: 20, record: [...cdr16(f), '1791766800.7', '', '1791766800.9', '3'], id: '1791766800.9', label: '20 columns: uniqueid, peeraccount, linkedid and sequence present (newcdrcolumns=yes)' },
    { n: 20, record: [...cdr16(f), '', '', '1791766800.9', '3'], id: '1791766800.9', label: '20 columns: userfield, peeraccount, linkedid and sequence present (newcdrcolumns=yes)' },
    { n: 21, record: cdr21({ ...f, uniqueid: '1791766800.7', linkedid: '1791766800.9' }), id: '1791766800.9', label: '21 columns: uniqueid, userfield, peeraccount, linkedid and sequence present' },
  ])('$n columns → call_id $id', ({ record, id, label }) => {
    const fed = feed(conv(), [record]);
    expect(fed.rows.map((r) => r.call_id)).toEqual([id]);
    expect(fed.report.notes[0]).toBe(`${label} (1 record)`);
  });
});

describe('bad records become issues; their whole call is rejected', () => {
  const ok: CdrFields = { start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:30', duration: 30, billsec: 0, disposition: 'NO ANSWER', uniqueid: '1791766800.1' };
  test.each([
    { name: 'billsec > duration', f: { billsec: 31 }, column: 'billsec', reason: 'billsec 31 is longer than duration 30' },
    { name: 'unknown disposition', f: { disposition: 'HUNG UP' }, column: 'disposition', reason: '"HUNG UP" is not an Asterisk disposition (ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION, CANCEL)' },
    { name: 'ANSWERED without an answer time', f: { disposition: 'ANSWERED' }, column: 'answer', reason: 'disposition ANSWERED but no answer time' },
    { name: 'end before start', f: { end: '2026-10-12 08:59:00' }, column: 'end', reason: 'end 2026-10-12 08:59:00 is before start 2026-10-12 09:00:00' },
    { name: 'duration not a number', f: { duration: '3x' }, column: 'duration', reason: '"3x" is not a whole number' },
    { name: 'bad end date', f: { end: '2026-02-30 09:00:00' }, column: 'end', reason: '"2026-02-30 09:00:00" is not a real date' },
  ])('$name', ({ f, column, reason }) => {
    const record = cdr18({ ...ok, ...f } as CdrFields);
    const fed = feed(conv(), [cdr18({ ...ok, uniqueid: 'other.1' }), record], 7);
    expect(fed.rows.map((r) => r.call_id)).toEqual(['other.1']);
    expect(fed.issues).toEqual([{ line: 8, column, value: expect.any(String), reason, record }]);
    expect(fed.report).toMatchObject({ records: 2, calls: 2, merged_records: 0 });
  });

  test('one bad record of a merged call: the issue names the call, no row for it', () => {
    const fed = feed(conv(), [cdr21(FANOUT[0] as CdrFields), cdr21({ ...(FANOUT[1] as CdrFields), billsec: 99 })]);
    expect(fed.rows).toEqual([]);
    expect(fed.issues.map((i) => [i.line, i.reason])).toEqual([[2, 'billsec 99 is longer than duration 18 (call 1791766800.16: none of its 2 records is imported)']]);
    expect(fed.report).toMatchObject({ records: 2, calls: 1, merged_records: 1 });
  });

  test('a later record with a column count other than 16–21 is an issue', () => {
    const fed = feed(conv(), [cdr18(ok), ['"x"', 'y']]);
    expect(fed.issues).toEqual([{ line: 2, column: '', value: '', reason: '2 columns; an Asterisk cdr_csv record has 16 to 21', hint: 'a record broken by a line break or a stray quote, or a line from another file', record: ['"x"', 'y'] }]);
  });
});

describe('files that are not cdr_csv are refused at their first record', () => {
  const c = () => conv();
  test('a header row', () => {
    expect(inputError(() => c().push(['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags'], 1))).toEqual({
      message: "Master.csv: line 1: this is a header row (accountcode, src, dst, dcontext, …); Asterisk's cdr_csv Master.csv has no header",
      hint: 'an export with a header row is imported without --profile (its header names the columns); if someone added the line to a Master.csv, delete it',
    });
  });

  test('a cdr_custom record (clid first, start in column 9, numbers quoted)', () => {
    const custom = ['"" <client1>', 'client1', '100', 'default', 'PJSIP/client1-00000000', 'PJSIP/client2-00000001', 'Dial', 'PJSIP/client2', '2024-01-27 16:16:36', '2024-01-27 16:16:40', '2024-01-27 16:17:07', '31', '27', 'ANSWERED', 'DOCUMENTATION', '', '1706368596.0', '', '3'];
    expect(inputError(() => c().push(custom, 1))).toEqual({
      message: 'Master.csv: line 1: this is an Asterisk cdr_custom file (cdr-custom/Master.csv: the start time is in column 9 and clid comes first), not cdr_csv',
      hint: 'the asterisk-cdr profile reads only cdr_csv, whose columns are fixed; an Asterisk cdr_csv file is /var/log/asterisk/cdr-csv/Master.csv (enable [csv] in cdr.conf)',
    });
  });

  test('an unanswered cdr_custom record (empty answer) is recognised too', () => {
    const custom = ['"" <client1>', 'client1', '100', 'default', 'PJSIP/client1-00000000', '', 'Dial', 'PJSIP/client2', '2024-01-27 16:16:36', '', '2024-01-27 16:16:51', '15', '0', 'NO ANSWER', 'DOCUMENTATION', '', '1706368596.0', '', '3'];
    expect(inputError(() => c().push(custom, 1)).message).toContain('this is an Asterisk cdr_custom file');
  });

  test('a FreeSWITCH example-template record', () => {
    const fs = ['9007', '9007', '0034688886392', 'public', '2014-05-29 16:59:50', '', '2014-05-29 16:59:50', '0', '0', 'NORMAL_CLEARING', 'a5c9f6c0-e752-11e3-8bfb-65b6c3cdac7d', '', '', '', ''];
    expect(inputError(() => c().push(fs, 1))).toEqual({ message: 'Master.csv: line 1: 15 columns with the start time in column 5: this is a FreeSWITCH Master.csv (example template), not Asterisk cdr_csv', hint: 'use --profile freeswitch-cdr' });
  });

  test("FreeSWITCH's asterisk template (a hangup cause in column 15)", () => {
    const record = cdr18({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:30', duration: 30, billsec: 0, disposition: 'NORMAL_CLEARING', uniqueid: 'a5c9f6c0-e752-11e3-8bfb-65b6c3cdac7d' });
    expect(inputError(() => c().push(record, 1)).message).toBe('Master.csv: line 1: column 15 is a hangup cause ("NORMAL_CLEARING"), not an Asterisk disposition: this is FreeSWITCH\'s "asterisk" CSV template');
  });

  test('a queue_log line', () => {
    expect(inputError(() => c().push(['1791766900|1791766890.101|hotline|NONE|ENTERQUEUE||13812345678|1'], 1))).toEqual({ message: 'Master.csv: line 1: one column of |-separated fields: this looks like an Asterisk queue_log, not cdr_csv', hint: 'use --profile asterisk-queue-log' });
  });

  test('another column count', () => {
    expect(inputError(() => c().push(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], 3))).toEqual({ message: 'Master.csv: line 3: 12 columns; an Asterisk cdr_csv Master.csv record has 16 to 21', hint: 'an Asterisk cdr_csv file is /var/log/asterisk/cdr-csv/Master.csv' });
  });

  test('18 columns whose start is not a date-time', () => {
    const record = cdr18({ start: 'yesterday', end: '2026-10-12 09:00:30', duration: 30, billsec: 0, disposition: 'NO ANSWER' });
    expect(inputError(() => c().push(record, 1)).message).toBe('Master.csv: line 1: column 10 (start) is "yesterday", not a date-time: this is not an Asterisk cdr_csv record');
  });
});
