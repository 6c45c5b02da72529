// The wallboard's rules (src/domain/wallboard.ts, issue 23): the queue at a moment from the calls
// not yet ended, the five-minute periods of the last hour, the service level against its target.
import { describe, expect, test } from 'vitest';
import { lastHourPeriods, queueNow, serviceLevelState, type OpenCall } from '../../src/domain/wallboard.js';

/** 2026-10-12 00:00 in Shanghai. */
const DAY = 1_791_734_400;
const AT = DAY + 14 * 3600; // 14:00
const call = (over: Partial<OpenCall>): OpenCall => ({ callId: 'c', enteredAt: AT - 60, operatorId: null, connectedAt: null, ...over });

describe('queueNow', () => {
  test.each([
    { name: 'nothing open → 0 waiting, no longest wait', open: [], waiting: 0, longest: null, talking: {} },
    { name: 'one entered a minute ago → 1 waiting for 60 s', open: [call({})], waiting: 1, longest: 60, talking: {} },
    { name: 'the longest is the earliest entered', open: [call({ enteredAt: AT - 30 }), call({ enteredAt: AT - 95 })], waiting: 2, longest: 95, talking: {} },
    { name: 'answered → talking since the answer, not waiting', open: [call({ operatorId: '1001', connectedAt: AT - 20 })], waiting: 0, longest: null, talking: { 1001: AT - 20 } },
    { name: 'an operator on two calls (a transfer): since the earlier', open: [call({ operatorId: '1001', connectedAt: AT - 20 }), call({ operatorId: '1001', connectedAt: AT - 200, enteredAt: AT - 230 })], waiting: 0, longest: null, talking: { 1001: AT - 200 } },
    { name: 'entered yesterday (a log cut without a restart line) → not waiting now', open: [call({ enteredAt: DAY - 10 })], waiting: 0, longest: null, talking: {} },
    { name: 'entered after the moment shown (a look back with --at) → not counted', open: [call({ enteredAt: AT + 5 })], waiting: 0, longest: null, talking: {} },
    { name: 'no ENTERQUEUE (began before the log) and not answered → not counted', open: [call({ enteredAt: null })], waiting: 0, longest: null, talking: {} },
    { name: 'entered at midnight exactly → counted', open: [call({ enteredAt: DAY })], waiting: 1, longest: 14 * 3600, talking: {} },
  ])('$name', ({ open, waiting, longest, talking }) => {
    const now = queueNow(open, AT, DAY);
    expect({ waiting: now.waiting, longest: now.longest_wait_seconds, talking: Object.fromEntries(now.talking) }).toEqual({ waiting, longest, talking });
  });
});

describe('lastHourPeriods', () => {
  const hhmm = (t: number): string => new Date((t + 8 * 3600) * 1000).toISOString().slice(11, 16);
  test.each([
    { name: '14:02:30 → 13:05 … 14:00, the last one holding the moment', at: AT + 150, first: '13:05', last: '14:00', count: 12 },
    { name: '14:00:00 exactly → 13:05 … 14:00', at: AT, first: '13:05', last: '14:00', count: 12 },
    { name: '00:12 → only the periods of the day: 00:00, 00:05, 00:10', at: DAY + 720, first: '00:00', last: '00:10', count: 3 },
  ])('$name', ({ at, first, last, count }) => {
    const p = lastHourPeriods(at, DAY);
    expect([p.length, hhmm(p[0]?.from as number), hhmm(p[p.length - 1]?.from as number)]).toEqual([count, first, last]);
    expect(p.every((x) => x.to - x.from === 300 || x.from === DAY)).toBe(true);
  });
});

describe('serviceLevelState', () => {
  test.each([
    { name: 'at the target → met', sl: 0.8, target: 0.8, expected: 'met' },
    { name: 'above → met', sl: 0.93, target: 0.8, expected: 'met' },
    { name: 'below → below', sl: 0.7999, target: 0.8, expected: 'below' },
    { name: 'no call yet → null', sl: null, target: 0.8, expected: null },
  ])('$name', ({ sl, target, expected }) => {
    expect(serviceLevelState(sl, target)).toBe(expected);
  });
});
