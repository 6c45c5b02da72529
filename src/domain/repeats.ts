/**
 * Repeat calls and first-contact resolution (docs/metrics.md, "Repeat calls and first-contact
 * resolution"; SQM Group and WFM Labs: FCR is the share of contacts with no repeat contact within
 * a re-contact window). Which answered inbound call repeats which, the chains they form, and the
 * measures of a range of days. Pure: the window, the range and the moment windows are judged
 * over (`as_of`) are passed in.
 */
import { roundTo } from './kpi.js';
import { percentile } from './tickets.js';

/** What chaining needs of a call. */
export interface ChainCall {
  /** Epoch seconds. */
  started_at: number;
  direction: 'inbound' | 'outbound';
  outcome: 'answered' | 'abandoned';
  /** The customer's number (or the token a purge left for it); null or '' when anonymous or not recorded. */
  phone: string | null;
  tracking_no: string | null;
}

/** A call with the local day it belongs to. */
export interface DayCall extends ChainCall {
  day: string;
}

/** Only answered inbound calls are in chains: a callback is never a repeat, and an abandoned call was nobody's first contact. */
export const CHAINED = { direction: 'inbound', outcome: 'answered' } as const;

function isChained(c: ChainCall): boolean {
  return c.direction === CHAINED.direction && c.outcome === CHAINED.outcome;
}

function known(value: string | null): value is string {
  return value !== null && value !== '';
}

/**
 * docs/metrics.md: two calls are the same customer's when both have a tracking number and it is the
 * same (the stronger match: the same parcel, whoever calls), or else when they have the same phone
 * number; an anonymous or empty number matches nothing.
 */
export function sameCustomer(a: Pick<ChainCall, 'phone' | 'tracking_no'>, b: Pick<ChainCall, 'phone' | 'tracking_no'>): boolean {
  if (known(a.tracking_no) && known(b.tracking_no)) return a.tracking_no === b.tracking_no;
  return known(a.phone) && a.phone === b.phone;
}

/** For each call (by index): the call it repeats and its chain's first call; -1 for none (root -1: the call is in no chain). */
export interface CallLinks {
  prev: Int32Array;
  root: Int32Array;
}

function within(later: ChainCall, earlier: ChainCall | undefined, windowSeconds: number): boolean {
  return earlier !== undefined && later.started_at - earlier.started_at <= windowSeconds;
}

/**
 * docs/metrics.md: a call repeats the latest earlier answered inbound call of the same customer that
 * started at most `windowSeconds` before it (inclusive); a call that repeats none starts a chain.
 * `calls` in time order (same second: in the order given).
 */
export function linkCalls(calls: readonly ChainCall[], windowSeconds: number): CallLinks {
  const prev = new Int32Array(calls.length).fill(-1);
  const root = new Int32Array(calls.length).fill(-1);
  // The latest call with a tracking number, with a phone, with a phone and no tracking number.
  const byTracking = new Map<string, number>();
  const byPhone = new Map<string, number>();
  const byPhoneOnly = new Map<string, number>();
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i] as ChainCall;
    if (i > 0 && c.started_at < (calls[i - 1] as ChainCall).started_at) throw new Error(`linkCalls: calls must be in time order (call ${i} starts before call ${i - 1})`);
    if (!isChained(c)) continue;
    const candidates = known(c.tracking_no) ? [byTracking.get(c.tracking_no), known(c.phone) ? byPhoneOnly.get(c.phone) : undefined] : [known(c.phone) ? byPhone.get(c.phone) : undefined];
    let p = -1;
    for (const j of candidates) if (j !== undefined && j > p && within(c, calls[j], windowSeconds)) p = j;
    prev[i] = p;
    root[i] = p < 0 ? i : (root[p] as number);
    if (known(c.tracking_no)) byTracking.set(c.tracking_no, i);
    if (known(c.phone)) {
      byPhone.set(c.phone, i);
      if (!known(c.tracking_no)) byPhoneOnly.set(c.phone, i);
    }
  }
  return { prev, root };
}

/** The call `call` repeats among `earlier` (calls before it, any order): the index of the latest one linkCalls would link it to, or -1. */
export function previousCall(call: ChainCall, earlier: readonly ChainCall[], windowSeconds: number): number {
  let best = -1;
  if (!isChained(call)) return best;
  earlier.forEach((e, j) => {
    if (isChained(e) && e.started_at <= call.started_at && within(call, e, windowSeconds) && sameCustomer(e, call) && (best < 0 || e.started_at >= (earlier[best] as ChainCall).started_at)) best = j;
  });
  return best;
}

/** The measures of a group of calls (docs/metrics.md). */
export interface RepeatMeasures {
  /** Answered inbound calls. */
  calls: number;
  repeat_calls: number;
  /** repeat_calls / calls. */
  repeat_rate: number | null;
  /** Calls that start a chain. */
  first_calls: number;
  /** First calls whose window was not over at `as_of`: left out of the FCR rate. */
  window_open: number;
  /** First calls whose window is over with no repeat in it. */
  resolved_first_calls: number;
  /** resolved_first_calls / (first_calls − window_open). */
  fcr_rate: number | null;
  /** Median hours from the call repeated to the repeat. */
  median_hours_to_repeat: number | null;
}

/** The days counted (local days, inclusive), the window, and the moment windows are judged over. */
export interface RepeatScope {
  from: string;
  to: string;
  window_seconds: number;
  /** Epoch seconds: a first call's window is over when it ends at or before this moment. */
  as_of: number;
}

interface Tally {
  calls: number;
  repeats: number;
  first: number;
  open: number;
  resolved: number;
  hours: number[];
}

function measures(t: Tally): RepeatMeasures {
  const closed = t.first - t.open;
  const median = percentile(t.hours, 50);
  return {
    calls: t.calls, repeat_calls: t.repeats, repeat_rate: t.calls > 0 ? roundTo(t.repeats / t.calls, 4) : null,
    first_calls: t.first, window_open: t.open, resolved_first_calls: t.resolved, fcr_rate: closed > 0 ? roundTo(t.resolved / closed, 4) : null,
    median_hours_to_repeat: median === null ? null : roundTo(median, 2),
  };
}

/**
 * docs/metrics.md: over the answered inbound calls of the days from `scope.from` to `scope.to`, in
 * total and per group: a repeat counts on its own day, in the group `groupOf` gives it (by operator,
 * team, category or reason: its chain's first call's); a first call is resolved at first contact
 * when its window is over and no repeat followed within it. `calls` and `links` as linkCalls took
 * and gave them; they reach a window past `to`, so that the last days' first calls find their repeats.
 */
export function summarizeRepeats(calls: readonly DayCall[], links: CallLinks, scope: RepeatScope, groupOf: (index: number) => string | null): { total: RepeatMeasures; groups: Map<string | null, RepeatMeasures> } {
  const repeated = new Uint8Array(calls.length);
  for (let i = 0; i < calls.length; i++) if ((links.prev[i] as number) >= 0) repeated[links.root[i] as number] = 1;
  const empty = (): Tally => ({ calls: 0, repeats: 0, first: 0, open: 0, resolved: 0, hours: [] });
  const total = empty();
  const groups = new Map<string | null, Tally>();
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i] as DayCall;
    if ((links.root[i] as number) < 0 || c.day < scope.from || c.day > scope.to) continue;
    const key = groupOf(i);
    const group = groups.get(key) ?? empty();
    groups.set(key, group);
    for (const t of [total, group]) {
      t.calls++;
      const p = links.prev[i] as number;
      if (p >= 0) {
        t.repeats++;
        t.hours.push((c.started_at - (calls[p] as DayCall).started_at) / 3600);
      } else {
        t.first++;
        if (c.started_at + scope.window_seconds > scope.as_of) t.open++;
        else if (!repeated[i]) t.resolved++;
      }
    }
  }
  return { total: measures(total), groups: new Map([...groups].map(([k, t]) => [k, measures(t)])) };
}
