/**
 * One CSV record as text, safe for Excel: formula neutralisation (csv-stringify escape_formulas,
 * plus the leading line feed it does not cover), any value with a line break quoted, CRLF.
 */
import { createRequire } from 'node:module';
import type { stringify as Stringify } from 'csv-stringify/sync';

const require = createRequire(import.meta.url);

let stringify: typeof Stringify | undefined;

/**
 * csv-stringify's CommonJS build (one file; its ES build is eight modules), loaded on the first
 * line written, so that JSON and table output never load it.
 */
function stringifier(): typeof Stringify {
  return (stringify ??= (require('csv-stringify/sync') as { stringify: typeof Stringify }).stringify);
}

export function csvLine(cells: readonly unknown[]): string {
  return stringifier()([cells as unknown[]], {
    escape_formulas: true,
    quoted_match: /[\r\n]/,
    cast: { string: (v) => (v.startsWith('\n') ? `'${v}` : v) },
    record_delimiter: '\r\n',
  });
}
