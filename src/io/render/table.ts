/** Terminal table renderer: cli-table3 draws, cells wrapped to the terminal's width (width.ts); colour only when allowed. */
import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import { displayCell, isNumeric } from './cells.js';
import { headerOf, type RenderOptions, type ReportTable } from './report.js';
import { styles } from './styles.js';
import { fitColumns } from './fit-columns.js';
import { wrapLine, wrapText } from './width.js';

const require = createRequire(import.meta.url);

let loadedTable: typeof CliTable | undefined;

/** cli-table3 (CommonJS), loaded on the first table drawn: CSV and JSON output do without it. */
function tableClass(): typeof CliTable {
  return (loadedTable ??= require('cli-table3') as typeof CliTable);
}

/** A terminal table draws this many rows at most (cli-table3 slows down sharply past a few thousand). */
export const MAX_TABLE_ROWS = 500;

/** Numbers and dates keep their width; text may wrap. */
const unbroken = (c: ReportTable['columns'][number]): boolean => isNumeric(c) || c.type === 'date';

/** The report as a text table, wrapped to `opts.width` columns when given. */
export function renderTable(report: ReportTable, opts: RenderOptions): string {
  const style = styles(opts.color);
  const headers = report.columns.map((c) => headerOf(c, opts.lang));
  const rows: { text: string; dim: boolean }[][] = [];
  let more = 0;
  for (const row of report.rows) {
    if (rows.length >= MAX_TABLE_ROWS) {
      more++;
      continue;
    }
    rows.push(report.columns.map((c) => displayCell(row, c, opts)));
  }
  if (rows.length === 0) return style.dim('(no rows)') + '\n';
  const widths = opts.width === undefined ? undefined : fitColumns(report.columns.map((c, i) => ({
    header: headers[i] as string, cells: rows.map((r) => r[i]?.text ?? ''), breakable: !unbroken(c),
  })), opts.width);
  const wrap = (text: string, i: number): string => (widths ? wrapLine(text, widths[i] as number).join('\n') : text);
  const Table = tableClass();
  const table = new Table({
    head: headers.map((h, i) => style.bold(wrap(h, i))),
    style: { head: [], border: [], compact: true },
    colAligns: report.columns.map((c) => (isNumeric(c) ? 'right' : 'left')),
  });
  for (const r of rows) table.push(r.map((cell, i) => (cell.dim ? style.dim(cell.text) : wrap(cell.text, i))));
  const rest = more > 0 ? style.dim(wrapText(`(… and ${more} more rows: a terminal table shows ${MAX_TABLE_ROWS}; use --limit, or --format csv)`, opts.width)) + '\n' : '';
  return table.toString() + '\n' + rest;
}
