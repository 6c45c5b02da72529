/**
 * The company's own numbers (the [X] in its rules) as a typed, validated policy with defaults
 * (docs/policy.md). A policy file may give only some keys; unknown keys and wrong values are
 * refused with the key's path. Later capabilities add their sections here.
 */
import { z } from 'zod';
import { appraisalSchema, bonusSchema, scaleSchema } from './appraisal-policy.js';
import { isValidTimeZone, zoneSpelling } from './dates.js';
import { pauseReasonCode } from './presence.js';
import { POLICY_DEFAULTS as D } from './policy-defaults.js';
import { careerSchema, trainingSchema } from './training-policy.js';

const kpiSchema = z.strictObject({
  /** Answered within this many seconds counts as "within three rings" (inclusive): the 4th ring starts at 15 s. */
  threshold_seconds: z.number().int().min(0).max(3600).default(D.kpi.threshold_seconds),
  /** Abandoned calls that waited at most this long are short abandons. */
  short_abandon_seconds: z.number().int().min(0).max(3600).default(D.kpi.short_abandon_seconds),
  /** A: answered≤T / offered; B: answered≤T / (offered − abandoned≤T); C: (answered≤T + abandoned≤T) / offered. */
  service_level: z.enum(['A', 'B', 'C']).default(D.kpi.service_level),
  /**
   * The service level aimed at, above 0 and below 1: the target line of the report's charts, the
   * colour of the day's service level on `hotline watch`, and what `staffing` plans for (Erlang C
   * never reaches 1 with a finite number of agents).
   */
  service_level_target: z.number().gt(0).lt(1).default(D.kpi.service_level_target),
});

const leaveSchema = z.strictObject({
  /** A band reached mid-year: split the year at the anniversary (one floor), the higher band all year, or the band of 1 January. */
  band_change: z.enum(['split', 'higher', 'jan1']).default(D.leave.band_change),
  /** Days in a "month" of sick leave for REG art.4 (2/3/4 months by band). */
  sick_month_days: z.number().int().min(1).max(31).default(D.leave.sick_month_days),
  /** Unused days that may move to the next year only (REG art.5); null: none. */
  carry_over: z.strictObject({ max_days: z.number().min(0).max(30) }).nullable().default(D.leave.carry_over),
  /** Company days on top of the statutory ones (MEA art.13), by completed years at the company on 1 January. */
  extra_days: z.array(z.strictObject({ min_company_years: z.number().int().min(0), days: z.number().int().min(0).max(30) })).default(D.leave.extra_days),
});

const ticketsSchema = z.strictObject({
  /** Calendar days from receipt within which a complaint must be handled (快递暂行条例 art.28). */
  legal_limit_days: z.number().int().min(1).max(60).default(D.tickets.legal_limit_days),
  /** An open ticket within this many hours of its deadline is "due soon". */
  due_soon_hours: z.number().min(0).max(240).default(D.tickets.due_soon_hours),
  /** Extra reason codes with their Chinese labels, on top of delay, loss, damage, attitude, fee, misdelivery, other. */
  reasons: z.record(z.string().regex(/^[a-z_]+$/), z.string()).default(D.tickets.reasons),
});

const privacySchema = z.strictObject({
  /** --show-pii needs --reason TEXT (recorded in the audit trail). */
  require_reason: z.boolean().default(D.privacy.require_reason),
  /** Months of customer data kept: `hotline db purge-pii` without --before purges what is older. */
  retention_months: z.number().int().min(1).max(600).nullable().default(D.privacy.retention_months),
});

const staffingSchema = z.strictObject({
  /** Minutes per interval of `staffing plan` and `staffing check` (docs/metrics.md, "Staffing"). */
  interval_minutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(D.staffing.interval_minutes),
  /** How many earlier same weekdays with calls the forecast averages (holidays and swapped working days left out). */
  weeks: z.number().int().min(1).max(52).default(D.staffing.weeks),
  /** The busiest an agent may be planned (traffic ÷ agents), above 0 and at most 1. */
  max_occupancy: z.number().gt(0).max(1).default(D.staffing.max_occupancy),
  /** Share of paid time away from the phones (breaks, training, meetings, absence): heads = agents ÷ (1 − shrinkage). */
  shrinkage: z.number().min(0).lt(1).default(D.staffing.shrinkage),
});

const repeatsSchema = z.strictObject({
  /** A call from the same customer within this many hours of an answered inbound call is a repeat of it (inclusive; docs/metrics.md). */
  window_hours: z.number().int().min(1).max(720).default(D.repeats.window_hours),
});

const presenceSchema = z.strictObject({
  /** Pause reasons that are not unauthorized absence: codes (lunch, training, meeting, break), their Chinese words, or the company's own. */
  allowed_reasons: z.array(z.string().trim().min(1)).default(D.presence.allowed_reasons),
  /** Minutes a day of an allowed reason; beyond them the pause is unauthorized absence. A reason not listed has no limit. */
  allowance_minutes: z.record(z.string().trim().min(1), z.number().min(0).max(1440)).default(D.presence.allowance_minutes),
  /** The appraisal's adherence indicator (given a weight in appraisal.groups): its linear scale. */
  adherence_scale: scaleSchema(D.presence.adherence_scale).prefault({}),
}).superRefine((p, ctx) => {
  const allowed = new Set(p.allowed_reasons.map((r) => pauseReasonCode(r)?.toLowerCase()));
  for (const reason of Object.keys(p.allowance_minutes)) {
    if (!allowed.has(pauseReasonCode(reason)?.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['allowance_minutes', reason], message: `"${reason}" is not in presence.allowed_reasons: a reason that is not allowed has no allowance` });
  }
});

export const policySchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  // Any case is accepted (as Intl does) and stored in the IANA spelling, for policy check and every command alike.
  timezone: z.string().refine(isValidTimeZone, { message: 'not an IANA time zone (e.g. Asia/Shanghai)' }).transform(zoneSpelling).default(D.timezone),
  kpi: kpiSchema.prefault({}),
  /** Company calendars (closures, extra working days) on top of data/holidays, same JSON layout. */
  calendars: z.array(z.string()).default(D.calendars),
  leave: leaveSchema.prefault({}),
  tickets: ticketsSchema.prefault({}),
  privacy: privacySchema.prefault({}),
  training: trainingSchema.prefault({}),
  career: careerSchema.prefault({}),
  appraisal: appraisalSchema.prefault({}),
  bonus: bonusSchema.prefault({}),
  staffing: staffingSchema.prefault({}),
  repeats: repeatsSchema.prefault({}),
  presence: presenceSchema.prefault({}),
});

export type Policy = z.infer<typeof policySchema>;

/** The policy of an empty file, `policySchema.parse({})`, kept as a constant that loads without zod. */
export { DEFAULT_POLICY } from './policy-defaults.js';

export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; errors: string[] };

/** Merges a parsed policy file over the defaults and validates every key. */
export function validatePolicy(input: unknown): PolicyCheck {
  const result = policySchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${path ? path + '.' : ''}${k}: unknown key`).join('; ');
    return `${path || '(top level)'}: ${issue.message}`;
  });
  return { ok: false, errors };
}
