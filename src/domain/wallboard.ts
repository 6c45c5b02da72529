/**
 * The wallboard of `hotline watch` (issue 23, docs/watch.md): what is going on in the queue at a
 * moment, from the calls the phone system has not ended yet, and the five-minute periods of the
 * hour before it. Pure: the moment (`at`, epoch seconds) is given.
 */

/** A call the phone system has begun and not ended (a queue_log call entered, with its CONNECT if any). */
export interface OpenCall {
  callId: string;
  /** Epoch seconds of ENTERQUEUE; null when the call began before the log (no ENTERQUEUE). */
  enteredAt: number | null;
  /** The operator who answered (CONNECT), or null while it waits. */
  operatorId: string | null;
  connectedAt: number | null;
}

/** The queue at a moment. */
export interface QueueNow {
  /** Calls entered since `since` and before `at`, neither answered nor ended (issue 23: "calls waiting now"). */
  waiting: number;
  /** The longest of their waits so far, in seconds; null when none waits. */
  longest_wait_seconds: number | null;
  /** Calls answered and not ended, per operator: since when (the earliest, if an operator has two). */
  talking: Map<string, number>;
}

/**
 * Issue 23, `hotline watch`: waiting = entered, neither connected nor ended. Calls entered before
 * `since` (the start of the day shown: a call left open by a log cut without a restart line) or
 * after `at` are not counted.
 */
export function queueNow(open: readonly OpenCall[], at: number, since: number): QueueNow {
  let waiting = 0;
  let longest: number | null = null;
  const talking = new Map<string, number>();
  for (const c of open) {
    if (c.connectedAt !== null && c.operatorId !== null) {
      if (c.connectedAt > at || (c.enteredAt ?? c.connectedAt) < since) continue;
      const before = talking.get(c.operatorId);
      if (before === undefined || c.connectedAt < before) talking.set(c.operatorId, c.connectedAt);
      continue;
    }
    if (c.connectedAt !== null || c.enteredAt === null || c.enteredAt < since || c.enteredAt > at) continue;
    waiting++;
    longest = Math.max(longest ?? 0, at - c.enteredAt);
  }
  return { waiting, longest_wait_seconds: longest, talking };
}

/** Five minutes, in seconds: the periods of the last hour. */
export const PERIOD_SECONDS = 300;

/**
 * Issue 23: "the last hour by 5 minutes": the twelve five-minute periods (aligned on the clock:
 * 14:00, 14:05 …) whose last one holds `at`, none before `since` (the start of the day shown).
 */
export function lastHourPeriods(at: number, since: number): { from: number; to: number }[] {
  const last = Math.floor(at / PERIOD_SECONDS) * PERIOD_SECONDS;
  const out: { from: number; to: number }[] = [];
  for (let from = last - 11 * PERIOD_SECONDS; from <= last; from += PERIOD_SECONDS) if (from + PERIOD_SECONDS > since) out.push({ from: Math.max(from, since), to: from + PERIOD_SECONDS });
  return out;
}

/** Issue 23: the service level "coloured against the target": met (≥ target), below, or unknown (no call yet). */
export function serviceLevelState(serviceLevel: number | null, target: number): 'met' | 'below' | null {
  if (serviceLevel === null) return null;
  return serviceLevel >= target ? 'met' : 'below';
}
