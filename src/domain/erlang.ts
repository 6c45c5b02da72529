/**
 * Erlang C (docs/metrics.md, "Staffing: the Erlang C model"): how many agents an interval's calls
 * need so that a share of them is answered within a threshold. Pure arithmetic; the Erlang B
 * recurrence keeps it exact to floating point for any traffic (no factorials, no powers), so
 * 3,000 calls an hour (150 erlangs) is as safe as 3.
 */
import { roundTo } from './kpi.js';

/** What the agents must achieve: the service-level goal and the most a busy agent may be occupied. */
export interface StaffingGoal {
  /** Answered within this many seconds counts (kpi.threshold_seconds: three rings = 15 s). */
  threshold_seconds: number;
  /** The share of calls to answer within the threshold, 0 < target < 1 (kpi.service_level_target). */
  target: number;
  /** The highest occupancy allowed, 0 < max ≤ 1 (staffing.max_occupancy). */
  max_occupancy: number;
}

/** An interval's calls: how many arrive (a forecast may be fractional), in how long, and how long each takes. */
export interface IntervalLoad {
  calls: number;
  interval_seconds: number;
  /** Average handle time (talk + hold + after-call work), > 0. */
  aht_seconds: number;
}

/** What N agents give for an interval's calls: service level, probability of waiting, ASA, occupancy (null when there are no calls). */
export interface AgentMeasures {
  service_level: number | null;
  p_wait: number | null;
  asa_seconds: number | null;
  occupancy: number | null;
}

/** The requirement of an interval: its traffic, the agents needed, and what they give. */
export interface Requirement extends AgentMeasures {
  traffic_erlangs: number;
  agents: number;
}

/** Offered traffic in erlangs: calls × AHT ÷ interval length (Erlang's definition of traffic intensity). */
export function trafficErlangs(load: IntervalLoad): number {
  return (load.calls * load.aht_seconds) / load.interval_seconds;
}

/** Erlang B of N agents by the recurrence B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)): each step a ratio of numbers of the same size. */
function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

type Measures = { service_level: number; p_wait: number; asa_seconds: number; occupancy: number };

/**
 * What N > A agents give, from Erlang B of N: P_wait = C(N, A) = N·B / (N − A·(1 − B)),
 * SL = 1 − P_wait·e^(−(N−A)·T/AHT), ASA = P_wait·AHT / (N − A), occupancy A / N.
 */
function measuresOf(agents: number, traffic: number, b: number, load: IntervalLoad, threshold: number): Measures {
  const spare = agents - traffic;
  const pWait = (agents * b) / (agents - traffic * (1 - b));
  return {
    service_level: 1 - pWait * Math.exp((-spare * threshold) / load.aht_seconds),
    p_wait: pWait,
    asa_seconds: (pWait * load.aht_seconds) / spare,
    occupancy: traffic / agents,
  };
}

/** A tolerance for comparing computed shares with a goal written in decimals (0.8 is not exact in binary). */
const EPSILON = 1e-12;

const NO_CALLS: Requirement = { traffic_erlangs: 0, agents: 0, service_level: null, p_wait: null, asa_seconds: null, occupancy: null };

/**
 * The smallest number of agents N > A whose service level reaches the target with occupancy at
 * most the maximum (Erlang C, docs/metrics.md); no calls need no agents. Rates are rounded to 4
 * decimals, ASA to 2, traffic to 4.
 */
export function requiredAgents(load: IntervalLoad, goal: StaffingGoal): Requirement {
  const traffic = trafficErlangs(load);
  if (!(traffic > 0)) return NO_CALLS;
  const byOccupancy = Math.ceil(traffic / goal.max_occupancy - EPSILON);
  let b = 1;
  for (let n = 1; ; n++) {
    b = (traffic * b) / (n + traffic * b);
    if (n <= traffic || n < byOccupancy) continue;
    const m = measuresOf(n, traffic, b, load, goal.threshold_seconds);
    // P_wait falls towards 0 as N grows, so the service level reaches any target below 1.
    if (m.service_level >= goal.target - EPSILON) return rounded(traffic, n, m);
  }
}

/**
 * What `agents` give for an interval's calls (Erlang C). Too few (N ≤ A): every call waits and
 * the queue grows without end (service level 0, ASA n/a, occupancy 1); no calls: all null.
 */
export function agentMeasures(agents: number, load: IntervalLoad, threshold: number): Requirement {
  const traffic = trafficErlangs(load);
  if (!(traffic > 0)) return { ...NO_CALLS, agents };
  if (agents <= traffic) return { traffic_erlangs: roundTo(traffic, 4), agents, service_level: 0, p_wait: 1, asa_seconds: null, occupancy: 1 };
  return rounded(traffic, agents, measuresOf(agents, traffic, erlangB(agents, traffic), load, threshold));
}

function rounded(traffic: number, agents: number, m: Measures): Requirement {
  return {
    traffic_erlangs: roundTo(traffic, 4),
    agents,
    service_level: roundTo(m.service_level, 4),
    p_wait: roundTo(m.p_wait, 4),
    asa_seconds: roundTo(m.asa_seconds, 2),
    occupancy: roundTo(m.occupancy, 4),
  };
}

/**
 * Heads to schedule so that `agents` are on the phones: agents ÷ (1 − shrinkage), rounded up
 * (shrinkage: the share of paid time away from the phones: breaks, training, meetings, absence).
 */
export function scheduledHeadcount(agents: number, shrinkage: number): number {
  // The tolerance: 14 / (1 − 0.3) is 20.000000000000004 in binary, still 20 heads (and 0 stays 0, not −0).
  return Math.max(0, Math.ceil(agents / (1 - shrinkage) - 1e-9));
}
