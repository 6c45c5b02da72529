/**
 * What an import of each kind does besides writing its rows (src/db/import-writer.ts KindHooks),
 * one object per kind, next to the queries it runs: calls keep the per-day statistics summary
 * and store a profile's missed rings; leave refuses overlapping records; presence rebuilds the
 * sessions and pauses of the operators it touched. A kind not listed only
 * writes its rows.
 */
import { KIND_SPECS, storedColumns, type ImportKind } from '../domain/kinds.js';
import type { KindHooks } from './import-writer.js';
import { assertNoOverlaps } from './queries/leave.js';
import { insertMissedRings } from './queries/missed-rings.js';
import { noteEvent, PresenceStream, rebuildPresence, type RebuildCounts } from './queries/presence.js';
import { beginIncremental, rebuildSummary, refreshSummary, SummaryAccumulator, summaryThresholds, type SummaryThresholds } from './queries/stats-days.js';

/** What a kind's hooks may need of the import. */
export interface KindImportContext {
  /** The file as the user named it (its base name), for messages. */
  file: string;
  /** The policy's KPI thresholds, which the per-day summary is built for. */
  kpi: SummaryThresholds;
  /** The file is a phone-system export read through a profile (which may give missed rings). */
  profile: boolean;
  /** A line for stderr: a warning, or with `note` information only (shown on a terminal or with --verbose: cron stays quiet). */
  notice: (line: string, note?: boolean) => void;
}

/** Inserted rows the per-day summary holds before it adds them to stats_days: memory stays bounded (docs/performance.md, "The per-day summary added up as rows are written"). */
const SUMMARY_FLUSH_ROWS = 25_000;

/**
 * calls: the per-day summary is kept up to date in the import's transaction, from the rows
 * inserted (added up as they are written) or, when it cannot be, rebuilt for the days written;
 * a profile's missed rings and presence events go in with the batch that brings them, and the
 * presence of the operators they touch is rebuilt before COMMIT.
 */
function callsImport(ctx: KindImportContext): KindHooks {
  /** The summary serves the policy's thresholds (or there is none yet): inserted rows are added to it. */
  let incremental = false;
  let accumulator: SummaryAccumulator | undefined;
  const presence = new PresenceStream();
  return {
    alsoFills: ctx.profile ? ['missed_rings', 'presence', 'presence_intervals'] : undefined,
    onBegin: (db) => {
      incremental = beginIncremental(db, ctx.kpi);
    },
    onBatch: (db, batch, importId) => {
      if (batch.rings && batch.rings.length > 0) insertMissedRings(db, batch.rings, importId);
      if (batch.presence && batch.presence.length > 0) presence.add(db, batch.presence, importId);
    },
    onInserted: (db, rows) => {
      if (!incremental) return;
      accumulator ??= new SummaryAccumulator(ctx.kpi, storedColumns(KIND_SPECS.calls));
      accumulator.add(rows);
      if (accumulator.size > SUMMARY_FLUSH_ROWS) accumulator.flush(db, new Set());
    },
    beforeCommit: (db, days, _importId, updatedDays) => {
      notePresence(presence.finish(db), ctx);
      if (incremental) {
        // Days with updated rows are recomputed from the calls; the others get the new rows' sums added.
        rebuildSummary(db, updatedDays, ctx.kpi);
        accumulator?.flush(db, updatedDays);
        return;
      }
      const before = summaryThresholds(db);
      if (refreshSummary(db, days, ctx.kpi) === 'all' && before) {
        ctx.notice(`rebuilt the per-day statistics summary for the policy's thresholds (${ctx.kpi.threshold_seconds} s, short abandon ${ctx.kpi.short_abandon_seconds} s)`);
      }
    },
  };
}

/** leave: one operator is on one kind of leave at a time, in the file and with what is stored. */
function leaveImport(ctx: KindImportContext): KindHooks {
  return {
    beforeCommit: (db, _days, importId) => assertNoOverlaps(db, importId, ctx.file),
  };
}

/** Says what the events of the operators whose presence an import built held that was not counted. */
function notePresence(c: RebuildCounts, ctx: KindImportContext): void {
  if (c.operators === 0) return;
  const parts = [
    c.relogins > 0 ? `${c.relogins} login${c.relogins === 1 ? '' : 's'} without a logout before ${c.relogins === 1 ? 'it' : 'them'} (the session before closed at that login)` : '',
    c.outside > 0 ? `${c.outside} logout${c.outside === 1 ? '' : 's'}, pause${c.outside === 1 ? '' : 's'} or unpause${c.outside === 1 ? '' : 's'} while logged out (not counted)` : '',
    c.unknown > 0 ? `${c.unknown} event${c.unknown === 1 ? '' : 's'} of a state hotline does not know (kept, not used)` : '',
  ].filter((p) => p !== '');
  // Information, not a problem with the import: the events are stored, the intervals are built as the rule says.
  if (parts.length > 0) ctx.notice(`${ctx.file}: presence of ${c.operators} operator${c.operators === 1 ? '' : 's'} rebuilt: ${parts.join('; ')}`, true);
}

/** presence: the sessions and pauses of the operators whose events the file holds are rebuilt before COMMIT. */
function presenceImport(ctx: KindImportContext): KindHooks {
  const touched = new Map<string, number>();
  const columns = storedColumns(KIND_SPECS.presence);
  const operator = columns.indexOf('operator_id');
  const at = columns.indexOf('at');
  return {
    onBatch: (_db, batch) => {
      for (const r of batch.rows) noteEvent(touched, r[operator] as string, r[at] as number);
    },
    beforeCommit: (db) => {
      if (touched.size > 0) notePresence(rebuildPresence(db, touched), ctx);
    },
  };
}

const KIND_IMPORTS: Partial<Record<ImportKind, (ctx: KindImportContext) => KindHooks>> = {
  calls: callsImport,
  leave: leaveImport,
  presence: presenceImport,
};

/** The hooks of an import of `kind` (none for a kind that only writes its rows). */
export function kindHooks(kind: ImportKind, ctx: KindImportContext): KindHooks {
  return KIND_IMPORTS[kind]?.(ctx) ?? {};
}
