// Presence in the database (src/db/queries/presence.ts), on a migrated in-memory database: the
// import of presence events (through writeImport with the kind's hooks) stores the events once
// whatever the overlap of the files, and rebuilds the sessions and pauses of the operators it
// touched from the session open at its first event; reports read the intervals of a range, and
// staffing the operators logged in and available per slot of a day.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { kindHooks } from '../../src/db/import-kinds.js';
import { writeImport, type WriteEvent } from '../../src/db/import-writer.js';
import { migrate } from '../../src/db/migrate.js';
import { availableOperators, presenceIntervals, presenceSpan, rebuildPresence } from '../../src/db/queries/presence.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { CALLS, naturalKeyOf, PRESENCE, storedColumns } from '../../src/domain/kinds.js';
import { random as makeRandom } from '../helpers/random.js';

const ZONE = 'Asia/Shanghai';
const T = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+08:00`) / 1000;

function newDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

/** A stored presence row: operator, local time, state, reason, queue. */
function event(operator: string, local: string, state: string, reason: string | null = null, queue: string | null = null): unknown[] {
  const values: Record<string, unknown> = { operator_id: operator, at: T(local), state, reason, queue, local_day: local.slice(0, 10) };
  values.event_id = naturalKeyOf(PRESENCE, values);
  return storedColumns(PRESENCE).map((c) => values[c] ?? null);
}

let n = 0;
const notices: string[] = [];

/** Imports one presence file of `rows` (lines 2…) as the writer does. */
async function importRows(db: Database.Database, rows: unknown[][]): Promise<void> {
  const name = `presence-${++n}.csv`;
  const columns = storedColumns(PRESENCE);
  async function* events(): AsyncGenerator<WriteEvent> {
    yield { type: 'start', encoding: 'utf-8', delimiter: ',', columns, present: columns, headers: columns, keyHeader: 'event_id' };
    yield { type: 'batch', rows, lines: rows.map((_, i) => i + 2), issues: [], bytes: 100 };
    yield { type: 'end', rows: rows.length };
  }
  await writeImport(db, ':memory:', events(), {
    ...kindHooks('presence', { file: name, kpi: { threshold_seconds: 15, short_abandon_seconds: 5 }, profile: false, notice: (l) => notices.push(l) }),
    spec: PRESENCE, file: name, zone: ZONE, strict: true, now: () => 1_800_000_000,
    ledger: { kind: 'presence', file_name: name, file_path: `/data/${name}`, sha256: `sha-${n}`, size_bytes: 10, profile: null, started_at: 1_800_000_000, os_user: 'hr', hotline_version: '0' },
  });
}

function intervals(db: Database.Database): [string, string, string, string | null, string | null, string | null][] {
  const local = (t: number | null): string | null => (t === null ? null : new Date((t + 8 * 3600) * 1000).toISOString().slice(0, 16).replace('T', ' '));
  type Stored = { operator_id: string; kind: string; started_at: number; ended_at: number | null; reason: string | null; end_by: string | null };
  return (db.prepare('SELECT operator_id, kind, started_at, ended_at, reason, end_by FROM presence_intervals ORDER BY operator_id, started_at, kind DESC').all() as Stored[])
    .map((r) => [r.operator_id, r.kind, local(r.started_at) as string, local(r.ended_at), r.reason, r.end_by]);
}

const DAY1 = [
  event('1001', '2026-10-12 08:58', 'login'),
  event('1001', '2026-10-12 12:00', 'pause', 'lunch'),
  event('1001', '2026-10-12 12:45', 'unpause'),
  event('1001', '2026-10-12 18:02', 'logout'),
  event('1002', '2026-10-12 22:00', 'login'),
  event('1002', '2026-10-12 23:50', 'pause', 'break'),
];
const DAY2 = [
  event('1002', '2026-10-13 00:10', 'unpause'),
  event('1002', '2026-10-13 06:00', 'logout'),
  event('1001', '2026-10-13 09:00', 'login'),
];

describe('import and rebuild', () => {
  test('one file: the sessions and pauses, a session still open at the end of the data left open', async () => {
    const db = newDb();
    await importRows(db, [...DAY1, ...DAY2]);
    expect(intervals(db)).toEqual([
      ['1001', 'session', '2026-10-12 08:58', '2026-10-12 18:02', null, 'logout'],
      ['1001', 'pause', '2026-10-12 12:00', '2026-10-12 12:45', 'lunch', 'unpause'],
      ['1001', 'session', '2026-10-13 09:00', null, null, null],
      ['1002', 'session', '2026-10-12 22:00', '2026-10-13 06:00', null, 'logout'],
      ['1002', 'pause', '2026-10-12 23:50', '2026-10-13 00:10', 'break', 'unpause'],
    ]);
  });

  test('a day at a time, then an overlapping export of both days: the same events (kept once) and the same intervals', async () => {
    const whole = newDb();
    await importRows(whole, [...DAY1, ...DAY2]);
    const db = newDb();
    await importRows(db, DAY1);
    // After the first day 1002 is open and paused: the second day's unpause and logout close them.
    expect(intervals(db).filter((r) => r[0] === '1002')).toEqual([
      ['1002', 'session', '2026-10-12 22:00', null, null, null],
      ['1002', 'pause', '2026-10-12 23:50', null, 'break', null],
    ]);
    await importRows(db, DAY2);
    expect(intervals(db)).toEqual(intervals(whole));
    await importRows(db, [...DAY1.slice(3), ...DAY2]);
    expect(intervals(db)).toEqual(intervals(whole));
    expect(db.prepare('SELECT count(*) FROM presence').pluck().get()).toBe(9);
  });

  test('an earlier day imported after a later one rebuilds from the session open before it', async () => {
    const db = newDb();
    await importRows(db, [event('1003', '2026-10-12 09:00', 'login'), event('1003', '2026-10-12 17:00', 'logout')]);
    // The export of the night before: a login at 23:00 with no logout, so the session runs until
    // the login of the 12th (a login without a logout closes at the next login).
    await importRows(db, [event('1003', '2026-10-11 23:00', 'login', null, null), event('1003', '2026-10-11 23:30', 'pause', null)]);
    expect(intervals(db)).toEqual([
      ['1003', 'session', '2026-10-11 23:00', '2026-10-12 09:00', null, 'relogin'],
      ['1003', 'pause', '2026-10-11 23:30', '2026-10-12 09:00', null, 'relogin'],
      ['1003', 'session', '2026-10-12 09:00', '2026-10-12 17:00', null, 'logout'],
    ]);
    expect(notices.at(-1)).toMatch(/: presence of 1 operator rebuilt: 1 login without a logout before it \(the session before closed at that login\)$/);
  });
});

describe('a queue_log imported as calls', () => {
  test('the presence events of its batches are stored under the import, once, and the operators rebuilt before COMMIT', async () => {
    const db = newDb();
    const columns = storedColumns(CALLS);
    // event_id, operator_id, state, at, local_day, reason, queue, line (ConvertedBatch.presence)
    const flat = (rows: [string, string, string, string | null, string | null, number][]): unknown[] =>
      rows.flatMap(([op, local, state, reason, queue, line]) => [naturalKeyOf(PRESENCE, { operator_id: op, at: T(local), state, queue }), op, state, T(local), local.slice(0, 10), reason, queue, line]);
    const shift = (date: string): unknown[] => flat([
      ['1005', `${date} 09:00`, 'login', null, 'hotline', 1], ['1005', `${date} 09:00`, 'login', null, 'vip', 2],
      ['1005', `${date} 10:00`, 'pause', 'break', null, 3], ['1005', `${date} 10:00`, 'pause', 'break', 'hotline', 4], ['1005', `${date} 10:00`, 'pause', 'break', 'vip', 5],
      ['1005', `${date} 10:12`, 'unpause', null, null, 6], ['1005', `${date} 17:00`, 'logout', null, 'hotline', 7], ['1005', `${date} 17:30`, 'logout', null, 'vip', 8],
    ]);
    const day = shift('2026-10-12');
    async function* events(presence: unknown[], n: number): AsyncGenerator<WriteEvent> {
      yield { type: 'start', encoding: 'utf-8', delimiter: '|', columns, present: columns, headers: [], keyHeader: 'callid' };
      yield { type: 'batch', rows: [], lines: [], issues: [], bytes: 100, rings: [], presence };
      yield { type: 'end', rows: n };
    }
    const write = (presence: unknown[], sha: string) => writeImport(db, ':memory:', events(presence, presence.length / 8), {
      ...kindHooks('calls', { file: 'queue_log', kpi: { threshold_seconds: 15, short_abandon_seconds: 5 }, profile: true, notice: () => undefined }),
      spec: CALLS, file: 'queue_log', zone: ZONE, strict: true, now: () => 1_800_000_000,
      ledger: { kind: 'calls', file_name: 'queue_log', file_path: '/var/log/asterisk/queue_log', sha256: sha, size_bytes: 10, profile: 'asterisk-queue-log', started_at: 1_800_000_000, os_user: 'hr', hotline_version: '0' },
    });
    const first = await write(day, 'q1');
    await write(day.slice(5 * 8), 'q2'); // a rotated log that repeats the last three lines
    expect(db.prepare('SELECT count(*) AS n, min(import_id) AS first, max(import_id) AS last FROM presence').get()).toEqual({ n: 8, first: first.importId, last: first.importId });
    expect(intervals(db)).toEqual([
      ['1005', 'session', '2026-10-12 09:00', '2026-10-12 17:30', null, 'logout'],
      ['1005', 'pause', '2026-10-12 10:00', '2026-10-12 10:12', 'break', 'unpause'],
    ]);
    // 15 more days of it in one batch: 120 events, two INSERTs of 50 and 20 of one
    const later = Array.from({ length: 15 }, (_, d) => shift(`2026-10-${13 + d}`)).flat();
    await write(later, 'q3');
    expect(db.prepare('SELECT count(*) AS n, count(DISTINCT local_day) AS days FROM presence').get()).toEqual({ n: 128, days: 16 });
    expect(db.prepare("SELECT count(*) AS n FROM presence_intervals WHERE kind = 'session'").pluck().get()).toBe(16);
  });
});

describe('presence replayed as a queue_log import brings it (PresenceStream)', () => {
  /** Member events of `operators` over a few hours from `from`, in time order with ties in one second, repeats and (some) events out of order. */
  function memberEvents(random: () => number, operators: string[], from: number, count: number, disorder: boolean): unknown[] {
    const states = ['login', 'login', 'pause', 'pause', 'unpause', 'logout', 'busy'];
    const queues = [null, 'hotline', 'vip'];
    const reasons = [null, 'lunch', 'break', '培训'];
    const out: unknown[] = [];
    let at = from;
    for (let line = 1; line <= count; line++) {
      if (random() < 0.6) at += Math.floor(random() * 900);
      const op = operators[Math.floor(random() * operators.length)] as string;
      const state = states[Math.floor(random() * states.length)] as string;
      const queue = queues[Math.floor(random() * queues.length)] ?? null;
      const reason = state === 'pause' ? (reasons[Math.floor(random() * reasons.length)] ?? null) : null;
      // An operator whose events come out of time order now and then (a merged log).
      const when = disorder && op === operators[0] && random() < 0.1 ? at - 3600 : at;
      const event = [naturalKeyOf(PRESENCE, { operator_id: op, at: when, state, queue }), op, state, when, '2026-10-12', reason, queue, line];
      out.push(...event);
      if (random() < 0.05) out.push(...event.slice(0, 7), line + 0.5); // the same event again on the next line
    }
    return out;
  }

  const columns = storedColumns(CALLS);
  async function importEvents(db: Database.Database, flat: unknown[], batchEvents: number, sha: string, said: string[]): Promise<void> {
    async function* events(): AsyncGenerator<WriteEvent> {
      yield { type: 'start', encoding: 'utf-8', delimiter: '|', columns, present: columns, headers: [], keyHeader: 'callid' };
      for (let i = 0; i < flat.length; i += batchEvents * 8) yield { type: 'batch', rows: [], lines: [], issues: [], bytes: 100, rings: [], presence: flat.slice(i, i + batchEvents * 8) };
      yield { type: 'end', rows: 0 };
    }
    await writeImport(db, ':memory:', events(), {
      ...kindHooks('calls', { file: 'queue_log', kpi: { threshold_seconds: 15, short_abandon_seconds: 5 }, profile: true, notice: (l) => said.push(l) }),
      spec: CALLS, file: 'queue_log', zone: ZONE, strict: true, now: () => 1_800_000_000,
      ledger: { kind: 'calls', file_name: 'queue_log', file_path: '/var/log/asterisk/queue_log', sha256: sha, size_bytes: 10, profile: 'asterisk-queue-log', started_at: 1_800_000_000, os_user: 'hr', hotline_version: '0' },
    });
  }

  /** The intervals as they are, then as a rebuild of every operator from its first event gives them (what the import did before PresenceStream). */
  function asRebuilt(db: Database.Database): { stored: unknown[]; rebuilt: unknown[]; counts: unknown; longest: unknown } {
    const all = 'SELECT operator_id, kind, started_at, ended_at, reason, end_by FROM presence_intervals ORDER BY operator_id, started_at, kind, ended_at';
    const stored = db.prepare(all).all();
    const longest = db.prepare("SELECT value FROM settings WHERE key = 'presence_longest_seconds'").pluck().get();
    db.exec('DELETE FROM presence_intervals');
    const firsts = new Map(db.prepare('SELECT operator_id, min(at) FROM presence GROUP BY operator_id').raw().all() as [string, number][]);
    const counts = rebuildPresence(db, firsts);
    return { stored, rebuilt: db.prepare(all).all(), counts, longest };
  }

  test.each([
    ['one batch', 1, 5000],
    ['batches of 7 events (a second split over two batches)', 2, 7],
    ['batches of 1 event', 3, 1],
  ])('%s: the intervals and the notice are those of a rebuild, seed %i', async (_name, seed, batch) => {
    const random = makeRandom(seed);
    const db = newDb();
    const said: string[] = [];
    const flat = memberEvents(random, ['1001', '1002', '1003', '1004'], T('2026-10-12 07:00'), 600, true);
    await importEvents(db, flat, batch, `s${seed}`, said);
    const { stored, rebuilt, counts } = asRebuilt(db);
    expect(stored.length).toBeGreaterThan(40);
    expect(stored).toEqual(rebuilt);
    const c = counts as { relogins: number; outside: number; unknown: number };
    expect(said).toEqual([expect.stringMatching(new RegExp(`^queue_log: presence of 4 operators rebuilt: ${c.relogins} logins? without .*; ${c.outside} logouts?, .*; ${c.unknown} events? of a state hotline does not know`))]);
  });

  test('a second import: operators stored before are rebuilt, new ones replayed; both as a rebuild of everything gives', async () => {
    const random = makeRandom(7);
    const db = newDb();
    await importEvents(db, memberEvents(random, ['1001', '1002'], T('2026-10-12 07:00'), 300, false), 50, 'a', []);
    const said: string[] = [];
    // The next part of the log: 1002 again (its session open at the cut continues), 1005 and 1006 new.
    await importEvents(db, memberEvents(random, ['1002', '1005', '1006'], T('2026-10-14 07:00'), 300, false), 50, 'b', said);
    const { stored, rebuilt, longest } = asRebuilt(db);
    expect(stored).toEqual(rebuilt);
    expect(said[0]).toMatch(/^queue_log: presence of 3 operators rebuilt: /);
    expect(Number(longest)).toBe(Math.max(...(rebuilt as { started_at: number; ended_at: number | null }[]).filter((r) => r.ended_at !== null).map((r) => (r.ended_at as number) - r.started_at)));
  });
});

describe('reading', () => {
  test('presenceIntervals: the intervals touching a range, with the open ones; presenceSpan: the first and last event', async () => {
    const db = newDb();
    await importRows(db, [...DAY1, ...DAY2]);
    const on13 = presenceIntervals(db, T('2026-10-13 00:00'), T('2026-10-14 00:00'));
    expect([...on13.keys()]).toEqual(['1001', '1002']);
    expect(on13.get('1001')).toEqual([{ kind: 'session', start: T('2026-10-13 09:00'), end: null, reason: null, end_by: null }]);
    expect(on13.get('1002')?.map((i) => [i.kind, i.start])).toEqual([['session', T('2026-10-12 22:00')], ['pause', T('2026-10-12 23:50')]]);
    expect([...presenceIntervals(db, T('2026-10-12 00:00'), T('2026-10-12 08:00')).keys()]).toEqual([]);
    expect(presenceIntervals(db, T('2026-10-12 00:00'), T('2026-10-13 00:00'), '1002').get('1002')?.length).toBe(2);
    expect(presenceSpan(db)).toEqual({ first: T('2026-10-12 08:58'), last: T('2026-10-13 09:00') });
  });

  test('availableOperators (for staffing): 6-hour slots of 2026-10-12; a day outside the data gives none', async () => {
    const db = newDb();
    await importRows(db, [...DAY1, ...DAY2]);
    const slots = availableOperators(db, { day: '2026-10-12' as IsoDate, zone: ZONE, minutes: 360 });
    // 06–12: 1001 from 08:58 = 182 min of 360 → 0.51; 12–18: 1001 all but 2 min … 18:02 − 12:00 = 362 > 360 → 1, lunch 45 min → 0.88
    // 18–24: 1001 2 min, 1002 from 22:00 = 120 min → 122 / 360 = 0.34; paused 23:50–24:00 → 112 / 360 = 0.31
    expect(slots.map((s) => [s.logged_in, s.available])).toEqual([[0, 0], [0.51, 0.51], [1, 0.88], [0.34, 0.31]]);
    expect(slots[1]).toMatchObject({ start: T('2026-10-12 06:00'), end: T('2026-10-12 12:00') });
    expect(availableOperators(db, { day: '2026-10-20' as IsoDate, zone: ZONE, minutes: 60 })).toEqual([]);
    expect(() => availableOperators(db, { day: '2026-10-12' as IsoDate, zone: ZONE, minutes: 0 })).toThrow(RangeError);
  });
});
