// Customer data in the database (src/db/queries/privacy.ts): counted before a date, purged into
// tokens with its audit entry in one transaction, and scrubbed from the file. Calls and orders are
// inserted into a migrated database (in memory; on disk for the scrub).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { countCustomerData, purgeCustomerData, scrubFreedPages } from '../../src/db/queries/privacy.js';

const PHONE = '13912345678';

function seeded(path = ':memory:'): Database.Database {
  const db = new Database(path);
  migrate(db, path);
  const call = db.prepare(`INSERT INTO calls (call_id, started_at, local_day, local_hour, direction, outcome, customer_name, customer_phone, customer_address,
    import_id, created_import_id, seen_import_id, seen_line) VALUES (?, 0, ?, 9, 'inbound', 'answered', ?, ?, ?, 1, 1, 1, 1)`);
  call.run('C1', '2026-03-31', '张先生', PHONE, '北京市朝阳区'); // 3 values
  call.run('C2', '2026-03-31', null, PHONE, null); // 1 value
  call.run('C3', '2026-03-31', null, null, null); // none
  call.run('C4', '2026-03-30', 'tok:0123456789abcdef0123', 'tok:aaaaaaaaaaaaaaaaaaaa', null); // purged before
  call.run('C5', '2026-04-01', '李女士', PHONE, null); // on the day: kept
  const order = db.prepare(`INSERT INTO orders (order_id, created_at, local_day, operator_id, sender_name, sender_phone, sender_address, receiver_name, receiver_phone, receiver_address,
    import_id, created_import_id, seen_import_id, seen_line) VALUES (?, 0, ?, '1001', ?, ?, ?, ?, ?, ?, 1, 1, 1, 1)`);
  order.run('O1', '2026-02-15', '王', PHONE, '上海', '赵', '13800000000', '广州'); // 6 values
  order.run('O2', '2026-04-02', '钱', PHONE, null, null, null, null); // kept
  return db;
}

const AUDIT = { at: 1_790_000_000, os_user: 'hr', action: 'purge_pii' as const, command: 'hotline db purge-pii --before 2026-04-01', report: 'db purge-pii', filters_json: '{"before":"2026-04-01"}', reason: null };

describe('countCustomerData', () => {
  test.each([
    { before: '2026-04-01', expected: { calls: 2, orders: 1, values: 10 } }, // C1 (3) + C2 (1) + O1 (6); tokens are not counted
    { before: '2026-03-31', expected: { calls: 0, orders: 1, values: 6 } },
    { before: '2026-02-15', expected: { calls: 0, orders: 0, values: 0 } }, // the day itself is kept
    { before: '2026-12-31', expected: { calls: 3, orders: 2, values: 14 } }, // and C5 (2), O2 (2)
  ])('before $before → $expected', ({ before, expected }) => {
    expect(countCustomerData(seeded(), before)).toEqual(expected);
  });
});

describe('purgeCustomerData', () => {
  test('tokens replace the values before the day, NULLs and old tokens stay; the audit entry commits with them', () => {
    const db = seeded();
    let madeIn: boolean | undefined;
    const counts = purgeCustomerData(db, '2026-04-01', {
      tokenizer: () => {
        madeIn = db.inTransaction;
        return (column, value) => `tok:${column}:${value.length}`;
      },
      audit: (c) => ({ ...AUDIT, records: c.calls + c.orders }),
    });
    expect(counts).toEqual({ calls: 2, orders: 1, values: 10 });
    expect(madeIn).toBe(true);
    expect(db.prepare('SELECT call_id, customer_name, customer_phone, customer_address FROM calls ORDER BY call_id').all()).toEqual([
      { call_id: 'C1', customer_name: 'tok:customer_name:3', customer_phone: 'tok:customer_phone:11', customer_address: 'tok:customer_address:6' },
      { call_id: 'C2', customer_name: null, customer_phone: 'tok:customer_phone:11', customer_address: null },
      { call_id: 'C3', customer_name: null, customer_phone: null, customer_address: null },
      { call_id: 'C4', customer_name: 'tok:0123456789abcdef0123', customer_phone: 'tok:aaaaaaaaaaaaaaaaaaaa', customer_address: null },
      { call_id: 'C5', customer_name: '李女士', customer_phone: PHONE, customer_address: null },
    ]);
    expect(db.prepare("SELECT sender_name, sender_phone, receiver_address FROM orders WHERE order_id = 'O1'").get()).toEqual({
      sender_name: 'tok:sender_name:1', sender_phone: 'tok:sender_phone:11', receiver_address: 'tok:receiver_address:2',
    });
    expect(db.prepare('SELECT action, records, report FROM audit_log').all()).toEqual([{ action: 'purge_pii', records: 3, report: 'db purge-pii' }]);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(countCustomerData(db, '2026-04-01')).toEqual({ calls: 0, orders: 0, values: 0 });
  });

  test('a tokenizer that fails: nothing is replaced and no audit entry is left', () => {
    const db = seeded();
    expect(() => purgeCustomerData(db, '2026-04-01', { tokenizer: () => () => { throw new Error('no key'); }, audit: (c) => ({ ...AUDIT, records: c.calls }) })).toThrow('no key');
    expect(db.prepare("SELECT customer_phone FROM calls WHERE call_id = 'C1'").pluck().get()).toBe(PHONE);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });
});

describe('scrubFreedPages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-scrub-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('after the purge and the scrub, the old phone number is nowhere in the file and the -wal is empty', () => {
    const path = join(dir, 'h.db');
    const db = seeded(path);
    db.pragma('journal_mode = WAL');
    purgeCustomerData(db, '2026-12-31', { tokenizer: () => (c, v) => `tok:${c}:${v.length}`, audit: (c) => ({ ...AUDIT, records: c.calls + c.orders }) });
    scrubFreedPages(db);
    expect(readFileSync(path).includes(Buffer.from(PHONE))).toBe(false);
    expect(readFileSync(`${path}-wal`).length).toBe(0);
    db.close();
  });
});
