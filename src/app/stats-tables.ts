/** The daily and range statistics as report tables (for CSV and terminal tables). */
import { roundTo } from '../domain/kpi.js';
import type { Column, ReportTable, Row } from '../io/render/report.js';
import { column, columns, WIDE, type ColumnKey } from '../io/render/vocabulary/columns.js';
import type { DailyReport, RangeGrouping, RangeRow } from './stats.js';

export type DailyTableChoice = 'summary' | 'operator' | 'team' | 'hour' | 'category' | 'reason';

const MEASURE_COLUMNS = columns(
  'offered', 'answered', 'abandoned', ['short_abandoned', WIDE], ['answered_within_threshold', WIDE], ['abandoned_within_threshold', WIDE],
  'service_level', 'asa_seconds', 'aht_seconds', ['abandonment_rate', WIDE], ['avg_abandon_wait_seconds', WIDE], ['max_wait_seconds', WIDE],
  ['talk_seconds', { zh: '通话总时长', wide: true }], ['satisfaction_avg', WIDE], ['complaints', WIDE], ['orders', WIDE],
);

function display(value: unknown, type: Column['type']): unknown {
  if (typeof value !== 'number') return value ?? 'n/a';
  if (type === 'rate') return `${(value * 100).toFixed(1)}%`;
  return value;
}

/** The day's totals as measure/value rows; `forDisplay` shows rates as percentages and n/a. */
export function summaryTable(report: DailyReport, forDisplay = false): ReportTable {
  const rows: Row[] = MEASURE_COLUMNS.map((c) => {
    const value = (report.totals as unknown as Row)[c.key] ?? null;
    return { measure: c.key, measure_zh: c.zh, value: forDisplay ? display(value, c.type) : value };
  });
  rows.push({ measure: 'outbound_calls', measure_zh: column('outbound_calls').zh, value: report.outbound.calls });
  return { columns: columns('measure', 'measure_zh', ['value', { type: forDisplay ? 'text' : 'number' }]), rows };
}

const OPERATOR_COLUMNS = columns(
  'operator_id', 'name', 'team', 'answered', 'handle_seconds', 'aht_seconds', 'answered_within_threshold', 'within_threshold_rate', 'missed_rings', 'complaints', 'orders', 'satisfaction_avg',
  ['unauthorized_seconds', WIDE],
);

const TEAM_COLUMNS = [column('team'), column('operators'), ...OPERATOR_COLUMNS.slice(3)];
const HOUR_COLUMNS = columns('hour', 'offered', 'answered', 'abandoned', 'service_level', 'operators_logged_in', 'operators_available');
const CATEGORY_COLUMNS = columns('category', 'calls');
const REASON_COLUMNS = columns(['reason', { zh: '投诉原因', values: 'complaint_reason' }], 'count');

function totalRow(report: DailyReport, label: string, teamLabel: string | null): Row {
  const t = report.totals;
  return {
    operator_id: label, team: teamLabel, name: null, operators: report.by_operator.length,
    answered: t.answered,
    handle_seconds: t.talk_seconds === null ? null : report.by_operator.reduce((s, r) => s + (r.handle_seconds ?? 0), 0),
    aht_seconds: t.aht_seconds,
    answered_within_threshold: t.answered_within_threshold,
    within_threshold_rate: t.answered > 0 && t.answered_within_threshold !== null ? roundTo(t.answered_within_threshold / t.answered, 4) : null,
    missed_rings: report.by_operator.reduce((s, r) => s + r.missed_rings, 0),
    complaints: t.complaints,
    orders: t.orders,
    satisfaction_avg: t.satisfaction_avg,
    unauthorized_seconds: report.by_operator.some((r) => r.unauthorized_seconds !== null) ? report.by_operator.reduce((s, r) => s + (r.unauthorized_seconds ?? 0), 0) : null,
  };
}

/** One of the day's tables, chosen by --by; operator and team tables end with a total row. */
export function dailyTable(report: DailyReport, by: DailyTableChoice, lang: 'en' | 'zh'): ReportTable {
  const total = lang === 'zh' ? '合计' : 'TOTAL';
  switch (by) {
    case 'summary': return summaryTable(report);
    case 'operator': return { columns: OPERATOR_COLUMNS, rows: [...(report.by_operator as unknown as Row[]), totalRow(report, total, null)] };
    case 'team': return { columns: TEAM_COLUMNS, rows: [...(report.by_team as unknown as Row[]), totalRow(report, total, total)] };
    case 'hour': return { columns: HOUR_COLUMNS, rows: report.by_hour as unknown as Row[] };
    case 'category': return { columns: CATEGORY_COLUMNS, rows: report.by_category };
    case 'reason': return { columns: REASON_COLUMNS, rows: report.complaint_reasons };
  }
}

const NARROW_OPERATOR_COLUMNS = columns(
  ['operator_id', { en: 'id' }], 'name', ['answered', { en: 'ans', zh: '接听' }], ['aht_seconds', { en: 'AHT s', zh: '均处理' }],
  ['within_threshold_rate', { en: '≤T', zh: '三声内' }], ['missed_rings', { en: 'missed', zh: '漏接' }], ['complaints', { en: 'cmpl', zh: '投诉' }],
  ['orders', { zh: '下单' }], ['satisfaction_avg', { en: 'sat', zh: '满意' }],
);

/** The operator table with short headers, for a terminal of 80 columns. */
export function narrowOperatorTable(report: DailyReport, lang: 'en' | 'zh'): ReportTable {
  return { columns: NARROW_OPERATOR_COLUMNS, rows: [...(report.by_operator as unknown as Row[]), totalRow(report, lang === 'zh' ? '合计' : 'TOTAL', null)] };
}

/** The column a range's rows are grouped by, labelled as that column is elsewhere (an hour as text here). */
const PERIOD_COLUMNS: Record<RangeGrouping, ColumnKey> = { day: 'day', week: 'week_from', month: 'month', operator: 'operator_id', team: 'team', hour: 'hour', category: 'category' };

/** A range report: one row per period or group with every measure. */
export function rangeTable(rows: RangeRow[], by: RangeGrouping): ReportTable {
  const { en, zh, values } = column(PERIOD_COLUMNS[by]);
  return { columns: [{ key: 'period', en, zh, ...(values ? { values } : {}) }, ...MEASURE_COLUMNS], rows: rows as unknown as Row[] };
}
