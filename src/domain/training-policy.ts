/**
 * The training and career sections of the policy (docs/policy.md): onboarding length and
 * topics, the internal catalogue, time slots, capacity, the targeted courses per indicator and
 * the promotion rule, each with its default. Topics are catalogue data (a code and a Chinese
 * name), so that a company can rename or extend them without a code change.
 */
import { z } from 'zod';
import { INDICATORS } from './appraisal-policy.js';
import { POLICY_DEFAULTS as D } from './policy-defaults.js';

/** The kinds of session in a training plan (issue 7). */
export const TRAINING_KINDS = ['onboarding', 'internal', 'targeted', 'coaching'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

const topic = z.strictObject({
  /** Stable code used in session ids and imports, e.g. company_overview. */
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'lower-case letters, digits and _ only' }),
  /** The name shown to people, e.g. 公司概况. */
  name: z.string().min(1),
});
export type TrainingTopic = z.infer<typeof topic>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const slot = (defaults: TimeSlot) =>
  z
    .strictObject({ start: z.string().regex(HHMM, { message: 'HH:MM' }).default(defaults.start), end: z.string().regex(HHMM, { message: 'HH:MM' }).default(defaults.end) })
    .refine((s) => !HHMM.test(s.start) || !HHMM.test(s.end) || s.start < s.end, { path: ['end'], message: 'end must be after start' })
    .prefault({});
export type TimeSlot = { start: string; end: string };

const uniqueCodes = (topics: readonly TrainingTopic[]): boolean => new Set(topics.map((t) => t.code)).size === topics.length;

export const trainingSchema = z
  .strictObject({
    /** Working days of onboarding (入职培训) from the hire date. */
    onboarding_days: z.number().int().min(1).max(60).default(D.training.onboarding_days),
    /** Onboarding topics in teaching order, spread over the onboarding days. */
    onboarding_topics: z.array(topic).min(1).refine(uniqueCodes, { message: 'topic codes must be unique' }).default(D.training.onboarding_topics),
    /** Internal courses a month for everyone (at least). */
    monthly_sessions: z.number().int().min(0).max(31).default(D.training.monthly_sessions),
    /** The internal catalogue, in rotation order. */
    internal_topics: z.array(topic).min(1).refine(uniqueCodes, { message: 'topic codes must be unique' }).default(D.training.internal_topics),
    /** Time slot of each kind of session (local time of the policy zone). */
    slots: z
      .strictObject({
        onboarding: slot(D.training.slots.onboarding),
        internal: slot(D.training.slots.internal),
        targeted: slot(D.training.slots.targeted),
        coaching: slot(D.training.slots.coaching),
      })
      .prefault({}),
    /** Attendees per session; a larger group is split. One-to-one coaching always has one. */
    max_attendees: z.number().int().min(1).max(1000).default(D.training.max_attendees),
    /** An indicator scored under this (0–100) in the previous month's appraisal assigns its course. */
    targeted_below: z.number().min(0).max(100).default(D.training.targeted_below),
    /** The course each weak indicator assigns; an indicator left out assigns none. */
    targeted: z
      .partialRecord(z.enum(INDICATORS), topic)
      .default(D.training.targeted),
    /** The course a fail grade assigns. */
    coaching: topic.default(D.training.coaching),
  })
  .refine((t) => t.onboarding_days >= t.onboarding_topics.length, {
    path: ['onboarding_days'],
    error: (iss) => {
      const t = iss.input as { onboarding_days: number; onboarding_topics: unknown[] };
      return `onboarding_days (${t.onboarding_days}) must be at least the number of onboarding_topics (${t.onboarding_topics.length})`;
    },
  });

export const careerSchema = z
  .strictObject({
  /** Months graded excellent within the window that make a team-lead candidate. */
  excellent_months: z.number().int().min(1).max(120).default(D.career.excellent_months),
  /** The window: this many calendar months ending with the as-of month. */
  window_months: z.number().int().min(1).max(120).default(D.career.window_months),
  /** Completed months at the company at the end of the as-of month. */
  min_tenure_months: z.number().int().min(0).max(600).default(D.career.min_tenure_months),
  })
  .refine((c) => c.excellent_months <= c.window_months, { path: ['excellent_months'], message: 'cannot exceed window_months' });

export type TrainingPolicy = z.infer<typeof trainingSchema>;
export type CareerPolicy = z.infer<typeof careerSchema>;

export const DEFAULT_TRAINING_POLICY: TrainingPolicy = trainingSchema.parse({});
export const DEFAULT_CAREER_POLICY: CareerPolicy = careerSchema.parse({});
