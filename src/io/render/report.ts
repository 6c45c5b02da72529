/** The data every report returns before rendering: typed columns and rows keyed by column. */
import type { PiiKind } from '../../domain/kinds.js';
import type { ValueVocabulary } from './vocabulary/values.js';

export type ColumnType = 'text' | 'integer' | 'number' | 'rate' | 'seconds' | 'money' | 'date' | 'datetime' | 'yesno';

export interface Column {
  key: string;
  en: string;
  zh: string;
  type?: ColumnType;
  /** Customer data: masked unless --show-pii. */
  pii?: PiiKind;
  /** The vocabulary of its values: shown as Chinese labels with --lang zh (table, CSV, xlsx; JSON keeps the codes). */
  values?: ValueVocabulary;
  /** Left out of a terminal table unless --wide (CSV, JSON and xlsx always have it), so that the table fits 80 columns. */
  wide?: boolean;
}

export type Row = Record<string, unknown>;

export interface ReportTable {
  columns: readonly Column[];
  /** Rows may be a lazy iterable (a database cursor) for large lists. */
  rows: Iterable<Row>;
}

export type Format = 'table' | 'csv' | 'json';
/** Formats of reports HR opens in Excel. */
export type SheetFormat = Format | 'xlsx';
export type Lang = 'en' | 'zh';

export interface RenderOptions {
  format: Format;
  lang: Lang;
  showPii: boolean;
  /** ANSI colour in tables (terminal only, never with NO_COLOR). */
  color: boolean;
  /** A UTF-8 BOM before CSV written to a file, for Excel. */
  bom: boolean;
  /** A terminal table is wrapped to this many columns (the terminal's width); none: as wide as its cells. */
  width?: number;
  /** JSON indented for a person at a terminal; otherwise each JSON value on one line (JSON Lines). */
  pretty?: boolean;
}

/** Column header in the chosen language. */
export function headerOf(column: Column, lang: Lang): string {
  return lang === 'zh' ? column.zh : column.en;
}

/** The columns a terminal table shows: all with --wide, else those not marked `wide`. */
export function tableView(report: ReportTable, wide: boolean): ReportTable {
  return wide ? report : { ...report, columns: report.columns.filter((c) => !c.wide) };
}
