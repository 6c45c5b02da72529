/** What commands open at run time: the database and the policy (and its working calendar). */
import { openDatabase, resolveDbPath, type HotlineDb } from '../db/connection.js';
import { checkTimeZone } from '../db/queries/settings.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { loadCalendar } from '../io/calendar-files.js';
import { loadPolicy, type LoadedPolicy } from '../io/policy-file.js';
import type { GlobalOptions } from './options.js';
import type { Runtime } from './runtime.js';

/** The database the global options name, and how long to wait for its lock. */
export function dbLocation(globals: GlobalOptions, rt: Runtime): { path: string; busyTimeoutMs: number } {
  return { path: resolveDbPath(globals.db, rt.env), busyTimeoutMs: (globals.busyTimeout ?? 5) * 1000 };
}

/** Opens the database named by the global options. */
export function openDb(globals: GlobalOptions, rt: Runtime, opts: { durable?: boolean; create?: boolean } = {}): HotlineDb {
  return openDatabase({ ...dbLocation(globals, rt), durable: opts.durable, create: opts.create ?? false });
}

/** Loads the policy named by the global options. */
export function policyFor(globals: GlobalOptions, rt: Runtime): LoadedPolicy {
  return loadPolicy(globals.policy, rt.env);
}

/**
 * What a report over a month's data opens: the policy, its working calendar, and the database,
 * whose local days must be in the policy's time zone (checkTimeZone); `source`: the policy file read
 * (null: the built-in defaults). `durable`: the report writes.
 */
export function openReport(globals: GlobalOptions, rt: Runtime, opts: { durable?: boolean } = {}): { policy: Policy; source: string | null; calendar: WorkCalendar; handle: HotlineDb } {
  const { policy, source } = policyFor(globals, rt);
  const { calendar } = loadCalendar(policy.calendars);
  const handle = openDb(globals, rt, { durable: opts.durable });
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
  } catch (e) {
    handle.close();
    throw e;
  }
  return { policy, source, calendar, handle };
}
