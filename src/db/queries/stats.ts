/** Aggregation of calls and orders for statistics: one SQL pass per grouping, sums only. */
import type Database from 'better-sqlite3';
import type { CallAggregate, KpiDefinitions } from '../../domain/kpi.js';
import { readSummary, summaryServes, type SummaryDim } from './stats-days.js';
import { cachedStatement as statement } from '../statement-cache.js';

export type CallGrouping = 'none' | 'day' | 'month' | 'hour' | 'operator' | 'category' | 'reason' | 'topic';

const KEY: Record<CallGrouping, string> = {
  none: "''",
  day: 'local_day',
  month: 'substr(local_day, 1, 7)',
  hour: 'local_hour',
  operator: 'operator_id',
  category: 'category',
  reason: 'complaint_reason',
  topic: 'topic',
};

const EXTRA_WHERE: Partial<Record<CallGrouping, string>> = {
  reason: "AND category = 'complaint'",
  topic: 'AND topic IS NOT NULL',
};

export const AGGREGATES = `
  count(*) AS offered,
  count(*) FILTER (WHERE outcome = 'answered') AS answered,
  count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
  count(*) FILTER (WHERE outcome = 'abandoned' AND wait_seconds <= @short) AS short_abandoned,
  count(*) FILTER (WHERE outcome = 'answered' AND wait_seconds <= @threshold) AS answered_within_threshold,
  count(*) FILTER (WHERE outcome = 'abandoned' AND wait_seconds <= @threshold) AS abandoned_within_threshold,
  coalesce(sum(wait_seconds) FILTER (WHERE outcome = 'answered'), 0) AS answered_wait_sum,
  count(wait_seconds) FILTER (WHERE outcome = 'answered') AS answered_wait_count,
  coalesce(sum(talk_seconds + coalesce(hold_seconds, 0) + coalesce(acw_seconds, 0)) FILTER (WHERE outcome = 'answered' AND talk_seconds IS NOT NULL), 0) AS handle_sum,
  count(talk_seconds) FILTER (WHERE outcome = 'answered') AS handle_count,
  coalesce(sum(wait_seconds) FILTER (WHERE outcome = 'abandoned'), 0) AS abandon_wait_sum,
  count(wait_seconds) FILTER (WHERE outcome = 'abandoned') AS abandon_wait_count,
  max(wait_seconds) AS max_wait_seconds,
  coalesce(sum(talk_seconds), 0) AS talk_seconds,
  coalesce(sum(satisfaction), 0) AS satisfaction_sum,
  count(satisfaction) AS satisfaction_count,
  count(*) FILTER (WHERE category = 'complaint') AS complaints`;

export interface GroupAggregate extends CallAggregate {
  key: string | number | null;
}

export interface CallQuery {
  from: string;
  to: string;
  direction: 'inbound' | 'outbound';
  groupBy: CallGrouping;
  defs: Pick<KpiDefinitions, 'threshold_seconds' | 'short_abandon_seconds'>;
}

const FROM_SUMMARY: Record<CallGrouping, { dim: SummaryDim; by: 'key' | 'day' | 'month' | 'none' }> = {
  none: { dim: 'total', by: 'none' },
  day: { dim: 'total', by: 'day' },
  month: { dim: 'total', by: 'month' },
  hour: { dim: 'hour', by: 'key' },
  operator: { dim: 'operator', by: 'key' },
  category: { dim: 'category', by: 'key' },
  reason: { dim: 'reason', by: 'key' },
  topic: { dim: 'topic', by: 'key' },
};

/**
 * Sums of the calls of a local-day range and direction, per group (one row for 'none'): from the
 * per-day summary when it was built for these thresholds, else from the calls themselves.
 */
export function aggregateCalls(db: Database.Database, q: CallQuery): GroupAggregate[] {
  if (summaryServes(db, q.defs)) {
    const rows = readSummary(db, { from: q.from, to: q.to, direction: q.direction, ...FROM_SUMMARY[q.groupBy] });
    const key = (k: string): string | number | null =>
      q.groupBy === 'hour' ? Number(k) : (q.groupBy === 'category' || q.groupBy === 'reason') && k === '' ? null : k;
    return rows.map((r) => ({ ...r, key: key(r.key) }));
  }
  return aggregateCallsFromCalls(db, q);
}

/** The same sums computed from the calls table (any thresholds). */
export function aggregateCallsFromCalls(db: Database.Database, q: CallQuery): GroupAggregate[] {
  const key = KEY[q.groupBy];
  const sql = `SELECT ${key} AS key, ${AGGREGATES}
    FROM calls WHERE local_day BETWEEN @from AND @to AND direction = @direction ${EXTRA_WHERE[q.groupBy] ?? ''}
    ${q.groupBy === 'none' ? '' : `GROUP BY ${key} ORDER BY ${key}`}`;
  return statement(db, sql).all({
    from: q.from, to: q.to, direction: q.direction, threshold: q.defs.threshold_seconds, short: q.defs.short_abandon_seconds,
  }) as GroupAggregate[];
}

export type OrderGrouping = 'none' | 'day' | 'month' | 'operator';

/** Orders entered in a local-day range, per group. */
export function countOrders(db: Database.Database, from: string, to: string, groupBy: OrderGrouping): { key: string | null; orders: number }[] {
  const key = groupBy === 'none' ? "''" : groupBy === 'day' ? 'local_day' : groupBy === 'month' ? 'substr(local_day, 1, 7)' : 'operator_id';
  const sql = `SELECT ${key} AS key, count(*) AS orders FROM orders WHERE local_day BETWEEN @from AND @to ${groupBy === 'none' ? '' : `GROUP BY ${key}`}`;
  return statement(db, sql).all({ from, to }) as { key: string | null; orders: number }[];
}

/** Rings an operator let pass without answering (RINGNOANSWER), per operator, in a day range. */
export function countMissedRings(db: Database.Database, from: string, to: string): Map<string, number> {
  const rows = statement(db, 'SELECT operator_id AS key, count(*) AS n FROM missed_rings WHERE local_day BETWEEN @from AND @to GROUP BY operator_id').all({ from, to }) as { key: string; n: number }[];
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** Operator names and teams for the by-operator and by-team tables. */
export function operatorDirectory(db: Database.Database): Map<string, { name: string; team: string | null }> {
  const rows = statement(db, 'SELECT operator_id, name, team FROM operators').all() as { operator_id: string; name: string; team: string | null }[];
  return new Map(rows.map((r) => [r.operator_id, { name: r.name, team: r.team }]));
}

/** The local day from `from` to `to` with the most inbound calls (the earliest of equals); none without calls. */
export function busiestDay(db: Database.Database, from: string, to: string): string | undefined {
  return db.prepare("SELECT local_day FROM calls WHERE direction = 'inbound' AND local_day BETWEEN ? AND ? GROUP BY local_day ORDER BY count(*) DESC, local_day LIMIT 1")
    .pluck().get(from, to) as string | undefined;
}
