/** The appraisal as report tables: one row per operator, the explanation of one score, the history. */
import type { DaysWorked } from '../domain/appraisal-days.js';
import type { Indicator } from '../domain/appraisal-policy.js';
import { appraisedIndicators, GROUPS, scaleOf } from '../domain/appraisal-policy.js';
import type { Policy } from '../domain/policy.js';
import type { Report, ReportTable, Row } from '../io/render/report.js';
import { column, columns, WIDE } from '../io/render/vocabulary/columns.js';
import type { PresenceSums } from '../domain/presence-day.js';
import type { AppraisalInputs, AppraisalRow } from './appraisal.js';

const APPRAISAL_COLUMNS = [...columns('operator_id', 'name', 'team'), ...GROUPS.map((g) => column(g, WIDE)), ...columns('score', 'grade', 'commendation', 'action', ['missing', WIDE])];

/** One row per operator with the group scores, total, grade and consequences. */
export function appraisalTable(rows: readonly AppraisalRow[]): ReportTable {
  return {
    columns: APPRAISAL_COLUMNS,
    rows: rows.map((r) => ({
      operator_id: r.operator_id, name: r.name, team: r.team,
      ...Object.fromEntries(GROUPS.map((g) => [g, r.groups[g]?.score ?? null])),
      score: r.score, grade: r.grade, commendation: r.commendation ? 'yes' : '', action: r.action ?? '', missing: r.missing.join(' '),
    })),
  };
}

/** `appraise run`: the table, and the rows as they are for --format json. */
export function appraisalReport(rows: readonly AppraisalRow[]): Report {
  return { ...appraisalTable(rows), json: rows };
}

/** What explainTable shows: the row that counts, and the inputs as the data stands now (absent: none now). */
export interface ExplainView {
  row: Pick<AppraisalRow, 'groups' | 'indicators' | 'score' | 'days_worked'>;
  inputs?: AppraisalInputs;
  worked?: DaysWorked;
  /** A finalized row's indicators whose raw value differs now: their inputs are marked 'now:'. */
  changed?: readonly { indicator: Indicator; now: number | null }[];
  /** The month's presence, when the policy appraises adherence. */
  presence?: PresenceSums;
}

function inputsText(s: Required<Pick<ExplainView, 'inputs'>> & ExplainView, indicator: Indicator): string {
  const i = s.inputs;
  switch (indicator) {
    case 'satisfaction': return `${i.rating_count} call ratings (sum ${i.rating_sum}) + ${i.survey_count} surveys (sum ${i.survey_sum})`;
    case 'complaint_rate': return `${i.complaints_about} complaints about the operator / ${i.answered} answered calls × 1000`;
    case 'suggestion_adoption': return `${i.suggestions_adopted} adopted / ${i.suggestions} suggestions`;
    case 'fcr': return i.fcr ? `${i.fcr.resolved} resolved / ${i.fcr.first_calls - i.fcr.window_open} first calls with the window over (${i.fcr.window_open} still open)` : 'not computed';
    case 'calls_per_day': return `${i.answered} answered calls / ${s.row.days_worked} days worked`;
    case 'orders_per_day': return `${i.orders} orders / ${s.row.days_worked} days worked`;
    case 'resolution_hours': return `${(i.resolution_seconds / 3600).toFixed(2)} h over ${i.resolved_tickets} complaint tickets resolved in the month`;
    case 'knowledge_test': return `${i.knowledge_count} test scores (sum ${i.knowledge_sum})`;
    case 'teamwork': return `${i.teamwork_count} supervisor scores (sum ${i.teamwork_sum})`;
    case 'adherence': return s.presence ? `1 − ${s.presence.unauthorized_seconds} s unauthorized / ${s.presence.logged_in_seconds} s logged in` : 'no presence in the month';
  }
}

/** '21.5 days worked = 21 working days employed + 1 weekend or holiday duty (11-21) − 0.5 leave' (issue 17 item 5). */
export function describeDaysWorked(w: DaysWorked): string {
  const dates = (ds: readonly string[]): string => `(${ds.map((d) => d.slice(5)).join(' ')})`;
  return [
    `${w.days} days worked = ${w.working_days} working days employed`,
    w.duty_days.length ? ` + ${w.duty_days.length} weekend or holiday duty ${dates(w.duty_days)}` : '',
    w.onboarding_days.length ? ` − ${w.onboarding_days.length} onboarding ${dates(w.onboarding_days)}` : '',
    w.training_days.length ? ` − ${w.training_days.length} training only ${dates(w.training_days)}` : '',
    w.leave_days > 0 ? ` − ${w.leave_days} leave` : '',
  ].join('');
}

/** The inputs column: the data now; for a finalized row whose raw value differs now, 'now: … = value'. */
function inputsNow(s: ExplainView, indicator: Indicator): string {
  if (!s.inputs) return 'not in the data now';
  const text = inputsText({ ...s, inputs: s.inputs, row: { ...s.row, days_worked: s.worked?.days ?? s.row.days_worked } }, indicator);
  const changed = s.changed?.find((c) => c.indicator === indicator);
  return changed ? `now: ${text} = ${changed.now === null ? 'no data' : Math.round(changed.now * 10000) / 10000}` : text;
}

const EXPLAIN_COLUMNS = columns(
  'group', 'indicator', 'inputs', 'raw', ['scale', WIDE], ['score', { zh: '得分' }], 'weight_in_group', ['base_weight_in_group', WIDE], ['group_weight', WIDE], 'contribution',
);

/** Each indicator's inputs, raw value, scale, score, weights and contribution to the total. */
export function explainTable(s: ExplainView, policy: Policy): ReportTable {
  const rows: Row[] = [];
  for (const g of GROUPS) {
    const group = s.row.groups[g];
    const groupPolicy = policy.appraisal.groups[g];
    for (const name of groupPolicy ? appraisedIndicators(groupPolicy) : []) {
      const ind = s.row.indicators[name];
      // A run finalized before presence existed stored no presence section: the default adherence scale.
      const scale = scaleOf({ ...policy.appraisal, adherence_scale: policy.presence?.adherence_scale }, name);
      const contribution = ind?.score != null && group ? (ind.score * ind.weight * group.weight) / 10000 : null;
      rows.push({
        group: g, indicator: name, inputs: inputsNow(s, name), raw: ind?.raw ?? null,
        scale: `${scale.zero_at} → ${scale.full_at}`, score: ind?.score ?? null,
        weight_in_group: ind?.weight ?? 0, base_weight_in_group: ind?.base_weight ?? null,
        group_weight: group?.weight ?? 0, contribution: contribution === null ? null : Math.round(contribution * 100) / 100,
      });
    }
  }
  const days = !s.worked ? `${s.row.days_worked} days worked` : s.worked.days === s.row.days_worked ? describeDaysWorked(s.worked) : `${s.row.days_worked} days worked (now: ${describeDaysWorked(s.worked)})`;
  rows.push({ group: 'total', indicator: '', inputs: days, raw: null, scale: '', score: s.row.score, weight_in_group: null, base_weight_in_group: null, group_weight: null, contribution: s.row.score });
  return {
    columns: EXPLAIN_COLUMNS,
    rows,
  };
}
