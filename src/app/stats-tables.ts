/** The daily and range statistics as report tables (for CSV and terminal tables). */
import { roundTo } from '../domain/kpi.js';
import type { Column, ReportTable, Row } from '../io/render/report.js';
import type { DailyReport, RangeRow } from './stats.js';

export type DailyTableChoice = 'summary' | 'operator' | 'team' | 'hour' | 'category' | 'reason';

const MEASURE_COLUMNS: Column[] = [
  { key: 'offered', en: 'offered', zh: '来电量', type: 'integer' },
  { key: 'answered', en: 'answered', zh: '接听量', type: 'integer' },
  { key: 'abandoned', en: 'abandoned', zh: '放弃量', type: 'integer' },
  { key: 'short_abandoned', en: 'short_abandoned', zh: '短时放弃', type: 'integer', wide: true },
  { key: 'answered_within_threshold', en: 'answered_within_threshold', zh: '三声内接听', type: 'integer', wide: true },
  { key: 'abandoned_within_threshold', en: 'abandoned_within_threshold', zh: '阈值内放弃', type: 'integer', wide: true },
  { key: 'service_level', en: 'service_level', zh: '服务水平', type: 'rate' },
  { key: 'asa_seconds', en: 'asa_seconds', zh: '平均应答时长', type: 'seconds' },
  { key: 'aht_seconds', en: 'aht_seconds', zh: '平均处理时长', type: 'seconds' },
  { key: 'abandonment_rate', en: 'abandonment_rate', zh: '放弃率', type: 'rate', wide: true },
  { key: 'avg_abandon_wait_seconds', en: 'avg_abandon_wait_seconds', zh: '平均放弃等待', type: 'seconds', wide: true },
  { key: 'max_wait_seconds', en: 'max_wait_seconds', zh: '最长等待', type: 'seconds', wide: true },
  { key: 'talk_seconds', en: 'talk_seconds', zh: '通话总时长', type: 'seconds', wide: true },
  { key: 'satisfaction_avg', en: 'satisfaction_avg', zh: '平均满意度', type: 'number', wide: true },
  { key: 'complaints', en: 'complaints', zh: '投诉量', type: 'integer', wide: true },
  { key: 'orders', en: 'orders', zh: '下单量', type: 'integer', wide: true },
];

const LABELS = new Map(MEASURE_COLUMNS.map((c) => [c.key, c]));

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
  rows.push({ measure: 'outbound_calls', measure_zh: '呼出量', value: report.outbound.calls });
  return {
    columns: [
      { key: 'measure', en: 'measure', zh: '指标' },
      { key: 'measure_zh', en: 'label', zh: '名称' },
      { key: 'value', en: 'value', zh: '数值', type: forDisplay ? 'text' : 'number' },
    ],
    rows,
  };
}

const OPERATOR_COLUMNS: Column[] = [
  { key: 'operator_id', en: 'operator_id', zh: '工号' },
  { key: 'name', en: 'name', zh: '姓名' },
  { key: 'team', en: 'team', zh: '班组' },
  { key: 'answered', en: 'answered', zh: '接听量', type: 'integer' },
  { key: 'handle_seconds', en: 'handle_seconds', zh: '处理时长', type: 'seconds' },
  { key: 'aht_seconds', en: 'aht_seconds', zh: '平均处理时长', type: 'seconds' },
  { key: 'answered_within_threshold', en: 'answered_within_threshold', zh: '三声内接听', type: 'integer' },
  { key: 'within_threshold_rate', en: 'within_threshold_rate', zh: '三声内接听率', type: 'rate' },
  { key: 'missed_rings', en: 'missed_rings', zh: '未接振铃', type: 'integer' },
  { key: 'complaints', en: 'complaints', zh: '投诉量', type: 'integer' },
  { key: 'orders', en: 'orders', zh: '下单量', type: 'integer' },
  { key: 'satisfaction_avg', en: 'satisfaction_avg', zh: '平均满意度', type: 'number' },
];

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
  };
}

/** One of the day's tables, chosen by --by; operator and team tables end with a total row. */
export function dailyTable(report: DailyReport, by: DailyTableChoice, lang: 'en' | 'zh'): ReportTable {
  const total = lang === 'zh' ? '合计' : 'TOTAL';
  switch (by) {
    case 'summary': return summaryTable(report);
    case 'operator': return { columns: OPERATOR_COLUMNS, rows: [...(report.by_operator as unknown as Row[]), totalRow(report, total, null)] };
    case 'team': return {
      columns: [OPERATOR_COLUMNS[2] as Column, { key: 'operators', en: 'operators', zh: '人数', type: 'integer' }, ...OPERATOR_COLUMNS.slice(3)],
      rows: [...(report.by_team as unknown as Row[]), totalRow(report, total, total)],
    };
    case 'hour': return {
      columns: [{ key: 'hour', en: 'hour', zh: '时段', type: 'integer' }, LABELS.get('offered') as Column, LABELS.get('answered') as Column, LABELS.get('abandoned') as Column, LABELS.get('service_level') as Column],
      rows: report.by_hour as unknown as Row[],
    };
    case 'category': return { columns: [{ key: 'category', en: 'category', zh: '业务类型', values: 'call_category' }, { key: 'calls', en: 'calls', zh: '来电量', type: 'integer' }], rows: report.by_category };
    case 'reason': return { columns: [{ key: 'reason', en: 'reason', zh: '投诉原因', values: 'complaint_reason' }, { key: 'count', en: 'count', zh: '投诉量', type: 'integer' }], rows: report.complaint_reasons };
  }
}

const NARROW_OPERATOR_COLUMNS: Column[] = [
  { key: 'operator_id', en: 'id', zh: '工号' },
  { key: 'name', en: 'name', zh: '姓名' },
  { key: 'answered', en: 'ans', zh: '接听', type: 'integer' },
  { key: 'aht_seconds', en: 'AHT s', zh: '均处理', type: 'seconds' },
  { key: 'within_threshold_rate', en: '≤T', zh: '三声内', type: 'rate' },
  { key: 'missed_rings', en: 'missed', zh: '漏接', type: 'integer' },
  { key: 'complaints', en: 'cmpl', zh: '投诉', type: 'integer' },
  { key: 'orders', en: 'orders', zh: '下单', type: 'integer' },
  { key: 'satisfaction_avg', en: 'sat', zh: '满意', type: 'number' },
];

/** The operator table with short headers, for a terminal of 80 columns. */
export function narrowOperatorTable(report: DailyReport, lang: 'en' | 'zh'): ReportTable {
  return { columns: NARROW_OPERATOR_COLUMNS, rows: [...(report.by_operator as unknown as Row[]), totalRow(report, lang === 'zh' ? '合计' : 'TOTAL', null)] };
}

/** A range report: one row per period or group with every measure. */
export function rangeTable(rows: RangeRow[], periodLabel: Omit<Column, 'key'>): ReportTable {
  return { columns: [{ key: 'period', ...periodLabel }, ...MEASURE_COLUMNS], rows: rows as unknown as Row[] };
}
