// The profiles on the real sample files in ../shared/data/real (read in place, not copied: the
// Asterisk test-suite files are GPL-2.0), through the import pipeline's reader.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asteriskCdr } from '../../../src/io/profiles/asterisk-cdr.js';
import { asteriskQueueLog } from '../../../src/io/profiles/asterisk-queue-log.js';
import { freeswitchCdr } from '../../../src/io/profiles/freeswitch-cdr.js';
import { InputError } from '../../../src/errors.js';
import { feedFile, REAL, REAL_PRESENT } from './support.js';

const AST = join(REAL, 'asterisk-testsuite-cdr');
const FS = join(REAL, 'freeswitch-docs-cdr-csv');

if (!REAL_PRESENT) console.warn(`real-files.test.ts: ${REAL} is absent; the tests on real files are skipped`);

/** The InputError of an async call, as plain data. */
async function rejection(run: () => Promise<unknown>): Promise<{ message: string; hint: string | undefined }> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError) return { message: e.message, hint: e.hint };
    throw e;
  }
  throw new Error('expected an InputError');
}

describe.skipIf(!REAL_PRESENT)(`real Asterisk cdr_csv files (${AST})`, () => {
  test('self_test_Master.csv: 2 records → 2 calls, answered by the dialplan (Console, no destination channel)', async () => {
    const fed = await feedFile(asteriskCdr, join(AST, 'self_test_Master.csv'), 'UTC');
    expect(fed.rows).toEqual([
      { call_id: '1270167992.0', started_at: '2010-04-02 00:26:32', operator_id: '', direction: 'inbound', outcome: 'answered', wait_seconds: '0', talk_seconds: '7', customer_phone: '', line: '1' },
      { call_id: '1270168442.0', started_at: '2010-04-02 00:34:02', operator_id: '', direction: 'inbound', outcome: 'answered', wait_seconds: '0', talk_seconds: '7', customer_phone: '', line: '2' },
    ]);
    expect(fed.issues).toEqual([]);
    expect(fed.report).toEqual({
      records: 2, calls: 2, merged_records: 0, ignored_events: {}, unfinished_calls: [],
      notes: [
        '18 columns: uniqueid and userfield present (2 records)',
        '2 records grouped into calls by uniqueid (no linkedid column; Local channel halves joined by name)',
        'times read as UTC wall-clock time (cdr_csv writes no zone; use --source-tz UTC when cdr.conf has usegmtime=yes)',
        '2 calls answered by the dialplan with no destination channel (IVR, voicemail, …): stored as answered with no operator',
      ],
    });
  });

  test('self_test_Master2.csv: 1 record → 1 call', async () => {
    const fed = await feedFile(asteriskCdr, join(AST, 'self_test_Master2.csv'), 'UTC');
    expect(fed.rows.map((r) => r.call_id)).toEqual(['1270167992.0']);
    expect(fed.report).toMatchObject({ records: 1, calls: 1, merged_records: 0 });
  });

  test('asttest_cdrlib_good.csv: 5 hand-edited copies of one uniqueid → 1 call (4 merged), rejected for billsec 7 > duration 5 on line 2', async () => {
    const fed = await feedFile(asteriskCdr, join(AST, 'asttest_cdrlib_good.csv'), 'UTC');
    expect(fed.rows).toEqual([]);
    expect(fed.issues.map((i) => [i.line, i.column, i.reason])).toEqual([[2, 'billsec', 'billsec 7 is longer than duration 5 (call 1231977075.0: none of its 5 records is imported)']]);
    expect(fed.report).toMatchObject({ records: 5, calls: 1, merged_records: 4 });
  });

  test('asttest_cdrlib_buggy.csv: an unclosed quote in the last field → the file is refused at line 1', async () => {
    expect(await rejection(() => feedFile(asteriskCdr, join(AST, 'asttest_cdrlib_buggy.csv'), 'UTC'))).toEqual({
      message: 'asttest_cdrlib_buggy.csv: line 1: a quoted value opened on line 1 is never closed',
      hint: 'a quoted value is never closed: the whole file is refused; fix the quote and import again',
    });
  });

  test('given to the other profiles, it is refused with the right profile named', async () => {
    const path = join(AST, 'self_test_Master.csv');
    expect((await rejection(() => feedFile(freeswitchCdr, path))).hint).toBe('use --profile asterisk-cdr');
    // As queue_log, the reader (csv-parse, which always treats " as a quote) stops on the first
    // quoted field before the profile sees a record: refused at line 1, but with the CSV parser's
    // wording instead of the profile's "use --profile asterisk-cdr".
    expect(await rejection(() => feedFile(asteriskQueueLog, path))).toEqual({
      message: 'self_test_Master.csv: line 1: got "," at line 1 instead of delimiter, record delimiter, trimable character (if activated) or comment',
      hint: 'text after a closing quote; double the quote ("") inside a quoted value',
    });
  });
});

describe.skipIf(!REAL_PRESENT)(`real FreeSWITCH Master.csv (${FS})`, () => {
  test('Master_example_template.csv: 5 records → 5 outbound calls from extensions 9007/9008, none answered', async () => {
    const fed = await feedFile(freeswitchCdr, join(FS, 'Master_example_template.csv'), 'Europe/Madrid');
    expect(fed.rows.map((r) => [r.call_id, r.started_at, r.operator_id, r.direction, r.outcome, r.wait_seconds, r.customer_phone])).toEqual([
      ['a5c9f6c0-e752-11e3-8bfb-65b6c3cdac7d', '2014-05-29 16:59:50', '9007', 'outbound', 'abandoned', '', '0034688886392'],
      ['e29ff0ae-e752-11e3-8bff-65b6c3cdac7d', '2014-05-29 17:01:32', '9008', 'outbound', 'abandoned', '', '+34688886392'],
      ['e2fe712e-e752-11e3-8c03-65b6c3cdac7d', '2014-05-29 17:01:33', '9008', 'outbound', 'abandoned', '', '34688886392'],
      ['e34619ac-e752-11e3-8c07-65b6c3cdac7d', '2014-05-29 17:01:33', '9008', 'outbound', 'abandoned', '', '0034688886392'],
      ['e38cb5b0-e752-11e3-8c0b-65b6c3cdac7d', '2014-05-29 17:01:34', '9008', 'outbound', 'abandoned', '', '00034688886392'],
    ]);
    expect(fed.issues).toEqual([]);
    expect(fed.report).toEqual({
      records: 5, calls: 5, merged_records: 0, ignored_events: {}, unfinished_calls: [],
      notes: [
        '15 columns: the "example" template',
        'times read as Europe/Madrid wall-clock time (mod_cdr_csv writes no zone; use --source-tz to change)',
        '5 calls outbound (outbound context, or an extension dialled an outside number): operator = caller_id_number',
        '5 calls with hangup cause NORMAL_CLEARING but no answer_stamp: stored as not answered',
      ],
    });
  });

  test('given to asterisk-cdr, it is refused naming freeswitch-cdr', async () => {
    expect(await rejection(() => feedFile(asteriskCdr, join(FS, 'Master_example_template.csv')))).toEqual({
      message: 'Master_example_template.csv: line 1: 15 columns with the start time in column 5: this is a FreeSWITCH Master.csv (example template), not Asterisk cdr_csv',
      hint: 'use --profile freeswitch-cdr',
    });
  });
});
