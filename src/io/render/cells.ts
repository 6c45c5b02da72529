/** Cell values for CSV and tables: masking and display forms shared by the renderers. */
import { maskValue } from '../../domain/mask.js';
import type { Column, Lang, Row } from './report.js';
import { valueLabel } from './vocabulary/values.js';

/** The value of `column` in `row`, masked when it is customer data and PII is not shown. */
export function cellValue(row: Row, column: Column, showPii: boolean): unknown {
  const v = row[column.key];
  if (column.pii && !showPii && typeof v === 'string') return maskValue(column.pii, v);
  return v === undefined ? null : v;
}

/** Text of a value for CSV and tables: local date-times with a space, rates as fractions. */
export function cellText(v: unknown, column: Column): string {
  if (v === null || v === undefined) return '';
  if (column.type === 'datetime' && typeof v === 'string') return v.replace('T', ' ');
  if (typeof v === 'number' && !Number.isInteger(v)) {
    if (column.type === 'money') return v.toFixed(2);
    if (column.type === 'rate') return String(Math.round(v * 10000) / 10000);
    return String(Math.round(v * 100) / 100);
  }
  return String(v);
}

/** The value as `lang` shows it: the label from the column's vocabulary with --lang zh (yes/no for a yesno column); JSON shows the code. */
export function labelled(v: unknown, column: Column, lang: Lang): unknown {
  const vocabulary = column.values ?? (column.type === 'yesno' ? 'yesno' : undefined);
  return vocabulary ? valueLabel(v, vocabulary, lang) : v;
}

const NUMERIC = new Set(['integer', 'number', 'rate', 'seconds', 'money']);

/** Numbers are right-aligned and shown as n/a when missing. */
export function isNumeric(column: Column): boolean {
  return column.type !== undefined && NUMERIC.has(column.type);
}

/** A cell as people read it (terminal tables, HTML reports): the label in `lang`, a rate as a percentage, n/a (dim) for a missing number, one line. */
export function displayCell(row: Row, c: Column, opts: { showPii: boolean; lang: Lang }): { text: string; dim: boolean } {
  const v = labelled(cellValue(row, c, opts.showPii), c, opts.lang);
  if (v === null) return isNumeric(c) ? { text: 'n/a', dim: true } : { text: '', dim: false };
  if (c.type === 'rate' && typeof v === 'number') return { text: `${(v * 100).toFixed(1)}%`, dim: false };
  return { text: cellText(v, c).replace(/[\r\n]+/g, ' '), dim: false };
}
