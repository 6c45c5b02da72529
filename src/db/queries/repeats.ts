/**
 * The calls that repeat calls are counted from (docs/metrics.md, "Repeat calls and first-contact
 * resolution"): the answered inbound calls of a span of time, read by the day index in time order;
 * a customer's latest call before a call and their calls after one, read by schema 12's indexes on
 * the phone number and the tracking number (to follow a chain back to its first call, and to list
 * a chain); the start of the latest call imported.
 */
import type Database from 'better-sqlite3';
import { CHAINED } from '../../domain/repeats.js';
import { cachedStatement } from '../statement-cache.js';

/** A call as chaining reads it, with what a repeat is charged to (its operator, category, reason). */
export interface ChainRow {
  call_id: string;
  started_at: number;
  day: string;
  direction: 'inbound' | 'outbound';
  outcome: 'answered' | 'abandoned';
  operator_id: string | null;
  category: string | null;
  complaint_reason: string | null;
  phone: string | null;
  tracking_no: string | null;
}

const COLUMNS = `call_id, started_at, local_day AS day, direction, outcome, operator_id, category, complaint_reason, customer_phone AS phone, tracking_no`;
const CHAINED_ONLY = `direction = '${CHAINED.direction}' AND outcome = '${CHAINED.outcome}'`;

/**
 * The answered inbound calls that started from `from` to `to` (epoch seconds, inclusive), in time
 * order (ties by call id). `fromDay`/`toDay`: local days covering the span, for the day index.
 */
export function chainedCallsBetween(db: Database.Database, span: { from: number; to: number; fromDay: string; toDay: string }): ChainRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM calls
      WHERE local_day BETWEEN @fromDay AND @toDay AND started_at BETWEEN @from AND @to AND ${CHAINED_ONLY}
      ORDER BY local_day, local_hour, started_at, call_id`).all(span) as ChainRow[];
}

/** What a repeat can be charged to: a column of its chain's first call. */
export type ChargeColumn = 'operator_id' | 'category' | 'complaint_reason';

/** The calls of a span as columns: their start, phone number, tracking number and, if asked, one column more. */
export interface CallColumnsRead {
  started_at: number[];
  phone: (string | null)[];
  tracking_no: (string | null)[];
  charge: (string | null)[];
}

/**
 * chainedCallsBetween as columns, for a month's million calls: only what chaining needs (each value
 * handed to JavaScript costs about a microsecond a row), `charge` the one column more that repeats
 * are charged by.
 */
export function chainedCallColumns(db: Database.Database, span: { from: number; to: number; fromDay: string; toDay: string }, charge?: ChargeColumn): CallColumnsRead {
  const out: CallColumnsRead = { started_at: [], phone: [], tracking_no: [], charge: [] };
  const rows = db.prepare(`SELECT started_at, customer_phone, tracking_no${charge ? `, ${charge}` : ''} FROM calls
      WHERE local_day BETWEEN @fromDay AND @toDay AND started_at BETWEEN @from AND @to AND ${CHAINED_ONLY}
      ORDER BY local_day, local_hour, started_at, call_id`).raw(true).iterate(span) as IterableIterator<[number, string | null, string | null, (string | null)?]>;
  for (const r of rows) {
    out.started_at.push(r[0]);
    out.phone.push(r[1]);
    out.tracking_no.push(r[2]);
    if (charge) out.charge.push(r[3] ?? null);
  }
  return out;
}

/** A call's place in time order: its start, then its id. */
export interface CallPlace {
  started_at: number;
  call_id: string;
}

const BEFORE = `started_at BETWEEN @from AND @t AND (started_at < @t OR call_id < @id) AND ${CHAINED_ONLY} ORDER BY started_at DESC, call_id DESC LIMIT 1`;

/**
 * The candidates for the call a call repeats, before it (from `from` on): the latest answered inbound
 * call with its tracking number, and with each of its phone numbers (a number and the token a purge
 * left for it), only calls without a tracking number when `untracked_only`. At most one per number, in time order.
 */
export function customerCallBefore(db: Database.Database, q: { phones: readonly string[]; tracking_no: string | null; untracked_only: boolean; before: CallPlace; from: number }): ChainRow[] {
  const at = { t: q.before.started_at, id: q.before.call_id, from: q.from };
  const found: ChainRow[] = [];
  if (q.tracking_no) found.push(...(cachedStatement(db, `SELECT ${COLUMNS} FROM calls WHERE tracking_no = @tracking AND ${BEFORE}`).all({ ...at, tracking: q.tracking_no }) as ChainRow[]));
  const byPhone = cachedStatement(db, `SELECT ${COLUMNS} FROM calls WHERE customer_phone = @phone AND (@untracked = 0 OR tracking_no IS NULL) AND ${BEFORE}`);
  for (const phone of new Set(q.phones)) found.push(...(byPhone.all({ ...at, phone, untracked: q.untracked_only ? 1 : 0 }) as ChainRow[]));
  return inOrder(found);
}

/** The answered inbound calls with this tracking number or one of these phone numbers after a call, up to `to` (inclusive), in time order. */
export function customerCallsAfter(db: Database.Database, q: { phones: readonly string[]; tracking_no: string | null; after: CallPlace; to: number }): ChainRow[] {
  const at = { t: q.after.started_at, id: q.after.call_id, to: q.to };
  const after = `started_at BETWEEN @t AND @to AND (started_at > @t OR call_id > @id) AND ${CHAINED_ONLY}`;
  const found: ChainRow[] = [];
  if (q.tracking_no) found.push(...(cachedStatement(db, `SELECT ${COLUMNS} FROM calls WHERE tracking_no = @tracking AND ${after}`).all({ ...at, tracking: q.tracking_no }) as ChainRow[]));
  const byPhone = cachedStatement(db, `SELECT ${COLUMNS} FROM calls WHERE customer_phone = @phone AND ${after}`);
  for (const phone of new Set(q.phones)) found.push(...(byPhone.all({ ...at, phone }) as ChainRow[]));
  return inOrder(found);
}

/** Rows in time order (ties by id), each call once. */
function inOrder(rows: ChainRow[]): ChainRow[] {
  const unique = [...new Map(rows.map((r) => [r.call_id, r])).values()];
  return unique.sort((a, b) => a.started_at - b.started_at || (a.call_id < b.call_id ? -1 : a.call_id > b.call_id ? 1 : 0));
}

/** A call by its id, whatever its direction and outcome. */
export function callById(db: Database.Database, id: string): ChainRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM calls WHERE call_id = ?`).get(id) as ChainRow | undefined;
}

/** The start (epoch seconds) of the latest call in the database, of any kind; null when there is none. Two index lookups. */
export function latestCallStart(db: Database.Database): number | null {
  const day = db.prepare('SELECT max(local_day) FROM calls').pluck().get() as string | null;
  return day === null ? null : (db.prepare('SELECT max(started_at) FROM calls WHERE local_day = ?').pluck().get(day) as number);
}
