/**
 * What must hold before a month's appraisal is finalized, i.e. before pay is computed from it
 * (issue 17 item 7). Pure: today's date in the policy zone and the month's inputs are passed in.
 */
import { GROUPS, type AppraisalPolicy, type Indicator } from './appraisal-policy.js';
import { addMonths, firstDayOf, lastDayOf, type IsoDate, type IsoMonth } from './dates.js';

/** The scores a supervisor or a test gives, rather than the data. */
export const EVALUATED: readonly Indicator[] = ['knowledge_test', 'teamwork'];

export interface FinalizeCandidate {
  operator_id: string;
  name: string;
  team: string | null;
  days_worked: number;
  knowledge_count: number;
  teamwork_count: number;
}

export interface FinalizeInput {
  month: IsoMonth;
  /** Today in the policy zone. */
  today: IsoDate;
  zone: string;
  /** Whether any call of the month was imported. */
  has_calls: boolean;
  operators: readonly FinalizeCandidate[];
  policy: AppraisalPolicy;
}

export interface MissingScores {
  operator_id: string;
  name: string;
  team: string | null;
  indicators: Indicator[];
}

export type FinalizeCheck =
  | { ok: false; reason: 'not_over' | 'no_calls'; message: string; hint: string }
  | { ok: true; missing: MissingScores[] };

/** Issue 17 item 7: a month can be finalized once it is over and has calls; evaluated scores still missing are listed. */
export function checkFinalize(input: FinalizeInput): FinalizeCheck {
  const { month } = input;
  if (input.today <= lastDayOf(month)) {
    return { ok: false, reason: 'not_over', message: `${month} is not over in ${input.zone} (today is ${input.today}): it can be finalized from ${firstDayOf(addMonths(month, 1))}`, hint: `to look at it before then: hotline appraise run --month ${month}` };
  }
  if (!input.has_calls) {
    return { ok: false, reason: 'no_calls', message: `${month} has no calls: there is nothing to appraise`, hint: "import the month's calls first (hotline import calls FILE)" };
  }
  const appraised = EVALUATED.filter((i) => GROUPS.some((g) => input.policy.groups[g].weight > 0 && input.policy.groups[g].indicators[i] !== undefined));
  const count = (o: FinalizeCandidate, i: Indicator): number => (i === 'teamwork' ? o.teamwork_count : o.knowledge_count);
  const missing = input.operators
    .filter((o) => o.days_worked > 0)
    .map((o) => ({ operator_id: o.operator_id, name: o.name, team: o.team, indicators: appraised.filter((i) => count(o, i) === 0) }))
    .filter((o) => o.indicators.length > 0);
  return { ok: true, missing };
}

/** '3003 郑三 (B组): knowledge_test, teamwork'. */
export function describeMissing(m: MissingScores): string {
  return `${m.operator_id} ${m.name}${m.team ? ` (${m.team})` : ''}: ${m.indicators.join(', ')}`;
}
