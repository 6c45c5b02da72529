/** The data every report returns before rendering: typed columns and rows keyed by column. */
import type { PiiKind } from '../../domain/kinds.js';
import type { CalendarEvent } from './ics.js';
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
export type Lang = 'en' | 'zh';

/** How a terminal page is shown: language, colour, the terminal's width (none: unwrapped), every column (--wide). */
export interface PageView {
  lang: Lang;
  color: boolean;
  width?: number;
  wide?: boolean;
}

/** Every format a report may be written in: a report that has a sheet or a calendar also has xlsx or ics. */
export type OutputFormat = Format | 'xlsx' | 'ics';

/**
 * What a report command returns: its table, and what its other formats carry. One emit path
 * (src/cli/emit.ts) writes it as a table, CSV, JSON, xlsx or ics.
 */
export interface Report extends ReportTable {
  /** --format json: this document instead of the rows (written as it is: it holds no customer data). */
  json?: unknown;
  /** Lines for stderr before the report, by the format it is written in (an explanation above a table that JSON carries in its document). */
  notes?: (format: OutputFormat) => readonly string[];
  /** A terminal table: this page instead (the daily statistics: totals, operators, an hourly chart). */
  page?: (view: PageView) => Iterable<string>;
  /** The sheet's name: the report is written as xlsx with --format xlsx or an --out file *.xlsx. */
  sheet?: string;
  /** The calendar: the report is written as iCalendar with --format ics or an --out file *.ics. */
  calendar?: { name: string; events: readonly CalendarEvent[] };
}

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
