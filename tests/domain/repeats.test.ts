// Repeat calls and first-contact resolution (docs/metrics.md, "Repeat calls and first-contact
// resolution"): chains worked out by hand. Times are Asia/Shanghai local times (UTC+8, no DST).
import { describe, expect, test } from 'vitest';
import { scoreOperator } from '../../src/domain/appraisal.js';
import { scaleOf } from '../../src/domain/appraisal-policy.js';
import { DEFAULT_POLICY, validatePolicy } from '../../src/domain/policy.js';
import { linkCalls, linkColumns, previousCall, sameCustomer, summarizeRepeats, type ChainCall } from '../../src/domain/repeats.js';

const H = 3600;
const W72 = 72 * H;

/** Epoch seconds of a Shanghai local time 'YYYY-MM-DD HH:mm:ss'. */
function at(local: string): number {
  return Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)), Number(local.slice(11, 13)), Number(local.slice(14, 16)), Number(local.slice(17, 19))) / 1000 - 8 * H;
}

interface Spec {
  id: string;
  at: string;
  phone?: string | null;
  tracking?: string | null;
  direction?: 'inbound' | 'outbound';
  outcome?: 'answered' | 'abandoned';
}

type DayCall = ChainCall & { day: string };

function call(s: Spec): DayCall & { id: string } {
  return {
    id: s.id, started_at: at(s.at), day: s.at.slice(0, 10), direction: s.direction ?? 'inbound', outcome: s.outcome ?? 'answered',
    phone: s.phone === undefined ? '13800001111' : s.phone, tracking_no: s.tracking ?? null,
  };
}

/** For each call, the id of the call it repeats ('' when it repeats none) and of its chain's first call ('' when it is in no chain). */
function chains(specs: Spec[], window = W72): { id: string; repeats: string; first: string }[] {
  const calls = specs.map(call);
  const links = linkCalls(calls, window);
  return calls.map((c, i) => ({ id: c.id, repeats: calls[links.prev[i] as number]?.id ?? '', first: calls[links.root[i] as number]?.id ?? '' }));
}

describe('linkCalls: which call repeats which', () => {
  test.each([
    {
      name: 'the same phone 71 h later: a repeat',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00' }, { id: 'B', at: '2026-10-13 08:00:00' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'exactly at the end of the window (72 h 0 s): a repeat, the window is inclusive',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00' }, { id: 'B', at: '2026-10-13 09:00:00' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'one second after the window (72 h 0 min 1 s): a new first call',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00' }, { id: 'B', at: '2026-10-13 09:00:01' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: '', first: 'B' }],
    },
    {
      name: 'the next day across midnight (23:30 → 00:10, 40 min)',
      calls: [{ id: 'A', at: '2026-10-12 23:30:00' }, { id: 'B', at: '2026-10-13 00:10:00' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'across a month boundary (31 Oct 22:00 → 1 Nov 09:00, 11 h)',
      calls: [{ id: 'A', at: '2026-10-31 22:00:00' }, { id: 'B', at: '2026-11-01 09:00:00' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'a chain of three: C is 52 h after B and 100 h after A; it repeats B and its chain starts at A',
      calls: [{ id: 'A', at: '2026-10-10 00:00:00' }, { id: 'B', at: '2026-10-12 00:00:00' }, { id: 'C', at: '2026-10-14 04:00:00' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }, { id: 'C', repeats: 'B', first: 'A' }],
    },
    {
      name: 'by tracking number: another phone (the receiver calls about the sender\'s parcel)',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00', phone: '13800001111', tracking: 'SF1' }, { id: 'B', at: '2026-10-11 09:00:00', phone: '13900002222', tracking: 'SF1' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'the same phone about another parcel: both calls have a tracking number, they differ: not a repeat',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00', tracking: 'SF1' }, { id: 'B', at: '2026-10-11 09:00:00', tracking: 'SF2' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: '', first: 'B' }],
    },
    {
      name: 'the same phone, the first call without a tracking number: by phone',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00' }, { id: 'B', at: '2026-10-11 09:00:00', tracking: 'SF2' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'the same phone, the repeat without a tracking number: by phone',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00', tracking: 'SF1' }, { id: 'B', at: '2026-10-11 09:00:00' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'a tracking number and a phone both match earlier calls: the later of the two is repeated',
      calls: [
        { id: 'A', at: '2026-10-10 09:00:00', phone: '13900002222', tracking: 'SF1' },
        { id: 'B', at: '2026-10-10 10:00:00', phone: '13800001111' },
        { id: 'C', at: '2026-10-10 11:00:00', phone: '13800001111', tracking: 'SF1' },
      ],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: '', first: 'B' }, { id: 'C', repeats: 'B', first: 'B' }],
    },
    {
      name: 'a call about another parcel in between does not hide the earlier call of the same parcel',
      calls: [
        { id: 'A', at: '2026-10-10 09:00:00', tracking: 'SF1' },
        { id: 'B', at: '2026-10-10 10:00:00', tracking: 'SF2' },
        { id: 'C', at: '2026-10-10 11:00:00', tracking: 'SF1' },
      ],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: '', first: 'B' }, { id: 'C', repeats: 'A', first: 'A' }],
    },
    {
      name: 'anonymous (no number) twice: never chained, each its own first call',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00', phone: null }, { id: 'B', at: '2026-10-10 09:05:00', phone: null }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: '', first: 'B' }],
    },
    {
      name: 'an empty number twice: never chained',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00', phone: '' }, { id: 'B', at: '2026-10-10 09:05:00', phone: '' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: '', first: 'B' }],
    },
    {
      name: 'an empty tracking number is no tracking number: by phone',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00', tracking: '' }, { id: 'B', at: '2026-10-10 09:05:00', tracking: 'SF1' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'anonymous calls about the same parcel: chained by the tracking number',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00', phone: null, tracking: 'SF1' }, { id: 'B', at: '2026-10-10 09:05:00', phone: null, tracking: 'SF1' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'an outbound callback is never a repeat, nor the call an inbound call repeats',
      calls: [
        { id: 'A', at: '2026-10-10 09:00:00' },
        { id: 'O', at: '2026-10-10 10:00:00', direction: 'outbound' },
        { id: 'B', at: '2026-10-10 11:00:00' },
      ],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'O', repeats: '', first: '' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
    {
      name: 'an abandoned call is in no chain (nobody took it): the answered call after it is a first call',
      calls: [{ id: 'X', at: '2026-10-10 09:00:00', outcome: 'abandoned' }, { id: 'A', at: '2026-10-10 09:02:00' }, { id: 'Y', at: '2026-10-10 10:00:00', outcome: 'abandoned' }],
      expected: [{ id: 'X', repeats: '', first: '' }, { id: 'A', repeats: '', first: 'A' }, { id: 'Y', repeats: '', first: '' }],
    },
    {
      name: 'purge tokens chain as the numbers did (the same number, the same token)',
      calls: [{ id: 'A', at: '2026-10-10 09:00:00', phone: 'tok:4f2a9c0e11d7b3a85e61' }, { id: 'B', at: '2026-10-10 09:05:00', phone: 'tok:4f2a9c0e11d7b3a85e61' }],
      expected: [{ id: 'A', repeats: '', first: 'A' }, { id: 'B', repeats: 'A', first: 'A' }],
    },
  ])('$name', ({ calls, expected }) => {
    expect(chains(calls as Spec[])).toEqual(expected);
  });

  test('a window of 24 h: 25 h later is a new first call; of 7 days (168 h): a repeat', () => {
    const twoCalls: Spec[] = [{ id: 'A', at: '2026-10-10 09:00:00' }, { id: 'B', at: '2026-10-11 10:00:00' }];
    expect(chains(twoCalls, 24 * H).map((c) => c.repeats)).toEqual(['', '']);
    expect(chains(twoCalls, 168 * H).map((c) => c.repeats)).toEqual(['', 'A']);
  });

  test('calls in the same second: the later in the given order repeats the earlier', () => {
    expect(chains([{ id: 'A', at: '2026-10-10 09:00:00' }, { id: 'B', at: '2026-10-10 09:00:00' }]).map((c) => c.repeats)).toEqual(['', 'A']);
  });

  test('calls out of time order are refused (a caller bug, not data)', () => {
    expect(() => chains([{ id: 'B', at: '2026-10-11 09:00:00' }, { id: 'A', at: '2026-10-10 09:00:00' }])).toThrow('linkCalls: calls must be in time order (call 1 starts before call 0)');
  });
});

describe('sameCustomer and previousCall (looking further back than the calls at hand)', () => {
  const a = call({ id: 'A', at: '2026-10-10 09:00:00', tracking: 'SF1' });
  test.each([
    { name: 'same tracking, other phone', b: { phone: '13900002222', tracking_no: 'SF1' }, expected: true },
    { name: 'same phone, other tracking', b: { phone: '13800001111', tracking_no: 'SF2' }, expected: false },
    { name: 'same phone, no tracking', b: { phone: '13800001111', tracking_no: null }, expected: true },
    { name: 'other phone, no tracking', b: { phone: '13900002222', tracking_no: null }, expected: false },
    { name: 'anonymous, no tracking', b: { phone: null, tracking_no: null }, expected: false },
  ])('$name → $expected', ({ b, expected }) => {
    expect(sameCustomer(a, { ...a, ...b })).toBe(expected);
  });

  test('previousCall: the latest earlier call of the same customer within the window, else -1', () => {
    const later = call({ id: 'L', at: '2026-10-12 09:00:00' });
    const earlier = [
      call({ id: 'E0', at: '2026-10-09 08:59:59' }), // 72 h 0 min 1 s before: outside
      call({ id: 'E1', at: '2026-10-09 09:00:00' }), // exactly 72 h before: inside
      call({ id: 'E2', at: '2026-10-10 09:00:00', phone: '13900002222' }), // another customer
      call({ id: 'E3', at: '2026-10-11 09:00:00', direction: 'outbound' }), // a callback
    ];
    expect(previousCall(later, earlier, W72)).toBe(1);
    expect(previousCall(later, earlier.slice(0, 1), W72)).toBe(-1);
    expect(previousCall(call({ id: 'N', at: '2026-10-12 09:00:00', phone: null }), earlier, W72)).toBe(-1);
  });
});

test('linkCalls and linkColumns (by the latest call per number) agree with previousCall (the rule, pair by pair) on 2,000 mixed calls', () => {
  // A fixed sequence: 40 phones (one in ten anonymous), 30 tracking numbers (half the calls none),
  // a call every 0–5 h, some outbound or abandoned.
  let seed = 12345;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  let t = at('2026-10-01 00:00:00');
  const calls: DayCall[] = Array.from({ length: 2000 }, () => {
    t += next(5 * H);
    const phone = next(10) === 0 ? null : `1380000${String(next(40)).padStart(4, '0')}`;
    return { started_at: t, day: '', direction: next(20) === 0 ? 'outbound' : 'inbound', outcome: next(10) === 0 ? 'abandoned' : 'answered', phone, tracking_no: next(2) === 0 ? null : `SF${next(30)}` };
  });
  const links = linkCalls(calls, W72);
  const expected = calls.map((c, i) => previousCall(c, calls.slice(0, i), W72));
  expect(Array.from(links.prev)).toEqual(expected);
  // As columns of the answered inbound calls only (as the database reads them): the same links.
  const chained = calls.flatMap((c, i) => (c.direction === 'inbound' && c.outcome === 'answered' ? [i] : []));
  const columns = linkColumns({ started_at: chained.map((i) => calls[i]?.started_at as number), phone: chained.map((i) => calls[i]?.phone ?? null), tracking_no: chained.map((i) => calls[i]?.tracking_no ?? null) }, W72);
  expect(Array.from(columns.prev).map((p) => (p < 0 ? -1 : chained[p]))).toEqual(chained.map((i) => expected[i]));
  expect(expected.filter((p) => p >= 0).length).toBeGreaterThan(300);
});

/** The calls of the local days from `from` to `to`, windows judged over at `asOf`. */
const scope = (from: string, to: string, asOf: string) => ({ start: at(`${from} 00:00:00`), end: at(`${to} 23:59:59`), window_seconds: W72, as_of: at(asOf) });

describe('summarizeRepeats: the measures of a range of days', () => {
  // Customer P (13800001111): A on the 10th 09:00, B on the 11th 09:00 (24 h), C on the 13th 21:00 (60 h after B).
  // Customer Q (13900002222): D on the 11th 10:00, never again.
  // Customer R (13700003333): E on the 12th 23:30, F on the 13th 00:10 across midnight (40 min).
  // Customer S (anonymous): G on the 12th 12:00 and H on the 12th 12:05, never chained.
  // An outbound callback O to P on the 11th 10:00 counts nowhere.
  const specs: Spec[] = [
    { id: 'A', at: '2026-10-10 09:00:00' },
    { id: 'B', at: '2026-10-11 09:00:00' },
    { id: 'O', at: '2026-10-11 10:00:00', direction: 'outbound' },
    { id: 'D', at: '2026-10-11 10:00:00', phone: '13900002222' },
    { id: 'G', at: '2026-10-12 12:00:00', phone: null },
    { id: 'H', at: '2026-10-12 12:05:00', phone: null },
    { id: 'E', at: '2026-10-12 23:30:00', phone: '13700003333' },
    { id: 'F', at: '2026-10-13 00:10:00', phone: '13700003333' },
    { id: 'C', at: '2026-10-13 21:00:00' },
  ];
  const calls = specs.map(call);
  const links = linkCalls(calls, W72);
  const byDay = (i: number): string => calls[i]?.day as string;
  const starts = calls.map((c) => c.started_at);

  test('every window over (as of the 20th): 10 inbound answered calls counted, by day', () => {
    const s = summarizeRepeats(starts, links, scope('2026-10-10', '2026-10-13', '2026-10-20 00:00:00'), byDay);
    // Calls 8 (O is outbound). Repeats: B (24 h), C (60 h), F (40 min = 0.67 h): 3. First calls: A, D, G, H, E: 5;
    // resolved: D, G, H (A drew B, E drew F): 3 of 5. Median of 24, 60 and 0.67 h: 24.
    expect(s.total).toEqual({ calls: 8, repeat_calls: 3, repeat_rate: 0.375, first_calls: 5, window_open: 0, resolved_first_calls: 3, fcr_rate: 0.6, median_hours_to_repeat: 24 });
    expect([...s.groups.entries()]).toEqual([
      ['2026-10-10', { calls: 1, repeat_calls: 0, repeat_rate: 0, first_calls: 1, window_open: 0, resolved_first_calls: 0, fcr_rate: 0, median_hours_to_repeat: null }],
      ['2026-10-11', { calls: 2, repeat_calls: 1, repeat_rate: 0.5, first_calls: 1, window_open: 0, resolved_first_calls: 1, fcr_rate: 1, median_hours_to_repeat: 24 }],
      ['2026-10-12', { calls: 3, repeat_calls: 0, repeat_rate: 0, first_calls: 3, window_open: 0, resolved_first_calls: 2, fcr_rate: 0.6667, median_hours_to_repeat: null }],
      ['2026-10-13', { calls: 2, repeat_calls: 2, repeat_rate: 1, first_calls: 0, window_open: 0, resolved_first_calls: 0, fcr_rate: null, median_hours_to_repeat: 30.33 }],
    ]);
  });

  test('windows still open at the end of the range are counted apart and left out of the FCR rate', () => {
    // As of the 14th 12:00: A (10th 09:00) and D (11th 10:00) are over (72 h later: 13th 09:00, 14th 10:00);
    // G, H, E (12th) are not. First calls 5, window open 3, FCR over A and D: 1 / 2.
    const s = summarizeRepeats(starts, links, scope('2026-10-10', '2026-10-13', '2026-10-14 12:00:00'), byDay);
    expect(s.total).toMatchObject({ first_calls: 5, window_open: 3, resolved_first_calls: 1, fcr_rate: 0.5 });
    // A window that ends exactly at the moment is over: D's ends on the 14th 10:00:00.
    expect(summarizeRepeats(starts, links, scope('2026-10-11', '2026-10-11', '2026-10-14 10:00:00'), byDay).total).toMatchObject({ first_calls: 1, window_open: 0, resolved_first_calls: 1 });
    expect(summarizeRepeats(starts, links, scope('2026-10-11', '2026-10-11', '2026-10-14 09:59:59'), byDay).total).toMatchObject({ first_calls: 1, window_open: 1, resolved_first_calls: 0, fcr_rate: null });
  });

  test('a range of one day counts a repeat of a call before it, and a first call repeated after it', () => {
    // The 11th: B repeats A (the 10th); D is resolved. The 10th alone: A is not resolved (B, the 11th, repeats it).
    expect(summarizeRepeats(starts, links, scope('2026-10-11', '2026-10-11', '2026-10-20 00:00:00'), byDay).total)
      .toEqual({ calls: 2, repeat_calls: 1, repeat_rate: 0.5, first_calls: 1, window_open: 0, resolved_first_calls: 1, fcr_rate: 1, median_hours_to_repeat: 24 });
    expect(summarizeRepeats(starts, links, scope('2026-10-10', '2026-10-10', '2026-10-20 00:00:00'), byDay).total)
      .toEqual({ calls: 1, repeat_calls: 0, repeat_rate: 0, first_calls: 1, window_open: 0, resolved_first_calls: 0, fcr_rate: 0, median_hours_to_repeat: null });
  });

  test('a repeat is charged to the group of its chain\'s first call (here: by who took it)', () => {
    const operators: Record<string, string> = { A: '1001', B: '1002', C: '1003', D: '1002', E: '1001', F: '1003', G: '1002', H: '1002' };
    const ids = specs.map((s) => s.id);
    const byFirstOperator = (i: number): string => operators[ids[links.root[i] as number] as string] as string;
    const s = summarizeRepeats(starts, links, scope('2026-10-10', '2026-10-13', '2026-10-20 00:00:00'), byFirstOperator);
    // 1001 took A and E: A drew B and C, E drew F: calls 5, repeats 3, first calls 2, none resolved.
    // 1002 took D, G, H (B was 1002's call but is A's repeat): calls 3, first 3, resolved 3.
    expect([...s.groups.entries()].sort()).toEqual([
      ['1001', { calls: 5, repeat_calls: 3, repeat_rate: 0.6, first_calls: 2, window_open: 0, resolved_first_calls: 0, fcr_rate: 0, median_hours_to_repeat: 24 }],
      ['1002', { calls: 3, repeat_calls: 0, repeat_rate: 0, first_calls: 3, window_open: 0, resolved_first_calls: 3, fcr_rate: 1, median_hours_to_repeat: null }],
    ]);
  });

  test('across a month boundary: October counts A unresolved, November counts B as a repeat', () => {
    const pair = [call({ id: 'A', at: '2026-10-31 22:00:00' }), call({ id: 'B', at: '2026-11-01 09:00:00' })];
    const l = linkCalls(pair, W72);
    const day = (i: number): string => pair[i]?.day as string;
    const pairStarts = pair.map((c) => c.started_at);
    expect(summarizeRepeats(pairStarts, l, scope('2026-10-01', '2026-10-31', '2026-11-10 00:00:00'), day).total)
      .toEqual({ calls: 1, repeat_calls: 0, repeat_rate: 0, first_calls: 1, window_open: 0, resolved_first_calls: 0, fcr_rate: 0, median_hours_to_repeat: null });
    expect(summarizeRepeats(pairStarts, l, scope('2026-11-01', '2026-11-30', '2026-12-10 00:00:00'), day).total)
      .toEqual({ calls: 1, repeat_calls: 1, repeat_rate: 1, first_calls: 0, window_open: 0, resolved_first_calls: 0, fcr_rate: null, median_hours_to_repeat: 11 });
  });

  test('no calls: zeros and nulls', () => {
    expect(summarizeRepeats([], linkCalls([], W72), scope('2026-10-01', '2026-10-31', '2026-11-10 00:00:00'), () => 'x')).toEqual({
      total: { calls: 0, repeat_calls: 0, repeat_rate: null, first_calls: 0, window_open: 0, resolved_first_calls: 0, fcr_rate: null, median_hours_to_repeat: null },
      groups: new Map(),
    });
  });
});

describe('policy repeats.window_hours (docs/policy.md)', () => {
  test('default 72; 24 and 168 (7 days) accepted', () => {
    expect(DEFAULT_POLICY.repeats).toEqual({ window_hours: 72 });
    for (const h of [24, 168]) expect(validatePolicy({ repeats: { window_hours: h } })).toMatchObject({ ok: true, policy: { repeats: { window_hours: h } } });
  });

  test.each([
    { name: '0 hours', value: 0, expected: 'repeats.window_hours: Too small: expected number to be >=1' },
    { name: 'more than 30 days', value: 721, expected: 'repeats.window_hours: Too big: expected number to be <=720' },
    { name: 'a fraction of an hour', value: 1.5, expected: 'repeats.window_hours: Invalid input: expected int, received number' },
  ])('$name is refused, the key named', ({ value, expected }) => {
    expect(validatePolicy({ repeats: { window_hours: value } })).toEqual({ ok: false, errors: [expected] });
  });
});

describe('the appraisal indicator fcr (service_quality, weight 0 unless a policy gives it one)', () => {
  const raw = { satisfaction: 4.2, complaint_rate: 1.5, suggestion_adoption: null, calls_per_day: 60, orders_per_day: 12, resolution_hours: 21, knowledge_test: 85, teamwork: 90 };

  test('the default policy: fcr is not appraised, whatever its value; the worked example of docs/metrics.md stays 76.10', () => {
    expect(DEFAULT_POLICY.appraisal.groups.service_quality.indicators).toEqual({ satisfaction: 50, complaint_rate: 30, suggestion_adoption: 20 });
    expect(DEFAULT_POLICY.appraisal.scales.fcr).toBeUndefined();
    expect(scaleOf(DEFAULT_POLICY.appraisal, 'fcr')).toEqual({ zero_at: 0.5, full_at: 0.9 });
    const withFcr = scoreOperator({ ...raw, fcr: 0.2 }, DEFAULT_POLICY.appraisal);
    expect(withFcr).toEqual(scoreOperator(raw, DEFAULT_POLICY.appraisal));
    expect(withFcr.score).toBe(76.1);
    expect(withFcr.indicators.fcr).toBeUndefined();
  });

  test('given 15 of service_quality: FCR 0.8 scores (0.8 − 0.5) / (0.9 − 0.5) = 75; the group (80×40 + 70×30 + 75×15) / 85', () => {
    const checked = validatePolicy({ appraisal: { groups: { service_quality: { indicators: { satisfaction: 40, complaint_rate: 30, suggestion_adoption: 15, fcr: 15 } } } } });
    if (!checked.ok) throw new Error(checked.errors.join('; '));
    const s = scoreOperator({ ...raw, fcr: 0.8 }, checked.policy.appraisal);
    expect(s.indicators.fcr).toEqual({ raw: 0.8, score: 75, weight: 17.65, base_weight: 15 });
    expect(s.groups.service_quality?.score).toBe(75.59); // 6425 / 85 = 75.588…
    // total = 75.588… × 0.40 + 64.5 × 0.30 + 85 × 0.15 + 90 × 0.15 = 30.2353 + 19.35 + 12.75 + 13.5 = 75.8353 → 75.84
    expect(s.score).toBe(75.84);
    // No first call with its window over: no data, its 15 % shared in proportion.
    expect(scoreOperator({ ...raw, fcr: null }, checked.policy.appraisal).missing).toEqual(['suggestion_adoption', 'fcr']);
  });

  test('its scale, when a policy gives one, is given in full and used', () => {
    const checked = validatePolicy({ appraisal: { scales: { fcr: { zero_at: 0.6, full_at: 1 } }, groups: { service_quality: { indicators: { satisfaction: 40, complaint_rate: 30, suggestion_adoption: 15, fcr: 15 } } } } });
    if (!checked.ok) throw new Error(checked.errors.join('; '));
    expect(scoreOperator({ ...raw, fcr: 0.8 }, checked.policy.appraisal).indicators.fcr?.score).toBe(50); // (0.8 − 0.6) / (1 − 0.6)
    expect(validatePolicy({ appraisal: { scales: { fcr: { zero_at: 0.6 } } } })).toEqual({ ok: false, errors: ['appraisal.scales.fcr.full_at: Invalid input: expected number, received undefined'] });
    expect(validatePolicy({ appraisal: { scales: { fcr: { zero_at: 0.6, full_at: 0.6 } } } })).toEqual({ ok: false, errors: ['appraisal.scales.fcr.full_at: zero_at and full_at must differ (both 0.6)'] });
  });

  test('a weight of 0 is refused like any indicator weight: leave fcr out to switch it off', () => {
    expect(validatePolicy({ appraisal: { groups: { service_quality: { indicators: { satisfaction: 50, complaint_rate: 30, suggestion_adoption: 20, fcr: 0 } } } } })).toEqual({
      ok: false, errors: ['appraisal.groups.service_quality.indicators.fcr: Too small: expected number to be >0'],
    });
  });
});
