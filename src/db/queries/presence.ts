/**
 * Operator presence in the database (docs/metrics.md, "Presence"): the events an import stores,
 * the sessions and pauses rebuilt from them, and what reports read (intervals in a time range,
 * the span of the data, operators logged in and available per slot of a day).
 */
import type Database from 'better-sqlite3';
import { addDays, startOfLocalDay, type IsoDate } from '../../domain/dates.js';
import { buildPresenceIntervals, PresenceReplay, sortPresenceEvents, type PresenceEvent, type PresenceInterval } from '../../domain/presence.js';
import { clockSlots, staffedIn, type Staffed, type Window } from '../../domain/presence-day.js';
import { cachedStatement as statement } from '../statement-cache.js';
import { getSetting, setSetting } from './settings.js';

/** What a rebuild found in the events from each operator's earliest one the import touched. */
export interface RebuildCounts {
  operators: number;
  relogins: number;
  outside: number;
  unknown: number;
}

const INSERT_INTERVAL = 'INSERT INTO presence_intervals (operator_id, kind, started_at, ended_at, reason, end_by) VALUES (?, ?, ?, ?, ?, ?)';

/** Settings key: the longest closed interval stored (seconds), so that a range query knows how far back an interval may start. */
const LONGEST = 'presence_longest_seconds';

/**
 * Rebuilds the intervals of each operator in `touched` (operator → the earliest time of an event
 * the import wrote): from the start of the session that was open at that time (and of any session
 * still open at that one's start), where nothing is carried over from before, to the end of the
 * operator's data. The same events always give the same intervals, whatever the order of imports.
 */
export function rebuildPresence(db: Database.Database, touched: ReadonlyMap<string, number>): RebuildCounts {
  const counts: RebuildCounts = { operators: touched.size, relogins: 0, outside: 0, unknown: 0 };
  const covering = statement(db, `SELECT min(started_at) FROM presence_intervals
    WHERE operator_id = ? AND kind = 'session' AND started_at < ? AND (ended_at IS NULL OR ended_at >= ?)`).pluck();
  const remove = statement(db, 'DELETE FROM presence_intervals WHERE operator_id = ? AND started_at >= ?');
  const events = statement(db, 'SELECT at, state, reason, queue, seen_line AS "order" FROM presence WHERE operator_id = ? AND at >= ? ORDER BY at, seen_line');
  const insert = statement(db, INSERT_INTERVAL);
  let longest = Number(getSetting(db, LONGEST) ?? 0);
  for (const [operator, earliest] of touched) {
    let from = earliest;
    for (let s = covering.get(operator, from, from) as number | null; s !== null; s = covering.get(operator, from, from) as number | null) from = s;
    remove.run(operator, from);
    const built = buildPresenceIntervals(sortPresenceEvents(events.all(operator, from) as PresenceEvent[]), earliest);
    for (const iv of built.intervals) {
      insert.run(operator, iv.kind, iv.start, iv.end, iv.reason, iv.end_by);
      if (iv.end !== null) longest = Math.max(longest, iv.end - iv.start);
    }
    counts.relogins += built.relogins;
    counts.outside += built.outside;
    counts.unknown += built.unknown;
  }
  setSetting(db, LONGEST, String(longest));
  return counts;
}

/** An operator whose events an import replays as they come (PresenceStream): the replay, and the events of the latest second seen, not replayed yet. */
interface Streamed {
  operator: string;
  replay: PresenceReplay;
  at: number;
  pending: (PresenceEvent & { id: string })[];
}

/**
 * The presence of a phone-system import, built as its events come instead of read back before
 * COMMIT (docs/performance.md, "Presence in a queue_log"). An operator with no event stored
 * before the import is replayed from its first event as the batches arrive, in the order and with
 * the events a rebuild would replay (by time, line and state; of events with one key, the first),
 * and its intervals are written as they close; what stays open is written at the end. An operator
 * with events stored before, or whose events come out of time order, is rebuilt from the
 * database before COMMIT (rebuildPresence) from the earliest event the import brought. Either
 * way the same events give the same intervals.
 */
export class PresenceStream {
  /** Every operator the import touched: its earliest event. */
  private readonly touched = new Map<string, number>();
  private readonly streams = new Map<string, Streamed>();
  private readonly rebuild = new Set<string>();
  private longest = 0;
  private readonly counts = { relogins: 0, outside: 0, unknown: 0 };
  /** The table held no event when the import began (a first load, its indexes deferred: every operator is new). */
  private firstLoad: boolean | undefined;

  /** Inserts a batch's events (flat, EVENT_WIDTH values each) and replays those of the operators it streams. */
  add(db: Database.Database, flat: readonly unknown[], importId: number): void {
    this.firstLoad ??= statement(db, 'SELECT 1 FROM presence LIMIT 1').get() === undefined;
    const stored = statement(db, 'SELECT 1 FROM presence WHERE operator_id = ? LIMIT 1').pluck();
    // Before the batch's events go in: is an operator seen for the first time new to the database?
    for (let k = 0; k < flat.length; k += EVENT_WIDTH) {
      const operator = flat[k + 1] as string;
      if (this.streams.has(operator) || this.rebuild.has(operator)) continue;
      if (!this.firstLoad && stored.get(operator) !== undefined) this.rebuild.add(operator);
      else this.streams.set(operator, { operator, replay: new PresenceReplay(), at: -Infinity, pending: [] });
    }
    insertPresenceEvents(db, flat, importId, this.touched);
    const replayed = new Set<Streamed>();
    for (let k = 0; k < flat.length; k += EVENT_WIDTH) {
      const s = this.streams.get(flat[k + 1] as string);
      if (!s) continue;
      const e = { id: flat[k] as string, state: flat[k + 2] as string, at: flat[k + 3] as number, reason: flat[k + 5] as string | null, queue: flat[k + 6] as string | null, order: flat[k + 7] as number };
      if (e.at < s.at) {
        // Out of time order: what was written of it is replaced by a rebuild from its first event.
        this.streams.delete(s.operator);
        this.rebuild.add(s.operator);
        replayed.delete(s);
        continue;
      }
      if (e.at > s.at) this.replayPending(s);
      s.at = e.at;
      s.pending.push(e);
      replayed.add(s);
    }
    for (const s of replayed) this.write(db, s, s.replay.take());
  }

  /** Before COMMIT: writes what the streamed operators still hold and rebuilds the others; says what the events held that was not counted. */
  finish(db: Database.Database): RebuildCounts {
    for (const s of this.streams.values()) {
      this.replayPending(s);
      const built = s.replay.end();
      this.write(db, s, built.intervals);
      this.counts.relogins += built.relogins;
      this.counts.outside += built.outside;
      this.counts.unknown += built.unknown;
    }
    const rebuilt = rebuildPresence(db, new Map([...this.rebuild].map((operator) => [operator, this.touched.get(operator) as number])));
    setSetting(db, LONGEST, String(Math.max(Number(getSetting(db, LONGEST) ?? 0), this.longest)));
    return { operators: this.touched.size, relogins: this.counts.relogins + rebuilt.relogins, outside: this.counts.outside + rebuilt.outside, unknown: this.counts.unknown + rebuilt.unknown };
  }

  /** Replays the events of the latest second seen (all one second: by line, then state), each key once. */
  private replayPending(s: Streamed): void {
    if (s.pending.length === 0) return;
    const seen = new Set<string>();
    for (const e of sortPresenceEvents(s.pending)) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      s.replay.push(e);
    }
    s.pending = [];
  }

  private write(db: Database.Database, s: Streamed, intervals: readonly PresenceInterval[]): void {
    if (intervals.length === 0) return;
    const insert = statement(db, INSERT_INTERVAL);
    for (const iv of intervals) {
      insert.run(s.operator, iv.kind, iv.start, iv.end, iv.reason, iv.end_by);
      if (iv.end !== null) this.longest = Math.max(this.longest, iv.end - iv.start);
    }
  }
}

/** Values of one event as a profile gives it (ConvertedBatch.presence): event_id, operator_id, state, at, local_day, reason, queue, line. */
const EVENT_WIDTH = 8;
/** Events per INSERT statement. */
const CHUNK = 50;

/**
 * Inserts the presence events a phone-system profile found (flat: EVENT_WIDTH values each), keyed
 * as a presence file keys them; an event already stored is kept as it is. Each operator's earliest
 * event goes into `touched`, for rebuildPresence.
 */
function insertPresenceEvents(db: Database.Database, flat: readonly unknown[], importId: number, touched: Map<string, number>): void {
  const sql = (n: number): string => `INSERT INTO presence (event_id, operator_id, state, at, local_day, reason, queue, seen_line, import_id, created_import_id, seen_import_id)
    VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (event_id) DO NOTHING`;
  const n = flat.length / EVENT_WIDTH;
  const params = (from: number, to: number): unknown[] => {
    const out: unknown[] = [];
    for (let k = from; k < to; k++) {
      for (let j = 0; j < EVENT_WIDTH; j++) out.push(flat[k * EVENT_WIDTH + j]);
      out.push(importId, importId, importId);
    }
    return out;
  };
  let i = 0;
  // CHUNK events a statement, as missed rings are (docs/performance.md, "25 rows per INSERT").
  if (n >= CHUNK) {
    const chunk = statement(db, sql(CHUNK));
    for (; i + CHUNK <= n; i += CHUNK) chunk.run(params(i, i + CHUNK));
  }
  const one = statement(db, sql(1));
  for (; i < n; i++) one.run(params(i, i + 1));
  for (let k = 0; k < flat.length; k += EVENT_WIDTH) noteEvent(touched, flat[k + 1] as string, flat[k + 3] as number);
}

/** Notes an event of `operator` at `at` among those an import touched (the earliest per operator). */
export function noteEvent(touched: Map<string, number>, operator: string, at: number): void {
  const before = touched.get(operator);
  if (before === undefined || at < before) touched.set(operator, at);
}

/** The first and last event stored, epoch seconds: presence is known between them; undefined with no event. */
export function presenceSpan(db: Database.Database): { first: number; last: number } | undefined {
  const r = statement(db, 'SELECT min(at) AS first, max(at) AS last FROM presence').get() as { first: number | null; last: number | null };
  return r.first === null || r.last === null ? undefined : { first: r.first, last: r.last };
}

/**
 * Every operator's intervals that touch [from, to) (epoch seconds), in order of start, with the
 * open ones; `operator` narrows to one.
 */
export function presenceIntervals(db: Database.Database, from: number, to: number, operator?: string): Map<string, PresenceInterval[]> {
  const longest = Number(getSetting(db, LONGEST) ?? 0);
  const who = operator === undefined ? '' : 'AND operator_id = @operator';
  const rows = statement(db, `SELECT operator_id, kind, started_at AS start, ended_at AS "end", reason, end_by FROM presence_intervals
      WHERE started_at >= @lo AND started_at < @to AND ended_at > @from ${who}
    UNION ALL
    SELECT operator_id, kind, started_at, ended_at, reason, end_by FROM presence_intervals WHERE ended_at IS NULL AND started_at < @to ${who}
    ORDER BY operator_id, start, kind DESC`).all({ lo: from - longest, from, to, ...(operator === undefined ? {} : { operator }) }) as (PresenceInterval & { operator_id: string })[];
  const out = new Map<string, PresenceInterval[]>();
  for (const { operator_id, ...iv } of rows) {
    let list = out.get(operator_id);
    if (!list) out.set(operator_id, (list = []));
    list.push(iv);
  }
  return out;
}

/**
 * For staffing (issue 20): operators logged in, and logged in and not paused, on average over
 * each slot of `minutes` of the local day `day`, keyed by the slot's start on the local clock
 * (`minute`: 0, 30, … after midnight for 30 minutes), as staffing puts calls in intervals
 * (staffing.ts, LOCAL_MINUTE). On a day the clocks change, a slot the clock skips is absent and
 * one the clock passes twice holds both passes (`start` of the first, `end` of the last). Empty
 * when the database holds no presence for the day.
 */
export function availableOperators(db: Database.Database, q: { day: IsoDate; zone: string; minutes: number }): (Staffed & { minute: number; start: number; end: number })[] {
  if (!Number.isInteger(q.minutes) || q.minutes < 1) throw new RangeError(`availableOperators: minutes must be a whole number ≥ 1, not ${q.minutes}`);
  const start = startOfLocalDay(q.day, q.zone);
  const end = startOfLocalDay(addDays(q.day, 1), q.zone);
  const span = presenceSpan(db);
  if (!span || span.last < start || span.first >= end) return [];
  const slots = clockSlots({ start, end }, q.zone, q.minutes);
  const staffed = staffedIn(presenceIntervals(db, start, end).values(), slots.map(([, w]) => w), span.last);
  return slots.map(([minute, w], i) => ({ minute, start: (w[0] as Window).start, end: (w[w.length - 1] as Window).end, ...(staffed[i] as Staffed) }));
}
