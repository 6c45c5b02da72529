// The monthly appraisal (src/domain/appraisal.ts, PRODUCT.md §4.2): linear scales both ways,
// clamping, weight redistribution for missing indicators and groups, half-up rounding at .005,
// grade boundaries, and the consequences over consecutive calendar months. Default weights
// flattened: total = 0.2 sat + 0.12 complaint + 0.08 suggestion + 0.12 calls + 0.09 orders
// + 0.09 resolution + 0.15 knowledge + 0.15 teamwork. Every expected value is worked by hand.
import { describe, expect, test } from 'vitest';
import { DEFAULT_APPRAISAL_POLICY, appraisalSchema, type AppraisalPolicy, type Grade } from '../../src/domain/appraisal-policy.js';
import { consequences, gradeOf, scaleScore, scoreOperator, type MonthGrade, type RawIndicators } from '../../src/domain/appraisal.js';
import type { IsoMonth } from '../../src/domain/dates.js';

const P = DEFAULT_APPRAISAL_POLICY;
const policy = (input: unknown): AppraisalPolicy => appraisalSchema.parse(input);
const m = (s: string): IsoMonth => s as IsoMonth;

/**
 * A full month. Scores: satisfaction (4.5 − 1)/4 = 87.5; complaint_rate (2 − 5)/(0 − 5) = 60;
 * suggestion_adoption 0.25/0.5 = 50; calls 60/80 = 75; orders 12/30 = 40; resolution
 * (38 − 72)/(4 − 72) = 50; knowledge 90; teamwork 80.
 * service_quality 0.5·87.5 + 0.3·60 + 0.2·50 = 71.75; efficiency 0.4·75 + 0.3·40 + 0.3·50 = 57.
 */
const FULL: RawIndicators = {
  satisfaction: 4.5, complaint_rate: 2, suggestion_adoption: 0.25,
  calls_per_day: 60, orders_per_day: 12, resolution_hours: 38,
  knowledge_test: 90, teamwork: 80,
};
const NO_EFFICIENCY: RawIndicators = { ...FULL, calls_per_day: null, orders_per_day: undefined, resolution_hours: Number.NaN };

describe('scaleScore', () => {
  test.each([
    { name: 'satisfaction 4.5 on 1 → 5', raw: 4.5, scale: P.scales.satisfaction, expected: 87.5 },
    { name: 'satisfaction at zero_at 1', raw: 1, scale: P.scales.satisfaction, expected: 0 },
    { name: 'satisfaction at full_at 5', raw: 5, scale: P.scales.satisfaction, expected: 100 },
    { name: 'satisfaction 0.5 clamps to 0', raw: 0.5, scale: P.scales.satisfaction, expected: 0 },
    { name: 'calls_per_day 96 clamps to 100', raw: 96, scale: P.scales.calls_per_day, expected: 100 },
    // lower is better: (2 − 5)/(0 − 5) = 0.6
    { name: 'complaint_rate 2 on 5 → 0', raw: 2, scale: P.scales.complaint_rate, expected: 60 },
    { name: 'complaint_rate 0 is full', raw: 0, scale: P.scales.complaint_rate, expected: 100 },
    { name: 'complaint_rate 7.5 clamps to 0', raw: 7.5, scale: P.scales.complaint_rate, expected: 0 },
    // (38 − 72)/(4 − 72) = −34/−68 = 0.5; 2 h is better than full: (2 − 72)/(−68) > 1 → 100
    { name: 'resolution_hours 38 on 72 → 4', raw: 38, scale: P.scales.resolution_hours, expected: 50 },
    { name: 'resolution_hours 2 clamps to 100', raw: 2, scale: P.scales.resolution_hours, expected: 100 },
    { name: 'resolution_hours 100 clamps to 0', raw: 100, scale: P.scales.resolution_hours, expected: 0 },
    { name: 'suggestion_adoption 0.25 on 0 → 0.5', raw: 0.25, scale: P.scales.suggestion_adoption, expected: 50 },
    { name: 'suggestion_adoption 1 clamps to 100', raw: 1, scale: P.scales.suggestion_adoption, expected: 100 },
    { name: 'orders_per_day 12 on 0 → 30', raw: 12, scale: P.scales.orders_per_day, expected: 40 },
  ])('$name → $expected', ({ raw, scale, expected }) => {
    expect(scaleScore(raw, scale)).toBeCloseTo(expected, 9);
  });
});

describe('gradeOf', () => {
  const custom = { excellent: 85, good: 70, pass: 50 };
  test.each([
    { name: '100', score: 100, thresholds: P.grades, expected: 'excellent' },
    { name: 'exactly 90', score: 90, thresholds: P.grades, expected: 'excellent' },
    { name: '89.99', score: 89.99, thresholds: P.grades, expected: 'good' },
    { name: 'exactly 80', score: 80, thresholds: P.grades, expected: 'good' },
    { name: '79.99', score: 79.99, thresholds: P.grades, expected: 'pass' },
    { name: 'exactly 60', score: 60, thresholds: P.grades, expected: 'pass' },
    { name: '59.99', score: 59.99, thresholds: P.grades, expected: 'fail' },
    { name: '0', score: 0, thresholds: P.grades, expected: 'fail' },
    { name: 'custom 85 is excellent', score: 85, thresholds: custom, expected: 'excellent' },
    { name: 'custom 84.99 is good', score: 84.99, thresholds: custom, expected: 'good' },
  ])('$name → $expected', ({ score, thresholds, expected }) => {
    expect(gradeOf(score, thresholds)).toBe(expected);
  });
});

describe('scoreOperator: totals, redistribution and grades', () => {
  test.each([
    { name: 'every indicator at full', raw: { satisfaction: 5, complaint_rate: 0, suggestion_adoption: 0.5, calls_per_day: 80, orders_per_day: 30, resolution_hours: 4, knowledge_test: 100, teamwork: 100 }, expected: 100, grade: 'excellent' },
    // 0.4·71.75 + 0.3·57 + 0.15·90 + 0.15·80 = 28.7 + 17.1 + 13.5 + 12 = 71.3
    { name: 'a full month', raw: FULL, expected: 71.3, grade: 'pass' },
    // service_quality without suggestion: (50·87.5 + 30·60)/80 = 6175/80 = 77.1875;
    // 0.4·77.1875 + 17.1 + 13.5 + 12 = 30.875 + 42.6 = 73.475 → half-up 73.48
    { name: 'suggestion_adoption missing, .005 rounds up', raw: { ...FULL, suggestion_adoption: null }, expected: 73.48, grade: 'pass' },
    // efficiency out: (40·71.75 + 15·90 + 15·80)/70 = (2870 + 1350 + 1200)/70 = 5420/70 = 77.42857… → 77.43
    { name: 'efficiency group missing', raw: NO_EFFICIENCY, expected: 77.43, grade: 'pass' },
    // only knowledge: it carries 100 %
    { name: 'only knowledge_test', raw: { knowledge_test: 95 }, expected: 95, grade: 'excellent' },
    // service_quality only satisfaction 87.5 (100 %); (40·87.5 + 30·57 + 15·90 + 15·80)/100 = 35 + 17.1 + 13.5 + 12 = 77.6
    { name: 'complaint_rate and suggestion_adoption missing', raw: { ...FULL, complaint_rate: null, suggestion_adoption: null }, expected: 77.6, grade: 'pass' },
    // knowledge + teamwork only, 50/50: (89 + 90.01)/2 = 89.505 → 89.51
    { name: 'two groups, 89.505 rounds up', raw: { knowledge_test: 89, teamwork: 90.01 }, expected: 89.51, grade: 'good' },
    // (89.99 + 90)/2 = 89.995 → 90.00: rounding reaches the boundary
    { name: '89.995 rounds up to excellent', raw: { knowledge_test: 89.99, teamwork: 90 }, expected: 90, grade: 'excellent' },
    // (89.98 + 89.99)/2 = 89.985 → 89.99
    { name: '89.985 stays good', raw: { knowledge_test: 89.98, teamwork: 89.99 }, expected: 89.99, grade: 'good' },
    { name: 'exactly 80', raw: { knowledge_test: 80, teamwork: 80 }, expected: 80, grade: 'good' },
    // (79.99 + 79.98)/2 = 79.985 → 79.99
    { name: '79.985 is pass', raw: { knowledge_test: 79.99, teamwork: 79.98 }, expected: 79.99, grade: 'pass' },
    // (59.99 + 60)/2 = 59.995 → 60.00
    { name: '59.995 rounds up to pass', raw: { knowledge_test: 59.99, teamwork: 60 }, expected: 60, grade: 'pass' },
    // (59.98 + 59.99)/2 = 59.985 → 59.99
    { name: '59.985 is fail', raw: { knowledge_test: 59.98, teamwork: 59.99 }, expected: 59.99, grade: 'fail' },
    // (59.97 + 59.98)/2 = 59.975 → 59.98; the float sum is 59.974999999999994, which a bare roundTo would take down
    { name: '59.975 held in binary below .005 still rounds up', raw: { knowledge_test: 59.97, teamwork: 59.98 }, expected: 59.98, grade: 'fail' },
    // (89.82 + 89.83)/2 = 89.825 → 89.83 (float 89.82499999999999)
    { name: '89.825 held in binary below .005 still rounds up', raw: { knowledge_test: 89.82, teamwork: 89.83 }, expected: 89.83, grade: 'good' },
    // (50 + 50.01)/2 = 50.005 → 50.01 (float 50.004999999999995)
    { name: '50.005 held in binary below .005 still rounds up', raw: { knowledge_test: 50, teamwork: 50.01 }, expected: 50.01, grade: 'fail' },
    // knowledge 0.15·63.3 = 9.495; the rest at full 85 → 94.495 → 94.50
    { name: 'knowledge 63.3 with the rest at full: 94.495 → 94.5', raw: { satisfaction: 5, complaint_rate: 0, suggestion_adoption: 0.5, calls_per_day: 80, orders_per_day: 30, resolution_hours: 4, knowledge_test: 63.3, teamwork: 100 }, expected: 94.5, grade: 'excellent' },
    // everything at zero: satisfaction 1, complaint 5 (and over), …
    { name: 'every indicator at zero', raw: { satisfaction: 1, complaint_rate: 9, suggestion_adoption: 0, calls_per_day: 0, orders_per_day: 0, resolution_hours: 80, knowledge_test: 0, teamwork: 0 }, expected: 0, grade: 'fail' },
    { name: 'no data at all', raw: {}, expected: null, grade: null },
    { name: 'only nulls and NaN', raw: { satisfaction: null, teamwork: Number.NaN, knowledge_test: Number.POSITIVE_INFINITY }, expected: null, grade: null },
  ])('$name → $expected', ({ raw, expected, grade }) => {
    const result = scoreOperator(raw as RawIndicators, P);
    expect({ score: result.score, grade: result.grade }).toEqual({ score: expected, grade });
  });
});

describe('scoreOperator: the report of a redistribution', () => {
  test('suggestion_adoption missing: its 20 % goes to satisfaction (62.5) and complaint_rate (37.5)', () => {
    const r = scoreOperator({ ...FULL, suggestion_adoption: null }, P);
    expect(r.indicators).toEqual({
      satisfaction: { raw: 4.5, score: 87.5, weight: 62.5, base_weight: 50 },
      complaint_rate: { raw: 2, score: 60, weight: 37.5, base_weight: 30 },
      suggestion_adoption: { raw: null, score: null, weight: 0, base_weight: 20 },
      calls_per_day: { raw: 60, score: 75, weight: 40, base_weight: 40 },
      orders_per_day: { raw: 12, score: 40, weight: 30, base_weight: 30 },
      resolution_hours: { raw: 38, score: 50, weight: 30, base_weight: 30 },
      knowledge_test: { raw: 90, score: 90, weight: 100, base_weight: 100 },
      teamwork: { raw: 80, score: 80, weight: 100, base_weight: 100 },
    });
    // 77.1875 shown as 77.19
    expect(r.groups.service_quality).toEqual({ score: 77.19, weight: 40, base_weight: 40 });
    expect(r.missing).toEqual(['suggestion_adoption']);
    expect(r.redistributed).toEqual(['suggestion_adoption: no data; its 20 % went to satisfaction and complaint_rate in proportion']);
  });

  test('efficiency missing: its 30 % goes to the other groups (57.14, 21.43, 21.43)', () => {
    const r = scoreOperator(NO_EFFICIENCY, P);
    expect(r.groups).toEqual({
      service_quality: { score: 71.75, weight: 57.14, base_weight: 40 },
      efficiency: { score: null, weight: 0, base_weight: 30 },
      knowledge: { score: 90, weight: 21.43, base_weight: 15 },
      teamwork: { score: 80, weight: 21.43, base_weight: 15 },
    });
    expect(r.missing).toEqual(['calls_per_day', 'orders_per_day', 'resolution_hours']);
    expect(r.redistributed).toEqual(['efficiency: no data; its 30 % went to service_quality, knowledge and teamwork in proportion']);
  });

  test('two indicators and two groups missing: one sentence each', () => {
    const r = scoreOperator({ satisfaction: 4, calls_per_day: 40 }, P);
    // service_quality 75 (satisfaction alone), efficiency 50 (calls alone); (40·75 + 30·50)/70 = 4500/70 = 64.2857… → 64.29
    expect(r.score).toBe(64.29);
    expect(r.missing).toEqual(['complaint_rate', 'suggestion_adoption', 'orders_per_day', 'resolution_hours', 'knowledge_test', 'teamwork']);
    expect(r.redistributed).toEqual([
      'complaint_rate, suggestion_adoption: no data; their 50 % went to satisfaction',
      'orders_per_day, resolution_hours: no data; their 60 % went to calls_per_day',
      'knowledge, teamwork: no data; their 30 % went to service_quality and efficiency in proportion',
    ]);
  });

  test('no data: no score, every indicator missing, nothing redistributed', () => {
    const r = scoreOperator({}, P);
    expect(r).toMatchObject({ score: null, grade: null, redistributed: [] });
    expect(r.missing).toHaveLength(8);
    expect(r.groups.knowledge).toEqual({ score: null, weight: 0, base_weight: 15 });
  });

  test('a group with weight 0 is not appraised and not reported', () => {
    // knowledge 30, teamwork off: (40·71.75 + 30·57 + 30·90)/100 = 28.7 + 17.1 + 27 = 72.8
    const p = policy({ groups: { knowledge: { weight: 30 }, teamwork: { weight: 0 } } });
    const r = scoreOperator(FULL, p);
    expect(r.score).toBe(72.8);
    expect(Object.keys(r.groups)).toEqual(['service_quality', 'efficiency', 'knowledge']);
    expect(r.indicators.teamwork).toBeUndefined();
  });

  test('custom weights and scales come from the policy', () => {
    // satisfaction 2 → 5: 4.5 → 2.5/3 = 83.333…; 70/30 with complaint 60: 58.333… + 18 = 76.333…
    // total 0.4·76.3333… + 17.1 + 13.5 + 12 = 30.5333… + 42.6 = 73.1333… → 73.13
    const p = policy({ groups: { service_quality: { indicators: { satisfaction: 70, complaint_rate: 30 } } }, scales: { satisfaction: { zero_at: 2 } } });
    const r = scoreOperator(FULL, p);
    expect(r.score).toBe(73.13);
    expect(r.indicators.suggestion_adoption).toBeUndefined();
    expect(r.missing).toEqual([]);
  });
});

/** Months from `from`, one a month, with the given grades. */
function run(from: string, grades: (Grade | null)[]): MonthGrade[] {
  const [y, mo] = from.split('-').map(Number) as [number, number];
  return grades.map((grade, i) => {
    const k = y * 12 + mo - 1 + i;
    return { month: m(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`), grade };
  });
}

describe('consequences', () => {
  test.each([
    { name: 'excellent Nov, Dec, Jan across the year boundary', month: '2026-01', grade: 'excellent', history: run('2025-11', ['excellent', 'excellent']), serious: false, expected: { commendation: true, action: null } },
    { name: 'excellent Oct and Dec, Nov missing', month: '2026-01', grade: 'excellent', history: [...run('2025-10', ['excellent']), ...run('2025-12', ['excellent'])], serious: false, expected: { commendation: false, action: null } },
    { name: 'excellent with a month of no grade between', month: '2026-01', grade: 'excellent', history: run('2025-10', ['excellent', null, 'excellent']), serious: false, expected: { commendation: false, action: null } },
    { name: 'only two excellent months', month: '2026-01', grade: 'excellent', history: run('2025-12', ['excellent']), serious: false, expected: { commendation: false, action: null } },
    { name: 'fourth excellent month in a row', month: '2026-02', grade: 'excellent', history: run('2025-11', ['excellent', 'excellent', 'excellent']), serious: false, expected: { commendation: false, action: null } },
    { name: 'sixth excellent month in a row', month: '2026-04', grade: 'excellent', history: run('2025-11', ['excellent', 'excellent', 'excellent', 'excellent', 'excellent']), serious: false, expected: { commendation: true, action: null } },
    { name: 'good after two excellent months', month: '2026-01', grade: 'good', history: run('2025-11', ['excellent', 'excellent']), serious: false, expected: { commendation: false, action: null } },
    { name: 'history newest first works the same', month: '2026-01', grade: 'excellent', history: run('2025-11', ['excellent', 'excellent']).reverse(), serious: false, expected: { commendation: true, action: null } },
    { name: 'first fail', month: '2026-01', grade: 'fail', history: run('2025-12', ['pass']), serious: false, expected: { commendation: false, action: 'warning_and_coaching' } },
    { name: 'fail Dec then Jan across the year boundary', month: '2026-01', grade: 'fail', history: run('2025-12', ['fail']), serious: false, expected: { commendation: false, action: 'reassignment_review' } },
    { name: 'fail Nov and Jan, Dec missing', month: '2026-01', grade: 'fail', history: run('2025-11', ['fail']), serious: false, expected: { commendation: false, action: 'warning_and_coaching' } },
    { name: 'serious complaint on a good month', month: '2026-03', grade: 'good', history: [], serious: true, expected: { commendation: false, action: 'reassignment_review' } },
    { name: 'serious complaint without a grade', month: '2026-03', grade: null, history: [], serious: true, expected: { commendation: false, action: 'reassignment_review' } },
    { name: 'no grade, no complaint', month: '2026-03', grade: null, history: run('2026-01', ['fail', 'fail']), serious: false, expected: { commendation: false, action: null } },
  ])('$name → $expected', ({ month, grade, history, serious, expected }) => {
    const { commendation, action } = consequences({ month: m(month), grade: grade as Grade | null, serious_complaint: serious, history }, P);
    expect({ commendation, action }).toEqual(expected);
  });

  test.each([
    { name: 'three consecutive fails needed: two', policy: { actions: { consecutive_fails: { months: 3 } } }, history: run('2026-01', ['fail']), expected: 'warning_and_coaching' },
    { name: 'three consecutive fails needed: three', policy: { actions: { consecutive_fails: { months: 3 } } }, history: run('2025-12', ['fail', 'fail']), expected: 'reassignment_review' },
    { name: 'no action on a single fail', policy: { actions: { fail: null } }, history: [], expected: null },
  ])('$name → $expected', ({ policy: input, history, expected }) => {
    const result = consequences({ month: m('2026-02'), grade: 'fail', serious_complaint: false, history }, policy(input));
    expect(result.action).toBe(expected);
  });

  // Issue 17 item 10: why, for `appraise explain`. A streak's months are all of its months.
  test.each([
    { name: 'a first fail', month: '2026-01', grade: 'fail', history: run('2025-12', ['pass']), serious: false, expected: { action_causes: [{ rule: 'fail', months: ['2026-01'] }], commendation_months: [] } },
    { name: 'fail Dec then Jan', month: '2026-01', grade: 'fail', history: run('2025-12', ['fail']), serious: false, expected: { action_causes: [{ rule: 'consecutive_fails', months: ['2025-12', '2026-01'] }], commendation_months: [] } },
    { name: 'three fails in a row', month: '2026-01', grade: 'fail', history: run('2025-11', ['fail', 'fail']), serious: false, expected: { action_causes: [{ rule: 'consecutive_fails', months: ['2025-11', '2025-12', '2026-01'] }], commendation_months: [] } },
    { name: 'a serious complaint on a good month', month: '2026-03', grade: 'good', history: [], serious: true, expected: { action_causes: [{ rule: 'serious_complaint' }], commendation_months: [] } },
    { name: 'a serious complaint and a second fail: both give the review', month: '2026-03', grade: 'fail', history: run('2026-02', ['fail']), serious: true, expected: { action_causes: [{ rule: 'serious_complaint' }, { rule: 'consecutive_fails', months: ['2026-02', '2026-03'] }], commendation_months: [] } },
    { name: 'a serious complaint and a first fail: the review, for the complaint', month: '2026-03', grade: 'fail', history: [], serious: true, expected: { action_causes: [{ rule: 'serious_complaint' }], commendation_months: [] } },
    { name: 'commended for Nov, Dec, Jan', month: '2026-01', grade: 'excellent', history: run('2025-11', ['excellent', 'excellent']), serious: false, expected: { action_causes: [], commendation_months: ['2025-11', '2025-12', '2026-01'] } },
    { name: 'the sixth month: all six', month: '2026-04', grade: 'excellent', history: run('2025-11', ['excellent', 'excellent', 'excellent', 'excellent', 'excellent']), serious: false, expected: { action_causes: [], commendation_months: ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'] } },
    { name: 'the fourth month: none', month: '2026-02', grade: 'excellent', history: run('2025-11', ['excellent', 'excellent', 'excellent']), serious: false, expected: { action_causes: [], commendation_months: [] } },
    { name: 'nothing', month: '2026-02', grade: 'pass', history: [], serious: false, expected: { action_causes: [], commendation_months: [] } },
  ])('$name → $expected', ({ month, grade, history, serious, expected }) => {
    const { action_causes, commendation_months } = consequences({ month: m(month), grade: grade as Grade, serious_complaint: serious, history }, P);
    expect({ action_causes, commendation_months }).toEqual(expected);
  });

  test('commendation.months 1 commends every excellent month', () => {
    expect(consequences({ month: m('2026-02'), grade: 'excellent', serious_complaint: false, history: [] }, policy({ commendation: { months: 1 } })).commendation).toBe(true);
  });
});
