/**
 * Call-centre KPIs from aggregated counts and sums (docs/metrics.md). Pure:
 * callers aggregate the calls (in SQL) and pass the sums; merging sums is exact, so any period
 * or group can be folded from finer ones.
 */

/** Service-level formula: A answered≤T / offered; B answered≤T / (offered − abandoned≤T); C (answered≤T + abandoned≤T) / offered. */
export type ServiceLevelFormula = 'A' | 'B' | 'C';

export interface KpiDefinitions {
  /** Wait limit for "answered within three rings", inclusive (15 s: the 4th ring starts at 15 s). */
  threshold_seconds: number;
  /** Abandoned calls that waited at most this long are short abandons. */
  short_abandon_seconds: number;
  service_level_formula: ServiceLevelFormula;
}

/** Counts and sums over a set of inbound calls; every field adds up across sets except max_wait. */
export interface CallAggregate {
  offered: number;
  answered: number;
  abandoned: number;
  short_abandoned: number;
  answered_within_threshold: number;
  abandoned_within_threshold: number;
  /** Sum and count of the waits of answered calls with a known wait. */
  answered_wait_sum: number;
  answered_wait_count: number;
  /** Sum of talk + hold + after-call work of answered calls with a known talk time, and how many. */
  handle_sum: number;
  handle_count: number;
  abandon_wait_sum: number;
  abandon_wait_count: number;
  max_wait_seconds: number | null;
  talk_seconds: number;
  satisfaction_sum: number;
  satisfaction_count: number;
  complaints: number;
}

export const EMPTY_AGGREGATE: Readonly<CallAggregate> = Object.freeze({
  offered: 0, answered: 0, abandoned: 0, short_abandoned: 0, answered_within_threshold: 0, abandoned_within_threshold: 0,
  answered_wait_sum: 0, answered_wait_count: 0, handle_sum: 0, handle_count: 0, abandon_wait_sum: 0, abandon_wait_count: 0,
  max_wait_seconds: null, talk_seconds: 0, satisfaction_sum: 0, satisfaction_count: 0, complaints: 0,
});

/** The sum of two aggregates (max for the longest wait). */
export function mergeAggregates(a: CallAggregate, b: CallAggregate): CallAggregate {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof CallAggregate)[]) {
    if (key === 'max_wait_seconds') continue;
    out[key] = (a[key] as number) + (b[key] as number);
  }
  const waits = [a.max_wait_seconds, b.max_wait_seconds].filter((w): w is number => w !== null);
  out.max_wait_seconds = waits.length > 0 ? Math.max(...waits) : null;
  return out;
}

/**
 * Rounds half away from zero to `places` decimals (rates 4, seconds and ratings 2), on the
 * shortest decimal form of the number, so that 4.015 becomes 4.02 despite binary floating point.
 */
export function roundTo(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  if (String(abs).includes('e')) return (Math.sign(value) * Math.round(abs * 10 ** places)) / 10 ** places;
  const shifted = Math.round(Number(`${abs}e${places}`));
  return Math.sign(value) * Number(`${shifted}e-${places}`);
}

function ratio(numerator: number, denominator: number, places: number): number | null {
  return denominator > 0 ? roundTo(numerator / denominator, places) : null;
}

type WaitCounts = Pick<CallAggregate, 'answered' | 'abandoned' | 'answered_wait_count' | 'abandon_wait_count'>;

/**
 * Issue 17.6: whether the answered (abandoned) calls' waits are known, i.e. some of them have a
 * recorded wait, or there are none. A file without a wait column must show its within-threshold
 * counts and service level as n/a, never as 0.
 */
function answeredWaitsKnown(a: WaitCounts): boolean {
  return a.answered === 0 || a.answered_wait_count > 0;
}
function abandonedWaitsKnown(a: WaitCounts): boolean {
  return a.abandoned === 0 || a.abandon_wait_count > 0;
}

/**
 * Service level by the chosen formula (docs/metrics.md); null when its denominator is 0, or when
 * the waits it needs are unknown (A: of the answered calls; B and C: of the abandoned ones too).
 */
export function serviceLevel(a: Pick<CallAggregate, 'offered' | 'answered_within_threshold' | 'abandoned_within_threshold'> & WaitCounts, formula: ServiceLevelFormula): number | null {
  if (!answeredWaitsKnown(a) || (formula !== 'A' && !abandonedWaitsKnown(a))) return null;
  switch (formula) {
    case 'A': return ratio(a.answered_within_threshold, a.offered, 4);
    case 'B': return ratio(a.answered_within_threshold, a.offered - a.abandoned_within_threshold, 4);
    case 'C': return ratio(a.answered_within_threshold + a.abandoned_within_threshold, a.offered, 4);
  }
}

/** Every measure; a count or sum whose inputs are unknown (no wait or talk column) is null, never 0. */
export interface CallMeasures {
  offered: number;
  answered: number;
  abandoned: number;
  short_abandoned: number | null;
  answered_within_threshold: number | null;
  abandoned_within_threshold: number | null;
  service_level: number | null;
  asa_seconds: number | null;
  aht_seconds: number | null;
  abandonment_rate: number | null;
  avg_abandon_wait_seconds: number | null;
  max_wait_seconds: number | null;
  talk_seconds: number | null;
  satisfaction_avg: number | null;
  complaints: number;
}

/** Issue 17.6: whether the answered calls' talk is known (some has a talk time, or none was answered). */
export function talkKnown(a: Pick<CallAggregate, 'answered' | 'handle_count'>): boolean {
  return a.answered === 0 || a.handle_count > 0;
}

/** Every measure of docs/metrics.md from an aggregate; undefined ratios and unknown counts are null. */
export function computeMeasures(a: CallAggregate, defs: KpiDefinitions): CallMeasures {
  const answeredWaits = answeredWaitsKnown(a);
  const abandonedWaits = abandonedWaitsKnown(a);
  return {
    offered: a.offered,
    answered: a.answered,
    abandoned: a.abandoned,
    short_abandoned: abandonedWaits ? a.short_abandoned : null,
    answered_within_threshold: answeredWaits ? a.answered_within_threshold : null,
    abandoned_within_threshold: abandonedWaits ? a.abandoned_within_threshold : null,
    service_level: serviceLevel(a, defs.service_level_formula),
    asa_seconds: ratio(a.answered_wait_sum, a.answered_wait_count, 2),
    aht_seconds: ratio(a.handle_sum, a.handle_count, 2),
    abandonment_rate: ratio(a.abandoned, a.offered, 4),
    avg_abandon_wait_seconds: ratio(a.abandon_wait_sum, a.abandon_wait_count, 2),
    max_wait_seconds: a.max_wait_seconds,
    talk_seconds: talkKnown(a) ? a.talk_seconds : null,
    satisfaction_avg: ratio(a.satisfaction_sum, a.satisfaction_count, 2),
    complaints: a.complaints,
  };
}

/** One inbound or outbound call as the statistics see it. */
export interface CallFacts {
  outcome: 'answered' | 'abandoned';
  wait_seconds: number | null;
  talk_seconds: number | null;
  hold_seconds: number | null;
  acw_seconds: number | null;
  satisfaction: number | null;
  category: string | null;
}

/** Adds one call to an aggregate in place (the same sums as the SQL aggregation). */
export function addCall(a: CallAggregate, c: CallFacts, defs: Pick<KpiDefinitions, 'threshold_seconds' | 'short_abandon_seconds'>): void {
  a.offered++;
  const w = c.wait_seconds;
  if (c.outcome === 'answered') {
    a.answered++;
    if (w !== null) {
      a.answered_wait_sum += w;
      a.answered_wait_count++;
      if (w <= defs.threshold_seconds) a.answered_within_threshold++;
    }
    // Handle time needs the talk time (hold and after-call work are often not exported: 0).
    if (c.talk_seconds !== null) {
      a.handle_sum += c.talk_seconds + (c.hold_seconds ?? 0) + (c.acw_seconds ?? 0);
      a.handle_count++;
    }
  } else {
    a.abandoned++;
    if (w !== null) {
      a.abandon_wait_sum += w;
      a.abandon_wait_count++;
      if (w <= defs.threshold_seconds) a.abandoned_within_threshold++;
      if (w <= defs.short_abandon_seconds) a.short_abandoned++;
    }
  }
  if (w !== null && (a.max_wait_seconds === null || w > a.max_wait_seconds)) a.max_wait_seconds = w;
  a.talk_seconds += c.talk_seconds ?? 0;
  if (c.satisfaction !== null) {
    a.satisfaction_sum += c.satisfaction;
    a.satisfaction_count++;
  }
  if (c.category === 'complaint') a.complaints++;
}
