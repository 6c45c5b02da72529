/** The action of `hotline import <kind>`: loaded only when an import runs. */
import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { ImportOptions, ImportSummary } from '../../app/import-files.js';
import type { ImportKind } from '../../domain/kinds.js';
import type { Encoding } from '../../io/encodings.js';
import type { ProfileName } from '../../io/profiles/types.js';
import { renderJsonValue } from '../../io/render/json.js';
import { dbLocation, policyFor } from '../context.js';
import { onInterrupt } from '../interrupt.js';
import type { GlobalOptions } from '../options.js';
import { inform, say, type Runtime } from '../runtime.js';
import { AppError, ExitCode, UsageError, fromWire } from '../../errors.js';
import type { ImportJob, ThreadMessage } from '../import-thread.js';
import { Worker } from 'node:worker_threads';
import { checkOutPath, checkOutputTarget, writeOutput } from '../../io/output.js';
import { protectFile } from '../../io/protected-files.js';
import { quoteName } from '../quote.js';
import type { Inspection } from '../../io/inspect.js';

export interface ImportFlags {
  encoding?: Encoding;
  delimiter?: string;
  sourceTz?: string;
  skipInvalid?: boolean;
  rejects?: string;
  force?: boolean;
  again?: boolean;
  format: 'text' | 'json';
  profile?: ProfileName;
  mapping?: string;
  requireRows?: boolean;
}

/** The one-line summary of a file's import, for stderr. */
export function summaryLine(s: ImportSummary): string {
  const file = quoteName(s.file);
  if (s.status === 'already_imported') return `${file}: already imported as import #${s.import_id}; nothing changed`;
  const parts = `${s.rows} rows: ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected, ${s.skipped} skipped`;
  const p = s.profile;
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;
  const profile = p ? `; ${p.name}: ${n(p.records, 'record', 'records')} → ${n(p.calls, 'call', 'calls')} (${p.merged_records} merged)${p.missed_rings ? `, ${n(p.missed_rings, 'missed ring', 'missed rings')}` : ''}${p.presence_events ? `, ${n(p.presence_events, 'presence event', 'presence events')}` : ''}${p.unfinished_calls.length ? `, ${n(p.unfinished_calls.length, 'unfinished call', 'unfinished calls')} not imported` : ''}` : '';
  const mapping = s.mapping ? `; mapping ${quoteName(s.mapping)}` : '';
  const range = s.continues_import_id !== null ? `, bytes ${s.range_start}–${s.range_end} appended since import #${s.continues_import_id}` : '';
  return `${file}: ${parts} (import #${s.import_id}, ${s.encoding}${range}${mapping}${profile}${s.rejects_file ? `; rejected rows in ${quoteName(s.rejects_file)}` : ''})`;
}

/**
 * Heap limits of the import thread: enough for a batch in flight, a profile's open calls and the
 * summary sums, small enough that garbage is collected before the process grows (docs/performance.md,
 * "Small heaps for the two import threads").
 */
const IMPORT_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/** What the main thread does with the import thread's messages. */
export interface ImportThreadHandlers {
  notice: (line: string, note?: boolean) => void;
  file?: (file: string) => void;
  progress?: (bytes: number, total: number) => void;
  summary: (summary: ImportSummary) => void;
  /** Before the promise rejects (an error or the thread's end). */
  failed?: () => void;
}

/** Runs an import job in the import thread (a small heap); resolves when every file is done, rejects with the first failure. */
export function runImportThread(job: ImportJob, on: ImportThreadHandlers): Promise<void> {
  const worker = new Worker(new URL('../import-thread.js', import.meta.url), { workerData: { importJob: job }, resourceLimits: IMPORT_HEAP });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown): void => {
      on.failed?.();
      if (!settled) reject(e);
      settled = true;
    };
    worker.on('message', (m: ThreadMessage) => {
      if (m.type === 'notice') on.notice(m.line, m.note);
      else if (m.type === 'file') on.file?.(m.file);
      else if (m.type === 'progress') on.progress?.(m.bytes, m.total);
      else if (m.type === 'summary') on.summary(m.summary);
      else if (m.type === 'done') settled = true;
      else if (m.type === 'error') fail(fromWire(m.error));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError(`the import ran out of memory (its limit is ${IMPORT_HEAP.maxOldGenerationSizeMb} MB); the file being imported was rolled back`, ExitCode.bug, { hint: 'please report it with the command and the size of the file' })
        : e);
    });
    worker.on('exit', () => {
      if (settled) resolve();
      else fail(new Error('the import thread stopped without finishing'));
    });
  });
}

/** Imports each file in turn (each its own transaction, in the import thread); stops at the first failure. */
export async function runImportCommand(kind: ImportKind, files: string[], flags: ImportFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  if (flags.rejects && !flags.skipInvalid) throw new UsageError('--rejects goes with --skip-invalid', { hint: 'add --skip-invalid to import the good rows and write the bad ones to --rejects' });
  if (flags.mapping && flags.profile) throw new UsageError('--mapping and --profile do not go together', { hint: 'a profile reads a phone system\'s own export; a mapping describes any other export' });
  const { policy } = policyFor(globals, rt);
  // Read and checked once, here, so that a bad mapping fails before anything starts; the import
  // thread and its parsing worker get it as it is.
  const mapping = flags.mapping ? (await import('../../io/mapping/mapping.js')).loadMapping(flags.mapping, kind) : undefined;
  for (const f of files) if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
  for (const f of files) protectFile(f, 'the input file');
  if (flags.rejects) checkOutputTarget(flags.rejects, flags.force ?? false, '--rejects file'); // before any file is imported
  const interrupt = new SharedArrayBuffer(4);
  const flag = new Int32Array(interrupt);
  const stop = onInterrupt(() => Atomics.store(flag, 0, 1));
  const bar = rt.stderr.isTTY && rt.env.TERM !== 'dumb'
    ? new cliProgress.SingleBar({ stream: rt.stderr, format: '{file} [{bar}] {percentage}% {eta_formatted}', clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  const summaries: ImportSummary[] = [];
  // Not on a terminal (a cron log), each file's summary is one JSON line, written as it finishes.
  const jsonLines = flags.format === 'json' && !rt.stdout.isTTY;
  const options: ImportOptions = {
    kind, files, encoding: flags.encoding, delimiter: flags.delimiter, sourceZone: flags.sourceTz, zone: policy.timezone, kpi: policy.kpi,
    skipInvalid: flags.skipInvalid ?? false, rejects: flags.rejects, force: flags.force ?? false, again: flags.again ?? false, profile: flags.profile, mapping,
    requireRows: flags.requireRows ?? false, calendars: policy.calendars,
  };
  const job: ImportJob = { db: dbLocation(globals, rt), options, interrupt, now: rt.now() };
  try {
    await runImportThread(job, {
      notice: (line, note) => (note ? inform(rt, line, globals.verbose) : say(rt, line)),
      file: (file) => bar?.start(100, 0, { file }),
      progress: (bytes, total) => bar?.update(total > 0 ? Math.floor((bytes / total) * 100) : 100),
      summary: (summary) => {
        bar?.stop();
        summaries.push(summary);
        say(rt, summaryLine(summary));
        if (summary.status === 'imported' && summary.rows === 0 && summary.continues_import_id === null) say(rt, `warning: ${summary.file}: no data rows, only a header (--require-rows makes this an error)`);
        if (jsonLines) rt.stdout.write(renderJsonValue(summary, { pretty: false }));
      },
      failed: () => bar?.stop(),
    });
  } finally {
    bar?.stop();
    stop.dispose();
    if (flags.format === 'json' && !jsonLines && summaries.length > 0) rt.stdout.write(renderJsonValue(files.length === 1 ? summaries[0] : summaries, { pretty: true }));
  }
}

export interface InspectFlags {
  kind?: ImportKind;
  encoding?: Encoding;
  delimiter?: string;
  rows: number;
  format: 'text' | 'json';
  saveMapping?: string;
  force?: boolean;
}

/** `import inspect`: the file as hotline reads it, and how its columns map. */
export async function runInspect(file: string, flags: InspectFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  protectFile(file, 'the input file');
  const { inspectFile } = await import('../../io/inspect.js');
  if (flags.saveMapping) checkOutPath(flags.saveMapping, flags.force ?? false);
  // A mapping is built from more rows than are shown, to see the codes and dates a column holds.
  const full = await inspectFile(file, file, { kind: flags.kind, encoding: flags.encoding, delimiter: flags.delimiter, rows: flags.saveMapping ? Math.max(flags.rows, 500) : flags.rows });
  const r = { ...full, sample: full.sample.slice(0, flags.rows) };
  if (flags.saveMapping) return saveMapping(file, full, flags as InspectFlags & { saveMapping: string }, globals, rt);
  if (flags.format === 'json') return void rt.stdout.write(renderJsonValue(r, { pretty: Boolean(rt.stdout.isTTY) }));
  const delimiter = r.delimiter === '\t' ? 'tab' : `"${r.delimiter}"`;
  const lines = [
    `${r.file}: ${r.encoding}, delimiter ${delimiter}, ${r.columns.length} columns`,
    ...r.notices.map((n) => `  note: ${n}`),
    `kind: ${r.kind}${flags.kind ? '' : ' (best fit: ' + [...r.fits].filter((f) => f.columns_mapped > 0).sort((a, b) => b.required_found / b.required - a.required_found / a.required).slice(0, 3).map((f) => `${f.kind} ${f.required_found}/${f.required} required`).join(', ') + ')'}`,
    'columns:',
    ...r.columns.map((c) => `  ${String(c.column).padStart(2)}  ${c.header}  →  ${c.field ?? '(ignored)'}`),
    r.missing_required.length ? 'missing required fields:' : 'every required field is present',
    ...r.missing_required.map((m) => `  ${m.field}: accepted headers ${m.accepted}`),
    'sample:',
    ...r.sample.map((row) => `  ${row.join(' | ')}`),
  ];
  rt.stdout.write(lines.join('\n') + '\n');
}

/** `import inspect --save-mapping`: asks in a terminal for what is missing; never without one. */
async function saveMapping(file: string, r: Inspection, flags: InspectFlags & { saveMapping: string }, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { buildMapping } = await import('../../app/mapping-builder.js');
  const interactive = Boolean(rt.stdin.isTTY && rt.stdout.isTTY);
  const { policy } = policyFor(globals, rt);
  if (interactive) rt.stdout.write(`${r.file}: ${r.columns.length} columns; ${r.kind}: ${r.columns.filter((c) => c.field).length} mapped by their header\n`);
  const ask = interactive ? (await import('../prompts.js')).mappingAsker() : undefined;
  const built = await buildMapping({
    kind: r.kind, headers: r.columns.map((c) => c.header), sample: r.sample, columnFields: r.columns.map((c) => c.field),
    encoding: r.encoding, delimiter: r.delimiter, zone: policy.timezone,
  }, ask);
  if (built.missing.length > 0) {
    throw new UsageError(`${file}: no column for ${built.missing.join(', ')} (required for ${r.kind}); ${flags.saveMapping} was not written`, {
      hint: interactive ? 'every required field needs a column or a fixed value' : 'run it in a terminal to choose the columns, or write the mapping by hand (docs/formats.md, "Mapping files")',
    });
  }
  writeOutput([JSON.stringify(built.json, null, 2) + '\n'], { out: flags.saveMapping, force: flags.force ?? false, stdout: rt.stdout });
  for (const u of built.unreadable) say(rt, `warning: ${u.field} (column ${u.column}): hotline cannot read ${u.values.map((v) => JSON.stringify(v)).join(', ')}; give its layout in the mapping (run in a terminal to be asked)`);
  say(rt, `wrote ${flags.saveMapping}; import with: hotline import ${r.kind} --mapping ${flags.saveMapping} ${file}`);
}
