/**
 * The default of every policy key, written here once: the zod schemas of src/domain/policy.ts,
 * appraisal-policy.ts and training-policy.ts take each `.default()` from POLICY_DEFAULTS, and a
 * command run without a policy file gets DEFAULT_POLICY without loading zod or the schema (about
 * 100 ms of start-up). tests/domain/policy-defaults.test.ts checks that DEFAULT_POLICY is exactly
 * `policySchema.parse({})`, key order included, and that the schemas write no default of their own.
 */
import type { LEAVE_TYPES } from './kinds.js';
import type { Policy } from './policy.js';

/**
 * The values, typed by inference rather than as Policy: Policy is inferred from the schemas that
 * read these values, so annotating them with it would be circular. DEFAULT_POLICY checks them.
 */
export const POLICY_DEFAULTS = {
  timezone: 'Asia/Shanghai',
  kpi: { threshold_seconds: 15, short_abandon_seconds: 5, service_level: 'A' as const, service_level_target: 0.8 },
  calendars: [],
  leave: { band_change: 'split' as const, sick_month_days: 30, carry_over: null, extra_days: [] },
  tickets: { legal_limit_days: 7, due_soon_hours: 24, reasons: {} },
  privacy: { require_reason: true, retention_months: null },
  training: {
    onboarding_days: 5,
    onboarding_topics: [
      { code: 'company_overview', name: '公司概况' },
      { code: 'business_knowledge', name: '业务知识' },
      { code: 'service_norms', name: '服务规范' },
      { code: 'system_operation', name: '系统操作' },
    ],
    monthly_sessions: 2,
    internal_topics: [
      { code: 'company_culture', name: '企业文化与制度' },
      { code: 'express_business', name: '快递业务知识' },
      { code: 'service_communication_skills', name: '服务与沟通技巧' },
      { code: 'system_operation', name: '系统操作' },
    ],
    slots: {
      onboarding: { start: '09:00', end: '17:00' },
      internal: { start: '14:00', end: '16:00' },
      targeted: { start: '14:00', end: '16:00' },
      coaching: { start: '16:00', end: '17:00' },
    },
    max_attendees: 20,
    targeted_below: 60,
    targeted: {
      complaint_rate: { code: 'complaint_handling', name: '投诉处理' },
      knowledge_test: { code: 'business_refresher', name: '业务复训' },
      satisfaction: { code: 'service_communication', name: '服务与沟通' },
    },
    coaching: { code: 'one_to_one_coaching', name: '一对一辅导' },
  },
  career: { excellent_months: 6, window_months: 12, min_tenure_months: 24 },
  appraisal: {
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
    actions: {
      fail: 'warning_and_coaching' as const,
      consecutive_fails: { months: 2, action: 'reassignment_review' as const },
      serious_complaint: 'reassignment_review' as const,
    },
  },
  bonus: {
    coefficients: { excellent: 1.2, good: 1, pass: 0.8, fail: 0 },
    full_attendance: { amount: 200, leave_types: ['sick', 'personal', 'absent'] as (keyof typeof LEAVE_TYPES)[] },
    excellent_employee: { amount: 500 },
    business_outstanding: { amount: 300, top_n: 3, ties: 'included' as const },
    proration: 'working_days' as const,
  },
  staffing: { interval_minutes: 30 as const, weeks: 4, max_occupancy: 0.85, shrinkage: 0.3 },
  repeats: { window_hours: 72 },
  presence: {
    allowed_reasons: ['lunch', 'training', 'meeting', 'break'],
    allowance_minutes: { lunch: 60, break: 30 } as Record<string, number>,
    // The appraisal's adherence indicator (no weight by default): 80 % of logged-in time free of unauthorized absence scores 0, all of it 100.
    adherence_scale: { zero_at: 0.8, full_at: 1 },
  },
};

/**
 * Defaults of optional keys, applied where a policy leaves the key out (they are not in
 * DEFAULT_POLICY, so a policy without them is exactly what it was): the scale of the optional
 * appraisal indicator `fcr`, first-contact resolution 0–1, which no group weighs by default.
 */
export const OPTIONAL_DEFAULTS = {
  appraisal: { scales: { fcr: { zero_at: 0.5, full_at: 0.9 } } },
};

/** The policy of an empty policy file (`policySchema.parse({})`), as every command without one gets it. */
export const DEFAULT_POLICY: Policy = POLICY_DEFAULTS;
