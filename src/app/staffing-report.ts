/**
 * The staffing reports: `staffing calc` as one row; `staffing plan` and `staffing check` as a page
 * on a terminal (what was planned or what happened, then a row per interval), their intervals as
 * CSV, and the whole of it as one JSON document (docs/metrics.md, "Staffing").
 */
import { addDays, type IsoDate } from '../domain/dates.js';
import { renderReport } from '../io/render/index.js';
import { tableView, type Lang, type PageView, type Report, type ReportTable, type Row } from '../io/render/report.js';
import { columns, WIDE } from '../io/render/vocabulary/columns.js';
import { labelsOf } from '../io/render/vocabulary/values.js';
import { wrapText } from '../io/render/width.js';
import type { CalcResult, StaffingCheck, StaffingPlan } from './staffing.js';

const CALC_COLUMNS = columns(
  ['calls', { type: 'number', wide: true }], ['interval_minutes', WIDE], ['aht_seconds', WIDE], ['threshold_seconds', WIDE], ['target', WIDE],
  ['max_occupancy', WIDE], ['shrinkage', WIDE],
  'traffic_erlangs', 'agents', 'scheduled', 'service_level', 'p_wait', 'asa_seconds', 'occupancy',
);

/** `staffing calc`: one row (the inputs only with --wide, CSV and JSON), JSON one object. */
export function calcReport(r: CalcResult): Report {
  return { columns: CALC_COLUMNS, rows: [r as unknown as Row], json: r };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const clock = (minute: number): string => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
/** A local date-time of JSON (YYYY-MM-DDTHH:mm:ss): minute 1440 is the next day's midnight. */
const localTime = (date: IsoDate, minute: number): string => `${minute >= 1440 ? addDays(date, 1) : date}T${clock(minute % 1440)}:00`;

/** The interval's label and its local start and end. */
function interval(date: IsoDate, start: number, minutes: number): { interval: string; start: string; end: string } {
  return { interval: `${clock(start)}-${clock(start + minutes)}`, start: localTime(date, start), end: localTime(date, start + minutes) };
}

const pct = (rate: number | null): string => (rate === null ? 'n/a' : `${Math.round(rate * 1000) / 10}%`);
const num = (v: number | null): string => (v === null ? 'n/a' : v.toLocaleString('en-US'));

const WEEKDAY_NAMES: Readonly<Record<string, string>> = { Sun: 'Sunday', Mon: 'Monday', Tue: 'Tuesday', Wed: 'Wednesday', Thu: 'Thursday', Fri: 'Friday', Sat: 'Saturday' };

/** The weekday in prose: Tuesday, 周二. */
function weekdayName(code: string, lang: Lang): string {
  return (lang === 'zh' ? labelsOf('weekday')[code] : WEEKDAY_NAMES[code]) ?? code;
}

function dayLabel(x: { date: string; weekday: string }, lang: Lang): string {
  return lang === 'zh' ? `${x.date} ${weekdayName(x.weekday, lang)}` : `${weekdayName(x.weekday, lang)} ${x.date}`;
}

/** A terminal page: the lines above the table, the table (main columns unless --wide), the lines below. */
function page(view: PageView, above: string[], table: ReportTable, below: string[]): string[] {
  const opts = { format: 'table' as const, lang: view.lang, showPii: false, color: view.color, bom: false, width: view.width };
  const line = (text: string): string => wrapText(text, view.width) + '\n';
  return [...above.map(line), ...renderReport(tableView(table, view.wide ?? false), opts), ...below.map(line)];
}

const PLAN_COLUMNS = columns(
  'interval', 'forecast_calls', 'aht_seconds', 'traffic_erlangs', 'agents', 'scheduled', 'service_level', ['asa_seconds', WIDE], 'occupancy', ['p_wait', WIDE],
);

/** The same columns with short headers, for the page on a terminal of 80 columns (CSV keeps the keys). */
const PLAN_PAGE_COLUMNS = columns(
  'interval', ['forecast_calls', { en: 'calls', zh: '预测' }], ['aht_seconds', { en: 'AHT s', zh: '均处理' }], ['traffic_erlangs', { en: 'erlangs', zh: '话务量' }],
  'agents', ['scheduled', { en: 'heads', zh: '排班' }], ['service_level', { en: 'SL' }], ['asa_seconds', { en: 'ASA s', zh: '平均应答', wide: true }],
  'occupancy', ['p_wait', { en: 'P(wait)', wide: true }],
);

function skippedText(p: StaffingPlan, lang: Lang): string {
  const zh = lang === 'zh';
  const shown = p.history.skipped.slice(0, 4).map((s) => `${s.date} ${s.name ?? (s.reason === 'no_calls' ? (zh ? '无来电' : 'no calls') : '')}`.trim());
  const more = p.history.skipped.length - shown.length;
  if (shown.length === 0) return '';
  return zh ? `（未采用：${shown.join('、')}${more > 0 ? ` 等 ${p.history.skipped.length} 天` : ''}）` : ` (left out: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}

/** The line saying how many intervals took the whole day's AHT (none of their answered calls had a talk time), or none. */
function ahtNote(n: number, lang: Lang): string[] {
  if (n === 0) return [];
  return [lang === 'zh' ? `${n} 个时间段没有可用的通话时长，按全天平均处理时长计算` : `${n} interval${n === 1 ? '' : 's'} had no answered call with a talk time: the whole day's AHT was used`];
}

/** The lines of a plan above its table: the day and goal, the forecast's totals, the days it came from (and the AHT note). */
export function planLines(p: StaffingPlan, lang: Lang): string[] {
  const zh = lang === 'zh';
  const at = p.peak ? interval(p.date, p.peak.start_minute, p.interval_minutes).interval : '';
  const peak = !p.peak ? 'n/a' : zh ? `${at} ${p.peak.agents} 坐席（排班 ${p.peak.scheduled} 人）` : `${p.peak.agents} agents (${p.peak.scheduled} scheduled) at ${at}`;
  return zh
    ? [
      `排班预测 ${dayLabel(p, lang)}（${p.timezone}）：每 ${p.interval_minutes} 分钟，${pct(p.target)} 在 ${p.threshold_seconds} 秒内接听，占用率 ≤ ${pct(p.max_occupancy)}，损耗率 ${pct(p.shrinkage)}`,
      `预测来电 ${num(p.calls)}；高峰 ${peak}；坐席工时 ${num(p.agent_hours)} 小时，排班工时 ${num(p.scheduled_hours)} 小时`,
      `依据此前 ${p.history.used.length} 个${weekdayName(p.weekday, lang)}：${p.history.used.join('、')}${skippedText(p, lang)}`,
      ...ahtNote(p.day_aht_used, lang),
    ]
    : [
      `Staffing plan ${dayLabel(p, lang)} (${p.timezone}): ${p.interval_minutes}-minute intervals, ${pct(p.target)} within ${p.threshold_seconds} s, occupancy ≤ ${pct(p.max_occupancy)}, shrinkage ${pct(p.shrinkage)}`,
      `forecast ${num(p.calls)} calls; peak ${peak}; ${num(p.agent_hours)} agent-hours on the phones, ${num(p.scheduled_hours)} scheduled`,
      `from ${p.history.used.length} earlier ${weekdayName(p.weekday, lang)}${p.history.used.length === 1 ? '' : 's'}: ${p.history.used.join(', ')}${skippedText(p, lang)}`,
      ...ahtNote(p.day_aht_used, lang),
    ];
}

/** `staffing plan`: the page on a terminal, the intervals as CSV, the whole plan as JSON. */
export function planReport(p: StaffingPlan, lang: Lang): Report {
  const rows = p.intervals.map((r) => ({ ...interval(p.date, r.start_minute, p.interval_minutes), ...r, forecast_calls: r.calls }));
  const table: ReportTable = { columns: PLAN_COLUMNS, rows };
  const { intervals: _i, peak, ...summary } = p;
  const jsonRows = rows.map(({ start_minute: _s, forecast_calls: _f, ...r }) => r);
  const jsonPeak = peak && { ...interval(p.date, peak.start_minute, p.interval_minutes), agents: peak.agents, scheduled: peak.scheduled };
  return { ...table, json: { ...summary, peak: jsonPeak, intervals: jsonRows }, page: (view) => page(view, planLines(p, lang), { columns: PLAN_PAGE_COLUMNS, rows }, []) };
}

const CHECK_COLUMNS = columns(
  'interval', 'offered', ['answered_within_threshold', WIDE], 'service_level', ['aht_seconds', WIDE], ['traffic_erlangs', WIDE], 'agents',
  'operators_available', 'shortfall', ['status', { values: 'staffing_status' }],
);

const CHECK_PAGE_COLUMNS = columns(
  'interval', ['offered', { en: 'calls' }], ['answered_within_threshold', { en: '≤T', zh: '三声内', wide: true }], ['service_level', { en: 'SL' }],
  ['aht_seconds', { en: 'AHT s', zh: '均处理', wide: true }], ['traffic_erlangs', { en: 'erlangs', zh: '话务量', wide: true }], ['agents', { en: 'needed' }],
  ['operators_available', { en: 'available' }], ['shortfall', { en: 'short' }], ['status', { values: 'staffing_status' }],
);

/** The note when there is no presence data for the day. */
export function presenceNote(c: StaffingCheck, lang: Lang): string {
  return lang === 'zh'
    ? `${c.date} 没有话务员在岗数据：可用人数与缺口为 n/a，未达标的时间段排在前面`
    : `no operator presence data for ${c.date}: operators_available and shortfall are n/a; the intervals that missed the target come first`;
}

/** The lines of a check above its table: the day's calls and service level, how many intervals missed, the hours needed and had (and the AHT note). */
export function checkLines(c: StaffingCheck, lang: Lang): string[] {
  const n = c.intervals.length;
  return lang === 'zh'
    ? [
      `排班检查 ${dayLabel(c, lang)}（${c.timezone}）：来电 ${num(c.offered)}，服务水平 ${pct(c.service_level)}（目标 ${pct(c.target)} 在 ${c.threshold_seconds} 秒内，公式 ${c.service_level_formula}）`,
      `${n} 个有来电的时间段（每 ${c.interval_minutes} 分钟）中 ${c.missed_target} 个未达标，${c.understaffed} 个人手不足；按来电量需坐席工时 ${num(c.agent_hours)} 小时，在岗 ${num(c.available_hours)} 小时`,
      ...ahtNote(c.day_aht_used, lang),
    ]
    : [
      `Staffing check ${dayLabel(c, lang)} (${c.timezone}): ${num(c.offered)} inbound calls, service level ${pct(c.service_level)} (target ${pct(c.target)} within ${c.threshold_seconds} s, formula ${c.service_level_formula})`,
      `${c.missed_target} of ${n} intervals with calls (${c.interval_minutes} minutes) missed the target, ${c.understaffed} understaffed; the calls needed ${num(c.agent_hours)} agent-hours, operators available ${num(c.available_hours)}`,
      ...ahtNote(c.day_aht_used, lang),
    ];
}

/** `staffing check`: the page on a terminal (understaffed intervals first), the intervals as CSV, the whole day as JSON. */
export function checkReport(c: StaffingCheck, lang: Lang): Report {
  const rows = c.intervals.map((r) => ({ ...interval(c.date, r.start_minute, c.interval_minutes), ...r }));
  const table: ReportTable = { columns: CHECK_COLUMNS, rows };
  const { intervals: _i, ...summary } = c;
  const jsonRows = rows.map(({ start_minute: _s, ...r }) => r);
  return { ...table, json: { ...summary, intervals: jsonRows }, page: (view) => page(view, checkLines(c, lang), { columns: CHECK_PAGE_COLUMNS, rows }, c.presence ? [] : [presenceNote(c, lang)]) };
}
