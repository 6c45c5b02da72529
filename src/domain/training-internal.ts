/**
 * Internal courses (docs/policy.md, issues 7 and 17): `monthly_sessions` courses for everyone,
 * spread through the month, topics rotating through the catalogue, and a course for more than
 * `max_attendees` operators split over consecutive working days. Pure.
 *
 * - Course k (0-based) of n falls on working day floor((2k + 1) × W / (2n)) (0-based) of the W
 *   working days: the middle of the k-th of n equal parts (21 working days, 2 courses → the 6th
 *   and 16th working days).
 * - Its operators are those free on that day: employed, not on leave, not in onboarding.
 * - More than `max_attendees` of them: the course is split into g = ⌈n ÷ max_attendees⌉ groups of
 *   equal size (±1), held on the course day and the working days after it, in the same time slot,
 *   never on or after the next course's day (the last: the month's end). Each day seats
 *   ⌈waiting ÷ groups left⌉ (at most max_attendees) of the operators still waiting who are free
 *   that day, those with fewer free days left before the next course first, then by operator id
 *   (29 → 15 + 14; 45 → 15 + 15 + 15). An operator on leave on the course day who is free on a
 *   repeat day joins that repeat. Anyone still waiting at the end is unscheduled.
 */
import type { WorkCalendar } from './calendar.js';
import { monthIndex, type IsoDate, type IsoMonth } from './dates.js';
import { isFree, type Availability, type Busy, type Employment, type LeaveDays } from './training-availability.js';
import type { TrainingPolicy, TrainingTopic } from './training-policy.js';
import { makeSession, workingDaysOf, type TrainingSession, type Unscheduled } from './training-session.js';

/** docs/policy.md: the working days of the internal courses, the middles of n equal parts of the month. */
export function internalDays(month: IsoMonth, calendar: WorkCalendar, sessions: number): IsoDate[] {
  const days = workingDaysOf(month, calendar);
  const n = Math.min(sessions, days.length);
  return Array.from({ length: n }, (_, k) => days[Math.floor(((2 * k + 1) * days.length) / (2 * n))]!);
}

/** docs/policy.md: the month's internal topics, rotating through the catalogue. */
export function internalTopics(month: IsoMonth, policy: TrainingPolicy, previousTopics?: readonly string[]): TrainingTopic[] {
  const catalogue = policy.internal_topics;
  const codes = catalogue.map((t) => t.code);
  const last = [...(previousTopics ?? [])].reverse().find((c) => codes.includes(c));
  const start = last !== undefined ? codes.indexOf(last) + 1 : monthIndex(month) * policy.monthly_sessions;
  return Array.from({ length: policy.monthly_sessions }, (_, k) => catalogue[(start + k) % catalogue.length]!);
}

export interface InternalInput {
  month: IsoMonth;
  calendar: WorkCalendar;
  policy: TrainingPolicy;
  /** Topic codes of the previous month's internal courses, in order. */
  previous_topics?: readonly string[];
  /** Everyone expected at internal courses. */
  operators?: readonly string[];
  employment?: Employment;
  leave?: LeaveDays;
}

/** issue 17: one course's sessions over its days (`window`, the course day first), split at `max_attendees`. */
function splitCourse(topic: TrainingTopic, window: readonly IsoDate[], operators: readonly string[], policy: TrainingPolicy, free: (op: string, date: IsoDate) => boolean): { sessions: TrainingSession[]; waiting: string[] } {
  const first = window[0]!;
  let waiting = operators.filter((op) => free(op, first));
  if (waiting.length <= policy.max_attendees) return { sessions: [makeSession(first, 'internal', topic, waiting, policy)], waiting: [] };
  const groups = Math.ceil(waiting.length / policy.max_attendees);
  const placed = new Set<string>();
  const sessions: TrainingSession[] = [];
  window.forEach((date, i) => {
    if (i > 0) waiting = [...waiting, ...operators.filter((op) => !placed.has(op) && !waiting.includes(op) && free(op, date))];
    if (waiting.length === 0) return;
    const seats = Math.min(policy.max_attendees, Math.ceil(waiting.length / Math.max(1, groups - sessions.length)));
    // Those free on fewer of the days left go first, then by operator id.
    const later = window.slice(i + 1);
    const take = waiting
      .filter((op) => free(op, date))
      .map((op) => ({ op, daysLeft: later.filter((d) => free(op, d)).length }))
      .sort((a, b) => a.daysLeft - b.daysLeft || a.op.localeCompare(b.op))
      .slice(0, seats)
      .map((x) => x.op);
    if (take.length === 0) return;
    sessions.push(makeSession(date, 'internal', topic, take, policy));
    for (const op of take) placed.add(op);
    waiting = waiting.filter((op) => !placed.has(op));
  });
  return { sessions, waiting };
}

/** docs/policy.md, issue 17: `monthly_sessions` internal courses spread through the month, split by capacity. */
export function planInternal(input: InternalInput, busy?: Busy): { sessions: TrainingSession[]; unscheduled: Unscheduled[] } {
  const topics = internalTopics(input.month, input.policy, input.previous_topics);
  const courseDays = internalDays(input.month, input.calendar, input.policy.monthly_sessions);
  const days = workingDaysOf(input.month, input.calendar);
  const availability: Availability = { employment: input.employment, leave: input.leave };
  const free = (op: string, date: IsoDate): boolean => isFree(op, date, availability, busy);
  const sessions: TrainingSession[] = [];
  const unscheduled: Unscheduled[] = [];
  courseDays.forEach((day, k) => {
    const next = courseDays[k + 1];
    const window = days.filter((d) => d >= day && (next === undefined || d < next));
    const course = splitCourse(topics[k]!, window, input.operators ?? [], input.policy, free);
    sessions.push(...course.sessions);
    for (const op of course.waiting) unscheduled.push({ operator_id: op, kind: 'internal', topic: topics[k]!.code });
  });
  return { sessions, unscheduled };
}
