/**
 * `hotline stats repeats` as a report: one row per day, operator, team, category or complaint
 * reason, then the total; JSON with the range, the window, the moment windows were judged over,
 * the totals and the rows (docs/metrics.md, "Repeat calls and first-contact resolution").
 */
import type Database from 'better-sqlite3';
import { epochToLocal, formatLocalDateTime } from '../domain/dates.js';
import type { RepeatMeasures } from '../domain/repeats.js';
import { operatorDirectory } from '../db/queries/stats.js';
import type { Column, Lang, Report, Row } from '../io/render/report.js';
import { columns, WIDE } from '../io/render/vocabulary/columns.js';
import { repeatStats, type RepeatGrouping, type RepeatQuery } from './repeats.js';

const KEY_COLUMNS: Record<RepeatGrouping, Column[]> = {
  day: columns('day'),
  operator: columns('operator_id', ['name', WIDE]),
  team: columns('team'),
  category: columns('category'),
  reason: columns(['complaint_reason', { en: 'reason' }]),
};

const MEASURE_COLUMNS = columns(
  ['calls', { zh: '接听来电' }], 'repeat_calls', 'repeat_rate', ['first_calls', WIDE], 'window_open', ['resolved_first_calls', WIDE], 'fcr_rate', 'median_hours_to_repeat',
);

/** The row key of a grouping (the JSON key of a row's group). */
const KEY: Record<RepeatGrouping, string> = { day: 'day', operator: 'operator_id', team: 'team', category: 'category', reason: 'complaint_reason' };

/** `stats repeats`: the measures per group and in total; a table ends with the total row, JSON has it apart. */
export function buildRepeatsReport(db: Database.Database, q: RepeatQuery, by: RepeatGrouping, lang: Lang): Report {
  const { span, totals, groups } = repeatStats(db, q, by);
  const directory = by === 'operator' ? operatorDirectory(db) : undefined;
  const rows: Row[] = groups.map(([key, m]) => ({ [KEY[by]]: key, ...(directory ? { name: key === null ? null : (directory.get(key)?.name ?? null) } : {}), ...m }));
  const asOf = span.as_of === null ? null : formatLocalDateTime(epochToLocal(span.as_of, q.zone));
  const total: Row = { [KEY[by]]: lang === 'zh' ? '合计' : 'TOTAL', ...totals };
  const notes = asOf === null ? [`repeats within ${q.window_hours} h; no calls imported`] : describeWindows(q.window_hours, asOf.replace('T', ' '), span.as_of_source, totals);
  return {
    columns: [...KEY_COLUMNS[by], ...MEASURE_COLUMNS],
    rows: [...rows, total],
    notes: (format) => (format === 'table' ? notes : []),
    json: { from: q.from, to: q.to, by, timezone: q.zone, window_hours: q.window_hours, as_of: asOf, as_of_source: span.as_of_source, totals, rows },
  };
}

/** The lines above a terminal table: the window, when windows were judged over, and how many are still open. */
function describeWindows(hours: number, asOf: string, source: 'as_of' | 'latest_call' | 'no_calls', totals: RepeatMeasures): string[] {
  const open = totals.window_open === 1 ? '1 first call whose window is not over is' : `${totals.window_open} first calls whose window is not over are`;
  return [`repeats within ${hours} h; windows judged over as of ${asOf}${source === 'latest_call' ? ' (the latest call)' : ''}`, `${open} left out of the FCR rate`];
}
