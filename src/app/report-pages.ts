/**
 * What the month's and the day's reports share: words in English or Chinese, the headline
 * figures, the demand page (calls by category and complaint reasons beside the period before)
 * and the definitions every report states.
 */
import type { CallMeasures, KpiDefinitions } from '../domain/kpi.js';
import type { Block } from '../io/render/html-report.js';
import type { Lang, Row } from '../io/render/report.js';
import { column, columns } from '../io/render/vocabulary/columns.js';
import { valueLabel, type ValueVocabulary } from '../io/render/vocabulary/values.js';
import type { Demand } from './report-month.js';
import type { RangeRow } from './stats.js';

/** The English or the Chinese of a phrase. */
export type Words = (en: string, zh: string) => string;

export function wordsFor(lang: Lang): Words {
  return (en, zh) => (lang === 'zh' ? zh : en);
}

/** A rate as a percentage, one decimal; n/a when undefined. */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? 'n/a' : `${(v * 100).toFixed(1)}%`;
}

/** Seconds with one decimal and a unit; n/a when undefined. */
export function seconds(v: number | null | undefined, w: Words): string {
  return v === null || v === undefined ? 'n/a' : `${v.toFixed(1)} ${w('s', '秒')}`;
}

/** A count with thousands separators. */
export function count(v: number): string {
  return v.toLocaleString('en-US');
}

/** The label of a code in `lang` (a call category, a weekday, a grade …); null: `none`. */
export function labelOf(code: string | null, vocabulary: ValueVocabulary, lang: Lang, none: string): string {
  return code === null || code === '' ? none : String(valueLabel(code, vocabulary, lang));
}

/** The headline measures of a period: offered, answered, service level against the target, ASA, AHT, abandonment. */
export function serviceFacts(m: CallMeasures | null, target: number, w: Words): { label: string; value: string }[] {
  return [
    { label: w('Offered', '来电量'), value: count(m?.offered ?? 0) },
    { label: w('Answered', '接听量'), value: count(m?.answered ?? 0) },
    { label: w(`Service level (target ${percent(target)})`, `服务水平（目标 ${percent(target)}）`), value: percent(m?.service_level) },
    { label: w('Abandonment rate', '放弃率'), value: percent(m?.abandonment_rate) },
    { label: w('ASA', '平均应答时长'), value: seconds(m?.asa_seconds, w) },
    { label: w('AHT', '平均处理时长'), value: seconds(m?.aht_seconds, w) },
  ];
}

/** Keys of both periods in the order of the current one, then those only in the previous one. */
function keysOf<T>(current: readonly T[], previous: readonly T[], key: (r: T) => string | null): (string | null)[] {
  const keys = current.map(key);
  for (const k of previous.map(key)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** The demand page: calls by category and complaint reasons, this period beside the one before (`labels`: how each period is named). */
export function demandPage(d: Demand, labels: { current: string; previous: string }, lang: Lang): Block[] {
  const w = wordsFor(lang);
  const none = w('none', '未分类');
  const cats = keysOf(d.categories, d.previous_categories, (r) => r.period);
  const offered = (rows: readonly RangeRow[], k: string | null): number => rows.find((r) => r.period === k)?.offered ?? 0;
  const reasons = keysOf(d.reasons, d.previous_reasons, (r) => r.reason);
  const complaints = (rows: Demand['reasons'], k: string | null): number => rows.find((r) => r.reason === k)?.count ?? 0;
  const bars = (title: string, keys: (string | null)[], vocabulary: ValueVocabulary, value: (current: boolean, k: string | null) => number): Block => ({
    kind: 'chart',
    chart: {
      type: 'cartesian', title, height: 260, categories: keys.map((k) => labelOf(k, vocabulary, lang, none)), axes: [{ name: w('calls', '来电'), unit: 'count' }],
      series: [
        { name: labels.current, kind: 'bar', values: keys.map((k) => value(true, k)) },
        { name: labels.previous, kind: 'bar', values: keys.map((k) => value(false, k)) },
      ],
    },
  });
  const period = (key: 'offered' | 'previous_offered' | 'count' | 'previous_count', name: string) => [key, { en: name, zh: name }] as const;
  return [
    bars(w('Calls by category', '各业务类型来电量'), cats, 'call_category', (c, k) => offered(c ? d.categories : d.previous_categories, k)),
    bars(w('Complaint calls by reason', '投诉来电原因'), reasons, 'complaint_reason', (c, k) => complaints(c ? d.reasons : d.previous_reasons, k)),
    {
      kind: 'table',
      table: {
        columns: [column('category'), ...columns(period('offered', labels.current), period('previous_offered', labels.previous))],
        rows: cats.map((k): Row => ({ category: k ?? none, offered: offered(d.categories, k), previous_offered: offered(d.previous_categories, k) })),
      },
    },
    {
      kind: 'table',
      table: {
        columns: [column('complaint_reason'), ...columns(period('count', labels.current), period('previous_count', labels.previous))],
        rows: reasons.map((k): Row => ({ complaint_reason: k ?? none, count: complaints(d.reasons, k), previous_count: complaints(d.previous_reasons, k) })),
      },
    },
  ];
}

/** How the call measures were counted, in words. */
export function kpiDefinitions(d: KpiDefinitions, zone: string, target: number, w: Words): string[] {
  const formula = { A: w('answered ≤ T / offered', '阈值内接听 / 来电量'), B: w('answered ≤ T / (offered − abandoned ≤ T)', '阈值内接听 /（来电量 − 阈值内放弃）'), C: w('(answered ≤ T + abandoned ≤ T) / offered', '（阈值内接听 + 阈值内放弃）/ 来电量') }[d.service_level_formula];
  return [
    w(`Days and hours are local days and hours in ${zone}.`, `日期与时段按 ${zone} 当地时间计。`),
    w(`Within three rings (T): answered with a wait of at most ${d.threshold_seconds} s (policy kpi.threshold_seconds).`, `三声内接听（T）：等待不超过 ${d.threshold_seconds} 秒接听（策略 kpi.threshold_seconds）。`),
    w(`Service level, formula ${d.service_level_formula}: ${formula} (kpi.service_level); target ${percent(target)} (kpi.service_level_target).`, `服务水平，公式 ${d.service_level_formula}：${formula}（kpi.service_level）；目标 ${percent(target)}（kpi.service_level_target）。`),
    w(`Short abandon: abandoned after a wait of at most ${d.short_abandon_seconds} s. Abandonment rate: abandoned / offered.`, `短时放弃：等待不超过 ${d.short_abandon_seconds} 秒即放弃。放弃率：放弃量 / 来电量。`),
    w('ASA: average wait of answered calls. AHT: (talk + hold + after-call work) / answered calls with a talk time.', '平均应答时长：接听来电的平均等待。平均处理时长：（通话 + 保持 + 话后处理）/ 有通话时长的接听量。'),
  ];
}

/** The last page: how the figures were counted, the commands that print the same figures, the policy used, and that no customer data is in the file. */
export function definitionsPage(lines: readonly string[], commands: readonly string[], policySource: string | null, w: Words): Block[] {
  return [
    { kind: 'text', lines },
    { kind: 'text', lines: [w('The same figures, from the commands:', '同样的数字可由以下命令得到：')] },
    { kind: 'commands', lines: commands },
    {
      kind: 'text',
      lines: [
        policySource === null ? w('Policy: the built-in defaults (no policy file).', '策略：内置默认值（无策略文件）。') : w(`Policy: ${policySource} over the defaults.`, `策略：${policySource}（未设的键取默认值）。`),
        w('This report holds only totals: no customer phone number, name or address.', '本报告只含汇总数据，不含客户电话、姓名或地址。'),
      ],
    },
  ];
}

/**
 * The two service charts of a report, per period (an hour of the day, a day of the month):
 * answered and abandoned stacked with the service level and its target, then ASA and AHT.
 * `per` gives a measure for each category, in order.
 */
export function serviceCharts(
  p: { categories: string[]; per: (f: (r: RangeRow | undefined) => number | null) => (number | null)[]; target: number; titles: { calls: [string, string]; times: [string, string] } },
  w: Words,
): Block[] {
  const { categories, per } = p;
  return [
    {
      kind: 'chart',
      chart: {
        type: 'cartesian', title: w(...p.titles.calls), height: 320, categories,
        axes: [{ name: w('calls', '来电'), unit: 'count' }, { name: w('service level', '服务水平'), unit: 'rate' }],
        series: [
          { name: w('answered', '接听'), kind: 'bar', stack: 'offered', values: per((r) => r?.answered ?? 0) },
          { name: w('abandoned', '放弃'), kind: 'bar', stack: 'offered', values: per((r) => r?.abandoned ?? 0) },
          { name: w('service level', '服务水平'), kind: 'line', axis: 1, values: per((r) => r?.service_level ?? null) },
        ],
        marks: [{ name: w('target', '目标'), value: p.target, axis: 1 }],
      },
    },
    {
      kind: 'chart',
      chart: {
        type: 'cartesian', title: w(...p.titles.times), height: 260, categories,
        axes: [{ name: w('ASA s', '应答 秒'), unit: 'seconds' }, { name: w('AHT s', '处理 秒'), unit: 'seconds' }],
        series: [
          { name: w('ASA', '平均应答时长'), kind: 'line', values: per((r) => r?.asa_seconds ?? null) },
          { name: w('AHT', '平均处理时长'), kind: 'line', axis: 1, values: per((r) => r?.aht_seconds ?? null) },
        ],
      },
    },
  ];
}
