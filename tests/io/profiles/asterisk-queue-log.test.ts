// asterisk-queue-log: hand-written queue_log lines fed straight to the converter. Epoch
// 1791766800 is 2026-10-12 01:00:00 UTC (09:00:00 in Shanghai).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asteriskQueueLog, createQueueLogConverter } from '../../../src/io/profiles/asterisk-queue-log.js';
import { FIXTURES } from '../../helpers/cli.js';
import { feed, feedFile, inputError, pipeRecords } from './support.js';

const conv = () => createQueueLogConverter({ file: 'queue_log' });
const run = (text: string) => feed(conv(), pipeRecords(text));

const ROW = { direction: 'inbound', customer_phone: '13812345678' };

describe('one call from ENTERQUEUE to its end', () => {
  test.each([
    { name: 'COMPLETECALLER', end: '1791767097|C.1|hotline|PJSIP/1001|COMPLETECALLER|12|185|1', talk: '185' },
    { name: 'COMPLETEAGENT', end: '1791767097|C.1|hotline|PJSIP/1001|COMPLETEAGENT|12|185|1', talk: '185' },
    { name: 'BLINDTRANSFER', end: '1791767097|C.1|hotline|PJSIP/1001|BLINDTRANSFER|8800|from-internal|12|185|1', talk: '185' },
    { name: 'TRANSFER (Asterisk ≤ 11, no origposition)', end: '1791767097|C.1|hotline|PJSIP/1001|TRANSFER|8800|from-internal|12|185', talk: '185' },
    { name: 'ATTENDEDTRANSFER BRIDGE', end: '1791767097|C.1|hotline|PJSIP/1001|ATTENDEDTRANSFER|BRIDGE|4f2c-bridge|12|185|1', talk: '185' },
    { name: 'ATTENDEDTRANSFER LINK (two channel names)', end: '1791767097|C.1|hotline|PJSIP/1001|ATTENDEDTRANSFER|LINK|PJSIP/1001-0000002c|PJSIP/8801-0000002d|12|185|1', talk: '185' },
  ])('answered, ended by $name: wait from CONNECT, talk from the end event', ({ end, talk }) => {
    const fed = run(`
      1791766900|C.1|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766912|C.1|hotline|PJSIP/1001|CONNECT|12|1791766902.102|10
      ${end}`);
    expect(fed.rows).toEqual([{ ...ROW, call_id: 'C.1', started_at: '2026-10-12T01:01:40Z', operator_id: '1001', outcome: 'answered', wait_seconds: '12', talk_seconds: talk, line: '3' }]);
    expect(fed.report).toMatchObject({ records: 3, calls: 1, merged_records: 2, unfinished_calls: [] });
  });

  test.each([
    { name: 'ABANDON', end: 'ABANDON|2|1|25', wait: '25', note: undefined },
    { name: 'EXITWITHTIMEOUT', end: 'EXITWITHTIMEOUT|1|1|25', wait: '25', note: '1 call left the queue at its timeout (EXITWITHTIMEOUT): stored as abandoned' },
    { name: 'EXITEMPTY', end: 'EXITEMPTY|1|1|25', wait: '25', note: '1 call left a queue with no reachable member (EXITEMPTY): stored as abandoned' },
    { name: 'EXITWITHKEY', end: 'EXITWITHKEY|5|1|1|25', wait: '25', note: '1 call left the queue with a key press (EXITWITHKEY): stored as abandoned' },
    { name: 'WITHDRAW', end: 'WITHDRAW|1|1|25|callback requested', wait: '25', note: '1 call withdrawn from the queue (WITHDRAW): stored as abandoned' },
  ])('not answered, ended by $name → abandoned, wait $wait', ({ end, wait, note }) => {
    const fed = run(`
      1791766900|C.2|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766925|C.2|hotline|NONE|${end}`);
    expect(fed.rows).toEqual([{ ...ROW, call_id: 'C.2', started_at: '2026-10-12T01:01:40Z', operator_id: '', outcome: 'abandoned', wait_seconds: wait, talk_seconds: '', line: '2' }]);
    if (note) expect(fed.report.notes).toContain(note);
  });

  test('ABANDON logged with the member (hung up as it answered) has no operator', () => {
    const fed = run(`
      1791766900|C.3|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766910|C.3|hotline|PJSIP/1001|ABANDON|1|1|10`);
    expect(fed.rows[0]).toMatchObject({ outcome: 'abandoned', operator_id: '', wait_seconds: '10' });
  });
});

describe('missed rings', () => {
  test('RINGNOANSWER on two members before a CONNECT: two missed rings, the call answered by a third', () => {
    const fed = run(`
      1791766960|C.5|hotline|NONE|ENTERQUEUE||13912345678|1
      1791766975|C.5|hotline|PJSIP/1002|RINGNOANSWER|15000
      1791766990|C.5|hotline|Agent/1004|RINGNOANSWER|14600
      1791766994|C.5|hotline|PJSIP/1003|CONNECT|34|1791766990.108|4
      1791767234|C.5|hotline|PJSIP/1003|COMPLETEAGENT|34|240|1`);
    expect(fed.missedRings).toEqual([
      { operator_id: '1002', rang_at: 1791766975, call_id: 'C.5', ring_seconds: 15 },
      { operator_id: '1004', rang_at: 1791766990, call_id: 'C.5', ring_seconds: 15 },
    ]);
    expect(fed.rows).toEqual([{ call_id: 'C.5', started_at: '2026-10-12T01:02:40Z', operator_id: '1003', direction: 'inbound', outcome: 'answered', wait_seconds: '34', talk_seconds: '240', customer_phone: '13912345678', line: '5' }]);
    expect(fed.report).toMatchObject({ records: 5, calls: 1, merged_records: 4 });
  });

  test('a ring of 0 ms (the member could not be rung) is not a missed ring; a FreePBX Local member gives its extension', () => {
    const fed = run(`
      1791766960|C.6|hotline|NONE|ENTERQUEUE||13912345678|1
      1791766961|C.6|hotline|Local/2004@from-internal/n|RINGNOANSWER|0
      1791766976|C.6|hotline|Local/2005@from-internal/n|RINGNOANSWER|15000
      1791766999|C.6|hotline|NONE|ABANDON|1|1|39`);
    expect(fed.missedRings).toEqual([{ operator_id: '2005', rang_at: 1791766976, call_id: 'C.6', ring_seconds: 15 }]);
    expect(fed.report.notes).toContain('1 RINGNOANSWER event with 0 ms (the member could not be rung): not counted as missed rings');
  });

  test('rings of a call whose end is not in the file are still missed rings', () => {
    const fed = run(`
      1791766960|C.7|hotline|NONE|ENTERQUEUE||13912345678|1
      1791766975|C.7|hotline|PJSIP/1002|RINGNOANSWER|15000`);
    expect(fed.missedRings).toHaveLength(1);
    expect(fed.rows).toEqual([]);
    expect(fed.report.unfinished_calls).toEqual(['C.7']);
  });
});

describe('rotated logs and restarts', () => {
  test('a call cut at the end of the file is reported, not invented', () => {
    const fed = run(`
      1791767810|C.8|hotline|NONE|ENTERQUEUE||13512345678|1
      1791767845|C.8|hotline|PJSIP/1001|CONNECT|35|1791767840.137|5`);
    expect(fed.rows).toEqual([]);
    expect(fed.report).toMatchObject({ records: 2, calls: 0, merged_records: 0, unfinished_calls: ['C.8'] });
  });

  test.each([
    { name: 'COMPLETECALLER only', lines: '1791766770|H.1|hotline|PJSIP/1002|COMPLETECALLER|20|600|1', start: '2026-10-12T00:49:10Z', op: '1002', outcome: 'answered', wait: '20', talk: '600' },
    { name: 'CONNECT then COMPLETEAGENT', lines: '1791766170|H.1|hotline|PJSIP/1002|CONNECT|20|x.1|3\n1791766770|H.1|hotline|PJSIP/1002|COMPLETEAGENT|20|600|1', start: '2026-10-12T00:49:10Z', op: '1002', outcome: 'answered', wait: '20', talk: '600' },
    { name: 'ABANDON only', lines: '1791766770|H.1|hotline|NONE|ABANDON|3|1|70', start: '2026-10-12T00:58:20Z', op: '', outcome: 'abandoned', wait: '70', talk: '' },
  ])('a call that began before the file ($name): started_at = end − wait (− talk)', ({ lines, start, op, outcome, wait, talk }) => {
    const fed = run(lines);
    expect(fed.rows.map(({ line: _l, ...r }) => r)).toEqual([{ call_id: 'H.1', started_at: start, operator_id: op, direction: 'inbound', outcome, wait_seconds: wait, talk_seconds: talk, customer_phone: '' }]);
    expect(fed.report.notes).toContain('1 call began before the file (no ENTERQUEUE, log rotated): started_at = end event time − wait (− talk)');
  });

  test('QUEUESTART (Asterisk restarted) ends every open call as unfinished', () => {
    const fed = run(`
      1791766900|C.9|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766912|C.9|hotline|PJSIP/1001|CONNECT|12|1791766902.102|10
      1791767000|NONE|NONE|NONE|QUEUESTART|
      1791767100|C.14|hotline|NONE|ENTERQUEUE||13812345678|1
      1791767110|C.14|hotline|NONE|ABANDON|1|1|10`);
    expect(fed.report.unfinished_calls).toEqual(['C.9']);
    expect(fed.report.notes).toContain('1 call open at an Asterisk restart (QUEUESTART): reported as unfinished');
    expect(fed.rows.map((r) => r.call_id)).toEqual(['C.14']);
    expect(fed.report).toMatchObject({ records: 5, calls: 1, merged_records: 1, ignored_events: { QUEUESTART: 1 } });
  });
});

describe('call ids', () => {
  test('a caller who goes through two queues: callid, then callid#2', () => {
    const fed = run(`
      1791766900|C.10|sales|NONE|ENTERQUEUE||13812345678|1
      1791766960|C.10|sales|NONE|EXITWITHTIMEOUT|1|1|60
      1791766961|C.10|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766970|C.10|hotline|PJSIP/1001|CONNECT|9|x.2|2
      1791767070|C.10|hotline|PJSIP/1001|COMPLETECALLER|9|100|1`);
    expect(fed.rows.map((r) => [r.call_id, r.outcome, r.wait_seconds])).toEqual([['C.10', 'abandoned', '60'], ['C.10#2', 'answered', '9']]);
  });
});

describe('member events are kept as presence (issue 20); other non-call events are counted', () => {
  test('by type', () => {
    const fed = run(`
      1791766800|NONE|NONE|NONE|QUEUESTART|
      1791766802|REALTIME|hotline|PJSIP/1001|ADDMEMBER|
      1791766802|MANAGER|hotline|PJSIP/1002|ADDMEMBER|PAUSED
      1791766805|1791766805.40|NONE|Agent/1004|AGENTLOGIN|PJSIP/1004-00000028
      1791766810|NONE|hotline|PJSIP/1002|PAUSE|lunch
      1791766820|NONE|hotline|PJSIP/1002|UNPAUSE|
      1791766830|C.11|hotline|NONE|DID|4008111111
      1791766900|NONE|hotline|PJSIP/1001|REMOVEMEMBER|`);
    expect(fed.rows).toEqual([]);
    expect(fed.presence).toEqual([
      { operator_id: '1001', at: 1791766802, state: 'login', reason: null, queue: 'hotline', line: 2 },
      // added paused: a login and a pause (no reason) on one line
      { operator_id: '1002', at: 1791766802, state: 'login', reason: null, queue: 'hotline', line: 3 },
      { operator_id: '1002', at: 1791766802, state: 'pause', reason: null, queue: 'hotline', line: 3 },
      { operator_id: '1004', at: 1791766805, state: 'login', reason: null, queue: null, line: 4 },
      { operator_id: '1002', at: 1791766810, state: 'pause', reason: 'lunch', queue: 'hotline', line: 5 },
      { operator_id: '1002', at: 1791766820, state: 'unpause', reason: null, queue: 'hotline', line: 6 },
      { operator_id: '1001', at: 1791766900, state: 'logout', reason: null, queue: 'hotline', line: 8 },
    ]);
    expect(fed.report).toEqual({
      records: 8, calls: 0, merged_records: 0, unfinished_calls: [],
      ignored_events: { QUEUESTART: 1, DID: 1 },
      notes: ['times are epoch seconds (UTC)'],
    });
  });

  test('PAUSEALL and UNPAUSEALL are of every queue (queue NONE), AGENTLOGOFF too; a Chinese reason gets its code', () => {
    const fed = run(`
      1791766810|NONE|NONE|PJSIP/1002|PAUSEALL|午休
      1791766810|NONE|hotline|PJSIP/1002|PAUSE|午休
      1791766900|NONE|NONE|PJSIP/1002|UNPAUSEALL|
      1791767000|1791766805.40|NONE|Agent/1004|AGENTLOGOFF|PJSIP/1004-00000028|3600`);
    expect(fed.presence.map((e) => [e.operator_id, e.state, e.reason, e.queue])).toEqual([
      ['1002', 'pause', 'lunch', null], ['1002', 'pause', 'lunch', 'hotline'], ['1002', 'unpause', null, null], ['1004', 'logout', null, null],
    ]);
  });

  test('a member event with agent NONE is not kept (a note says how many); a path for an agent is a bad line', () => {
    const fed = run(`
      1791766810|NONE|hotline|NONE|PAUSE|
      1791766811|NONE|hotline|PJSIP/../1001|ADDMEMBER|`);
    expect(fed.presence).toEqual([]);
    expect(fed.report.notes).toEqual(['times are epoch seconds (UTC)', '1 member event with no member (agent NONE): not kept']);
    expect(fed.issues).toEqual([{ line: 2, column: 'agent', value: 'PJSIP/../1001', reason: 'agent "PJSIP/../1001" is a path, not a queue member (endpoint "..") (ADDMEMBER)', record: ['1791766811', 'NONE', 'hotline', 'PJSIP/../1001', 'ADDMEMBER', ''] }]);
  });
});

describe('bad lines', () => {
  test('a bad number in the end event is an issue naming the field and the call', () => {
    const fed = run(`
      1791766900|C.12|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766925|C.12|hotline|NONE|ABANDON|2|1|soon`);
    expect(fed.rows).toEqual([]);
    expect(fed.issues).toEqual([{ line: 2, column: 'ABANDON data3 (wait time)', value: 'soon', reason: '"soon" is not a whole number (call C.12)', record: ['1791766925', 'C.12', 'hotline', 'NONE', 'ABANDON', '2', '1', 'soon'] }]);
    expect(fed.report.calls).toBe(1);
  });

  test('events of one call out of time order: the call is a bad row naming both events (issue 18.8)', () => {
    const fed = run(`
      1791766900|C.20|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766890|C.20|hotline|PJSIP/1001|CONNECT|12|1791766902.102|10
      1791767097|C.20|hotline|PJSIP/1001|COMPLETECALLER|12|185|1`);
    expect(fed.rows).toEqual([]);
    expect(fed.issues).toEqual([{
      line: 3, column: 'time', value: '1791767097',
      reason: 'the events of call C.20 are out of time order: CONNECT on line 2 (2026-10-12T01:01:30Z) is before ENTERQUEUE on line 1 (2026-10-12T01:01:40Z)',
      hint: 'concatenate rotated queue_log files oldest first (queue_log.2, queue_log.1, queue_log)',
      record: ['1791767097', 'C.20', 'hotline', 'PJSIP/1001', 'COMPLETECALLER', '12', '185', '1'],
    }]);
    expect(fed.report.calls).toBe(1);
  });

  test('events of one call at the same second are in order', () => {
    const fed = run(`
      1791766900|C.21|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766900|C.21|hotline|PJSIP/1001|CONNECT|0|1791766902.102|0
      1791766900|C.21|hotline|PJSIP/1001|COMPLETEAGENT|0|0|1`);
    expect(fed.issues).toEqual([]);
    expect(fed.rows).toHaveLength(1);
  });

  test.each([
    { name: 'PJSIP/../../1001', agent: 'PJSIP/../../1001', reason: 'agent "PJSIP/../../1001" is a path, not a queue member (endpoint "..") (call C.22)' },
    { name: 'SIP/./1001', agent: 'SIP/./1001', reason: 'agent "SIP/./1001" is a path, not a queue member (endpoint ".") (call C.22)' },
    { name: 'a member name ".."', agent: '..', reason: 'agent ".." is a path, not a queue member (endpoint "..") (call C.22)' },
    { name: 'PJSIP/ with no endpoint', agent: 'PJSIP/', reason: 'agent "PJSIP/" names no endpoint (call C.22)' },
  ])('an agent like $name is a bad row (issue 18.8)', ({ agent, reason }) => {
    const fed = run(`
      1791766900|C.22|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766912|C.22|hotline|${agent}|CONNECT|12|1791766902.102|10
      1791767097|C.22|hotline|${agent}|COMPLETECALLER|12|185|1`);
    expect(fed.rows).toEqual([]);
    expect(fed.issues).toEqual([expect.objectContaining({ line: 3, column: 'agent', value: agent, reason })]);
  });

  test('a missed ring of an agent like PJSIP/../../1001 is a bad row, not a ring of operator ".."', () => {
    const fed = run(`
      1791766900|C.23|hotline|NONE|ENTERQUEUE||13812345678|1
      1791766915|C.23|hotline|PJSIP/../../1001|RINGNOANSWER|15000`);
    expect(fed.missedRings).toEqual([]);
    expect(fed.issues).toEqual([{ line: 2, column: 'agent', value: 'PJSIP/../../1001', reason: 'agent "PJSIP/../../1001" is a path, not a queue member (endpoint "..") (call C.23)', record: ['1791766915', 'C.23', 'hotline', 'PJSIP/../../1001', 'RINGNOANSWER', '15000'] }]);
  });

  test('a line with fewer than 5 fields after the first is an issue', () => {
    const fed = run(`
      1791766800|NONE|NONE|NONE|QUEUESTART|
      1791766900|C.13`);
    expect(fed.issues).toEqual([{ line: 2, column: 'event', value: '', reason: '2 fields; a queue_log line has at least 5 (time|callid|queue|agent|event)', record: ['1791766900', 'C.13'] }]);
  });

  test.each([
    { name: 'a header row', line: 'time|callid|queuename|agent|event|data1', message: 'queue_log: line 1: this is a header row (time, callid, queuename, agent, event, …); a queue_log file has none' },
    { name: 'a realtime-table time', line: '2026-10-12 09:00:00.123456|C.1|hotline|NONE|ENTERQUEUE||13812345678|1', message: 'queue_log: line 1: the time "2026-10-12 09:00:00.123456" is a date-time, not epoch seconds: this is an export of the realtime queue_log table, not the queue_log file' },
    { name: 'milliseconds', line: '1791766900000|C.1|hotline|NONE|ENTERQUEUE||13812345678|1', message: 'queue_log: line 1: the time "1791766900000" has 13 digits: milliseconds, not the epoch seconds queue_log writes' },
    { name: 'a Master.csv record', line: '"","test","100","context"', message: 'queue_log: line 1: a comma-separated record, not |-separated queue_log events' },
    { name: 'two fields', line: '1791766900|x', message: 'queue_log: line 1: 2 |-separated fields; a queue_log line has at least 5 (time|callid|queue|agent|event)' },
  ])('the first line: $name → InputError', ({ line, message }) => {
    expect(inputError(() => conv().push(line.split('|'), 1)).message).toBe(message);
  });

  test('a time that is not epoch seconds on a later line makes the file unreadable, naming the line', () => {
    const c = conv();
    c.push('1791766800|NONE|NONE|NONE|QUEUESTART|'.split('|'), 1);
    expect(inputError(() => c.push('12:00|C.1|hotline|NONE|ENTERQUEUE||1|1'.split('|'), 2))).toEqual({
      message: 'queue_log: line 2: the time "12:00" is not epoch seconds',
      hint: 'hotline reads the flat file /var/log/asterisk/queue_log: epoch|callid|queue|agent|EVENT|data…',
    });
  });
});

describe('the synthetic fixture tests/fixtures/profiles/queue_log, read by the import reader', () => {
  test('35 events → 8 calls (15 merged), 4 missed rings, 9 non-call events, 1 call cut by rotation', async () => {
    const fed = await feedFile(asteriskQueueLog, join(FIXTURES, 'profiles', 'queue_log'));
    expect(fed.rows.map((r) => [r.call_id, r.started_at, r.operator_id, r.outcome, r.wait_seconds, r.talk_seconds])).toEqual([
      ['1791766100.90', '2026-10-12T00:49:10Z', '1002', 'answered', '20', '600'], // began before the file: 08:59:30 − 600 − 20
      ['1791767000.110', '2026-10-12T01:03:30Z', '', 'abandoned', '25', ''],
      ['1791766890.101', '2026-10-12T01:01:40Z', '1001', 'answered', '12', '185'],
      ['1791766950.105', '2026-10-12T01:02:40Z', '1003', 'answered', '34', '240'], // after RINGNOANSWER by 1002 and Agent/1004
      ['1791767100.115', '2026-10-12T01:05:10Z', '', 'abandoned', '300', ''], // EXITWITHTIMEOUT
      ['1791767300.120', '2026-10-12T01:08:30Z', '1001', 'answered', '8', '95'], // BLINDTRANSFER
      ['1791767600.130', '2026-10-12T01:13:30Z', '', 'abandoned', '40', ''], // EXITWITHKEY
      ['1791767500.125', '2026-10-12T01:11:50Z', '1004', 'answered', '20', '130'], // ATTENDEDTRANSFER LINK
    ]);
    expect(fed.missedRings.map((m) => [m.operator_id, m.call_id])).toEqual([['1002', '1791766950.105'], ['1004', '1791766950.105'], ['1002', '1791767000.110'], ['1003', '1791767800.135']]);
    expect(fed.issues).toEqual([]);
    expect(fed.presence.map((e) => [e.operator_id, e.state, e.queue])).toEqual([
      ['1001', 'login', 'hotline'], ['1003', 'login', 'hotline'], ['1003', 'pause', 'hotline'], ['1004', 'login', null], ['1004', 'login', 'hotline'],
      ['1003', 'unpause', 'hotline'], ['1002', 'pause', 'hotline'], ['1002', 'unpause', 'hotline'],
    ]);
    expect(fed.report).toMatchObject({
      records: 35, calls: 8, merged_records: 15, unfinished_calls: ['1791767800.135'],
      ignored_events: { CONFIGRELOAD: 1, DID: 1 }, // the member events are presence (issue 20)
    });
  });
});
