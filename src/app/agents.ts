/**
 * Operator presence per day (docs/metrics.md, "Presence"): each operator's sessions and pauses
 * from the database, split at local midnight and measured by the pure rules, next to the calls
 * they answered (handle time, occupancy, utilisation); summed over a range by day, operator or
 * team; the unauthorized absences with their times; and operators logged in and available per
 * hour, for `stats daily`.
 */
import type Database from 'better-sqlite3';
import { addDays, epochToLocal, formatLocalDateTime, startOfLocalDay, type IsoDate } from '../domain/dates.js';
import { EMPTY_AGGREGATE, roundTo, talkKnown, type CallAggregate } from '../domain/kpi.js';
import type { PresenceInterval } from '../domain/presence.js';
import { clockSlots, presenceIn, staffedIn, type Absence, type PresenceFigures, type PresenceRules, type Staffed, type Window } from '../domain/presence-day.js';
import { presenceIntervals, presenceSpan } from '../db/queries/presence.js';
import { aggregateCalls, operatorDirectory } from '../db/queries/stats.js';
import { summaryThresholds } from '../db/queries/stats-days.js';

/** One operator's day: presence and the calls answered. */
export interface AgentDay extends Omit<PresenceFigures, 'first_login' | 'last_logout' | 'absences'> {
  date: IsoDate;
  operator_id: string;
  name: string | null;
  team: string | null;
  first_login: number | null;
  last_logout: number | null;
  answered: number;
  /** Talk + hold + after-call work of the answered calls; null when none has a talk time. */
  handle_seconds: number | null;
  absences: Absence[];
}

/** The days of a range as the database holds their presence. */
export interface PresenceDays {
  /** The end of the data (the latest event): open intervals count up to it; null with no presence at all. */
  data_end: number | null;
  days: AgentDay[];
}

/** What a day with no presence of the operator is (answered calls while logged out). */
const NOBODY: Omit<PresenceFigures, 'absences'> = {
  first_login: null, last_logout: null, open: false, logged_in_seconds: 0, paused_seconds: 0, paused_by_reason: {}, available_seconds: 0, pauses: 0, relogins: 0, unauthorized_seconds: 0,
};

/** The local day `date` as a window of epoch seconds. */
export function dayWindow(date: IsoDate, zone: string): Window {
  return { start: startOfLocalDay(date, zone), end: startOfLocalDay(addDays(date, 1), zone) };
}

/** Each day from `from` to `to`. */
function daysFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Every operator's presence on each day of [from, to], with the inbound calls they answered that
 * day; a day the presence data covers also lists an operator who answered calls with no session.
 */
export function presenceDays(db: Database.Database, q: { from: IsoDate; to: IsoDate; zone: string; rules: PresenceRules; operator?: string }): PresenceDays {
  const span = presenceSpan(db);
  if (!span) return { data_end: null, days: [] };
  const all = presenceIntervals(db, dayWindow(q.from, q.zone).start, dayWindow(q.to, q.zone).end, q.operator);
  const directory = operatorDirectory(db);
  // Answered calls and handle time do not depend on the thresholds: those of the summary, so that it is read.
  const defs = summaryThresholds(db) ?? { threshold_seconds: 15, short_abandon_seconds: 5 };
  const dates = daysFrom(q.from, q.to);
  const windows = dates.map((d) => dayWindow(d, q.zone));
  const byDay = bucketByDay(all, windows, span.last);
  const days: AgentDay[] = [];
  dates.forEach((date, i) => {
    const w = windows[i] as Window;
    const covered = w.start <= span.last && w.end > span.first;
    const calls = new Map<string, CallAggregate>();
    for (const g of aggregateCalls(db, { from: date, to: date, direction: 'inbound', groupBy: 'operator', defs })) {
      if (g.key !== null && g.answered > 0 && (q.operator === undefined || g.key === q.operator)) calls.set(String(g.key), g);
    }
    const figures = new Map<string, PresenceFigures>();
    for (const [operator, intervals] of byDay[i] as Map<string, PresenceInterval[]>) {
      const f = presenceIn(intervals, w, span.last, q.rules);
      if (f) figures.set(operator, f);
    }
    const ids = [...new Set([...figures.keys(), ...(covered ? calls.keys() : [])])].sort();
    for (const id of ids) {
      const f = figures.get(id) ?? { ...NOBODY, absences: [] };
      const a = calls.get(id) ?? EMPTY_AGGREGATE;
      const who = directory.get(id);
      days.push({ ...f, date, operator_id: id, name: who?.name ?? null, team: who?.team ?? null, answered: a.answered, handle_seconds: talkKnown(a) ? a.handle_sum : null });
    }
  });
  return { data_end: span.last, days };
}

/** Each operator's intervals by the day windows they touch (an open interval runs to `dataEnd`): a day looks at its own only. */
function bucketByDay(all: ReadonlyMap<string, PresenceInterval[]>, windows: readonly Window[], dataEnd: number): Map<string, PresenceInterval[]>[] {
  const out = windows.map(() => new Map<string, PresenceInterval[]>());
  /** The index of the window holding `t` (the first or last one for a time outside them). */
  const dayOf = (t: number): number => {
    let lo = 0;
    let hi = windows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((windows[mid] as Window).start <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const [operator, intervals] of all) {
    for (const iv of intervals) {
      const end = iv.end ?? Math.max(dataEnd, iv.start);
      for (let d = dayOf(iv.start); d <= dayOf(Math.max(iv.start, end - 1)); d++) {
        const day = out[d] as Map<string, PresenceInterval[]>;
        let list = day.get(operator);
        if (!list) day.set(operator, (list = []));
        list.push(iv);
      }
    }
  }
  return out;
}

/** A row of figures: presence summed, and the ratios computed from the sums. */
export interface AgentFigures {
  first_login: string | null;
  last_logout: string | null;
  open: boolean;
  logged_in_seconds: number;
  paused_seconds: number;
  paused_by_reason: Record<string, number>;
  available_seconds: number;
  answered: number;
  handle_seconds: number | null;
  occupancy: number | null;
  utilisation: number | null;
  answered_per_available_hour: number | null;
  pauses: number;
  relogins: number;
  unauthorized_seconds: number;
}

/** Issue 20: the figures of some operator-days added up; occupancy = handle ÷ available, utilisation = handle ÷ logged in, answered per available hour. */
export function sumDays(days: readonly AgentDay[], zone: string): AgentFigures {
  const local = (t: number | null): string | null => (t === null ? null : formatLocalDateTime(epochToLocal(t, zone)));
  const sum = (k: 'logged_in_seconds' | 'paused_seconds' | 'available_seconds' | 'answered' | 'pauses' | 'relogins' | 'unauthorized_seconds'): number => days.reduce((s, d) => s + d[k], 0);
  const byReason: Record<string, number> = {};
  for (const d of days) for (const [r, s] of Object.entries(d.paused_by_reason)) byReason[r] = (byReason[r] ?? 0) + s;
  const logins = days.map((d) => d.first_login).filter((t): t is number => t !== null);
  const latest = days.filter((d) => d.first_login !== null).at(-1);
  const handle = days.some((d) => d.handle_seconds === null) ? null : days.reduce((s, d) => s + (d.handle_seconds ?? 0), 0);
  const [loggedIn, available, answered] = [sum('logged_in_seconds'), sum('available_seconds'), sum('answered')];
  const ratio = (a: number | null, b: number, places: number): number | null => (a === null || b === 0 ? null : roundTo(a / b, places));
  return {
    first_login: local(logins.length > 0 ? Math.min(...logins) : null),
    last_logout: latest && !latest.open ? local(Math.max(...days.map((d) => d.last_logout ?? 0))) : null,
    open: latest?.open ?? false,
    logged_in_seconds: loggedIn,
    paused_seconds: sum('paused_seconds'),
    paused_by_reason: byReason,
    available_seconds: available,
    answered,
    handle_seconds: handle,
    occupancy: ratio(handle, available, 4),
    utilisation: ratio(handle, loggedIn, 4),
    answered_per_available_hour: ratio(answered, available / 3600, 2),
    pauses: sum('pauses'),
    relogins: sum('relogins'),
    unauthorized_seconds: sum('unauthorized_seconds'),
  };
}

/**
 * Issue 20: operators logged in and available on average over each hour of `date` (null for an
 * hour the presence data does not cover: before the first event or after the last; and for an
 * hour the clock skips on the day summer time begins, which has no time to average over).
 */
export function staffedByHour(db: Database.Database, date: IsoDate, zone: string): (Staffed | null)[] {
  const span = presenceSpan(db);
  const w = dayWindow(date, zone);
  const slots = clockSlots(w, zone, 60);
  const byHour: (Staffed | null)[] = Array.from({ length: 24 }, () => null);
  if (!span) return byHour;
  const staffed = staffedIn(presenceIntervals(db, w.start, w.end).values(), slots.map(([, windows]) => windows), span.last);
  slots.forEach(([minute, windows], i) => {
    const from = (windows[0] as Window).start;
    const to = (windows[windows.length - 1] as Window).end;
    if (from <= span.last && to > span.first) byHour[minute / 60] = staffed[i] as Staffed;
  });
  return byHour;
}
