/** Renders a report with the output flags and writes it to stdout or --out; unmasked customer data is audited. */
import { osUser } from '../os-user.js';
import type Database from 'better-sqlite3';
import { recordAudit } from '../db/queries/audit.js';
import { UsageError } from '../errors.js';
import { writeOutput } from '../io/output.js';
import { renderReport } from '../io/render/index.js';
import { tableView, type ReportTable, type Row } from '../io/render/report.js';
import { renderSettings } from './context.js';
import type { OutputFlags } from './options.js';
import type { Runtime } from './runtime.js';

/** Where and how an unmasked report is recorded. */
export interface AuditContext {
  db: Database.Database;
  /** The report's name, e.g. 'calls list'. */
  report: string;
  filters: Record<string, unknown>;
  requireReason: boolean;
}


/** Refuses --show-pii without --reason where the policy asks for one (before any work). */
export function checkPiiReason(flags: OutputFlags, requireReason: boolean): void {
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

/** Writes `report`; a terminal table leaves out the columns marked `wide` unless --wide. */
export function emitReport(report: ReportTable, flags: OutputFlags, rt: Runtime, audit?: AuditContext): void {
  const settings = renderSettings(flags, rt);
  const shown = settings.format === 'table' ? tableView(report, flags.wide ?? false) : report;
  const unmasked = settings.showPii && audit !== undefined && shown.columns.some((c) => c.pii);
  if (unmasked) checkPiiReason(flags, audit.requireReason);
  const seen = { n: 0 };
  writeOutput(renderReport(unmasked ? { ...shown, rows: counting(shown.rows, seen) } : shown, settings), settings);
  if (unmasked) {
    recordAudit(audit.db, {
      at: rt.now(), os_user: osUser(), action: 'show_pii', command: ['hotline', ...process.argv.slice(2)].join(' '),
      report: audit.report, filters_json: JSON.stringify(audit.filters), records: seen.n, reason: flags.reason ?? null,
    });
  }
}
