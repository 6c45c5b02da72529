// The pure KPI rules (src/domain/kpi.ts, PRODUCT.md §4.1, DOMAIN.md §2.2, docs/metrics.md):
// service level by formulas A/B/C, every measure of an aggregate, merging, rounding. Every
// expected value is worked out by hand in the comments.
import { describe, expect, test } from 'vitest';
import { EMPTY_AGGREGATE, computeMeasures, mergeAggregates, roundTo, serviceLevel, type CallAggregate, type CallMeasures, type KpiDefinitions, type ServiceLevelFormula } from '../../src/domain/kpi.js';

function defs(formula: ServiceLevelFormula = 'A'): KpiDefinitions {
  return { threshold_seconds: 15, short_abandon_seconds: 5, service_level_formula: formula };
}

function aggregate(fields: Partial<CallAggregate>): CallAggregate {
  return { ...EMPTY_AGGREGATE, ...fields };
}

/**
 * A day of 10 offered calls: 8 answered (6 within T), 2 abandoned (1 within T, and that one a
 * short abandon).
 * - answered waits sum 100 over 8 calls         → ASA 12.5 s
 * - handle (talk+hold+ACW) sum 1000 over 8      → AHT 125 s
 * - abandoned waits 5 + 18 = 23 over 2          → 11.5 s
 * - satisfaction 5 + 4 + 4 = 13 over 3 ratings  → 4.3333… → 4.33
 */
const DAY = aggregate({
  offered: 10, answered: 8, abandoned: 2, short_abandoned: 1,
  answered_within_threshold: 6, abandoned_within_threshold: 1,
  answered_wait_sum: 100, answered_wait_count: 8,
  handle_sum: 1000, handle_count: 8,
  abandon_wait_sum: 23, abandon_wait_count: 2,
  max_wait_seconds: 40, talk_seconds: 800,
  satisfaction_sum: 13, satisfaction_count: 3, complaints: 1,
});

/** Three calls, all abandoned, all within T (waits 2, 5 and 10 s). */
const ALL_ABANDONED_WITHIN_T = aggregate({
  offered: 3, abandoned: 3, short_abandoned: 2, abandoned_within_threshold: 3,
  abandon_wait_sum: 17, abandon_wait_count: 3, max_wait_seconds: 10,
});

/** Three calls, all abandoned, waits 4, 5 and 30 s: two within T (and short), one not. */
const ALL_ABANDONED = aggregate({
  offered: 3, abandoned: 3, short_abandoned: 2, abandoned_within_threshold: 2,
  abandon_wait_sum: 39, abandon_wait_count: 3, max_wait_seconds: 30,
});

describe('serviceLevel', () => {
  test.each([
    // A: answered≤T / offered = 6 / 10
    { name: 'A on the day', a: DAY, formula: 'A' as const, expected: 0.6 },
    // B: answered≤T / (offered − abandoned≤T) = 6 / (10 − 1) = 0.66666… → 0.6667
    { name: 'B on the day', a: DAY, formula: 'B' as const, expected: 0.6667 },
    // C: (answered≤T + abandoned≤T) / offered = (6 + 1) / 10
    { name: 'C on the day', a: DAY, formula: 'C' as const, expected: 0.7 },
    // all abandoned, 2 of 3 within T: A 0 / 3; B 0 / (3 − 2) = 0; C 2 / 3 = 0.6667
    { name: 'A, only abandoned calls', a: ALL_ABANDONED, formula: 'A' as const, expected: 0 },
    { name: 'B, only abandoned calls', a: ALL_ABANDONED, formula: 'B' as const, expected: 0 },
    { name: 'C, only abandoned calls', a: ALL_ABANDONED, formula: 'C' as const, expected: 0.6667 },
    // all abandoned within T: A 0 / 3 = 0; B 0 / (3 − 3): no denominator → null; C 3 / 3 = 1
    { name: 'A, all abandoned within T', a: ALL_ABANDONED_WITHIN_T, formula: 'A' as const, expected: 0 },
    { name: 'B, all abandoned within T', a: ALL_ABANDONED_WITHIN_T, formula: 'B' as const, expected: null },
    { name: 'C, all abandoned within T', a: ALL_ABANDONED_WITHIN_T, formula: 'C' as const, expected: 1 },
    // nothing offered: every formula divides by 0 → null
    { name: 'A, no calls', a: EMPTY_AGGREGATE, formula: 'A' as const, expected: null },
    { name: 'B, no calls', a: EMPTY_AGGREGATE, formula: 'B' as const, expected: null },
    { name: 'C, no calls', a: EMPTY_AGGREGATE, formula: 'C' as const, expected: null },
    // 1 of 3 answered within T, nothing abandoned: 1/3 = 0.33333… → 0.3333 for A and B; C the same
    { name: 'A, a third', a: aggregate({ offered: 3, answered: 3, answered_within_threshold: 1, answered_wait_count: 3 }), formula: 'A' as const, expected: 0.3333 },
    { name: 'B, a third', a: aggregate({ offered: 3, answered: 3, answered_within_threshold: 1, answered_wait_count: 3 }), formula: 'B' as const, expected: 0.3333 },
    { name: 'C, a third', a: aggregate({ offered: 3, answered: 3, answered_within_threshold: 1, answered_wait_count: 3 }), formula: 'C' as const, expected: 0.3333 },
    // 2 of 3 answered within T: 0.66666… rounds up to 0.6667
    { name: 'A, two thirds', a: aggregate({ offered: 3, answered: 3, answered_within_threshold: 2, answered_wait_count: 3 }), formula: 'A' as const, expected: 0.6667 },
    // Issue 17.6: waits unknown (no wait column) → n/a, never 0. A needs the answered calls' waits;
    // B and C the abandoned calls' too. All abandoned with no waits: A is 0 / 3 (nobody answered at all).
    { name: 'A, answered calls without waits', a: aggregate({ offered: 3, answered: 2, abandoned: 1, abandon_wait_count: 1, abandoned_within_threshold: 1 }), formula: 'A' as const, expected: null },
    { name: 'A, answered waits known, abandoned not', a: aggregate({ offered: 3, answered: 2, abandoned: 1, answered_wait_count: 2, answered_within_threshold: 1 }), formula: 'A' as const, expected: 0.3333 },
    { name: 'B, abandoned waits unknown', a: aggregate({ offered: 3, answered: 2, abandoned: 1, answered_wait_count: 2, answered_within_threshold: 1 }), formula: 'B' as const, expected: null },
    { name: 'C, abandoned waits unknown', a: aggregate({ offered: 3, answered: 2, abandoned: 1, answered_wait_count: 2, answered_within_threshold: 1 }), formula: 'C' as const, expected: null },
    { name: 'A, all abandoned, no waits', a: aggregate({ offered: 3, abandoned: 3 }), formula: 'A' as const, expected: 0 },
  ])('$name → $expected', ({ a, formula, expected }) => {
    expect(serviceLevel(a, formula)).toBe(expected);
  });
});

describe('computeMeasures', () => {
  test.each([
    {
      name: 'a day with answered and abandoned calls, formula A',
      a: DAY, formula: 'A' as const,
      expected: {
        offered: 10, answered: 8, abandoned: 2, short_abandoned: 1, answered_within_threshold: 6, abandoned_within_threshold: 1,
        service_level: 0.6, // 6 / 10
        asa_seconds: 12.5, // 100 / 8
        aht_seconds: 125, // 1000 / 8
        abandonment_rate: 0.2, // 2 / 10
        avg_abandon_wait_seconds: 11.5, // 23 / 2
        max_wait_seconds: 40, talk_seconds: 800,
        satisfaction_avg: 4.33, // 13 / 3 = 4.333…
        complaints: 1,
      },
    },
    {
      name: 'the same day, formula B',
      a: DAY, formula: 'B' as const,
      expected: {
        offered: 10, answered: 8, abandoned: 2, short_abandoned: 1, answered_within_threshold: 6, abandoned_within_threshold: 1,
        service_level: 0.6667, // 6 / 9
        asa_seconds: 12.5, aht_seconds: 125, abandonment_rate: 0.2, avg_abandon_wait_seconds: 11.5,
        max_wait_seconds: 40, talk_seconds: 800, satisfaction_avg: 4.33, complaints: 1,
      },
    },
    {
      name: 'the same day, formula C',
      a: DAY, formula: 'C' as const,
      expected: {
        offered: 10, answered: 8, abandoned: 2, short_abandoned: 1, answered_within_threshold: 6, abandoned_within_threshold: 1,
        service_level: 0.7, // (6 + 1) / 10
        asa_seconds: 12.5, aht_seconds: 125, abandonment_rate: 0.2, avg_abandon_wait_seconds: 11.5,
        max_wait_seconds: 40, talk_seconds: 800, satisfaction_avg: 4.33, complaints: 1,
      },
    },
    {
      name: 'a day with only abandoned calls (waits 4, 5, 30)',
      a: ALL_ABANDONED, formula: 'A' as const,
      expected: {
        offered: 3, answered: 0, abandoned: 3, short_abandoned: 2, answered_within_threshold: 0, abandoned_within_threshold: 2,
        service_level: 0, // 0 / 3
        asa_seconds: null, // no answered call
        aht_seconds: null,
        abandonment_rate: 1, // 3 / 3
        avg_abandon_wait_seconds: 13, // (4 + 5 + 30) / 3
        max_wait_seconds: 30, talk_seconds: 0,
        satisfaction_avg: null, // no rating
        complaints: 0,
      },
    },
    {
      name: 'no calls at all',
      a: EMPTY_AGGREGATE, formula: 'A' as const,
      expected: {
        offered: 0, answered: 0, abandoned: 0, short_abandoned: 0, answered_within_threshold: 0, abandoned_within_threshold: 0,
        service_level: null, asa_seconds: null, aht_seconds: null, abandonment_rate: null, avg_abandon_wait_seconds: null,
        max_wait_seconds: null, talk_seconds: 0, satisfaction_avg: null, complaints: 0,
      },
    },
    {
      // 2 answered calls, neither with a recorded wait: counted, handled, but no ASA and no longest wait;
      // within T and the service level unknown (issue 17.6: n/a, it was 0 / 2 = 0 before)
      name: 'answered calls without recorded waits',
      a: aggregate({ offered: 2, answered: 2, handle_sum: 301, handle_count: 2, talk_seconds: 250 }), formula: 'A' as const,
      expected: {
        offered: 2, answered: 2, abandoned: 0, short_abandoned: 0, answered_within_threshold: null, abandoned_within_threshold: 0,
        service_level: null,
        asa_seconds: null, // answered_wait_count 0
        aht_seconds: 150.5, // 301 / 2
        abandonment_rate: 0, avg_abandon_wait_seconds: null, max_wait_seconds: null, talk_seconds: 250,
        satisfaction_avg: null, complaints: 0,
      },
    },
    {
      // ASA 1 / 3 = 0.333… → 0.33; AHT 2 / 3 = 0.666… → 0.67; abandonment 1 / 7 = 0.142857… → 0.1429;
      // avg abandon wait 1 / 8 = 0.125 → 0.13 (half away from zero); satisfaction 14 / 3 = 4.666… → 4.67
      name: 'rounding of every ratio',
      a: aggregate({
        offered: 7, answered: 3, abandoned: 1, answered_within_threshold: 2,
        answered_wait_sum: 1, answered_wait_count: 3, handle_sum: 2, handle_count: 3,
        abandon_wait_sum: 1, abandon_wait_count: 8, max_wait_seconds: 1,
        satisfaction_sum: 14, satisfaction_count: 3,
      }),
      formula: 'A' as const,
      expected: {
        offered: 7, answered: 3, abandoned: 1, short_abandoned: 0, answered_within_threshold: 2, abandoned_within_threshold: 0,
        service_level: 0.2857, // 2 / 7 = 0.285714…
        asa_seconds: 0.33, aht_seconds: 0.67, abandonment_rate: 0.1429, avg_abandon_wait_seconds: 0.13,
        max_wait_seconds: 1, talk_seconds: 0, satisfaction_avg: 4.67, complaints: 0,
      },
    },
  ])('$name', ({ a, formula, expected }: { a: CallAggregate; formula: ServiceLevelFormula; expected: CallMeasures }) => {
    expect(computeMeasures(a, defs(formula))).toEqual(expected);
  });

  test('answered calls without a talk time (no talk column): AHT and talk time n/a, not 0 (issue 17.6)', () => {
    const a = aggregate({ offered: 2, answered: 2, answered_wait_count: 2, answered_wait_sum: 20, answered_within_threshold: 2, max_wait_seconds: 12 });
    expect(computeMeasures(a, defs())).toMatchObject({ aht_seconds: null, talk_seconds: null, service_level: 1, asa_seconds: 10 });
  });

  // Regression test (found while writing these tests, since fixed).
  test('ASA of 803 s over 200 answered calls = 4.015 → 4.02 (half away from zero)', () => {
    const a = aggregate({ offered: 200, answered: 200, answered_wait_sum: 803, answered_wait_count: 200, handle_sum: 803, handle_count: 200 });
    expect(computeMeasures(a, defs()).asa_seconds).toBe(4.02);
  });
});

describe('mergeAggregates', () => {
  const left = aggregate({
    offered: 4, answered: 3, abandoned: 1, short_abandoned: 1, answered_within_threshold: 2, abandoned_within_threshold: 1,
    answered_wait_sum: 30, answered_wait_count: 3, handle_sum: 300, handle_count: 3, abandon_wait_sum: 4, abandon_wait_count: 1,
    max_wait_seconds: 20, talk_seconds: 250, satisfaction_sum: 9, satisfaction_count: 2, complaints: 1,
  });
  const right = aggregate({
    offered: 6, answered: 5, abandoned: 1, short_abandoned: 0, answered_within_threshold: 4, abandoned_within_threshold: 0,
    answered_wait_sum: 70, answered_wait_count: 5, handle_sum: 700, handle_count: 5, abandon_wait_sum: 19, abandon_wait_count: 1,
    max_wait_seconds: 40, talk_seconds: 550, satisfaction_sum: 4, satisfaction_count: 1, complaints: 0,
  });

  test('sums every count and sum and keeps the longer wait (4 + 6 calls make the DAY aggregate)', () => {
    expect(mergeAggregates(left, right)).toEqual(DAY);
    expect(mergeAggregates(right, left)).toEqual(DAY);
  });

  test('does not change its arguments', () => {
    const before = { ...left };
    mergeAggregates(left, right);
    expect(left).toEqual(before);
  });

  test('the empty aggregate is neutral', () => {
    expect(mergeAggregates(EMPTY_AGGREGATE, DAY)).toEqual(DAY);
    expect(mergeAggregates(DAY, EMPTY_AGGREGATE)).toEqual(DAY);
    expect(mergeAggregates(EMPTY_AGGREGATE, EMPTY_AGGREGATE)).toEqual(EMPTY_AGGREGATE);
  });

  test.each([
    { name: 'null and null', a: null, b: null, expected: null },
    { name: 'null and 30', a: null, b: 30, expected: 30 },
    { name: '30 and null', a: 30, b: null, expected: 30 },
    { name: '0 and null (a wait of 0 is a wait)', a: 0, b: null, expected: 0 },
    { name: '20 and 40', a: 20, b: 40, expected: 40 },
    { name: '40 and 20', a: 40, b: 20, expected: 40 },
  ])('max_wait_seconds of $name → $expected', ({ a, b, expected }) => {
    expect(mergeAggregates(aggregate({ max_wait_seconds: a }), aggregate({ max_wait_seconds: b })).max_wait_seconds).toBe(expected);
  });

  test('merging measured parts gives the measures of the whole, not an average of averages', () => {
    // left ASA 10, right ASA 14; the whole: 100 / 8 = 12.5, not (10 + 14) / 2 = 12
    expect(computeMeasures(left, defs()).asa_seconds).toBe(10);
    expect(computeMeasures(right, defs()).asa_seconds).toBe(14);
    expect(computeMeasures(mergeAggregates(left, right), defs()).asa_seconds).toBe(12.5);
  });
});

describe('roundTo', () => {
  test.each([
    { name: '2/3 at 4', value: 2 / 3, places: 4, expected: 0.6667 },
    { name: '1/3 at 4', value: 1 / 3, places: 4, expected: 0.3333 },
    { name: '0.00005 at 4 (half up)', value: 0.00005, places: 4, expected: 0.0001 },
    { name: '0.00004999 at 4', value: 0.00004999, places: 4, expected: 0 },
    { name: '0.66665 at 4 (half up)', value: 0.66665, places: 4, expected: 0.6667 },
    { name: '1/20000 = 0.00005 at 4', value: 1 / 20000, places: 4, expected: 0.0001 },
    { name: '3/20000 = 0.00015 at 4', value: 3 / 20000, places: 4, expected: 0.0002 },
    { name: '1 at 4', value: 1, places: 4, expected: 1 },
    { name: '0.125 at 2 (1/8, exact half)', value: 0.125, places: 2, expected: 0.13 },
    { name: '1.005 at 2 (binary just below half)', value: 1.005, places: 2, expected: 1.01 },
    { name: '2.675 at 2', value: 2.675, places: 2, expected: 2.68 },
    { name: '12.345 at 2', value: 12.345, places: 2, expected: 12.35 },
    { name: '4.334 at 2', value: 4.334, places: 2, expected: 4.33 },
    { name: '111.6666… at 2', value: 670 / 6, places: 2, expected: 111.67 },
    { name: '-1.005 at 2 (away from zero)', value: -1.005, places: 2, expected: -1.01 },
    { name: '2.5 at 0', value: 2.5, places: 0, expected: 3 },
    { name: '-2.5 at 0 (away from zero, not up)', value: -2.5, places: 0, expected: -3 },
    { name: '0 at 2', value: 0, places: 2, expected: 0 },
  ])('$name → $expected', ({ value, places, expected }) => {
    expect(roundTo(value, places)).toBe(expected);
  });

  test('answered calls without a talk time (no talk column): AHT and talk time n/a, not 0 (issue 17.6)', () => {
    const a = aggregate({ offered: 2, answered: 2, answered_wait_count: 2, answered_wait_sum: 20, answered_within_threshold: 2, max_wait_seconds: 12 });
    expect(computeMeasures(a, defs())).toMatchObject({ aht_seconds: null, talk_seconds: null, service_level: 1, asa_seconds: 10 });
  });

  // Regression test (found while writing these tests, since fixed).
  test.each([
    { name: '803/200 = 4.015 at 2', value: 803 / 200, places: 2, expected: 4.02 },
    { name: '1615/200 = 8.075 at 2', value: 1615 / 200, places: 2, expected: 8.08 },
  ])('$name → $expected', ({ value, places, expected }) => {
    expect(roundTo(value, places)).toBe(expected);
  });
});
