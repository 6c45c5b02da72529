/** What commands open at run time: the database and the policy. */
import { openDatabase, resolveDbPath, type HotlineDb } from '../db/connection.js';
import { loadPolicy, type LoadedPolicy } from '../io/policy-file.js';
import type { GlobalOptions } from './options.js';
import type { Runtime } from './runtime.js';

/** Opens the database named by the global options. */
export function openDb(globals: GlobalOptions, rt: Runtime, opts: { durable?: boolean; create?: boolean } = {}): HotlineDb {
  return openDatabase({ path: resolveDbPath(globals.db, rt.env), busyTimeoutMs: (globals.busyTimeout ?? 5) * 1000, durable: opts.durable, create: opts.create ?? false });
}

/** Loads the policy named by the global options. */
export function policyFor(globals: GlobalOptions, rt: Runtime): LoadedPolicy {
  return loadPolicy(globals.policy, rt.env);
}

