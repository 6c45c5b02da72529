/**
 * Staffing for the three-ring rule (docs/metrics.md, "Staffing"): which earlier days a forecast
 * is made from, the forecast per interval, the Erlang C requirement of a planned day, and the
 * check of a past day against the operators it had. Pure: the caller reads the calls per interval.
 */
import type { WorkCalendar } from './calendar.js';
import { addDays, type IsoDate } from './dates.js';
import { requiredAgents, scheduledHeadcount, type Requirement, type StaffingGoal } from './erlang.js';
import { EMPTY_AGGREGATE, mergeAggregates, roundTo, type CallAggregate } from './kpi.js';

/** The staffing policy (docs/policy.md, `staffing`). */
export interface StaffingPolicy {
  interval_minutes: 15 | 30 | 60;
  weeks: number;
  target: number;
  max_occupancy: number;
  shrinkage: number;
}

/** The calls of one day per interval: start minute of the local day → their sums. */
export type DayIntervals = ReadonlyMap<number, CallAggregate>;

export type SkipReason = 'holiday' | 'swapped_workday' | 'no_calls';

/** The earlier days a forecast averages, and those passed over on the way (with why). */
export interface History {
  used: IsoDate[];
  skipped: { date: IsoDate; reason: SkipReason; name: string | null }[];
}

/**
 * The same weekday of the weeks before `target`, newest first, until `weeks` days with calls are
 * found or `earliest` (the first day with calls) is passed: holidays and swapped working days are
 * left out, as their traffic is not an ordinary weekday's (issue 21).
 */
export function pickHistory(q: { target: IsoDate; weeks: number; earliest: IsoDate; calendar: WorkCalendar; hasCalls: (day: IsoDate) => boolean }): History {
  const history: History = { used: [], skipped: [] };
  for (let d = addDays(q.target, -7); d >= q.earliest && history.used.length < q.weeks; d = addDays(d, -7)) {
    const info = q.calendar.day(d);
    if (info.kind === 'holiday' || info.kind === 'swapped_workday') history.skipped.push({ date: d, reason: info.kind, name: info.name });
    else if (!q.hasCalls(d)) history.skipped.push({ date: d, reason: 'no_calls', name: null });
    else history.used.push(d);
  }
  return history;
}

/** Start minutes of the day's intervals: 0, 30, 60, … 1410 for 30 minutes. */
export function intervalStarts(minutes: number): number[] {
  return Array.from({ length: 1440 / minutes }, (_, i) => i * minutes);
}

/** AHT of an aggregate (talk + hold + after-call work of answered calls with a talk time), or null. */
export function ahtOf(a: CallAggregate): number | null {
  return a.handle_count > 0 ? a.handle_sum / a.handle_count : null;
}

/** The intervals from the first to the last that has calls (none when no interval has). */
function trimmed<T extends { start_minute: number }>(rows: T[], busy: (r: T) => boolean): T[] {
  const first = rows.findIndex(busy);
  if (first < 0) return [];
  return rows.slice(first, rows.findLastIndex(busy) + 1);
}

/** What Erlang C says an interval needs and what those agents give; null throughout when its AHT is unknown. */
export interface IntervalRequirement extends Omit<Requirement, 'traffic_erlangs' | 'agents'> {
  traffic_erlangs: number | null;
  agents: number | null;
}

/** The Erlang C requirement of an interval's calls, or null throughout when they have calls but no AHT. */
export function requirementFor(calls: number, aht: number | null, minutes: number, goal: StaffingGoal): IntervalRequirement {
  if (calls > 0 && aht === null) return { traffic_erlangs: null, agents: null, service_level: null, p_wait: null, asa_seconds: null, occupancy: null };
  // No calls: any AHT gives no traffic and no agents.
  return requiredAgents({ calls, interval_seconds: minutes * 60, aht_seconds: aht ?? 1 }, goal);
}

/** The goal of the staffing policy at threshold T. */
export function goalOf(policy: StaffingPolicy, threshold_seconds: number): StaffingGoal {
  return { threshold_seconds, target: policy.target, max_occupancy: policy.max_occupancy };
}

/** One interval of a plan: forecast calls and AHT, the Erlang C requirement, the heads to schedule. */
export interface PlanInterval extends IntervalRequirement {
  start_minute: number;
  calls: number;
  aht_seconds: number | null;
  scheduled: number | null;
}

/** A day's plan: its intervals (first to last with forecast calls), the peak and the hours needed. */
export interface DayPlan {
  intervals: PlanInterval[];
  calls: number;
  /** The interval needing the most agents (the first of equals); null without calls. */
  peak: { start_minute: number; agents: number; scheduled: number } | null;
  /** Σ agents × interval length, and the same for the scheduled heads; null when an interval's AHT is unknown. */
  agent_hours: number | null;
  scheduled_hours: number | null;
  /** Intervals with forecast calls but no answered call with a talk time: the whole day's AHT was used. */
  day_aht_used: number;
}

/** The sums of every interval, and of the whole day. */
export function pool(days: readonly DayIntervals[]): { byStart: Map<number, CallAggregate>; day: CallAggregate } {
  const byStart = new Map<number, CallAggregate>();
  let day: CallAggregate = EMPTY_AGGREGATE;
  for (const d of days) for (const [start, a] of d) {
    byStart.set(start, mergeAggregates(byStart.get(start) ?? EMPTY_AGGREGATE, a));
    day = mergeAggregates(day, a);
  }
  return { byStart, day };
}

/** Σ value × interval length in hours, or null when a value is unknown. */
export function hours(values: readonly (number | null)[], minutes: number): number | null {
  if (values.some((v) => v === null)) return null;
  return roundTo(((values as number[]).reduce((s, v) => s + v, 0) * minutes) / 60, 2);
}

/**
 * The forecast per interval: the mean of the offered calls over the history days (a day with no
 * call in the interval counts as 0), the AHT pooled over their answered calls (the whole day's
 * when the interval has none), and what Erlang C requires for it.
 */
export function planDay(history: readonly DayIntervals[], policy: StaffingPolicy, threshold_seconds: number): DayPlan {
  const { byStart, day } = pool(history);
  const goal = goalOf(policy, threshold_seconds);
  let dayAhtUsed = 0;
  const rows = intervalStarts(policy.interval_minutes).map((start): PlanInterval => {
    const a = byStart.get(start) ?? EMPTY_AGGREGATE;
    const calls = history.length > 0 ? a.offered / history.length : 0;
    const own = ahtOf(a);
    const aht = calls > 0 ? own ?? ahtOf(day) : null;
    if (calls > 0 && own === null && aht !== null) dayAhtUsed++;
    const r = requirementFor(calls, aht, policy.interval_minutes, goal);
    return { start_minute: start, calls: roundTo(calls, 2), aht_seconds: aht === null ? null : roundTo(aht, 2), ...r, scheduled: r.agents === null ? null : scheduledHeadcount(r.agents, policy.shrinkage) };
  });
  const intervals = trimmed(rows, (r) => r.calls > 0);
  let peak: DayPlan['peak'] = null;
  for (const r of intervals) if (r.agents !== null && r.scheduled !== null && (peak === null || r.agents > peak.agents)) peak = { start_minute: r.start_minute, agents: r.agents, scheduled: r.scheduled };
  return {
    intervals,
    calls: roundTo(intervals.reduce((s, r) => s + r.calls, 0), 2),
    peak,
    agent_hours: hours(intervals.map((r) => r.agents), policy.interval_minutes),
    scheduled_hours: hours(intervals.map((r) => r.scheduled), policy.interval_minutes),
    day_aht_used: dayAhtUsed,
  };
}
