/**
 * The operators' pages of the month's report (issue 22): grades, the ranking in grade colours,
 * who is commended or gets an action, calls and orders per day worked, all from `appraise run`'s
 * rows (the finalized run, else computed now).
 */
import { GRADES, type Grade } from '../domain/appraisal-policy.js';
import type { Tone } from '../io/render/chart-options.js';
import type { Block } from '../io/render/html-report.js';
import type { Lang, Row } from '../io/render/report.js';
import { columns } from '../io/render/vocabulary/columns.js';
import { valueLabel } from '../io/render/vocabulary/values.js';
import type { AppraisalRow } from './appraisal.js';
import { labelOf, type Words } from './report-pages.js';
import type { MonthReportData } from './report-month.js';

/** Best first; operators without a score last. */
function ranked(rows: readonly AppraisalRow[]): AppraisalRow[] {
  return [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.operator_id.localeCompare(b.operator_id));
}

const OPERATOR_COLUMNS = columns('operator_id', 'name', 'team', 'days_worked', 'calls_per_day', 'orders_per_day', 'score', 'grade', 'commendation', 'action');

/** The two pages: grades, ranking and the commended or acted on; calls and orders per day worked with the operators' table. */
export function operatorPages(d: MonthReportData, lang: Lang, w: Words): Block[][] {
  const rows = ranked(d.appraisal.rows);
  const who = rows.map((r) => `${r.operator_id} ${r.name}`);
  const grades: (Grade | null)[] = [...GRADES, ...(rows.some((r) => r.grade === null) ? [null] : [])];
  const notes = [
    ...rows.filter((r) => r.commendation).map((r) => `${w('Commended', '表彰')}: ${r.operator_id} ${r.name}${r.commendation_cause ? ` (${r.commendation_cause})` : ''}`),
    ...rows.filter((r) => r.action).map((r) => `${valueLabel(r.action, 'action', lang)}: ${r.operator_id} ${r.name}${r.action_cause ? ` (${r.action_cause})` : ''}`),
  ];
  const perDay = (r: AppraisalRow, k: 'calls_per_day' | 'orders_per_day'): number | null => {
    const raw = r.indicators[k]?.raw;
    return raw === null || raw === undefined ? null : Math.round(raw * 100) / 100;
  };
  return [[
    {
      kind: 'chart',
      chart: {
        type: 'cartesian', title: w('Operators by grade', '考核等级分布'), height: 220, axes: [{ name: w('operators', '人数'), unit: 'count' }],
        categories: grades.map((g) => labelOf(g, 'grade', lang, w('no score', '无得分'))),
        series: [{ name: w('operators', '人数'), kind: 'bar', values: grades.map((g) => rows.filter((r) => r.grade === g).length), tones: grades }],
      },
    },
    {
      kind: 'chart',
      chart: {
        type: 'cartesian', title: w('Ranking by appraisal score', '考核得分排名'), horizontal: true, height: 70 + 16 * rows.length, categories: who,
        axes: [{ name: w('score', '总分'), unit: 'score' }],
        series: [{ name: w('score', '总分'), kind: 'bar', values: rows.map((r) => r.score), tones: rows.map((r): Tone | null => r.grade) }],
      },
    },
    { kind: 'text', lines: notes.length ? notes : [w('No commendation or action this month.', '本月无表彰或处理。')] },
  ], [
    {
      kind: 'chart',
      chart: {
        type: 'cartesian', title: w('Answered calls and orders per day worked', '人均日接听量与日下单量'), height: 300, categories: rows.map((r) => r.operator_id),
        axes: [{ name: w('per day', '每日'), unit: 'count' }],
        series: [
          { name: w('calls per day', '日均接听量'), kind: 'bar', values: rows.map((r) => perDay(r, 'calls_per_day')) },
          { name: w('orders per day', '日均下单量'), kind: 'bar', values: rows.map((r) => perDay(r, 'orders_per_day')) },
        ],
      },
    },
    {
      kind: 'table',
      table: {
        columns: OPERATOR_COLUMNS,
        rows: rows.map((r): Row => ({ ...r, calls_per_day: perDay(r, 'calls_per_day'), orders_per_day: perDay(r, 'orders_per_day'), commendation: r.commendation ? 'yes' : '', action: r.action ?? '' })),
      },
    },
  ]];
}
