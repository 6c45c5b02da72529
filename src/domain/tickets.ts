/**
 * Complaint follow-up (快递暂行条例 art.28: a complaint is handled and the customer told within
 * 7 days of receipt): each ticket's legal deadline, status against it and against the promise,
 * and percentiles for the monthly summary. Pure: `asOf` is passed in.
 */

export type TicketStatus = 'resolved_on_time' | 'resolved_late' | 'open' | 'due_soon' | 'overdue';

export interface TicketTimes {
  opened_at: number;
  promised_at: number | null;
  resolved_at: number | null;
}

export interface TicketRules {
  /** Calendar days from receipt to the legal limit (条例 art.28: 7). */
  legal_limit_days: number;
  /** An open ticket within this many hours of its deadline is due soon. */
  due_soon_hours: number;
}

export interface TicketAssessment {
  legal_deadline: number;
  /** The earlier of the promise and the legal deadline: what an open ticket is measured against. */
  deadline: number;
  status: TicketStatus;
  late_against_promise: boolean | null;
  late_against_legal_limit: boolean | null;
  age_hours: number;
}

/** Status of a ticket at `asOf` (epoch seconds); a resolution exactly at a deadline is on time. */
export function assessTicket(t: TicketTimes, asOf: number, rules: TicketRules): TicketAssessment {
  const legal = t.opened_at + rules.legal_limit_days * 86400;
  const deadline = t.promised_at !== null && t.promised_at < legal ? t.promised_at : legal;
  const end = t.resolved_at ?? asOf;
  const age_hours = Math.round(((end - t.opened_at) / 3600) * 100) / 100;
  if (t.resolved_at !== null) {
    const lateLegal = t.resolved_at > legal;
    const latePromise = t.promised_at === null ? null : t.resolved_at > t.promised_at;
    return { legal_deadline: legal, deadline, status: lateLegal || latePromise ? 'resolved_late' : 'resolved_on_time', late_against_promise: latePromise, late_against_legal_limit: lateLegal, age_hours };
  }
  const status: TicketStatus = asOf > deadline ? 'overdue' : asOf >= deadline - rules.due_soon_hours * 3600 ? 'due_soon' : 'open';
  return { legal_deadline: legal, deadline, status, late_against_promise: t.promised_at === null ? null : asOf > t.promised_at, late_against_legal_limit: asOf > legal, age_hours };
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (rank - lo);
}
