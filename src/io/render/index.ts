/** Chooses the renderer for --format. */
import { renderCsv } from './csv.js';
import { renderJsonRows } from './json.js';
import type { RenderOptions, ReportTable } from './report.js';
import { renderTable } from './table.js';

/** The rendered text of a report, in chunks. */
export function* renderReport(report: ReportTable, opts: RenderOptions): Generator<string> {
  if (opts.format === 'csv') yield* renderCsv(report, opts);
  else if (opts.format === 'json') yield* renderJsonRows(report, opts);
  else yield renderTable(report, opts);
}
