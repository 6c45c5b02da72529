/**
 * The check of a past day for the three-ring rule (docs/metrics.md, "Staffing"): per interval,
 * what happened, what Erlang C says its calls needed, and who was there (presence data).
 */
import { EMPTY_AGGREGATE, roundTo, serviceLevel, type ServiceLevelFormula } from './kpi.js';
import { ahtOf, goalOf, hours, intervalStarts, pool, requirementFor, type DayIntervals, type StaffingPolicy } from './staffing.js';

/** How an interval of a past day went: fewer operators than Erlang C needed, the service level missed, or met. */
export type CheckStatus = 'understaffed' | 'missed_target' | 'met_target';

/** One interval of a past day: what happened, what Erlang C says its calls needed, and who was there. */
export interface CheckInterval {
  start_minute: number;
  offered: number;
  answered_within_threshold: number | null;
  service_level: number | null;
  aht_seconds: number | null;
  traffic_erlangs: number | null;
  agents: number | null;
  /** Mean operators available over the interval (presence data); null without it. */
  operators_available: number | null;
  /** agents − operators available (negative: more than needed); null when either is unknown. */
  shortfall: number | null;
  status: CheckStatus | null;
}

export interface DayCheck {
  /**
   * The intervals with calls: understaffed first (largest shortfall first), then those that
   * missed the target (most callers not answered within the threshold first), then the rest by time.
   */
  intervals: CheckInterval[];
  offered: number;
  service_level: number | null;
  understaffed: number;
  missed_target: number;
  agent_hours: number | null;
  available_hours: number | null;
  day_aht_used: number;
}

/** The kpi definitions a check needs: the threshold and the service-level formula (docs/metrics.md). */
export interface CheckDefinitions {
  threshold_seconds: number;
  service_level_formula: ServiceLevelFormula;
}

const STATUS_ORDER: Record<CheckStatus | 'none', number> = { understaffed: 0, missed_target: 1, met_target: 2, none: 2 };

/** Callers not answered within the threshold. */
const late = (r: CheckInterval): number => r.offered - (r.answered_within_threshold ?? 0);

function byConcern(a: CheckInterval, b: CheckInterval): number {
  const rank = STATUS_ORDER[a.status ?? 'none'] - STATUS_ORDER[b.status ?? 'none'];
  if (rank !== 0) return rank;
  if (a.status === 'understaffed') return (b.shortfall as number) - (a.shortfall as number) || a.start_minute - b.start_minute;
  if (a.status === 'missed_target') return late(b) - late(a) || (a.service_level as number) - (b.service_level as number) || a.start_minute - b.start_minute;
  return a.start_minute - b.start_minute;
}

/**
 * A past day per interval: its offered calls and service level (by the policy's formula), the
 * agents Erlang C says that volume and AHT needed, and, when presence data says how many
 * operators were available (`available`: start minute → mean operators; undefined: no data), the
 * shortfall. An interval is understaffed when fewer were available than needed.
 */
export function checkDay(actual: DayIntervals, available: ReadonlyMap<number, number> | undefined, policy: StaffingPolicy, defs: CheckDefinitions): DayCheck {
  const { day } = pool([actual]);
  const goal = goalOf(policy, defs.threshold_seconds);
  let dayAhtUsed = 0;
  const rows = intervalStarts(policy.interval_minutes).map((start): CheckInterval => {
    const a = actual.get(start) ?? EMPTY_AGGREGATE;
    const own = ahtOf(a);
    const aht = a.offered > 0 ? own ?? ahtOf(day) : null;
    if (a.offered > 0 && own === null && aht !== null) dayAhtUsed++;
    const r = requirementFor(a.offered, aht, policy.interval_minutes, goal);
    const sl = serviceLevel(a, defs.service_level_formula);
    const present = available === undefined ? null : roundTo(available.get(start) ?? 0, 2);
    const shortfall = present === null || r.agents === null ? null : roundTo(r.agents - present, 2);
    const status: CheckStatus | null = shortfall !== null && shortfall > 0 ? 'understaffed' : sl === null ? null : sl < policy.target ? 'missed_target' : 'met_target';
    return {
      start_minute: start, offered: a.offered, answered_within_threshold: a.answered > 0 && a.answered_wait_count === 0 ? null : a.answered_within_threshold,
      service_level: sl, aht_seconds: aht === null ? null : roundTo(aht, 2), traffic_erlangs: r.traffic_erlangs, agents: r.agents,
      operators_available: present, shortfall, status,
    };
  });
  const intervals = rows.filter((r) => r.offered > 0);
  return {
    intervals: [...intervals].sort(byConcern),
    offered: day.offered,
    service_level: serviceLevel(day, defs.service_level_formula),
    understaffed: intervals.filter((r) => r.status === 'understaffed').length,
    missed_target: intervals.filter((r) => r.status === 'missed_target').length,
    agent_hours: hours(intervals.map((r) => r.agents), policy.interval_minutes),
    available_hours: available === undefined ? null : hours(intervals.map((r) => r.operators_available), policy.interval_minutes),
    day_aht_used: dayAhtUsed,
  };
}
