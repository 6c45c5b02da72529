/**
 * JSON renderer: an array of objects keyed by the canonical snake_case column names. Indented for
 * a person at a terminal; otherwise each JSON value on one line (JSON Lines), so that a cron job
 * can append `--format json` output to a log and read it back a line at a time.
 */
import { cellValue } from './cells.js';
import type { RenderOptions, ReportTable, Row } from './report.js';

/** A JSON array of the report's rows (masked unless --show-pii), streamed a row at a time. */
export function* renderJsonRows(report: ReportTable, opts: RenderOptions): Generator<string> {
  const pretty = opts.pretty ?? false;
  let first = true;
  yield '[';
  for (const row of report.rows) {
    const out: Row = {};
    for (const c of report.columns) out[c.key] = cellValue(row, c, opts.showPii);
    yield (first ? '' : ',') + (pretty ? '\n  ' : '') + JSON.stringify(out);
    first = false;
  }
  yield pretty && !first ? '\n]\n' : ']\n';
}

/** Any JSON value: indented when `pretty`, else on one line. */
export function renderJsonValue(value: unknown, opts: { pretty?: boolean }): string {
  return (opts.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)) + '\n';
}
