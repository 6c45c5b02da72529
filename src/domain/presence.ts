/**
 * Operator presence (docs/metrics.md, "Presence"): login sessions and pauses built from the
 * events of one operator, in order, and the codes of pause reasons. What a day holds of them is
 * src/domain/presence-day.ts. Pure: the caller passes the events in order.
 */
import { PAUSE_REASONS } from './kinds.js';

/** One stored event of an operator. */
export interface PresenceEvent {
  /** Epoch seconds. */
  at: number;
  /** login, logout, pause, unpause, or a state the file wrote that hotline does not know (kept, not used). */
  state: string;
  reason: string | null;
  /** The queue (Asterisk member events are per queue); null, '' and NONE: no queue. */
  queue: string | null;
  /** The event's place among events of the same second (its line): earlier first. */
  order: number;
}

/** What ended an interval: a logout, the next login (no logout before it), an unpause, a pause with another reason. */
export type IntervalEnd = 'logout' | 'relogin' | 'unpause' | 'reason';

export interface PresenceInterval {
  kind: 'session' | 'pause';
  start: number;
  /** null: still open at the end of the data (shown as such, not guessed). */
  end: number | null;
  /** A pause's reason (null: none given); null for a session. */
  reason: string | null;
  end_by: IntervalEnd | null;
}

export interface PresenceBuild {
  /** Sessions and pauses in order of start (a session before the pauses in it). */
  intervals: PresenceInterval[];
  /** Logins into a queue the operator was already logged into: the session before was closed at that login. (The counts are of events from `countFrom` on.) */
  relogins: number;
  /** Logouts, pauses and unpauses while logged out: not counted. */
  outside: number;
  /** Events whose state hotline does not know: kept, not used. */
  unknown: number;
}

const RANK: Readonly<Record<string, number>> = { login: 0, pause: 1, unpause: 2, logout: 3 };

/** Events in the order they are replayed: by time, then their place (line), then login, pause, unpause, logout (an ADDMEMBER … PAUSED is a login and a pause on one line). */
export function sortPresenceEvents<E extends PresenceEvent>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => a.at - b.at || a.order - b.order || (RANK[a.state] ?? 4) - (RANK[b.state] ?? 4));
}

const queueOf = (q: string | null): string => (q === null || q === 'NONE' ? '' : q);
const reasonOf = (r: string | null): string | null => (r === null || r.trim() === '' ? null : r);

/**
 * Issue 20: a session runs from login to logout; a pause from pause to unpause, and a pause with
 * another reason while paused closes one pause and opens the next (the same reason again, as a
 * PAUSEALL's per-queue PAUSE lines, changes nothing); a logout closes the pause; a login into a
 * queue the operator is already in (no logout before it) closes the session at that login; what
 * is open at the end of the data stays open. Presence is per operator: logged in while in at
 * least one queue (a logout with no queue leaves them all), paused or not whatever the queue.
 * `events` are one operator's, in order (sortPresenceEvents); the counts of what was not used are
 * of the events from `countFrom` on (those an import brought, when it replays older ones too).
 */
export function buildPresenceIntervals(events: readonly PresenceEvent[], countFrom = -Infinity): PresenceBuild {
  const replay = new PresenceReplay(countFrom);
  for (const e of events) replay.push(e);
  const out = replay.end();
  out.intervals.sort((a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'session' ? -1 : 1));
  return out;
}

/**
 * The replay behind buildPresenceIntervals, one event at a time, for an import that sees an
 * operator's events as they come (src/db/queries/presence.ts PresenceStream): `push` the events
 * in order (sortPresenceEvents), `take` the intervals closed so far, `end` for the rest (the open
 * ones) and the counts. Intervals come in the order they close.
 */
export class PresenceReplay {
  private readonly out: PresenceBuild = { intervals: [], relogins: 0, outside: 0, unknown: 0 };
  private readonly queues = new Set<string>();
  /** The open session's start, if any. */
  private session: number | null = null;
  /** The open pause, if any. */
  private pause: { start: number; reason: string | null } | null = null;

  constructor(private readonly countFrom = -Infinity) {}

  push(e: PresenceEvent): void {
    const queue = queueOf(e.queue);
    const counted = e.at >= this.countFrom ? 1 : 0;
    if (e.state === 'login') {
      if (this.queues.has(queue)) {
        this.out.relogins += counted;
        this.closeSession(e.at, 'relogin');
      }
      this.session ??= e.at;
      this.queues.add(queue);
    } else if (e.state === 'logout' || e.state === 'pause' || e.state === 'unpause') {
      if (this.session === null) {
        this.out.outside += counted;
      } else if (e.state === 'logout') {
        if (queue === '') this.queues.clear();
        else if (this.queues.has(queue)) this.queues.delete(queue);
        else {
          this.out.outside += counted;
          return;
        }
        if (this.queues.size === 0) this.closeSession(e.at, 'logout');
      } else if (e.state === 'unpause') {
        this.closePause(e.at, 'unpause');
      } else {
        const reason = reasonOf(e.reason);
        if (this.pause && this.pause.reason === reason) return;
        this.closePause(e.at, 'reason');
        this.pause = { start: e.at, reason };
      }
    } else {
      this.out.unknown += counted;
    }
  }

  /** The intervals closed since the last take. */
  take(): PresenceInterval[] {
    return this.out.intervals.splice(0);
  }

  /** The intervals not taken yet, with those still open (no end), and the counts. */
  end(): PresenceBuild {
    if (this.pause) this.out.intervals.push({ kind: 'pause', start: this.pause.start, end: null, reason: this.pause.reason, end_by: null });
    if (this.session !== null) this.out.intervals.push({ kind: 'session', start: this.session, end: null, reason: null, end_by: null });
    this.pause = null;
    this.session = null;
    return this.out;
  }

  private closePause(at: number, by: IntervalEnd): void {
    const p = this.pause;
    if (p && at > p.start) this.out.intervals.push({ kind: 'pause', start: p.start, end: at, reason: p.reason, end_by: by });
    this.pause = null;
  }

  private closeSession(at: number, by: 'logout' | 'relogin'): void {
    this.closePause(at, by);
    if (this.session !== null && at > this.session) this.out.intervals.push({ kind: 'session', start: this.session, end: at, reason: null, end_by: by });
    this.session = null;
    this.queues.clear();
  }
}

/** The code of a pause reason hotline knows (午休 → lunch), else the text as written (trimmed); null for none. */
export function pauseReasonCode(text: string | null): string | null {
  const t = text?.trim() ?? '';
  if (t === '') return null;
  return REASON_CODES.get(t.toLowerCase()) ?? t;
}
/** Each known reason's code and words, lower case, to its code (the first code that lists it). */
const REASON_CODES: ReadonlyMap<string, string> = (() => {
  const codes = new Map<string, string>();
  for (const [code, words] of Object.entries(PAUSE_REASONS)) {
    for (const w of [code, ...(words as readonly string[])]) if (!codes.has(w.toLowerCase())) codes.set(w.toLowerCase(), code);
  }
  return codes;
})();
