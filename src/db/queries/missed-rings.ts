/** Rings an operator let pass (from queue logs), stored for three-ring compliance per operator. */
import type Database from 'better-sqlite3';
import { localDateOf } from '../../domain/dates.js';

export interface MissedRingRow {
  operator_id: string;
  rang_at: number;
  call_id: string;
  ring_seconds: number | null;
}

/** Inserts the rings of one import (the same ring twice is kept once). */
export function insertMissedRings(db: Database.Database, rings: readonly MissedRingRow[], zone: string, importId: number): void {
  const insert = db.prepare(`INSERT INTO missed_rings (operator_id, rang_at, local_day, call_id, ring_seconds, import_id)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
  for (const r of rings) insert.run(r.operator_id, r.rang_at, localDateOf(r.rang_at, zone), r.call_id, r.ring_seconds, importId);
}
