/**
 * The monthly appraisal (docs/metrics.md): raw indicators → 0–100 scores on linear scales →
 * weighted group scores → total, grade and consequences. Pure: callers compute the raw values
 * and pass the month, the history and the policy.
 *
 * Arithmetic: scores and weights stay unrounded floating point throughout; the total is rounded
 * once, half-up to 2 decimals (roundTo), after binary noise below 1e-9 is removed (a sum such as
 * 94.49499999999999 for a true 94.495 would otherwise round down). Displayed indicator and group
 * scores and effective weights are rounded to 2 decimals for reading only, so summing them by
 * hand may differ from `score` by 0.01.
 */
import { ACTIONS, appraisedIndicators, GROUPS, scaleOf, type Action, type AppraisalPolicy, type ScoringPolicy, type Grade, type GradeThresholds, type Group, type Indicator, type Scale } from './appraisal-policy.js';
import { monthIndex, monthsEndingAt, type IsoMonth } from './dates.js';
import { roundTo } from './kpi.js';

export type RawIndicators = Partial<Record<Indicator, number | null>>;

export interface IndicatorScore {
  /** The raw value; null when there was no data. */
  raw: number | null;
  /** 0–100 (2 decimals); null when there was no data. */
  score: number | null;
  /** Weight in its group after redistribution (%), 0 when missing. */
  weight: number;
  /** Weight in its group as the policy gives it (%). */
  base_weight: number;
}

export interface GroupScore {
  /** 0–100 (2 decimals); null when none of its indicators had data. */
  score: number | null;
  /** Weight in the total after redistribution (%), 0 when missing. */
  weight: number;
  /** Weight in the total as the policy gives it (%). */
  base_weight: number;
}

export interface OperatorScore {
  indicators: Partial<Record<Indicator, IndicatorScore>>;
  groups: Partial<Record<Group, GroupScore>>;
  /** Total 0–100, half-up to 2 decimals; null when no indicator had data. */
  score: number | null;
  grade: Grade | null;
  /** Indicators without data, in report order. */
  missing: Indicator[];
  /** One sentence per redistribution of weight, for the report. */
  redistributed: string[];
}

interface GroupState {
  group: Group;
  base_weight: number;
  /** Unrounded group score; null when no indicator had data. */
  score: number | null;
}

/** docs/metrics.md: clamp((x − zero_at) / (full_at − zero_at), 0, 1) × 100; full_at below zero_at means lower is better. */
export function scaleScore(raw: number, scale: Scale): number {
  const fraction = (raw - scale.zero_at) / (scale.full_at - scale.zero_at);
  return Math.min(1, Math.max(0, fraction)) * 100;
}

/** docs/metrics.md: grades by minimum score (inclusive): excellent 90, good 80, pass 60, fail below. */
export function gradeOf(score: number, thresholds: GradeThresholds): Grade {
  if (score >= thresholds.excellent) return 'excellent';
  if (score >= thresholds.good) return 'good';
  if (score >= thresholds.pass) return 'pass';
  return 'fail';
}

/** docs/metrics.md: weighted score, missing indicators and groups dropping out with their weight shared in proportion. */
export function scoreOperator(raw: RawIndicators, policy: ScoringPolicy): OperatorScore {
  const out: OperatorScore = { indicators: {}, groups: {}, score: null, grade: null, missing: [], redistributed: [] };
  const states = GROUPS.filter((g) => policy.groups[g].weight > 0).map((g) => scoreGroup(g, raw, policy, out));
  const present = states.filter((s) => s.score !== null);
  const absent = states.filter((s) => s.score === null);
  const presentWeight = sum(present.map((s) => s.base_weight));
  let total = 0;
  for (const s of states) {
    const weight = s.score === null ? 0 : (s.base_weight * 100) / presentWeight;
    out.groups[s.group] = { score: s.score === null ? null : round2(s.score), weight: round2(weight), base_weight: s.base_weight };
    if (s.score !== null) total += (s.score * s.base_weight) / presentWeight;
  }
  if (present.length === 0) return out;
  if (absent.length > 0) {
    out.redistributed.push(explain(absent.map((s) => s.group), sum(absent.map((s) => s.base_weight)), present.map((s) => s.group)));
  }
  out.score = round2(total);
  out.grade = gradeOf(out.score, policy.grades);
  return out;
}

/** Scores one group into `out` (its indicators, missing ones, their redistribution) and returns its unrounded score. */
function scoreGroup(group: Group, raw: RawIndicators, policy: ScoringPolicy, out: OperatorScore): GroupState {
  const weights = policy.groups[group].indicators;
  const members = appraisedIndicators(policy.groups[group]);
  const withData = members.filter((i) => isValue(raw[i]));
  const withoutData = members.filter((i) => !isValue(raw[i]));
  const presentWeight = sum(withData.map((i) => weights[i] ?? 0));
  let weighted = 0;
  for (const i of members) {
    const base = weights[i] ?? 0;
    const value = raw[i];
    if (!isValue(value)) {
      out.indicators[i] = { raw: null, score: null, weight: 0, base_weight: base };
      continue;
    }
    const score = scaleScore(value, scaleOf(policy, i));
    weighted += score * base;
    out.indicators[i] = { raw: value, score: round2(score), weight: round2((base * 100) / presentWeight), base_weight: base };
  }
  out.missing.push(...withoutData);
  const state: GroupState = { group, base_weight: policy.groups[group].weight, score: null };
  if (withData.length === 0) return state;
  if (withoutData.length > 0) out.redistributed.push(explain(withoutData, sum(withoutData.map((i) => weights[i] ?? 0)), withData));
  state.score = weighted / presentWeight;
  return state;
}

function isValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The one rounding: noise below 1e-9 removed, then half-up to 2 decimals; under 0.005 is 0 (roundTo cannot read 1e-7). */
function round2(value: number): number {
  const cleaned = Math.round(value * 1e9) / 1e9;
  return Math.abs(cleaned) < 0.005 ? 0 : roundTo(cleaned, 2);
}

/** 'suggestion_adoption: no data; its 20 % went to satisfaction and complaint_rate in proportion'. */
function explain(from: string[], weight: number, to: string[]): string {
  const share = `${from.length === 1 ? 'its' : 'their'} ${roundTo(weight, 6)} %`;
  const receivers = to.length === 1 ? to[0] : `${to.slice(0, -1).join(', ')} and ${to[to.length - 1]}`;
  return `${from.join(', ')}: no data; ${share} went to ${receivers}${to.length > 1 ? ' in proportion' : ''}`;
}

export interface MonthGrade {
  month: IsoMonth;
  grade: Grade | null;
}

export interface ConsequenceInput {
  month: IsoMonth;
  grade: Grade | null;
  /** A serious complaint against the operator in the month. */
  serious_complaint: boolean;
  /** Earlier months' grades, any order; a month absent or graded null breaks a streak. */
  history: readonly MonthGrade[];
}

/** Why an action was taken: the rule, and for a streak every month of it (issue 17 item 10). */
export type ActionCause = { rule: 'serious_complaint' } | { rule: 'fail' | 'consecutive_fails'; months: IsoMonth[] };

export interface Consequences {
  commendation: boolean;
  /** The most severe action that applies, or null. */
  action: Action | null;
  /** Every rule that gives that action. */
  action_causes: ActionCause[];
  /** The months of the excellent streak a commendation is for (empty without one). */
  commendation_months: IsoMonth[];
}

/**
 * docs/metrics.md: commendation for each completed run of `commendation.months` consecutive
 * excellent months (3, 6, 9 … in a row; not again in months 4 and 5); warning on fail;
 * reassignment review on `consecutive_fails.months` fails in a row or a serious complaint.
 */
export function consequences(input: ConsequenceInput, policy: Pick<AppraisalPolicy, 'commendation' | 'actions'>): Consequences {
  const found: { action: Action; cause: ActionCause }[] = [];
  const rules = policy.actions;
  if (input.serious_complaint && rules.serious_complaint) found.push({ action: rules.serious_complaint, cause: { rule: 'serious_complaint' } });
  if (input.grade === 'fail') {
    if (rules.fail) found.push({ action: rules.fail, cause: { rule: 'fail', months: [input.month] } });
    const c = rules.consecutive_fails;
    const fails = streakOf('fail', input);
    if (c.action && fails >= c.months) found.push({ action: c.action, cause: { rule: 'consecutive_fails', months: monthsEndingAt(input.month, fails) } });
  }
  const excellent = streakOf('excellent', input);
  const commendation = excellent > 0 && excellent % policy.commendation.months === 0;
  const action = found.map((f) => f.action).sort((a, b) => severity(a) - severity(b))[0] ?? null;
  return {
    commendation,
    action,
    action_causes: found.filter((f) => f.action === action).map((f) => f.cause),
    commendation_months: commendation ? monthsEndingAt(input.month, excellent) : [],
  };
}

/** How many consecutive calendar months, ending with the current one, have `grade` (2025-12 → 2026-01 is consecutive). */
function streakOf(grade: Grade, input: Pick<ConsequenceInput, 'month' | 'grade' | 'history'>): number {
  if (input.grade !== grade) return 0;
  const byMonth = new Map(input.history.map((h) => [monthIndex(h.month), h.grade]));
  let streak = 1;
  for (let m = monthIndex(input.month) - 1; byMonth.get(m) === grade; m--) streak++;
  return streak;
}

function severity(action: Action): number {
  return ACTIONS.indexOf(action);
}
