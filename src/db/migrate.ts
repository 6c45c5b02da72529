/** Schema migrations keyed by PRAGMA user_version, run forward in one IMMEDIATE transaction each. */
import type Database from 'better-sqlite3';
import { DbStateError } from '../errors.js';
import { sql as foundation } from './migrations/001-foundation.js';
import { sql as missedRings } from './migrations/002-missed-rings.js';
import { sql as statsDays } from './migrations/003-stats-days.js';
import { sql as leave } from './migrations/004-leave.js';
import { sql as ticketsEvaluations } from './migrations/005-tickets-evaluations.js';
import { sql as appraisals } from './migrations/006-appraisals.js';
import { sql as audit } from './migrations/007-audit.js';
import { sql as training } from './migrations/008-training.js';
import { sql as ivrSeconds } from './migrations/009-ivr-seconds.js';
import { sql as missedRingsByTime } from './migrations/010-missed-rings-by-time.js';
import { sql as reimports } from './migrations/011-reimports.js';
import { sql as repeats } from './migrations/012-repeats.js';
import { sql as incremental } from './migrations/013-incremental.js';
import { sql as presence } from './migrations/014-presence.js';
import { sql as presenceByTime } from './migrations/015-presence-by-time.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'missed-rings', sql: missedRings },
  { version: 3, name: 'stats-days', sql: statsDays },
  { version: 4, name: 'leave', sql: leave },
  { version: 5, name: 'tickets-evaluations', sql: ticketsEvaluations },
  { version: 6, name: 'appraisals', sql: appraisals },
  { version: 7, name: 'audit', sql: audit },
  { version: 8, name: 'training', sql: training },
  { version: 9, name: 'ivr-seconds', sql: ivrSeconds },
  { version: 10, name: 'missed-rings-by-time', sql: missedRingsByTime },
  { version: 11, name: 'reimports', sql: reimports },
  { version: 12, name: 'repeats', sql: repeats },
  { version: 13, name: 'incremental', sql: incremental },
  { version: 14, name: 'presence', sql: presence },
  { version: 15, name: 'presence-by-time', sql: presenceByTime },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Current schema version of a database. */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings `db` to the latest schema; refuses a database written by a newer hotline. */
export function migrate(db: Database.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new DbStateError(`${path}: the database has schema version ${current}, newer than this hotline understands (${latest})`, {
      hint: 'upgrade hotline (npm install) before using this database',
    });
  }
  for (const m of migrations) {
    if (m.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
