/**
 * Scores entered in a terminal (`appraise evaluate`): each saved at once as an evaluation row, under
 * one import-ledger entry for the session (kind evaluations) that carries the counts, so that the
 * ledger is right however the session ends (Ctrl-C included).
 */
import type Database from 'better-sqlite3';
import { EVALUATIONS, naturalKeyOf } from '../../domain/kinds.js';
import { finishImport, insertImport, type ImportCounts, type LedgerStart } from './imports.js';

/** One score as `import evaluations` would store it. */
type EvaluationScore = {
  operator_id: string;
  month: string;
  metric: 'teamwork' | 'knowledge_test' | 'satisfaction_survey';
  score: number;
  evaluator: string;
};

/** A session of scores: its ledger entry (none until the first score is saved) and its counts. */
export interface ScoreSession {
  ledger: number | null;
  counts: ImportCounts;
  /** The ledger entry opened with the first score. */
  entry: LedgerStart;
}

/** The counts of a session before its first score. */
export const NEW_SESSION_COUNTS: Readonly<ImportCounts> = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };

/**
 * Saves one score in an IMMEDIATE transaction: the ledger entry opened with the first, the row
 * keyed as an import keys it (EVALUATIONS.derivedKey), its tracking columns pointing at the session
 * and the session's line, the counts and the finishing time brought up to date.
 */
export function saveSessionScore(db: Database.Database, session: ScoreSession, s: EvaluationScore, now: () => number): ScoreSession {
  const id = naturalKeyOf(EVALUATIONS, s);
  return db.transaction((): ScoreSession => {
    const imp = session.ledger ?? insertImport(db, session.entry);
    const old = db.prepare('SELECT score FROM evaluations WHERE evaluation_id = ?').pluck().get(id) as number | undefined;
    db.prepare(`INSERT INTO evaluations (evaluation_id, operator_id, month, metric, score, evaluator, note, import_id, created_import_id, seen_import_id, seen_line)
      VALUES (@id, @operator_id, @month, @metric, @score, @evaluator, NULL, @imp, @imp, @imp, @line)
      ON CONFLICT (evaluation_id) DO UPDATE SET score = excluded.score, import_id = excluded.import_id, seen_import_id = excluded.seen_import_id, seen_line = excluded.seen_line`)
      .run({ id, operator_id: s.operator_id, month: s.month, metric: s.metric, score: s.score, evaluator: s.evaluator, imp, line: session.counts.rows + 1 });
    const counts = { ...session.counts, rows: session.counts.rows + 1 };
    if (old === undefined) counts.inserted++;
    else if (old === s.score) counts.unchanged++;
    else counts.updated++;
    finishImport(db, imp, counts, now());
    return { ...session, ledger: imp, counts };
  }).immediate();
}
