/** Settings stored in the database itself (the time zone its local days were computed in). */
import type Database from 'better-sqlite3';
import { sameZoneName } from '../../domain/dates.js';
import { DbStateError } from '../../errors.js';

export function getSetting(db: Database.Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setSetting(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * Local days are stored with each row, so one database keeps one time zone: the first import
 * records it, and a later import under another zone is refused.
 */
export function claimTimeZone(db: Database.Database, path: string, zone: string): void {
  const stored = getSetting(db, 'timezone');
  if (stored === undefined) setSetting(db, 'timezone', zone);
  else if (!sameZoneName(stored, zone)) {
    throw new DbStateError(`${path}: this database's local days are in ${stored}, but the policy time zone is ${zone}`, {
      hint: `set "timezone": "${stored}" in the policy, or use a new database for ${zone}`,
    });
  }
}
