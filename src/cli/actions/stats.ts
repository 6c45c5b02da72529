/** The actions of `stats daily` and `stats range`. */
import { buildDailyReport, buildRangeReport, type DailyReport, type RangeGrouping } from '../../app/stats.js';
import { dailyTable, narrowOperatorTable, rangeTable, summaryTable, type DailyTableChoice } from '../../app/stats-tables.js';
import type { IsoDate } from '../../domain/dates.js';
import type { KpiDefinitions, ServiceLevelFormula } from '../../domain/kpi.js';
import type { Policy } from '../../domain/policy.js';
import { InputError, UsageError } from '../../errors.js';
import { writeOutput } from '../../io/output.js';
import { renderHourChart } from '../../io/render/hour-chart.js';
import { renderReport } from '../../io/render/index.js';
import { renderJsonValue } from '../../io/render/json.js';
import { wrapText } from '../../io/render/width.js';
import { openDb, policyFor, renderSettings } from '../context.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import { resolveDay } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { inform, say, terminalWidth, type Runtime } from '../runtime.js';

interface KpiFlags {
  threshold?: number;
  slFormula?: ServiceLevelFormula;
}
export type DailyFlags = OutputFlags & KpiFlags & { date?: string; by: DailyTableChoice; requireCalls?: boolean };
export type RangeFlags = OutputFlags & KpiFlags & { from: string; to: string; by: RangeGrouping };

function definitions(policy: Policy, flags: KpiFlags): KpiDefinitions {
  return {
    threshold_seconds: flags.threshold ?? policy.kpi.threshold_seconds,
    short_abandon_seconds: policy.kpi.short_abandon_seconds,
    service_level_formula: flags.slFormula ?? policy.kpi.service_level,
  };
}

function describeDefinitions(d: KpiDefinitions, zone: string): string {
  return `definitions: within threshold = wait ≤ ${d.threshold_seconds} s; short abandon = wait ≤ ${d.short_abandon_seconds} s; service level formula ${d.service_level_formula}; days in ${zone}`;
}

/** How a day is shown on a terminal: language, colour, the terminal's width (none: unwrapped), every column (--wide). */
export interface DailyView {
  lang: 'en' | 'zh';
  color: boolean;
  width?: number;
  wide?: boolean;
}

/** The terminal view of a day: title, totals, operators, hourly chart, definitions. */
export function dailyText(report: DailyReport, view: DailyView): string[] {
  const opts = { format: 'table' as const, lang: view.lang, showPii: false, color: view.color, bom: false, width: view.width };
  const zh = view.lang === 'zh';
  const line = (text: string): string => wrapText(text, view.width) + '\n';
  const title = line(`${zh ? '日报' : 'Daily statistics'} ${report.date} (${report.timezone}): ${report.totals.offered} ${zh ? '来电' : 'inbound calls'}, ${report.outbound.calls} ${zh ? '呼出' : 'outbound'}`);
  const chart = renderHourChart(report.by_hour, zh
    ? { title: '\n分时段 来电/接听', legend: '█ 接听  ░ 放弃' }
    : { title: '\nBy hour: offered/answered', legend: '█ answered  ░ abandoned' });
  const operators = view.wide ? dailyTable(report, 'operator', view.lang) : narrowOperatorTable(report, view.lang);
  const tickets = line(`${zh ? '工单' : 'tickets'}: ${report.tickets.opened} ${zh ? '新受理' : 'opened'}, ${report.tickets.resolved} ${zh ? '办结' : 'resolved'}, ${report.tickets.overdue_open} ${zh ? '投诉超时未办结' : report.tickets.overdue_open === 1 ? 'complaint overdue and open' : 'complaints overdue and open'}`);
  return [title, ...renderReport(summaryTable(report, true), opts), ...renderReport(operators, opts), chart, tickets, line(describeDefinitions(report.definitions, report.timezone))];
}

export function runDaily(flags: DailyFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const date = resolveDay(flags.date ?? 'yesterday', policy.timezone, rt.now());
  const out = flags.out?.replaceAll('{date}', date);
  const settings = renderSettings({ ...flags, out }, rt);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const report = buildDailyReport(handle.db, date as IsoDate, policy.timezone, definitions(policy, flags), policy.tickets);
    if (report.totals.offered === 0 && report.outbound.calls === 0) {
      if (flags.requireCalls) {
        throw new InputError(`no calls on ${date} in ${handle.path}: nothing was written (--require-calls)`, { hint: "import the day's calls first; without --require-calls the report is written with zeros and a warning" });
      }
      say(rt, `warning: no calls on ${date} in ${handle.path}: the report is all zeros`);
    }
    if (settings.format === 'json') writeOutput([renderJsonValue(report, settings)], settings);
    else if (settings.format === 'csv') writeOutput(renderReport(dailyTable(report, flags.by, flags.lang), settings), settings);
    else writeOutput(dailyText(report, { lang: flags.lang, color: settings.color, width: settings.width, wide: flags.wide }), settings);
    if (out) inform(rt, `wrote ${out}`, globals.verbose);
  } finally {
    handle.close();
  }
}

export function runRange(flags: RangeFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const from = resolveDay(flags.from, policy.timezone, rt.now());
  const to = resolveDay(flags.to, policy.timezone, rt.now());
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const defs = definitions(policy, flags);
    const rows = buildRangeReport(handle.db, from, to, flags.by, defs);
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') {
      writeOutput([renderJsonValue({ from, to, by: flags.by, timezone: policy.timezone, definitions: defs, rows }, settings)], settings);
    } else {
      emitReport(rangeTable(rows, flags.by), flags, rt);
      if (rt.stdout.isTTY && !flags.out) for (const l of wrapText(describeDefinitions(defs, policy.timezone), terminalWidth(rt.stdout)).split('\n')) say(rt, l);
    }
  } finally {
    handle.close();
  }
}
