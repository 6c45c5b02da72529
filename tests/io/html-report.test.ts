// The HTML report renderer (src/io/render/html-report.ts, chart-options.ts): a document of
// sections and pages becomes one HTML file; every text is escaped (an operator's or a
// department's name is data: `<b>&` must stay text, in the tables and inside the SVG charts);
// the chart fonts stay inside a valid style attribute; no namespace URL is left in the SVG.
import { describe, expect, test } from 'vitest';
import { chartOption, renderChartSvg, type CartesianSpec } from '../../src/io/render/chart-options.js';
import { renderHtmlReport, type HtmlReport } from '../../src/io/render/html-report.js';
import { columns } from '../../src/io/render/vocabulary/columns.js';

const HOSTILE = '<script>alert("x")</script> & 王\'五';

const BARS: CartesianSpec = {
  type: 'cartesian', title: `排名 ${HOSTILE}`, categories: [HOSTILE, '1002 李四'], axes: [{ name: 'score', unit: 'score' }, { name: 'SL', unit: 'rate' }],
  series: [{ name: 'score', kind: 'bar', values: [91.5, null], tones: ['excellent', 'fail'] }, { name: 'SL', kind: 'line', axis: 1, values: [0.8, 0.5] }],
  marks: [{ name: 'target', value: 0.8, axis: 1 }],
};

const DOC: HtmlReport = {
  lang: 'zh',
  title: `月报 ${HOSTILE}`,
  subtitle: ['生成于 2026-11-01'],
  sections: [
    { id: 'service', title: '服务', pages: [[{ kind: 'facts', facts: [{ label: HOSTILE, value: '1,234' }] }, { kind: 'chart', chart: BARS }], [{ kind: 'table', table: { columns: columns('operator_id', 'name', 'service_level', 'grade', 'asa_seconds'), rows: [{ operator_id: '1001', name: HOSTILE, service_level: 0.81234, grade: 'excellent', asa_seconds: null }] } }]] },
    { id: 'definitions', title: '口径', pages: [[{ kind: 'text', lines: [HOSTILE] }, { kind: 'commands', lines: [`hotline report month --team '${HOSTILE}'`] }]] },
  ],
};

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(DOC);

  test('every text is escaped: no tag from the data, in the page or in the SVG', () => {
    expect(html).not.toContain('<script');
    expect(html.match(/&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; 王&#39;五/g)).toHaveLength(8); // <title>, h1, fact, the chart title and category label (SVG), table, text, commands
    expect(html).toMatch(/<text [^>]*>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; 王&#39;五<\/text>/); // the category axis label
  });

  test('a page per page, the first with the title, the section id on its first page, continued pages marked', () => {
    const pages = [...html.matchAll(/<section class="page"([^>]*)>\n(.*?)<h2>([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]?.startsWith('<h1 id="title">'), m[3]]);
    expect(pages).toEqual([
      [' id="service" data-section="service"', true, '服务'],
      [' data-section="service"', false, '服务（续）'],
      [' id="definitions" data-section="definitions"', false, '口径'],
    ]);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
  });

  test('table cells as people read them: the grade in Chinese, a rate as a percentage, n/a for a missing number', () => {
    expect(html).toContain('<tr><td>1001</td><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 王&#39;五</td><td class="num">81.2%</td><td>优秀</td><td class="num na">n/a</td></tr>');
  });

  test('the SVG: sized by its viewBox, no namespace URL, the font stack inside a well-formed style attribute', () => {
    const svg = renderChartSvg(BARS);
    expect(svg.startsWith('<svg width="720" height="300" version="1.1" baseProfile="full" viewBox="0 0 720 300">')).toBe(true);
    expect(svg).not.toMatch(/xmlns|http/);
    const styles = [...svg.matchAll(/ style="([^"]*)"/g)].map((m) => m[1] as string);
    expect(styles.length).toBeGreaterThan(10);
    for (const s of styles.filter((x) => x.includes('font-family'))) expect(s).toContain("'Noto Sans CJK SC', 'Source Han Sans SC'");
  });
});

describe('chartOption', () => {
  test('bars coloured by grade, the rate axis 0–100 %, the target on the rate axis, labelled with its value', () => {
    const o = chartOption(BARS) as { series: { data: unknown[]; markLine?: { data: { name: string; yAxis: number; label: { formatter: string } }[] } }[]; yAxis: { min?: number; max?: number; axisLabel: { formatter: (v: number) => string } }[] };
    expect(o.series[0]?.data).toEqual([{ value: 91.5, itemStyle: { color: '#2e7d32' } }, { value: null, itemStyle: { color: '#c62828' } }]);
    expect(o.yAxis[1]).toMatchObject({ min: 0, max: 1 });
    expect(o.yAxis[1]?.axisLabel.formatter(0.8)).toBe('80%');
    expect(o.series[0]?.markLine).toBeUndefined();
    expect(o.series[1]?.markLine?.data).toEqual([{ name: 'target', yAxis: 0.8, label: { formatter: 'target 80%' } }]);
  });
});
