// cachedStatement (src/db/queries/statements.ts): one prepared statement per connection and SQL
// text, shared by the statistics queries and the per-day summary.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { cachedStatement } from '../../src/db/queries/statements.js';

describe('cachedStatement', () => {
  test('the same connection and SQL: the same statement; another SQL or another connection: another', () => {
    const a = new Database(':memory:');
    const b = new Database(':memory:');
    const one = cachedStatement(a, 'SELECT 1 AS n');
    expect(cachedStatement(a, 'SELECT 1 AS n')).toBe(one);
    expect(cachedStatement(a, 'SELECT 2 AS n')).not.toBe(one);
    expect(cachedStatement(b, 'SELECT 1 AS n')).not.toBe(one);
    expect(one.get()).toEqual({ n: 1 });
  });
});
