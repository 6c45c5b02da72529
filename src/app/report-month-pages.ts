/**
 * The month's report as pages (issue 22): service, demand, operators, complaints, definitions;
 * each a chart and the small table under it, drawn from the figures of report-month.ts.
 */
import { addDays, daysOf, epochToLocal, firstDayOf, formatLocalDateTime, lastDayOf, startOfLocalDay } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import type { Block, HtmlReport, HtmlSection } from '../io/render/html-report.js';
import type { Lang, Row } from '../io/render/report.js';
import { column, columns } from '../io/render/vocabulary/columns.js';
import { labelsOf } from '../io/render/vocabulary/values.js';
import { operatorPages } from './report-month-operators.js';
import { count, definitionsPage, demandPage, kpiDefinitions, labelOf, percent, serviceFacts, wordsFor, type Words, serviceCharts } from './report-pages.js';
import type { MonthReportData } from './report-month.js';
import type { RangeRow } from './stats.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
const DAY_COLUMNS = columns('day', 'offered', 'answered', 'abandoned', 'service_level', 'asa_seconds', 'aht_seconds', 'abandonment_rate');

/** Where the figures came from, and when: the line under the title. */
export interface ReportContext {
  /** Epoch seconds the report was made. */
  now: number;
  /** The database file and the policy file (null: the built-in defaults). */
  database: string;
  policySource: string | null;
}

function servicePages(d: MonthReportData, lang: Lang, w: Words): Block[][] {
  const byDay = new Map(d.service.days.map((r) => [r.period, r]));
  const days = daysOf(d.month);
  const per = (f: (r: RangeRow | undefined) => number | null): (number | null)[] => days.map((day) => f(byDay.get(day)));
  const facts = serviceFacts(d.service.total, d.service_level_target, w);
  if (d.service.team) facts.push({ label: w(`Answered by ${d.team}`, `${d.team} 接听量`), value: count(d.service.team.answered) });
  return [[
    { kind: 'facts', facts },
    ...serviceCharts({ categories: days.map((day) => day.slice(5)), per, target: d.service_level_target, titles: { calls: ['Calls per day and service level', '每日来电与服务水平'], times: ['ASA and AHT per day (seconds)', '每日平均应答时长与平均处理时长（秒）'] } }, w),
  ], [
    {
      kind: 'chart',
      chart: {
        type: 'heatmap', title: w('Offered calls by hour and weekday (month total)', '各时段来电量（按星期，当月合计）'), height: 280,
        x: HOURS, y: WEEKDAYS.map((day) => labelOf(day, 'weekday', lang, day)),
        cells: d.service.by_weekday_hour.flatMap((hours, y) => hours.map((n, x) => [x, y, n] as const)),
      },
    },
    { kind: 'table', table: { columns: DAY_COLUMNS, rows: d.service.days.map((r): Row => ({ ...r, day: r.period })) } },
  ]];
}

const COMPLAINT_COLUMNS = [column('department'), ...columns('complaints_received', 'complaints_resolved', 'median_resolution_hours', 'p90_resolution_hours', 'resolved_within_promise', 'resolved_within_legal_limit', 'customer_satisfied', 'suggestions', 'suggestions_adopted')];

function complaintPage(d: MonthReportData, w: Words): Block[] {
  const total = d.complaints.summary.find((r) => r.by === 'total') ?? {};
  const departments = d.complaints.summary.filter((r) => r.by === 'department');
  const names = departments.map((r) => (r.key === null ? w('none', '未填写') : String(r.key)));
  const num = (k: string) => departments.map((r) => (typeof r[k] === 'number' ? (r[k] as number) : null));
  const hours = (v: unknown): string => (typeof v === 'number' ? `${v} h` : 'n/a');
  return [
    {
      kind: 'facts',
      facts: [
        { label: w('Complaints received', '受理投诉'), value: count(Number(total.complaints_received ?? 0)) },
        { label: w('Resolved', '办结投诉'), value: count(Number(total.complaints_resolved ?? 0)) },
        { label: w('Resolved within the legal limit', '法定时限内办结率'), value: percent(total.resolved_within_legal_limit as number | null) },
        { label: w('Overdue and open at the end', '期末超时未办结'), value: count(d.complaints.overdue_open) },
        { label: w('Resolved within the promise', '承诺内办结率'), value: percent(total.resolved_within_promise as number | null) },
        { label: w('Median resolution', '办结时长中位数'), value: hours(total.median_resolution_hours) },
        { label: w('P90 resolution', '办结时长P90'), value: hours(total.p90_resolution_hours) },
        { label: w('Customers satisfied', '客户满意率'), value: percent(total.customer_satisfied as number | null) },
      ],
    },
    {
      kind: 'chart',
      chart: {
        type: 'cartesian', title: w('Complaints by department', '各部门投诉受理与办结'), height: 260, categories: names,
        axes: [{ name: w('complaints', '投诉'), unit: 'count' }, { name: w('within legal limit', '法定时限内'), unit: 'rate' }],
        series: [
          { name: w('received', '受理'), kind: 'bar', values: num('complaints_received') },
          { name: w('resolved', '办结'), kind: 'bar', values: num('complaints_resolved') },
          { name: w('resolved within the legal limit', '法定时限内办结率'), kind: 'line', axis: 1, values: num('resolved_within_legal_limit') },
        ],
      },
    },
    {
      kind: 'chart',
      chart: {
        type: 'cartesian', title: w('Resolution hours by department', '各部门办结时长（小时）'), height: 240, categories: names, axes: [{ name: w('hours', '小时'), unit: 'hours' }],
        series: [{ name: w('median', '中位数'), kind: 'bar', values: num('median_resolution_hours') }, { name: 'P90', kind: 'bar', values: num('p90_resolution_hours') }],
      },
    },
    { kind: 'table', table: { columns: COMPLAINT_COLUMNS, rows: [...departments, total].map((r): Row => ({ ...r, department: r.by === 'total' ? w('total', '合计') : r.key })) } },
  ];
}

function definitions(d: MonthReportData, policy: Policy, ctx: ReportContext, w: Words): Block[] {
  const g = policy.appraisal.grades;
  const groups = Object.entries(policy.appraisal.groups).map(([k, v]) => `${w(k, labelsOf('appraisal_group')[k] ?? k)} ${v.weight}`).join(', ');
  const run = d.appraisal.finalized;
  const [from, to] = [firstDayOf(d.month), lastDayOf(d.month)];
  const asOf = formatLocalDateTime(epochToLocal(d.complaints.as_of, d.timezone)).replace('T', ' ');
  // The month's end is `--as-of` its last day (a day means its last second); else the minute.
  const asOfFlag = d.complaints.as_of === startOfLocalDay(addDays(to, 1), d.timezone) - 1 ? to : `'${asOf.slice(0, 16)}'`;
  const lines = [
    ...kpiDefinitions(d.definitions, d.timezone, d.service_level_target, w),
    w(`Appraisal: group weights ${groups}; grades from ${g.excellent} (excellent), ${g.good} (good), ${g.pass} (pass), below that fail (policy appraisal).`, `考核：维度权重 ${groups}；${g.excellent} 分起优秀，${g.good} 分起良好，${g.pass} 分起合格，以下为不合格（策略 appraisal）。`),
    run ? w(`The appraisal shown is the finalized run #${run.run_id}.`, `考核结果为已定稿的第 ${run.run_id} 次运行。`) : w('The appraisal is not finalized: computed from the data as it is now.', '考核未定稿：按当前数据计算。'),
    w(`Complaints: the legal limit is ${policy.tickets.legal_limit_days} days (快递暂行条例 art.28); resolution hours of the complaints resolved in the month; overdue counted at ${asOf}.`, `投诉：法定处理时限 ${policy.tickets.legal_limit_days} 天（《快递暂行条例》第二十八条）；办结时长按当月办结的投诉计；超时未办结按 ${asOf} 计。`),
  ];
  const commands = [
    `hotline stats range --from ${from} --to ${to} --by day`,
    `hotline stats range --from ${from} --to ${to} --by category`,
    `hotline appraise run --month ${d.month}${d.team ? ` --team ${d.team}` : ''}`,
    `hotline tickets summary --month ${d.month}`,
    `hotline tickets list --kind complaint --status overdue --as-of ${asOfFlag}`,
  ];
  return definitionsPage(lines, commands, ctx.policySource, w);
}

/** The month's report as an HTML document in `lang`. */
export function monthDocument(d: MonthReportData, policy: Policy, ctx: ReportContext, lang: Lang): HtmlReport {
  const w = wordsFor(lang);
  const made = formatLocalDateTime(epochToLocal(ctx.now, d.timezone)).replace('T', ' ').slice(0, 16);
  const sections: HtmlSection[] = [
    { id: 'service', title: w('Service', '服务'), pages: servicePages(d, lang, w) },
    { id: 'demand', title: w('Demand', '来电需求'), pages: [demandPage(d.demand, { current: d.month, previous: d.previous_month }, lang)] },
    { id: 'operators', title: w('Operators', '话务员'), pages: operatorPages(d, lang, w) },
    { id: 'complaints', title: w('Complaints', '投诉'), pages: [complaintPage(d, w)] },
    { id: 'definitions', title: w('Definitions and policy', '口径与策略'), pages: [definitions(d, policy, ctx, w)] },
  ];
  return {
    lang,
    title: w(`Hotline month report ${d.month}`, `客服热线月报 ${d.month}`) + (d.team ? ` · ${d.team}` : ''),
    subtitle: [
      w(`Made ${made} (${d.timezone}) from ${ctx.database}.`, `生成于 ${made}（${d.timezone}），数据来自 ${ctx.database}。`),
      ...(d.team ? [w(`Operators: team ${d.team} only. Calls, service level and complaints are the whole hotline's (an abandoned call belongs to no team).`, `话务员部分仅含 ${d.team}；来电、服务水平与投诉为全热线（放弃的来电不属于任何班组）。`)] : []),
    ],
    sections,
  };
}
