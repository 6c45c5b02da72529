/**
 * What staffing reads (docs/metrics.md, "Staffing"): the inbound calls of a local day summed per
 * interval (15, 30 or 60 minutes), whether a day has inbound calls, the first day with calls, and
 * the operators available per interval from presence data.
 */
import type Database from 'better-sqlite3';
import { startOfLocalDay, zoneOffsetSeconds, type IsoDate } from '../../domain/dates.js';
import type { CallAggregate, KpiDefinitions } from '../../domain/kpi.js';
import { cachedStatement as statement } from '../statement-cache.js';
import { availableOperators } from './presence.js';
import { AGGREGATES } from './stats.js';

/**
 * The minute of the local day a call started in: its stored local hour, and the minute within
 * that hour from the instant shifted by the zone's offset at the day's start (clocks change by
 * whole hours, which the stored hour carries; Australia/Lord_Howe's 30-minute summer time is the
 * one exception, off by one interval on its two change days).
 */
const LOCAL_MINUTE = 'local_hour * 60 + ((started_at + CAST(@shift AS INTEGER)) % 3600) / 60';

// better-sqlite3 binds a JS number as a REAL: the casts keep the divisions whole.
const INTERVAL_SQL = `SELECT (${LOCAL_MINUTE}) / CAST(@minutes AS INTEGER) * CAST(@minutes AS INTEGER) AS start_minute, ${AGGREGATES}
  FROM calls WHERE local_day = @day AND direction = 'inbound'
  GROUP BY start_minute ORDER BY start_minute`;

/**
 * The inbound calls of `day` summed per interval: start minute of the local day (0, 30, … for 30
 * minutes) → the sums of docs/metrics.md for the thresholds in `defs`. Intervals without calls
 * are absent.
 */
export function intervalSums(db: Database.Database, q: { day: IsoDate; zone: string; minutes: number; defs: Pick<KpiDefinitions, 'threshold_seconds' | 'short_abandon_seconds'> }): Map<number, CallAggregate> {
  const offset = zoneOffsetSeconds(q.zone, startOfLocalDay(q.day, q.zone));
  const rows = statement(db, INTERVAL_SQL).all({
    day: q.day, minutes: q.minutes, shift: ((offset % 3600) + 3600) % 3600, threshold: q.defs.threshold_seconds, short: q.defs.short_abandon_seconds,
  }) as (CallAggregate & { start_minute: number })[];
  return new Map(rows.map(({ start_minute, ...a }) => [start_minute, a]));
}

/** Whether `day` has an inbound call (stops at the first one). */
export function hasInboundCalls(db: Database.Database, day: IsoDate): boolean {
  return statement(db, "SELECT 1 FROM calls WHERE local_day = ? AND direction = 'inbound' LIMIT 1").get(day) !== undefined;
}

/** The first local day with a call of any direction, or undefined when no call was imported. */
export function firstCallDay(db: Database.Database): IsoDate | undefined {
  return (statement(db, 'SELECT min(local_day) FROM calls').pluck().get() ?? undefined) as IsoDate | undefined;
}

/**
 * The operators available in each interval of `day`, from presence data (presence.ts,
 * `availableOperators`): start minute of the local day → the mean number of operators logged in
 * and not paused during the interval (seconds available in it ÷ its length in seconds). Undefined
 * when no presence covers the day: `staffing check` then shows n/a and a note.
 */
export function operatorsAvailable(db: Database.Database, q: { day: IsoDate; zone: string; minutes: number }): ReadonlyMap<number, number> | undefined {
  const slots = availableOperators(db, q);
  if (slots.length === 0) return undefined;
  return new Map(slots.map((s) => [s.minute, s.available]));
}
