/**
 * Customer data in the database (docs/privacy.md): how much is left before a date, the purge
 * that replaces it by tokens (with its audit entry, in one transaction), and the scrub that
 * leaves no copy of the old values in the WAL or in free pages.
 */
import type Database from 'better-sqlite3';
import { KIND_SPECS } from '../../domain/kinds.js';
import { recordAudit, type AuditEntry } from './audit.js';

/** Customer columns per table: the fields an import marks as personal data (src/domain/kinds.ts). */
const CUSTOMER_COLUMNS: readonly (readonly [table: string, columns: readonly string[]])[] = Object.values(KIND_SPECS)
  .map((spec) => [spec.table, spec.fields.filter((f) => f.pii).map((f) => f.name)] as const)
  .filter(([, columns]) => columns.length > 0);

/** Rows (per table) and values that still hold customer data. */
export interface CustomerDataCounts {
  calls: number;
  orders: number;
  values: number;
}

/** A token for a customer value: the same value gives the same token. */
type Tokenizer = (column: string, value: string) => string;

/** Rows whose local day is before `before` and that still hold customer data (a value not yet a token). */
export function countCustomerData(db: Database.Database, before: string): CustomerDataCounts {
  const counts: Record<string, number> = { calls: 0, orders: 0, values: 0 };
  for (const [table, cols] of CUSTOMER_COLUMNS) {
    const has = cols.map((c) => `(${c} IS NOT NULL AND ${c} NOT LIKE 'tok:%')`);
    const row = db.prepare(`SELECT count(*) AS n, ${has.map((h) => `sum(${h})`).join(' + ')} AS v FROM ${table} WHERE local_day < ? AND (${has.join(' OR ')})`).get(before) as { n: number; v: number | null };
    counts[table] = row.n;
    counts.values = (counts.values as number) + (row.v ?? 0);
  }
  return counts as unknown as CustomerDataCounts;
}

/**
 * Replaces the customer data of rows before `before` by tokens and records the purge in the audit
 * trail, in one IMMEDIATE transaction; `tokenizer` is made inside it (it may store its key), and
 * secure_delete zeroes what the purge frees.
 */
export function purgeCustomerData(db: Database.Database, before: string, opts: { tokenizer: () => Tokenizer; audit: (counts: CustomerDataCounts) => AuditEntry }): CustomerDataCounts {
  db.pragma('secure_delete = ON');
  return db.transaction(() => {
    const counts = countCustomerData(db, before);
    const token = opts.tokenizer();
    db.function('hotline_pii_token', { deterministic: true }, (column: unknown, value: unknown) =>
      value === null || String(value).startsWith('tok:') ? value : token(String(column), String(value)));
    for (const [table, cols] of CUSTOMER_COLUMNS) {
      db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = hotline_pii_token('${c}', ${c})`).join(', ')} WHERE local_day < ?`).run(before);
    }
    recordAudit(db, opts.audit(counts));
    return counts;
  }).immediate();
}

/** After a purge: no copy of the old values left in the WAL or in free pages. */
export function scrubFreedPages(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
