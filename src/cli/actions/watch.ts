/**
 * The action of `hotline watch` (docs/watch.md): every --every seconds, import what was appended
 * to the file (the import thread, as `hotline import calls` does: only the new lines of a growing
 * log) and show the wallboard of the day so far. --once: one frame (or its JSON) and exit. On a
 * terminal: full screen, redrawn in one write per frame, q or Ctrl-C to quit (exit 0, the
 * terminal as it was), redrawn when resized. Otherwise one line per refresh, for a log.
 */
import { existsSync } from 'node:fs';
import type { ImportOptions, ImportSummary } from '../../app/import-files.js';
import { buildWallboard, type Wallboard } from '../../app/wallboard.js';
import { renderWallboard, wallboardLine } from '../../app/wallboard-frame.js';
import { resumeStateOf } from '../../db/queries/imports.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import { localToEpoch } from '../../domain/dates.js';
import type { Policy } from '../../domain/policy.js';
import { AppError, UsageError } from '../../errors.js';
import type { Encoding } from '../../io/encodings.js';
import type { Mapping } from '../../io/mapping/mapping.js';
import { openQueueCalls } from '../../io/profiles/queue-log-open.js';
import type { ProfileName } from '../../io/profiles/types.js';
import { protectFile } from '../../io/protected-files.js';
import { renderJsonValue } from '../../io/render/json.js';
import { dbLocation, openDb, policyFor } from '../context.js';
import type { ImportJob } from '../import-thread.js';
import type { GlobalOptions } from '../options.js';
import { colorAllowed, inform, say, terminalWidth, type Runtime } from '../runtime.js';
import { quoteName } from '../quote.js';
import { runImportThread } from './import.js';
import { runLive } from './watch-screen.js';

export interface WatchFlags {
  profile?: ProfileName;
  mapping?: string;
  encoding?: Encoding;
  delimiter?: string;
  sourceTz?: string;
  every: number;
  once?: boolean;
  at?: string;
  format: 'text' | 'json';
}

/** One refresh: what the import did (its summary, or its error), and the board after it. */
export interface Refresh {
  board: Wallboard;
  summary: ImportSummary | null;
  /** The status line: the import's summary, or its error. */
  status: string;
}

/** The board's last line: what this refresh's import read and wrote (the whole summary does not fit 80 columns). */
function statusOf(s: ImportSummary): string {
  const file = quoteName(s.file);
  if (s.status === 'already_imported') return `${file}: nothing new since import #${s.import_id}`;
  const read = s.continues_import_id === null ? 'read whole' : `bytes ${s.range_start}–${s.range_end} read`;
  return `${file}: ${read} (import #${s.import_id}): ${s.inserted} inserted, ${s.updated} updated, ${s.rejected} rejected`;
}

/** 'YYYY-MM-DD HH:MM[:SS]' (or with a T) in `zone`, as epoch seconds. */
function parseAt(text: string, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) throw new UsageError(`--at "${text}": expected YYYY-MM-DD HH:MM[:SS]`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  return localToEpoch({ year, month, day, hour, minute, second }, zone);
}

/** Imports what was appended to `file`, then builds the wallboard; `fail` decides what an import error does (throw with --once). */
async function refresh(job: ImportJob, ctx: { globals: GlobalOptions; rt: Runtime; policy: Policy; flags: WatchFlags; at: () => number; quiet: boolean }): Promise<Refresh> {
  const { rt, globals, policy, flags } = ctx;
  let summary: ImportSummary | null = null;
  let status: string;
  try {
    await runImportThread(job, {
      notice: (line, note) => {
        if (ctx.quiet) return;
        if (note) inform(rt, line, globals.verbose);
        else say(rt, line);
      },
      summary: (s) => (summary = s),
    });
    status = summary ? statusOf(summary) : '';
  } catch (e) {
    if (!(e instanceof AppError) || flags.once) throw e;
    status = `error: ${e.message}`;
  }
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const done = summary as ImportSummary | null;
    const state = done && flags.profile === 'asterisk-queue-log' ? resumeStateOf(handle.db, done.import_id) : null;
    const board = buildWallboard(handle.db, {
      at: ctx.at(), zone: policy.timezone, target: policy.kpi.service_level_target,
      defs: { threshold_seconds: policy.kpi.threshold_seconds, short_abandon_seconds: policy.kpi.short_abandon_seconds, service_level_formula: policy.kpi.service_level },
      open: flags.profile === 'asterisk-queue-log' ? openQueueCalls(state) : null,
    });
    return { board, summary: done, status };
  } finally {
    handle.close();
  }
}

export async function runWatch(file: string, flags: WatchFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  if (flags.mapping && flags.profile) throw new UsageError('--mapping and --profile do not go together', { hint: "a profile reads a phone system's own export; a mapping describes any other export" });
  if (flags.format === 'json' && !flags.once) throw new UsageError('--format json goes with --once', { hint: 'the live wallboard is text; --once --format json prints one frame\'s figures' });
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  protectFile(file, 'the input file');
  const { policy } = policyFor(globals, rt);
  const fixed = flags.at === undefined ? undefined : parseAt(flags.at, policy.timezone);
  const mapping: Mapping | undefined = flags.mapping ? (await import('../../io/mapping/mapping.js')).loadMapping(flags.mapping, 'calls') : undefined;
  const options: ImportOptions = {
    kind: 'calls', files: [file], encoding: flags.encoding, delimiter: flags.delimiter, sourceZone: flags.sourceTz, zone: policy.timezone, kpi: policy.kpi,
    skipInvalid: false, force: false, again: false, profile: flags.profile, mapping, requireRows: false, calendars: policy.calendars,
  };
  const interrupt = new SharedArrayBuffer(4);
  const job = (): ImportJob => ({ db: dbLocation(globals, rt), options, interrupt, now: rt.now() });
  const at = (): number => fixed ?? rt.now();
  if (flags.once) {
    const r = await refresh(job(), { globals, rt, policy, flags, at, quiet: false });
    if (flags.format === 'json') return void rt.stdout.write(renderJsonValue({ ...r.board, import: r.summary }, { pretty: Boolean(rt.stdout.isTTY) }));
    const lines = renderWallboard(r.board, { width: rt.stdout.isTTY ? terminalWidth(rt.stdout) : 80, color: colorAllowed(rt.stdout, rt.env), status: r.status });
    return void rt.stdout.write(lines.join('\n') + '\n');
  }
  await runLive(rt, {
    every: flags.every,
    interrupt,
    refresh: () => refresh(job(), { globals, rt, policy, flags, at, quiet: true }),
    frame: (r, size) => renderWallboard(r.board, { width: size.width, height: size.height, color: colorAllowed(rt.stdout, rt.env), status: r.status }),
    line: (r) => wallboardLine(r.board, r.status),
  });
}
