/**
 * The appraisal and bonus sections of the policy (docs/policy.md): groups, indicators and
 * weights, linear scales, grade thresholds, consequences, grade coefficients and bonus amounts,
 * each with its default. Refinements name the key they are about.
 */
import { z } from 'zod';
import { roundTo } from './kpi.js';
import { OPTIONAL_DEFAULTS, POLICY_DEFAULTS as D } from './policy-defaults.js';
import { LEAVE_TYPES } from './kinds.js';

/** The indicators of docs/metrics.md, in report order. */
export const INDICATORS = [
  'satisfaction', 'complaint_rate', 'suggestion_adoption', 'fcr',
  'calls_per_day', 'orders_per_day', 'resolution_hours', 'adherence',
  'knowledge_test', 'teamwork',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The indicator groups of docs/metrics.md, in report order. */
export const GROUPS = ['service_quality', 'efficiency', 'knowledge', 'teamwork'] as const;
export type Group = (typeof GROUPS)[number];

/** Grades from best to worst (docs/metrics.md). */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** What a month's appraisal can lead to, most severe first. */
export const ACTIONS = ['reassignment_review', 'warning_and_coaching'] as const;
export type Action = (typeof ACTIONS)[number];

const LEAVE_TYPE_NAMES = Object.keys(LEAVE_TYPES) as [keyof typeof LEAVE_TYPES, ...(keyof typeof LEAVE_TYPES)[]];

const indicatorName = z.enum(INDICATORS);
const weight = z.number().positive().max(100);
const action = z.enum(ACTIONS).nullable();
/** Yuan with at most 2 decimals (whole fen). */
const yuan = z.number().min(0).max(1_000_000).refine((v) => roundTo(v, 2) === v, { message: 'at most 2 decimals (whole fen)' });

/** A grade coefficient: up to 4 decimals, so that pay can be computed exactly in fen. */
const coefficient = z.number().min(0).max(10).refine((v) => roundTo(v, 4) === v, { message: 'at most 4 decimals' });

/** Sum of weights, tolerant of binary noise (33.3 + 33.3 + 33.4). */
function sumsTo100(weights: number[]): boolean {
  return Math.abs(weights.reduce((a, b) => a + b, 0) - 100) < 1e-9;
}

function describeSum(entries: [string, number][]): string {
  return `${entries.map(([k, w]) => `${k} ${w}`).join(' + ')} = ${roundTo(entries.reduce((a, [, w]) => a + w, 0), 6)}`;
}

function groupSchema(defaults: { weight: number; indicators: Partial<Record<Indicator, number>> }) {
  return z.strictObject({
    /** Share of the total score; 0 switches the group off. */
    weight: z.number().min(0).max(100).default(defaults.weight),
    /** The group's indicators and their weights in the group; an indicator left out is not appraised (adherence, by default). */
    indicators: z.partialRecord(indicatorName, weight).default(defaults.indicators),
  });
}

/** A linear scale with its defaults (the appraisal's, and presence.adherence_scale). */
export function scaleSchema(defaults: { zero_at: number; full_at: number }) {
  return z
    .strictObject({
      /** The raw value that scores 0. */
      zero_at: z.number().default(defaults.zero_at),
      /** The raw value that scores 100; below zero_at means lower is better. */
      full_at: z.number().default(defaults.full_at),
    })
    .refine((s) => s.zero_at !== s.full_at, { path: ['full_at'], error: (iss) => `zero_at and full_at must differ (both ${(iss.input as { full_at: number }).full_at})` });
}

/** The scale of an optional indicator, given in full (left out: OPTIONAL_DEFAULTS of policy-defaults.ts). */
const givenScale = z
  .strictObject({ zero_at: z.number(), full_at: z.number() })
  .refine((s) => s.zero_at !== s.full_at, { path: ['full_at'], error: (iss) => `zero_at and full_at must differ (both ${(iss.input as { full_at: number }).full_at})` });

export const appraisalSchema = z
  .strictObject({
    groups: z.strictObject({
      service_quality: groupSchema(D.appraisal.groups.service_quality).prefault({}),
      efficiency: groupSchema(D.appraisal.groups.efficiency).prefault({}),
      knowledge: groupSchema(D.appraisal.groups.knowledge).prefault({}),
      teamwork: groupSchema(D.appraisal.groups.teamwork).prefault({}),
    }).prefault({}),
    /** Linear scales: clamp((x − zero_at) / (full_at − zero_at), 0, 1) × 100. */
    scales: z.strictObject({
      satisfaction: scaleSchema(D.appraisal.scales.satisfaction).prefault({}),
      complaint_rate: scaleSchema(D.appraisal.scales.complaint_rate).prefault({}),
      suggestion_adoption: scaleSchema(D.appraisal.scales.suggestion_adoption).prefault({}),
      calls_per_day: scaleSchema(D.appraisal.scales.calls_per_day).prefault({}),
      orders_per_day: scaleSchema(D.appraisal.scales.orders_per_day).prefault({}),
      resolution_hours: scaleSchema(D.appraisal.scales.resolution_hours).prefault({}),
      knowledge_test: scaleSchema(D.appraisal.scales.knowledge_test).prefault({}),
      teamwork: scaleSchema(D.appraisal.scales.teamwork).prefault({}),
      /** Optional: first-contact resolution (docs/metrics.md); left out, 0.5 → 0.9. */
      fcr: givenScale.optional(),
    }).prefault({}),
    /** Minimum score of each grade (inclusive); below pass is fail. */
    grades: z
      .strictObject({
        excellent: z.number().min(0).max(100).default(D.appraisal.grades.excellent),
        good: z.number().min(0).max(100).default(D.appraisal.grades.good),
        pass: z.number().min(0).max(100).default(D.appraisal.grades.pass),
      })
      .refine((g) => g.excellent > g.good && g.good > g.pass, {
        error: (iss) => {
          const g = iss.input as { excellent: number; good: number; pass: number };
          return `thresholds must fall: excellent (${g.excellent}) > good (${g.good}) > pass (${g.pass})`;
        },
      })
      .prefault({}),
    /** Excellent in this many consecutive calendar months earns a commendation. */
    commendation: z.strictObject({ months: z.number().int().min(1).max(24).default(D.appraisal.commendation.months) }).prefault({}),
    actions: z
      .strictObject({
        /** Action after a month graded fail. */
        fail: action.default(D.appraisal.actions.fail),
        /** Action after fail in this many consecutive calendar months (the current one included). */
        consecutive_fails: z
          .strictObject({ months: z.number().int().min(2).max(24).default(D.appraisal.actions.consecutive_fails.months), action: action.default(D.appraisal.actions.consecutive_fails.action) })
          .prefault({}),
        /** Action after a serious complaint against the operator in the month, whatever the grade. */
        serious_complaint: action.default(D.appraisal.actions.serious_complaint),
      })
      .prefault({}),
  })
  .superRefine((a, ctx) => {
    const groupWeights = GROUPS.map((g): [string, number] => [g, a.groups[g].weight]);
    if (!sumsTo100(groupWeights.map(([, w]) => w))) {
      ctx.addIssue({ code: 'custom', path: ['groups'], message: `group weights must sum to 100 (${describeSum(groupWeights)})` });
    }
    const owner = new Map<Indicator, Group>();
    for (const g of GROUPS) {
      const entries = Object.entries(a.groups[g].indicators) as [Indicator, number][];
      if (entries.length === 0 && a.groups[g].weight > 0) {
        ctx.addIssue({ code: 'custom', path: ['groups', g, 'indicators'], message: 'a group with a weight needs at least one indicator' });
      } else if (entries.length > 0 && !sumsTo100(entries.map(([, w]) => w))) {
        ctx.addIssue({ code: 'custom', path: ['groups', g, 'indicators'], message: `indicator weights must sum to 100 (${describeSum(entries)})` });
      }
      for (const [name] of entries) {
        const first = owner.get(name);
        if (first) ctx.addIssue({ code: 'custom', path: ['groups', g, 'indicators', name], message: `already in group ${first}` });
        else owner.set(name, g);
      }
    }
  });

export const bonusSchema = z.strictObject({
  /** Performance pay = performance base × the coefficient of the month's grade. */
  coefficients: z
    .strictObject({
      excellent: coefficient.default(D.bonus.coefficients.excellent),
      good: coefficient.default(D.bonus.coefficients.good),
      pass: coefficient.default(D.bonus.coefficients.pass),
      fail: coefficient.default(D.bonus.coefficients.fail),
    })
    .prefault({}),
  /** Paid when the operator has no day of these leave types in the month. */
  full_attendance: z
    .strictObject({ amount: yuan.default(D.bonus.full_attendance.amount), leave_types: z.array(z.enum(LEAVE_TYPE_NAMES)).default(D.bonus.full_attendance.leave_types) })
    .prefault({}),
  /** Paid for the grade excellent. */
  excellent_employee: z.strictObject({ amount: yuan.default(D.bonus.excellent_employee.amount) }).prefault({}),
  /** Paid to the top_n operators by orders entered; ties at the cut: included (all of them) or excluded (none of them). */
  business_outstanding: z
    .strictObject({ amount: yuan.default(D.bonus.business_outstanding.amount), top_n: z.number().int().min(0).max(1000).default(D.bonus.business_outstanding.top_n), ties: z.enum(['included', 'excluded']).default(D.bonus.business_outstanding.ties) })
    .prefault({}),
  /** Part of a month employed: base and performance pay × working days employed ÷ the month's, ÷ 21.75 × paid days (capped), or in full. */
  proration: z.enum(['working_days', '21.75', 'none']).default(D.bonus.proration),
});

export type AppraisalPolicy = z.infer<typeof appraisalSchema>;

/** The indicators a group appraises (those it lists), in report order (docs/metrics.md). */
export function appraisedIndicators(group: Pick<AppraisalPolicy['groups'][Group], 'indicators'>): Indicator[] {
  return INDICATORS.filter((i) => (group.indicators[i] ?? 0) > 0);
}

/** Whether the policy appraises `indicator` (it has a weight in a group with a weight above 0). */
export function appraises(policy: Pick<AppraisalPolicy, 'groups'>, indicator: Indicator): boolean {
  return GROUPS.some((g) => policy.groups[g].weight > 0 && (policy.groups[g].indicators[indicator] ?? 0) > 0);
}
export type BonusPolicy = z.infer<typeof bonusSchema>;
export type Scale = NonNullable<AppraisalPolicy['scales'][Exclude<Indicator, 'adherence'>]>;

/** The appraisal policy as scoring reads it: with the adherence indicator's scale (presence.adherence_scale), when appraised. */
export type ScoringPolicy = AppraisalPolicy & { adherence_scale?: Scale };

/**
 * An indicator's scale (docs/metrics.md): appraisal.scales; for the optional `fcr` left without
 * one, 0.5 → 0.9 (OPTIONAL_DEFAULTS); for adherence, presence.adherence_scale (docs/policy.md).
 */
export function scaleOf(policy: Pick<ScoringPolicy, 'scales' | 'adherence_scale'>, indicator: Indicator): Scale {
  if (indicator === 'adherence') return policy.adherence_scale ?? D.presence.adherence_scale;
  return policy.scales[indicator] ?? OPTIONAL_DEFAULTS.appraisal.scales.fcr;
}
export type GradeThresholds = AppraisalPolicy['grades'];

export const DEFAULT_APPRAISAL_POLICY: AppraisalPolicy = appraisalSchema.parse({});
export const DEFAULT_BONUS_POLICY: BonusPolicy = bonusSchema.parse({});
