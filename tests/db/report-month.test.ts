// The figures behind the month's and the day's report charts (src/app/report-month.ts,
// report-day.ts, report-month-pages.ts), on a hand-made database: each equal to what the command
// that prints it gives (stats range, stats daily, appraise run, tickets summary, tickets list), and
// the hour × weekday grid, the complaint reasons and the overdue count worked out by hand.
// Rows are inserted directly (Shanghai wall times, UTC+8), as in stats.test.ts.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { appraiseMonth } from '../../src/app/appraisal.js';
import { finalizeMonth } from '../../src/app/appraisal-finalize.js';
import { buildDayReport } from '../../src/app/report-day.js';
import { buildMonthReport, type MonthQuery } from '../../src/app/report-month.js';
import { monthDocument } from '../../src/app/report-month-pages.js';
import { buildDailyReport, buildRangeReport } from '../../src/app/stats.js';
import { listTickets, ticketSummary } from '../../src/app/tickets.js';
import { migrate } from '../../src/db/migrate.js';
import type { IsoDate, IsoMonth } from '../../src/domain/dates.js';
import type { KpiDefinitions } from '../../src/domain/kpi.js';
import { DEFAULT_POLICY } from '../../src/domain/policy-defaults.js';
import type { CartesianSpec, HeatmapSpec } from '../../src/io/render/chart-options.js';
import { loadCalendar } from '../../src/io/calendar-files.js';

const DEFS: KpiDefinitions = { threshold_seconds: 15, short_abandon_seconds: 5, service_level_formula: 'A' };
const POLICY = DEFAULT_POLICY;
const { calendar } = loadCalendar([]);
const OCT = '2026-10' as IsoMonth;

/** Epoch seconds of a Shanghai wall time 'YYYY-MM-DD HH:mm:ss'. */
function at(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}+08:00`) / 1000;
}

/** After the month: overdue complaints are counted at its last second. */
const AFTER = at('2026-11-05 09:00:00');

let db: Database.Database;

/**
 * Operators: 1001 (一组, since 2020), 1002 (二组, hired 2026-10-16, mid-month), 1003 (一组, left
 * 2026-10-13). Calls (T = 15 s):
 *
 * | call | local time          | weekday | op   | outcome   | wait | category     | reason |
 * | S1   | 2026-09-15 10:00:00 | Tue     | 1001 | answered  | 5    | consultation |        |
 * | S2   | 2026-09-15 10:30:00 | Tue     | 1001 | answered  | 5    | complaint    | delay  |
 * | S3   | 2026-09-16 11:00:00 | Wed     |      | abandoned | 30   |              |        |
 * | C1   | 2026-10-05 09:10:00 | Mon     | 1001 | answered  | 10   | consultation |        |
 * | C2   | 2026-10-05 09:40:00 | Mon     | 1003 | answered  | 20   | complaint    | delay  |
 * | C3   | 2026-10-05 14:00:00 | Mon     |      | abandoned | 40   |              |        |
 * | C4   | 2026-10-12 09:05:00 | Mon     | 1001 | answered  | 3    | complaint    | damage |
 * | C5   | 2026-10-13 23:59:59 | Tue     | 1003 | answered  | 15   | query        |        | (the leaver's last second)
 * | C6   | 2026-10-16 00:00:00 | Fri     | 1002 | answered  | 16   | complaint    | delay  | (the new hire's first second)
 * | C7   | 2026-10-31 18:00:00 | Sat     | 1002 | answered  | 5    | order        |        |
 * | O1   | 2026-10-31 18:30:00 | Sat     | 1001 | outbound: not offered                   |
 * | N1   | 2026-11-01 00:00:00 | Sun     | 1001 | answered  | 5    | the next month          |
 *
 * Tickets: T1 complaint 10-02 10:00 → resolved 10-03 10:00 (24 h, 网点); T2 complaint 10-20 09:00,
 * open (理赔部; the 7-day limit passes 10-27 09:00); T3 complaint 10-28 09:00, open; T4 suggestion.
 */
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, ':memory:');
  const op = db.prepare(`INSERT INTO operators (operator_id, name, team, hire_date, termination_date, import_id, created_import_id, seen_import_id, seen_line) VALUES (?, ?, ?, ?, ?, 1, 1, 1, 1)`);
  op.run('1001', '张三', '一组', '2020-01-01', null);
  op.run('1002', '李四', '二组', '2026-10-16', null);
  op.run('1003', '王五', '一组', '2020-01-01', '2026-10-13');
  const call = db.prepare(`INSERT INTO calls (call_id, started_at, local_day, local_hour, operator_id, direction, outcome, wait_seconds, talk_seconds, category, complaint_reason,
    import_id, created_import_id, seen_import_id, seen_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, 1)`);
  const calls: [string, string, string | null, 'inbound' | 'outbound', 'answered' | 'abandoned', number, string | null, string | null][] = [
    ['S1', '2026-09-15 10:00:00', '1001', 'inbound', 'answered', 5, 'consultation', null],
    ['S2', '2026-09-15 10:30:00', '1001', 'inbound', 'answered', 5, 'complaint', 'delay'],
    ['S3', '2026-09-16 11:00:00', null, 'inbound', 'abandoned', 30, null, null],
    ['C1', '2026-10-05 09:10:00', '1001', 'inbound', 'answered', 10, 'consultation', null],
    ['C2', '2026-10-05 09:40:00', '1003', 'inbound', 'answered', 20, 'complaint', 'delay'],
    ['C3', '2026-10-05 14:00:00', null, 'inbound', 'abandoned', 40, null, null],
    ['C4', '2026-10-12 09:05:00', '1001', 'inbound', 'answered', 3, 'complaint', 'damage'],
    ['C5', '2026-10-13 23:59:59', '1003', 'inbound', 'answered', 15, 'query', null],
    ['C6', '2026-10-16 00:00:00', '1002', 'inbound', 'answered', 16, 'complaint', 'delay'],
    ['C7', '2026-10-31 18:00:00', '1002', 'inbound', 'answered', 5, 'order', null],
    ['O1', '2026-10-31 18:30:00', '1001', 'outbound', 'answered', 0, null, null],
    ['N1', '2026-11-01 00:00:00', '1001', 'inbound', 'answered', 5, 'consultation', null],
  ];
  for (const [id, local, who, direction, outcome, wait, category, reason] of calls) {
    call.run(id, at(local), local.slice(0, 10), Number(local.slice(11, 13)), who, direction, outcome, wait, outcome === 'answered' ? 100 : null, category, reason);
  }
  const order = db.prepare('INSERT INTO orders (order_id, created_at, local_day, operator_id, import_id, created_import_id, seen_import_id, seen_line) VALUES (?, ?, ?, ?, 1, 1, 1, 1)');
  for (const [id, local, who] of [['R1', '2026-10-05 09:20:00', '1001'], ['R2', '2026-10-05 09:30:00', '1001'], ['R3', '2026-10-20 10:00:00', '1002']] as const) order.run(id, at(local), local.slice(0, 10), who);
  const ticket = db.prepare(`INSERT INTO tickets (ticket_id, kind, opened_at, local_day, operator_id, severity, department, resolved_at, resolved_day, import_id, created_import_id, seen_import_id, seen_line)
    VALUES (?, ?, ?, ?, ?, 'normal', ?, ?, ?, 1, 1, 1, 1)`);
  for (const [id, kind, opened, who, department, resolved] of [
    ['T1', 'complaint', '2026-10-02 10:00:00', '1001', '网点', '2026-10-03 10:00:00'],
    ['T2', 'complaint', '2026-10-20 09:00:00', '1002', '理赔部', null],
    ['T3', 'complaint', '2026-10-28 09:00:00', '1001', '理赔部', null],
    ['T4', 'suggestion', '2026-10-10 09:00:00', '1003', '产品部', null],
  ] as const) ticket.run(id, kind, at(opened), opened.slice(0, 10), who, department, resolved ? at(resolved) : null, resolved?.slice(0, 10) ?? null);
});

const month = (q: Partial<MonthQuery> = {}) => buildMonthReport(db, { month: OCT, team: null, definitions: DEFS, now: AFTER, ...q }, calendar, POLICY);

describe('the month report: each figure as its command gives it', () => {
  test('service: stats range --by month, --by day and --by team', () => {
    const d = month({ team: '一组' });
    expect(d.service.total).toEqual(buildRangeReport(db, '2026-10-01' as IsoDate, '2026-10-31' as IsoDate, 'month', DEFS)[0]);
    expect(d.service.total).toMatchObject({ period: '2026-10', offered: 7, answered: 6, abandoned: 1, answered_within_threshold: 4, service_level: 0.5714, orders: 3 });
    expect(d.service.days).toEqual(buildRangeReport(db, '2026-10-01' as IsoDate, '2026-10-31' as IsoDate, 'day', DEFS));
    expect(d.service.days.map((r) => [r.period, r.offered, r.orders])).toEqual([
      ['2026-10-05', 3, 2], ['2026-10-12', 1, 0], ['2026-10-13', 1, 0], ['2026-10-16', 1, 0], ['2026-10-20', 0, 1], ['2026-10-31', 1, 0],
    ]);
    // 一组's answered calls: 1001's C1 and C4, 1003's C2 and C5 (the leaver's last second).
    expect(d.service.team).toMatchObject({ period: '一组', answered: 4, orders: 2 });
  });

  test('the hour × weekday grid: offered calls of each day, by hour, added up (Monday first)', () => {
    const grid = month().service.by_weekday_hour;
    const cells = grid.flatMap((hours, day) => hours.flatMap((n, hour) => (n > 0 ? [[day, hour, n]] : [])));
    // Monday 09 (C1, C2, C4), Monday 14 (C3, abandoned), Tuesday 23 (C5), Friday 00 (C6), Saturday 18 (C7).
    expect(cells).toEqual([[0, 9, 3], [0, 14, 1], [1, 23, 1], [4, 0, 1], [5, 18, 1]]);
    expect(cells.reduce((s, c) => s + (c[2] as number), 0)).toBe(month().service.total?.offered);
  });

  test('demand: stats range --by category, and the complaint reasons of stats daily --by reason, month and month before', () => {
    const d = month().demand;
    expect(d.categories).toEqual(buildRangeReport(db, '2026-10-01' as IsoDate, '2026-10-31' as IsoDate, 'category', DEFS));
    expect(d.categories.map((r) => [r.period, r.offered])).toEqual([[null, 1], ['complaint', 3], ['consultation', 1], ['order', 1], ['query', 1]]);
    expect(d.previous_categories.map((r) => [r.period, r.offered])).toEqual([[null, 1], ['complaint', 1], ['consultation', 1]]);
    expect(d.reasons).toEqual([{ reason: 'damage', count: 1 }, { reason: 'delay', count: 2 }]);
    expect(d.previous_reasons).toEqual([{ reason: 'delay', count: 1 }]);
    // The same as the daily reports of the month's days, added up.
    const daily = new Map<string, number>();
    for (let day = 1; day <= 31; day++) {
      for (const r of buildDailyReport(db, `2026-10-${String(day).padStart(2, '0')}` as IsoDate, POLICY.timezone, DEFS).complaint_reasons) daily.set(String(r.reason), (daily.get(String(r.reason)) ?? 0) + r.count);
    }
    expect(Object.fromEntries(d.reasons.map((r) => [r.reason, r.count]))).toEqual(Object.fromEntries(daily));
  });

  test('operators: appraise run (computed), --team filters as appraise run --team does', () => {
    const all = appraiseMonth(db, OCT, calendar, POLICY);
    expect(month().appraisal).toEqual({ finalized: null, rows: all.rows });
    // Days worked (October 2026: 18 working days after the National Day holiday): 1001 18 + the
    // holiday 10-05 with calls; 1003 5 to the 13th + 10-05; 1002 11 from the 16th − 4 days of
    // onboarding (10-19 to 10-22; the 16th had a call) + Saturday 10-31 with a call.
    expect(all.rows.map((r) => [r.operator_id, r.days_worked])).toEqual([['1001', 19], ['1002', 8], ['1003', 6]]);
    expect(month({ team: '一组' }).appraisal.rows.map((r) => r.operator_id)).toEqual(['1001', '1003']);
  });

  test('operators: a finalized month is shown as stored, though the data changed since', () => {
    finalizeMonth(db, OCT, calendar, POLICY, { refinalize: false, reason: null, allowMissing: true, today: '2026-11-02' as IsoDate, now: at('2026-11-02 09:00:00'), osUser: 'lead' });
    const stored = appraiseMonth(db, OCT, calendar, POLICY).rows;
    db.prepare(`INSERT INTO calls (call_id, started_at, local_day, local_hour, operator_id, direction, outcome, wait_seconds, talk_seconds, category, import_id, created_import_id, seen_import_id, seen_line)
      VALUES ('LATE', ?, '2026-10-30', 10, '1002', 'inbound', 'answered', 5, 100, 'query', 1, 1, 1, 1)`).run(at('2026-10-30 10:00:00'));
    const d = month();
    expect(d.appraisal.finalized).toMatchObject({ run_id: 1, os_user: 'lead' });
    expect(d.appraisal.rows).toEqual(stored);
    expect(appraiseMonth(db, OCT, calendar, POLICY).computed.find((r) => r.operator_id === '1002')?.indicators.calls_per_day?.raw).not.toBe(stored.find((r) => r.operator_id === '1002')?.indicators.calls_per_day?.raw);
  });

  test('complaints: tickets summary, and tickets list --kind complaint --status overdue at the end of the month', () => {
    const d = month();
    expect(d.complaints.summary).toEqual(ticketSummary(db, OCT, POLICY));
    expect(d.complaints.summary.find((r) => r.by === 'total')).toMatchObject({ complaints_received: 3, complaints_resolved: 1, median_resolution_hours: 24, suggestions: 1 });
    expect(d.complaints.as_of).toBe(at('2026-10-31 23:59:59'));
    expect(d.complaints.overdue_open).toBe(1); // T2: its 7 days ended 10-27 09:00; T3's end 11-04
    expect(d.complaints.overdue_open).toBe(listTickets(db, { kind: 'complaint', status: 'overdue' }, d.complaints.as_of, POLICY.timezone, POLICY).length);
  });

  test('a month not over yet: overdue counted now (T2 not yet late on the 25th)', () => {
    const now = at('2026-10-25 12:00:00');
    expect(month({ now }).complaints).toMatchObject({ as_of: now, overdue_open: 0 });
  });

  test('a month before the first import: empty figures, no error', () => {
    const d = buildMonthReport(db, { month: '2026-07' as IsoMonth, team: null, definitions: DEFS, now: AFTER }, calendar, POLICY);
    expect(d.service).toEqual({ total: null, days: [], team: null, by_weekday_hour: Array.from({ length: 7 }, () => Array(24).fill(0)) });
    expect(d.demand).toEqual({ categories: [], previous_categories: [], reasons: [], previous_reasons: [] });
    expect(d.complaints).toEqual({ summary: [], overdue_open: 0, as_of: at('2026-07-31 23:59:59') });
    expect(d.appraisal.rows).toEqual(appraiseMonth(db, '2026-07' as IsoMonth, calendar, POLICY).rows);
  });
});

describe('the month report: the data each chart draws', () => {
  const charts = (lang: 'en' | 'zh' = 'en') => monthDocument(month(), POLICY, { now: AFTER, database: 'h.db', policySource: null }, lang).sections.flatMap((s) => s.pages.flat())
    .flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
  const chart = <T extends CartesianSpec | HeatmapSpec>(title: string, lang: 'en' | 'zh' = 'en'): T => charts(lang).find((c) => c.title === title) as T;

  test('calls per day: a bar for every day of the month, the service level, the target line', () => {
    const c = chart<CartesianSpec>('Calls per day and service level');
    expect(c.categories).toHaveLength(31);
    const byDay = (name: string) => Object.fromEntries(c.series.find((s) => s.name === name)?.values.flatMap((v, i) => (v ? [[c.categories[i], v]] : [])) ?? []);
    expect(byDay('answered')).toEqual({ '10-05': 2, '10-12': 1, '10-13': 1, '10-16': 1, '10-31': 1 });
    expect(byDay('abandoned')).toEqual({ '10-05': 1 });
    // Service level A: answered ≤ 15 s / offered. 10-05: C1 / 3; 10-13: C5 at exactly 15 s; 10-16: C6 at 16 s, 0 (no bar: a 0 is drawn as 0).
    expect(byDay('service level')).toEqual({ '10-05': 0.3333, '10-12': 1, '10-13': 1, '10-31': 1 });
    expect(c.series.find((s) => s.name === 'service level')?.values[15]).toBe(0);
    expect(c.series.find((s) => s.name === 'service level')?.values[19]).toBeNull(); // 10-20: orders only, no call
    expect(c.marks).toEqual([{ name: 'target', value: 0.8, axis: 1 }]);
  });

  test('the heat map cells are the grid; the weekdays in Chinese with --lang zh', () => {
    const h = chart<HeatmapSpec>('各时段来电量（按星期，当月合计）', 'zh');
    expect(h.y).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(h.cells.filter((c) => c[2] > 0)).toEqual([[9, 0, 3], [14, 0, 1], [23, 1, 1], [0, 4, 1], [18, 5, 1]]);
  });

  test('demand: categories and reasons of both months, the missing category named', () => {
    const c = chart<CartesianSpec>('Calls by category');
    expect(c.categories).toEqual(['none', 'complaint', 'consultation', 'order', 'query']);
    expect(c.series.map((s) => [s.name, s.values])).toEqual([['2026-10', [1, 3, 1, 1, 1]], ['2026-09', [1, 1, 1, 0, 0]]]);
    const r = chart<CartesianSpec>('投诉来电原因', 'zh');
    expect(r.categories).toEqual(['破损', '延误']);
    expect(r.series.map((s) => s.values)).toEqual([[1, 2], [0, 1]]);
  });

  test('the ranking: best score first, each bar in its grade colour; the grade counts', () => {
    const rows = appraiseMonth(db, OCT, calendar, POLICY).rows;
    const ranking = chart<CartesianSpec>('Ranking by appraisal score');
    const expected = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    expect(ranking.categories).toEqual(expected.map((r) => `${r.operator_id} ${r.name}`));
    expect(ranking.series[0]?.values).toEqual(expected.map((r) => r.score));
    expect(ranking.series[0]?.tones).toEqual(expected.map((r) => r.grade));
    const grades = chart<CartesianSpec>('Operators by grade');
    expect(grades.categories).toEqual(['excellent', 'good', 'pass', 'fail']);
    expect(grades.series[0]?.values.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(3);
  });

  test('complaints by department: tickets summary rows', () => {
    const c = chart<CartesianSpec>('Complaints by department');
    expect(c.categories).toEqual(['产品部', '理赔部', '网点']);
    expect(c.series.map((s) => [s.name, s.values])).toEqual([['received', [0, 2, 1]], ['resolved', [0, 0, 1]], ['resolved within the legal limit', [null, null, 1]]]);
  });
});

describe('the day report', () => {
  test('stats daily, stats range --by hour of the day, and the day before', () => {
    const day = '2026-10-05' as IsoDate;
    const d = buildDayReport(db, day, DEFS, POLICY);
    expect(d.daily).toEqual(buildDailyReport(db, day, POLICY.timezone, DEFS, POLICY.tickets));
    expect(d.hours).toEqual(buildRangeReport(db, day, day, 'hour', DEFS));
    expect(d.hours.map((r) => [r.period, r.offered])).toEqual([['9', 2], ['14', 1]]);
    expect(d.demand.reasons).toEqual([{ reason: 'delay', count: 1 }]);
    expect(d.demand.previous_categories).toEqual([]);
  });
});
