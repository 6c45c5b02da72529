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
 * Local days are stored with each row, so one database keeps one time zone: a report under
 * another policy zone is refused (its days would be mislabelled); an import (`use: 'import'`)
 * records the zone when the database has none yet, and is refused likewise.
 */
export function checkTimeZone(db: Database.Database, path: string, zone: string, use: 'report' | 'import' = 'report'): void {
  const stored = getSetting(db, 'timezone');
  if (stored === undefined) {
    if (use === 'import') setSetting(db, 'timezone', zone);
    return;
  }
  if (sameZoneName(stored, zone)) return;
  throw new DbStateError(`${path}: this database's local days are in ${stored}, but the policy time zone is ${zone}`, {
    hint: `set "timezone": "${stored}" in the policy, or use ${use === 'import' ? 'a new database for' : 'a database imported under'} ${zone}`,
  });
}

/** The first import records its time zone; a later import under another zone is refused (checkTimeZone). */
export function claimTimeZone(db: Database.Database, path: string, zone: string): void {
  checkTimeZone(db, path, zone, 'import');
}
