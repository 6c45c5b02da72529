/**
 * What an import says about a file's header on stderr: the columns it ignores (issue 18: a
 * header of 100k names), and the KPIs a calls file cannot give (issue 17.6).
 */
import type { ImportKind } from '../domain/kinds.js';
import type { ConvertJob } from './convert-stage.js';
import type { RowPlan } from './row-plan.js';

/** Ignored columns named on stderr: at most this many, then a count. */
const MAX_NAMED_COLUMNS = 20;
/** Characters of an ignored column's name shown on stderr. */
const MAX_NAME_CHARS = 60;

/** A header cell for a one-line message: cut to MAX_NAME_CHARS, quoted (JSON) when it holds a control character. */
function columnName(header: string): string {
  const cut = header.length > MAX_NAME_CHARS ? `${header.slice(0, MAX_NAME_CHARS)}…` : header;
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(cut) ? JSON.stringify(cut) : cut;
}

/** The stderr line naming a file's ignored columns (the first 20, then how many more), or undefined when there are none. */
function ignoredColumnsNotice(file: string, ignored: readonly string[]): string | undefined {
  if (ignored.length === 0) return undefined;
  const named = ignored.slice(0, MAX_NAMED_COLUMNS).map(columnName).join(', ');
  const more = ignored.length > MAX_NAMED_COLUMNS ? ` … and ${ignored.length - MAX_NAMED_COLUMNS} more (${ignored.length} in all)` : '';
  return `${file}: ignored columns: ${named}${more}`;
}

/** Per kind, the columns without which some KPIs are unknown (issue 17.6), and what the statistics then show as n/a. */
const KPI_COLUMNS: Partial<Record<ImportKind, readonly { field: string; kpis: string }[]>> = {
  calls: [
    { field: 'wait_seconds', kpis: 'service level, answered within the threshold, ASA and abandon waits' },
    { field: 'talk_seconds', kpis: 'AHT and talk time' },
  ],
};

/** The ignored columns of the header, as one line (or none). */
export function ignoredNotices(job: ConvertJob, plan: RowPlan): string[] {
  const ignored = ignoredColumnsNotice(job.file, plan.ignored);
  return ignored ? [ignored] : [];
}

/** The KPIs a file cannot give (calls), one line per missing column. */
export function kpiNotices(job: ConvertJob, plan: RowPlan): string[] {
  const out: string[] = [];
  for (const { field, kpis } of KPI_COLUMNS[job.kind] ?? []) {
    if (plan.fieldIndex.has(field)) continue;
    const spec = plan.spec.fields.find((f) => f.name === field);
    const what = job.mapping ? `the mapping ${job.mapping.file} gives no ${field}` : `no ${field} column (${spec?.aliases.slice(0, 3).join(', ')} …)`;
    out.push(`${job.file}: ${what}: ${kpis} of its calls show n/a`);
  }
  return out;
}

