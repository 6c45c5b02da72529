// A converter's snapshot (docs/growing-logs.md, "Calls whose records straddle the end of a
// read"): records fed to one converter up to any record k, its snapshot taken through JSON and
// its end() run (what the first import stores), then the rest fed to a converter made from the
// snapshot, store the same calls (the last emission of a call id wins, as the upsert does) and
// the same missed rings as one converter fed every record. For every k.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createAsteriskCdrConverter } from '../../../src/io/profiles/asterisk-cdr.js';
import { createQueueLogConverter } from '../../../src/io/profiles/asterisk-queue-log.js';
import { createFreeswitchConverter } from '../../../src/io/profiles/freeswitch-cdr.js';
import type { ProfileConverter, ProfileOutput } from '../../../src/io/profiles/types.js';
import { FIXTURES } from '../../helpers/cli.js';
import { cdr21, pipeRecords, type CdrFields } from './support.js';

type Create = (resume?: unknown) => ProfileConverter;

/** What an import stores of what converters emitted: each call id's last row (fields and line), the missed rings. */
function stored(outputs: ProfileOutput[]): { calls: Record<string, string>; rings: string[] } {
  const calls: Record<string, string> = {};
  const rings = new Set<string>();
  for (const out of outputs) {
    for (const r of out.rows) calls[r.fields[0] as string] = `${r.fields.join('|')} @${r.line}`;
    for (const m of out.missedRings) rings.add(JSON.stringify(m));
  }
  return { calls, rings: [...rings].sort() };
}

function whole(create: Create, records: string[][]): ReturnType<typeof stored> {
  const conv = create();
  const outs = records.map((r, i) => conv.push([...r], i + 1));
  outs.push(conv.end());
  return stored(outs);
}

function split(create: Create, records: string[][], k: number): ReturnType<typeof stored> {
  const first = create();
  const outs = records.slice(0, k).map((r, i) => first.push([...r], i + 1));
  const state: unknown = JSON.parse(JSON.stringify(first.snapshot?.()));
  outs.push(first.end());
  const next = create(state);
  outs.push(...records.slice(k).map((r, i) => next.push([...r], k + i + 1)));
  outs.push(next.end());
  return stored(outs);
}

function checkEverySplit(create: Create, records: string[][], calls: number): void {
  const expected = whole(create, records);
  expect(Object.keys(expected.calls).length).toBe(calls);
  for (let k = 1; k < records.length; k++) expect({ k, ...split(create, records, k) }).toEqual({ k, ...expected });
}

describe('asterisk-queue-log', () => {
  const create: Create = (resume) => createQueueLogConverter({ file: 'queue_log', resume });

  test('the synthetic fixture: calls open across the split, missed rings, a transfer, the unfinished call', () => {
    checkEverySplit(create, pipeRecords(readFileSync(join(FIXTURES, 'profiles', 'queue_log'), 'utf8')), 8);
  });

  test('a caller on to a second queue (callid#2), and an Asterisk restart with calls open (their ends stored as new visits)', () => {
    const records = pipeRecords([
      '1791766800|A|q1|NONE|ENTERQUEUE||13800000001|1',
      '1791766830|A|q1|NONE|EXITWITHTIMEOUT|1|1|30',
      '1791766833|A|q2|NONE|ENTERQUEUE||13800000001|1',
      '1791766838|A|q2|PJSIP/1001|CONNECT|5|A.1|2',
      '1791766840|B|q1|NONE|ENTERQUEUE||13800000002|1',
      '1791766842|B|q1|PJSIP/1003|RINGNOANSWER|2000',
      '1791766850|NONE|NONE|NONE|QUEUESTART|',
      '1791766860|B|q1|PJSIP/1002|COMPLETECALLER|10|100|1',
      '1791766900|A|q2|PJSIP/1001|COMPLETECALLER|5|60|1',
      '1791766910|C|q1|NONE|ENTERQUEUE||13800000003|1',
      '1791766920|C|q1|NONE|ABANDON|1|1|10',
    ].join('\n'));
    checkEverySplit(create, records, 4);
  });
});

describe('asterisk-cdr, with a merge window of 3 records', () => {
  const create: Create = (resume) => createAsteriskCdrConverter({ file: 'Master.csv', sourceZone: 'Asia/Shanghai', window: 3, resume });
  const one = (id: string, minute: number, extra: Partial<CdrFields> = {}): CdrFields => ({
    channel: `PJSIP/trunk-${id}`, dstchannel: 'PJSIP/1001-00000011', lastapp: 'Queue', start: `2026-10-12 09:${minute}:00`, answer: `2026-10-12 09:${minute}:10`,
    end: `2026-10-12 09:${minute}:50`, duration: 50, billsec: 40, disposition: 'ANSWERED', uniqueid: id, linkedid: id, ...extra,
  });
  const fanout = (id: string, minute: number): CdrFields[] => [
    one(id, minute, { dstchannel: `Local/1001@agents-${id};1` }),
    one(id, minute, { dstchannel: `Local/1002@agents-${id};1`, answer: undefined, billsec: 0, disposition: 'NO ANSWER' }),
    one(id, minute, { src: '95338', channel: `Local/1001@agents-${id};2`, dstchannel: 'PJSIP/1001-00000011', lastapp: 'AppDial', uniqueid: `${id}1` }),
    one(id, minute, { src: '95338', channel: `Local/1002@agents-${id};2`, dstchannel: 'PJSIP/1002-00000012', lastapp: 'AppDial', answer: undefined, billsec: 0, disposition: 'NO ANSWER', uniqueid: `${id}2` }),
  ];

  test('calls of four records and of one, a record that comes too late: the same calls for every split', () => {
    const records = [
      ...fanout('1791766800.1', 10), one('1791766900.2', 11), one('1791767000.3', 12), ...fanout('1791767100.4', 13),
      one('1791767200.5', 14), one('1791767300.6', 15), one('1791767400.7', 16), one('1791767500.8', 17),
      // A record of the first call, far too late: rejected, in one read as in two.
      one('1791766800.1', 10, { dstchannel: 'Local/1003@agents-x;1', answer: undefined, billsec: 0, disposition: 'NO ANSWER' }),
    ].map(cdr21);
    checkEverySplit(create, records, 8);
  });
});

describe('freeswitch-cdr, with a merge window of 2 records', () => {
  const create: Create = (resume) => createFreeswitchConverter({ file: 'Master.csv', sourceZone: 'Asia/Shanghai', window: 2, resume });
  const leg = (uuid: string, minute: number, bleg = ''): string[] => ['Customer', '13812345678', '95338', 'public', `2026-10-12 09:${minute}:00`, `2026-10-12 09:${minute}:12`, `2026-10-12 09:${minute}:52`,
    '52', '40', 'NORMAL_CLEARING', uuid, bleg, '', 'PCMA', 'PCMA'];

  test('A-legs and their B-legs (legs=ab): the same calls for every split', () => {
    const records = [leg('a1', 10, 'b1'), leg('b1', 10), leg('a2', 11), leg('a3', 12, 'b3'), leg('x', 13), leg('b3', 12), leg('a4', 14)];
    checkEverySplit(create, records, 5);
  });
});
