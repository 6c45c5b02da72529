/**
 * Daily and period statistics (docs/metrics.md): inbound KPIs in total and per operator, team,
 * hour, category, complaint reason and topic; outbound calls apart. Sums come from SQL, the
 * measures from the pure KPI rules.
 */
import type Database from 'better-sqlite3';
import { weekday } from '../domain/calendar.js';
import { addDays, startOfLocalDay, type IsoDate } from '../domain/dates.js';
import { DEFAULT_POLICY } from '../domain/policy-defaults.js';
import type { TicketRules } from '../domain/tickets.js';
import { ticketDay } from './tickets.js';
import { EMPTY_AGGREGATE, computeMeasures, mergeAggregates, roundTo, serviceLevel, talkKnown, type CallAggregate, type CallMeasures, type KpiDefinitions } from '../domain/kpi.js';
import { aggregateCalls, countMissedRings, countOrders, operatorDirectory, type GroupAggregate } from '../db/queries/stats.js';
import type { PresenceRules } from '../domain/presence-day.js';
import { presenceDays, staffedByHour } from './agents.js';

export interface OperatorDay {
  operator_id: string;
  name: string | null;
  team: string | null;
  answered: number;
  /** null when no answered call has a talk time (issue 17.6: n/a, never 0). */
  handle_seconds: number | null;
  aht_seconds: number | null;
  /** null when no answered call has a wait. */
  answered_within_threshold: number | null;
  within_threshold_rate: number | null;
  missed_rings: number;
  complaints: number;
  orders: number;
  satisfaction_avg: number | null;
  /** Unauthorized absence (docs/metrics.md, "Presence"); null when the day has no presence data. */
  unauthorized_seconds: number | null;
}

export interface TeamDay extends Omit<OperatorDay, 'operator_id' | 'name'> {
  operators: number;
}

export interface HourRow {
  hour: number;
  offered: number;
  answered: number;
  abandoned: number;
  service_level: number | null;
  /** Operators logged in, and logged in and not paused, on average over the hour; null where the database holds no presence. */
  operators_logged_in: number | null;
  operators_available: number | null;
}

export interface DailyReport {
  date: IsoDate;
  timezone: string;
  definitions: KpiDefinitions;
  totals: CallMeasures & { orders: number };
  outbound: { calls: number; answered: number; talk_seconds: number };
  by_operator: OperatorDay[];
  by_team: TeamDay[];
  by_hour: HourRow[];
  by_category: { category: string | null; calls: number }[];
  complaint_reasons: { reason: string | null; count: number }[];
  topics: { topic: string; calls: number }[];
  /** Follow-up tickets: opened and resolved on the day, complaints overdue and still open at its end. */
  tickets: { opened: number; resolved: number; overdue_open: number };
}

function single(rows: GroupAggregate[]): CallAggregate {
  return rows[0] ?? EMPTY_AGGREGATE;
}

function operatorRow(id: string, a: CallAggregate, extra: { name: string | null; team: string | null; missed: number; orders: number; unauthorized: number | null }): OperatorDay {
  return {
    operator_id: id,
    name: extra.name,
    team: extra.team,
    answered: a.answered,
    handle_seconds: talkKnown(a) ? a.handle_sum : null,
    aht_seconds: a.handle_count > 0 ? roundTo(a.handle_sum / a.handle_count, 2) : null,
    answered_within_threshold: a.answered > 0 && a.answered_wait_count === 0 ? null : a.answered_within_threshold,
    within_threshold_rate: a.answered > 0 && a.answered_wait_count > 0 ? roundTo(a.answered_within_threshold / a.answered, 4) : null,
    missed_rings: extra.missed,
    complaints: a.complaints,
    orders: extra.orders,
    satisfaction_avg: a.satisfaction_count > 0 ? roundTo(a.satisfaction_sum / a.satisfaction_count, 2) : null,
    unauthorized_seconds: extra.unauthorized,
  };
}

/** Unauthorized absence by operator on the days of a report, when the presence data covers them. */
interface PresenceOfDays {
  unauthorized: Map<string, number>;
}

/**
 * Per-operator rows over a day range: operators who answered a call, entered an order or missed a
 * ring (and, with `presence`, were logged in), with their unauthorized absence when `presence` is given.
 */
export function operatorBreakdown(db: Database.Database, from: IsoDate, to: IsoDate, defs: KpiDefinitions, presence?: PresenceOfDays): { rows: OperatorDay[]; aggregates: Map<string, CallAggregate> } {
  const calls = new Map<string, CallAggregate>();
  for (const g of aggregateCalls(db, { from, to, direction: 'inbound', groupBy: 'operator', defs })) if (g.key !== null) calls.set(String(g.key), g);
  const orders = new Map(countOrders(db, from, to, 'operator').map((o) => [String(o.key), o.orders]));
  const missed = countMissedRings(db, from, to);
  const directory = operatorDirectory(db);
  const ids = [...new Set([...calls.keys(), ...orders.keys(), ...missed.keys(), ...(presence?.unauthorized.keys() ?? [])])].sort();
  const rows = ids.map((id) => {
    const who = directory.get(id);
    const unauthorized = presence ? (presence.unauthorized.get(id) ?? 0) : null;
    return operatorRow(id, calls.get(id) ?? EMPTY_AGGREGATE, { name: who?.name ?? null, team: who?.team ?? null, missed: missed.get(id) ?? 0, orders: orders.get(id) ?? 0, unauthorized });
  });
  return { rows, aggregates: calls };
}

/** Operator rows summed per team (operators not in the roster: team null). */
export function teamBreakdown(rows: OperatorDay[], aggregates: Map<string, CallAggregate>): TeamDay[] {
  const teams = new Map<string | null, { agg: CallAggregate; missed: number; orders: number; operators: number; unauthorized: number | null }>();
  for (const r of rows) {
    const t = teams.get(r.team) ?? { agg: EMPTY_AGGREGATE, missed: 0, orders: 0, operators: 0, unauthorized: null };
    const unauthorized = r.unauthorized_seconds === null ? t.unauthorized : (t.unauthorized ?? 0) + r.unauthorized_seconds;
    teams.set(r.team, { agg: mergeAggregates(t.agg, aggregates.get(r.operator_id) ?? EMPTY_AGGREGATE), missed: t.missed + r.missed_rings, orders: t.orders + r.orders, operators: t.operators + 1, unauthorized });
  }
  return [...teams.entries()]
    .sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff'))
    .map(([team, t]) => {
      const { operator_id: _id, name: _name, ...rest } = operatorRow('', t.agg, { name: null, team, missed: t.missed, orders: t.orders, unauthorized: t.unauthorized });
      return { ...rest, operators: t.operators };
    });
}

/** Inbound complaint calls per complaint reason over a day range (null: no reason given), as `stats daily --by reason` counts them. */
export function complaintReasons(db: Database.Database, from: IsoDate, to: IsoDate, defs: KpiDefinitions): { reason: string | null; count: number }[] {
  return aggregateCalls(db, { from, to, direction: 'inbound', groupBy: 'reason', defs }).map((g) => ({ reason: g.key === null ? null : String(g.key), count: g.offered }));
}

/** The statistics of one local day. */
export function buildDailyReport(db: Database.Database, date: IsoDate, zone: string, defs: KpiDefinitions, ticketRules: TicketRules = DEFAULT_POLICY.tickets, presenceRules: PresenceRules = DEFAULT_POLICY.presence): DailyReport {
  const inbound = single(aggregateCalls(db, { from: date, to: date, direction: 'inbound', groupBy: 'none', defs }));
  const outbound = single(aggregateCalls(db, { from: date, to: date, direction: 'outbound', groupBy: 'none', defs }));
  const orders = countOrders(db, date, date, 'none')[0]?.orders ?? 0;
  const staffed = staffedByHour(db, date, zone);
  // The day's unauthorized absence per operator, when the presence data covers the day.
  const presence = staffed.some((h) => h !== null)
    ? { unauthorized: new Map(presenceDays(db, { from: date, to: date, zone, rules: presenceRules }).days.filter((d) => d.first_login !== null).map((d) => [d.operator_id, d.unauthorized_seconds])) }
    : undefined;
  const { rows: byOperator, aggregates } = operatorBreakdown(db, date, date, defs, presence);
  const hours = new Map(aggregateCalls(db, { from: date, to: date, direction: 'inbound', groupBy: 'hour', defs }).map((g) => [Number(g.key), g]));
  return {
    date,
    timezone: zone,
    definitions: defs,
    totals: { ...computeMeasures(inbound, defs), orders },
    outbound: { calls: outbound.offered, answered: outbound.answered, talk_seconds: outbound.talk_seconds },
    by_operator: byOperator,
    by_team: teamBreakdown(byOperator, aggregates),
    by_hour: Array.from({ length: 24 }, (_, hour) => {
      const g = hours.get(hour) ?? EMPTY_AGGREGATE;
      const h = staffed[hour] ?? null;
      return {
        hour, offered: g.offered, answered: g.answered, abandoned: g.abandoned, service_level: serviceLevel(g, defs.service_level_formula),
        operators_logged_in: h?.logged_in ?? null, operators_available: h?.available ?? null,
      };
    }),
    by_category: aggregateCalls(db, { from: date, to: date, direction: 'inbound', groupBy: 'category', defs }).map((g) => ({ category: g.key === null ? null : String(g.key), calls: g.offered })),
    complaint_reasons: complaintReasons(db, date, date, defs),
    topics: aggregateCalls(db, { from: date, to: date, direction: 'inbound', groupBy: 'topic', defs })
      .map((g) => ({ topic: String(g.key), calls: g.offered }))
      .sort((a, b) => b.calls - a.calls || a.topic.localeCompare(b.topic)),
    tickets: ticketDay(db, date, startOfLocalDay(addDays(date, 1), zone) - 1, ticketRules),
  };
}

export type RangeGrouping = 'day' | 'week' | 'month' | 'operator' | 'team' | 'hour' | 'category';

export interface RangeRow extends CallMeasures {
  /** The day, week's Monday, month, operator, team, hour or category; null for calls with no team or category. */
  period: string | null;
  orders: number;
}

/** The Monday starting the ISO week of `date`. */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The same measures per period or group over a day range (weeks start on Monday). */
export function buildRangeReport(db: Database.Database, from: IsoDate, to: IsoDate, by: RangeGrouping, defs: KpiDefinitions): RangeRow[] {
  if (by === 'operator' || by === 'team') {
    const { rows, aggregates } = operatorBreakdown(db, from, to, defs);
    if (by === 'operator') {
      return rows.map((r) => ({ period: r.operator_id, ...computeMeasures(aggregates.get(r.operator_id) ?? EMPTY_AGGREGATE, defs), orders: r.orders }));
    }
    const directory = operatorDirectory(db);
    const teams = new Map<string, { agg: CallAggregate; orders: number }>();
    for (const r of rows) {
      const team = directory.get(r.operator_id)?.team ?? '';
      const t = teams.get(team) ?? { agg: EMPTY_AGGREGATE, orders: 0 };
      teams.set(team, { agg: mergeAggregates(t.agg, aggregates.get(r.operator_id) ?? EMPTY_AGGREGATE), orders: t.orders + r.orders });
    }
    return [...teams.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([team, t]) => ({ period: team === '' ? null : team, ...computeMeasures(t.agg, defs), orders: t.orders }));
  }
  const groupBy = by === 'week' ? 'day' : by;
  const groups = aggregateCalls(db, { from, to, direction: 'inbound', groupBy, defs });
  const orderKey = by === 'week' || by === 'day' ? 'day' : by === 'month' ? 'month' : 'none';
  const orders = new Map(countOrders(db, from, to, orderKey).map((o) => [String(o.key), o.orders]));
  const fold = new Map<string, { agg: CallAggregate; orders: number }>();
  const keyOf = (k: string | number | null): string => (by === 'week' ? weekStart(String(k) as IsoDate) : k === null ? '' : String(k));
  for (const g of groups) {
    const key = keyOf(g.key);
    const f = fold.get(key) ?? { agg: EMPTY_AGGREGATE, orders: 0 };
    fold.set(key, { agg: mergeAggregates(f.agg, g), orders: f.orders });
  }
  if (orderKey !== 'none') {
    for (const [k, n] of orders) {
      const key = keyOf(k);
      const f = fold.get(key) ?? { agg: EMPTY_AGGREGATE, orders: 0 };
      fold.set(key, { agg: f.agg, orders: f.orders + n });
    }
  }
  const keys = [...fold.keys()].sort((a, b) => (by === 'hour' ? Number(a) - Number(b) : a.localeCompare(b)));
  return keys.map((k) => {
    const f = fold.get(k) as { agg: CallAggregate; orders: number };
    return { period: k === '' && by === 'category' ? null : k, ...computeMeasures(f.agg, defs), orders: f.orders };
  });
}
