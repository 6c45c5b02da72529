/**
 * Repeat calls and first-contact resolution (docs/metrics.md, "Repeat calls and first-contact
 * resolution"): the answered inbound calls of the days asked, with a window either side, read from
 * the database and chained by the pure rule (src/domain/repeats.ts); chains that start before
 * that are followed back to their first call through the customer's earlier calls; then the
 * measures per day, operator, team, category or complaint reason.
 */
import type Database from 'better-sqlite3';
import { addDays, localDateOf, startOfLocalDay, type IsoDate } from '../domain/dates.js';
import { linkCalls, previousCall, summarizeRepeats, type CallLinks, type RepeatMeasures } from '../domain/repeats.js';
import { chainedCallsBetween, customerCallBefore, latestCallStart, type CallPlace, type ChainRow } from '../db/queries/repeats.js';
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

  /** The rows with numbers compared as canon gives them, when some are tokens and some not (a span across a purge); else as they are. */
  canonRows<T extends { phone: string | null }>(rows: T[]): T[] {
    if (!this.key || !rows.some((r) => r.phone?.startsWith('tok:')) || rows.every((r) => !r.phone || r.phone.startsWith('tok:'))) return rows;
    return rows.map((r) => ({ ...r, phone: this.canon(r.phone) }));
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
  rows: ChainRow[];
  links: CallLinks;
  /** The first call of each chain of the span; read from before the span when the chain starts there (memoized). */
  firstOf: (index: number) => ChainRow;
  scope: { from: string; to: string; window_seconds: number; as_of: number };
  /** Where as_of came from. */
  as_of_source: 'as_of' | 'latest_call';
}

/** Reads and chains the span of `q`: from W before its first day to W after its last. */
export function chainSpan(db: Database.Database, q: RepeatQuery): ChainedSpan {
  const w = q.window_hours * 3600;
  const start = startOfLocalDay(q.from, q.zone) - w;
  const end = startOfLocalDay(addDays(q.to, 1), q.zone) - 1 + w;
  const numbers = CustomerNumbers.of(db);
  const rows = numbers.canonRows(chainedCallsBetween(db, { from: start, to: end, fromDay: localDateOf(start, q.zone), toDay: localDateOf(end, q.zone) }));
  const links = linkCalls(rows, w);
  const walked = new Map<number, ChainRow>();
  const firstOf = (i: number): ChainRow => {
    const r = links.root[i] as number;
    const root = rows[r] as ChainRow;
    if (root.started_at - w >= start) return root;
    let first = walked.get(r);
    if (!first) walked.set(r, (first = firstCallOf(db, root, { started_at: start, call_id: '' }, w, numbers)));
    return first;
  };
  const asOf = q.as_of ?? latestCallStart(db) ?? 0;
  return { rows, links, firstOf, scope: { from: q.from, to: q.to, window_seconds: w, as_of: asOf }, as_of_source: q.as_of === undefined ? 'latest_call' : 'as_of' };
}

/** The key of a call's row: its own day, or its chain's first call's operator, team, category or reason. */
function groupBy(db: Database.Database, span: ChainedSpan, by: RepeatGrouping): (i: number) => string | null {
  switch (by) {
    case 'day': return (i) => (span.rows[i] as ChainRow).day;
    case 'operator': return (i) => span.firstOf(i).operator_id;
    case 'team': {
      const directory = operatorDirectory(db);
      return (i) => {
        const id = span.firstOf(i).operator_id;
        return id === null ? null : (directory.get(id)?.team ?? null);
      };
    }
    case 'category': return (i) => span.firstOf(i).category;
    case 'reason': return (i) => span.firstOf(i).complaint_reason;
  }
}

/** The measures of the days of `q`, in total and per group (groups in key order, no key last). */
export function repeatStats(db: Database.Database, q: RepeatQuery, by: RepeatGrouping): { span: ChainedSpan; totals: RepeatMeasures; groups: [string | null, RepeatMeasures][] } {
  const span = chainSpan(db, q);
  const { total, groups } = summarizeRepeats(span.rows, span.links, span.scope, groupBy(db, span, by));
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

/** The appraisal's `fcr` inputs per operator: the first calls they took in the days, those whose window is over and those resolved. */
export function firstCallsByOperator(db: Database.Database, q: RepeatQuery): Map<string, { first_calls: number; window_open: number; resolved: number }> {
  const span = chainSpan(db, q);
  // A first call is its own chain's first call: its operator, with no look further back.
  const { groups } = summarizeRepeats(span.rows, span.links, span.scope, (i) => (span.rows[i] as ChainRow).operator_id);
  const out = new Map<string, { first_calls: number; window_open: number; resolved: number }>();
  for (const [id, m] of groups) if (id !== null) out.set(id, { first_calls: m.first_calls, window_open: m.window_open, resolved: m.resolved_first_calls });
  return out;
}
