/**
 * The per-day statistics summary (table stats_days): rebuilt for the days an import touched,
 * inside the import's transaction, and read by daily and range statistics when its thresholds
 * are the ones asked for.
 */
import type Database from 'better-sqlite3';
import { EMPTY_AGGREGATE, addCall, type CallAggregate, type CallFacts, type KpiDefinitions } from '../../domain/kpi.js';
import { cachedStatement as cached } from '../statement-cache.js';
import { setSetting } from './settings.js';

export type SummaryThresholds = Pick<KpiDefinitions, 'threshold_seconds' | 'short_abandon_seconds'>;

/**
 * What the stored sums mean. 2: handle_sum and handle_count cover answered calls with a known
 * talk time only (issue 17.6). A summary of another version does not serve: statistics come from
 * the calls until the next call import rebuilds it.
 */
const SUMMARY_VERSION = 2;
const summarySetting = (defs: SummaryThresholds): string =>
  JSON.stringify({ threshold_seconds: defs.threshold_seconds, short_abandon_seconds: defs.short_abandon_seconds, version: SUMMARY_VERSION });

const SUMS: (keyof CallAggregate)[] = [
  'offered', 'answered', 'abandoned', 'short_abandoned', 'answered_within_threshold', 'abandoned_within_threshold',
  'answered_wait_sum', 'answered_wait_count', 'handle_sum', 'handle_count', 'abandon_wait_sum', 'abandon_wait_count',
  'max_wait_seconds', 'talk_seconds', 'satisfaction_sum', 'satisfaction_count', 'complaints',
];

/** The thresholds the summary was built for, or undefined when there is no usable summary. */
export function summaryThresholds(db: Database.Database): SummaryThresholds | undefined {
  const text = cached(db, "SELECT value FROM settings WHERE key = 'stats_summary'").pluck().get() as string | undefined;
  return text ? (JSON.parse(text) as SummaryThresholds) : undefined;
}

/** True when the summary answers for these definitions. */
export function summaryServes(db: Database.Database, defs: SummaryThresholds): boolean {
  const s = summaryThresholds(db) as (SummaryThresholds & { version?: number }) | undefined;
  return s !== undefined && s.version === SUMMARY_VERSION && s.threshold_seconds === defs.threshold_seconds && s.short_abandon_seconds === defs.short_abandon_seconds;
}

/** Whether a per-day summary has been built, for whatever thresholds (the appraisal's answered calls, ratings and days do not depend on them). */
export function summaryExists(db: Database.Database): boolean {
  return cached(db, "SELECT 1 FROM settings WHERE key = 'stats_summary'").get() !== undefined;
}

interface CallRow extends CallFacts {
  local_hour: number;
  operator_id: string | null;
  direction: string;
  complaint_reason: string | null;
  topic: string | null;
}

/** Dimensions of the summary, in the order of the arrays below. */
const DIMS = ['total', 'hour', 'category', 'operator', 'reason', 'topic'] as const;
/** Their indexes in the order of the primary key (alphabetical), for sorted writes. */
const DIM_ORDER = DIMS.map((d, i) => [d, i] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([, i]) => i);
const HOURS = Array.from({ length: 24 }, (_, h) => String(h));

/**
 * The aggregates of one day: per direction, per dimension, per key (null category and reason are
 * ''). Written for speed: an import adds every call it inserts here.
 */
class DayGroups {
  /** direction → one map per dimension (DIMS order) of key → aggregate. */
  private readonly byDirection = new Map<string, Map<string, CallAggregate>[]>();

  add(c: CallRow, defs: SummaryThresholds): void {
    let dims = this.byDirection.get(c.direction);
    if (!dims) this.byDirection.set(c.direction, (dims = DIMS.map(() => new Map<string, CallAggregate>())));
    addCall(bucket(dims[0] as Map<string, CallAggregate>, ''), c, defs);
    addCall(bucket(dims[1] as Map<string, CallAggregate>, HOURS[c.local_hour] ?? String(c.local_hour)), c, defs);
    addCall(bucket(dims[2] as Map<string, CallAggregate>, c.category ?? ''), c, defs);
    if (c.operator_id !== null) addCall(bucket(dims[3] as Map<string, CallAggregate>, c.operator_id), c, defs);
    if (c.category === 'complaint') addCall(bucket(dims[4] as Map<string, CallAggregate>, c.complaint_reason ?? ''), c, defs);
    if (c.topic !== null) addCall(bucket(dims[5] as Map<string, CallAggregate>, c.topic), c, defs);
  }

  /** Every group as [dim, key, direction, aggregate], in the order of the table's primary key. */
  entries(): [string, string, string, CallAggregate][] {
    const out: [string, string, string, CallAggregate][] = [];
    const directions = [...this.byDirection.keys()].sort();
    for (const d of DIM_ORDER) {
      const keys = new Set<string>();
      for (const dir of directions) for (const k of (this.byDirection.get(dir) as Map<string, CallAggregate>[])[d]?.keys() ?? []) keys.add(k);
      for (const key of [...keys].sort()) {
        for (const dir of directions) {
          const a = (this.byDirection.get(dir) as Map<string, CallAggregate>[])[d]?.get(key);
          if (a) out.push([DIMS[d] as string, key, dir, a]);
        }
      }
    }
    return out;
  }
}

function bucket(m: Map<string, CallAggregate>, key: string): CallAggregate {
  let a = m.get(key);
  if (!a) m.set(key, (a = { ...EMPTY_AGGREGATE }));
  return a;
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
    for (const [dim, key, direction, a] of groups.entries()) insert.run(day, dim, key, direction, ...SUMS.map((x) => a[x]));
  }
  setSetting(db, 'stats_summary', summarySetting(defs));
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
    // One object reused for every row: the summary adds millions of calls.
    const c: CallRow = { local_hour: 0, operator_id: null, direction: '', outcome: 'answered', wait_seconds: null, talk_seconds: null, hold_seconds: null, acw_seconds: null, satisfaction: null, category: null, complaint_reason: null, topic: null };
    const at = (v: unknown[], i: number): unknown => (i < 0 ? null : v[i] ?? null);
    for (const v of rows) {
      const day = v[ix.local_day] as string;
      let g = this.days.get(day);
      if (!g) this.days.set(day, (g = new DayGroups()));
      c.local_hour = at(v, ix.local_hour) as number;
      c.operator_id = at(v, ix.operator_id) as string | null;
      c.direction = at(v, ix.direction) as string;
      c.outcome = at(v, ix.outcome) as 'answered' | 'abandoned';
      c.wait_seconds = at(v, ix.wait_seconds) as number | null;
      c.talk_seconds = at(v, ix.talk_seconds) as number | null;
      c.hold_seconds = at(v, ix.hold_seconds) as number | null;
      c.acw_seconds = at(v, ix.acw_seconds) as number | null;
      c.satisfaction = at(v, ix.satisfaction) as number | null;
      c.category = at(v, ix.category) as string | null;
      c.complaint_reason = at(v, ix.complaint_reason) as string | null;
      c.topic = at(v, ix.topic) as string | null;
      g.add(c, this.defs);
      this.pending++;
    }
  }

  get size(): number {
    return this.pending;
  }

  /** Adds the sums held so far to stats_days (except the days in `skip`) and forgets them. */
  flush(db: Database.Database, skip: ReadonlySet<string>): void {
    const width = 4 + SUMS.length;
    const params = new Array<unknown>(width * FLUSH_CHUNK);
    const chunk = cached(db, UPSERT_CHUNK);
    let n = 0;
    for (const day of [...this.days.keys()].sort()) {
      if (skip.has(day)) continue;
      for (const [dim, key, direction, a] of (this.days.get(day) as DayGroups).entries()) {
        let p = n * width;
        params[p++] = day;
        params[p++] = dim;
        params[p++] = key;
        params[p++] = direction;
        for (const s of SUMS) params[p++] = a[s];
        if (++n === FLUSH_CHUNK) {
          chunk.run(params);
          n = 0;
        }
      }
    }
    const one = cached(db, UPSERT_ONE);
    for (let i = 0; i < n; i++) one.run(params.slice(i * width, (i + 1) * width));
    this.days.clear();
    this.pending = 0;
  }
}

/** Groups written by one statement when the summary is flushed (docs/performance.md, "The per-day summary added up as rows are written"). */
const FLUSH_CHUNK = 16;

/** Adds `rows` groups' sums to stats_days (a new group is inserted; the longest wait is a max). */
function upsertSql(rows: number): string {
  const sums = SUMS.filter((s) => s !== 'max_wait_seconds');
  const tuple = `(?, ?, ?, ?, ${SUMS.map(() => '?').join(', ')})`;
  return `INSERT INTO stats_days (local_day, dim, key, direction, ${SUMS.join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}
    ON CONFLICT (local_day, dim, key, direction) DO UPDATE SET ${sums.map((s) => `${s} = ${s} + excluded.${s}`).join(', ')},
    max_wait_seconds = CASE WHEN max_wait_seconds IS NULL THEN excluded.max_wait_seconds WHEN excluded.max_wait_seconds IS NULL THEN max_wait_seconds
      ELSE max(max_wait_seconds, excluded.max_wait_seconds) END`;
}
const UPSERT_ONE = upsertSql(1);
const UPSERT_CHUNK = upsertSql(FLUSH_CHUNK);

/** Whether an import can keep the summary incrementally: it serves these thresholds, or there is no summary and no call yet. */
export function beginIncremental(db: Database.Database, defs: SummaryThresholds): boolean {
  if (summaryServes(db, defs)) return true;
  if (summaryThresholds(db) !== undefined || db.prepare('SELECT 1 FROM calls LIMIT 1').get() !== undefined) return false;
  setSetting(db, 'stats_summary', summarySetting(defs));
  return true;
}
