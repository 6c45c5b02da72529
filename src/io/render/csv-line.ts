/**
 * One CSV record as text, safe for Excel: formula neutralisation (csv-stringify escape_formulas,
 * plus the leading line feed it does not cover), any value with a line break quoted, CRLF.
 */
import { stringify } from 'csv-stringify/sync';

export function csvLine(cells: readonly unknown[]): string {
  return stringify([cells as unknown[]], {
    escape_formulas: true,
    quoted_match: /[\r\n]/,
    cast: { string: (v) => (v.startsWith('\n') ? `'${v}` : v) },
    record_delimiter: '\r\n',
  });
}
