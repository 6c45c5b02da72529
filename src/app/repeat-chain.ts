/**
 * `hotline calls list --repeats-of CALL_ID`: the chain a call is in (docs/metrics.md, "Repeat calls
 * and first-contact resolution"), from its first call to its last repeat, each repeat with the call
 * it repeats and the hours since. Found through the customer's calls (schema 12's indexes): back to
 * the first call, then forward, a call joining when the call it repeats is in the chain.
 */
import type Database from 'better-sqlite3';
import { epochToLocal, formatLocalDateTime, localDateOf } from '../domain/dates.js';
import { CHAINED, previousCall } from '../domain/repeats.js';
import { roundTo } from '../domain/kpi.js';
import { callById, chainedCallsBetween, customerCallBefore, customerCallsAfter, type ChainRow } from '../db/queries/repeats.js';
import { getSetting } from '../db/queries/settings.js';
import { InputError } from '../errors.js';
import type { Report, Row } from '../io/render/report.js';
import { columns, WIDE } from '../io/render/vocabulary/columns.js';
import { CustomerNumbers, firstCallOf } from './repeats.js';

const CHAIN_COLUMNS = columns(
  'call_id', 'started_at', 'operator_id', ['direction', WIDE], ['outcome', WIDE], ['category', WIDE], 'customer_phone', ['tracking_no', WIDE], 'repeat_of', 'hours_to_repeat',
);

const place = (r: ChainRow): number => r.started_at;
const before = (a: ChainRow, b: ChainRow): boolean => a.started_at < b.started_at || (a.started_at === b.started_at && a.call_id < b.call_id);

/** The call a call repeats (its latest earlier call of the same customer within the window), or undefined. */
function repeated(db: Database.Database, row: ChainRow, windowSeconds: number, numbers: CustomerNumbers): ChainRow | undefined {
  const candidates = customerCallBefore(db, { phones: numbers.forms(row.phone), tracking_no: row.tracking_no || null, untracked_only: Boolean(row.tracking_no), before: row, from: place(row) - windowSeconds });
  const canon = (r: ChainRow): ChainRow => ({ ...r, phone: numbers.canon(r.phone) });
  return candidates[previousCall(canon(row), candidates.map(canon), windowSeconds)];
}

/** Calls after `m` within the window that may repeat it: the same tracking number or number (a purge token: every number of the window, compared as tokens). */
function laterCalls(db: Database.Database, m: ChainRow, windowSeconds: number, numbers: CustomerNumbers, zone: string): ChainRow[] {
  const to = place(m) + windowSeconds;
  const found = customerCallsAfter(db, { phones: numbers.forms(m.phone), tracking_no: m.tracking_no || null, after: m, to });
  if (!m.phone?.startsWith('tok:')) return found;
  // A token cannot be looked up by the number it replaced: later calls not yet purged are compared one by one.
  const span = chainedCallsBetween(db, { from: place(m), to, fromDay: localDateOf(place(m), zone), toDay: localDateOf(to, zone) });
  return [...found, ...span.filter((r) => before(m, r) && r.phone && !r.phone.startsWith('tok:') && numbers.canon(r.phone) === m.phone)];
}

/** The chain of call `id`, in time order: the first call, then every repeat with the call it repeats. */
export function repeatChain(db: Database.Database, id: string, windowHours: number, zone: string): { rows: (ChainRow & { repeat_of: string | null })[]; note: string | null } {
  const call = callById(db, id);
  if (!call) throw new InputError(`no call ${id} in the database`, { hint: 'hotline calls list --date … shows the calls of a day and their call_id' });
  if (call.direction !== CHAINED.direction || call.outcome !== CHAINED.outcome) {
    return { rows: [{ ...call, repeat_of: null }], note: `${id} is ${call.direction === 'outbound' ? 'an outbound' : 'an abandoned'} call: only answered inbound calls are in chains` };
  }
  const w = windowHours * 3600;
  const numbers = CustomerNumbers.of(db);
  const first = firstCallOf(db, call, call, w, numbers);
  const members = new Map<string, string | null>([[first.call_id, null]]);
  const chain: ChainRow[] = [first];
  const queue: ChainRow[] = [...laterCalls(db, first, w, numbers, zone)];
  const seen = new Set(queue.map((r) => r.call_id));
  while (queue.length > 0) {
    queue.sort((a, b) => (before(a, b) ? -1 : 1));
    const next = queue.shift() as ChainRow;
    const p = repeated(db, next, w, numbers);
    if (!p || !members.has(p.call_id)) continue;
    members.set(next.call_id, p.call_id);
    chain.push(next);
    for (const r of laterCalls(db, next, w, numbers, zone)) if (!seen.has(r.call_id)) (seen.add(r.call_id), queue.push(r));
  }
  const note = chain.length === 1 ? `${id} repeats no call and no call repeats it within ${windowHours} h${call.phone || call.tracking_no ? '' : ' (no phone number and no tracking number: never chained)'}` : null;
  return { rows: chain.map((r) => ({ ...r, repeat_of: members.get(r.call_id) ?? null })), note };
}

/** The chain as a report: local times, the hours from the call repeated; phone numbers masked unless --show-pii. */
export function repeatChainReport(db: Database.Database, id: string, windowHours: number, fallbackZone: string): Report {
  const zone = getSetting(db, 'timezone') ?? fallbackZone;
  const { rows, note } = repeatChain(db, id, windowHours, zone);
  const at = new Map(rows.map((r) => [r.call_id, r.started_at]));
  const out: Row[] = rows.map(({ phone, day: _day, ...r }) => ({
    ...r, customer_phone: phone, started_at: formatLocalDateTime(epochToLocal(r.started_at, zone)),
    hours_to_repeat: r.repeat_of === null ? null : roundTo((r.started_at - (at.get(r.repeat_of) as number)) / 3600, 2),
  }));
  return { columns: CHAIN_COLUMNS, rows: out, notes: () => (note ? [note] : []) };
}
