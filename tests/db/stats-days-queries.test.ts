// summaryExists (src/db/queries/stats-days.ts): whether the appraisal may read answered calls and
// ratings from the per-day summary, in a migrated in-memory database.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { setSetting } from '../../src/db/queries/settings.js';
import { summaryExists, summaryServes } from '../../src/db/queries/stats-days.js';

function newDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

describe('summaryExists', () => {
  test('no summary built yet (a database before its first calls import)', () => {
    expect(summaryExists(newDb())).toBe(false);
  });

  test('a summary built for other thresholds still exists for the appraisal, though it does not serve these statistics', () => {
    const db = newDb();
    setSetting(db, 'stats_summary', JSON.stringify({ version: 0, threshold_seconds: 20, short_abandon_seconds: 5 }));
    expect(summaryExists(db)).toBe(true);
    expect(summaryServes(db, { threshold_seconds: 15, short_abandon_seconds: 5 })).toBe(false);
  });
});
