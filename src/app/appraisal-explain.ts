/**
 * One operator's appraisal explained (docs/metrics.md, issue 17 item 10): each indicator's
 * inputs, score and weight, the action and commendation with their cause; for a finalized month,
 * the stored run that pays (scored with that run's policy) and what would differ now.
 */
import type Database from 'better-sqlite3';
import { INDICATORS, type Indicator } from '../domain/appraisal-policy.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { IsoMonth } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import { currentRun } from '../db/queries/appraisal-runs.js';
import { appraiseMonth, type AppraisalRow, type MonthAppraisal, type ScoredOperator } from './appraisal.js';
import type { Report } from '../io/render/report.js';
import { explainTable } from './appraisal-tables.js';
import { streakNote } from './appraisal-streaks.js';

export interface OperatorExplanation {
  month: IsoMonth;
  /** What counts: the stored row of a finalized month, else the row computed now. */
  row: AppraisalRow;
  /** The operator as the data stands now (absent when no longer employed in the month). */
  now: (ScoredOperator & { row: AppraisalRow }) | undefined;
  finalized: MonthAppraisal['finalized'];
  /** The policy `row` was scored with: the finalized run's, else the current one. */
  policy: Policy;
  /** Finalized: the result computed now where it differs from the stored one. */
  change: MonthAppraisal['changes'][number] | null;
  /** Finalized: indicators whose raw value would differ now. */
  raw_changes: { indicator: Indicator; finalized: number | null; now: number | null }[];
  unfinalized: IsoMonth | null;
}

/** The explanation of one operator's month, or null when the operator is in neither the stored run nor the data. */
export function explainOperator(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy, operatorId: string): OperatorExplanation | null {
  const appraisal = appraiseMonth(db, month, calendar, policy);
  const scored = appraisal.scored.find((s) => s.row.operator_id === operatorId);
  const computed = appraisal.computed.find((r) => r.operator_id === operatorId);
  const now = scored && computed ? { ...scored, row: computed } : undefined;
  const stored = appraisal.finalized ? appraisal.rows.find((r) => r.operator_id === operatorId) : undefined;
  const change = appraisal.changes.find((c) => c.operator_id === operatorId) ?? null;
  const row = stored ?? now?.row;
  if (!row) return null;
  const run = stored ? currentRun(db, month) : undefined;
  const raw_changes = stored && now
    ? INDICATORS.map((i) => ({ indicator: i, finalized: stored.indicators[i]?.raw ?? null, now: now.row.indicators[i]?.raw ?? null })).filter((c) => c.finalized !== c.now)
    : [];
  return {
    month, row, now, finalized: stored ? appraisal.finalized : null,
    policy: run ? (JSON.parse(run.policy_json) as Policy) : policy,
    change: stored ? change : null, raw_changes, unfinalized: appraisal.unfinalized,
  };
}

/** '1001 would now score 93.35 (excellent) instead of 92.85 (excellent); action none instead of reassignment_review'. */
export function describeChange(c: MonthAppraisal['changes'][number]): string {
  const extra = [
    c.current_action !== c.finalized_action ? `action ${c.current_action ?? 'none'} instead of ${c.finalized_action ?? 'none'}` : '',
    c.current_commendation !== c.finalized_commendation ? `commendation ${c.current_commendation ? 'yes' : 'no'} instead of ${c.finalized_commendation ? 'yes' : 'no'}` : '',
  ].filter(Boolean).join('; ');
  return `${c.operator_id} would now score ${c.current_score ?? 'n/a'} (${c.current_grade ?? 'no grade'}) instead of ${c.finalized_score ?? 'n/a'} (${c.finalized_grade ?? 'no grade'})${extra ? '; ' + extra : ''}`;
}

const show = (v: number | null): string => (v === null ? 'no data' : String(Math.round(v * 10000) / 10000));

/** The stderr lines above the explanation: whose month, the action and commendation with their cause, what changed since. */
export function explainLines(x: OperatorExplanation): string[] {
  const { row } = x;
  const lines: string[] = [];
  if (x.finalized) lines.push(`${x.month} is finalized (run #${x.finalized.run_id}): this explains the stored results, which the bonus sheet pays from`);
  else if (x.unfinalized) lines.push(streakNote(x.unfinalized));
  lines.push(`${row.operator_id} ${row.name} ${x.month}: score ${row.score ?? 'n/a'}, grade ${row.grade ?? 'n/a'}, ${row.days_worked} days worked`);
  for (const r of row.redistributed) lines.push(`  ${r}`);
  const cause = (text: string | null | undefined): string => (text ? ` (${text})` : text === undefined ? ' (cause not recorded: finalized before hotline kept causes)' : '');
  lines.push(`  action: ${row.action ?? 'none'}${row.action ? cause(row.action_cause) : ''}`);
  if (row.commendation) lines.push(`  commendation: yes${cause(row.commendation_cause)}`);
  if (x.finalized && !x.now) lines.push(`changed since: ${row.operator_id} is no longer employed in ${x.month} in the data`);
  else if (x.change) lines.push(`changed since: ${describeChange(x.change)}`);
  for (const c of x.raw_changes) lines.push(`  ${c.indicator}: ${show(c.finalized)} finalized, ${show(c.now)} now`);
  return lines;
}

/** `appraise explain`: the explanation above the table (on stderr), or all of it as one JSON document. */
export function explainReport(x: OperatorExplanation): Report {
  const { row, now, finalized, change, raw_changes } = x;
  return {
    ...explainTable({ row, inputs: now?.inputs, worked: now?.worked, changed: raw_changes, presence: now?.presence }, x.policy),
    json: {
      ...row, raw: Object.fromEntries(Object.entries(row.indicators).map(([k, v]) => [k, v?.raw ?? null])), inputs: now?.inputs ?? null, days: now?.worked ?? null,
      finalized, changed_since: finalized ? { ...change, raw: raw_changes } : null,
    },
    notes: (format) => (format === 'json' ? [] : explainLines(x)),
  };
}
