/** What commands open at run time: the database, the policy, the output settings. */
import { openDatabase, resolveDbPath, type HotlineDb } from '../db/connection.js';
import { sameZoneName } from '../domain/dates.js';
import { DbStateError } from '../errors.js';
import { loadPolicy, type LoadedPolicy } from '../io/policy-file.js';
import { checkOutPath, type OutputTarget } from '../io/output.js';
import type { Format, RenderOptions } from '../io/render/report.js';
import type { GlobalOptions, OutputFlags } from './options.js';
import { colorAllowed, terminalWidth, type Runtime } from './runtime.js';

/** Rendering and output settings from the output flags. */
export function renderSettings(flags: OutputFlags, rt: Runtime): RenderOptions & OutputTarget {
  checkOutPath(flags.out, flags.force ?? false);
  const byExtension = flags.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  if (flags.format === 'xlsx') throw new DbStateError('internal: xlsx is rendered by its command');
  const format: Format = flags.format ?? (flags.out ? byExtension : rt.stdout.isTTY ? 'table' : 'csv');
  const terminal = !flags.out && Boolean(rt.stdout.isTTY);
  return {
    format,
    lang: flags.lang,
    showPii: flags.showPii ?? false,
    color: !flags.out && colorAllowed(rt.stdout, rt.env),
    bom: Boolean(flags.out) && format === 'csv',
    width: format === 'table' && terminal && !flags.wide ? terminalWidth(rt.stdout) : undefined,
    pretty: terminal,
    out: flags.out,
    force: flags.force ?? false,
    mode: flags.showPii ? 0o600 : 0o644,
    stdout: rt.stdout,
  };
}

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
 * Refuses a report whose policy time zone is not the one the database's local days were computed
 * in (the first import records it): the days would be mislabelled.
 */
export function checkZone(db: HotlineDb['db'], path: string, zone: string): void {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'timezone'").get() as { value: string } | undefined;
  if (row && !sameZoneName(row.value, zone)) {
    throw new DbStateError(`${path}: this database's local days are in ${row.value}, but the policy time zone is ${zone}`, {
      hint: `set "timezone": "${row.value}" in the policy, or use a database imported under ${zone}`,
    });
  }
}
