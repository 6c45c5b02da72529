/**
 * The one emit path: renders a report with the output flags (table, CSV, JSON, xlsx, ics) and
 * writes it to stdout or --out; unmasked customer data is audited.
 */
import { osUser } from '../os-user.js';
import type Database from 'better-sqlite3';
import { recordAudit } from '../db/queries/audit.js';
import { DbStateError, UsageError } from '../errors.js';
import { checkOutPath, writeOutput, type OutputTarget } from '../io/output.js';
import { renderIcs } from '../io/render/ics.js';
import { renderReport } from '../io/render/index.js';
import { renderJsonValue } from '../io/render/json.js';
import { tableView, type Format, type OutputFormat, type RenderOptions, type Report, type Row } from '../io/render/report.js';
import type { OutputFlags } from './options.js';
import { colorAllowed, say, terminalWidth, type Runtime } from './runtime.js';

/** The output flags, with the formats some reports add (xlsx, ics). */
export type EmitFlags = Omit<OutputFlags, 'format'> & { format?: OutputFormat };

/** Where and how an unmasked report is recorded. */
export interface AuditContext {
  db: Database.Database;
  /** The report's name, e.g. 'calls list'. */
  report: string;
  filters: Record<string, unknown>;
  requireReason: boolean;
}

/** Rendering and output settings from the output flags (format: --format, else by the --out file's extension, else table on a terminal and CSV elsewhere). */
function renderSettings(flags: EmitFlags, rt: Runtime): RenderOptions & OutputTarget {
  checkOutPath(flags.out, flags.force ?? false);
  const byExtension = flags.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  if (flags.format === 'xlsx' || flags.format === 'ics') throw new DbStateError(`internal: this report has no ${flags.format}`);
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

/** Refuses --show-pii without --reason where the policy asks for one (before any work). */
export function checkPiiReason(flags: Pick<OutputFlags, 'showPii' | 'reason'>, requireReason: boolean): void {
  if (flags.showPii && requireReason && !flags.reason?.trim()) {
    throw new UsageError('--show-pii needs --reason "…": unmasked customer data is recorded in the audit trail', {
      hint: 'say why, e.g. --reason "customer callback for complaint T123"; see docs/privacy.md',
    });
  }
}

function* counting(rows: Iterable<Row>, seen: { n: number }): Generator<Row> {
  for (const r of rows) {
    seen.n++;
    yield r;
  }
}

/** xlsx is a file (exceljs, loaded only for it): written to --out, and said so. */
async function emitXlsx(report: Report & { sheet: string }, flags: EmitFlags, rt: Runtime): Promise<void> {
  const out = flags.out;
  if (!out) throw new UsageError('--format xlsx writes a file: give --out FILE.xlsx');
  checkOutPath(out, flags.force ?? false);
  const { renderXlsx } = await import('../io/render/xlsx.js');
  const bytes = await renderXlsx(report, { lang: flags.lang, showPii: false }, report.sheet);
  writeOutput([bytes], { out, force: flags.force ?? false, stdout: rt.stdout });
  say(rt, `wrote ${out}`);
}

/** Table, CSV or JSON: a terminal table leaves out the columns marked `wide` unless --wide (a page replaces it); JSON is the document, else the rows. */
function emitText(report: Report, flags: EmitFlags, rt: Runtime, audit: AuditContext | undefined): Format {
  const settings = renderSettings(flags, rt);
  for (const line of report.notes?.(settings.format) ?? []) say(rt, line);
  if (settings.format === 'json' && report.json !== undefined) {
    writeOutput([renderJsonValue(report.json, settings)], settings);
    return settings.format;
  }
  if (settings.format === 'table' && report.page) {
    writeOutput(report.page({ lang: settings.lang, color: settings.color, width: settings.width, wide: flags.wide }), settings);
    return settings.format;
  }
  const shown = settings.format === 'table' ? tableView(report, flags.wide ?? false) : report;
  const unmasked = settings.showPii && audit !== undefined && shown.columns.some((c) => c.pii);
  if (unmasked) checkPiiReason(flags, audit.requireReason);
  const seen = { n: 0 };
  writeOutput(renderReport(unmasked ? { ...shown, rows: counting(shown.rows, seen) } : shown, settings), settings);
  if (unmasked) {
    recordAudit(audit.db, {
      at: rt.now(), os_user: osUser(), action: 'show_pii', command: ['hotline', ...rt.argv].join(' '),
      report: audit.report, filters_json: JSON.stringify(audit.filters), records: seen.n, reason: flags.reason ?? null,
    });
  }
  return settings.format;
}

/**
 * Writes `report` in the format the flags ask for and returns that format. xlsx and ics are
 * chosen by --format or by the --out file's extension, for a report that has a sheet or a
 * calendar. Everything but xlsx is written before the first await, while the caller's database
 * handle is open.
 */
export async function emitReport(report: Report, flags: EmitFlags, rt: Runtime, audit?: AuditContext): Promise<OutputFormat> {
  const extension = flags.out?.toLowerCase() ?? '';
  if (report.sheet !== undefined && (flags.format === 'xlsx' || extension.endsWith('.xlsx'))) {
    await emitXlsx({ ...report, sheet: report.sheet }, flags, rt);
    return 'xlsx';
  }
  if (report.calendar && (flags.format === 'ics' || extension.endsWith('.ics'))) {
    writeOutput([renderIcs(report.calendar.events, rt.now(), report.calendar.name)], renderSettings({ ...flags, format: 'csv' }, rt));
    return 'ics';
  }
  return emitText(report, flags, rt, audit);
}
