// Tickets as the follow-up reports and the daily statistics read them (src/db/queries/tickets.ts),
// from rows inserted into a migrated in-memory database. Times are Shanghai wall times (UTC+8).
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { findTickets, ticketsOfDay, ticketsOpenedOrResolved } from '../../src/db/queries/tickets.js';

/** Epoch seconds of a Shanghai wall time 'YYYY-MM-DD HH:mm'. */
function at(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}:00+08:00`) / 1000;
}

const db = new Database(':memory:');

interface Spec {
  id: string;
  kind?: 'complaint' | 'suggestion';
  opened: string;
  op: string;
  about?: string;
  department?: string;
  promised?: string;
  resolved?: string;
}

beforeAll(() => {
  migrate(db, ':memory:');
  const insert = db.prepare(`INSERT INTO tickets (ticket_id, kind, opened_at, local_day, operator_id, about_operator_id, severity, department, promised_at, resolved_at, resolved_day,
    import_id, created_import_id, seen_import_id, seen_line) VALUES (?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, 1, 1, 1, 1)`);
  const specs: Spec[] = [
    { id: 'T1', opened: '2026-09-30 23:50', op: '1001', about: '1002', department: '网点', resolved: '2026-10-01 09:00' },
    { id: 'T2', opened: '2026-10-01 00:10', op: '1002', promised: '2026-10-02 12:00' },
    { id: 'T3', kind: 'suggestion', opened: '2026-10-12 10:00', op: '1001', department: '客服' },
    { id: 'T4', opened: '2026-10-12 10:00', op: '1003', about: '1001', resolved: '2026-10-12 16:30' },
    { id: 'T5', opened: '2026-10-31 23:59', op: '1003', department: '网点' },
    { id: 'T6', opened: '2026-11-01 08:00', op: '1001' },
  ];
  for (const t of specs) {
    insert.run(t.id, t.kind ?? 'complaint', at(t.opened), t.opened.slice(0, 10), t.op, t.about ?? null, t.department ?? null,
      t.promised ? at(t.promised) : null, t.resolved ? at(t.resolved) : null, t.resolved?.slice(0, 10) ?? null);
  }
});

const ids = (rows: { ticket_id: string }[]): string[] => rows.map((r) => r.ticket_id);

describe('findTickets', () => {
  test.each([
    { name: 'everything opened by the end of October, oldest first (T3 and T4 at the same time: by ID)', q: {}, expected: ['T1', 'T2', 'T3', 'T4', 'T5'] },
    { name: 'suggestions', q: { kind: 'suggestion' as const }, expected: ['T3'] },
    { name: 'taken by 1001 or about 1001', q: { operator: '1001' }, expected: ['T1', 'T3', 'T4'] },
    { name: 'one department', q: { department: '网点' }, expected: ['T1', 'T5'] },
    { name: 'opened on local days 2026-10-01 to 2026-10-12', q: { from: '2026-10-01', to: '2026-10-12' }, expected: ['T2', 'T3', 'T4'] },
  ])('$name', ({ q, expected }) => {
    expect(ids(findTickets(db, { ...q, openedBy: at('2026-10-31 23:59') }))).toEqual(expected);
  });

  test('opened after --as-of: not there yet', () => {
    expect(ids(findTickets(db, { openedBy: at('2026-10-12 09:59') }))).toEqual(['T1', 'T2']);
  });

  test('a row as stored: times in epoch seconds, nulls where nothing was given', () => {
    expect(findTickets(db, { from: '2026-10-01', to: '2026-10-01', openedBy: at('2026-10-31 23:59') })).toEqual([{
      ticket_id: 'T2', kind: 'complaint', opened_at: at('2026-10-01 00:10'), local_day: '2026-10-01', operator_id: '1002', call_id: null, reason: null,
      about_operator_id: null, severity: 'normal', department: null, promised_at: at('2026-10-02 12:00'), resolved_at: null, resolved_day: null,
      customer_satisfied: null, adopted: null, import_id: 1, created_import_id: 1, seen_import_id: 1, seen_line: 1,
    }]);
  });
});

describe('ticketsOpenedOrResolved', () => {
  test('October: opened in it, or opened in September and resolved in it; not November', () => {
    expect(ids(ticketsOpenedOrResolved(db, '2026-10-01', '2026-10-31')).sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });
  test('September: only T1, opened on its last day', () => {
    expect(ids(ticketsOpenedOrResolved(db, '2026-09-01', '2026-09-30'))).toEqual(['T1']);
  });
});

describe('ticketsOfDay', () => {
  test('2026-10-12: two opened, one resolved; complaints open at the end of the day: T2 and T1 is resolved, so T2 only', () => {
    expect(ticketsOfDay(db, '2026-10-12', at('2026-10-12 23:59') + 59)).toEqual({
      opened: 2, resolved: 1, open_complaints: [{ opened_at: at('2026-10-01 00:10'), promised_at: at('2026-10-02 12:00') }],
    });
  });
  test('2026-09-30: T1 opened and still open at the end of the day (resolved the next morning)', () => {
    expect(ticketsOfDay(db, '2026-09-30', at('2026-09-30 23:59') + 59)).toEqual({ opened: 1, resolved: 0, open_complaints: [{ opened_at: at('2026-09-30 23:50'), promised_at: null }] });
  });
});
