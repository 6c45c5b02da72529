/**
 * CSV renderer: deterministic columns, formula neutralisation in every cell (csv-stringify
 * escape_formulas, plus the leading line-feed case it does not cover), optional BOM for Excel.
 */
import { cellText, cellValue, labelled } from './cells.js';
import { csvLine as toLine } from './csv-line.js';
import { headerOf, type RenderOptions, type ReportTable } from './report.js';

const BATCH = 1000;

/** The CSV text of a report, in chunks. */
export function* renderCsv(report: ReportTable, opts: RenderOptions): Generator<string> {
  const header = report.columns.map((c) => headerOf(c, opts.lang));
  yield (opts.bom ? '\ufeff' : '') + toLine(header);
  let chunk = '';
  let n = 0;
  for (const row of report.rows) {
    chunk += toLine(report.columns.map((c) => {
      const v = labelled(cellValue(row, c, opts.showPii), c, opts.lang);
      if (typeof v === 'number') return c.type === 'money' ? v.toFixed(2) : v;
      return cellText(v, c);
    }));
    if (++n % BATCH === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
