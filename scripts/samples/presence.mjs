/**
 * Presence (issue 20): each operator's logins, pauses and logouts, built around the calls they
 * answered, so that no call is answered by an operator who is logged out or paused. An operator's
 * calls (inbound from the answer, outbound from the dial, to the end of after-call work) are
 * grouped into sessions wherever more than three hours pass without one (a night call on duty is a
 * short session of its own); the session starts 2–10 minutes before the first call and ends 1–8
 * minutes after the last. Pauses sit in the gaps between calls, never over one: lunch (午休) in the
 * longest gap around noon, breaks (小休) in the morning and afternoon, now and then a meeting (会议)
 * or a training (培训); the weak operators (1020, 1024) more often pause with no reason, for a
 * private matter (私事), or take one break too many (past the 30 minutes a day). Drawn from the
 * generator's PRNG after every other file, so those files stay as they were.
 */
import { stamp } from './calendar.mjs';
import { chance, int } from './random.mjs';

const MIN = 60_000;
const HOUR = 3_600_000;
/** More than this between two calls: the operator logged out in between. */
const SESSION_GAP = 3 * HOUR;
/** Operators who leave the post without a reason more often (generate-samples.mjs SKILL). */
const WEAK = new Set(['1020', '1024']);

/** The local hour (0–23) of a local-ms time. */
const hourOf = (ms) => Math.floor((ms % 86_400_000) / HOUR);

/** Each operator's busy intervals [from, to] (ms), merged where calls overlap, in time order. */
function busyByOperator(calls) {
  const busy = new Map();
  for (const c of calls) {
    if (c.abandoned) continue;
    const from = c.outbound ? c.start : c.start + c.wait * 1000;
    const to = from + ((c.outbound ? c.wait : 0) + c.talk + c.hold + c.acw) * 1000;
    if (!busy.has(c.op.id)) busy.set(c.op.id, []);
    busy.get(c.op.id).push([from, to]);
  }
  for (const [id, list] of busy) {
    list.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const [from, to] of list) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    busy.set(id, merged);
  }
  return busy;
}

/** The pauses of one session: [from, to, reason] inside its gaps between calls, at least 30 s from either call. */
function pausesOf(gaps, id) {
  const free = gaps.map(([a, b]) => [a + 30_000 + int(0, 60) * 1000, b - 30_000 - int(0, 60) * 1000]).filter(([a, b]) => b - a >= 4 * MIN);
  const taken = new Set();
  const pauses = [];
  const take = (i, reason, minutes) => {
    const [a, b] = free[i];
    taken.add(i);
    pauses.push([a, Math.min(b, a + minutes * MIN), reason]);
  };
  const longest = (ok) => free.reduce((best, g, i) => (taken.has(i) || !ok(g) || (best >= 0 && g[1] - g[0] <= free[best][1] - free[best][0]) ? best : i), -1);
  const lunch = longest(([a, b]) => hourOf((a + b) / 2) >= 11 && hourOf((a + b) / 2) < 14 && b - a >= 10 * MIN);
  if (lunch >= 0) take(lunch, '午休', int(35, 55));
  for (const [lo, hi] of [[8, 11], [14, 18]]) {
    const i = longest(([a, b]) => hourOf(a) >= lo && hourOf(a) < hi && b - a >= 6 * MIN);
    if (i >= 0) take(i, '小休', int(5, 12));
  }
  if (chance(0.12)) {
    const i = longest(([a, b]) => hourOf(a) >= 9 && hourOf(a) < 17 && b - a >= 12 * MIN);
    if (i >= 0) take(i, chance(0.7) ? '会议' : '培训', int(10, 25));
  }
  const weak = WEAK.has(id);
  if (chance(weak ? 0.35 : 0.03)) {
    const i = longest(([a, b]) => b - a >= 5 * MIN);
    if (i >= 0) take(i, chance(0.5) ? '' : '私事', int(4, 15));
  }
  if (chance(weak ? 0.2 : 0.02)) {
    const i = longest(([a, b]) => b - a >= 12 * MIN);
    if (i >= 0) take(i, '小休', int(12, 20)); // a break too many: past the day's 30 minutes
  }
  return pauses.sort((x, y) => x[0] - y[0]);
}

/** Presence rows [工号, 状态, 时间, 原因] of every operator, in time order. */
export function buildPresence(calls) {
  const events = [];
  for (const [id, busy] of busyByOperator(calls)) {
    let session = [];
    const close = () => {
      if (session.length === 0) return;
      const login = session[0][0] - int(2, 10) * MIN - int(0, 59) * 1000;
      const logout = session[session.length - 1][1] + int(1, 8) * MIN + int(0, 59) * 1000;
      events.push([login, id, '签入', '']);
      const gaps = session.slice(1).map(([from], i) => [session[i][1], from]);
      for (const [from, to, reason] of pausesOf(gaps, id)) events.push([from, id, '示忙', reason], [to, id, '示闲', '']);
      events.push([logout, id, '签出', '']);
      session = [];
    };
    for (const interval of busy) {
      if (session.length > 0 && interval[0] - session[session.length - 1][1] > SESSION_GAP) close();
      session.push(interval);
    }
    close();
  }
  events.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return events.map(([at, id, state, reason]) => [id, state, stamp(at), reason]);
}
