/**
 * The appraisal and bonus sections of the policy (docs/policy.md): groups, indicators and
 * weights, linear scales, grade thresholds, consequences, grade coefficients and bonus amounts,
 * each with its default. Refinements name the key they are about.
 */
import { z } from 'zod';
import { roundTo } from './kpi.js';
import { LEAVE_TYPES } from './kinds.js';

/** The indicators of docs/metrics.md, in report order. */
export const INDICATORS = [
  'satisfaction', 'complaint_rate', 'suggestion_adoption',
  'calls_per_day', 'orders_per_day', 'resolution_hours',
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

function groupSchema(defaultWeight: number, indicators: Partial<Record<Indicator, number>>) {
  return z.strictObject({
    /** Share of the total score; 0 switches the group off. */
    weight: z.number().min(0).max(100).default(defaultWeight),
    /** The group's indicators and their weights in the group; an indicator left out is not appraised. */
    indicators: z.partialRecord(indicatorName, weight).default(indicators),
  });
}

function scaleSchema(zeroAt: number, fullAt: number) {
  return z
    .strictObject({
      /** The raw value that scores 0. */
      zero_at: z.number().default(zeroAt),
      /** The raw value that scores 100; below zero_at means lower is better. */
      full_at: z.number().default(fullAt),
    })
    .refine((s) => s.zero_at !== s.full_at, { path: ['full_at'], error: (iss) => `zero_at and full_at must differ (both ${(iss.input as { full_at: number }).full_at})` });
}

export const appraisalSchema = z
  .strictObject({
    groups: z.strictObject({
      service_quality: groupSchema(40, { satisfaction: 50, complaint_rate: 30, suggestion_adoption: 20 }).prefault({}),
      efficiency: groupSchema(30, { calls_per_day: 40, orders_per_day: 30, resolution_hours: 30 }).prefault({}),
      knowledge: groupSchema(15, { knowledge_test: 100 }).prefault({}),
      teamwork: groupSchema(15, { teamwork: 100 }).prefault({}),
    }).prefault({}),
    /** Linear scales: clamp((x − zero_at) / (full_at − zero_at), 0, 1) × 100. */
    scales: z.strictObject({
      satisfaction: scaleSchema(1, 5).prefault({}),
      complaint_rate: scaleSchema(5, 0).prefault({}),
      suggestion_adoption: scaleSchema(0, 0.5).prefault({}),
      calls_per_day: scaleSchema(0, 80).prefault({}),
      orders_per_day: scaleSchema(0, 30).prefault({}),
      resolution_hours: scaleSchema(72, 4).prefault({}),
      knowledge_test: scaleSchema(0, 100).prefault({}),
      teamwork: scaleSchema(0, 100).prefault({}),
    }).prefault({}),
    /** Minimum score of each grade (inclusive); below pass is fail. */
    grades: z
      .strictObject({
        excellent: z.number().min(0).max(100).default(90),
        good: z.number().min(0).max(100).default(80),
        pass: z.number().min(0).max(100).default(60),
      })
      .refine((g) => g.excellent > g.good && g.good > g.pass, {
        error: (iss) => {
          const g = iss.input as { excellent: number; good: number; pass: number };
          return `thresholds must fall: excellent (${g.excellent}) > good (${g.good}) > pass (${g.pass})`;
        },
      })
      .prefault({}),
    /** Excellent in this many consecutive calendar months earns a commendation. */
    commendation: z.strictObject({ months: z.number().int().min(1).max(24).default(3) }).prefault({}),
    actions: z
      .strictObject({
        /** Action after a month graded fail. */
        fail: action.default('warning_and_coaching'),
        /** Action after fail in this many consecutive calendar months (the current one included). */
        consecutive_fails: z
          .strictObject({ months: z.number().int().min(2).max(24).default(2), action: action.default('reassignment_review') })
          .prefault({}),
        /** Action after a serious complaint against the operator in the month, whatever the grade. */
        serious_complaint: action.default('reassignment_review'),
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
      excellent: coefficient.default(1.2),
      good: coefficient.default(1.0),
      pass: coefficient.default(0.8),
      fail: coefficient.default(0),
    })
    .prefault({}),
  /** Paid when the operator has no day of these leave types in the month. */
  full_attendance: z
    .strictObject({ amount: yuan.default(200), leave_types: z.array(z.enum(LEAVE_TYPE_NAMES)).default(['sick', 'personal', 'absent']) })
    .prefault({}),
  /** Paid for the grade excellent. */
  excellent_employee: z.strictObject({ amount: yuan.default(500) }).prefault({}),
  /** Paid to the top_n operators by orders entered; ties at the cut: included (all of them) or excluded (none of them). */
  business_outstanding: z
    .strictObject({ amount: yuan.default(300), top_n: z.number().int().min(0).max(1000).default(3), ties: z.enum(['included', 'excluded']).default('included') })
    .prefault({}),
  /** Part of a month employed: base and performance pay × working days employed ÷ the month's, ÷ 21.75 × paid days (capped), or in full. */
  proration: z.enum(['working_days', '21.75', 'none']).default('working_days'),
});

export type AppraisalPolicy = z.infer<typeof appraisalSchema>;
export type BonusPolicy = z.infer<typeof bonusSchema>;
export type Scale = AppraisalPolicy['scales'][Indicator];
export type GradeThresholds = AppraisalPolicy['grades'];

export const DEFAULT_APPRAISAL_POLICY: AppraisalPolicy = appraisalSchema.parse({});
export const DEFAULT_BONUS_POLICY: BonusPolicy = bonusSchema.parse({});
