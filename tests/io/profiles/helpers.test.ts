// The small rules shared by the profiles: operator ids from channel and member names, call
// direction, and the bounded grouping of CDR records.
import { describe, expect, test } from 'vitest';
import { directionOf } from '../../../src/io/profiles/call-direction.js';
import { operatorFromChannel, operatorFromMember } from '../../../src/io/profiles/operator-id.js';
import { RecordGroups } from '../../../src/io/profiles/record-groups.js';

describe('operatorFromChannel (CDR channel / dstchannel)', () => {
  test.each([
    { name: 'PJSIP with sequence suffix', channel: 'PJSIP/1001-0000002a', expected: '1001' },
    { name: 'chan_sip', channel: 'SIP/8007-02897fd8', expected: '8007' },
    { name: 'Local channel, first half', channel: 'Local/1001@from-queue-0000001b;1', expected: '1001' },
    { name: 'Local channel, second half', channel: 'Local/2004@from-internal-00000003;2', expected: '2004' },
    { name: 'IAX2 without suffix', channel: 'IAX2/1005', expected: '1005' },
    { name: 'a name with a hyphen keeps it', channel: 'PJSIP/front-desk-0000000f', expected: 'front-desk' },
    { name: 'console', channel: 'Console/dsp', expected: 'dsp' },
    { name: 'empty', channel: '', expected: '' },
  ])('$name: $channel → "$expected"', ({ channel, expected }) => {
    expect(operatorFromChannel(channel)).toBe(expected);
  });
});

describe('operatorFromMember (queue_log agent field)', () => {
  test.each([
    { name: 'app_agent_pool agent', agent: 'Agent/1001', expected: '1001' },
    { name: 'PJSIP interface', agent: 'PJSIP/1001', expected: '1001' },
    { name: 'SIP interface', agent: 'SIP/8007', expected: '8007' },
    { name: 'FreePBX Local member', agent: 'Local/2004@from-internal/n', expected: '2004' },
    { name: 'member name (log_membername_as_agent)', agent: '张三', expected: '张三' },
    { name: 'NONE', agent: 'NONE', expected: '' },
  ])('$name: $agent → "$expected"', ({ agent, expected }) => {
    expect(operatorFromMember(agent)).toBe(expected);
  });
});

describe('directionOf: inbound unless clearly outbound', () => {
  test.each([
    { name: 'customer calls the hotline', context: 'from-trunk', caller: '13812345678', destination: '95338', expected: 'inbound' },
    { name: 'FreePBX outbound route', context: 'outbound-allroutes', caller: '13812345678', destination: '95338', expected: 'outbound' },
    { name: 'dial-out macro', context: 'macro-dialout-trunk', caller: '', destination: '', expected: 'outbound' },
    { name: 'extension dials a mobile', context: 'default', caller: '1001', destination: '13812345678', expected: 'outbound' },
    { name: 'extension dials +34…', context: 'public', caller: '9008', destination: '+34688886392', expected: 'outbound' },
    { name: 'extension to extension', context: 'default', caller: '1001', destination: '1002', expected: 'inbound' },
    { name: 'no numbers', context: 'default', caller: '', destination: '1', expected: 'inbound' },
  ])('$name → $expected', ({ context, caller, destination, expected }) => {
    expect(directionOf({ context, caller, destination })).toBe(expected);
  });
});

describe('RecordGroups', () => {
  const rec = (line: number): { line: number } => ({ line });

  test('records sharing a key form one group; a group closes `window` records after its last record', () => {
    const g = new RecordGroups<{ line: number }>(3);
    g.add(['a'], rec(1), 1);
    g.add(['b'], rec(2), 2);
    g.add(['a'], rec(3), 3);
    expect(g.expire(3)).toEqual([]);
    expect(g.expire(5).map((x) => x.keys)).toEqual([['b']]); // b last seen at 2: 5 - 2 = 3
    expect(g.size).toBe(1);
    expect(g.expire(6).map((x) => x.records.map((r) => r.line))).toEqual([[1, 3]]);
    expect(g.size).toBe(0);
  });

  test('a record with keys of two groups merges them', () => {
    const g = new RecordGroups<{ line: number }>(100);
    g.add(['a'], rec(1), 1);
    g.add(['b'], rec(2), 2);
    g.add(['a', 'b'], rec(3), 3);
    const all = g.drain(3);
    expect(all).toHaveLength(1);
    expect(all[0]?.records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  test('a record for a group already closed is reported as late, with the line of the group', () => {
    const g = new RecordGroups<{ line: number }>(2);
    g.add(['a'], rec(1), 1);
    g.add(['b'], rec(2), 2);
    g.add(['c'], rec(3), 3);
    expect(g.expire(3).map((x) => x.keys)).toEqual([['a']]);
    expect(g.add(['a'], rec(4), 4)).toEqual({ late: { key: 'a', line: 1 } });
  });

  test('memory is bounded: 100,000 one-record groups with window 50 never hold more than 50 open', () => {
    const g = new RecordGroups<{ line: number }>(50);
    let max = 0;
    let closed = 0;
    for (let i = 1; i <= 100_000; i++) {
      g.add([`k${i}`], rec(i), i);
      closed += g.expire(i).length;
      max = Math.max(max, g.size);
    }
    expect(max).toBe(50);
    expect(closed + g.drain(100_000).length).toBe(100_000);
  });
});
