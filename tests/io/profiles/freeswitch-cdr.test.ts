// freeswitch-cdr: hand-made `example`-template records fed straight to the converter.
import { describe, expect, test } from 'vitest';
import { createFreeswitchConverter } from '../../../src/io/profiles/freeswitch-cdr.js';
import { feed, inputError } from './support.js';

const conv = (window?: number) => createFreeswitchConverter({ file: 'Master.csv', sourceZone: 'Asia/Shanghai', window });

interface FsFields {
  name?: string;
  number?: string;
  destination?: string;
  context?: string;
  start: string;
  answer?: string;
  end: string;
  duration: number | string;
  billsec: number | string;
  cause?: string;
  uuid: string;
  bleg?: string;
}

/** The 15 columns of the `example` template. */
function fs(f: FsFields): string[] {
  return [f.name ?? 'Customer', f.number ?? '13812345678', f.destination ?? '95338', f.context ?? 'public', f.start, f.answer ?? '', f.end,
    String(f.duration), String(f.billsec), f.cause ?? 'NORMAL_CLEARING', f.uuid, f.bleg ?? '', '', 'PCMA', 'PCMA'];
}

describe('one record per call (legs=a, the default)', () => {
  test('answered: wait = answer − start, talk = billsec, no operator in this template', () => {
    const fed = feed(conv(), [fs({ start: '2026-10-12 09:00:00', answer: '2026-10-12 09:00:09', end: '2026-10-12 09:02:09', duration: 129, billsec: 120, uuid: 'u-1' })]);
    expect(fed.rows).toEqual([{ call_id: 'u-1', started_at: '2026-10-12 09:00:00', operator_id: '', direction: 'inbound', outcome: 'answered', wait_seconds: '9', talk_seconds: '120', customer_phone: '13812345678', line: '1' }]);
    expect(fed.report.notes).toContain('1 call inbound, with no operator: the example template names no answering agent');
  });

  test.each([
    { name: 'NORMAL_CLEARING with no answer_stamp', cause: 'NORMAL_CLEARING' },
    { name: 'ORIGINATOR_CANCEL', cause: 'ORIGINATOR_CANCEL' },
    { name: 'NO_ANSWER', cause: 'NO_ANSWER' },
    { name: 'USER_BUSY', cause: 'USER_BUSY' },
  ])('$name → abandoned, wait = duration (the cause is not looked at)', ({ cause }) => {
    const fed = feed(conv(), [fs({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:21', duration: 21, billsec: 0, cause, uuid: 'u-2' })]);
    expect(fed.rows[0]).toMatchObject({ outcome: 'abandoned', wait_seconds: '21', talk_seconds: '' });
  });

  test('billsec > 0 with an empty answer_stamp counts as answered at end − billsec', () => {
    const fed = feed(conv(), [fs({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:01:00', duration: 60, billsec: 45, uuid: 'u-3' })]);
    expect(fed.rows[0]).toMatchObject({ outcome: 'answered', wait_seconds: '15', talk_seconds: '45' });
    expect(fed.report.notes).toContain('1 leg with billsec > 0 but no answer_stamp: answered at end_stamp − billsec');
  });

  test('outbound (extension dials an outside number): operator = caller_id_number, customer = destination', () => {
    const fed = feed(conv(), [fs({ number: '9008', destination: '+34688886392', start: '2014-05-29 17:01:32', end: '2014-05-29 17:01:32', duration: 0, billsec: 0, uuid: 'u-4' })]);
    expect(fed.rows).toEqual([{ call_id: 'u-4', started_at: '2014-05-29 17:01:32', operator_id: '9008', direction: 'outbound', outcome: 'abandoned', wait_seconds: '', talk_seconds: '', customer_phone: '+34688886392', line: '1' }]);
  });
});

describe('legs=ab: an A-leg and its B-leg are one call', () => {
  const a = fs({ start: '2026-10-12 09:00:00', answer: '2026-10-12 09:00:12', end: '2026-10-12 09:03:12', duration: 192, billsec: 180, uuid: 'a-leg', bleg: 'b-leg' });
  const b = fs({ number: '13812345678', destination: '1001', context: 'default', start: '2026-10-12 09:00:01', answer: '2026-10-12 09:00:12', end: '2026-10-12 09:03:12', duration: 191, billsec: 180, uuid: 'b-leg' });
  test.each([{ order: 'A then B', records: [a, b] }, { order: 'B then A', records: [b, a] }])('$order → call a-leg, 1 merged', ({ records }) => {
    const fed = feed(conv(), records);
    expect(fed.rows.map(({ line: _l, ...r }) => r)).toEqual([{ call_id: 'a-leg', started_at: '2026-10-12 09:00:00', operator_id: '', direction: 'inbound', outcome: 'answered', wait_seconds: '12', talk_seconds: '180', customer_phone: '13812345678' }]);
    expect(fed.report).toMatchObject({ records: 2, calls: 1, merged_records: 1 });
    expect(fed.report.notes).toContain("1 B-leg record merged into their A-leg's call through bleg_uuid (legs=ab)");
  });
});

describe('bad records', () => {
  test.each([
    { name: 'billsec > duration', f: { billsec: 9 }, column: 'billsec', reason: 'billsec 9 is longer than duration 5' },
    { name: 'empty uuid', f: { uuid: '' }, column: 'uuid', reason: 'empty uuid' },
    { name: 'answer before start', f: { answer: '2026-10-12 08:00:00' }, column: 'answer_stamp', reason: 'answer_stamp 2026-10-12 08:00:00 is before start_stamp 2026-10-12 09:00:00' },
    { name: 'duration not a number', f: { duration: '' }, column: 'duration', reason: 'empty; a whole number is expected' },
  ])('$name → an issue', ({ f, column, reason }) => {
    const record = fs({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:05', duration: 5, billsec: 0, uuid: 'u-5', ...f });
    const fed = feed(conv(), [fs({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:05', duration: 5, billsec: 0, uuid: 'u-0' }), record]);
    expect(fed.rows.map((r) => r.call_id)).toEqual(['u-0']);
    expect(fed.issues).toEqual([{ line: 2, column, value: expect.any(String), reason, record }]);
  });

  test('a line broken by a quote in a caller name (16 columns) is an issue, not merged with anything', () => {
    const broken = [...fs({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:05', duration: 5, billsec: 0, uuid: 'u-6' }), 'extra'];
    const fed = feed(conv(), [fs({ start: '2026-10-12 09:00:00', end: '2026-10-12 09:00:05', duration: 5, billsec: 0, uuid: 'u-0' }), broken]);
    expect(fed.issues.map((i) => [i.line, i.reason])).toEqual([[2, '16 columns; the "example" template writes 15']]);
  });
});

describe('files that are not the example template are refused at their first record', () => {
  test.each([
    { name: 'an Asterisk cdr_csv record', record: ['', '1001', '100', 'default', '', 'PJSIP/1001-00000001', '', 'Hangup', '', '2026-10-12 09:00:00', '', '2026-10-12 09:00:05', '5', '0', 'NO ANSWER', 'DOCUMENTATION', '1791766800.1', ''], message: 'Master.csv: line 1: 18 columns with the start time in column 10: this is an Asterisk cdr_csv Master.csv, not FreeSWITCH', hint: 'use --profile asterisk-cdr' },
    { name: "FreeSWITCH's asterisk template", record: ['', '1001', '100', 'default', '"" <1001>', 'sofia/internal/1001@pbx', '', 'bridge', '', '2026-10-12 09:00:00', '', '2026-10-12 09:00:05', '5', '0', 'NORMAL_CLEARING', 'DOCUMENTATION', 'a5c9f6c0-e752-11e3-8bfb-65b6c3cdac7d', ''], message: 'Master.csv: line 1: 18 columns with a hangup cause in column 15: this is FreeSWITCH\'s "asterisk" template, which hotline does not read', hint: 'hotline reads FreeSWITCH Master.csv written with the "example" template (15 columns), the vanilla default-template: set default-template="example" in cdr_csv.conf.xml' },
    { name: 'the 13-column default template', record: ['9007', '9007', '100', 'public', '2014-05-29 16:59:50', '', '2014-05-29 16:59:50', '0', '0', 'NORMAL_CLEARING', 'u', '', ''], message: 'Master.csv: line 1: 13 columns; the "example" template writes 15', hint: 'hotline reads FreeSWITCH Master.csv written with the "example" template (15 columns), the vanilla default-template; other templates (default, snom, linksys, custom) are not read' },
    { name: 'a header row', record: ['caller_id_name', 'caller_id_number', 'destination_number', 'context', 'start_stamp', 'answer_stamp', 'end_stamp', 'duration', 'billsec', 'hangup_cause', 'uuid', 'bleg_uuid', 'accountcode', 'read_codec', 'write_codec'], message: 'Master.csv: line 1: this is a header row (caller_id_name, caller_id_number, destination_number, context, …); mod_cdr_csv writes none', hint: 'delete the header line, or import the file without --profile (its header names the columns)' },
    { name: 'a start that is not a date-time', record: fs({ start: '29/05/2014 16:59', end: '2014-05-29 16:59:50', duration: 0, billsec: 0, uuid: 'u' }), message: 'Master.csv: line 1: column 5 (start_stamp) is "29/05/2014 16:59", not a date-time: this is not the "example" template', hint: 'hotline reads FreeSWITCH Master.csv written with the "example" template (15 columns), the vanilla default-template' },
  ])('$name', ({ record, message, hint }) => {
    expect(inputError(() => conv().push(record, 1))).toEqual({ message, hint });
  });

  test('an Excel-resaved file (2020/2/10 22:41, no seconds) is still read', () => {
    const fed = feed(conv(), [fs({ start: '2020/2/10 22:41', answer: '2020/2/10 22:41', end: '2020/2/10 22:43', duration: 120, billsec: 110, uuid: 'u-7' })]);
    expect(fed.rows[0]).toMatchObject({ started_at: '2020/2/10 22:41', outcome: 'answered', wait_seconds: '0', talk_seconds: '110' });
  });
});
