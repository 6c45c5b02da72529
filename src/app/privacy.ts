/**
 * Personal data (PIPL; the company's 保密制度): the purge that replaces customer names, phone
 * numbers and addresses older than a date by irreversible keyed-hash tokens, so that repeat
 * callers can still be counted while the originals are gone, and statistics stay unchanged.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { getSetting, setSetting } from '../db/queries/settings.js';

/** Customer columns per table. */
export const PII_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  calls: ['customer_name', 'customer_phone', 'customer_address'],
  orders: ['sender_name', 'sender_phone', 'sender_address', 'receiver_name', 'receiver_phone', 'receiver_address'],
};

export interface PurgeCounts {
  before: string;
  calls: number;
  orders: number;
  values: number;
}

function purgeKey(db: Database.Database): Buffer {
  const stored = getSetting(db, 'pii_token_key');
  if (stored) return Buffer.from(stored, 'hex');
  const key = randomBytes(32);
  setSetting(db, 'pii_token_key', key.toString('hex'));
  return key;
}

/** A token for a value: the same value gives the same token in this database, and cannot be reversed without its key. */
export function piiToken(key: Buffer, column: string, value: string): string {
  const kind = column.endsWith('phone') ? 'phone' : column.endsWith('name') ? 'name' : 'address';
  return `tok:${createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('hex').slice(0, 20)}`;
}

/** Rows whose local day is before `before` and that still hold customer data. */
export function countPurgeable(db: Database.Database, before: string): PurgeCounts {
  const counts: PurgeCounts = { before, calls: 0, orders: 0, values: 0 };
  for (const [table, cols] of Object.entries(PII_COLUMNS)) {
    const has = cols.map((c) => `(${c} IS NOT NULL AND ${c} NOT LIKE 'tok:%')`);
    const row = db.prepare(`SELECT count(*) AS n, ${has.map((h) => `sum(${h})`).join(' + ')} AS v FROM ${table} WHERE local_day < ? AND (${has.join(' OR ')})`).get(before) as { n: number; v: number | null };
    (counts as unknown as Record<string, number>)[table] = row.n;
    counts.values += row.v ?? 0;
  }
  return counts;
}

/** Replaces the customer data of rows before `before` by tokens, in the caller's transaction. */
export function purgePii(db: Database.Database, before: string): PurgeCounts {
  const counts = countPurgeable(db, before);
  const key = purgeKey(db);
  db.function('hotline_pii_token', { deterministic: true }, (column: unknown, value: unknown) =>
    value === null || String(value).startsWith('tok:') ? value : piiToken(key, String(column), String(value)));
  for (const [table, cols] of Object.entries(PII_COLUMNS)) {
    db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = hotline_pii_token('${c}', ${c})`).join(', ')} WHERE local_day < ?`).run(before);
  }
  return counts;
}

/** After a purge: no copy of the old values left in the WAL or in free pages. */
export function scrubFile(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
