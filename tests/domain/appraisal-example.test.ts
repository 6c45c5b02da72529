// The worked example of docs/metrics.md "Appraisal: indicators, scores and grades", with the
// default policy: every figure the page shows, as the appraisal computes it.
import { expect, test } from 'vitest';
import { DEFAULT_APPRAISAL_POLICY } from '../../src/domain/appraisal-policy.js';
import { scoreOperator } from '../../src/domain/appraisal.js';

test('docs/metrics.md: no suggestion, so its 20 goes to satisfaction and complaint_rate; total 76.10, pass', () => {
  const s = scoreOperator({
    satisfaction: 4.2, complaint_rate: 1.5, suggestion_adoption: null,
    calls_per_day: 60, orders_per_day: 12, resolution_hours: 21,
    knowledge_test: 85, teamwork: 90,
  }, DEFAULT_APPRAISAL_POLICY);
  expect(Object.fromEntries(Object.entries(s.indicators).map(([k, v]) => [k, [v.score, v.base_weight, v.weight]]))).toEqual({
    satisfaction: [80, 50, 62.5],
    complaint_rate: [70, 30, 37.5],
    suggestion_adoption: [null, 20, 0],
    calls_per_day: [75, 40, 40],
    orders_per_day: [40, 30, 30],
    resolution_hours: [75, 30, 30],
    knowledge_test: [85, 100, 100],
    teamwork: [90, 100, 100],
  });
  expect(Object.fromEntries(Object.entries(s.groups).map(([k, v]) => [k, v.score]))).toEqual({ service_quality: 76.25, efficiency: 64.5, knowledge: 85, teamwork: 90 });
  expect(s.score).toBe(76.1);
  expect(s.grade).toBe('pass');
  expect(s.redistributed).toEqual(['suggestion_adoption: no data; its 20 % went to satisfaction and complaint_rate in proportion']);
});
