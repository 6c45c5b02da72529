/** JSON renderer: an array of objects keyed by the canonical snake_case column names. */
import { cellValue } from './cells.js';
import type { RenderOptions, ReportTable, Row } from './report.js';

/** A JSON array of the report's rows (masked unless --show-pii), streamed a row at a time. */
export function* renderJsonRows(report: ReportTable, opts: RenderOptions): Generator<string> {
  let first = true;
  yield '[';
  for (const row of report.rows) {
    const out: Row = {};
    for (const c of report.columns) out[c.key] = cellValue(row, c, opts.showPii);
    yield (first ? '\n  ' : ',\n  ') + JSON.stringify(out);
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

/** Any JSON value, pretty-printed. */
export function renderJsonValue(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
