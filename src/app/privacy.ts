/**
 * Personal data (PIPL; the company's 保密制度): the purge that replaces customer names, phone
 * numbers and addresses older than a date by irreversible keyed-hash tokens, so that repeat
 * callers can still be counted while the originals are gone, and statistics stay unchanged.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { listAudit, type AuditEntry } from '../db/queries/audit.js';
import { countCustomerData, purgeCustomerData, type CustomerDataCounts } from '../db/queries/privacy.js';
import { getSetting, setSetting } from '../db/queries/settings.js';
import { epochToLocal, formatLocalDateTime } from '../domain/dates.js';
import type { ReportTable } from '../io/render/report.js';
import { columns, WIDE } from '../io/render/vocabulary/columns.js';

export interface PurgeCounts extends CustomerDataCounts {
  before: string;
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
  return { before, ...countCustomerData(db, before) };
}

/** Replaces the customer data of rows before `before` by tokens; the audit entry (its record count: the rows purged) commits with it. */
export function purgePii(db: Database.Database, before: string, audit: Omit<AuditEntry, 'records'>): PurgeCounts {
  const counts = purgeCustomerData(db, before, {
    tokenizer: () => {
      const key = purgeKey(db);
      return (column, value) => piiToken(key, column, value);
    },
    audit: (c) => ({ ...audit, records: c.calls + c.orders }),
  });
  return { before, ...counts };
}

const AUDIT_COLUMNS = columns('id', 'at', 'os_user', ['action', { zh: '操作', values: 'audit_action' }], 'report', 'records', 'reason', ['filters_json', WIDE], ['command', WIDE]);

/** The audit trail from `from` to `to` (epoch seconds), by user, times local to `zone`. */
export function auditTrail(db: Database.Database, f: { from?: number; to?: number; user?: string }, zone: string): ReportTable {
  return { columns: AUDIT_COLUMNS, rows: listAudit(db, f).map((e) => ({ ...e, at: formatLocalDateTime(epochToLocal(e.at, zone)) })) };
}
