/**
 * What a day (or any window) holds of an operator's sessions and pauses (docs/metrics.md,
 * "Presence"): logged-in, paused and available time, pauses by reason, and unauthorized absence
 * (保持电话畅通, 不得擅自离岗: a pause without an allowed reason, or an allowed pause beyond its
 * daily allowance); operators logged in and available per window; adherence for the appraisal.
 * Pure: the caller passes the intervals, the window and the end of the data.
 */
import { epochToLocal } from './dates.js';
import { roundTo } from './kpi.js';
import { pauseReasonCode, type PresenceInterval } from './presence.js';

/** The policy's presence rules (docs/policy.md, `presence`). */
export interface PresenceRules {
  /** Pause reasons that are allowed (codes or the company's own words); any other reason, or none, is unauthorized. */
  allowed_reasons: readonly string[];
  /** Minutes a day of an allowed reason before the rest is unauthorized; a reason not listed has no limit. */
  allowance_minutes: Readonly<Record<string, number>>;
}

/** The key paused_by_reason uses for a pause without a reason. */
export const NO_REASON = '(none)';

/** Why a pause counts as unauthorized absence. */
export type AbsenceWhy = 'no_reason' | 'not_allowed' | 'over_allowance';

/** A pause (its part in the window) that is unauthorized absence, wholly or past its allowance. */
export interface Absence {
  /** The whole pause: start, and end (null: open at the end of the data). */
  start: number;
  end: number | null;
  reason: string | null;
  /** Its seconds in the window. */
  seconds: number;
  unauthorized_seconds: number;
  why: AbsenceWhy;
}

/** What one operator's presence is in a window (a local day). */
export interface PresenceFigures {
  /** The start of the first session in the window (it may have begun before), null without one. */
  first_login: number | null;
  /** The end of the last session in the window (it may end after), null when it is still open or there is none. */
  last_logout: number | null;
  /** The last session in the window is still open at the end of the data. */
  open: boolean;
  logged_in_seconds: number;
  paused_seconds: number;
  paused_by_reason: Record<string, number>;
  available_seconds: number;
  /** Pauses that begin in the window. */
  pauses: number;
  /** Sessions closed in the window (a relogin at midnight: the day before) by a login without a logout before it. */
  relogins: number;
  unauthorized_seconds: number;
  absences: Absence[];
}

export interface Window {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Seconds of [start, end) inside the window; an open interval runs to the end of the data. */
function overlap(iv: PresenceInterval, w: Window, dataEnd: number): number {
  const end = iv.end ?? Math.max(dataEnd, iv.start);
  return Math.max(0, Math.min(end, w.end) - Math.max(iv.start, w.start));
}

const touches = (iv: PresenceInterval, w: Window, dataEnd: number): boolean => iv.start < w.end && (iv.end ?? Math.max(dataEnd, iv.start)) > w.start;

/** The reason as the policy is matched against it: the code of a known reason, else the text in lower case. */
const ruleKey = (reason: string): string => (pauseReasonCode(reason) ?? '').toLowerCase();

/**
 * Issue 20: one operator's presence in a window (a local day: sessions across midnight are
 * split there), from the operator's intervals; open intervals count up to `dataEnd`, the end of
 * the data. Unauthorized absence: a pause without a reason or with one not in `allowed_reasons`
 * (all of it), and the part of an allowed reason's pauses beyond its `allowance_minutes` of the
 * window, in time order. undefined when no interval touches the window.
 */
export function presenceIn(intervals: readonly PresenceInterval[], w: Window, dataEnd: number, rules: PresenceRules): PresenceFigures | undefined {
  const sessions = intervals.filter((iv) => iv.kind === 'session' && touches(iv, w, dataEnd));
  if (sessions.length === 0) return undefined;
  const pauses = intervals.filter((iv) => iv.kind === 'pause' && touches(iv, w, dataEnd)).sort((a, b) => a.start - b.start);
  const last = sessions[sessions.length - 1] as PresenceInterval;
  const allowed = new Set(rules.allowed_reasons.map(ruleKey));
  const allowance = new Map(Object.entries(rules.allowance_minutes).map(([r, m]) => [ruleKey(r), m * 60]));
  const used = new Map<string, number>();
  const byReason: Record<string, number> = {};
  const absences: Absence[] = [];
  let paused = 0;
  for (const p of pauses) {
    const seconds = overlap(p, w, dataEnd);
    paused += seconds;
    const label = p.reason ?? NO_REASON;
    byReason[label] = (byReason[label] ?? 0) + seconds;
    const key = p.reason === null ? '' : ruleKey(p.reason);
    let why: AbsenceWhy | undefined;
    let over = seconds;
    if (p.reason === null) why = 'no_reason';
    else if (!allowed.has(key)) why = 'not_allowed';
    else {
      const limit = allowance.get(key);
      const before = used.get(key) ?? 0;
      used.set(key, before + seconds);
      over = limit === undefined ? 0 : Math.min(seconds, Math.max(0, before + seconds - limit));
      if (over > 0) why = 'over_allowance';
    }
    if (why) absences.push({ start: p.start, end: p.end, reason: p.reason, seconds, unauthorized_seconds: over, why });
  }
  const loggedIn = sessions.reduce((s, iv) => s + overlap(iv, w, dataEnd), 0);
  return {
    first_login: (sessions[0] as PresenceInterval).start,
    last_logout: last.end,
    open: last.end === null,
    logged_in_seconds: loggedIn,
    paused_seconds: paused,
    paused_by_reason: byReason,
    available_seconds: loggedIn - paused,
    pauses: pauses.filter((p) => p.start >= w.start).length,
    relogins: sessions.filter((s) => s.end_by === 'relogin' && (s.end as number) > w.start && (s.end as number) <= w.end).length,
    unauthorized_seconds: absences.reduce((s, a) => s + a.unauthorized_seconds, 0),
    absences,
  };
}

/** Operators logged in and available, on average over a window (seconds of presence ÷ the window's seconds). */
export interface Staffed {
  logged_in: number;
  available: number;
}


/**
 * The slots of `minutes` of the local clock in the day `day` (its start and end, epoch seconds):
 * each slot's start in minutes after local midnight, with the time it covers. Calls are put in the
 * same slots (their local hour and minute), so the two line up. On a day the clocks change, a slot
 * the clock skips is absent, and one the clock passes twice covers both passes. Slots of elapsed
 * time from midnight start on the clock's, since clocks change by whole hours (Australia/Lord_Howe's
 * 30-minute change aside, as for the calls).
 */
export function clockSlots(day: Window, zone: string, minutes: number): [minute: number, windows: Window[]][] {
  const byMinute = new Map<number, Window[]>();
  for (let t = day.start; t < day.end; t += minutes * 60) {
    const clock = epochToLocal(t, zone);
    const minute = clock.hour * 60 + clock.minute;
    const windows = byMinute.get(minute) ?? [];
    windows.push({ start: t, end: Math.min(day.end, t + minutes * 60) });
    byMinute.set(minute, windows);
  }
  return [...byMinute].sort(([a], [b]) => a - b);
}

/**
 * Issue 20: operators logged in, and logged in and not paused, averaged over each slot (an hour of
 * `stats daily`, or N minutes for staffing: clockSlots), 2 decimals: the operators' seconds in the
 * slot's windows (two for a slot the clock passes twice) ÷ their total length. `operators` holds
 * each operator's intervals.
 */
export function staffedIn(operators: Iterable<readonly PresenceInterval[]>, slots: readonly (readonly Window[])[], dataEnd: number): Staffed[] {
  const sums = slots.map(() => ({ session: 0, pause: 0 }));
  for (const intervals of operators) {
    for (const iv of intervals) {
      slots.forEach((windows, i) => {
        for (const w of windows) {
          const s = overlap(iv, w, dataEnd);
          if (s > 0) (sums[i] as { session: number; pause: number })[iv.kind] += s;
        }
      });
    }
  }
  return slots.map((windows, i) => {
    const { session, pause } = sums[i] as { session: number; pause: number };
    const length = windows.reduce((n, w) => n + (w.end - w.start), 0);
    return { logged_in: roundTo(session / length, 2), available: roundTo((session - pause) / length, 2) };
  });
}


/** Logged-in time and unauthorized absence of an operator over a period (the appraisal's month). */
export interface PresenceSums {
  logged_in_seconds: number;
  unauthorized_seconds: number;
}

/**
 * Issue 20 (docs/metrics.md, "Appraisal: indicators"): adherence = 1 − unauthorized absence ÷
 * logged-in time; null (no data) without logged-in time.
 */
export function adherenceOf(p: PresenceSums | undefined): number | null {
  return p === undefined || p.logged_in_seconds <= 0 ? null : 1 - p.unauthorized_seconds / p.logged_in_seconds;
}
