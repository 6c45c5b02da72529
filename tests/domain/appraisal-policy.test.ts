// The appraisal and bonus sections of the policy (src/domain/appraisal-policy.ts, PRODUCT.md
// §4.2, §4.3): every default, partial files merged over them, and refusals whose message names
// the key, as `validatePolicy` prints them.
import { describe, expect, test } from 'vitest';
import { DEFAULT_APPRAISAL_POLICY, DEFAULT_BONUS_POLICY } from '../../src/domain/appraisal-policy.js';
import { DEFAULT_POLICY, validatePolicy } from '../../src/domain/policy.js';

describe('defaults', () => {
  test('appraisal: groups, weights, scales, grades, commendation and actions of §4.2', () => {
    expect(DEFAULT_POLICY.appraisal).toEqual({
      groups: {
        service_quality: { weight: 40, indicators: { satisfaction: 50, complaint_rate: 30, suggestion_adoption: 20 } },
        efficiency: { weight: 30, indicators: { calls_per_day: 40, orders_per_day: 30, resolution_hours: 30 } },
        knowledge: { weight: 15, indicators: { knowledge_test: 100 } },
        teamwork: { weight: 15, indicators: { teamwork: 100 } },
      },
      scales: {
        satisfaction: { zero_at: 1, full_at: 5 },
        complaint_rate: { zero_at: 5, full_at: 0 },
        suggestion_adoption: { zero_at: 0, full_at: 0.5 },
        calls_per_day: { zero_at: 0, full_at: 80 },
        orders_per_day: { zero_at: 0, full_at: 30 },
        resolution_hours: { zero_at: 72, full_at: 4 },
        knowledge_test: { zero_at: 0, full_at: 100 },
        teamwork: { zero_at: 0, full_at: 100 },
      },
      grades: { excellent: 90, good: 80, pass: 60 },
      commendation: { months: 3 },
      actions: { fail: 'warning_and_coaching', consecutive_fails: { months: 2, action: 'reassignment_review' }, serious_complaint: 'reassignment_review' },
    });
    expect(DEFAULT_APPRAISAL_POLICY).toEqual(DEFAULT_POLICY.appraisal);
  });

  test('bonus: coefficients and amounts of §4.3', () => {
    expect(DEFAULT_POLICY.bonus).toEqual({
      coefficients: { excellent: 1.2, good: 1, pass: 0.8, fail: 0 },
      full_attendance: { amount: 200, leave_types: ['sick', 'personal', 'absent'] },
      excellent_employee: { amount: 500 },
      business_outstanding: { amount: 300, top_n: 3, ties: 'included' },
      proration: 'working_days',
    });
    expect(DEFAULT_BONUS_POLICY).toEqual(DEFAULT_POLICY.bonus);
  });
});

describe('partial files keep the other defaults', () => {
  test.each([
    { name: 'satisfaction zero_at only', input: { appraisal: { scales: { satisfaction: { zero_at: 2 } } } }, pick: (p: typeof DEFAULT_POLICY) => p.appraisal.scales.satisfaction, expected: { zero_at: 2, full_at: 5 } },
    { name: 'two group weights moved', input: { appraisal: { groups: { service_quality: { weight: 50 }, efficiency: { weight: 20 } } } }, pick: (p: typeof DEFAULT_POLICY) => [p.appraisal.groups.service_quality, p.appraisal.groups.efficiency.weight], expected: [{ weight: 50, indicators: { satisfaction: 50, complaint_rate: 30, suggestion_adoption: 20 } }, 20] },
    { name: 'indicators replace the group list', input: { appraisal: { groups: { service_quality: { indicators: { satisfaction: 70, complaint_rate: 30 } } } } }, pick: (p: typeof DEFAULT_POLICY) => p.appraisal.groups.service_quality.indicators, expected: { satisfaction: 70, complaint_rate: 30 } },
    { name: 'thirds summing to 100', input: { appraisal: { groups: { efficiency: { indicators: { calls_per_day: 33.3, orders_per_day: 33.3, resolution_hours: 33.4 } } } } }, pick: (p: typeof DEFAULT_POLICY) => p.appraisal.groups.efficiency.indicators.resolution_hours, expected: 33.4 },
    { name: 'teamwork switched off', input: { appraisal: { groups: { knowledge: { weight: 30 }, teamwork: { weight: 0 } } } }, pick: (p: typeof DEFAULT_POLICY) => p.appraisal.groups.teamwork.weight, expected: 0 },
    { name: 'top 5, ties excluded', input: { bonus: { business_outstanding: { top_n: 5, ties: 'excluded' } } }, pick: (p: typeof DEFAULT_POLICY) => p.bonus.business_outstanding, expected: { amount: 300, top_n: 5, ties: 'excluded' } },
    { name: 'no action on fail', input: { appraisal: { actions: { fail: null } } }, pick: (p: typeof DEFAULT_POLICY) => p.appraisal.actions.fail, expected: null },
  ])('$name → $expected', ({ input, pick, expected }) => {
    const checked = validatePolicy(input);
    expect(checked.ok && pick(checked.policy)).toEqual(expected);
  });
});

describe('refusals name the key', () => {
  test.each([
    { name: 'group weights over 100', input: { appraisal: { groups: { service_quality: { weight: 50 } } } }, expected: ['appraisal.groups: group weights must sum to 100 (service_quality 50 + efficiency 30 + knowledge 15 + teamwork 15 = 110)'] },
    { name: 'indicator weights under 100', input: { appraisal: { groups: { efficiency: { indicators: { calls_per_day: 40, orders_per_day: 30 } } } } }, expected: ['appraisal.groups.efficiency.indicators: indicator weights must sum to 100 (calls_per_day 40 + orders_per_day 30 = 70)'] },
    { name: 'unknown indicator', input: { appraisal: { groups: { knowledge: { indicators: { knowledge_test: 50, speed: 50 } } } } }, expected: ['appraisal.groups.knowledge.indicators.speed: unknown key', 'appraisal.groups.knowledge.indicators: indicator weights must sum to 100 (knowledge_test 50 = 50)'] },
    { name: 'an indicator in two groups', input: { appraisal: { groups: { knowledge: { indicators: { knowledge_test: 50, teamwork: 50 } } } } }, expected: ['appraisal.groups.teamwork.indicators.teamwork: already in group knowledge'] },
    { name: 'a weighted group without indicators', input: { appraisal: { groups: { knowledge: { indicators: {} } } } }, expected: ['appraisal.groups.knowledge.indicators: a group with a weight needs at least one indicator'] },
    { name: 'a zero indicator weight', input: { appraisal: { groups: { knowledge: { indicators: { knowledge_test: 0 } } } } }, expected: ['appraisal.groups.knowledge.indicators.knowledge_test: Too small: expected number to be >0', 'appraisal.groups.knowledge.indicators: indicator weights must sum to 100 (knowledge_test 0 = 0)'] },
    { name: 'zero_at equal to full_at', input: { appraisal: { scales: { complaint_rate: { full_at: 5 } } } }, expected: ['appraisal.scales.complaint_rate.full_at: zero_at and full_at must differ (both 5)'] },
    { name: 'good not below excellent', input: { appraisal: { grades: { good: 90 } } }, expected: ['appraisal.grades: thresholds must fall: excellent (90) > good (90) > pass (60)'] },
    { name: 'unknown grade', input: { appraisal: { grades: { outstanding: 95 } } }, expected: ['appraisal.grades.outstanding: unknown key'] },
    { name: 'commendation after 0 months', input: { appraisal: { commendation: { months: 0 } } }, expected: ['appraisal.commendation.months: Too small: expected number to be >=1'] },
    { name: 'unknown action', input: { appraisal: { actions: { fail: 'dismissal' } } }, expected: ['appraisal.actions.fail: Invalid option: expected one of "reassignment_review"|"warning_and_coaching"'] },
    { name: 'amount in tenths of a fen', input: { bonus: { excellent_employee: { amount: 500.005 } } }, expected: ['bonus.excellent_employee.amount: at most 2 decimals (whole fen)'] },
    { name: 'coefficient with 5 decimals', input: { bonus: { coefficients: { good: 1.00001 } } }, expected: ['bonus.coefficients.good: at most 4 decimals'] },
    { name: 'unknown ties rule', input: { bonus: { business_outstanding: { ties: 'random' } } }, expected: ['bonus.business_outstanding.ties: Invalid option: expected one of "included"|"excluded"'] },
  ])('$name → $expected', ({ input, expected }) => {
    expect(validatePolicy(input)).toEqual({ ok: false, errors: expected });
  });
});
