/**
 * Repeat calls and first-contact resolution (docs/metrics.md, "Repeat calls and first-contact
 * resolution"): the answered inbound calls of the days asked, with a window either side, read from
 * the database and chained by the pure rule (src/domain/repeats.ts); chains that start before
 * that are followed back to their first call through the customer's earlier calls; then the
 * measures per day, operator, team, category or complaint reason.
 */
import type Database from 'better-sqlite3';
import { addDays, localDateOf, startOfLocalDay, type IsoDate } from '../domain/dates.js';
import { CHAINED, linkColumns, previousCall, summarizeRepeats, type CallLinks, type RepeatMeasures, type RepeatScope } from '../domain/repeats.js';
import { chainedCallColumns, customerCallBefore, latestCallStart, type CallPlace, type ChainRow, type ChargeColumn } from '../db/queries/repeats.js';
import { getSetting } from '../db/queries/settings.js';
import { operatorDirectory } from '../db/queries/stats.js';
import { piiToken } from './privacy.js';

export type RepeatGrouping = 'day' | 'operator' | 'team' | 'category' | 'reason';

/** What is counted: local days (inclusive) in `zone`, the window, and when windows are judged over (epoch seconds; default: the latest call's start). */
export interface RepeatQuery {
  from: IsoDate;
  to: IsoDate;
  zone: string;
  window_hours: number;
  as_of?: number;
}

/**
 * Phone numbers as chains compare them. After `db purge-pii` (the database has a token key), a
 * number and the token the purge left for it are the same customer: `canon` gives the token, and
 * `forms` both spellings to look a number up by.
 */
export class CustomerNumbers {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly key: Buffer | null) {}

  static of(db: Database.Database): CustomerNumbers {
    const key = getSetting(db, 'pii_token_key');
    return new CustomerNumbers(key ? Buffer.from(key, 'hex') : null);
  }

  canon(phone: string | null): string | null {
    if (!this.key || !phone || phone.startsWith('tok:')) return phone;
    let t = this.tokens.get(phone);
    if (t === undefined) this.tokens.set(phone, (t = piiToken(this.key, 'customer_phone', phone)));
    return t;
  }

  forms(phone: string | null): string[] {
    if (!phone) return [];
    const c = this.canon(phone) as string;
    return c === phone ? [phone] : [phone, c];
  }

  /** Numbers as canon gives them when some are tokens and some not (a span across a purge); else as they are. */
  canonAll(phones: (string | null)[]): (string | null)[] {
    if (!this.key || !phones.some((p) => p?.startsWith('tok:')) || phones.every((p) => !p || p.startsWith('tok:'))) return phones;
    return phones.map((p) => this.canon(p));
  }
}

/**
 * The first call of the chain `row` is in, looking before `before` (the calls from there on are
 * known): the customer's latest earlier call within the window, and its own, and so on back.
 */
export function firstCallOf(db: Database.Database, row: ChainRow, before: CallPlace, windowSeconds: number, numbers: CustomerNumbers): ChainRow {
  let cur = row;
  let place = before;
  for (;;) {
    const from = cur.started_at - windowSeconds;
    if (from >= place.started_at) return cur;
    const candidates = customerCallBefore(db, { phones: numbers.forms(cur.phone), tracking_no: cur.tracking_no || null, untracked_only: Boolean(cur.tracking_no), before: place, from });
    const canon = (r: ChainRow): ChainRow => ({ ...r, phone: numbers.canon(r.phone) });
    const p = previousCall(canon(cur), candidates.map(canon), windowSeconds);
    if (p < 0) return cur;
    cur = candidates[p] as ChainRow;
    place = cur;
  }
}

/** The calls of the days asked and a window either side, chained. */
export interface ChainedSpan {
  started_at: number[];
  links: CallLinks;
  /** The charge column (operator, category or reason) of each call itself. */
  own: (string | null)[];
  /** The charge column of each call's chain's first call; read from before the span when the chain starts there. */
  chargedTo: (index: number) => string | null;
  scope: RepeatScope;
  /** When windows are judged over: --as-of, or the latest call's start; null (no_calls) in a database without calls. */
  as_of: number | null;
  as_of_source: 'as_of' | 'latest_call' | 'no_calls';
}

/** Reads and chains the span of `q`: from W before its first day to W after its last. */
export function chainSpan(db: Database.Database, q: RepeatQuery, charge?: ChargeColumn): ChainedSpan {
  const w = q.window_hours * 3600;
  const asOf = q.as_of ?? latestCallStart(db);
  const scope = { start: startOfLocalDay(q.from, q.zone), end: startOfLocalDay(addDays(q.to, 1), q.zone) - 1, window_seconds: w, as_of: asOf ?? 0 };
  const [from, to] = [scope.start - w, scope.end + w];
  const numbers = CustomerNumbers.of(db);
  const cols = chainedCallColumns(db, { from, to, fromDay: localDateOf(from, q.zone), toDay: localDateOf(to, q.zone) }, charge);
  const phone = numbers.canonAll(cols.phone);
  const links = linkColumns({ started_at: cols.started_at, phone, tracking_no: cols.tracking_no }, w);
  const walked = new Map<number, string | null>();
  const chargedTo = (i: number): string | null => {
    const r = links.root[i] as number;
    const t = cols.started_at[r] as number;
    const own = cols.charge[r] ?? null;
    if (t - w >= from || !charge) return own;
    if (walked.has(r)) return walked.get(r) as string | null;
    // The chain's first call read may repeat a call before the span: follow it back.
    const root: ChainRow = { call_id: '', started_at: t, day: '', direction: CHAINED.direction, outcome: CHAINED.outcome, operator_id: null, category: null, complaint_reason: null, phone: phone[r] ?? null, tracking_no: cols.tracking_no[r] ?? null };
    const first = firstCallOf(db, root, { started_at: from, call_id: '' }, w, numbers);
    const value = first === root ? own : first[charge];
    walked.set(r, value);
    return value;
  };
  const source = q.as_of !== undefined ? 'as_of' : asOf === null ? 'no_calls' : 'latest_call';
  return { started_at: cols.started_at, links, own: cols.charge, chargedTo, scope, as_of: asOf, as_of_source: source };
}

/** The local day of each call, from the day starts of the days asked (calls in time order). */
function dayOfCall(span: ChainedSpan, q: RepeatQuery): (i: number) => string {
  const days: string[] = [];
  const starts: number[] = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) (days.push(d), starts.push(startOfLocalDay(d, q.zone)));
  return (i) => {
    const t = span.started_at[i] as number;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return days[lo] as string;
  };
}

const CHARGE: Record<Exclude<RepeatGrouping, 'day'>, ChargeColumn> = { operator: 'operator_id', team: 'operator_id', category: 'category', reason: 'complaint_reason' };

/** The measures of the days of `q`, in total and per group (groups in key order, no key last): by its own day, or its chain's first call's operator, team, category or reason. */
export function repeatStats(db: Database.Database, q: RepeatQuery, by: RepeatGrouping): { span: ChainedSpan; totals: RepeatMeasures; groups: [string | null, RepeatMeasures][] } {
  const span = chainSpan(db, q, by === 'day' ? undefined : CHARGE[by]);
  let groupOf: (i: number) => string | null = by === 'day' ? dayOfCall(span, q) : span.chargedTo;
  if (by === 'team') {
    const directory = operatorDirectory(db);
    groupOf = (i) => {
      const id = span.chargedTo(i);
      return id === null ? null : (directory.get(id)?.team ?? null);
    };
  }
  const { total, groups } = summarizeRepeats(span.started_at, span.links, span.scope, groupOf);
  const sorted = [...groups].sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return { span, totals: total, groups: sorted };
}

/** `stats daily` JSON: the day's repeat calls and repeat rate, and the FCR rate of its first calls whose window is over (as of the latest call). */
export interface DayRepeats {
  calls: number;
  rate: number | null;
  fcr_rate: number | null;
  window_open: number;
}

export function dayRepeats(db: Database.Database, date: IsoDate, zone: string, windowHours: number): DayRepeats {
  const { totals } = repeatStats(db, { from: date, to: date, zone, window_hours: windowHours }, 'day');
  return { calls: totals.repeat_calls, rate: totals.repeat_rate, fcr_rate: totals.fcr_rate, window_open: totals.window_open };
}

/** The appraisal's `fcr` inputs per operator: the first calls they took in the days, those whose window is open and those resolved. */
export function firstCallsByOperator(db: Database.Database, q: RepeatQuery): Map<string, { first_calls: number; window_open: number; resolved: number }> {
  const span = chainSpan(db, q, 'operator_id');
  // A first call is its own chain's first call: its own operator, with no look further back.
  const { groups } = summarizeRepeats(span.started_at, span.links, span.scope, (i) => span.own[i] ?? null);
  const out = new Map<string, { first_calls: number; window_open: number; resolved: number }>();
  for (const [id, m] of groups) if (id !== null) out.set(id, { first_calls: m.first_calls, window_open: m.window_open, resolved: m.resolved_first_calls });
  return out;
}
