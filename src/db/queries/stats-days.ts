/**
 * The per-day statistics summary (table stats_days): rebuilt for the days an import touched,
 * inside the import's transaction, and read by daily and range statistics when its thresholds
 * are the ones asked for.
 */
import type Database from 'better-sqlite3';
import { EMPTY_AGGREGATE, addCall, type CallAggregate, type CallFacts, type KpiDefinitions } from '../../domain/kpi.js';
import { setSetting } from './settings.js';

export type SummaryThresholds = Pick<KpiDefinitions, 'threshold_seconds' | 'short_abandon_seconds'>;

const SUMS: (keyof CallAggregate)[] = [
  'offered', 'answered', 'abandoned', 'short_abandoned', 'answered_within_threshold', 'abandoned_within_threshold',
  'answered_wait_sum', 'answered_wait_count', 'handle_sum', 'handle_count', 'abandon_wait_sum', 'abandon_wait_count',
  'max_wait_seconds', 'talk_seconds', 'satisfaction_sum', 'satisfaction_count', 'complaints',
];

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function cached(db: Database.Database, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** The thresholds the summary was built for, or undefined when there is no usable summary. */
export function summaryThresholds(db: Database.Database): SummaryThresholds | undefined {
  const text = cached(db, "SELECT value FROM settings WHERE key = 'stats_summary'").pluck().get() as string | undefined;
  return text ? (JSON.parse(text) as SummaryThresholds) : undefined;
}

/** True when the summary answers for these definitions. */
export function summaryServes(db: Database.Database, defs: SummaryThresholds): boolean {
  const s = summaryThresholds(db);
  return s !== undefined && s.threshold_seconds === defs.threshold_seconds && s.short_abandon_seconds === defs.short_abandon_seconds;
}

interface CallRow extends CallFacts {
  local_hour: number;
  operator_id: string | null;
  direction: string;
  complaint_reason: string | null;
  topic: string | null;
}

/** The aggregates of one day: per direction, per dimension, per key (null category and reason are ''). */
class DayGroups {
  readonly groups = new Map<string, Map<string, CallAggregate>>();
  private bucket(dim: string, key: string, direction: string): CallAggregate {
    const k = dim + '\t' + direction;
    let m = this.groups.get(k);
    if (!m) this.groups.set(k, (m = new Map()));
    let a = m.get(key);
    if (!a) m.set(key, (a = { ...EMPTY_AGGREGATE }));
    return a;
  }
  add(c: CallRow, defs: SummaryThresholds): void {
    const d = c.direction;
    addCall(this.bucket('total', '', d), c, defs);
    addCall(this.bucket('hour', String(c.local_hour), d), c, defs);
    addCall(this.bucket('category', c.category ?? '', d), c, defs);
    if (c.operator_id !== null) addCall(this.bucket('operator', c.operator_id, d), c, defs);
    if (c.category === 'complaint') addCall(this.bucket('reason', c.complaint_reason ?? '', d), c, defs);
    if (c.topic !== null) addCall(this.bucket('topic', c.topic, d), c, defs);
  }
}

/**
 * Recomputes the summary of `days` (every day when 'all') from the calls, with `defs`' thresholds,
 * and records them. Runs inside the caller's write transaction.
 */
export function rebuildSummary(db: Database.Database, days: ReadonlySet<string> | 'all', defs: SummaryThresholds): void {
  if (days !== 'all' && days.size === 0) return;
  const sorted = days === 'all' ? [] : [...days].sort();
  if (days === 'all') db.prepare('DELETE FROM stats_days').run();
  else {
    const del = db.prepare('DELETE FROM stats_days WHERE local_day = ?');
    for (const d of sorted) del.run(d);
  }
  const dayList = days === 'all' ? (db.prepare('SELECT DISTINCT local_day FROM calls ORDER BY local_day').pluck().all() as string[]) : sorted;
  const read = db.prepare(`SELECT local_hour, operator_id, direction, outcome, wait_seconds, talk_seconds, hold_seconds, acw_seconds,
                                  satisfaction, category, complaint_reason, topic FROM calls WHERE local_day = ?`);
  const insert = db.prepare(`INSERT INTO stats_days (local_day, dim, key, direction, ${SUMS.join(', ')}) VALUES (?, ?, ?, ?, ${SUMS.map(() => '?').join(', ')})`);
  for (const day of dayList) {
    const groups = new DayGroups();
    for (const c of read.all(day) as CallRow[]) groups.add(c, defs);
    for (const [k, byKey] of groups.groups) {
      const [dim, direction] = k.split('\t') as [string, string];
      for (const [key, a] of byKey) insert.run(day, dim, key, direction, ...SUMS.map((x) => a[x]));
    }
  }
  setSetting(db, 'stats_summary', JSON.stringify({ threshold_seconds: defs.threshold_seconds, short_abandon_seconds: defs.short_abandon_seconds }));
}

/** Brings the summary in line after an import wrote calls on `days` (all of it if missing or built for other thresholds). */
export function refreshSummary(db: Database.Database, days: ReadonlySet<string>, defs: SummaryThresholds): 'days' | 'all' {
  if (summaryServes(db, defs)) {
    rebuildSummary(db, days, defs);
    return 'days';
  }
  rebuildSummary(db, 'all', defs);
  return 'all';
}

export type SummaryDim = 'total' | 'operator' | 'hour' | 'category' | 'reason' | 'topic';

/** Sums of the summary over a day range for one dimension, grouped by `by`. */
export function readSummary(db: Database.Database, q: { from: string; to: string; direction: string; dim: SummaryDim; by: 'key' | 'day' | 'month' | 'none' }): (CallAggregate & { key: string })[] {
  const group = q.by === 'key' ? 'key' : q.by === 'day' ? 'local_day' : q.by === 'month' ? 'substr(local_day, 1, 7)' : "''";
  const sums = SUMS.map((s) => (s === 'max_wait_seconds' ? 'max(max_wait_seconds) AS max_wait_seconds' : `coalesce(sum(${s}), 0) AS ${s}`)).join(', ');
  const sql = `SELECT ${group} AS key, ${sums} FROM stats_days WHERE local_day BETWEEN @from AND @to AND dim = @dim AND direction = @direction
               ${q.by === 'none' ? '' : `GROUP BY ${group} ORDER BY ${group}`}`;
  const rows = cached(db, sql).all(q) as (CallAggregate & { key: string })[];
  return q.by === 'none' ? rows.filter((r) => r.offered > 0) : rows;
}

const FACT_COLUMNS = ['local_day', 'local_hour', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds', 'hold_seconds', 'acw_seconds', 'satisfaction', 'category', 'complaint_reason', 'topic'] as const;

/**
 * The summary kept up to date from the rows an import inserts, without reading them back: sums
 * per day, dimension and group, added to what stats_days already holds (sums and counts add up;
 * the longest wait is a max). Flushed in parts when it grows, so memory stays bounded.
 */
export class SummaryAccumulator {
  private readonly days = new Map<string, DayGroups>();
  private readonly index: Record<(typeof FACT_COLUMNS)[number], number>;
  private pending = 0;

  constructor(private readonly defs: SummaryThresholds, columns: readonly string[]) {
    this.index = Object.fromEntries(FACT_COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<(typeof FACT_COLUMNS)[number], number>;
  }

  /** Adds inserted call rows (values in `columns` order). */
  add(rows: readonly unknown[][]): void {
    const ix = this.index;
    for (const v of rows) {
      const day = v[ix.local_day] as string;
      let g = this.days.get(day);
      if (!g) this.days.set(day, (g = new DayGroups()));
      const at = (k: (typeof FACT_COLUMNS)[number]): unknown => (ix[k] < 0 ? null : v[ix[k]] ?? null);
      g.add({
        local_hour: at('local_hour') as number, operator_id: at('operator_id') as string | null, direction: at('direction') as string,
        outcome: at('outcome') as 'answered' | 'abandoned', wait_seconds: at('wait_seconds') as number | null, talk_seconds: at('talk_seconds') as number | null,
        hold_seconds: at('hold_seconds') as number | null, acw_seconds: at('acw_seconds') as number | null, satisfaction: at('satisfaction') as number | null,
        category: at('category') as string | null, complaint_reason: at('complaint_reason') as string | null, topic: at('topic') as string | null,
      }, this.defs);
      this.pending++;
    }
  }

  get size(): number {
    return this.pending;
  }

  /** Adds the sums held so far to stats_days (except the days in `skip`) and forgets them. */
  flush(db: Database.Database, skip: ReadonlySet<string>): void {
    const sums = SUMS.filter((s) => s !== 'max_wait_seconds');
    const upsert = cached(db, `INSERT INTO stats_days (local_day, dim, key, direction, ${SUMS.join(', ')}) VALUES (?, ?, ?, ?, ${SUMS.map(() => '?').join(', ')})
      ON CONFLICT (local_day, dim, key, direction) DO UPDATE SET ${sums.map((s) => `${s} = ${s} + excluded.${s}`).join(', ')},
      max_wait_seconds = CASE WHEN max_wait_seconds IS NULL THEN excluded.max_wait_seconds WHEN excluded.max_wait_seconds IS NULL THEN max_wait_seconds
        ELSE max(max_wait_seconds, excluded.max_wait_seconds) END`);
    for (const [day, groups] of this.days) {
      if (skip.has(day)) continue;
      for (const [k, byKey] of groups.groups) {
        const [dim, direction] = k.split('\t') as [string, string];
        for (const [key, a] of byKey) upsert.run(day, dim, key, direction, ...SUMS.map((x) => a[x]));
      }
    }
    this.days.clear();
    this.pending = 0;
  }
}

/** Whether an import can keep the summary incrementally: it serves these thresholds, or there is no summary and no call yet. */
export function beginIncremental(db: Database.Database, defs: SummaryThresholds): boolean {
  if (summaryServes(db, defs)) return true;
  if (summaryThresholds(db) !== undefined || db.prepare('SELECT 1 FROM calls LIMIT 1').get() !== undefined) return false;
  setSetting(db, 'stats_summary', JSON.stringify({ threshold_seconds: defs.threshold_seconds, short_abandon_seconds: defs.short_abandon_seconds }));
  return true;
}
