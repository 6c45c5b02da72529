/**
 * The daily and range statistics as reports: the day on a terminal as one page (title, totals,
 * operators, an hourly chart, tickets, definitions), one of its tables as CSV, all of it as JSON;
 * a range as a table, or a JSON document with its definitions.
 */
import type { KpiDefinitions } from '../domain/kpi.js';
import { renderHourChart } from '../io/render/hour-chart.js';
import { renderReport } from '../io/render/index.js';
import type { PageView, Report } from '../io/render/report.js';
import { wrapText } from '../io/render/width.js';
import type { DailyReport, RangeGrouping, RangeRow } from './stats.js';
import { dailyTable, narrowOperatorTable, rangeTable, summaryTable, type DailyTableChoice } from './stats-tables.js';

/** The line that says how the measures were counted. */
export function describeDefinitions(d: KpiDefinitions, zone: string): string {
  return `definitions: within threshold = wait ≤ ${d.threshold_seconds} s; short abandon = wait ≤ ${d.short_abandon_seconds} s; service level formula ${d.service_level_formula}; days in ${zone}`;
}

/** The terminal view of a day: title, totals, operators, hourly chart, definitions. */
export function dailyPage(report: DailyReport, view: PageView): string[] {
  const opts = { format: 'table' as const, lang: view.lang, showPii: false, color: view.color, bom: false, width: view.width };
  const zh = view.lang === 'zh';
  const line = (text: string): string => wrapText(text, view.width) + '\n';
  const title = line(`${zh ? '日报' : 'Daily statistics'} ${report.date} (${report.timezone}): ${report.totals.offered} ${zh ? '来电' : 'inbound calls'}, ${report.outbound.calls} ${zh ? '呼出' : 'outbound'}`);
  const chart = renderHourChart(report.by_hour, zh
    ? { title: '\n分时段 来电/接听', legend: '█ 接听  ░ 放弃', operators: '  签入/可用人数（小时平均）' }
    : { title: '\nBy hour: offered/answered', legend: '█ answered  ░ abandoned', operators: '  operators logged in/available (hour average)' });
  const operators = view.wide ? dailyTable(report, 'operator', view.lang) : narrowOperatorTable(report, view.lang);
  const tickets = line(`${zh ? '工单' : 'tickets'}: ${report.tickets.opened} ${zh ? '新受理' : 'opened'}, ${report.tickets.resolved} ${zh ? '办结' : 'resolved'}, ${report.tickets.overdue_open} ${zh ? '投诉超时未办结' : report.tickets.overdue_open === 1 ? 'complaint overdue and open' : 'complaints overdue and open'}`);
  return [title, ...renderReport(summaryTable(report, true), opts), ...renderReport(operators, opts), chart, tickets, line(describeDefinitions(report.definitions, report.timezone))];
}

/** `stats daily`: the page on a terminal, the table chosen by --by as CSV, the whole day as JSON. */
export function dailyReport(report: DailyReport, by: DailyTableChoice, lang: 'en' | 'zh'): Report {
  return { ...dailyTable(report, by, lang), json: report, page: (view) => dailyPage(report, view) };
}

/** `stats range`: one row per period or group; JSON with the range, its grouping, zone and definitions. */
export function rangeReport(q: { from: string; to: string; by: RangeGrouping; timezone: string; definitions: KpiDefinitions }, rows: RangeRow[]): Report {
  return { ...rangeTable(rows, q.by), json: { from: q.from, to: q.to, by: q.by, timezone: q.timezone, definitions: q.definitions, rows } };
}
