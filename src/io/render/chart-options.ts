/**
 * The charts of the HTML reports (html-report.ts): what a report says of a chart (ChartSpec: its
 * categories, series, axes and marks), turned into Apache ECharts options and drawn as SVG text
 * with ECharts' server-side rendering (`renderer: 'svg'`, `ssr: true`: no DOM, no browser).
 * ECharts is loaded by the first chart drawn, so that no other command pays for it.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

/** What a bar's colour says: the appraisal grades (the ranking is coloured by grade). */
export type Tone = 'excellent' | 'good' | 'pass' | 'fail';

/** How an axis's values are written: counts, rates (0–1, as percentages), seconds, hours, scores. */
export type AxisUnit = 'count' | 'rate' | 'seconds' | 'hours' | 'score';

export interface SeriesSpec {
  name: string;
  kind: 'bar' | 'line';
  /** One value per category (null: no data, a gap). */
  values: readonly (number | null)[];
  /** 0: the first axis, 1: the second (right-hand) axis. */
  axis?: 0 | 1;
  /** Bars of the same stack are drawn on top of each other. */
  stack?: string;
  /** A colour per bar (the ranking: each operator's grade). */
  tones?: readonly (Tone | null)[];
}

/** Bars and lines over categories (days, hours, categories, operators). */
export interface CartesianSpec {
  type: 'cartesian';
  title: string;
  categories: readonly string[];
  series: readonly SeriesSpec[];
  axes: readonly { name: string; unit: AxisUnit }[];
  /** Horizontal lines, e.g. the service-level target. */
  marks?: readonly { name: string; value: number; axis: 0 | 1 }[];
  /** Categories down the side (a ranking), first at the top. */
  horizontal?: boolean;
  height?: number;
}

/** A grid of cells coloured by value (calls by hour and weekday). */
export interface HeatmapSpec {
  type: 'heatmap';
  title: string;
  x: readonly string[];
  y: readonly string[];
  /** [x index, y index, value]. */
  cells: readonly (readonly [number, number, number])[];
  height?: number;
}

export type ChartSpec = CartesianSpec | HeatmapSpec;

/**
 * The system fonts that draw Chinese (macOS, Windows, Linux), then the generic family. Names in
 * single quotes: ECharts writes the list into a double-quoted SVG style attribute as it is.
 */
export const FONT_STACK = "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Droid Sans Fallback', sans-serif";

/** The width every chart is drawn at (px); the page scales it to the paper (viewBox). */
export const CHART_WIDTH = 720;

const TONES: Readonly<Record<Tone, string>> = { excellent: '#2e7d32', good: '#1565c0', pass: '#f9a825', fail: '#c62828' };
const PALETTE = ['#5470c6', '#91cc75', '#ee6666', '#fac858', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];

const require = createRequire(import.meta.url);
let loaded: typeof Echarts | undefined;

/** ECharts' one bundled CommonJS file (about 0.1 s to load; its ES modules, several hundred files, take 0.6–1 s). */
function echarts(): typeof Echarts {
  return (loaded ??= require('echarts') as typeof Echarts);
}

function formatValue(v: number, unit: AxisUnit): string {
  if (unit === 'rate') return `${Math.round(v * 100)}%`;
  return String(Math.round(v * 100) / 100);
}

function valueAxis(a: { name: string; unit: AxisUnit }, index: number): Record<string, unknown> {
  return {
    type: 'value', name: a.name, position: index === 0 ? undefined : 'right',
    ...(a.unit === 'rate' ? { min: 0, max: 1 } : {}),
    nameTextStyle: { align: index === 0 ? 'left' : 'right' },
    axisLabel: { formatter: (v: number) => formatValue(v, a.unit) },
    splitLine: { show: index === 0 },
  };
}

function seriesOption(s: SeriesSpec, spec: CartesianSpec, marks: CartesianSpec['marks']): Record<string, unknown> {
  const data = s.tones ? s.values.map((v, i) => ({ value: v, itemStyle: s.tones?.[i] ? { color: TONES[s.tones[i] as Tone] } : undefined })) : [...s.values];
  const markLine = marks?.length ? {
    markLine: {
      symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#c23531' }, label: { position: 'insideEndTop' },
      data: marks.map((m) => ({ name: m.name, [spec.horizontal ? 'xAxis' : 'yAxis']: m.value, label: { formatter: `${m.name} ${formatValue(m.value, spec.axes[m.axis]?.unit ?? 'count')}` } })),
    },
  } : {};
  return {
    type: s.kind, name: s.name, data, [spec.horizontal ? 'xAxisIndex' : 'yAxisIndex']: s.axis ?? 0,
    ...(s.stack ? { stack: s.stack } : {}), ...(s.kind === 'line' ? { symbolSize: 4 } : { barMaxWidth: 28 }),
    ...(spec.horizontal && s.kind === 'bar' ? { label: { show: true, position: 'right', fontSize: 10 } } : {}),
    ...markLine,
  };
}

function cartesianOption(spec: CartesianSpec): Record<string, unknown> {
  const categoryAxis = { type: 'category', data: [...spec.categories], inverse: spec.horizontal ?? false, axisLabel: { fontSize: 10, hideOverlap: true } };
  const values = spec.axes.map(valueAxis);
  // A mark is drawn by the first series on its axis.
  const carrier = (axis: 0 | 1): number => spec.series.findIndex((s) => (s.axis ?? 0) === axis);
  return {
    legend: { top: 30, show: spec.series.length > 1 },
    grid: { left: spec.horizontal ? 110 : 56, right: spec.axes.length > 1 ? 60 : 24, top: 72, bottom: 36 },
    xAxis: spec.horizontal ? values : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : values,
    series: spec.series.map((s, i) => seriesOption(s, spec, spec.marks?.filter((m) => carrier(m.axis) === i))),
  };
}

function heatmapOption(spec: HeatmapSpec): Record<string, unknown> {
  const max = Math.max(1, ...spec.cells.map((c) => c[2]));
  return {
    grid: { left: 56, right: 24, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: [...spec.x], splitArea: { show: true } },
    yAxis: { type: 'category', data: [...spec.y], inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 240, calculable: false, inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] } },
    series: [{ type: 'heatmap', data: spec.cells.map((c) => [...c]), label: { show: spec.x.length * spec.y.length <= 24 * 7, fontSize: 8 } }],
  };
}

/** The ECharts option of a chart: its title, the shared font and palette, no animation (a still picture). */
export function chartOption(spec: ChartSpec): Record<string, unknown> {
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT_STACK },
    title: { text: spec.title, left: 'center', textStyle: { fontSize: 14 } },
    ...(spec.type === 'heatmap' ? heatmapOption(spec) : cartesianOption(spec)),
  };
}

/** The chart as an SVG element (text) for an HTML page, scalable by its viewBox. */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: spec.height ?? 300 });
  try {
    chart.setOption(chartOption(spec));
    // Inline SVG in HTML needs no namespace declarations: without them the file names no URL at all.
    return chart.renderToSVGString({ useViewBox: true }).replace(/^<svg([^>]*?) xmlns="[^"]*" xmlns:xlink="[^"]*"/, '<svg$1');
  } finally {
    chart.dispose(); // an undisposed chart keeps its animation timer, and the process, alive
  }
}
