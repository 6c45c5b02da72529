/**
 * The day's report as pages (issue 22): the day's sections of the month's report (service by
 * hour, demand beside the day before, operators, complaint tickets, definitions), drawn from the
 * figures of report-day.ts.
 */
import { epochToLocal, formatLocalDateTime } from '../domain/dates.js';
import type { Block, HtmlReport } from '../io/render/html-report.js';
import type { Lang, Row } from '../io/render/report.js';
import { columns } from '../io/render/vocabulary/columns.js';
import { count, definitionsPage, demandPage, kpiDefinitions, serviceFacts, wordsFor, type Words, serviceCharts } from './report-pages.js';
import type { ReportContext } from './report-month-pages.js';
import type { DayReportData } from './report-day.js';
import type { RangeRow } from './stats.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const HOUR_COLUMNS = columns('hour', 'offered', 'answered', 'abandoned', 'service_level', 'asa_seconds', 'aht_seconds', 'abandonment_rate');
const OPERATOR_COLUMNS = columns('operator_id', 'name', 'team', 'answered', 'aht_seconds', 'within_threshold_rate', 'missed_rings', 'complaints', 'orders', 'satisfaction_avg');

function servicePages(d: DayReportData, w: Words): Block[][] {
  const byHour = new Map(d.hours.map((r) => [Number(r.period), r]));
  const per = (f: (r: RangeRow | undefined) => number | null): (number | null)[] => HOURS.map((h) => f(byHour.get(h)));
  const t = d.daily.totals;
  const labels = HOURS.map((h) => String(h).padStart(2, '0'));
  return [[
    { kind: 'facts', facts: [...serviceFacts(t, d.service_level_target, w), { label: w('Outbound calls', '呼出量'), value: count(d.daily.outbound.calls) }, { label: w('Orders', '下单量'), value: count(t.orders) }] },
    ...serviceCharts({ categories: labels, per, target: d.service_level_target, titles: { calls: ['Calls per hour and service level', '分时段来电与服务水平'], times: ['ASA and AHT per hour (seconds)', '分时段平均应答时长与平均处理时长（秒）'] } }, w),
  ], [
    { kind: 'table', table: { columns: HOUR_COLUMNS, rows: d.hours.map((r): Row => ({ ...r, hour: Number(r.period) })) } },
  ]];
}

function operatorPage(d: DayReportData, w: Words): Block[] {
  const ops = d.daily.by_operator;
  return [
    {
      kind: 'chart',
      chart: {
        type: 'cartesian', title: w('Answered calls and AHT per operator', '各话务员接听量与平均处理时长'), height: 300, categories: ops.map((o) => o.operator_id),
        axes: [{ name: w('calls', '来电'), unit: 'count' }, { name: w('AHT s', '处理 秒'), unit: 'seconds' }],
        series: [
          { name: w('answered', '接听量'), kind: 'bar', values: ops.map((o) => o.answered) },
          { name: w('AHT', '平均处理时长'), kind: 'line', axis: 1, values: ops.map((o) => o.aht_seconds) },
        ],
      },
    },
    { kind: 'table', table: { columns: OPERATOR_COLUMNS, rows: ops as unknown as Row[] } },
  ];
}

function ticketPage(d: DayReportData, w: Words): Block[] {
  const t = d.daily.tickets;
  const labels = [w('opened', '新受理'), w('resolved', '办结'), w('complaints overdue and open', '投诉超时未办结')];
  return [
    { kind: 'facts', facts: labels.map((label, i) => ({ label, value: count([t.opened, t.resolved, t.overdue_open][i] as number) })) },
    {
      kind: 'chart',
      chart: { type: 'cartesian', title: w('Tickets of the day', '当日工单'), height: 220, categories: labels, axes: [{ name: w('tickets', '工单'), unit: 'count' }], series: [{ name: w('tickets', '工单'), kind: 'bar', values: [t.opened, t.resolved, t.overdue_open] }] },
    },
    { kind: 'text', lines: [w(`Overdue: complaints open at the end of ${d.date} past the legal limit.`, `超时：${d.date} 结束时仍未办结且已超过法定时限的投诉。`)] },
  ];
}

/** The day's report as an HTML document in `lang`. */
export function dayDocument(d: DayReportData, ctx: ReportContext, lang: Lang): HtmlReport {
  const w = wordsFor(lang);
  const zone = d.daily.timezone;
  const made = formatLocalDateTime(epochToLocal(ctx.now, zone)).replace('T', ' ').slice(0, 16);
  return {
    lang,
    title: w(`Hotline day report ${d.date}`, `客服热线日报 ${d.date}`),
    subtitle: [w(`Made ${made} (${zone}) from ${ctx.database}.`, `生成于 ${made}（${zone}），数据来自 ${ctx.database}。`)],
    sections: [
      { id: 'service', title: w('Service', '服务'), pages: servicePages(d, w) },
      { id: 'demand', title: w('Demand', '来电需求'), pages: [demandPage(d.demand, { current: d.date, previous: d.previous_day }, lang)] },
      { id: 'operators', title: w('Operators', '话务员'), pages: [operatorPage(d, w)] },
      { id: 'complaints', title: w('Complaints', '投诉'), pages: [ticketPage(d, w)] },
      {
        id: 'definitions', title: w('Definitions and policy', '口径与策略'),
        pages: [definitionsPage(kpiDefinitions(d.definitions, zone, d.service_level_target, w), [`hotline stats daily --date ${d.date} --format json`, `hotline stats range --from ${d.date} --to ${d.date} --by hour`], ctx.policySource, w)],
      },
    ],
  };
}
