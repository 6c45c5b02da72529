/** What commands open at run time: the database, the policy, the output settings. */
import { openDatabase, resolveDbPath, type HotlineDb } from '../db/connection.js';
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

/** Opens the database named by the global options. */
export function openDb(globals: GlobalOptions, rt: Runtime, opts: { durable?: boolean; create?: boolean } = {}): HotlineDb {
  return openDatabase({ path: resolveDbPath(globals.db, rt.env), busyTimeoutMs: (globals.busyTimeout ?? 5) * 1000, durable: opts.durable, create: opts.create ?? false });
}

/** Loads the policy named by the global options. */
export function policyFor(globals: GlobalOptions, rt: Runtime): LoadedPolicy {
  return loadPolicy(globals.policy, rt.env);
}

