// Staffing rules (src/domain/staffing.ts, staffing-check.ts, docs/metrics.md "Staffing"): which
// earlier days a forecast uses, the plan of a day, and the check of a past one. Erlang C values
// are worked out by hand in the comments (B(0) = 1, B(n) = A·B/(n + A·B), C = N·B/(N − A(1 − B)),
// SL = 1 − C·e^(−(N−A)·15/180)); 2026-10-01 is a Thursday, 2026-10-20 a Tuesday.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCalendar, type CalendarFile } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { EMPTY_AGGREGATE, type CallAggregate } from '../../src/domain/kpi.js';
import { checkDay } from '../../src/domain/staffing-check.js';
import { pickHistory, planDay, type StaffingPolicy } from '../../src/domain/staffing.js';
import { ROOT } from '../helpers/cli.js';

const calendar = buildCalendar([JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', 'cn-2026.json'), 'utf8')) as CalendarFile]);
const d = (s: string): IsoDate => s as IsoDate;
const POLICY: StaffingPolicy = { interval_minutes: 30, weeks: 4, target: 0.8, max_occupancy: 0.85, shrinkage: 0.3 };

/** An interval's sums: `answered` calls of `aht` seconds each (waits all known), `within` of them within T. */
function calls(offered: number, answered = offered, within = answered, aht = 180): CallAggregate {
  return {
    ...EMPTY_AGGREGATE, offered, answered, abandoned: offered - answered, answered_within_threshold: within,
    answered_wait_count: answered, abandon_wait_count: offered - answered, handle_sum: answered * aht, handle_count: answered,
  };
}

describe('pickHistory: the same weekday of earlier weeks, holidays and swapped working days left out', () => {
  const noCallsOn = new Set(['2026-09-29']);
  const hasCalls = (day: IsoDate): boolean => !noCallsOn.has(day);

  test('Tuesday 2026-10-20, 3 weeks: 10-13, (10-06 National Day), (09-29 no calls), 09-22, 09-15', () => {
    expect(pickHistory({ target: d('2026-10-20'), weeks: 3, earliest: d('2026-08-01'), calendar, hasCalls })).toEqual({
      used: ['2026-10-13', '2026-09-22', '2026-09-15'],
      skipped: [{ date: '2026-10-06', reason: 'holiday', name: '国庆节' }, { date: '2026-09-29', reason: 'no_calls', name: null }],
    });
  });

  test('the data starts on 2026-09-20: only two Tuesdays are there to use', () => {
    expect(pickHistory({ target: d('2026-10-20'), weeks: 4, earliest: d('2026-09-20'), calendar, hasCalls }).used).toEqual(['2026-10-13', '2026-09-22']);
  });

  test('Sunday 2026-09-27 (Mid-Autumn): the Sunday before was a swapped working day, left out', () => {
    expect(pickHistory({ target: d('2026-09-27'), weeks: 2, earliest: d('2026-08-01'), calendar, hasCalls })).toEqual({
      used: ['2026-09-13', '2026-09-06'],
      skipped: [{ date: '2026-09-20', reason: 'swapped_workday', name: '国庆节调休' }],
    });
  });
});

describe('planDay', () => {
  // Two history days. 09:00: 10 and 30 calls of 180 s → mean 20, A = 20 × 180 / 1800 = 2:
  // N = 3 gives SL 59.1 %, N = 4 85.3 % → 4 agents, ceil(4 / 0.7) = 6 heads. 09:30: no call.
  // 10:00: 4 calls on the second day, all abandoned (no AHT of its own) → mean 2, the day's AHT
  // (7200 / 40 = 180 s), A = 0.2: N = 1, C = 0.2, SL = 1 − 0.2·e^(−0.8/12) = 81.29 % → 1 agent, 2 heads.
  const plan = planDay([
    new Map([[540, calls(10)]]),
    new Map([[540, calls(30)], [600, calls(4, 0)]]),
  ], POLICY, 15);

  test('the intervals from the first to the last with calls', () => {
    expect(plan.intervals.map((r) => [r.start_minute, r.calls, r.aht_seconds, r.traffic_erlangs, r.agents, r.scheduled, r.service_level])).toEqual([
      [540, 20, 180, 2, 4, 6, 0.8528],
      [570, 0, null, 0, 0, 0, null],
      [600, 2, 180, 0.2, 1, 2, 0.8129],
    ]);
  });

  test('peak 4 agents (6 heads) at 09:00; (4 + 0 + 1) × ½ h = 2.5 agent-hours, (6 + 0 + 2) × ½ = 4 scheduled', () => {
    expect({ calls: plan.calls, peak: plan.peak, agent_hours: plan.agent_hours, scheduled_hours: plan.scheduled_hours, day_aht_used: plan.day_aht_used })
      .toEqual({ calls: 22, peak: { start_minute: 540, agents: 4, scheduled: 6 }, agent_hours: 2.5, scheduled_hours: 4, day_aht_used: 1 });
  });

  test('no talk time anywhere: the requirement is unknown (n/a), never 0', () => {
    const unknown = planDay([new Map([[540, calls(10, 0)]])], POLICY, 15);
    expect(unknown.intervals).toEqual([{ start_minute: 540, calls: 10, aht_seconds: null, traffic_erlangs: null, agents: null, service_level: null, p_wait: null, asa_seconds: null, occupancy: null, scheduled: null }]);
    expect([unknown.peak, unknown.agent_hours, unknown.scheduled_hours]).toEqual([null, null, null]);
  });

  test('no history: no intervals', () => {
    expect(planDay([], POLICY, 15)).toEqual({ intervals: [], calls: 0, peak: null, agent_hours: 0, scheduled_hours: 0, day_aht_used: 0 });
  });
});

describe('checkDay', () => {
  // 09:00: 20 offered, 18 answered, 12 within T → SL 60 %; A = 2 → 4 needed.
  // 09:30: 10 offered, 9 within T → SL 90 %; A = 1: N = 2 gives 69.3 %, N = 3 92.3 % → 3.
  // 10:00: 5 offered, 2 within T → SL 40 %; A = 0.5: N = 1 gives 52.0 %, N = 2 91.2 % → 2.
  // 08:00: 1 call answered within T (SL 100 %; A = 0.1 → 1). 08:30 has no call: left out, nothing to check.
  // The day: (1 + 12 + 9 + 2) / 36 = 66.67 %; (1 + 4 + 3 + 2) × ½ h = 5 agent-hours needed.
  const day = new Map([[480, calls(1, 1, 1)], [540, calls(20, 18, 12)], [570, calls(10, 10, 9)], [600, calls(5, 5, 2)]]);
  const defs = { threshold_seconds: 15, service_level_formula: 'A' as const };
  const rows = (c: ReturnType<typeof checkDay>): unknown[] => c.intervals.map((r) => [r.start_minute, r.offered, r.service_level, r.agents, r.operators_available, r.shortfall, r.status]);

  test('without presence data: the intervals that missed the target first (most callers late first: 8 at 09:00, 3 at 10:00), available n/a', () => {
    const c = checkDay(day, undefined, POLICY, defs);
    expect(rows(c)).toEqual([
      [540, 20, 0.6, 4, null, null, 'missed_target'],
      [600, 5, 0.4, 2, null, null, 'missed_target'],
      [480, 1, 1, 1, null, null, 'met_target'],
      [570, 10, 0.9, 3, null, null, 'met_target'],
    ]);
    expect({ offered: c.offered, sl: c.service_level, understaffed: c.understaffed, missed: c.missed_target, need: c.agent_hours, have: c.available_hours })
      .toEqual({ offered: 36, sl: 0.6667, understaffed: 0, missed: 2, need: 5, have: null });
  });

  test('with presence: nobody at 08:00 (absent from the data) and half an operator short at 09:00; understaffed first, largest shortfall first', () => {
    const c = checkDay(day, new Map([[540, 3.5], [570, 3], [600, 2.5]]), POLICY, defs);
    expect(rows(c)).toEqual([
      [480, 1, 1, 1, 0, 1, 'understaffed'],
      [540, 20, 0.6, 4, 3.5, 0.5, 'understaffed'],
      [600, 5, 0.4, 2, 2.5, -0.5, 'missed_target'],
      [570, 10, 0.9, 3, 3, 0, 'met_target'],
    ]);
    expect([c.understaffed, c.missed_target, c.available_hours]).toEqual([2, 1, 4.5]);
  });

  test('understaffed even where the service level was met (09:30 had nobody): by shortfall 3, 1, 0.5', () => {
    const c = checkDay(day, new Map([[540, 3.5], [600, 2.5]]), POLICY, defs);
    expect(rows(c).slice(0, 3).map((r) => (r as unknown[])[0])).toEqual([570, 480, 540]);
  });

  test('a file without a wait column: service level and within-threshold n/a, no status, never 0 or "missed"', () => {
    const noWaits = new Map([[540, { ...calls(10), answered_within_threshold: 0, answered_wait_count: 0 }]]);
    const c = checkDay(noWaits, undefined, POLICY, defs);
    expect(c.intervals.map((r) => [r.answered_within_threshold, r.service_level, r.agents, r.status])).toEqual([[null, null, 3, null]]);
    expect([c.service_level, c.missed_target]).toEqual([null, 0]);
  });
});
