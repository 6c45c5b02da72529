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

/** Calls as columns (a month is a million calls: no object per call), in time order. */
export interface CallColumns {
  /** Epoch seconds, ascending. */
  started_at: ArrayLike<number>;
  phone: ArrayLike<string | null>;
  tracking_no: ArrayLike<string | null>;
  /** Whether each call is an answered inbound call; absent: every one is (read with CHAINED). */
  chained?: ArrayLike<boolean>;
}

function within(later: ChainCall, earlier: ChainCall | undefined, windowSeconds: number): boolean {
  return earlier !== undefined && later.started_at - earlier.started_at <= windowSeconds;
}

/**
 * docs/metrics.md: a call repeats the latest earlier answered inbound call of the same customer that
 * started at most `windowSeconds` before it (inclusive); a call that repeats none starts a chain.
 * Calls in time order (same second: in the order given).
 */
export function linkColumns(calls: CallColumns, windowSeconds: number): CallLinks {
  const { started_at: at, phone, tracking_no: tracking, chained } = calls;
  const n = at.length;
  const prev = new Int32Array(n).fill(-1);
  const root = new Int32Array(n).fill(-1);
  // The latest call with a tracking number (T), with a phone (P), with a phone and no tracking
  // number (U), in two generations of one window each (now, before): a call older than the
  // generation before is never looked up again, so the maps hold about two windows of calls.
  let [nowT, nowP, nowU] = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  let [beforeT, beforeP, beforeU] = [nowT, nowP, nowU];
  let since = n > 0 ? (at[0] as number) : 0;
  for (let i = 0; i < n; i++) {
    const t = at[i] as number;
    if (i > 0 && t < (at[i - 1] as number)) throw new Error(`linkCalls: calls must be in time order (call ${i} starts before call ${i - 1})`);
    if (t - since > windowSeconds) {
      [beforeT, beforeP, beforeU] = [nowT, nowP, nowU];
      [nowT, nowP, nowU] = [new Map(), new Map(), new Map()];
      since = t;
    }
    if (chained && !chained[i]) continue;
    const tr = tracking[i] ?? null;
    const ph = phone[i] ?? null;
    let p = -1;
    if (known(tr)) {
      const j = nowT.get(tr) ?? beforeT.get(tr);
      if (j !== undefined && t - (at[j] as number) <= windowSeconds) p = j;
      const k = known(ph) ? (nowU.get(ph) ?? beforeU.get(ph)) : undefined;
      if (k !== undefined && k > p && t - (at[k] as number) <= windowSeconds) p = k;
      nowT.set(tr, i);
    } else if (known(ph)) {
      const j = nowP.get(ph) ?? beforeP.get(ph);
      if (j !== undefined && t - (at[j] as number) <= windowSeconds) p = j;
    }
    if (known(ph)) {
      nowP.set(ph, i);
      if (!known(tr)) nowU.set(ph, i);
    }
    prev[i] = p;
    root[i] = p < 0 ? i : (root[p] as number);
  }
  return { prev, root };
}

/** linkColumns for calls as objects. */
export function linkCalls(calls: readonly ChainCall[], windowSeconds: number): CallLinks {
  return linkColumns({ started_at: calls.map((c) => c.started_at), phone: calls.map((c) => c.phone), tracking_no: calls.map((c) => c.tracking_no), chained: calls.map(isChained) }, windowSeconds);
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

/** The calls counted (those that started from `start` to `end`, epoch seconds inclusive: whole local days), the window, and the moment windows are judged over. */
export interface RepeatScope {
  start: number;
  end: number;
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

/** Adds a call to a tally: a repeat (with its hours), or a first call (open, or resolved unless repeated). */
function count(t: Tally, repeat: boolean, hours: number, open: boolean, repeated: boolean): void {
  t.calls++;
  if (repeat) {
    t.repeats++;
    t.hours.push(hours);
  } else {
    t.first++;
    if (open) t.open++;
    else if (!repeated) t.resolved++;
  }
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
 * docs/metrics.md: over the answered inbound calls that started in the scope, in total and per
 * group: a repeat counts on its own day, in the group `groupOf` gives it (by operator, team,
 * category or reason: its chain's first call's); a first call is resolved at first contact when
 * its window is over and no repeat followed within it. `startedAt` and `links` as linkColumns took
 * and gave them; they reach a window past the scope, so that its last first calls find their repeats.
 */
export function summarizeRepeats(startedAt: ArrayLike<number>, links: CallLinks, scope: RepeatScope, groupOf: (index: number) => string | null): { total: RepeatMeasures; groups: Map<string | null, RepeatMeasures> } {
  const n = startedAt.length;
  const repeated = new Uint8Array(n);
  for (let i = 0; i < n; i++) if ((links.prev[i] as number) >= 0) repeated[links.root[i] as number] = 1;
  const empty = (): Tally => ({ calls: 0, repeats: 0, first: 0, open: 0, resolved: 0, hours: [] });
  const total = empty();
  const groups = new Map<string | null, Tally>();
  for (let i = 0; i < n; i++) {
    const t = startedAt[i] as number;
    if ((links.root[i] as number) < 0 || t < scope.start || t > scope.end) continue;
    const key = groupOf(i);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = empty()));
    const p = links.prev[i] as number;
    const hours = p >= 0 ? (t - (startedAt[p] as number)) / 3600 : 0;
    const open = t + scope.window_seconds > scope.as_of;
    count(total, p >= 0, hours, open, repeated[i] === 1);
    count(group, p >= 0, hours, open, repeated[i] === 1);
  }
  return { total: measures(total), groups: new Map([...groups].map(([k, g]) => [k, measures(g)])) };
}
