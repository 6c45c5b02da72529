/**
 * A training session and the helpers every part of the plan shares (docs/policy.md, issue 7):
 * the month's working days, the session record with its time slot, the schedule order. Pure.
 */
import type { WorkCalendar } from './calendar.js';
import { daysOf, firstDayOf, lastDayOf, type IsoDate, type IsoMonth } from './dates.js';
import { TRAINING_KINDS, type TrainingKind, type TrainingPolicy, type TrainingTopic } from './training-policy.js';

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

/** An operator a course found no free working day for in the month. */
export interface Unscheduled {
  operator_id: string;
  kind: TrainingKind;
  topic: string;
}

/** The working days of a month, in order. */
export function workingDaysOf(month: IsoMonth, calendar: WorkCalendar): IsoDate[] {
  return daysOf(month).filter((d) => calendar.isWorkingDay(d));
}

/** docs/policy.md: a session of `kind` on `date` in the policy's time slot for that kind, attendees by id. */
export function makeSession(date: IsoDate, kind: TrainingKind, topic: TrainingTopic, attendees: readonly string[], policy: TrainingPolicy): TrainingSession {
  const slot = policy.slots[kind];
  return { session_id: `${date}-${kind}-${topic.code}`, date, start_time: slot.start, end_time: slot.end, kind, topic: topic.code, topic_name: topic.name, attendees: [...attendees].sort() };
}

/** Schedule order: date, start time, kind (onboarding first), topic. */
export function bySchedule(a: TrainingSession, b: TrainingSession): number {
  return a.date.localeCompare(b.date) || a.start_time.localeCompare(b.start_time) || TRAINING_KINDS.indexOf(a.kind) - TRAINING_KINDS.indexOf(b.kind) || a.topic.localeCompare(b.topic);
}

/** Hours of a session from its time slot. */
export function sessionHours(s: Pick<TrainingSession, 'start_time' | 'end_time'>): number {
  const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return (minutes(s.end_time) - minutes(s.start_time)) / 60;
}

export interface MonthProgress {
  /** `over`: every day is before today; `begun`: the first day is; `ahead`: none is. */
  state: 'over' | 'begun' | 'ahead';
  /** Sessions dated before today. */
  past_sessions: number;
  sessions: number;
}

/** issue 17 item 9: where a plan's month stands against `today` (the policy zone's date), so that a plan of past days is flagged. */
export function monthProgress(month: IsoMonth, today: IsoDate, sessions: readonly Pick<TrainingSession, 'date'>[]): MonthProgress {
  const state = lastDayOf(month) < today ? 'over' : firstDayOf(month) < today ? 'begun' : 'ahead';
  return { state, past_sessions: sessions.filter((s) => s.date < today).length, sessions: sessions.length };
}
