/**
 * Training plans, compliance and promotion candidates (PRODUCT.md §4.4, issue 7). Pure: the
 * month, calendar, policy, leave and appraisal results are passed in.
 *
 * Scheduling rules, in the order buildTrainingPlan applies them:
 * - An operator has at most one session a day, and none on a day off or on approved leave.
 * - Onboarding: the first `onboarding_days` working days on or after the hire date that are
 *   not the hire's leave; day i (0-based) of n teaches topic floor(i × T / n) of the T topics, so
 *   with 5 days and 4 topics the first topic takes two days. Hires taught the same topic on the
 *   same day share one session. A hire just before the month gets the days that fall in it.
 * - Internal: with W working days and n sessions, session k (0-based) falls on working day
 *   floor((2k + 1) × W / (2n)) (0-based), the middle of the k-th of n equal parts: 21 working
 *   days, 2 sessions → the 6th and 16th working days. Topics continue the rotation after the
 *   previous month's last topic; without it, month m (months since year 0) starts at m × n
 *   modulo the catalogue, so that consecutive months differ whenever 2n ≤ the catalogue.
 *   Attendees are the operators free that day (leave or onboarding removes them).
 * - Targeted and coaching: for each course, walking the working days of the month in order,
 *   each day's session takes the operators still waiting who are free that day, by operator
 *   id, up to `max_attendees` (1 for coaching). 45 operators → 20 + 20 + 5 on three days.
 *   Operators with no free day left are returned as unscheduled.
 */
import { INDICATORS, type Grade, type Indicator } from './appraisal-policy.js';
import { eachDay, type WorkCalendar } from './calendar.js';
import { addDays, daysInMonth, type IsoDate, type IsoMonth } from './dates.js';
import { TRAINING_KINDS, type CareerPolicy, type TrainingKind, type TrainingPolicy, type TrainingTopic } from './training-policy.js';

export interface TrainingSession {
  /** `<date>-<kind>-<topic>`: unique in a plan, the same for the same inputs. */
  session_id: string;
  date: IsoDate;
  start_time: string;
  end_time: string;
  kind: TrainingKind;
  /** Topic code from the policy catalogue. */
  topic: string;
  /** Topic name from the policy catalogue, e.g. 公司概况. */
  topic_name: string;
  attendees: string[];
}

/** Approved leave days per operator. */
export type LeaveDays = ReadonlyMap<string, ReadonlySet<string>>;
/** Days on which an operator already has a session (filled while planning). */
type Busy = Map<string, Set<string>>;

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

export interface Unscheduled {
  operator_id: string;
  kind: TrainingKind;
  topic: string;
}

/** The working days of a month, in order. */
export function workingDaysOf(month: IsoMonth, calendar: WorkCalendar): IsoDate[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [...eachDay(`${month}-01` as IsoDate, `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` as IsoDate)].filter((d) => calendar.isWorkingDay(d));
}

function isFree(op: string, date: string, leave: LeaveDays | undefined, busy: Busy | undefined): boolean {
  return !leave?.get(op)?.has(date) && !busy?.get(op)?.has(date);
}

function book(busy: Busy | undefined, sessions: readonly TrainingSession[]): void {
  if (!busy) return;
  for (const s of sessions) for (const op of s.attendees) (busy.get(op) ?? busy.set(op, new Set()).get(op)!).add(s.date);
}

function session(date: IsoDate, kind: TrainingKind, topic: TrainingTopic, attendees: string[], policy: TrainingPolicy): TrainingSession {
  const slot = policy.slots[kind];
  return { session_id: `${date}-${kind}-${topic.code}`, date, start_time: slot.start, end_time: slot.end, kind, topic: topic.code, topic_name: topic.name, attendees: [...attendees].sort() };
}

/** PRODUCT.md §4.4: the hire's onboarding days, working days from the hire date, leave skipped. */
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
  leave?: LeaveDays;
}

/** PRODUCT.md §4.4: onboarding sessions in the month for hires without completed onboarding. */
export function planOnboarding({ hires, month, calendar, policy, leave }: OnboardingInput): TrainingSession[] {
  const byKey = new Map<string, { date: IsoDate; topic: TrainingTopic; attendees: string[] }>();
  const n = policy.onboarding_days;
  const topics = policy.onboarding_topics;
  for (const hire of hires) {
    if (hire.onboarding_done || hire.hire_date.slice(0, 7) > month) continue;
    onboardingDays(hire.hire_date, calendar, n, leave?.get(hire.operator_id)).forEach((date, i) => {
      if (date.slice(0, 7) !== month) return;
      const topic = topics[Math.floor((i * topics.length) / n)]!;
      const key = `${date}|${topic.code}`;
      const entry = byKey.get(key) ?? byKey.set(key, { date, topic, attendees: [] }).get(key)!;
      entry.attendees.push(hire.operator_id);
    });
  }
  return [...byKey.values()].map((e) => session(e.date, 'onboarding', e.topic, e.attendees, policy)).sort(bySchedule);
}

/** PRODUCT.md §4.4: the working days of the internal courses, the middles of n equal parts of the month. */
export function internalDays(month: IsoMonth, calendar: WorkCalendar, sessions: number): IsoDate[] {
  const days = workingDaysOf(month, calendar);
  const n = Math.min(sessions, days.length);
  return Array.from({ length: n }, (_, k) => days[Math.floor(((2 * k + 1) * days.length) / (2 * n))]!);
}

/** PRODUCT.md §4.4: the month's internal topics, rotating through the catalogue. */
export function internalTopics(month: IsoMonth, policy: TrainingPolicy, previousTopics?: readonly string[]): TrainingTopic[] {
  const catalogue = policy.internal_topics;
  const codes = catalogue.map((t) => t.code);
  const last = [...(previousTopics ?? [])].reverse().find((c) => codes.includes(c));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = last !== undefined ? codes.indexOf(last) + 1 : (y * 12 + m - 1) * policy.monthly_sessions;
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
  leave?: LeaveDays;
}

/** PRODUCT.md §4.4: `monthly_sessions` internal courses spread through the month. */
export function planInternal(input: InternalInput, busy?: Busy): TrainingSession[] {
  const topics = internalTopics(input.month, input.policy, input.previous_topics);
  return internalDays(input.month, input.calendar, input.policy.monthly_sessions).map((date, k) =>
    session(date, 'internal', topics[k]!, (input.operators ?? []).filter((op) => isFree(op, date, input.leave, busy)), input.policy),
  );
}

export interface TargetedInput {
  /** The previous month's appraisal (finalized if it is). */
  appraisal: readonly AppraisalResult[];
  month: IsoMonth;
  calendar: WorkCalendar;
  policy: TrainingPolicy;
  leave?: LeaveDays;
}

/** PRODUCT.md §4.4: the courses each operator needs, in policy order, coaching last. */
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

/** PRODUCT.md §4.4: targeted courses and coaching from the appraisal, shared and split by capacity. */
export function planTargeted(input: TargetedInput, busy: Busy = new Map()): { sessions: TrainingSession[]; unscheduled: Unscheduled[] } {
  const days = workingDaysOf(input.month, input.calendar);
  const sessions: TrainingSession[] = [];
  const unscheduled: Unscheduled[] = [];
  for (const course of targetedNeeds(input.appraisal, input.policy)) {
    const capacity = course.kind === 'coaching' ? 1 : input.policy.max_attendees;
    let pending = course.operators;
    for (const date of days) {
      if (pending.length === 0) break;
      const take = pending.filter((op) => isFree(op, date, input.leave, busy)).slice(0, capacity);
      if (take.length === 0) continue;
      const s = session(date, course.kind, course.topic, take, input.policy);
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
  /** Operators a targeted course or coaching found no free day for in the month. */
  unscheduled: Unscheduled[];
}

/** PRODUCT.md §4.4, issue 7: the month's plan, onboarding first, then internal, then targeted and coaching. */
export function buildTrainingPlan(input: TrainingPlanInput): TrainingPlan {
  const busy: Busy = new Map();
  const onboarding = planOnboarding(input);
  book(busy, onboarding);
  const internal = planInternal(input, busy);
  book(busy, internal);
  const targeted = planTargeted(input, busy);
  return { sessions: [...onboarding, ...internal, ...targeted.sessions].sort(bySchedule), unscheduled: targeted.unscheduled };
}

function bySchedule(a: TrainingSession, b: TrainingSession): number {
  return a.date.localeCompare(b.date) || a.start_time.localeCompare(b.start_time) || TRAINING_KINDS.indexOf(a.kind) - TRAINING_KINDS.indexOf(b.kind) || a.topic.localeCompare(b.topic);
}

/** Hours of a session from its time slot. */
export function sessionHours(s: Pick<TrainingSession, 'start_time' | 'end_time'>): number {
  const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return (minutes(s.end_time) - minutes(s.start_time)) / 60;
}
