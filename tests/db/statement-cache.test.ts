// Prepared statements kept per connection and SQL text (src/db/statement-cache.ts), for the
// queries that run the same SQL many times (the per-day summary, the statistics).
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { cachedStatement } from '../../src/db/statement-cache.js';

describe('cachedStatement', () => {
  test('the same SQL on the same connection is prepared once; another connection gets its own', () => {
    const a = new Database(':memory:');
    const b = new Database(':memory:');
    const first = cachedStatement(a, 'SELECT 1 + ? AS n');
    expect(cachedStatement(a, 'SELECT 1 + ? AS n')).toBe(first);
    expect(cachedStatement(a, 'SELECT 2 AS n')).not.toBe(first);
    const other = cachedStatement(b, 'SELECT 1 + ? AS n');
    expect(other).not.toBe(first);
    expect(other.get(41)).toEqual({ n: 42 });
  });
});
