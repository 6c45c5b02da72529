// RELIABILITY.md "Deferred-upgrade trap": a transaction that reads and then writes must start with
// BEGIN IMMEDIATE, or a second writer makes its upgrade fail with SQLITE_BUSY_SNAPSHOT whatever the
// busy timeout. The first tests show the trap and the cure on two real connections; the last one
// reads every source file and checks that each transaction hotline opens is IMMEDIATE.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hotline-immediate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two connections to one WAL database holding a counter. */
function pair(name: string): [Database.Database, Database.Database] {
  const path = join(dir, name);
  const a = new Database(path, { timeout: 2000 });
  a.pragma('journal_mode = WAL');
  a.exec('CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (0)');
  return [a, new Database(path, { timeout: 2000 })];
}

describe('the trap, on two connections', () => {
  test('a deferred transaction that read before another writer committed cannot write: SQLITE_BUSY_SNAPSHOT despite the timeout', () => {
    const [a, b] = pair('deferred.db');
    const bump = a.transaction(() => {
      const n = a.prepare('SELECT n FROM counter').pluck().get() as number;
      b.prepare('UPDATE counter SET n = n + 10').run(); // the other writer commits in between
      a.prepare('UPDATE counter SET n = ?').run(n + 1);
    });
    expect(() => bump.deferred()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY_SNAPSHOT' }));
    expect(b.prepare('SELECT n FROM counter').pluck().get()).toBe(10);
    a.close();
    b.close();
  });

  test('with BEGIN IMMEDIATE the other writer waits (here: gives up busy) and the read-then-write is consistent', () => {
    const [a, b] = pair('immediate.db');
    b.pragma('busy_timeout = 0');
    const bump = a.transaction(() => {
      const n = a.prepare('SELECT n FROM counter').pluck().get() as number;
      expect(() => b.prepare('UPDATE counter SET n = n + 10').run()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      a.prepare('UPDATE counter SET n = ?').run(n + 1);
    });
    bump.immediate();
    expect(b.prepare('SELECT n FROM counter').pluck().get()).toBe(1);
    a.close();
    b.close();
  });
});

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(at: string): string[] {
  return readdirSync(at, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(at, e.name)) : e.name.endsWith('.ts') ? [join(at, e.name)] : []));
}

/** The text after the call that opens at `open` (the index of its '('), found by matching parentheses. */
function afterCall(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(i + 1, i + 40);
  }
  return '';
}

describe('every transaction in src/ is IMMEDIATE', () => {
  const files = sources(SRC).map((f) => ({ name: f.slice(SRC.length + 1), text: readFileSync(f, 'utf8') }));

  test('db.transaction(fn) is always run with .immediate()', () => {
    const calls = files.flatMap(({ name, text }) => [...text.matchAll(/\.transaction\(/g)].map((m) => ({ name, after: afterCall(text, (m.index as number) + '.transaction'.length) })));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !/^\s*\.immediate\(\)/.test(c.after))).toEqual([]);
  });

  test('a hand-written BEGIN is BEGIN IMMEDIATE', () => {
    const begins = files.flatMap(({ name, text }) => [...text.matchAll(/exec\(\s*['"`]\s*BEGIN\b[^'"`]*/gi)].map((m) => ({ name, sql: m[0] })));
    expect(begins.length).toBeGreaterThan(0);
    expect(begins.filter((b) => !/BEGIN\s+IMMEDIATE/i.test(b.sql))).toEqual([]);
  });
});
