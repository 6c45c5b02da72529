// What staffing reads (src/db/queries/staffing.ts): the inbound calls of a day per interval, at
// the interval's edges, in a zone whose offset is not whole hours; whether a day has inbound
// calls; the first day with calls; presence, which this branch does not have.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { staffedByHour } from '../../src/app/agents.js';
import { firstCallDay, hasInboundCalls, intervalSums, operatorsAvailable } from '../../src/db/queries/staffing.js';
import { localDateOf, localHourOf, localToEpoch, type IsoDate } from '../../src/domain/dates.js';

const DEFS = { threshold_seconds: 15, short_abandon_seconds: 5 };

/** A migrated in-memory database with calls at local wall times of `zone` ('YYYY-MM-DD HH:mm:ss'), local day and hour as the import computes them. */
function dbWith(zone: string, calls: [id: string, at: string, dir: 'inbound' | 'outbound', outcome: 'answered' | 'abandoned', wait: number, talk: number | null][]): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  const insert = db.prepare(`INSERT INTO calls (call_id, started_at, local_day, local_hour, direction, outcome, wait_seconds, talk_seconds, import_id, created_import_id, seen_import_id, seen_line)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, 1)`);
  for (const [id, at, dir, outcome, wait, talk] of calls) {
    const [y, mo, d, h, mi, s] = at.split(/[- :]/).map(Number) as [number, number, number, number, number, number];
    const t = localToEpoch({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, zone);
    insert.run(id, t, localDateOf(t, zone), localHourOf(t, zone), dir, outcome, wait, talk);
  }
  return db;
}

const DAY = '2026-10-20' as IsoDate;

describe('intervalSums: the inbound calls of a day per interval', () => {
  // Asia/Shanghai. 08:59:59 is the 08:30 interval's last second, 09:00:00 the 09:00 interval's
  // first; 09:29:59 still 09:00; 23:59:59 the last interval. Outbound and the next day stay out.
  const db = dbWith('Asia/Shanghai', [
    ['A', '2026-10-20 08:59:59', 'inbound', 'answered', 10, 100],
    ['B', '2026-10-20 09:00:00', 'inbound', 'answered', 20, 200],
    ['C', '2026-10-20 09:29:59', 'inbound', 'abandoned', 30, null],
    ['D', '2026-10-20 09:30:00', 'inbound', 'answered', 5, 60],
    ['E', '2026-10-20 23:59:59', 'inbound', 'answered', 1, 40],
    ['F', '2026-10-20 09:10:00', 'outbound', 'answered', 0, 90],
    ['G', '2026-10-21 00:00:00', 'inbound', 'answered', 1, 40],
  ]);

  test('30 minutes: 08:30 has A; 09:00 has B and C; 09:30 has D; 23:30 has E', () => {
    const sums = intervalSums(db, { day: DAY, zone: 'Asia/Shanghai', minutes: 30, defs: DEFS });
    expect([...sums.keys()]).toEqual([510, 540, 570, 1410]);
    expect(sums.get(540)).toMatchObject({ offered: 2, answered: 1, abandoned: 1, answered_within_threshold: 0, handle_sum: 200, handle_count: 1, answered_wait_count: 1 });
    expect(sums.get(510)).toMatchObject({ offered: 1, answered_within_threshold: 1, handle_sum: 100 });
  });

  test('60 minutes: 08:00 has A; 09:00 has B, C and D; 23:00 has E', () => {
    const sums = intervalSums(db, { day: DAY, zone: 'Asia/Shanghai', minutes: 60, defs: DEFS });
    expect([...sums].map(([k, a]) => [k, a.offered])).toEqual([[480, 1], [540, 3], [1380, 1]]);
  });

  test('15 minutes: 08:45, 09:00, 09:15, 09:30, 23:45', () => {
    const sums = intervalSums(db, { day: DAY, zone: 'Asia/Shanghai', minutes: 15, defs: DEFS });
    expect([...sums].map(([k, a]) => [k, a.offered])).toEqual([[525, 1], [540, 1], [555, 1], [570, 1], [1425, 1]]);
  });

  test('a day without inbound calls: no intervals', () => {
    expect(intervalSums(db, { day: '2026-10-19' as IsoDate, zone: 'Asia/Shanghai', minutes: 30, defs: DEFS }).size).toBe(0);
  });
});

test('a zone half an hour off UTC (Asia/Kolkata, +05:30): intervals on the local clock', () => {
  // 09:10 local is 03:40 UTC: the minute within the UTC hour is 40, within the local hour 10.
  const db = dbWith('Asia/Kolkata', [
    ['K1', '2026-10-20 09:10:00', 'inbound', 'answered', 3, 60],
    ['K2', '2026-10-20 09:29:59', 'inbound', 'answered', 3, 60],
    ['K3', '2026-10-20 09:30:00', 'inbound', 'answered', 3, 60],
  ]);
  const sums = intervalSums(db, { day: DAY, zone: 'Asia/Kolkata', minutes: 30, defs: DEFS });
  expect([...sums].map(([k, a]) => [k, a.offered])).toEqual([[540, 2], [570, 1]]);
});

test('hasInboundCalls, firstCallDay; no presence: operatorsAvailable is undefined', () => {
  const db = dbWith('Asia/Shanghai', [
    ['O', '2026-10-13 10:00:00', 'outbound', 'answered', 0, 30],
    ['I', '2026-10-20 10:00:00', 'inbound', 'answered', 3, 60],
  ]);
  expect([hasInboundCalls(db, '2026-10-13' as IsoDate), hasInboundCalls(db, DAY), hasInboundCalls(db, '2026-10-27' as IsoDate)]).toEqual([false, true, false]);
  expect(firstCallDay(db)).toBe('2026-10-13');
  expect(firstCallDay(dbWith('Asia/Shanghai', []))).toBeUndefined();
  expect(operatorsAvailable(db, { day: DAY, zone: 'Asia/Shanghai', minutes: 30 })).toBeUndefined();
});

describe('on a day the clocks change (America/Los_Angeles): presence in the intervals of the local clock, as the calls are', () => {
  const LA = 'America/Los_Angeles';
  const at = (local: string): number => {
    const [y, mo, d, h, mi] = local.split(/[- :]/).map(Number) as [number, number, number, number, number];
    return localToEpoch({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, LA);
  };
  /** `db` with one operator's session and pause, and the login and logout events that bound the presence data. */
  function withPresence(db: Database.Database, session: [number, number], pause: [number, number]): Database.Database {
    const event = db.prepare(`INSERT INTO presence (event_id, operator_id, state, at, local_day, import_id, created_import_id, seen_import_id, seen_line)
      VALUES (?, '1001', ?, ?, ?, 1, 1, 1, 1)`);
    event.run(`${session[0]}|1001|login|`, 'login', session[0], localDateOf(session[0], LA));
    event.run(`${session[1]}|1001|logout|`, 'logout', session[1], localDateOf(session[1], LA));
    const interval = db.prepare(`INSERT INTO presence_intervals (operator_id, kind, started_at, ended_at, reason, end_by) VALUES ('1001', ?, ?, ?, ?, ?)`);
    interval.run('session', session[0], session[1], null, 'logout');
    interval.run('pause', pause[0], pause[1], '小休', 'unpause');
    return db;
  }

  test('2026-03-08, 02:00 skipped: no 02:00 interval, and the pause at 03:00 local is in the 03:00 interval with the call of 03:10', () => {
    const db = withPresence(dbWith(LA, [['L1', '2026-03-08 03:10:00', 'inbound', 'answered', 3, 60]]), [at('2026-03-08 00:00'), at('2026-03-08 06:00')], [at('2026-03-08 03:00'), at('2026-03-08 03:30')]);
    const day = '2026-03-08' as IsoDate;
    expect([...intervalSums(db, { day, zone: LA, minutes: 60, defs: DEFS }).keys()]).toEqual([180]);
    const available = operatorsAvailable(db, { day, zone: LA, minutes: 60 });
    expect([...(available?.keys() ?? [])]).toEqual([0, 60, ...Array.from({ length: 21 }, (_, i) => (i + 3) * 60)]);
    // Before: keyed by the time elapsed since midnight, 03:00 local was 120 and held the pause.
    expect([0, 60, 120, 180, 240, 300, 360].map((m) => available?.get(m))).toEqual([1, 1, undefined, 0.5, 1, 1, 0]);
  });

  test('2026-11-01, 01:00–02:00 passed twice: one 01:00 interval holds both passes (paused in the second: 0.5 available)', () => {
    const db = withPresence(dbWith(LA, []), [at('2026-11-01 00:00'), at('2026-11-01 03:00')], [at('2026-11-01 01:00') + 3600, at('2026-11-01 01:30') + 3600]);
    const available = operatorsAvailable(db, { day: '2026-11-01' as IsoDate, zone: LA, minutes: 30 });
    expect(available?.size).toBe(48);
    expect([0, 30, 60, 90, 120, 150, 180].map((m) => available?.get(m))).toEqual([1, 1, 0.5, 1, 1, 1, 0]);
  });

  test('stats daily by hour (staffedByHour): the hour the clock skips has no figure, not NaN; the hour it repeats averages both passes', () => {
    const spring = withPresence(dbWith(LA, []), [at('2026-03-08 00:00'), at('2026-03-08 06:00')], [at('2026-03-08 03:00'), at('2026-03-08 03:30')]);
    expect(staffedByHour(spring, '2026-03-08' as IsoDate, LA).slice(0, 7)).toEqual([
      { logged_in: 1, available: 1 }, { logged_in: 1, available: 1 }, null, { logged_in: 1, available: 0.5 },
      { logged_in: 1, available: 1 }, { logged_in: 1, available: 1 }, { logged_in: 0, available: 0 },
    ]);
    const autumn = withPresence(dbWith(LA, []), [at('2026-11-01 00:00'), at('2026-11-01 03:00')], [at('2026-11-01 01:00') + 3600, at('2026-11-01 01:30') + 3600]);
    expect(staffedByHour(autumn, '2026-11-01' as IsoDate, LA).slice(0, 4)).toEqual([
      { logged_in: 1, available: 1 }, { logged_in: 1, available: 0.75 }, { logged_in: 1, available: 1 }, { logged_in: 0, available: 0 },
    ]);
  });
});
