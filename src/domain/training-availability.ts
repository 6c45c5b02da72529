/**
 * Who can attend a session on a given day (docs/policy.md, issue 17): an operator employed that
 * day, not on leave, and without another session that day. Pure: employment spans and leave days
 * are passed in. Without an `employment` map everyone is taken as employed; with one, an operator
 * missing from it is not employed.
 */
import type { IsoDate } from './dates.js';

/** Employment from the hire date to the leaving day, both included; null while still employed. */
export interface EmploymentSpan {
  hire_date: IsoDate;
  termination_date: IsoDate | null;
}

/** Employment per operator. */
export type Employment = ReadonlyMap<string, EmploymentSpan>;
/** Leave days per operator (any leave record covering the day, half days included). */
export type LeaveDays = ReadonlyMap<string, ReadonlySet<string>>;
/** Days on which an operator already has a session (filled while planning). */
export type Busy = Map<string, Set<string>>;

export interface Availability {
  employment?: Employment;
  leave?: LeaveDays;
}

/** issue 17: employed on `date`, i.e. on or after the hire date and on or before the leaving day (both included). */
export function isEmployedOn(span: EmploymentSpan, date: string): boolean {
  return span.hire_date <= date && (span.termination_date === null || date <= span.termination_date);
}

/** issue 17: `op` is employed on `date` according to `employment` (everyone is, without a map). */
export function employedOn(employment: Employment | undefined, op: string, date: string): boolean {
  if (employment === undefined) return true;
  const span = employment.get(op);
  return span !== undefined && isEmployedOn(span, date);
}

/** issue 17: `op` can attend a session on `date`: employed, not on leave, no other session that day. */
export function isFree(op: string, date: string, availability: Availability, busy?: Busy): boolean {
  return employedOn(availability.employment, op, date) && !availability.leave?.get(op)?.has(date) && !busy?.get(op)?.has(date);
}

/** Marks the attendees of `sessions` busy on their days. */
export function book(busy: Busy | undefined, sessions: readonly { date: string; attendees: readonly string[] }[]): void {
  if (!busy) return;
  for (const s of sessions) for (const op of s.attendees) (busy.get(op) ?? busy.set(op, new Set()).get(op)!).add(s.date);
}
