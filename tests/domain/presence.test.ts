// Operator presence (issue 20), worked out by hand: sessions and pauses built from one operator's
// events (src/domain/presence.ts buildPresenceIntervals), a day's figures (src/domain/presence-day.ts) with its unauthorized
// absence (presenceIn), and operators logged in and available per window (staffedIn). Times are
// Asia/Shanghai wall-clock times.
import { describe, expect, test } from 'vitest';
import { buildPresenceIntervals, pauseReasonCode, sortPresenceEvents, type PresenceEvent, type PresenceInterval } from '../../src/domain/presence.js';
import { adherenceOf, presenceIn, staffedIn, type PresenceRules } from '../../src/domain/presence-day.js';
import { DEFAULT_POLICY, validatePolicy } from '../../src/domain/policy.js';
import { scoreOperator } from '../../src/domain/appraisal.js';
import { appraises } from '../../src/domain/appraisal-policy.js';

/** Epoch seconds of a Shanghai wall-clock time 'YYYY-MM-DD HH:mm[:ss]'. */
const T = (local: string): number => Date.parse(`${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+08:00`) / 1000;

/** Events from [time, state, reason?, queue?] in file order (their line is their place). */
function events(...rows: [string, string, (string | null)?, (string | null)?][]): PresenceEvent[] {
  return rows.map(([at, state, reason = null, queue = null], i) => ({ at: T(at), state, reason, queue, order: i + 2 }));
}

/** An interval from local times (end null: open). */
function iv(kind: 'session' | 'pause', start: string, end: string | null, endBy: PresenceInterval['end_by'], reason: string | null = null): PresenceInterval {
  return { kind, start: T(start), end: end === null ? null : T(end), reason, end_by: endBy };
}

const RULES: PresenceRules = { allowed_reasons: ['lunch', 'training', 'meeting', 'break'], allowance_minutes: { lunch: 60, break: 30 } };
const DAY = (d: string) => ({ start: T(`${d} 00:00`), end: T(`${d} 00:00`) + 86400 });

describe('buildPresenceIntervals', () => {
  test.each([
    {
      name: 'a session with a pause',
      events: events(['2026-10-12 09:00', 'login'], ['2026-10-12 11:50', 'pause', 'lunch'], ['2026-10-12 12:40', 'unpause'], ['2026-10-12 18:00', 'logout']),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 18:00', 'logout'), iv('pause', '2026-10-12 11:50', '2026-10-12 12:40', 'unpause', 'lunch')],
      relogins: 0, outside: 0, unknown: 0,
    },
    {
      name: 'overlapping sessions: a login without a logout closes the first at the next login',
      events: events(['2026-10-12 09:00', 'login'], ['2026-10-12 13:00', 'login'], ['2026-10-12 18:00', 'logout']),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 13:00', 'relogin'), iv('session', '2026-10-12 13:00', '2026-10-12 18:00', 'logout')],
      relogins: 1, outside: 0, unknown: 0,
    },
    {
      name: 'a logout while paused closes the pause',
      events: events(['2026-10-12 09:00', 'login'], ['2026-10-12 17:40', 'pause', 'break'], ['2026-10-12 18:00', 'logout']),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 18:00', 'logout'), iv('pause', '2026-10-12 17:40', '2026-10-12 18:00', 'logout', 'break')],
      relogins: 0, outside: 0, unknown: 0,
    },
    {
      name: 'a reason change while paused closes one pause and opens the next',
      events: events(['2026-10-12 09:00', 'login'], ['2026-10-12 10:00', 'pause', 'break'], ['2026-10-12 10:10', 'pause', 'meeting'], ['2026-10-12 10:40', 'unpause'], ['2026-10-12 18:00', 'logout']),
      expected: [
        iv('session', '2026-10-12 09:00', '2026-10-12 18:00', 'logout'),
        iv('pause', '2026-10-12 10:00', '2026-10-12 10:10', 'reason', 'break'),
        iv('pause', '2026-10-12 10:10', '2026-10-12 10:40', 'unpause', 'meeting'),
      ],
      relogins: 0, outside: 0, unknown: 0,
    },
    {
      name: 'PAUSEALL followed by per-queue PAUSE lines: one pause (and UNPAUSEALL with its lines: one end)',
      events: events(
        ['2026-10-12 09:00', 'login', null, 'hotline'], ['2026-10-12 09:00', 'login', null, 'vip'],
        ['2026-10-12 10:00', 'pause', 'break', null], ['2026-10-12 10:00', 'pause', 'break', 'hotline'], ['2026-10-12 10:00', 'pause', 'break', 'vip'],
        ['2026-10-12 10:15', 'unpause', null, null], ['2026-10-12 10:15', 'unpause', null, 'hotline'], ['2026-10-12 10:15', 'unpause', null, 'vip'],
        ['2026-10-12 18:00', 'logout', null, 'hotline'], ['2026-10-12 18:00', 'logout', null, 'vip'],
      ),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 18:00', 'logout'), iv('pause', '2026-10-12 10:00', '2026-10-12 10:15', 'unpause', 'break')],
      relogins: 0, outside: 0, unknown: 0,
    },
    {
      name: 'a member in two queues: logged in from the first login to the last logout (per operator, not per queue)',
      events: events(['2026-10-12 09:00', 'login', null, 'hotline'], ['2026-10-12 09:30', 'login', null, 'vip'], ['2026-10-12 12:00', 'logout', null, 'hotline'], ['2026-10-12 17:00', 'logout', null, 'vip']),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 17:00', 'logout')],
      relogins: 0, outside: 0, unknown: 0,
    },
    {
      name: 'a logout with no queue (AGENTLOGOFF) leaves every queue',
      events: events(['2026-10-12 09:00', 'login', null, 'hotline'], ['2026-10-12 09:00', 'login', null, 'vip'], ['2026-10-12 17:00', 'logout', null, 'NONE']),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 17:00', 'logout')],
      relogins: 0, outside: 0, unknown: 0,
    },
    {
      name: 'unknown events are kept and counted, and change nothing',
      events: events(['2026-10-12 09:00', 'login'], ['2026-10-12 10:00', 'ACW'], ['2026-10-12 10:05', '振铃'], ['2026-10-12 18:00', 'logout']),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 18:00', 'logout')],
      relogins: 0, outside: 0, unknown: 2,
    },
    {
      name: 'still open at the end of the data: session and pause shown open, not guessed',
      events: events(['2026-10-12 09:00', 'login'], ['2026-10-12 17:55', 'pause', null]),
      expected: [iv('session', '2026-10-12 09:00', null, null), iv('pause', '2026-10-12 17:55', null, null)],
      relogins: 0, outside: 0, unknown: 0,
    },
    {
      name: 'a logout, a pause and an unpause while logged out are not counted',
      events: events(['2026-10-12 08:00', 'logout'], ['2026-10-12 08:01', 'pause', 'break'], ['2026-10-12 08:02', 'unpause'], ['2026-10-12 09:00', 'login'], ['2026-10-12 10:00', 'logout']),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 10:00', 'logout')],
      relogins: 0, outside: 3, unknown: 0,
    },
    {
      name: 'a pause and its unpause in the same second: no pause',
      events: events(['2026-10-12 09:00', 'login'], ['2026-10-12 10:00', 'pause', 'break'], ['2026-10-12 10:00', 'unpause'], ['2026-10-12 11:00', 'logout']),
      expected: [iv('session', '2026-10-12 09:00', '2026-10-12 11:00', 'logout')],
      relogins: 0, outside: 0, unknown: 0,
    },
  ])('$name', ({ events: input, expected, relogins, outside, unknown }) => {
    expect(buildPresenceIntervals(input)).toEqual({ intervals: expected, relogins, outside, unknown });
  });

  test('countFrom: only what the events from that time on held is counted (an import replays older events too)', () => {
    const input = events(['2026-10-12 09:00', 'login'], ['2026-10-12 10:00', 'ACW'], ['2026-10-12 13:00', 'login'], ['2026-10-12 14:00', 'ACW'], ['2026-10-12 18:00', 'logout']);
    expect(buildPresenceIntervals(input, T('2026-10-12 13:30'))).toMatchObject({ relogins: 0, outside: 0, unknown: 1 });
    expect(buildPresenceIntervals(input, T('2026-10-12 13:00'))).toMatchObject({ relogins: 1, outside: 0, unknown: 1 });
  });

  test('an ADDMEMBER … PAUSED is a login and a pause on one line: sorted login first, then the pause', () => {
    const line = { at: T('2026-10-12 09:00'), reason: null, queue: 'hotline', order: 7 };
    const sorted = sortPresenceEvents([{ ...line, state: 'pause' }, { ...line, state: 'login' }, { at: T('2026-10-12 08:59'), state: 'logout', reason: null, queue: 'hotline', order: 9 }]);
    expect(sorted.map((e) => e.state)).toEqual(['logout', 'login', 'pause']);
    expect(buildPresenceIntervals(sorted).intervals).toEqual([iv('session', '2026-10-12 09:00', null, null), iv('pause', '2026-10-12 09:00', null, null)]);
  });
});

describe('presenceIn: a day', () => {
  const data = T('2026-10-14 12:00'); // the end of the data

  test('a session across midnight is split at local midnight; the pause across it too (counted once, where it begins)', () => {
    const night = [
      iv('session', '2026-10-12 20:00', '2026-10-13 04:00', 'logout'),
      iv('pause', '2026-10-12 23:30', '2026-10-13 00:20', 'unpause', 'meeting'),
    ];
    expect(presenceIn(night, DAY('2026-10-12'), data, RULES)).toEqual({
      first_login: T('2026-10-12 20:00'), last_logout: T('2026-10-13 04:00'), open: false,
      logged_in_seconds: 4 * 3600, paused_seconds: 30 * 60, paused_by_reason: { meeting: 1800 }, available_seconds: 4 * 3600 - 1800,
      pauses: 1, relogins: 0, unauthorized_seconds: 0, absences: [],
    });
    expect(presenceIn(night, DAY('2026-10-13'), data, RULES)).toMatchObject({
      first_login: T('2026-10-12 20:00'), logged_in_seconds: 4 * 3600, paused_seconds: 20 * 60, available_seconds: 4 * 3600 - 1200, pauses: 0,
    });
    expect(presenceIn(night, DAY('2026-10-11'), data, RULES)).toBeUndefined();
  });

  test('unauthorized absence: no reason, a reason not allowed, and break beyond its 30 minutes (20 + 15: the last 5 minutes)', () => {
    const day = [
      iv('session', '2026-10-12 08:30', '2026-10-12 17:30', 'logout'),
      iv('pause', '2026-10-12 09:40', '2026-10-12 09:52', 'unpause', null),
      iv('pause', '2026-10-12 10:30', '2026-10-12 10:50', 'unpause', 'break'),
      iv('pause', '2026-10-12 12:00', '2026-10-12 12:50', 'unpause', 'lunch'),
      iv('pause', '2026-10-12 15:00', '2026-10-12 15:15', 'unpause', 'break'),
      iv('pause', '2026-10-12 16:00', '2026-10-12 16:08', 'reason', '私事'),
    ];
    const f = presenceIn(day, DAY('2026-10-12'), data, RULES);
    expect(f).toEqual({
      first_login: T('2026-10-12 08:30'), last_logout: T('2026-10-12 17:30'), open: false,
      logged_in_seconds: 9 * 3600, paused_seconds: (12 + 20 + 50 + 15 + 8) * 60,
      paused_by_reason: { '(none)': 720, break: 2100, lunch: 3000, 私事: 480 }, available_seconds: 9 * 3600 - 105 * 60,
      pauses: 5, relogins: 0, unauthorized_seconds: (12 + 5 + 8) * 60,
      absences: [
        { start: T('2026-10-12 09:40'), end: T('2026-10-12 09:52'), reason: null, seconds: 720, unauthorized_seconds: 720, why: 'no_reason' },
        { start: T('2026-10-12 15:00'), end: T('2026-10-12 15:15'), reason: 'break', seconds: 900, unauthorized_seconds: 300, why: 'over_allowance' },
        { start: T('2026-10-12 16:00'), end: T('2026-10-12 16:08'), reason: '私事', seconds: 480, unauthorized_seconds: 480, why: 'not_allowed' },
      ],
    });
  });

  test('the policy may name reasons in Chinese, and a company reason of its own: 小休 is break, 辅导 allowed, lunch unlimited', () => {
    const day = [iv('session', '2026-10-12 08:00', '2026-10-12 17:00', 'logout'), iv('pause', '2026-10-12 10:00', '2026-10-12 10:40', 'unpause', 'break'), iv('pause', '2026-10-12 14:00', '2026-10-12 15:00', 'unpause', '辅导')];
    const f = presenceIn(day, DAY('2026-10-12'), data, { allowed_reasons: ['小休', '辅导'], allowance_minutes: { 小休: 45 } });
    expect(f?.unauthorized_seconds).toBe(0);
    const stricter = presenceIn(day, DAY('2026-10-12'), data, { allowed_reasons: ['小休', '辅导'], allowance_minutes: { 小休: 30 } });
    expect(stricter?.absences).toEqual([{ start: T('2026-10-12 10:00'), end: T('2026-10-12 10:40'), reason: 'break', seconds: 2400, unauthorized_seconds: 600, why: 'over_allowance' }]);
  });

  test('a session open at the end of the data counts up to it and has no last logout', () => {
    const open = [iv('session', '2026-10-14 09:00', null, null), iv('pause', '2026-10-14 11:30', null, null, 'lunch')];
    expect(presenceIn(open, DAY('2026-10-14'), data, RULES)).toMatchObject({
      first_login: T('2026-10-14 09:00'), last_logout: null, open: true, logged_in_seconds: 3 * 3600, paused_seconds: 30 * 60, available_seconds: 3 * 3600 - 1800, pauses: 1,
    });
  });

  test('a relogin is counted in the day the session it closed ends (at midnight: the day before)', () => {
    const twice = [iv('session', '2026-10-12 09:00', '2026-10-12 13:00', 'relogin'), iv('session', '2026-10-12 13:00', '2026-10-12 18:00', 'logout')];
    expect(presenceIn(twice, DAY('2026-10-12'), data, RULES)).toMatchObject({ first_login: T('2026-10-12 09:00'), last_logout: T('2026-10-12 18:00'), logged_in_seconds: 9 * 3600, relogins: 1 });
    const midnight = [iv('session', '2026-10-12 20:00', '2026-10-13 00:00', 'relogin'), iv('session', '2026-10-13 00:00', '2026-10-13 04:00', 'logout')];
    expect([presenceIn(midnight, DAY('2026-10-12'), data, RULES)?.relogins, presenceIn(midnight, DAY('2026-10-13'), data, RULES)?.relogins]).toEqual([1, 0]);
  });
});

describe('staffedIn: operators logged in and available, on average over each window', () => {
  test('two operators over 09:00–10:00 and 10:00–11:00', () => {
    const a = [iv('session', '2026-10-12 09:00', '2026-10-12 18:00', 'logout'), iv('pause', '2026-10-12 09:30', '2026-10-12 09:45', 'unpause', 'break')];
    const b = [iv('session', '2026-10-12 09:30', null, null)];
    const hours = [{ start: T('2026-10-12 09:00'), end: T('2026-10-12 10:00') }, { start: T('2026-10-12 10:00'), end: T('2026-10-12 11:00') }];
    // 09–10: a 60 min + b 30 min logged in = 1.5; a paused 15 min → available 1.25
    // 10–11: both all hour; b open, the data ending at 10:30 → 1 + 0.5
    expect(staffedIn([a, b], hours.map((h) => [h]), T('2026-10-12 10:30'))).toEqual([{ logged_in: 1.5, available: 1.25 }, { logged_in: 1.5, available: 1.5 }]);
  });
});

describe('the policy keys presence.allowed_reasons and presence.allowance_minutes', () => {
  test('defaults: lunch, training, meeting and break allowed; lunch 60 and break 30 minutes a day', () => {
    expect(DEFAULT_POLICY.presence).toEqual({ allowed_reasons: ['lunch', 'training', 'meeting', 'break'], allowance_minutes: { lunch: 60, break: 30 }, adherence_scale: { zero_at: 0.8, full_at: 1 } });
  });

  test('an allowance for a reason that is not allowed is refused, naming the key', () => {
    expect(validatePolicy({ presence: { allowed_reasons: ['午休', '辅导'], allowance_minutes: { lunch: 45, 辅导: 60 } } }).ok).toBe(true);
    expect(validatePolicy({ presence: { allowed_reasons: ['lunch'], allowance_minutes: { break: 30 } } })).toEqual({
      ok: false, errors: ['presence.allowance_minutes.break: "break" is not in presence.allowed_reasons: a reason that is not allowed has no allowance'],
    });
    expect(validatePolicy({ presence: { allowance_minutes: { break: -1 } } })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^presence\.allowance_minutes\.break: /)] });
  });
});

describe('the appraisal indicator adherence (no weight by default)', () => {
  test.each([
    { name: 'no unauthorized absence', sums: { logged_in_seconds: 28800, unauthorized_seconds: 0 }, expected: 1 },
    { name: '36 minutes of 8 hours', sums: { logged_in_seconds: 28800, unauthorized_seconds: 2160 }, expected: 0.925 },
    { name: 'never logged in: no data', sums: { logged_in_seconds: 0, unauthorized_seconds: 0 }, expected: null },
    { name: 'no presence at all: no data', sums: undefined, expected: null },
  ])('$name → $expected', ({ sums, expected }) => {
    expect(adherenceOf(sums)).toBe(expected);
  });

  test('the default policy does not appraise it: the indicators and scores are those without it', () => {
    const raw = { satisfaction: 4.2, complaint_rate: 1.5, suggestion_adoption: null, calls_per_day: 60, orders_per_day: 12, resolution_hours: 21, knowledge_test: 85, teamwork: 90 };
    const without = scoreOperator(raw, DEFAULT_POLICY.appraisal);
    expect(appraises(DEFAULT_POLICY.appraisal, 'adherence')).toBe(false);
    expect(scoreOperator({ ...raw, adherence: 0.5 }, DEFAULT_POLICY.appraisal)).toEqual(without);
    expect(without.score).toBe(76.1); // docs/metrics.md's example
  });

  test('given a weight in the efficiency group: 0.925 on the scale 0.8 → 1 is 62.5, and the efficiency score moves with it', () => {
    const efficiency = { weight: 30, indicators: { calls_per_day: 40, orders_per_day: 30, resolution_hours: 20, adherence: 10 } };
    const policy = { ...DEFAULT_POLICY.appraisal, groups: { ...DEFAULT_POLICY.appraisal.groups, efficiency }, adherence_scale: DEFAULT_POLICY.presence.adherence_scale };
    const raw = { satisfaction: 4.2, complaint_rate: 1.5, suggestion_adoption: null, calls_per_day: 60, orders_per_day: 12, resolution_hours: 21, adherence: 0.925, knowledge_test: 85, teamwork: 90 };
    const s = scoreOperator(raw, policy);
    expect(s.indicators.adherence).toEqual({ raw: 0.925, score: 62.5, weight: 10, base_weight: 10 });
    // efficiency = 75 × 0.4 + 40 × 0.3 + 75 × 0.2 + 62.5 × 0.1 = 63.25; total = 30.5 + 18.975 + 12.75 + 13.5 = 75.725 → 75.73 (half-up)
    expect(s.groups.efficiency?.score).toBe(63.25);
    expect(s.score).toBe(75.73);
  });
});

describe('pauseReasonCode', () => {
  test.each([
    { text: '午休', expected: 'lunch' }, { text: 'Lunch', expected: 'lunch' }, { text: '小休', expected: 'break' }, { text: ' 培训 ', expected: 'training' },
    { text: '私事', expected: '私事' }, { text: '', expected: null }, { text: null, expected: null },
  ])('$text → $expected', ({ text, expected }) => {
    expect(pauseReasonCode(text)).toBe(expected);
  });
});
