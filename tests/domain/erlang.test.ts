// Erlang C (src/domain/erlang.ts, docs/metrics.md "Staffing"): the published worked example,
// hand-computed edge cases, and traffic far beyond what factorials survive. Reference values for
// 150 erlangs were computed apart with exact factorial sums (Python's Decimal, 60 digits):
// C(N, A) = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)).
import { describe, expect, test } from 'vitest';
import { agentMeasures, requiredAgents, scheduledHeadcount, trafficErlangs, type IntervalLoad, type StaffingGoal } from '../../src/domain/erlang.js';

const HALF_HOUR = 1800;
const goal = (g: Partial<StaffingGoal> = {}): StaffingGoal => ({ threshold_seconds: 15, target: 0.8, max_occupancy: 0.85, ...g });
const load = (calls: number, aht_seconds = 180, interval_seconds = HALF_HOUR): IntervalLoad => ({ calls, aht_seconds, interval_seconds });

describe('the published worked example: 100 calls in 30 minutes, AHT 180 s, 80 % within 20 s', () => {
  // callcentrehelper.com, "Erlang C formula: made simple with an easy worked example": traffic
  // 100 × 180 / 1800 = 10 erlangs; 14 agents give P_wait 17.4 %, SL 88.8 %, ASA 7.8 s.
  const example = load(100);
  const twenty = goal({ threshold_seconds: 20 });

  test('traffic is 10 erlangs', () => {
    expect(trafficErlangs(example)).toBe(10);
  });

  test('14 agents: service level 88.8 %, P_wait 17.4 %, ASA ≈ 7.8 s, occupancy 10/14', () => {
    expect(requiredAgents(example, twenty)).toEqual({ traffic_erlangs: 10, agents: 14, service_level: 0.8884, p_wait: 0.1741, asa_seconds: 7.84, occupancy: 0.7143 });
  });

  test('13 agents give 79.6 %: short of 80 %', () => {
    expect(agentMeasures(13, example, 20)).toEqual({ traffic_erlangs: 10, agents: 13, service_level: 0.7956, p_wait: 0.2853, asa_seconds: 17.12, occupancy: 0.7692 });
  });

  test('an occupancy cap of 70 % needs 15 (10/14 = 71.4 % is too busy): SL 94.1 %, ASA 3.67 s', () => {
    expect(requiredAgents(example, { ...twenty, max_occupancy: 0.7 })).toEqual({ traffic_erlangs: 10, agents: 15, service_level: 0.9415, p_wait: 0.102, asa_seconds: 3.67, occupancy: 0.6667 });
  });
});

describe('edge cases, by hand (T = 15 s, target 80 %, AHT 180 s, 30 minutes unless said)', () => {
  test('0 calls → 0 agents, nothing to measure', () => {
    expect(requiredAgents(load(0), goal())).toEqual({ traffic_erlangs: 0, agents: 0, service_level: null, p_wait: null, asa_seconds: null, occupancy: null });
  });

  // A = 0.1; B(1) = 0.1/1.1; C(1, 0.1) = B/(1 − 0.1·(1 − B)) = 0.1 (one agent: C = A);
  // SL = 1 − 0.1·e^(−0.9·15/180) = 1 − 0.1 × 0.927743 = 0.907226; ASA = 0.1 × 180 / 0.9 = 20 s.
  test('1 call → 1 agent: P_wait 0.1, SL 90.72 %, ASA 20 s, occupancy 10 %', () => {
    expect(requiredAgents(load(1), goal())).toEqual({ traffic_erlangs: 0.1, agents: 1, service_level: 0.9072, p_wait: 0.1, asa_seconds: 20, occupancy: 0.1 });
  });

  // With a goal any N > A meets, the answer is the first whole number above A: never A itself,
  // where the queue grows without end (ceil(A) would give 2 for 2 erlangs).
  test.each([
    { name: 'exactly 2 erlangs (20 calls)', calls: 20, aht: 180, expected: 3 },
    { name: 'just above 2 erlangs (2.0001)', calls: 20, aht: 180.009, expected: 3 },
    { name: 'exactly 3 erlangs (30 calls)', calls: 30, aht: 180, expected: 4 },
  ])('$name, a 10 % target, no occupancy cap → $expected', ({ calls, aht, expected }) => {
    expect(requiredAgents(load(calls, aht), goal({ target: 0.1, max_occupancy: 1 })).agents).toBe(expected);
  });

  // A = 2.9999: 3 agents keep up, but with 0.0001 erlang to spare nearly every call waits
  // (P_wait ≈ 1, SL ≈ 1 − e^(−0.0001·15/180) ≈ 0), so even a 10 % target needs 4.
  test('just below 3 erlangs (2.9999), a 10 % target → 4: 3 are allowed but answer almost nobody in time', () => {
    const nearly3 = load(30, 179.994);
    expect(agentMeasures(3, nearly3, 15)).toMatchObject({ traffic_erlangs: 2.9999, p_wait: 0.9999, service_level: 0.0001 });
    expect(requiredAgents(nearly3, goal({ target: 0.1, max_occupancy: 1 })).agents).toBe(4);
  });

  // Exact sums: A = 2: N = 3 gives 59.11 %, N = 4 85.28 %; A = 2.01: 58.64 %, 85.06 %; A = 3: N = 4
  // gives 53.13 %, N = 5 80.01 % (just over the target).
  test.each([
    { name: '2 erlangs', calls: 20, aht: 180, expected: { agents: 4, service_level: 0.8528 } },
    { name: '2.01 erlangs', calls: 20.1, aht: 180, expected: { agents: 4, service_level: 0.8506 } },
    { name: '3 erlangs', calls: 30, aht: 180, expected: { agents: 5, service_level: 0.8001 } },
  ])('$name for 80 % within 15 s → $expected.agents', ({ calls, aht, expected }) => {
    expect(requiredAgents(load(calls, aht), goal({ max_occupancy: 1 }))).toMatchObject(expected);
  });

  test('too few agents: every call waits, the queue never empties', () => {
    expect(agentMeasures(10, load(100), 20)).toEqual({ traffic_erlangs: 10, agents: 10, service_level: 0, p_wait: 1, asa_seconds: null, occupancy: 1 });
    expect(agentMeasures(3, load(0), 20)).toEqual({ traffic_erlangs: 0, agents: 3, service_level: null, p_wait: null, asa_seconds: null, occupancy: null });
  });
});

describe('3,000 calls an hour (150 erlangs): no factorial, no overflow', () => {
  const busy = load(3000, 180, 3600);

  test('by the service level alone: 159 agents (SL 82.94 %, P_wait 36.11 %, ASA 7.22 s)', () => {
    expect(requiredAgents(busy, goal({ max_occupancy: 1 }))).toEqual({ traffic_erlangs: 150, agents: 159, service_level: 0.8294, p_wait: 0.3611, asa_seconds: 7.22, occupancy: 0.9434 });
    expect(agentMeasures(158, busy, 15).service_level).toBeLessThan(0.8);
  });

  test('with the 85 % occupancy cap: ceil(150 / 0.85) = 177 agents (SL 99.79 %)', () => {
    expect(requiredAgents(busy, goal())).toEqual({ traffic_erlangs: 150, agents: 177, service_level: 0.9979, p_wait: 0.0197, asa_seconds: 0.13, occupancy: 0.8475 });
  });

  test('100,000 calls an hour still gives a finite answer above A / max occupancy', () => {
    const r = requiredAgents(load(100_000, 300, 3600), goal());
    expect(r.traffic_erlangs).toBeCloseTo(8333.3333, 4);
    expect(r.agents).toBe(Math.ceil(8333.3333 / 0.85));
    expect(Number.isFinite(r.service_level)).toBe(true);
  });
});

describe('scheduled head count: agents ÷ (1 − shrinkage), rounded up', () => {
  test.each([
    // 14 / 0.7 is 20.000000000000004 in binary floating point: still 20 heads.
    { name: '14 agents, 30 % shrinkage', agents: 14, shrinkage: 0.3, expected: 20 },
    { name: '15 agents, 30 % shrinkage (21.43)', agents: 15, shrinkage: 0.3, expected: 22 },
    { name: 'no shrinkage', agents: 14, shrinkage: 0, expected: 14 },
    { name: 'no agents', agents: 0, shrinkage: 0.3, expected: 0 },
    { name: '1 agent, 35 % (1.54)', agents: 1, shrinkage: 0.35, expected: 2 },
  ])('$name → $expected', ({ agents, shrinkage, expected }) => {
    expect(scheduledHeadcount(agents, shrinkage)).toBe(expected);
  });
});
