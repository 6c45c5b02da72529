// Daily and range statistics over hand-made calls, orders, operators and missed rings in a
// migrated in-memory database (src/app/stats.ts, src/db/queries/stats.ts, docs/metrics.md).
// Rows are inserted directly, with local_day and local_hour filled by hand (Asia/Shanghai,
// UTC+8). Every expected value is worked out in the comments next to the data.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDailyReport, buildRangeReport, weekStart, type DailyReport, type HourRow, type RangeRow } from '../../src/app/stats.js';
import { migrate } from '../../src/db/migrate.js';
import type { IsoDate } from '../../src/domain/dates.js';
import type { KpiDefinitions, ServiceLevelFormula } from '../../src/domain/kpi.js';

const ZONE = 'Asia/Shanghai';

function defs(formula: ServiceLevelFormula = 'A', threshold = 15, short = 5): KpiDefinitions {
  return { threshold_seconds: threshold, short_abandon_seconds: short, service_level_formula: formula };
}

function newDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

/** Epoch seconds of a Shanghai wall time 'YYYY-MM-DD HH:mm:ss' (UTC+8, no DST). */
function epoch(local: string): number {
  const [d, t] = local.split(' ') as [string, string];
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = t.split(':').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day, h, mi, s) / 1000 - 8 * 3600;
}

interface CallSpec {
  id: string;
  /** Shanghai wall time; local_day and local_hour are read off it. */
  at: string;
  op?: string | null;
  dir?: 'inbound' | 'outbound';
  outcome: 'answered' | 'abandoned';
  wait?: number | null;
  talk?: number | null;
  hold?: number | null;
  acw?: number | null;
  category?: string | null;
  topic?: string | null;
  reason?: string | null;
  sat?: number | null;
}

function addCalls(db: Database.Database, calls: CallSpec[]): void {
  const insert = db.prepare(`INSERT INTO calls (call_id, started_at, local_day, local_hour, operator_id, direction, outcome, wait_seconds, talk_seconds,
    hold_seconds, acw_seconds, category, topic, complaint_reason, satisfaction, import_id, created_import_id, seen_import_id, seen_line)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, 1)`);
  for (const c of calls) {
    const [day, time] = c.at.split(' ') as [string, string];
    insert.run(c.id, epoch(c.at), day, Number(time.slice(0, 2)), c.op ?? null, c.dir ?? 'inbound', c.outcome, c.wait ?? null, c.talk ?? null,
      c.hold ?? null, c.acw ?? null, c.category ?? null, c.topic ?? null, c.reason ?? null, c.sat ?? null);
  }
}

function addOperators(db: Database.Database, ops: [id: string, name: string, team: string | null][]): void {
  const insert = db.prepare(`INSERT INTO operators (operator_id, name, team, hire_date, import_id, created_import_id, seen_import_id, seen_line)
    VALUES (?, ?, ?, '2020-01-01', 1, 1, 1, 1)`);
  for (const [id, name, team] of ops) insert.run(id, name, team);
}

function addOrders(db: Database.Database, orders: [id: string, at: string, op: string][]): void {
  const insert = db.prepare(`INSERT INTO orders (order_id, created_at, local_day, operator_id, import_id, created_import_id, seen_import_id, seen_line)
    VALUES (?, ?, ?, ?, 1, 1, 1, 1)`);
  for (const [id, at, op] of orders) insert.run(id, epoch(at), at.slice(0, 10), op);
}

function addMissedRings(db: Database.Database, rings: [op: string, at: string, callId: string][]): void {
  const insert = db.prepare('INSERT INTO missed_rings (operator_id, rang_at, local_day, call_id, ring_seconds, import_id) VALUES (?, ?, ?, ?, 15, 1)');
  for (const [op, at, callId] of rings) insert.run(op, epoch(at), at.slice(0, 10), callId);
}

/** 24 hour rows: zeros except the hours given. */
/** 24 hour rows; no presence was imported, so no operators are known logged in or available (issue 20: null, not 0). */
function hours(rows: Record<number, Omit<HourRow, 'hour' | 'operators_logged_in' | 'operators_available'>>): HourRow[] {
  return Array.from({ length: 24 }, (_, hour) => ({ hour, ...(rows[hour] ?? { offered: 0, answered: 0, abandoned: 0, service_level: null }), operators_logged_in: null, operators_available: null }));
}

type Measures = Omit<RangeRow, 'period'>;

/**
 * A range row from one line of a table, in this order:
 * offered, answered, abandoned, short, ans≤T, ab≤T, SL, ASA, AHT, abandon rate, avg abandon wait, max wait, talk, satisfaction, complaints, orders.
 */
function row(period: string | null, v: [number, number, number, number, number, number, number | null, number | null, number | null, number | null, number | null, number | null, number, number | null, number, number]): RangeRow {
  const [offered, answered, abandoned, short_abandoned, answered_within_threshold, abandoned_within_threshold, service_level, asa_seconds, aht_seconds,
    abandonment_rate, avg_abandon_wait_seconds, max_wait_seconds, talk_seconds, satisfaction_avg, complaints, orders] = v;
  const m: Measures = {
    offered, answered, abandoned, short_abandoned, answered_within_threshold, abandoned_within_threshold, service_level, asa_seconds, aht_seconds,
    abandonment_rate, avg_abandon_wait_seconds, max_wait_seconds, talk_seconds, satisfaction_avg, complaints, orders,
  };
  return { period, ...m };
}

const DAY = '2026-10-12' as IsoDate; // a Monday

/**
 * The day 2026-10-12 (T = 15, S = 5):
 *
 * | call | time     | op   | outcome   | wait | talk+hold+acw     | category     | topic    | reason | sat |
 * | C01  | 08:00:00 | 1001 | answered  | 15   | 100+10+20 = 130   | consultation | tracking |        | 5   | ≤T (exactly T)
 * | C02  | 08:30:00 | 1001 | answered  | 16   | 200+0+40 = 240    | complaint    |          | delay  | 2   | not ≤T (T + 1)
 * | C03  | 09:10:00 | 1002 | answered  | 0    | 60+∅+∅ = 60       | query        | tracking |        |     | ≤T
 * | C04  | 09:20:00 | 1003 | answered  | ∅    | 120+0+30 = 150    | consultation | fee      | damage | 4   | no wait: not ≤T, not in ASA
 * | C05  | 10:00:00 |      | abandoned | 5    |                   |              |          |        |     | short (exactly S), ≤T
 * | C06  | 10:05:00 |      | abandoned | 6    |                   |              |          |        |     | not short (S + 1), ≤T
 * | C07  | 10:10:00 |      | abandoned | 40   |                   |              |          |        |     | neither
 * | C08  | 10:15:00 |      | abandoned | ∅    |                   |              |          |        |     | no wait: neither
 * | C09  | 23:59:59 | 9001 | answered  | 3    | 30+0+0 = 30       | complaint    | address  | ∅      | 3   | ≤T; 9001 not in the roster
 * | C10  | 11:00:00 | 9001 | answered  | 20   | 50+5+5 = 60       | complaint    |          | loss   |     |
 *
 * Not on the day: P01 at 2026-10-11 23:59:59 (one second before midnight) and N01 at 2026-10-13
 * 00:00:00. Outbound: O01 (1001, answered, talk 90) and O02 (1002, abandoned, wait 10).
 * (C04 has a complaint reason but is not a complaint: it must not count among the reasons.)
 *
 * Totals: offered 10; answered 6; abandoned 4; short 1 (C05); answered≤T 3 (C01, C03, C09);
 * abandoned≤T 2 (C05, C06).
 * SL A = 3/10 = 0.3; B = 3/(10−2) = 0.375; C = (3+2)/10 = 0.5.
 * ASA = (15+16+0+3+20)/5 = 54/5 = 10.8 (C04 has no wait). AHT = (130+240+60+150+30+60)/6 = 670/6 = 111.67.
 * abandonment 4/10 = 0.4; avg abandon wait (5+6+40)/3 = 17; max wait 40; talk 100+200+60+120+30+50 = 560;
 * satisfaction (5+2+4+3)/4 = 3.5; complaints 3 (C02, C09, C10).
 *
 * Orders on the day: D1, D2 by 1001, D3 by 1004 (who took no call) → 3; D0 (1002) the day before.
 * Missed rings on the day: 1002 twice, 1003 once; 1001 once the day before.
 * Roster: 1001 张三 and 1002 李四 in A组, 1003 王五 and 1004 赵六 in B组.
 */
function dayDb(): Database.Database {
  const db = newDb();
  addOperators(db, [['1001', '张三', 'A组'], ['1002', '李四', 'A组'], ['1003', '王五', 'B组'], ['1004', '赵六', 'B组']]);
  addCalls(db, [
    { id: 'C01', at: '2026-10-12 08:00:00', op: '1001', outcome: 'answered', wait: 15, talk: 100, hold: 10, acw: 20, category: 'consultation', topic: 'tracking', sat: 5 },
    { id: 'C02', at: '2026-10-12 08:30:00', op: '1001', outcome: 'answered', wait: 16, talk: 200, hold: 0, acw: 40, category: 'complaint', reason: 'delay', sat: 2 },
    { id: 'C03', at: '2026-10-12 09:10:00', op: '1002', outcome: 'answered', wait: 0, talk: 60, category: 'query', topic: 'tracking' },
    { id: 'C04', at: '2026-10-12 09:20:00', op: '1003', outcome: 'answered', wait: null, talk: 120, hold: 0, acw: 30, category: 'consultation', topic: 'fee', reason: 'damage', sat: 4 },
    { id: 'C05', at: '2026-10-12 10:00:00', outcome: 'abandoned', wait: 5 },
    { id: 'C06', at: '2026-10-12 10:05:00', outcome: 'abandoned', wait: 6 },
    { id: 'C07', at: '2026-10-12 10:10:00', outcome: 'abandoned', wait: 40 },
    { id: 'C08', at: '2026-10-12 10:15:00', outcome: 'abandoned', wait: null },
    { id: 'C09', at: '2026-10-12 23:59:59', op: '9001', outcome: 'answered', wait: 3, talk: 30, hold: 0, acw: 0, category: 'complaint', topic: 'address', sat: 3 },
    { id: 'C10', at: '2026-10-12 11:00:00', op: '9001', outcome: 'answered', wait: 20, talk: 50, hold: 5, acw: 5, category: 'complaint', reason: 'loss' },
    { id: 'P01', at: '2026-10-11 23:59:59', op: '1001', outcome: 'answered', wait: 1, talk: 500, hold: 0, acw: 0, category: 'complaint', topic: 'tracking', reason: 'delay', sat: 1 },
    { id: 'N01', at: '2026-10-13 00:00:00', op: '1002', outcome: 'abandoned', wait: 99, category: 'other' },
    { id: 'O01', at: '2026-10-12 14:00:00', op: '1001', dir: 'outbound', outcome: 'answered', wait: 2, talk: 90, hold: 0, acw: 10, category: 'complaint', topic: 'callback', sat: 5 },
    { id: 'O02', at: '2026-10-12 15:00:00', op: '1002', dir: 'outbound', outcome: 'abandoned', wait: 10 },
  ]);
  addOrders(db, [['D0', '2026-10-11 23:59:59', '1002'], ['D1', '2026-10-12 09:00:00', '1001'], ['D2', '2026-10-12 16:00:00', '1001'], ['D3', '2026-10-12 00:00:00', '1004']]);
  addMissedRings(db, [['1002', '2026-10-12 09:05:00', 'X1'], ['1002', '2026-10-12 09:06:00', 'X2'], ['1003', '2026-10-12 09:15:00', 'X3'], ['1001', '2026-10-11 22:00:00', 'X0']]);
  return db;
}

describe('buildDailyReport on a hand-made day', () => {
  let db: Database.Database;
  let report: DailyReport;
  beforeAll(() => {
    db = dayDb();
    report = buildDailyReport(db, DAY, ZONE, defs('A'));
  });
  afterAll(() => db.close());

  test('the header: date, zone and the definitions used', () => {
    expect({ date: report.date, timezone: report.timezone, definitions: report.definitions }).toEqual({
      date: '2026-10-12', timezone: 'Asia/Shanghai', definitions: { threshold_seconds: 15, short_abandon_seconds: 5, service_level_formula: 'A' },
    });
  });

  test('totals: waits of exactly T and S count, T+1 and S+1 do not; the call at 23:59:59 the day before does not', () => {
    expect(report.totals).toEqual({
      offered: 10, answered: 6, abandoned: 4,
      short_abandoned: 1, // C05 (5 s); not C06 (6 s) nor C08 (no wait)
      answered_within_threshold: 3, // C01 (15 s), C03 (0 s), C09 (3 s); not C02 (16 s), C04 (no wait), C10 (20 s)
      abandoned_within_threshold: 2, // C05, C06
      service_level: 0.3, // 3 / 10
      asa_seconds: 10.8, // 54 / 5
      aht_seconds: 111.67, // 670 / 6
      abandonment_rate: 0.4, // 4 / 10
      avg_abandon_wait_seconds: 17, // 51 / 3
      max_wait_seconds: 40,
      talk_seconds: 560,
      satisfaction_avg: 3.5, // 14 / 4
      complaints: 3,
      orders: 3, // D1, D2, D3 (D0 is the day before)
    });
  });

  test('outbound calls are counted apart and nowhere else', () => {
    expect(report.outbound).toEqual({ calls: 2, answered: 1, talk_seconds: 90 });
  });

  test('by operator: roster names and teams, an operator with only orders, one not in the roster, missed rings of the day', () => {
    expect(report.by_operator).toEqual([
      // C01 + C02: handle 130 + 240 = 370, AHT 185; ≤T 1 of 2; the outbound O01 and the day-before P01, X0 not counted
      { operator_id: '1001', name: '张三', team: 'A组', answered: 2, handle_seconds: 370, aht_seconds: 185, answered_within_threshold: 1, within_threshold_rate: 0.5, missed_rings: 0, complaints: 1, orders: 2, satisfaction_avg: 3.5, unauthorized_seconds: null },
      // C03: no rating; rings X1, X2
      { operator_id: '1002', name: '李四', team: 'A组', answered: 1, handle_seconds: 60, aht_seconds: 60, answered_within_threshold: 1, within_threshold_rate: 1, missed_rings: 2, complaints: 0, orders: 0, satisfaction_avg: null, unauthorized_seconds: null },
      // C04: no recorded wait, and 1003's only answered call: within T unknown, n/a (issue 17.6: never 0)
      { operator_id: '1003', name: '王五', team: 'B组', answered: 1, handle_seconds: 150, aht_seconds: 150, answered_within_threshold: null, within_threshold_rate: null, missed_rings: 1, complaints: 0, orders: 0, satisfaction_avg: 4, unauthorized_seconds: null },
      // only the order D3
      { operator_id: '1004', name: '赵六', team: 'B组', answered: 0, handle_seconds: 0, aht_seconds: null, answered_within_threshold: 0, within_threshold_rate: null, missed_rings: 0, complaints: 0, orders: 1, satisfaction_avg: null, unauthorized_seconds: null },
      // C09 + C10: handle 30 + 60 = 90, AHT 45; not in the roster
      { operator_id: '9001', name: null, team: null, answered: 2, handle_seconds: 90, aht_seconds: 45, answered_within_threshold: 1, within_threshold_rate: 0.5, missed_rings: 0, complaints: 2, orders: 0, satisfaction_avg: 3, unauthorized_seconds: null },
    ]);
  });

  test('by team: sums of its operators, the operators not in the roster last as team null', () => {
    expect(report.by_team).toEqual([
      // 1001 + 1002: answered 3, handle 430, AHT 143.33, ≤T 2/3, ratings 5, 2
      { team: 'A组', operators: 2, answered: 3, handle_seconds: 430, aht_seconds: 143.33, answered_within_threshold: 2, within_threshold_rate: 0.6667, missed_rings: 2, complaints: 1, orders: 2, satisfaction_avg: 3.5, unauthorized_seconds: null },
      // 1003 + 1004: the one answered call (C04) has no wait: within T n/a
      { team: 'B组', operators: 2, answered: 1, handle_seconds: 150, aht_seconds: 150, answered_within_threshold: null, within_threshold_rate: null, missed_rings: 1, complaints: 0, orders: 1, satisfaction_avg: 4, unauthorized_seconds: null },
      // 9001
      { team: null, operators: 1, answered: 2, handle_seconds: 90, aht_seconds: 45, answered_within_threshold: 1, within_threshold_rate: 0.5, missed_rings: 0, complaints: 2, orders: 0, satisfaction_avg: 3, unauthorized_seconds: null },
    ]);
  });

  test('by hour: 24 rows; 23:00 has only C09 (not the call at 23:59:59 the day before)', () => {
    expect(report.by_hour).toEqual(hours({
      8: { offered: 2, answered: 2, abandoned: 0, service_level: 0.5 }, // C01 ≤T, C02 not
      9: { offered: 2, answered: 2, abandoned: 0, service_level: 0.5 }, // C03 ≤T, C04 no wait
      10: { offered: 4, answered: 0, abandoned: 4, service_level: 0 }, // C05–C08
      11: { offered: 1, answered: 1, abandoned: 0, service_level: 0 }, // C10, 20 s
      23: { offered: 1, answered: 1, abandoned: 0, service_level: 1 }, // C09, 3 s
    }));
  });

  test('by category: abandoned calls without a category as null', () => {
    expect(report.by_category).toEqual([
      { category: null, calls: 4 },
      { category: 'complaint', calls: 3 },
      { category: 'consultation', calls: 2 },
      { category: 'query', calls: 1 },
    ]);
  });

  test('complaint reasons: complaint calls only (C04 is a consultation with a reason), a complaint without a reason as null', () => {
    expect(report.complaint_reasons).toEqual([
      { reason: null, count: 1 }, // C09
      { reason: 'delay', count: 1 }, // C02 (P01 is the day before)
      { reason: 'loss', count: 1 }, // C10
    ]);
  });

  test('topics: by calls descending, then by name', () => {
    expect(report.topics).toEqual([
      { topic: 'tracking', calls: 2 }, // C01, C03
      { topic: 'address', calls: 1 }, // C09
      { topic: 'fee', calls: 1 }, // C04
    ]);
  });

  test('formula B: 3 / (10 − 2) = 0.375; per hour 10:00: 0 / (4 − 2) = 0', () => {
    const b = buildDailyReport(db, DAY, ZONE, defs('B'));
    expect(b.definitions).toEqual({ threshold_seconds: 15, short_abandon_seconds: 5, service_level_formula: 'B' });
    expect(b.totals.service_level).toBe(0.375);
    expect(b.by_hour).toEqual(hours({
      8: { offered: 2, answered: 2, abandoned: 0, service_level: 0.5 },
      9: { offered: 2, answered: 2, abandoned: 0, service_level: 0.5 },
      10: { offered: 4, answered: 0, abandoned: 4, service_level: 0 },
      11: { offered: 1, answered: 1, abandoned: 0, service_level: 0 },
      23: { offered: 1, answered: 1, abandoned: 0, service_level: 1 },
    }));
  });

  test('formula C: (3 + 2) / 10 = 0.5; per hour 10:00: (0 + 2) / 4 = 0.5', () => {
    const c = buildDailyReport(db, DAY, ZONE, defs('C'));
    expect(c.totals.service_level).toBe(0.5);
    expect(c.by_hour).toEqual(hours({
      8: { offered: 2, answered: 2, abandoned: 0, service_level: 0.5 },
      9: { offered: 2, answered: 2, abandoned: 0, service_level: 0.5 },
      10: { offered: 4, answered: 0, abandoned: 4, service_level: 0.5 },
      11: { offered: 1, answered: 1, abandoned: 0, service_level: 0 },
      23: { offered: 1, answered: 1, abandoned: 0, service_level: 1 },
    }));
  });

  test('T = 16 and S = 6 move the boundary calls C02 and C06 inside', () => {
    const r = buildDailyReport(db, DAY, ZONE, defs('A', 16, 6));
    // answered≤16: C01, C02, C03, C09 = 4; abandoned≤16: C05, C06 = 2; short≤6: C05, C06 = 2
    expect({ short: r.totals.short_abandoned, ans: r.totals.answered_within_threshold, ab: r.totals.abandoned_within_threshold, sl: r.totals.service_level })
      .toEqual({ short: 2, ans: 4, ab: 2, sl: 0.4 });
    // 1001: C01 and C02 both within 16 s
    expect(r.by_operator[0]).toMatchObject({ operator_id: '1001', answered_within_threshold: 2, within_threshold_rate: 1 });
  });

  test('T = 14 and S = 4 leave the calls of exactly 15 s and 5 s outside', () => {
    const r = buildDailyReport(db, DAY, ZONE, defs('A', 14, 4));
    // answered≤14: C03, C09 = 2; abandoned≤14: C05, C06 = 2; short≤4: none
    expect({ short: r.totals.short_abandoned, ans: r.totals.answered_within_threshold, ab: r.totals.abandoned_within_threshold, sl: r.totals.service_level })
      .toEqual({ short: 0, ans: 2, ab: 2, sl: 0.2 });
  });

  test('the day before: only P01 (at 23:59:59), its order and its missed ring', () => {
    const r = buildDailyReport(db, '2026-10-11' as IsoDate, ZONE, defs('A'));
    expect(r.totals).toEqual({
      offered: 1, answered: 1, abandoned: 0, short_abandoned: 0, answered_within_threshold: 1, abandoned_within_threshold: 0,
      service_level: 1, asa_seconds: 1, aht_seconds: 500, abandonment_rate: 0, avg_abandon_wait_seconds: null, max_wait_seconds: 1,
      talk_seconds: 500, satisfaction_avg: 1, complaints: 1, orders: 1,
    });
    expect(r.by_hour).toEqual(hours({ 23: { offered: 1, answered: 1, abandoned: 0, service_level: 1 } }));
    expect(r.by_operator).toEqual([
      { operator_id: '1001', name: '张三', team: 'A组', answered: 1, handle_seconds: 500, aht_seconds: 500, answered_within_threshold: 1, within_threshold_rate: 1, missed_rings: 1, complaints: 1, orders: 0, satisfaction_avg: 1, unauthorized_seconds: null },
      { operator_id: '1002', name: '李四', team: 'A组', answered: 0, handle_seconds: 0, aht_seconds: null, answered_within_threshold: 0, within_threshold_rate: null, missed_rings: 0, complaints: 0, orders: 1, satisfaction_avg: null, unauthorized_seconds: null },
    ]);
    expect(r.outbound).toEqual({ calls: 0, answered: 0, talk_seconds: 0 });
  });
});

describe('buildDailyReport on a day with only abandoned calls', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = newDb();
    addCalls(db, [
      // 2026-10-14: waits 4, 5 and 30 s
      { id: 'A1', at: '2026-10-14 09:00:00', outcome: 'abandoned', wait: 4 },
      { id: 'A2', at: '2026-10-14 09:30:00', outcome: 'abandoned', wait: 5 },
      { id: 'A3', at: '2026-10-14 13:00:00', outcome: 'abandoned', wait: 30 },
      // 2026-10-15: waits 2, 5 and 15 s, all within T
      { id: 'B1', at: '2026-10-15 08:00:00', outcome: 'abandoned', wait: 2 },
      { id: 'B2', at: '2026-10-15 08:10:00', outcome: 'abandoned', wait: 5 },
      { id: 'B3', at: '2026-10-15 08:20:00', outcome: 'abandoned', wait: 15 },
    ]);
  });
  afterAll(() => db.close());

  // offered 3, answered 0, abandoned 3; short 2 (4, 5); answered≤T 0; abandoned≤T 2 (4, 5)
  const base = {
    offered: 3, answered: 0, abandoned: 3, short_abandoned: 2, answered_within_threshold: 0, abandoned_within_threshold: 2,
    asa_seconds: null, aht_seconds: null, // no answered call
    abandonment_rate: 1, // 3 / 3
    avg_abandon_wait_seconds: 13, // (4 + 5 + 30) / 3
    max_wait_seconds: 30, talk_seconds: 0, satisfaction_avg: null, complaints: 0, orders: 0,
  };

  test.each([
    { name: 'A', formula: 'A' as const, expected: 0 }, // 0 / 3
    { name: 'B', formula: 'B' as const, expected: 0 }, // 0 / (3 − 2)
    { name: 'C', formula: 'C' as const, expected: 0.6667 }, // (0 + 2) / 3
  ])('formula $name → service level $expected', ({ formula, expected }) => {
    const r = buildDailyReport(db, '2026-10-14' as IsoDate, ZONE, defs(formula));
    expect(r.totals).toEqual({ ...base, service_level: expected });
    expect(r.by_operator).toEqual([]);
    expect(r.by_team).toEqual([]);
    expect(r.by_category).toEqual([{ category: null, calls: 3 }]);
    expect(r.complaint_reasons).toEqual([]);
    expect(r.topics).toEqual([]);
  });

  test.each([
    { name: 'A', formula: 'A' as const, expected: 0 }, // 0 / 3
    { name: 'B', formula: 'B' as const, expected: null }, // 0 / (3 − 3): nothing left to measure
    { name: 'C', formula: 'C' as const, expected: 1 }, // (0 + 3) / 3
  ])('all abandoned within T, formula $name → service level $expected', ({ formula, expected }) => {
    const r = buildDailyReport(db, '2026-10-15' as IsoDate, ZONE, defs(formula));
    expect(r.totals).toEqual({
      offered: 3, answered: 0, abandoned: 3, short_abandoned: 2, answered_within_threshold: 0, abandoned_within_threshold: 3,
      service_level: expected, asa_seconds: null, aht_seconds: null, abandonment_rate: 1,
      avg_abandon_wait_seconds: 7.33, // (2 + 5 + 15) / 3 = 7.333…
      max_wait_seconds: 15, talk_seconds: 0, satisfaction_avg: null, complaints: 0, orders: 0,
    });
    expect(r.by_hour).toEqual(hours({ 8: { offered: 3, answered: 0, abandoned: 3, service_level: expected } }));
  });

  test('by hour of 2026-10-14 (formula B): 9:00 0 / (2 − 2) is null, 13:00 0 / (1 − 0) is 0', () => {
    const r = buildDailyReport(db, '2026-10-14' as IsoDate, ZONE, defs('B'));
    expect(r.by_hour).toEqual(hours({
      9: { offered: 2, answered: 0, abandoned: 2, service_level: null },
      13: { offered: 1, answered: 0, abandoned: 1, service_level: 0 },
    }));
  });
});

describe('buildDailyReport: calls without recorded waits, and an empty day', () => {
  test('waits all NULL (a file without a wait column): counted in offered and outcome; ≤T, short and service level n/a, not 0 (issue 17.6)', () => {
    const db = newDb();
    addCalls(db, [
      { id: 'W1', at: '2026-10-16 10:00:00', op: '1001', outcome: 'answered', talk: 100, hold: 20 },
      { id: 'W2', at: '2026-10-16 10:30:00', op: '1001', outcome: 'answered', talk: 50, acw: 31 },
      { id: 'W3', at: '2026-10-16 11:00:00', outcome: 'abandoned' },
    ]);
    const r = buildDailyReport(db, '2026-10-16' as IsoDate, ZONE, defs('B'));
    expect(r.totals).toEqual({
      offered: 3, answered: 2, abandoned: 1, short_abandoned: null, answered_within_threshold: null, abandoned_within_threshold: null,
      service_level: null, // no wait known: n/a (it was 0 / (3 − 0) = 0 before issue 17.6)
      asa_seconds: null, // no answered call has a wait
      aht_seconds: 100.5, // (120 + 81) / 2
      abandonment_rate: 0.3333, // 1 / 3
      avg_abandon_wait_seconds: null, max_wait_seconds: null, talk_seconds: 150, satisfaction_avg: null, complaints: 0, orders: 0,
    });
    expect(r.by_operator).toEqual([
      { operator_id: '1001', name: null, team: null, answered: 2, handle_seconds: 201, aht_seconds: 100.5, answered_within_threshold: null, within_threshold_rate: null, missed_rings: 0, complaints: 0, orders: 0, satisfaction_avg: null, unauthorized_seconds: null },
    ]);
    expect(r.by_hour[10]).toEqual({ hour: 10, offered: 2, answered: 2, abandoned: 0, service_level: null, operators_logged_in: null, operators_available: null });
    db.close();
  });

  test('talk all NULL (a file without a talk column): AHT, handle and talk time n/a, not 0 (issue 17.6)', () => {
    const db = newDb();
    addCalls(db, [
      { id: 'T1', at: '2026-10-16 10:00:00', op: '1001', outcome: 'answered', wait: 10 },
      { id: 'T2', at: '2026-10-16 10:30:00', op: '1001', outcome: 'answered', wait: 20, hold: 30 },
      { id: 'T3', at: '2026-10-16 11:00:00', outcome: 'abandoned', wait: 4 },
    ]);
    const r = buildDailyReport(db, '2026-10-16' as IsoDate, ZONE, defs('A'));
    expect(r.totals).toEqual({
      offered: 3, answered: 2, abandoned: 1, short_abandoned: 1, answered_within_threshold: 1, abandoned_within_threshold: 1,
      service_level: 0.3333, // 1 / 3
      asa_seconds: 15, // (10 + 20) / 2
      aht_seconds: null, talk_seconds: null, // no talk known (T2's 30 s of hold alone are not a handle time)
      abandonment_rate: 0.3333, avg_abandon_wait_seconds: 4, max_wait_seconds: 20, satisfaction_avg: null, complaints: 0, orders: 0,
    });
    expect(r.by_operator).toEqual([
      { operator_id: '1001', name: null, team: null, answered: 2, handle_seconds: null, aht_seconds: null, answered_within_threshold: 1, within_threshold_rate: 0.5, missed_rings: 0, complaints: 0, orders: 0, satisfaction_avg: null, unauthorized_seconds: null },
    ]);
    db.close();
  });

  test('a day without calls or orders: zeros, nulls, 24 empty hours', () => {
    const db = dayDb();
    const r = buildDailyReport(db, '2026-10-20' as IsoDate, ZONE, defs('A'));
    expect(r).toEqual({
      date: '2026-10-20', timezone: 'Asia/Shanghai', definitions: defs('A'),
      totals: {
        offered: 0, answered: 0, abandoned: 0, short_abandoned: 0, answered_within_threshold: 0, abandoned_within_threshold: 0,
        service_level: null, asa_seconds: null, aht_seconds: null, abandonment_rate: null, avg_abandon_wait_seconds: null,
        max_wait_seconds: null, talk_seconds: 0, satisfaction_avg: null, complaints: 0, orders: 0,
      },
      outbound: { calls: 0, answered: 0, talk_seconds: 0 },
      by_operator: [], by_team: [], by_hour: hours({}), by_category: [], complaint_reasons: [], topics: [], tickets: { opened: 0, resolved: 0, overdue_open: 0 },
    });
    db.close();
  });
});

/**
 * A range from Wednesday 2026-09-30 to Monday 2026-10-12 (T = 15, S = 5):
 *
 * | call | time                | op   | outcome   | wait | talk+hold+acw   | category     | sat |
 * | R1   | 2026-09-30 10:00:00 | 1001 | answered  | 10   | 100+0+0 = 100   | consultation | 4   | ≤T
 * | R2   | 2026-10-01 09:00:00 | 1002 | answered  | 20   | 50+0+10 = 60    | complaint    | 2   |
 * | R3   | 2026-10-11 23:59:59 | 1001 | answered  | 15   | 60+0+0 = 60     | query        |     | ≤T; Sunday, last second
 * | R4   | 2026-10-12 00:00:00 |      | abandoned | 3    |                 |              |     | short, ≤T; Monday, first second
 * | R5   | 2026-10-12 09:30:00 | 1003 | answered  | 5    | 200+20+20 = 240 | consultation | 5   | ≤T
 * | R7   | 2026-10-12 11:00:00 | 9001 | answered  | 16   | 40+0+0 = 40     | other        |     | 9001 not in the roster
 * | R6   | 2026-10-12 10:00:00 | 1001 | outbound (never counted)
 * | R0   | 2026-09-29 23:59:59 | 1001 | answered, the day before the range
 * | R8   | 2026-10-13 00:00:00 | 1002 | answered, the day after the range
 *
 * Orders: O1 2026-09-30 (1001), O6 2026-10-05 (1004, a Monday without calls), O2 2026-10-11 (1004),
 * O3 2026-10-12 (1001), O4 2026-10-12 (1004); outside: O0 2026-09-29 (1001), O5 2026-10-13 (1001).
 * Roster: 1001, 1002 in A组; 1003, 1004 in B组.
 */
function rangeDb(): Database.Database {
  const db = newDb();
  addOperators(db, [['1001', '张三', 'A组'], ['1002', '李四', 'A组'], ['1003', '王五', 'B组'], ['1004', '赵六', 'B组']]);
  addCalls(db, [
    { id: 'R0', at: '2026-09-29 23:59:59', op: '1001', outcome: 'answered', wait: 1, talk: 999, category: 'complaint', sat: 1 },
    { id: 'R1', at: '2026-09-30 10:00:00', op: '1001', outcome: 'answered', wait: 10, talk: 100, hold: 0, acw: 0, category: 'consultation', sat: 4 },
    { id: 'R2', at: '2026-10-01 09:00:00', op: '1002', outcome: 'answered', wait: 20, talk: 50, hold: 0, acw: 10, category: 'complaint', reason: 'fee', sat: 2 },
    { id: 'R3', at: '2026-10-11 23:59:59', op: '1001', outcome: 'answered', wait: 15, talk: 60, hold: 0, acw: 0, category: 'query' },
    { id: 'R4', at: '2026-10-12 00:00:00', outcome: 'abandoned', wait: 3 },
    { id: 'R5', at: '2026-10-12 09:30:00', op: '1003', outcome: 'answered', wait: 5, talk: 200, hold: 20, acw: 20, category: 'consultation', sat: 5 },
    { id: 'R6', at: '2026-10-12 10:00:00', op: '1001', dir: 'outbound', outcome: 'answered', wait: 1, talk: 300, category: 'complaint', sat: 5 },
    { id: 'R7', at: '2026-10-12 11:00:00', op: '9001', outcome: 'answered', wait: 16, talk: 40, hold: 0, acw: 0, category: 'other' },
    { id: 'R8', at: '2026-10-13 00:00:00', op: '1002', outcome: 'answered', wait: 1, talk: 999, category: 'complaint', sat: 1 },
  ]);
  addOrders(db, [
    ['O0', '2026-09-29 23:59:59', '1001'], ['O1', '2026-09-30 12:00:00', '1001'], ['O6', '2026-10-05 08:00:00', '1004'], ['O2', '2026-10-11 23:00:00', '1004'],
    ['O3', '2026-10-12 09:00:00', '1001'], ['O4', '2026-10-12 00:00:00', '1004'], ['O5', '2026-10-13 00:00:00', '1001'],
  ]);
  return db;
}

describe('buildRangeReport from 2026-09-30 to 2026-10-12', () => {
  let db: Database.Database;
  const FROM = '2026-09-30' as IsoDate;
  const TO = '2026-10-12' as IsoDate;
  beforeAll(() => {
    db = rangeDb();
  });
  afterAll(() => db.close());

  // Columns of every row below:
  //                offered ans ab short ans≤T ab≤T SL      ASA   AHT     ab-rate ab-wait max  talk sat  cmpl orders

  test('by day: a row per day with calls or orders; the day with only an order has zeros and nulls', () => {
    expect(buildRangeReport(db, FROM, TO, 'day', defs())).toEqual([
      row('2026-09-30', [1, 1, 0, 0, 1, 0, 1, 10, 100, 0, null, 10, 100, 4, 0, 1]), // R1, O1
      row('2026-10-01', [1, 1, 0, 0, 0, 0, 0, 20, 60, 0, null, 20, 50, 2, 1, 0]), // R2
      row('2026-10-05', [0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0, null, 0, 1]), // O6
      row('2026-10-11', [1, 1, 0, 0, 1, 0, 1, 15, 60, 0, null, 15, 60, null, 0, 1]), // R3, O2
      // R4, R5, R7: ≤T R5 → 1/3; ASA (5 + 16) / 2; AHT (240 + 40) / 2; orders O3, O4
      row('2026-10-12', [3, 2, 1, 1, 1, 1, 0.3333, 10.5, 140, 0.3333, 3, 16, 240, 5, 0, 2]),
    ]);
  });

  test('by week: Monday labels; Sunday 23:59:59 and Monday 00:00:00 fall in different weeks', () => {
    expect(weekStart('2026-10-11' as IsoDate)).toBe('2026-10-05');
    expect(weekStart('2026-10-12' as IsoDate)).toBe('2026-10-12');
    expect(buildRangeReport(db, FROM, TO, 'week', defs())).toEqual([
      // Wed 09-30 and Thu 10-01: R1, R2; ≤T 1/2; ASA (10 + 20) / 2; AHT (100 + 60) / 2; sat (4 + 2) / 2; O1
      row('2026-09-28', [2, 2, 0, 0, 1, 0, 0.5, 15, 80, 0, null, 20, 150, 3, 1, 1]),
      // Sun 10-11: R3; orders O6 (Mon 10-05) and O2 (Sun 10-11)
      row('2026-10-05', [1, 1, 0, 0, 1, 0, 1, 15, 60, 0, null, 15, 60, null, 0, 2]),
      // Mon 10-12: as the day
      row('2026-10-12', [3, 2, 1, 1, 1, 1, 0.3333, 10.5, 140, 0.3333, 3, 16, 240, 5, 0, 2]),
    ]);
  });

  test('by month: calendar months', () => {
    expect(buildRangeReport(db, FROM, TO, 'month', defs())).toEqual([
      row('2026-09', [1, 1, 0, 0, 1, 0, 1, 10, 100, 0, null, 10, 100, 4, 0, 1]), // R1, O1
      // R2, R3, R4, R5, R7: ≤T R3, R5 → 2/5; ASA (20+15+5+16)/4 = 14; AHT (60+60+240+40)/4 = 100;
      // talk 50+60+200+40 = 350; sat (2 + 5) / 2; orders O6, O2, O3, O4
      row('2026-10', [5, 4, 1, 1, 2, 1, 0.4, 14, 100, 0.2, 3, 20, 350, 3.5, 1, 4]),
    ]);
  });

  test('by month, formula C: (2 + 1) / 5 = 0.6 in October', () => {
    const rows = buildRangeReport(db, FROM, TO, 'month', defs('C'));
    expect(rows.map((r) => [r.period, r.service_level])).toEqual([['2026-09', 1], ['2026-10', 0.6]]);
  });

  test('by operator: every operator with calls or orders; the abandoned R4 (no operator) in none', () => {
    expect(buildRangeReport(db, FROM, TO, 'operator', defs())).toEqual([
      // R1, R3: ≤T both; ASA 12.5; AHT (100 + 60) / 2; max 15; talk 160; sat 4; orders O1, O3 (the outbound R6 not counted)
      row('1001', [2, 2, 0, 0, 2, 0, 1, 12.5, 80, 0, null, 15, 160, 4, 0, 2]),
      row('1002', [1, 1, 0, 0, 0, 0, 0, 20, 60, 0, null, 20, 50, 2, 1, 0]), // R2
      row('1003', [1, 1, 0, 0, 1, 0, 1, 5, 240, 0, null, 5, 200, 5, 0, 0]), // R5
      row('1004', [0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0, null, 0, 3]), // O6, O2, O4
      row('9001', [1, 1, 0, 0, 0, 0, 0, 16, 40, 0, null, 16, 40, null, 0, 0]), // R7
    ]);
  });

  test('by team: sums of the operators; operators not in the roster under team null', () => {
    expect(buildRangeReport(db, FROM, TO, 'team', defs())).toEqual([
      row(null, [1, 1, 0, 0, 0, 0, 0, 16, 40, 0, null, 16, 40, null, 0, 0]), // 9001
      // 1001 + 1002: R1, R3, R2; ≤T 2/3; ASA (10+15+20)/3 = 15; AHT (100+60+60)/3 = 73.33; sat (4 + 2) / 2
      row('A组', [3, 3, 0, 0, 2, 0, 0.6667, 15, 73.33, 0, null, 20, 210, 3, 1, 2]),
      // 1003 + 1004: R5; orders O6, O2, O4
      row('B组', [1, 1, 0, 0, 1, 0, 1, 5, 240, 0, null, 5, 200, 5, 0, 3]),
    ]);
  });

  test('by hour of day, across the days (orders have no hour: 0)', () => {
    expect(buildRangeReport(db, FROM, TO, 'hour', defs())).toEqual([
      row('0', [1, 0, 1, 1, 0, 1, 0, null, null, 1, 3, 3, 0, null, 0, 0]), // R4
      // R2, R5: ≤T R5; ASA (20 + 5) / 2; AHT (60 + 240) / 2; sat (2 + 5) / 2
      row('9', [2, 2, 0, 0, 1, 0, 0.5, 12.5, 150, 0, null, 20, 250, 3.5, 1, 0]),
      row('10', [1, 1, 0, 0, 1, 0, 1, 10, 100, 0, null, 10, 100, 4, 0, 0]), // R1 (not the outbound R6)
      row('11', [1, 1, 0, 0, 0, 0, 0, 16, 40, 0, null, 16, 40, null, 0, 0]), // R7
      row('23', [1, 1, 0, 0, 1, 0, 1, 15, 60, 0, null, 15, 60, null, 0, 0]), // R3 (not R0, the day before the range)
    ]);
  });

  test('by category: calls without a category under null', () => {
    expect(buildRangeReport(db, FROM, TO, 'category', defs())).toEqual([
      row(null, [1, 0, 1, 1, 0, 1, 0, null, null, 1, 3, 3, 0, null, 0, 0]), // R4
      row('complaint', [1, 1, 0, 0, 0, 0, 0, 20, 60, 0, null, 20, 50, 2, 1, 0]), // R2
      // R1, R5: ASA (10 + 5) / 2; AHT (100 + 240) / 2; sat (4 + 5) / 2
      row('consultation', [2, 2, 0, 0, 2, 0, 1, 7.5, 170, 0, null, 10, 300, 4.5, 0, 0]),
      row('other', [1, 1, 0, 0, 0, 0, 0, 16, 40, 0, null, 16, 40, null, 0, 0]), // R7
      row('query', [1, 1, 0, 0, 1, 0, 1, 15, 60, 0, null, 15, 60, null, 0, 0]), // R3
    ]);
  });

  test('a one-day range by day equals the daily totals', () => {
    const daily = buildDailyReport(db, TO, ZONE, defs());
    expect(buildRangeReport(db, TO, TO, 'day', defs())).toEqual([{ period: '2026-10-12', ...daily.totals }]);
  });

  test('two days folded into one period are summed, not averaged', () => {
    // Sunday 10-11 alone: ASA 15; Monday 10-12 alone: ASA 10.5
    const days = buildRangeReport(db, '2026-10-11' as IsoDate, TO, 'day', defs());
    expect(days.map((d) => d.asa_seconds)).toEqual([15, 10.5]);
    // the two days together: ASA (15 + 5 + 16) / 3 = 12, not (15 + 10.5) / 2 = 12.75
    const month = buildRangeReport(db, '2026-10-11' as IsoDate, TO, 'month', defs());
    expect(month).toEqual([row('2026-10', [4, 3, 1, 1, 2, 1, 0.5, 12, 113.33, 0.25, 3, 16, 300, 5, 0, 3])]);
  });
});

describe('the per-day summary of an older version (issue 17.6: handle sums over calls with a known talk time)', () => {
  test('a summary recorded without version 2 does not serve; the next refresh rebuilds it all, and then it serves', async () => {
    const { summaryServes, refreshSummary, beginIncremental } = await import('../../src/db/queries/stats-days.js');
    const db = newDb();
    addCalls(db, [{ id: 'V1', at: '2026-10-16 10:00:00', op: '1001', outcome: 'answered', wait: 3 }]);
    db.prepare("INSERT INTO settings (key, value) VALUES ('stats_summary', ?)").run(JSON.stringify({ threshold_seconds: 15, short_abandon_seconds: 5 }));
    const t = { threshold_seconds: 15, short_abandon_seconds: 5 };
    expect([summaryServes(db, t), beginIncremental(db, t)]).toEqual([false, false]);
    expect(refreshSummary(db, new Set(['2026-10-16']), t)).toBe('all');
    expect(summaryServes(db, t)).toBe(true);
    expect(buildDailyReport(db, '2026-10-16' as IsoDate, ZONE, defs('A')).totals).toMatchObject({ answered: 1, aht_seconds: null, talk_seconds: null, service_level: 1 });
    db.close();
  });
});
