// The SQL of repeat calls (src/db/queries/repeats.ts) on a migrated in-memory database: the
// answered inbound calls of a span in time order, a customer's latest call before a call and its
// calls after one (schema 12's indexes on the phone and the tracking number), the latest call.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { callById, chainedCallColumns, chainedCallsBetween, customerCallsAfter, customerCallBefore, latestCallStart } from '../../src/db/queries/repeats.js';

const db = new Database(':memory:');
const H = 3600;
/** 2026-10-10 00:00:00 Asia/Shanghai. */
const T0 = Date.UTC(2026, 9, 9, 16) / 1000;

interface Row {
  id: string;
  h: number;
  phone?: string | null;
  tracking?: string | null;
  direction?: string;
  outcome?: string;
  operator?: string;
}

const ROWS: Row[] = [
  { id: 'C01', h: 0, phone: 'P1', operator: '1001' },
  { id: 'C02', h: 1, phone: 'P1', tracking: 'SF1', operator: '1002' },
  { id: 'C03', h: 2, phone: 'P2', tracking: 'SF1' },
  { id: 'C04', h: 3, phone: 'P1', direction: 'outbound' },
  { id: 'C05', h: 4, phone: 'P1', outcome: 'abandoned' },
  { id: 'C06', h: 5, phone: null },
  { id: 'C08', h: 30, phone: 'P1' },
  { id: 'C07', h: 30, phone: 'P1' }, // the same second as C08: C07 comes first by its id
  { id: 'C09', h: 100, phone: 'P2', tracking: 'SF2' },
];

/**
 * The query plans (EXPLAIN QUERY PLAN, details joined by '; ') of the statements `run` prepares, on
 * a fresh migrated database (no statement cached yet), each with the parameters it ran with.
 */
function plansOf(run: (d: Database.Database) => unknown): string[] {
  const fresh = new Database(':memory:');
  migrate(fresh, ':memory:');
  const ran: { sql: string; params: unknown[] }[] = [];
  const prepare = fresh.prepare.bind(fresh);
  fresh.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const record = (params: unknown[]): void => void ran.push({ sql, params });
    for (const m of ['all', 'get'] as const) {
      const original = statement[m].bind(statement) as (...p: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[m] = (...p: unknown[]) => (record(p), original(...p));
    }
    return statement;
  }) as typeof fresh.prepare;
  run(fresh);
  return ran.map((r) => (prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.params) as { detail: string }[]).map((p) => p.detail).join('; '));
}

beforeAll(() => {
  migrate(db, ':memory:');
  const insert = db.prepare(`INSERT INTO calls (call_id, started_at, local_day, local_hour, operator_id, direction, outcome, category, complaint_reason, customer_phone, tracking_no,
      import_id, created_import_id, seen_import_id, seen_line) VALUES (?, ?, ?, ?, ?, ?, ?, 'query', NULL, ?, ?, 1, 1, 1, 1)`);
  for (const r of ROWS) {
    const t = T0 + r.h * H;
    const local = new Date((t + 8 * H) * 1000).toISOString();
    insert.run(r.id, t, local.slice(0, 10), Number(local.slice(11, 13)), r.operator ?? null, r.direction ?? 'inbound', r.outcome ?? 'answered', r.phone ?? null, r.tracking ?? null);
  }
});

describe('chainedCallsBetween', () => {
  test('the answered inbound calls from one moment to another (inclusive), in time order, ties by call id', () => {
    const rows = chainedCallsBetween(db, { from: T0 + 1 * H, to: T0 + 30 * H, fromDay: '2026-10-10', toDay: '2026-10-11' });
    expect(rows.map((r) => r.call_id)).toEqual(['C02', 'C03', 'C06', 'C07', 'C08']);
    expect(rows[0]).toEqual({
      call_id: 'C02', started_at: T0 + H, day: '2026-10-10', direction: 'inbound', outcome: 'answered', operator_id: '1002', category: 'query', complaint_reason: null, phone: 'P1', tracking_no: 'SF1',
    });
  });

  test('reads the span by the day index in day and hour order, sorting only within an hour', () => {
    expect(plansOf((d) => chainedCallsBetween(d, { from: 0, to: 1, fromDay: 'a', toDay: 'b' }))).toEqual([
      'SEARCH calls USING INDEX calls_by_day (local_day>? AND local_day<?); USE TEMP B-TREE FOR LAST 2 TERMS OF ORDER BY',
    ]);
  });
});

describe('chainedCallColumns', () => {
  const span = { from: T0 + 1 * H, to: T0 + 30 * H, fromDay: '2026-10-10', toDay: '2026-10-11' };

  test('the same calls as chainedCallsBetween, as columns: start, phone, tracking number', () => {
    const rows = chainedCallsBetween(db, span);
    expect(chainedCallColumns(db, span)).toEqual({ started_at: rows.map((r) => r.started_at), phone: ['P1', 'P2', null, 'P1', 'P1'], tracking_no: ['SF1', 'SF1', null, null, null], charge: [] });
  });

  test('with the column repeats are charged by', () => {
    expect(chainedCallColumns(db, span, 'operator_id').charge).toEqual(['1002', null, null, null, null]);
    expect(chainedCallColumns(db, span, 'category').charge).toEqual(['query', 'query', 'query', 'query', 'query']);
  });
});

describe('customerCallBefore: the latest answered inbound call of a number or a tracking number before a call', () => {
  test.each([
    { name: 'by phone: C08 (30 h) → C07, the same second but before it by id', phones: ['P1'], tracking: null, untracked: false, t: 30, id: 'C08', from: 0, expected: ['C07'] },
    { name: 'by phone: C07 → C02 (1 h; C04 outbound and C05 abandoned skipped)', phones: ['P1'], tracking: null, untracked: false, t: 30, id: 'C07', from: 0, expected: ['C02'] },
    { name: 'by phone, calls without a tracking number only: C07 → C01', phones: ['P1'], tracking: null, untracked: true, t: 30, id: 'C07', from: 0, expected: ['C01'] },
    { name: 'not before `from`', phones: ['P1'], tracking: null, untracked: false, t: 30, id: 'C07', from: 2, expected: [] },
    { name: 'by tracking number: C03 (SF1, from P2) → C02 (SF1, from P1)', phones: ['P2'], tracking: 'SF1', untracked: true, t: 2, id: 'C03', from: 0, expected: ['C02'] },
    { name: 'both: the latest of each, in time order', phones: ['P1'], tracking: 'SF1', untracked: false, t: 30, id: 'C07', from: 0, expected: ['C02', 'C03'] },
    { name: 'either form of a number (the number and its token)', phones: ['tok:x', 'P2'], tracking: null, untracked: false, t: 100, id: 'C09', from: 0, expected: ['C03'] },
  ])('$name', ({ phones, tracking, untracked, t, id, from, expected }) => {
    const found = customerCallBefore(db, { phones, tracking_no: tracking, untracked_only: untracked, before: { started_at: T0 + t * H, call_id: id }, from: T0 + from * H });
    expect(found.map((r) => r.call_id)).toEqual(expected);
  });

  test('uses the phone and tracking indexes (schema 12) in time order, sorting only calls of the same second by id', () => {
    expect(plansOf((d) => customerCallBefore(d, { phones: ['P1'], tracking_no: 'SF1', untracked_only: true, before: { started_at: T0, call_id: 'x' }, from: 0 }))).toEqual([
      'SEARCH calls USING INDEX calls_by_tracking (tracking_no=? AND started_at>? AND started_at<?); USE TEMP B-TREE FOR LAST TERM OF ORDER BY',
      'SEARCH calls USING INDEX calls_by_phone (customer_phone=? AND started_at>? AND started_at<?); USE TEMP B-TREE FOR LAST TERM OF ORDER BY',
    ]);
    expect(plansOf((d) => customerCallsAfter(d, { phones: ['P1'], tracking_no: 'SF1', after: { started_at: T0, call_id: 'x' }, to: T0 }))).toEqual([
      'SEARCH calls USING INDEX calls_by_tracking (tracking_no=? AND started_at>? AND started_at<?)',
      'SEARCH calls USING INDEX calls_by_phone (customer_phone=? AND started_at>? AND started_at<?)',
    ]);
  });
});

describe('customerCallsAfter: a number\'s or tracking number\'s answered inbound calls after a call, up to a moment', () => {
  test('by phone and by tracking number, in time order, without duplicates', () => {
    const found = customerCallsAfter(db, { phones: ['P1'], tracking_no: 'SF1', after: { started_at: T0, call_id: 'C01' }, to: T0 + 30 * H });
    expect(found.map((r) => r.call_id)).toEqual(['C02', 'C03', 'C07', 'C08']);
  });

  test('the same second, after by id; nothing after `to`', () => {
    expect(customerCallsAfter(db, { phones: ['P1'], tracking_no: null, after: { started_at: T0 + 30 * H, call_id: 'C07' }, to: T0 + 99 * H }).map((r) => r.call_id)).toEqual(['C08']);
  });
});

describe('callById and latestCallStart', () => {
  test('a call with its direction and outcome; an unknown id: undefined', () => {
    expect(callById(db, 'C04')).toMatchObject({ call_id: 'C04', direction: 'outbound', outcome: 'answered', phone: 'P1' });
    expect(callById(db, 'nope')).toBeUndefined();
  });

  test('the start of the latest call of any kind (C09, 100 h); none in an empty database', () => {
    expect(latestCallStart(db)).toBe(T0 + 100 * H);
    const empty = new Database(':memory:');
    migrate(empty, ':memory:');
    expect(latestCallStart(empty)).toBeNull();
  });
});
