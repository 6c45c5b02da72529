// Scores entered in a terminal (src/db/queries/evaluations.ts, used by `appraise evaluate`), in a
// migrated in-memory database: each saved at once under one ledger entry for the session, keyed
// exactly as `import evaluations` keys the same score, so that either one replaces the other.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { NEW_SESSION_COUNTS, saveSessionScore, type ScoreSession } from '../../src/db/queries/evaluations.js';
import { EVALUATIONS } from '../../src/domain/kinds.js';
import { buildRowPlan } from '../../src/io/row-plan.js';

function newDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

const ENTRY = {
  kind: 'evaluations', file_name: 'appraise evaluate 2026-11', file_path: '(interactive)', sha256: 'interactive:1790000000:1', size_bytes: 0, encoding: 'utf-8',
  delimiter: '', profile: 'interactive', started_at: 1_790_000_000, os_user: 'lead', hotline_version: '0',
};

const session = (): ScoreSession => ({ ledger: null, counts: NEW_SESSION_COUNTS, entry: ENTRY });

describe('saveSessionScore', () => {
  test('the first score opens the ledger entry; each score brings its counts and finishing time up to date', () => {
    const db = newDb();
    let clock = 1_790_000_010;
    const now = (): number => clock;
    let s = saveSessionScore(db, session(), { operator_id: '3003', month: '2026-11', metric: 'teamwork', score: 78.5, evaluator: 'lead' }, now);
    expect(s.ledger).toBe(1);
    expect(s.counts).toEqual({ rows: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
    clock = 1_790_000_040;
    s = saveSessionScore(db, s, { operator_id: '3003', month: '2026-11', metric: 'knowledge_test', score: 82, evaluator: 'lead' }, now);
    expect(s.ledger).toBe(1);
    expect(db.prepare('SELECT id, kind, file_name, rows, inserted, updated, unchanged, started_at, finished_at FROM imports').all()).toEqual([
      { id: 1, kind: 'evaluations', file_name: 'appraise evaluate 2026-11', rows: 2, inserted: 2, updated: 0, unchanged: 0, started_at: 1_790_000_000, finished_at: 1_790_000_040 },
    ]);
    expect(db.prepare('SELECT evaluation_id, operator_id, month, metric, score, evaluator, note, import_id, created_import_id, seen_import_id, seen_line FROM evaluations ORDER BY seen_line').all()).toEqual([
      { evaluation_id: '3003|2026-11|teamwork|lead', operator_id: '3003', month: '2026-11', metric: 'teamwork', score: 78.5, evaluator: 'lead', note: null, import_id: 1, created_import_id: 1, seen_import_id: 1, seen_line: 1 },
      { evaluation_id: '3003|2026-11|knowledge_test|lead', operator_id: '3003', month: '2026-11', metric: 'knowledge_test', score: 82, evaluator: 'lead', note: null, import_id: 1, created_import_id: 1, seen_import_id: 1, seen_line: 2 },
    ]);
  });

  test('the same score again is unchanged, another one is updated (one row, the first session still its creator)', () => {
    const db = newDb();
    const score = { operator_id: '3003', month: '2026-11', metric: 'teamwork' as const, score: 70, evaluator: 'lead' };
    saveSessionScore(db, session(), score, () => 1_790_000_010);
    let second = saveSessionScore(db, { ...session(), entry: { ...ENTRY, sha256: 'interactive:1790000100:1' } }, score, () => 1_790_000_110);
    second = saveSessionScore(db, second, { ...score, score: 75 }, () => 1_790_000_120);
    expect(second.counts).toEqual({ rows: 2, inserted: 0, updated: 1, unchanged: 1, rejected: 0, skipped: 0 });
    expect(db.prepare('SELECT score, import_id, created_import_id, seen_line FROM evaluations').all()).toEqual([{ score: 75, import_id: 2, created_import_id: 1, seen_line: 2 }]);
  });

  test('the key is the one `import evaluations` gives the same operator, month, metric and evaluator (EVALUATIONS.derivedKey, in its order)', () => {
    const plan = buildRowPlan(EVALUATIONS, ['评分人', '指标', '分数', '月份', '工号'], { file: 'evaluations.csv', zone: 'Asia/Shanghai' });
    const converted = plan.convert(['lead', '团队协作', '90', '2026-11', '3003'], 2);
    if (!('values' in converted)) throw new Error(JSON.stringify(converted.issue));
    const imported = converted.values[plan.columns.indexOf('evaluation_id')];
    const db = newDb();
    saveSessionScore(db, session(), { operator_id: '3003', month: '2026-11', metric: 'teamwork', score: 90, evaluator: 'lead' }, () => 1_790_000_010);
    expect(db.prepare('SELECT evaluation_id FROM evaluations').pluck().get()).toBe(imported);
  });
});
