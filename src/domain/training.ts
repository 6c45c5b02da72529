/**
 * Training plans (docs/policy.md, issues 7 and 17). Pure: the month, calendar, policy,
 * employment, leave and appraisal results are passed in.
 *
 * Scheduling rules, in the order buildTrainingPlan applies them:
 * - An operator has at most one session a day, and none on a day off, on leave, before the
 *   hire date or after the leaving day (training-availability.ts).
 * - Onboarding: the first `onboarding_days` working days on or after the hire date (the hire
 *   date itself when it is a working day) that are not the hire's leave, cut at the leaving day;
 *   day i (0-based) of n teaches topic floor(i × T / n) of the T topics, so with 5 days and 4
 *   topics the first topic takes two days. Hires taught the same topic on the same day share one
 *   session. A hire just before the month gets the days that fall in it.
 * - Internal: see training-internal.ts (the middles of n equal parts of the month; a course for
 *   more than `max_attendees` is split over the following working days).
 * - Targeted and coaching: for each course, walking the working days of the month in order,
 *   each day's session takes the operators still waiting who are free that day, by operator
 *   id, up to `max_attendees` (1 for coaching). 45 operators → 20 + 20 + 5 on three days.
 *   Operators employed on no working day of the month (left last month) are left out; others
 *   with no free day left are returned as unscheduled.
 */
import { INDICATORS, type Grade, type Indicator } from './appraisal-policy.js';
import type { WorkCalendar } from './calendar.js';
import { addDays, monthOf, type IsoDate, type IsoMonth } from './dates.js';
import { book, employedOn, isFree, type Availability, type Busy, type Employment, type LeaveDays } from './training-availability.js';
import { planInternal, type InternalInput } from './training-internal.js';
import type { TrainingKind, TrainingPolicy, TrainingTopic } from './training-policy.js';
import { bySchedule, makeSession, workingDaysOf, type TrainingSession, type Unscheduled } from './training-session.js';

export { internalDays, internalTopics, planInternal, type InternalInput } from './training-internal.js';
export { type Employment, type EmploymentSpan, type LeaveDays } from './training-availability.js';
export { sessionHours, type TrainingSession, type Unscheduled } from './training-session.js';

export interface Hire {
  operator_id: string;
  hire_date: IsoDate;
  onboarding_done: boolean;
}

export interface AppraisalResult {
  operator_id: string;
  indicators: Partial<Record<Indicator, { score: number | null }>>;
  grade: Grade | null;
}

/**
 * docs/policy.md, issue 17: a hire's onboarding days (入职培训), the first `days` working days on
 * or after the hire date (the hire date itself when it is a working day, else the first working
 * day after it), skipping the hire's `leave` days. Reused by the appraisal, which counts these
 * days as training, not as days worked; cut the list at the leaving day where there is one.
 * Hired Friday 2026-10-16 with 5 days → 10-16, 10-19, 10-20, 10-21, 10-22.
 */
export function onboardingDays(hireDate: IsoDate, calendar: WorkCalendar, days: number, leave?: ReadonlySet<string>): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = hireDate, guard = 0; out.length < days && guard < 731; d = addDays(d, 1), guard++) {
    if (calendar.isWorkingDay(d) && !leave?.has(d)) out.push(d);
  }
  return out;
}

export interface OnboardingInput {
  hires: readonly Hire[];
  month: IsoMonth;
  calendar: WorkCalendar;
  policy: TrainingPolicy;
  employment?: Employment;
  leave?: LeaveDays;
}

/** docs/policy.md, issue 17: onboarding sessions in the month for hires without completed onboarding. */
export function planOnboarding({ hires, month, calendar, policy, employment, leave }: OnboardingInput): TrainingSession[] {
  const byKey = new Map<string, { date: IsoDate; topic: TrainingTopic; attendees: string[] }>();
  const n = policy.onboarding_days;
  const topics = policy.onboarding_topics;
  for (const hire of hires) {
    if (hire.onboarding_done || monthOf(hire.hire_date) > month) continue;
    onboardingDays(hire.hire_date, calendar, n, leave?.get(hire.operator_id)).forEach((date, i) => {
      if (monthOf(date) !== month || !employedOn(employment, hire.operator_id, date)) return;
      const topic = topics[Math.floor((i * topics.length) / n)]!;
      const key = `${date}|${topic.code}`;
      const entry = byKey.get(key) ?? byKey.set(key, { date, topic, attendees: [] }).get(key)!;
      entry.attendees.push(hire.operator_id);
    });
  }
  return [...byKey.values()].map((e) => makeSession(e.date, 'onboarding', e.topic, e.attendees, policy)).sort(bySchedule);
}

export interface TargetedInput {
  /** The previous month's appraisal (finalized if it is). */
  appraisal: readonly AppraisalResult[];
  month: IsoMonth;
  calendar: WorkCalendar;
  policy: TrainingPolicy;
  employment?: Employment;
  leave?: LeaveDays;
}

/** docs/policy.md: the courses each operator needs, in policy order, coaching last. */
export function targetedNeeds(appraisal: readonly AppraisalResult[], policy: TrainingPolicy): { kind: TrainingKind; topic: TrainingTopic; operators: string[] }[] {
  const courses = new Map<string, { kind: TrainingKind; topic: TrainingTopic; operators: Set<string> }>();
  const add = (kind: TrainingKind, topic: TrainingTopic, op: string): void => {
    (courses.get(topic.code) ?? courses.set(topic.code, { kind, topic, operators: new Set() }).get(topic.code)!).operators.add(op);
  };
  for (const indicator of INDICATORS) {
    const topic = policy.targeted[indicator];
    if (!topic) continue;
    for (const row of appraisal) {
      const score = row.indicators[indicator]?.score;
      if (score !== null && score !== undefined && score < policy.targeted_below) add('targeted', topic, row.operator_id);
    }
  }
  for (const row of appraisal) if (row.grade === 'fail') add('coaching', policy.coaching, row.operator_id);
  const list = [...courses.values()].map((c) => ({ kind: c.kind, topic: c.topic, operators: [...c.operators].sort() }));
  return [...list.filter((c) => c.kind === 'targeted'), ...list.filter((c) => c.kind === 'coaching')];
}

/** docs/policy.md, issue 17: targeted courses and coaching from the appraisal, shared and split by capacity, while employed. */
export function planTargeted(input: TargetedInput, busy: Busy = new Map()): { sessions: TrainingSession[]; unscheduled: Unscheduled[] } {
  const days = workingDaysOf(input.month, input.calendar);
  const sessions: TrainingSession[] = [];
  const unscheduled: Unscheduled[] = [];
  const availability: Availability = { employment: input.employment, leave: input.leave };
  const employedInMonth = (op: string): boolean => days.some((d) => employedOn(input.employment, op, d));
  for (const course of targetedNeeds(input.appraisal, input.policy)) {
    const capacity = course.kind === 'coaching' ? 1 : input.policy.max_attendees;
    let pending = course.operators.filter(employedInMonth);
    for (const date of days) {
      if (pending.length === 0) break;
      const take = pending.filter((op) => isFree(op, date, availability, busy)).slice(0, capacity);
      if (take.length === 0) continue;
      const s = makeSession(date, course.kind, course.topic, take, input.policy);
      book(busy, [s]);
      sessions.push(s);
      pending = pending.filter((op) => !take.includes(op));
    }
    for (const op of pending) unscheduled.push({ operator_id: op, kind: course.kind, topic: course.topic.code });
  }
  return { sessions: sessions.sort(bySchedule), unscheduled };
}

export interface TrainingPlanInput extends OnboardingInput, InternalInput, TargetedInput {}

export interface TrainingPlan {
  sessions: TrainingSession[];
  /** Operators a course found no free day (or, for a split internal course, no seat) for in the month. */
  unscheduled: Unscheduled[];
}

/** docs/policy.md, issues 7 and 17: the month's plan, onboarding first, then internal, then targeted and coaching. */
export function buildTrainingPlan(input: TrainingPlanInput): TrainingPlan {
  const busy: Busy = new Map();
  const onboarding = planOnboarding(input);
  book(busy, onboarding);
  const internal = planInternal(input, busy);
  book(busy, internal.sessions);
  const targeted = planTargeted(input, busy);
  return { sessions: [...onboarding, ...internal.sessions, ...targeted.sessions].sort(bySchedule), unscheduled: [...internal.unscheduled, ...targeted.unscheduled] };
}
