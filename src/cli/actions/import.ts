/** The action of `hotline import <kind>`: loaded only when an import runs. */
import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { importFile, type ImportOptions, type ImportSummary } from '../../app/import-files.js';
import type { ImportKind } from '../../domain/kinds.js';
import type { Encoding } from '../../io/encodings.js';
import type { ProfileName } from '../../io/profiles/types.js';
import { renderJsonValue } from '../../io/render/json.js';
import { openDb, policyFor } from '../context.js';
import { onInterrupt } from '../interrupt.js';
import type { GlobalOptions } from '../options.js';
import { say, type Runtime } from '../runtime.js';
import { DbStateError, UsageError } from '../../errors.js';
import { checkOutPath, writeOutput } from '../../io/output.js';
import type { Inspection } from '../../io/inspect.js';

export interface ImportFlags {
  encoding?: Encoding;
  delimiter?: string;
  sourceTz?: string;
  skipInvalid?: boolean;
  rejects?: string;
  force?: boolean;
  format: 'text' | 'json';
  profile?: ProfileName;
  mapping?: string;
}

/** The one-line summary of a file's import, for stderr. */
export function summaryLine(s: ImportSummary): string {
  if (s.status === 'already_imported') return `${s.file}: already imported as import #${s.import_id}; nothing changed`;
  const parts = `${s.rows} rows: ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected, ${s.skipped} skipped`;
  const p = s.profile;
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;
  const profile = p ? `; ${p.name}: ${n(p.records, 'record', 'records')} → ${n(p.calls, 'call', 'calls')} (${p.merged_records} merged)${p.missed_rings ? `, ${n(p.missed_rings, 'missed ring', 'missed rings')}` : ''}${p.unfinished_calls.length ? `, ${n(p.unfinished_calls.length, 'unfinished call', 'unfinished calls')} not imported` : ''}` : '';
  const mapping = s.mapping ? `; mapping ${s.mapping}` : '';
  return `${s.file}: ${parts} (import #${s.import_id}, ${s.encoding}${mapping}${profile}${s.rejects_file ? `; rejected rows in ${s.rejects_file}` : ''})`;
}

/** Imports each file in turn (each its own transaction); stops at the first failure. */
export async function runImportCommand(kind: ImportKind, files: string[], flags: ImportFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  if (flags.rejects && !flags.skipInvalid) throw new UsageError('--rejects goes with --skip-invalid', { hint: 'add --skip-invalid to import the good rows and write the bad ones to --rejects' });
  if (flags.mapping && flags.profile) throw new UsageError('--mapping and --profile do not go together', { hint: 'a profile reads a phone system\'s own export; a mapping describes any other export' });
  const { policy } = policyFor(globals, rt);
  const mapping = flags.mapping ? (await import('../../io/mapping/mapping.js')).loadMapping(flags.mapping, kind) : undefined;
  for (const f of files) if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
  const handle = openDb(globals, rt, { durable: true, create: true });
  const quick = handle.db.pragma('quick_check', { simple: true });
  if (quick !== 'ok') {
    handle.close();
    throw new DbStateError(`${handle.path}: the database fails its quick check (${String(quick)}); nothing was imported`, { hint: 'run hotline db check, and restore from a backup copy' });
  }
  const stop = onInterrupt();
  const bar = rt.stderr.isTTY && rt.env.TERM !== 'dumb'
    ? new cliProgress.SingleBar({ stream: rt.stderr, format: '{file} [{bar}] {percentage}% {eta_formatted}', clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  const summaries: ImportSummary[] = [];
  const opts: ImportOptions = {
    kind, files, encoding: flags.encoding, delimiter: flags.delimiter, sourceZone: flags.sourceTz, zone: policy.timezone, kpi: policy.kpi,
    skipInvalid: flags.skipInvalid ?? false, rejects: flags.rejects, force: flags.force ?? false, profile: flags.profile, mapping,
  };
  try {
    for (const file of files) {
      bar?.start(100, 0, { file });
      let summary: ImportSummary;
      try {
        summary = await importFile(file, opts, {
          db: handle.db, dbPath: handle.path, now: rt.now, isInterrupted: stop.interrupted,
          notice: (line) => say(rt, line),
          progress: (_f, bytes, total) => bar?.update(total > 0 ? Math.floor((bytes / total) * 100) : 100),
        });
      } finally {
        bar?.stop();
      }
      summaries.push(summary);
      say(rt, summaryLine(summary));
    }
    try {
      handle.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      // The imports above are committed (in the WAL); copying them into the main file can wait
      // for the next connection. A failure here (a full disk) must not report them as lost.
      say(rt, `warning: ${handle.path}: the imports are committed, but moving them from the -wal file into the database failed (${(e as Error).message}); SQLite retries on the next run`);
    }
  } finally {
    stop.dispose();
    handle.close();
    if (flags.format === 'json' && summaries.length > 0) rt.stdout.write(renderJsonValue(files.length === 1 ? summaries[0] : summaries));
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
  const { inspectFile } = await import('../../io/inspect.js');
  if (flags.saveMapping) checkOutPath(flags.saveMapping, flags.force ?? false);
  // A mapping is built from more rows than are shown, to see the codes and dates a column holds.
  const full = await inspectFile(file, file, { kind: flags.kind, encoding: flags.encoding, delimiter: flags.delimiter, rows: flags.saveMapping ? Math.max(flags.rows, 500) : flags.rows });
  const r = { ...full, sample: full.sample.slice(0, flags.rows) };
  if (flags.saveMapping) return saveMapping(file, full, flags as InspectFlags & { saveMapping: string }, globals, rt);
  if (flags.format === 'json') return void rt.stdout.write(renderJsonValue(r));
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
