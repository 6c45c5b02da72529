/** What `hotline watch` reads besides the day's statistics: the inbound calls of the last hour, per five minutes. */
import type Database from 'better-sqlite3';

export interface PeriodCounts {
  /** Epoch seconds the period begins at (a multiple of `seconds`). */
  from: number;
  offered: number;
  answered: number;
  abandoned: number;
}

/**
 * Inbound calls of local day `day` that began in [from, to), counted per period of `seconds`
 * (aligned on multiples of it). The day leads to the day-led index: a year of calls is not scanned.
 */
export function callsByPeriod(db: Database.Database, q: { day: string; from: number; to: number; seconds: number }): PeriodCounts[] {
  return db
    .prepare(`SELECT started_at - started_at % @seconds AS "from", count(*) AS offered,
                count(*) FILTER (WHERE outcome = 'answered') AS answered, count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned
              FROM calls WHERE local_day = @day AND started_at >= @from AND started_at < @to AND direction = 'inbound'
              GROUP BY 1 ORDER BY 1`)
    .all(q) as PeriodCounts[];
}
