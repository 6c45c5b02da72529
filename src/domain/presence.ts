/**
 * Operator presence (docs/metrics.md, "Presence"): login sessions and pauses built from the
 * events of one operator, and what a day (or any window) holds of them: logged-in, paused and
 * available time, pauses by reason, and unauthorized absence (保持电话畅通, 不得擅自离岗: a pause
 * without an allowed reason, or an allowed pause beyond its daily allowance). Pure: the caller
 * passes the events in order, the window and the end of the data.
 */
import { PAUSE_REASONS } from './kinds.js';
import { roundTo } from './kpi.js';

/** One stored event of an operator. */
export interface PresenceEvent {
  /** Epoch seconds. */
  at: number;
  /** login, logout, pause, unpause, or a state the file wrote that hotline does not know (kept, not used). */
  state: string;
  reason: string | null;
  /** The queue (Asterisk member events are per queue); null, '' and NONE: no queue. */
  queue: string | null;
  /** The event's place among events of the same second (its line): earlier first. */
  order: number;
}

/** What ended an interval: a logout, the next login (no logout before it), an unpause, a pause with another reason. */
export type IntervalEnd = 'logout' | 'relogin' | 'unpause' | 'reason';

export interface PresenceInterval {
  kind: 'session' | 'pause';
  start: number;
  /** null: still open at the end of the data (shown as such, not guessed). */
  end: number | null;
  /** A pause's reason (null: none given); null for a session. */
  reason: string | null;
  end_by: IntervalEnd | null;
}

export interface PresenceBuild {
  /** Sessions and pauses in order of start (a session before the pauses in it). */
  intervals: PresenceInterval[];
  /** Logins into a queue the operator was already logged into: the session before was closed at that login. (The counts are of events from `countFrom` on.) */
  relogins: number;
  /** Logouts, pauses and unpauses while logged out: not counted. */
  outside: number;
  /** Events whose state hotline does not know: kept, not used. */
  unknown: number;
}

const RANK: Readonly<Record<string, number>> = { login: 0, pause: 1, unpause: 2, logout: 3 };

/** Events in the order they are replayed: by time, then their place (line), then login, pause, unpause, logout (an ADDMEMBER … PAUSED is a login and a pause on one line). */
export function sortPresenceEvents<E extends PresenceEvent>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => a.at - b.at || a.order - b.order || (RANK[a.state] ?? 4) - (RANK[b.state] ?? 4));
}

const queueOf = (q: string | null): string => (q === null || q === 'NONE' ? '' : q);
const reasonOf = (r: string | null): string | null => (r === null || r.trim() === '' ? null : r);

/**
 * Issue 20: a session runs from login to logout; a pause from pause to unpause, and a pause with
 * another reason while paused closes one pause and opens the next (the same reason again, as a
 * PAUSEALL's per-queue PAUSE lines, changes nothing); a logout closes the pause; a login into a
 * queue the operator is already in (no logout before it) closes the session at that login; what
 * is open at the end of the data stays open. Presence is per operator: logged in while in at
 * least one queue (a logout with no queue leaves them all), paused or not whatever the queue.
 * `events` are one operator's, in order (sortPresenceEvents); the counts of what was not used are
 * of the events from `countFrom` on (those an import brought, when it replays older ones too).
 */
export function buildPresenceIntervals(events: readonly PresenceEvent[], countFrom = -Infinity): PresenceBuild {
  const out: PresenceBuild = { intervals: [], relogins: 0, outside: 0, unknown: 0 };
  const queues = new Set<string>();
  /** The open session's start and the open pause, if any. */
  const open: { session: number | null; pause: { start: number; reason: string | null } | null } = { session: null, pause: null };
  const closePause = (at: number, by: IntervalEnd): void => {
    const p = open.pause;
    if (p && at > p.start) out.intervals.push({ kind: 'pause', start: p.start, end: at, reason: p.reason, end_by: by });
    open.pause = null;
  };
  const closeSession = (at: number, by: 'logout' | 'relogin'): void => {
    closePause(at, by);
    if (open.session !== null && at > open.session) out.intervals.push({ kind: 'session', start: open.session, end: at, reason: null, end_by: by });
    open.session = null;
    queues.clear();
  };
  for (const e of events) {
    const queue = queueOf(e.queue);
    const counted = e.at >= countFrom ? 1 : 0;
    if (e.state === 'login') {
      if (queues.has(queue)) {
        out.relogins += counted;
        closeSession(e.at, 'relogin');
      }
      open.session ??= e.at;
      queues.add(queue);
    } else if (e.state === 'logout' || e.state === 'pause' || e.state === 'unpause') {
      if (open.session === null) {
        out.outside += counted;
      } else if (e.state === 'logout') {
        if (queue === '') queues.clear();
        else if (queues.has(queue)) queues.delete(queue);
        else {
          out.outside += counted;
          continue;
        }
        if (queues.size === 0) closeSession(e.at, 'logout');
      } else if (e.state === 'unpause') {
        closePause(e.at, 'unpause');
      } else {
        const reason = reasonOf(e.reason);
        if (open.pause && open.pause.reason === reason) continue;
        closePause(e.at, 'reason');
        open.pause = { start: e.at, reason };
      }
    } else {
      out.unknown += counted;
    }
  }
  if (open.pause) out.intervals.push({ kind: 'pause', start: open.pause.start, end: null, reason: open.pause.reason, end_by: null });
  if (open.session !== null) out.intervals.push({ kind: 'session', start: open.session, end: null, reason: null, end_by: null });
  out.intervals.sort((a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'session' ? -1 : 1));
  return out;
}

/** The code of a pause reason hotline knows (午休 → lunch), else the text as written (trimmed); null for none. */
export function pauseReasonCode(text: string | null): string | null {
  const t = text?.trim() ?? '';
  if (t === '') return null;
  const lower = t.toLowerCase();
  for (const [code, words] of Object.entries(PAUSE_REASONS)) if (code === lower || (words as readonly string[]).some((w) => w.toLowerCase() === lower)) return code;
  return t;
}

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
 * Issue 20: operators logged in, and logged in and not paused, averaged over each window (an
 * hour of `stats daily`, or N minutes for staffing), 2 decimals: the operators' seconds in the
 * window ÷ its length. `operators` holds each operator's intervals.
 */
export function staffedIn(operators: Iterable<readonly PresenceInterval[]>, windows: readonly Window[], dataEnd: number): Staffed[] {
  const sums = windows.map(() => ({ session: 0, pause: 0 }));
  for (const intervals of operators) {
    for (const iv of intervals) {
      windows.forEach((w, i) => {
        const s = overlap(iv, w, dataEnd);
        if (s > 0) (sums[i] as { session: number; pause: number })[iv.kind] += s;
      });
    }
  }
  return windows.map((w, i) => {
    const { session, pause } = sums[i] as { session: number; pause: number };
    const length = w.end - w.start;
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
