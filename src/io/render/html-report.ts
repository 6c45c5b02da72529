/**
 * A report as one self-contained HTML file (`hotline report month|day`): sections of pages, each
 * page its charts (inline SVG drawn by chart-options.ts) and the small tables under them. Nothing
 * outside the file is referenced (a Content-Security-Policy forbids every fetch, so one that
 * slipped in would fail visibly rather than call out); the fonts are the system's, with a CJK
 * stack; print CSS sets A4 and starts each page on a sheet of its own.
 */
import { displayCell, isNumeric } from './cells.js';
import { CHART_WIDTH, FONT_STACK, renderChartSvg, type ChartSpec } from './chart-options.js';
import { headerOf, type Lang, type ReportTable } from './report.js';

/** What a page holds, top to bottom. */
export type Block =
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'table'; table: ReportTable; caption?: string }
  /** Headline figures, label above value. */
  | { kind: 'facts'; facts: readonly { label: string; value: string }[] }
  | { kind: 'text'; lines: readonly string[] }
  /** Command lines, in a monospaced font. */
  | { kind: 'commands'; lines: readonly string[] };

export interface HtmlSection {
  /** The element id of the section's first page (`service`, `demand`, …). */
  id: string;
  title: string;
  /** Each page starts on a new sheet when printed. */
  pages: readonly (readonly Block[])[];
}

export interface HtmlReport {
  lang: Lang;
  title: string;
  /** Lines under the title: scope, time zone, when it was made, from which data. */
  subtitle: readonly string[];
  sections: readonly HtmlSection[];
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef0f3; color: #1f2329; font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.35; }
.page { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 12mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 2px solid #5470c6; }
.subtitle { margin: 0 0 5mm; color: #555; }
.subtitle p { margin: 0; }
figure { margin: 0 0 3mm; }
figure svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
th, td { border-bottom: 1px solid #dde1e6; padding: 0.6mm 1.5mm; text-align: left; white-space: nowrap; }
th { background: #f3f5f8; white-space: normal; overflow-wrap: anywhere; vertical-align: bottom; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.na { color: #999; }
.facts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0 0 5mm; }
.fact { border: 1px solid #dde1e6; border-radius: 2mm; padding: 2mm 3mm; }
.fact .label { color: #555; font-size: 8.5pt; }
.fact .value { font-size: 15pt; font-weight: bold; }
.text p { margin: 0 0 1.5mm; }
pre { margin: 0 0 3mm; padding: 2mm 3mm; background: #f3f5f8; font-size: 8.5pt; white-space: pre-wrap; }
@page { size: A4; margin: 12mm; }
@media print {
  body { background: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; break-after: page; }
  .page:last-of-type { break-after: auto; }
  figure, table, .facts { break-inside: avoid; }
}
`;

function tableHtml(table: ReportTable, lang: Lang, caption: string | undefined): string {
  const cls = (numeric: boolean, extra = ''): string => (numeric || extra ? ` class="${[numeric ? 'num' : '', extra].filter(Boolean).join(' ')}"` : '');
  const head = table.columns.map((c) => `<th${cls(isNumeric(c))}>${escapeHtml(headerOf(c, lang))}</th>`).join('');
  const body: string[] = [];
  for (const row of table.rows) {
    const cells = table.columns.map((c) => {
      const cell = displayCell(row, c, { lang, showPii: false });
      return `<td${cls(isNumeric(c), cell.dim ? 'na' : '')}>${escapeHtml(cell.text)}</td>`;
    });
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table>`;
}

function blockHtml(block: Block, lang: Lang): string {
  switch (block.kind) {
    case 'chart': return `<figure class="chart" style="max-width:${CHART_WIDTH}px">${renderChartSvg(block.chart)}</figure>`;
    case 'table': return tableHtml(block.table, lang, block.caption);
    case 'facts': return `<div class="facts">${block.facts.map((f) => `<div class="fact"><div class="label">${escapeHtml(f.label)}</div><div class="value">${escapeHtml(f.value)}</div></div>`).join('')}</div>`;
    case 'text': return `<div class="text">${block.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`;
    case 'commands': return `<pre>${block.lines.map(escapeHtml).join('\n')}</pre>`;
  }
}

function pageHtml(report: HtmlReport, section: HtmlSection, index: number, first: boolean): string {
  const header = first ? `<h1 id="title">${escapeHtml(report.title)}</h1><div class="subtitle">${report.subtitle.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>` : '';
  const heading = section.title + (index > 0 ? (report.lang === 'zh' ? '（续）' : ' (continued)') : '');
  const id = index === 0 ? ` id="${escapeHtml(section.id)}"` : '';
  const blocks = (section.pages[index] ?? []).map((b) => blockHtml(b, report.lang)).join('\n');
  return `<section class="page"${id} data-section="${escapeHtml(section.id)}">\n${header}<h2>${escapeHtml(heading)}</h2>\n${blocks}\n</section>`;
}

/** The whole file: one string of HTML (a month's report is a few hundred kilobytes). */
export function renderHtmlReport(report: HtmlReport): string {
  const pages = report.sections.flatMap((s, si) => s.pages.map((_, pi) => pageHtml(report, s, pi, si === 0 && pi === 0)));
  return `<!DOCTYPE html>
<html lang="${report.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}
