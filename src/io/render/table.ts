/** Terminal table renderer (cli-table3 measures CJK widths); colour only when allowed. */
import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import { cellText, cellValue } from './cells.js';
import { headerOf, type RenderOptions, type ReportTable } from './report.js';
import { styles } from './styles.js';

let loadedTable: typeof CliTable | undefined;

/** cli-table3 (CommonJS), loaded on the first table drawn: CSV and JSON output do without it. */
function tableClass(): typeof CliTable {
  return (loadedTable ??= createRequire(import.meta.url)('cli-table3') as typeof CliTable);
}

/** A terminal table draws this many rows at most (cli-table3 slows down sharply past a few thousand). */
export const MAX_TABLE_ROWS = 500;

const RIGHT = new Set(['integer', 'number', 'rate', 'seconds', 'money']);

/** The report as a text table. */
export function renderTable(report: ReportTable, opts: RenderOptions): string {
  const style = styles(opts.color);
  const Table = tableClass();
  const table = new Table({
    head: report.columns.map((c) => style.bold(headerOf(c, opts.lang))),
    style: { head: [], border: [], compact: true },
    colAligns: report.columns.map((c) => (c.type && RIGHT.has(c.type) ? 'right' : 'left')),
  });
  let n = 0;
  let more = 0;
  for (const row of report.rows) {
    if (n >= MAX_TABLE_ROWS) {
      more++;
      continue;
    }
    table.push(report.columns.map((c) => {
      const v = cellValue(row, c, opts.showPii);
      if (v === null) return c.type && RIGHT.has(c.type) ? style.dim('n/a') : '';
      if (c.type === 'rate' && typeof v === 'number') return `${(v * 100).toFixed(1)}%`;
      return cellText(v, c).replace(/[\r\n]+/g, ' ');
    }));
    n++;
  }
  if (n === 0) return style.dim('(no rows)') + '\n';
  const rest = more > 0 ? style.dim(`(… and ${more} more rows: a terminal table shows ${MAX_TABLE_ROWS}; use --limit, or --format csv)`) + '\n' : '';
  return table.toString() + '\n' + rest;
}
