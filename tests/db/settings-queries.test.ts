// The settings stored in the database (src/db/queries/settings.ts), in a migrated in-memory
// database: the time zone its local days are in, checked once for reports and imports alike.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { checkTimeZone, claimTimeZone, getSetting, setSetting } from '../../src/db/queries/settings.js';

function newDb(zone?: string): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  if (zone) setSetting(db, 'timezone', zone);
  return db;
}

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('checkTimeZone (a report)', () => {
  test('a database no import has written yet: nothing to check, and nothing recorded', () => {
    const db = newDb();
    checkTimeZone(db, 'h.db', 'Asia/Shanghai');
    expect(getSetting(db, 'timezone')).toBeUndefined();
  });

  test.each([
    { name: 'the same zone', stored: 'Asia/Shanghai', policy: 'Asia/Shanghai' },
    { name: 'the same zone in other letter case', stored: 'Asia/Shanghai', policy: 'asia/shanghai' },
  ])('$name: the report runs', ({ stored, policy }) => {
    expect(thrown(() => checkTimeZone(newDb(stored), 'h.db', policy))).toBeUndefined();
  });

  test('another zone: exit 4, naming both zones and both ways out', () => {
    expect(thrown(() => checkTimeZone(newDb('Asia/Shanghai'), 'h.db', 'UTC'))).toMatchObject({
      exitCode: 4,
      message: "h.db: this database's local days are in Asia/Shanghai, but the policy time zone is UTC",
      hint: 'set "timezone": "Asia/Shanghai" in the policy, or use a database imported under UTC',
    });
  });
});

describe('claimTimeZone (an import)', () => {
  test('the first import records its zone', () => {
    const db = newDb();
    claimTimeZone(db, 'h.db', 'Asia/Urumqi');
    expect(getSetting(db, 'timezone')).toBe('Asia/Urumqi');
  });

  test('a later import under another zone: exit 4, and the stored zone stays', () => {
    const db = newDb('Asia/Shanghai');
    expect(thrown(() => claimTimeZone(db, 'h.db', 'UTC'))).toMatchObject({
      exitCode: 4,
      message: "h.db: this database's local days are in Asia/Shanghai, but the policy time zone is UTC",
      hint: 'set "timezone": "Asia/Shanghai" in the policy, or use a new database for UTC',
    });
    expect(getSetting(db, 'timezone')).toBe('Asia/Shanghai');
  });
});
