// Meta test (issue 19 item 3): SQL lives only in src/db/. A statement, a pragma, a transaction or
// an SQL function registered on a connection anywhere else is a query that src/db/queries/ lacks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** What a database call or an SQL statement looks like in TypeScript. */
const SQL = [
  /\.prepare\(/, /\.pragma\(/, /\.transaction\(/, /\bdb\.function\(/, /\bdb\.exec\(/,
  /\bSELECT\s+[\w*(]/, /\bINSERT\s+INTO\b/, /\bUPDATE\s+\w+\s+SET\b/, /\bDELETE\s+FROM\b/,
];

/**
 * The import thread (src/cli/import-thread.ts) checks the database and checkpoints the WAL around
 * an import: it belongs to the import path, which issue 19 item 4 reshapes.
 */
const ELSEWHERE: Readonly<Record<string, readonly string[]>> = {
  'src/cli/import-thread.ts': ["handle.db.pragma('quick_check', { simple: true })", "handle.db.pragma('wal_checkpoint(PASSIVE)')"],
};

describe('SQL only in src/db', () => {
  const files = ['app', 'cli', 'io', 'domain'].flatMap((d) => sourcesUnder(join(ROOT, 'src', d)));
  test.each(files.map((f) => ({ name: relative(ROOT, f), f })))('$name has no query', ({ name, f }) => {
    const lines = readFileSync(f, 'utf8').split('\n').map((l) => l.trim());
    const found = lines.filter((l) => !l.startsWith('//') && !l.startsWith('*') && !l.startsWith('/*') && SQL.some((re) => re.test(l)));
    const allowed = ELSEWHERE[name] ?? [];
    expect(found.filter((l) => !allowed.some((a) => l.includes(a)))).toEqual([]);
  });
});
