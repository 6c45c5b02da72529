/**
 * `hotline watch`: the wallboard of a day so far (issue 23, docs/watch.md). The day's figures are
 * those of `stats daily` (the same report, read at the moment shown); the queue now comes from
 * the calls the phone system has not ended (a queue_log import's open calls); the last hour from
 * the calls per five minutes.
 */
import type Database from 'better-sqlite3';
import { epochToLocal, formatLocalDateTime, localDateOf, startOfLocalDay, type IsoDate } from '../domain/dates.js';
import type { KpiDefinitions } from '../domain/kpi.js';
import { lastHourPeriods, PERIOD_SECONDS, queueNow, serviceLevelState, type OpenCall } from '../domain/wallboard.js';
import { callsByPeriod } from '../db/queries/wallboard.js';
import { buildDailyReport } from './stats.js';

export interface WallboardOperator {
  operator_id: string;
  name: string | null;
  /** talking (a call answered and not ended), or null: other states need presence events. */
  state: 'talking' | null;
  /** Seconds in that state at the moment shown. */
  state_seconds: number | null;
  answered: number;
  handle_seconds: number | null;
  missed_rings: number;
}

export interface Wallboard {
  date: IsoDate;
  /** The moment shown, local time (YYYY-MM-DDTHH:mm:ss). */
  at: string;
  timezone: string;
  definitions: KpiDefinitions;
  offered: number;
  answered: number;
  abandoned: number;
  service_level: number | null;
  service_level_target: number;
  /** met: at or above the target; below; null: no call yet. */
  service_level_state: 'met' | 'below' | null;
  asa_seconds: number | null;
  /** The calls waiting now and the longest wait so far; null when the source cannot tell (no queue_log). */
  waiting_now: number | null;
  longest_wait_now_seconds: number | null;
  talking_now: number | null;
  operators: WallboardOperator[];
  /** The five-minute periods of the last hour (those of the day), local HH:mm of their start. */
  last_hour: { from: string; offered: number; answered: number; abandoned: number }[];
}

export interface WallboardQuery {
  /** The moment shown (epoch seconds): its local day is the day shown. */
  at: number;
  zone: string;
  defs: KpiDefinitions;
  target: number;
  /** Calls begun and not ended (a queue_log's), or null when the source has none to tell. */
  open: readonly OpenCall[] | null;
}

const hhmm = (epoch: number, zone: string): string => formatLocalDateTime(epochToLocal(epoch, zone)).slice(11, 16);

/** The wallboard of the local day of `q.at`, as of `q.at`. */
export function buildWallboard(db: Database.Database, q: WallboardQuery): Wallboard {
  const date = localDateOf(q.at, q.zone);
  const since = startOfLocalDay(date, q.zone);
  const day = buildDailyReport(db, date, q.zone, q.defs);
  const now = q.open ? queueNow(q.open, q.at, since) : null;
  const operators: WallboardOperator[] = day.by_operator.map((o) => ({
    operator_id: o.operator_id, name: o.name, state: null, state_seconds: null, answered: o.answered, handle_seconds: o.handle_seconds, missed_rings: o.missed_rings,
  }));
  for (const [id, since] of now?.talking ?? []) {
    let op = operators.find((o) => o.operator_id === id);
    if (!op) operators.push((op = { operator_id: id, name: null, state: null, state_seconds: null, answered: 0, handle_seconds: null, missed_rings: 0 }));
    op.state = 'talking';
    op.state_seconds = q.at - since;
  }
  operators.sort((a, b) => a.operator_id.localeCompare(b.operator_id));
  const periods = lastHourPeriods(q.at, since);
  const counted = new Map(callsByPeriod(db, { day: date, from: periods[0]?.from ?? q.at, to: q.at + 1, seconds: PERIOD_SECONDS }).map((p) => [p.from, p]));
  const t = day.totals;
  return {
    date, at: formatLocalDateTime(epochToLocal(q.at, q.zone)), timezone: q.zone, definitions: q.defs,
    offered: t.offered, answered: t.answered, abandoned: t.abandoned, service_level: t.service_level, service_level_target: q.target,
    service_level_state: serviceLevelState(t.service_level, q.target), asa_seconds: t.asa_seconds,
    waiting_now: now ? now.waiting : null, longest_wait_now_seconds: now ? now.longest_wait_seconds : null, talking_now: now ? now.talking.size : null,
    operators,
    last_hour: periods.map((p) => {
      const c = counted.get(Math.floor(p.from / PERIOD_SECONDS) * PERIOD_SECONDS);
      return { from: hhmm(p.from, q.zone), offered: c?.offered ?? 0, answered: c?.answered ?? 0, abandoned: c?.abandoned ?? 0 };
    }),
  };
}
